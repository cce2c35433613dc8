package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"aloud/internal/article"
)

var (
	mdHeading = regexp.MustCompile(`^#{1,6}\s+(.*?)(?:\s+#+)?\s*$`)
	listMark  = regexp.MustCompile(`^(?:[-*•+–]|(\d{1,3})[.)])\s+(\S.*)$`)
)

// parsed is a block with a note of whether its heading type was guessed
// from its shape (short, no closing punctuation) rather than marked up.
type parsed struct {
	article.Block
	guessed bool
}

// parseBlock turns the lines of one blank-line-separated block into
// article blocks. Usually that is one paragraph, its wrapped lines joined
// with spaces; but a block may also hold Markdown headings, "> " quotes,
// list items, or lines broken on purpose (a subheading set directly above
// its paragraph, one-line paragraphs with no blank line between them).
func parseBlock(lines []string) []parsed {
	width := blockWidth(lines)
	p := blockParser{lines: lines, width: width, ragged: ragged(lines, width)}
	for i, l := range lines {
		p.line(i, l)
	}
	p.flush()
	return p.out
}

type blockParser struct {
	lines  []string
	width  int  // longest line, in runes
	ragged bool // not wrapped text: every line is its own unit
	out    []parsed
	kind   article.BlockType
	cur    []string
}

func (p *blockParser) line(i int, l string) {
	if h, ok := markdownHeading(l); ok {
		p.flush()
		p.emit(article.Heading, h, false)
		p.kind = ""
		return
	}
	if q, ok := quoteLine(l); ok {
		if p.kind != article.Quote {
			p.flush()
			p.kind = article.Quote
		}
		if q == "" {
			p.flush() // a bare ">" separates quoted paragraphs
			return
		}
		p.cur = append(p.cur, q)
		return
	}
	// A list starts a block, continues a list, or follows "…:"; elsewhere
	// a leading "- " or "1. " is more likely a wrapped line.
	if item, ok := listItem(l); ok && (i == 0 || p.kind == article.ListItem || strings.HasSuffix(p.lines[i-1], ":")) {
		p.flush()
		p.kind = article.ListItem
		p.cur = []string{item}
		return
	}
	if p.kind == "" {
		p.kind = article.Paragraph
	}
	if p.kind == article.Paragraph && len(p.cur) > 0 && deliberateBreak(p.lines, i-1, p.width, p.ragged) {
		p.flush()
	}
	p.cur = append(p.cur, l)
}

func (p *blockParser) flush() {
	if len(p.cur) == 0 {
		return
	}
	text := joinLines(p.cur)
	kind, guessed := p.kind, false
	if kind == article.Paragraph && len(p.cur) == 1 && isSubheading(text) {
		kind, guessed = article.Heading, true
	}
	p.emit(kind, text, guessed)
	p.cur = nil
}

func (p *blockParser) emit(kind article.BlockType, text string, guessed bool) {
	if text = collapseSpace(text); text != "" {
		p.out = append(p.out, parsed{article.Block{Type: kind, Text: text}, guessed})
	}
}

// settleHeadings turns guessed headings back into paragraphs where they
// cannot be subheadings: next to another heading (a run of short lines is
// a list or a table, not a section title) or at the very end.
func settleHeadings(ps []parsed) []article.Block {
	out := make([]article.Block, len(ps))
	for i, p := range ps {
		out[i] = p.Block
		if !p.guessed {
			continue
		}
		prevGuessed := i > 0 && ps[i-1].guessed
		nextHeading := i+1 < len(ps) && ps[i+1].Type == article.Heading
		if i == len(ps)-1 || prevGuessed || nextHeading {
			out[i].Type = article.Paragraph
		}
	}
	return out
}

// deliberateBreak reports whether the line break after lines[i] ends a
// paragraph (or subheading) rather than wrapping one: the next line starts
// a sentence, and either the next word would have fitted on the line
// (hardBreak) or the line ends a sentence and is too long to be wrapped
// text, as in files with one paragraph per line.
func deliberateBreak(lines []string, i, width int, ragged bool) bool {
	if i+1 >= len(lines) || strings.HasSuffix(lines[i], "-") || !startsUpper(lines[i+1]) {
		return false
	}
	if ragged || hardBreak(lines, i, width) {
		return true
	}
	// CJK text is not wrapped at spaces, so its full stop ends a line on purpose.
	return endsStop(lines[i]) && (runeLen(lines[i]) > maxWrapWidth || strings.HasSuffix(lines[i], "。"))
}

// ragged reports a block whose inner lines (not the first, which may be a
// subheading, nor the last) break early before a capital: such a block is
// a list or table of short lines, not wrapped text, so even its longest
// line ends a unit.
func ragged(lines []string, width int) bool {
	for j := 1; j+1 < len(lines); j++ {
		if hardBreak(lines, j, width) && startsUpper(lines[j+1]) && !strings.HasSuffix(lines[j], "-") {
			return true
		}
	}
	return false
}

// maxWrapWidth is the widest line hard-wrapped text usually has; longer
// lines come from files that put each paragraph on one line.
const maxWrapWidth = 100

// isSubheading reports a short line without closing punctuation that
// starts with a capital: the subheadings news pages put between paragraphs.
func isSubheading(s string) bool {
	return len(s) <= maxSubheadLen && wordCount(s) <= maxSubheadWords && hasWords(s) &&
		!endsSentence(s) && startsUpper(s)
}

// hardBreak reports whether the break after lines[i] was deliberate: the
// next line's first word would have fitted on it, so a text wrapped at the
// block's width would not have broken there.
// width is blockWidth(lines), passed in so a long block costs linear time.
func hardBreak(lines []string, i, width int) bool {
	if i+1 >= len(lines) {
		return true
	}
	next := strings.Fields(lines[i+1])
	if len(next) == 0 {
		return true
	}
	return runeLen(lines[i])+1+runeLen(next[0]) <= width
}

// blockWidth is the length of the longest line, in runes.
func blockWidth(lines []string) int {
	width := 0
	for _, l := range lines {
		width = max(width, runeLen(l))
	}
	return width
}

func markdownHeading(l string) (string, bool) {
	m := mdHeading.FindStringSubmatch(l)
	if m == nil || !hasWords(m[1]) {
		return "", false
	}
	return m[1], true
}

func isMarkdownHeading(l string) bool {
	_, ok := markdownHeading(l)
	return ok
}

// stripHeading returns l without Markdown heading marks.
func stripHeading(l string) string {
	if h, ok := markdownHeading(l); ok {
		return h
	}
	return l
}

func quoteLine(l string) (string, bool) {
	if !strings.HasPrefix(l, ">") {
		return "", false
	}
	return strings.TrimSpace(strings.TrimLeft(l, "> ")), true
}

// listItem returns the text of a list line. Bullets are dropped; numbers
// are kept ("2) Next" becomes "2. Next") because a listener cannot see them.
func listItem(l string) (string, bool) {
	m := listMark.FindStringSubmatch(l)
	if m == nil {
		return "", false
	}
	if m[1] != "" {
		return m[1] + ". " + m[2], true
	}
	return m[2], true
}

// joinLines joins wrapped lines with a space; a line ending in a hyphen
// before a lower-case word is joined without one ("well-\nknown").
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			r, _ := utf8.DecodeRuneInString(l)
			if !(strings.HasSuffix(prev, "-") && len(prev) > 1 && unicode.IsLower(r)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// collapseSpace trims s and turns runs of spaces and tabs into one space.
// Other white space (a no-break space in "Nov.\u00a05") is kept on purpose.
func collapseSpace(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") && !strings.ContainsRune(s, '\t') {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
