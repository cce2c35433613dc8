package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// stat is what the scorer needs to know about an element's subtree.
type stat struct {
	text   int  // non-space runes of visible text
	link   int  // of which inside <a>
	commas int  // commas of every script
	paras  int  // paragraphs of at least 80 runes
	lone   int  // of which the only paragraph among their siblings (a caption in a gallery slide)
	inline int  // runes in direct text and inline children (text not in a child block)
	body   bool // is or holds explicit article-body markup
	post   bool // is or holds an embedded post (a quoted tweet)
	block  bool // holds a block-level element
}

// page is a parsed document being taken apart.
type page struct {
	root  *html.Node
	decl  *declared
	st    map[*html.Node]*stat
	stops map[*html.Node]bool // headings marked up as a furniture section's title
}

func newPage(root *html.Node) *page {
	p := &page{root: root, decl: collectDeclared(root), stops: make(map[*html.Node]bool)}
	controls := p.removeInvisible()
	p.computeStats()
	p.removeWidgets(controls)
	p.removeFurniture()
	p.computeStats()
	return p
}

// removeInvisible detaches elements that are never read: scripts, media,
// forms controls, navigation and anything hidden.
// It returns the parents of the form controls it removed, for
// removeWidgets.
func (p *page) removeInvisible() []*html.Node {
	var drop, controls []*html.Node
	walk(p.root, 0, func(n *html.Node, depth int) bool {
		switch n.Type {
		case html.CommentNode:
			drop = append(drop, n)
			return false
		case html.ElementNode:
			if isMath(n) && !keepMath(n) || skipTags[n.DataAtom] || isInvisible(n) || depth == maxDepth {
				drop = append(drop, n)
				switch n.DataAtom {
				case atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Audio:
					controls = append(controls, n.Parent)
				}
				return false
			}
		}
		return true
	})
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
	return controls
}

// widgetText is the most text, in runes, of a box around a button or form
// field that is dropped as a widget: a sign-up box, an audio player, a
// share bar. Article text around a button is longer than this.
const widgetText = 300

// removeWidgets drops the largest small box around each form control.
func (p *page) removeWidgets(controls []*html.Node) {
	seen := make(map[*html.Node]bool)
	for _, c := range controls {
		var box *html.Node
		for n := c; n != nil && n.Type == html.ElementNode; n = n.Parent {
			s := p.st[n]
			if s == nil || s.text > widgetText || s.paras > 1 || n.DataAtom == atom.Body || n.DataAtom == atom.Html {
				break
			}
			if n.DataAtom != atom.P && n.DataAtom != atom.Li && n.DataAtom != atom.Td {
				box = n
			}
		}
		if box != nil && !seen[box] && box.Parent != nil {
			seen[box] = true
			box.Parent.RemoveChild(box)
		}
	}
}

// computeStats fills p.st for every element.
func (p *page) computeStats() {
	p.st = make(map[*html.Node]*stat, 1024)
	p.statOf(p.root, false)
}

func (p *page) statOf(n *html.Node, inLink bool) *stat {
	s := &stat{}
	direct := 0 // children that are paragraphs
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		inLink = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			t, commas := countText(c.Data)
			s.text += t
			s.inline += t
			s.commas += commas
			if inLink {
				s.link += t
			}
		case html.ElementNode, html.DocumentNode:
			cs := p.statOf(c, inLink)
			if cs.paras == 1 && !cs.block {
				direct++
			}
			s.lone += cs.lone
			s.text += cs.text
			s.link += cs.link
			s.commas += cs.commas
			s.paras += cs.paras
			s.block = s.block || cs.block || blockTags[c.DataAtom]
			s.body = s.body || cs.body
			s.post = s.post || cs.post
			if !cs.block && !blockTags[c.DataAtom] {
				s.inline += cs.text
			}
		}
	}
	if direct == 1 {
		s.lone++
	}
	if n.Type == html.ElementNode && (n.DataAtom == atom.P || !s.block && blockTags[n.DataAtom]) && s.text >= 80 {
		s.paras++
	}
	if n.Type == html.ElementNode && s.text >= 200 && isArticleBody(n) {
		s.body = true
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Blockquote && s.text > 0 {
		c := classWords(n)
		s.post = s.post || strings.Contains(c, "tweet") || strings.Contains(c, "instagram")
	}
	p.st[n] = s
	return s
}

