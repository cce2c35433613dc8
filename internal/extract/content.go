package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// scoreCandidates gives each element a readability-style content score:
// every paragraph adds to its parent, less to its grandparent and further
// ancestors, and the result is damped by the element's link density.
func (p *page) scoreCandidates() map[*html.Node]float64 {
	scores := make(map[*html.Node]float64)
	walk(p.root, 0, func(n *html.Node, _ int) bool {
		if n.Type != html.ElementNode {
			return n.Type == html.DocumentNode
		}
		s := p.st[n]
		length := s.text
		if !isParagraphLike(n, s) {
			length = 0
			if blockTags[n.DataAtom] && s.inline >= 25 {
				length = s.inline // text runs between <br>s, not wrapped in <p>
			}
		}
		if length < 25 {
			return true
		}
		commas := s.commas
		if length != s.text {
			commas = commas * length / max(s.text, 1)
		}
		score := 1 + float64(commas) + min(float64(length)/100, 3)
		if isItem(n) {
			// A list item is an entry (a footnote, a link, a slide), not
			// prose: its commas separate fields, not clauses.
			score = 1 + min(float64(commas), 2) + min(float64(length)/100, 3)
			score /= 2
		}
		level := 0
		for a := n.Parent; a != nil && a.Type == html.ElementNode && level < 5; a = a.Parent {
			if _, ok := scores[a]; !ok {
				scores[a] = initialScore(a)
			}
			div := 1.0
			switch {
			case level == 1:
				div = 2
			case level > 1:
				div = float64(level * 3)
			}
			scores[a] += score / div
			level++
		}
		return n.DataAtom != atom.P
	})
	for n, s := range scores {
		// Class names count in proportion to the text they label, so an
		// empty "content-title" box cannot outscore the article by name.
		w := classWeight(n) * min(1, float64(p.st[n].text)/1000)
		scores[n] = (s + w) * (1 - p.linkDensity(n))
	}
	return scores
}

// isParagraphLike reports elements scored as paragraphs: <p>, <pre>,
// table cells, and blocks holding only inline content.
func isParagraphLike(n *html.Node, s *stat) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Td:
		return true
	case atom.Div, atom.Section, atom.Article, atom.Center, atom.Font, atom.Span, atom.Blockquote:
		return !s.block
	}
	return false
}

func initialScore(n *html.Node) float64 {
	s := 0.0
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main:
		s += 5
	case atom.Pre, atom.Td, atom.Blockquote:
		s += 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		s -= 3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		s -= 5
	}
	return s
}

// mainContent picks the best-scoring element and those of its siblings
// that look like more of the same article.
func (p *page) mainContent() []*html.Node {
	scores := p.scoreCandidates()
	var top *html.Node
	best := 0.0
	for n, s := range scores {
		if top == nil || s > best || s == best && p.st[n].text > p.st[top].text {
			top, best = n, s
		}
	}
	if top == nil {
		return []*html.Node{p.root}
	}
	// An only child is no narrower than its parent, and a table's rows
	// are read with their table: take the parent, whose siblings may be
	// the article's other paragraphs.
	for top.Parent != nil && top.Parent.Type == html.ElementNode && (onlyChild(top) || isTablePart(top)) &&
		top.Parent.DataAtom != atom.Body && top.Parent.DataAtom != atom.Html {
		top = top.Parent
	}
	if top.Parent == nil || top.Parent.Type != html.ElementNode {
		return []*html.Node{top}
	}
	return p.addTwins(top, p.addChunks(top, p.withSiblings(top, best, scores)))
}

// withSiblings is readability's sibling pass: top plus those siblings that
// score close to it or read as paragraphs of the same text.
func (p *page) withSiblings(top *html.Node, best float64, scores map[*html.Node]float64) []*html.Node {
	threshold := max(10, best*0.2)
	cls := attr(top, "class")
	var out []*html.Node
	for sib := top.Parent.FirstChild; sib != nil; sib = sib.NextSibling {
		if sib == top {
			out = append(out, sib)
			continue
		}
		if sib.Type != html.ElementNode {
			continue
		}
		bonus := 0.0
		if cls != "" && attr(sib, "class") == cls {
			bonus = best * 0.2
		}
		if sc, ok := scores[sib]; ok && sc+bonus >= threshold {
			out = append(out, sib)
			continue
		}
		if sib.DataAtom == atom.P || isParagraphLike(sib, p.st[sib]) || p.wrapsParagraph(sib) {
			s, ld := p.st[sib], p.linkDensity(sib)
			if s.text > 80 && ld < 0.25 || s.text > 0 && s.text <= 80 && ld == 0 && s.commas+1 > 0 && endsSentence(textOf(sib)) {
				out = append(out, sib)
			}
		}
	}
	return out
}

