package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"aloud/internal/article"
)

// fallbackLetters is the least text, in letters, the main extraction must
// find on a page before its result is trusted; with less, a landing page
// or a page of odd markup may have lost its text to a narrow choice.
const fallbackLetters = 250

// fallback is the second, simpler extraction for a page where the main
// one found nothing or very little: the largest block of prose, else the
// whole page with its furniture removed, whichever holds more text. It is
// used only when it finds at least twice as much.
func (p *page) fallback(main []article.Block, title string) []article.Block {
	have := letters(main)
	if have >= fallbackLetters {
		return main
	}
	best := main
	for _, root := range []*html.Node{p.largestProse(), p.bodyNode()} {
		if root == nil {
			continue
		}
		blocks, _ := p.emit([]*html.Node{root}, title)
		if n := letters(blocks); n >= 2*max(have, 1) && n > letters(best) {
			best = blocks
		}
	}
	return best
}

// largestProse is the element whose own paragraphs (child elements that
// hold only inline text) carry the most text that is not link text.
func (p *page) largestProse() *html.Node {
	var best *html.Node
	most := 0
	walk(p.root, 0, func(n *html.Node, _ int) bool {
		if n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return false
		}
		prose := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if s := p.st[c]; s != nil && c.Type == html.ElementNode && !s.block && s.text >= 25 {
				prose += s.text - s.link
			}
		}
		if prose > most {
			best, most = n, prose
		}
		return true
	})
	return best
}

func (p *page) bodyNode() *html.Node {
	var body *html.Node
	walk(p.root, 0, func(n *html.Node, depth int) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
		}
		return body == nil && depth < 2
	})
	return body
}
