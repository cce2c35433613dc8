package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"aloud/internal/article"
)

// emitter turns the kept elements into blocks.
type emitter struct {
	p      *page
	kicker string // a short line found right above the headline
	title  string
	// rootText is the text of the content; an element holding most of it
	// is the article itself and is not judged as furniture.
	rootText int
	blocks   []article.Block
	buf      strings.Builder
	linked   int // runes of buf inside links
	inLink   int
	inCell   int    // inside a table cell, blocks run inline
	inPre    int    // inside <pre>, line breaks are kept
	linky    []bool // per block: made mostly of link text
	edge     bool   // a link starts or ends before the next text

	cut *html.Node // skip the rest of this element's children
}

// body extracts the article blocks, leaving the title out of them, and
// returns a kicker line when one stood right above the headline.
func (p *page) body(title string) ([]article.Block, string) {
	return p.emit(p.mainContent(), title)
}

// emit turns content roots into blocks.
func (p *page) emit(content []*html.Node, title string) ([]article.Block, string) {
	e := &emitter{p: p, title: title}
	for _, n := range content {
		e.rootText += p.st[n].text
	}
	for _, n := range content {
		// The content root itself is never judged as furniture: the
		// teaser-list and link-density rules are for what it holds.
		e.element(n, article.Paragraph, 0)
		e.flush(article.Paragraph)
	}
	return joinFragments(cleanBlocks(dropLinkLines(e.blocks, e.linky), title)), e.kicker
}

// dropBeforeHeadline forgets what the content held above its <h1>: a
// kicker, a section name, breadcrumbs. Long text above the headline is
// kept, since then the <h1> is not the page's headline.
func (e *emitter) dropBeforeHeadline() {
	n := 0
	for _, b := range e.blocks {
		n += len(b.Text)
	}
	if n == 0 || n > 300 {
		return
	}
	if last := e.blocks[len(e.blocks)-1].Text; len(last) <= 120 && !endsSentence(last) {
		e.kicker = last
	}
	e.blocks, e.linky = e.blocks[:0], e.linky[:0]
}

func (e *emitter) node(n *html.Node, mode article.BlockType, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		if e.edge {
			e.spaceAtEdge(n.Data)
		}
		if e.inPre > 0 {
			e.buf.WriteString(n.Data)
		} else {
			// Line breaks in the source are white space; only <br> and
			// <pre> break lines.
			e.buf.WriteString(strings.Map(newlineToSpace, n.Data))
		}
		if e.inLink > 0 {
			t, _ := countText(n.Data)
			e.linked += t
		}
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	if n.Type == html.ElementNode && !e.keep(n) {
		return
	}
	e.element(n, mode, depth)
}

// element emits one kept element: headings and quotes become their own
// block types, list items list items, table rows lines, and every other
// block-level element ends the paragraph before it.
func (e *emitter) element(n *html.Node, mode article.BlockType, depth int) {
	switch n.DataAtom {
	case atom.Br:
		e.buf.WriteByte('\n')
		return
	case atom.H1:
		e.flush(mode)
		e.dropBeforeHeadline()
		if h, _ := headline(n); h != "" && unlikeTitle(h, e.title) {
			// Not the headline but a heading of the content ("About this
			// site" under the title "Colophon"): read it as one.
			e.blocks = append(e.blocks, article.Block{Type: article.Heading, Text: h})
			e.linky = append(e.linky, false)
		}
		return
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		e.flush(mode)
		if e.sectionHeading(n) {
			return
		}
		e.children(n, mode, depth)
		e.flush(article.Heading)
		return
	case atom.Pre:
		e.flush(mode)
		e.inPre++
		e.children(n, mode, depth)
		e.inPre--
		e.flush(mode)
		return
	case atom.Blockquote:
		e.flush(mode)
		e.children(n, article.Quote, depth)
		e.flush(article.Quote)
		return
	case atom.Li:
		e.flush(mode)
		if mode == article.Paragraph {
			mode = article.ListItem
		}
		e.children(n, mode, depth)
		e.flush(mode)
		return
	case atom.Td, atom.Th:
		// A table row is read as one line, its cells separated by spaces,
		// whatever blocks the cells hold.
		e.buf.WriteByte(' ')
		e.inCell++
		e.children(n, mode, depth)
		e.inCell--
		e.buf.WriteByte(' ')
		return
	case atom.A:
		e.inLink++
		e.edge = true
		e.children(n, mode, depth)
		e.edge = true
		e.inLink--
		return
	}
	if n.Namespace == "math" && mathTokens[n.Data] {
		// Tokens of a formula are separate words: a ≠ 0, not a≠0.
		e.buf.WriteByte(' ')
		e.children(n, mode, depth)
		e.buf.WriteByte(' ')
		return
	}
	if n.Type == html.ElementNode && blockTags[n.DataAtom] && e.inCell == 0 {
		e.flush(mode)
		e.children(n, mode, depth)
		e.flush(mode)
		return
	}
	e.children(n, mode, depth)
}