// addChunks climbs from top while the article continues in siblings of
// the same markup: pages that split the body into repeated chunks
// (<div class="body-chunk">…</div><div class="body-chunk">…</div>) put
// each chunk in its own container, and the best scoring one holds only
// part of the text.
func (p *page) addChunks(top *html.Node, content []*html.Node) []*html.Node {
	cur := top
	for level := 0; level < 4 && cur.Parent != nil; level++ {
		parent := cur.Parent
		if parent.Type != html.ElementNode || parent.DataAtom == atom.Body || parent.DataAtom == atom.Html {
			break
		}
		cls := attr(cur, "class")
		in := make(map[*html.Node]bool, len(content))
		for _, n := range content {
			in[n] = true
		}
		var grown []*html.Node
		found := false
		for c := parent.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c == cur:
				grown = append(grown, content...)
			case in[c]:
			case c.Type == html.ElementNode && c.DataAtom == cur.DataAtom && cls != "" &&
				sameKind(attr(c, "class"), cls) && p.st[c].paras > 0 && p.linkDensity(c) < 0.3:
				grown = append(grown, c)
				found = true
			}
		}
		if found {
			content = grown
		}
		cur = parent
	}
	return content
}

func endsSentence(s string) bool {
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', '!', '?', '"':
		return true
	}
	return false
}

// sameKind reports whether two class attributes name the same kind of
// element: equal, or with the same first class ("body version-2", "body").
func sameKind(a, b string) bool {
	if a == b {
		return true
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	return len(fa) > 0 && len(fb) > 0 && fa[0] == fb[0]
}

// addTwins adds the elements near top (under its ancestor a few levels
// up) that carry the same markup as top, such as the several
// <div class="post__content"> a page renders between its figures, each
// wrapped in its own sections.
func (p *page) addTwins(top *html.Node, content []*html.Node) []*html.Node {
	cls := attr(top, "class")
	if cls == "" {
		return content
	}
	anc := top
	for i := 0; i < 6 && anc.Parent != nil && anc.Parent.Type == html.ElementNode &&
		anc.Parent.DataAtom != atom.Body && anc.Parent.DataAtom != atom.Html; i++ {
		anc = anc.Parent
	}
	keep := make(map[*html.Node]bool, len(content))
	for _, n := range content {
		keep[n] = true
	}
	found := false
	var out []*html.Node
	walk(anc, 0, func(n *html.Node, _ int) bool {
		if n.Type != html.ElementNode {
			return false
		}
		if keep[n] {
			out = append(out, n)
			return false
		}
		if n.DataAtom == top.DataAtom && sameKind(attr(n, "class"), cls) && !holdsAny(n, content) &&
			p.st[n].paras > 0 && p.linkDensity(n) < 0.3 {
			out = append(out, n)
			found = true
			return false
		}
		return true
	})
	if !found {
		return content
	}
	return out
}

// holdsAny reports whether any of nodes is a descendant of a.
func holdsAny(a *html.Node, nodes []*html.Node) bool {
	for _, n := range nodes {
		if isAncestor(a, n) {
			return true
		}
	}
	return false
}

func isAncestor(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// wrapsParagraph reports an element that only wraps one paragraph
// (<div class="sourced-paragraph"><p>…</p></div>), which counts as a
// paragraph sibling of the content.
func (p *page) wrapsParagraph(n *html.Node) bool {
	for depth := 0; depth < 4; depth++ {
		var only *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
				return false
			}
			if c.Type == html.ElementNode && p.st[c] != nil && p.st[c].text > 0 {
				if only != nil {
					return false
				}
				only = c
			}
		}
		if only == nil {
			return false
		}
		if only.DataAtom == atom.P {
			return true
		}
		n = only
	}
	return false
}

// onlyChild reports whether n is its parent's only element child and no
// text stands beside it.
func onlyChild(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && (c.Type == html.ElementNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) != "") {
			return false
		}
	}
	return true
}

func isTablePart(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr:
		return true
	}
	return false
}

func isItem(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Li, atom.Dd, atom.Dt:
		return true
	}
	return false
}
