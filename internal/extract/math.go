package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxInlineMath is the longest formula, in runes of its MathML text, that
// is kept in the sentence around it ("when a ≠ 0, there are…"). Longer
// and displayed formulas cannot be read aloud as a run of symbols; they
// are left out and the sentence is joined around them.
const maxInlineMath = 40

// keepMath prepares a <math> element for reading and reports whether it
// stays: its TeX annotations go, and it stays only when it is inline and
// short.
func keepMath(n *html.Node) bool {
	if strings.EqualFold(attr(n, "display"), "block") || strings.EqualFold(attr(n, "mode"), "display") {
		return false
	}
	var drop []*html.Node
	size := 0
	walk(n, 0, func(c *html.Node, _ int) bool {
		switch {
		case c.Type == html.ElementNode && (c.Data == "annotation" || c.Data == "annotation-xml"):
			drop = append(drop, c)
			return false
		case c.Type == html.TextNode:
			size += utf8.RuneCountInString(strings.TrimSpace(c.Data))
		}
		return size <= maxInlineMath
	})
	if size == 0 || size > maxInlineMath {
		return false
	}
	for _, c := range drop {
		c.Parent.RemoveChild(c)
	}
	return true
}

// isMath reports a <math> element, whatever namespace the parser gave it.
func isMath(n *html.Node) bool {
	return n.DataAtom == atom.Math || n.Data == "math"
}

// mathTokens are the MathML elements that hold one symbol or number each.
var mathTokens = map[string]bool{"mi": true, "mo": true, "mn": true, "ms": true, "mtext": true}