func (e *emitter) children(n *html.Node, mode article.BlockType, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		e.node(c, mode, depth+1)
		if e.cut == n {
			e.cut = nil // the rest of n is a furniture section
			return
		}
	}
}

// sectionHeading handles a heading that opens comments or related
// stories, by its markup or its words, and reports whether it did. When
// the heading opens a box of its own (<div class="box"><h3>Related</h3>…)
// the rest of the box is skipped; when it stands in the middle of the
// article's container, a marker block lets cleanBlocks skip what follows
// for as long as it does not read as the article resuming.
func (e *emitter) sectionHeading(n *html.Node) bool {
	text := strings.Trim(textOf(n), " .:|•·-–—›»")
	comments := isLabel(text, commentsLabel) || e.p.stops[n] && strings.Contains(classWords(n), "comment")
	related := !comments && (e.p.stops[n] || isLabel(text, sectionEnd))
	if !comments && !related {
		return false
	}
	if box := n.Parent; box != nil && e.p.opensBox(n) {
		e.cut = box
		return true
	}
	marker := relatedStop
	if comments {
		marker = sectionStop
	}
	e.blocks = append(e.blocks, article.Block{Type: article.Heading, Text: marker})
	e.linky = append(e.linky, false)
	return true
}

// keep decides, inside the chosen content, whether a container is more
// article or more furniture (link lists, empty shells).
func (e *emitter) keep(n *html.Node) bool {
	s := e.p.st[n]
	if s == nil || s.text == 0 {
		return n.DataAtom == atom.Br
	}
	if 2*s.text > e.rootText {
		return true // most of the content: the article, whatever it looks like
	}
	if e.p.isTeaserList(n) {
		return false
	}
	switch n.DataAtom {
	case atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Div, atom.Section:
		ld := e.p.linkDensity(n)
		if (ld > 0.5 || ld > 0.3 && s.paras == 0 && n.DataAtom != atom.Div) && !e.p.proseItems(n) {
			return false
		}
	}
	return true
}

// proseItems reports a list whose items read as sentences with links in
// them ("Ann fixed an issue with <a>bug 42</a> in the parser"), not as
// link labels: each item averages 40 runes of text outside links.
func (p *page) proseItems(n *html.Node) bool {
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		return false
	}
	items := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Li {
			items++
		}
	}
	s := p.st[n]
	return items > 0 && s.text-s.link >= 40*items
}

// flush turns the buffered inline text into blocks of type t, one per line.
func (e *emitter) flush(t article.BlockType) {
	raw := e.buf.String()
	linked := e.linked
	e.buf.Reset()
	e.linked = 0
	total, _ := countText(raw)
	if total == 0 {
		return
	}
	// Lines made mostly of link text are judged later, by where they stand.
	linky := float64(linked) > 0.7*float64(total) && t != article.Heading
	for _, line := range strings.Split(raw, "\n") {
		line = spaceBeforePunct.ReplaceAllString(collapse(line), "$1$2")
		if line != "" && t == article.Heading {
			line = headingAction.ReplaceAllString(line, "")
		}
		if line != "" {
			e.blocks = append(e.blocks, article.Block{Type: t, Text: line})
			e.linky = append(e.linky, linky)
		}
	}
}

