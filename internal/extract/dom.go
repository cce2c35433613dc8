package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// walk visits n and its descendants in document order, at most maxDepth
// levels deep; visit returns false to skip a node's children.
func walk(n *html.Node, depth int, visit func(*html.Node, int) bool) {
	if depth > maxDepth || !visit(n, depth) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, depth+1, visit)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}

// textOf is the whitespace-collapsed text of n's subtree.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, 0, func(c *html.Node, _ int) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return c.Type != html.ElementNode || (c.DataAtom != atom.Script && c.DataAtom != atom.Style)
	})
	return collapse(b.String())
}

// collapse folds every run of white space into one space and trims.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// headline reads an <h1>, splitting off a kicker line the page marks up
// inside it (<span class="kicker">…</span>).
func headline(h1 *html.Node) (title, kicker string) {
	var k *html.Node
	walk(h1, 0, func(n *html.Node, _ int) bool {
		if k == nil && n != h1 && n.Type == html.ElementNode && isKicker(n) {
			k = n
		}
		return k == nil
	})
	if k == nil {
		return textOf(h1), ""
	}
	kicker = textOf(k)
	k.Parent.RemoveChild(k)
	title = textOf(h1)
	return strings.TrimLeft(title, ":–— "), kicker
}

// isKicker reports whether n is marked up as the line above a headline.
func isKicker(n *html.Node) bool {
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, w := range []string{"kicker", "overline", "eyebrow", "topline", "dachzeile", "supertitle", "roofline", "pretitle", "pre-title", "rubric"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// blockTags are elements that break inline text into separate blocks.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Details: true, atom.Dialog: true, atom.Dd: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true,
	atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true, atom.Ul: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true, atom.Caption: true, atom.Center: true, atom.Menu: true, atom.Summary: true,
}

// skipTags never hold article text that should be read aloud.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Video: true, atom.Audio: true, atom.Canvas: true, atom.Picture: true, atom.Img: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Nav: true, atom.Figure: true, atom.Figcaption: true, atom.Head: true,
	atom.Label: true, atom.Dialog: true, atom.Menu: true, atom.Source: true,
	atom.Map: true, atom.Area: true, atom.Frameset: true, atom.Frame: true, atom.Aside: true,
	atom.Footer: true,
}
