package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// classWords is n's class and id, lower-cased.
func classWords(n *html.Node) string {
	return strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
}

// isFurnitureName reports whether n's class or id names furniture.
func isFurnitureName(n *html.Node) bool {
	return namesFurniture(attr(n, "class"), attr(n, "id"))
}

// isContentName reports whether n's class or id names article content.
func isContentName(n *html.Node) bool {
	return namesContent(attr(n, "class"), attr(n, "id"))
}

// isArticleBody reports explicit article-body markup.
func isArticleBody(n *html.Node) bool {
	if strings.EqualFold(attr(n, "itemprop"), "articleBody") {
		return true
	}
	s := classWords(n)
	for _, w := range []string{"articlebody", "article-body", "article__body", "story-body",
		"storybody", "post-content", "entry-content", "article-content", "article__content",
		"post-body", "postbody", "story-content", "body-text", "bodytext", "article-text",
		"articletext", "content-body", "main-content", "article_body", "post_content",
		"entry_content", "story__body", "body-copy", "article-copy"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// classWeight is readability's class/id weight, plus a bonus for explicit
// article-body markup.
func classWeight(n *html.Node) float64 {
	w := 0.0
	if isFurnitureName(n) {
		w -= 25
	}
	if isContentName(n) {
		w += 25
	}
	if isArticleBody(n) {
		w += 25
	}
	return w
}

// hiddenRole lists ARIA roles of furniture landmarks.
var hiddenRole = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"dialog": true, "alertdialog": true, "menu": true, "menubar": true, "search": true,
	"toolbar": true, "tablist": true, "button": true, "figure": true, "img": true,
}

// isInvisible reports elements a reader never sees.
func isInvisible(n *html.Node) bool {
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		switch c {
		case "hidden", "hide", "d-none", "sr-only", "visually-hidden", "visuallyhidden",
			"screen-reader-text", "screen-reader-only", "is-hidden", "u-hidden", "element-invisible":
			return true
		}
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		case "role":
			if hiddenRole[strings.ToLower(a.Val)] {
				return true
			}
		}
	}
	return false
}