// spaceBeforePunct is a space left before a comma or full stop where
// inline markup (a formula) ended right before it.
var spaceBeforePunct = regexp.MustCompile(` ([,.])($| )`)

// headingAction matches what a heading ends with for the page's own use:
// a bracketed action link ("[edit]", "[ edit source ]") or a pilcrow anchor.
var headingAction = regexp.MustCompile(`\s*(?:\[[^\[\]]{1,30}\]|¶)\s*$`)

// unlikeTitle reports an <h1> that shares fewer than half its words with
// the title: another heading, not a variant of the headline.
func unlikeTitle(h, title string) bool {
	return 2*sharedWords(h, title) < len(strings.FieldsFunc(h, notWord))
}

func newlineToSpace(r rune) rune {
	if r == '\n' || r == '\r' {
		return ' '
	}
	return r
}

// dropLinkLines removes link-only lines that read as navigation: those
// before the first or after the last line of text, and runs of two or
// more. A single linked line between paragraphs ("Get it on Amazon for
// $39") is kept as part of the story.
func dropLinkLines(blocks []article.Block, linky []bool) []article.Block {
	first, last := -1, -1
	for i := range blocks {
		if !linky[i] && blocks[i].Type != article.Heading {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	out := blocks[:0]
	for i, b := range blocks {
		if linky[i] {
			run := i > 0 && linky[i-1] || i+1 < len(blocks) && linky[i+1]
			if i < first || i > last || run || shouting(b.Text) {
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

// isTeaserList reports a run of look-alike items that each pair a linked
// title with a short excerpt: related or popular articles, not the story.
func (p *page) isTeaserList(n *html.Node) bool {
	kinds := make(map[string]int)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		s := p.st[c]
		if s == nil || !s.block || s.text == 0 || s.text > 400 || s.link < 15 || float64(s.link) < 0.15*float64(s.text) || s.link == s.text {
			continue
		}
		cls := attr(c, "class")
		if strings.Contains(cls, "embed") || c.DataAtom == atom.Blockquote {
			continue // quoted posts carry links but are part of the story
		}
		kinds[c.Data+"."+cls]++
	}
	for _, k := range kinds {
		if k >= 3 {
			return true
		}
	}
	return false
}

// shouting reports text in capitals only, the style of inline promotions
// ("READ MORE BY CLICKING HERE").
func shouting(s string) bool {
	upper, lower := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	return upper > 8 && lower*10 < upper
}

// spaceAtEdge separates link text from the text around it where a script
// without spaces (Chinese, Japanese, Korean) meets another word
// ("ソフト<a>KeePass</a>の"): readers and the benchmark's annotators see
// separate words there. Latin text already has its spaces.
func (e *emitter) spaceAtEdge(next string) {
	e.edge = false
	prev, _ := utf8.DecodeLastRuneInString(e.buf.String())
	first, _ := utf8.DecodeRuneInString(next)
	if prev == utf8.RuneError || first == utf8.RuneError || unicode.IsSpace(prev) || unicode.IsSpace(first) {
		return
	}
	if (isCJK(prev) || isCJK(first)) && isWordRune(prev) && isWordRune(first) {
		e.buf.WriteByte(' ')
	}
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// opensBox reports whether heading h stands at the start of its parent:
// next to no text comes before it there.
func (p *page) opensBox(h *html.Node) bool {
	box := h.Parent
	if box.Type != html.ElementNode || box.DataAtom == atom.Body || p.st[box] == nil {
		return false
	}
	before := 0
	for c := box.FirstChild; c != nil && c != h; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			n, _ := countText(c.Data)
			before += n
		case html.ElementNode:
			if s := p.st[c]; s != nil {
				before += s.text
			}
		}
	}
	return before < 100 && float64(before) < 0.2*float64(p.st[box].text)
}