// countText counts the non-space runes and commas of s.
func countText(s string) (n, commas int) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !unicode.IsSpace(r) {
			n++
		}
		if r == ',' || r == '，' || r == '、' || r == '،' {
			commas++
		}
	}
	return n, commas
}

func (p *page) linkDensity(n *html.Node) float64 {
	s := p.st[n]
	if s == nil || s.text == 0 {
		return 0
	}
	return float64(s.link) / float64(s.text)
}

// removeFurniture detaches elements whose class or id names furniture,
// unless they hold a large share of the page's paragraphs (a wrapper such
// as <div class="page has-sidebar"> around everything).
func (p *page) removeFurniture() {
	total := p.st[p.root]
	var drop []*html.Node
	walk(p.root, 0, func(n *html.Node, _ int) bool {
		if n.Type != html.ElementNode {
			return n.Type == html.DocumentNode
		}
		switch n.DataAtom {
		case atom.Html, atom.Body, atom.Main, atom.Article, atom.Tbody, atom.Tr, atom.Td, atom.Th:
			return true // table rows are named after their data ("player-42")
		}
		s := p.st[n]
		if s.body || s.post || inRunningText(n, s) {
			return true
		}
		name := classWords(n)
		furniture := isFurnitureName(n) || (n.DataAtom == atom.Header || n.DataAtom == atom.Form) && s.paras < 2
		if !furniture {
			return true
		}
		// A wrapper named for what sits beside the article ("with-sidebar")
		// can hold the article itself.
		// It cannot be one whose paragraphs stand one to an item, as the
		// captions of a gallery's slides do.
		big := total.paras > 0 && float64(s.paras) >= 0.4*float64(total.paras) && s.paras >= 2 ||
			total.text > 0 && float64(s.text-s.link) >= 0.6*float64(total.text-total.link)
		big = big && (s.paras < 4 || 2*s.lone < s.paras)
		if big && !strings.Contains(name, "comment") || isContentName(n) && s.paras >= 3 {
			return true
		}
		if isHeading(n) && sectionName.MatchString(name) {
			// "related-posts-title": what follows it is furniture too, so
			// keep the heading as a marker for the emitter.
			p.stops[n] = true
			return false
		}
		drop = append(drop, n)
		return false
	})
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
}

// inRunningText reports an inline element inside a sentence (text on
// both sides of it): "I am a <a class=popup>rather elderly</a> man" is
// read whole, whatever the link's class says.
func inRunningText(n *html.Node, s *stat) bool {
	if s.block || blockTags[n.DataAtom] {
		return false
	}
	prev := func(c *html.Node) *html.Node { return c.PrevSibling }
	next := func(c *html.Node) *html.Node { return c.NextSibling }
	return hasText(n.PrevSibling, prev) && hasText(n.NextSibling, next)
}

// hasText reports whether a text node with letters comes before the next
// element, walking from c with next.
func hasText(c *html.Node, next func(*html.Node) *html.Node) bool {
	for ; c != nil; c = next(c) {
		switch c.Type {
		case html.TextNode:
			if hasWord(c.Data) {
				return true
			}
		case html.ElementNode:
			if blockTags[c.DataAtom] || c.DataAtom == atom.Br {
				return false
			}
		}
	}
	return false
}

// sectionName matches class names of headings over furniture sections.
var sectionName = regexp.MustCompile(`related|recommend|comment|popular|more-(?:stories|articles|news)|you-may|also-like`)

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}
