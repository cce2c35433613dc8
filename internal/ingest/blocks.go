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
	listMark  = regexp.MustCompile(`^(?:[-*•+–]|\d{1,3}[.)])\s+(\S.*)$`)
)

// parseBlock turns the lines of one blank-line-separated block into
// article blocks. Usually that is one paragraph, its wrapped lines joined
// with spaces; but a block may also hold Markdown headings, "> " quotes,
// list items, or a subheading set directly above its paragraph.
func parseBlock(lines []string) []article.Block {
	p := blockParser{lines: lines}
	for i, l := range lines {
		p.line(i, l)
	}
	p.flush()
	return p.out
}

type blockParser struct {
	lines []string
	out   []article.Block
	kind  article.BlockType
	cur   []string
}

func (p *blockParser) line(i int, l string) {
	if h, ok := markdownHeading(l); ok {
		p.flush()
		p.emit(article.Heading, h)
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
	if p.kind == article.Paragraph && len(p.cur) == 0 && i+1 < len(p.lines) &&
		isSubheading(l) && hardBreak(p.lines, i) && startsUpper(p.lines[i+1]) {
		p.emit(article.Heading, l)
		return
	}
	p.cur = append(p.cur, l)
}

func (p *blockParser) flush() {
	if len(p.cur) == 0 {
		return
	}
	text := joinLines(p.cur)
	kind := p.kind
	if kind == article.Paragraph && len(p.cur) == 1 && isSubheading(text) {
		kind = article.Heading
	}
	p.emit(kind, text)
	p.cur = nil
}

func (p *blockParser) emit(kind article.BlockType, text string) {
	if text = collapseSpace(text); text != "" {
		p.out = append(p.out, article.Block{Type: kind, Text: text})
	}
}

// isSubheading reports a short line without closing punctuation that
// starts with a capital: the subheadings news pages put between paragraphs.
func isSubheading(s string) bool {
	return len(s) <= maxSubheadLen && wordCount(s) <= maxSubheadWords && hasWords(s) &&
		!endsSentence(s) && startsUpper(s)
}

// hardBreak reports whether the break after lines[i] was deliberate: the
// next line's first word would have fitted on it, so a text wrapped at the
// block's width would not have broken there.
func hardBreak(lines []string, i int) bool {
	if i+1 >= len(lines) {
		return true
	}
	width := 0
	for _, l := range lines {
		width = max(width, runeLen(l))
	}
	next := strings.Fields(lines[i+1])
	if len(next) == 0 {
		return true
	}
	return runeLen(lines[i])+1+runeLen(next[0]) <= width
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

func listItem(l string) (string, bool) {
	m := listMark.FindStringSubmatch(l)
	if m == nil {
		return "", false
	}
	return m[1], true
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
