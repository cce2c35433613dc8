package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"aloud/internal/article"
)

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
