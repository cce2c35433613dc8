package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// Class and id words that mark page furniture. Long words match anywhere
// in a class or id ("socialShareBar"); short ones only as a whole
// hyphen/underscore-separated part, so "ad" does not hit "header".
var (
	furnitureSubstrings = []string{
		"share", "sharing", "social", "newsletter", "subscribe", "subscription", "signup",
		"sign-up", "related", "recommend", "mostread", "most-read", "most-popular", "popular",
		"trending", "promo", "advert", "sponsor", "cookie", "consent", "gdpr", "comment",
		"disqus", "breadcrumb", "byline", "author", "caption", "credit", "sidebar", "popup",
		"modal", "footer", "outbrain", "taboola", "listen", "audio", "player", "readmore",
		"read-more", "more-stories", "paywall", "timestamp", "dateline", "toolbar", "tagline",
		"taglist", "tag-list", "keywords", "topics", "masthead", "banner", "pagination",
		"pager", "skiplink", "skip-link", "jump-link", "follow", "donate", "widget", "overlay",
		"teaser", "carousel", "slideshow", "gallery", "disclaimer", "disclosure", "correction-",
		"email", "feedback", "rating", "newsletter", "notification", "dropdown",
		"visually-hidden", "sr-only", "screen-reader", "offscreen", "inline-ad",
		"ad-container", "ad-slot", "adslot", "adunit", "ad-unit", "dfp", "googlead", "native-ad",
		"nocontent", "no-print", "photo", "image", "video", "headline",
		"article-header", "post-header", "entry-header", "article-meta", "post-meta", "entry-meta",
		"metadata", "publish", "updated", "date", "source-line", "sourceline", "contributor",
		"about-the", "endnote", "infobox", "navigation", "menu", "kicker", "eyebrow",
		"overline", "rubric", "rodape", "copyright", "rollover", "tooltip", "hovercard", "popover",
	}
	furnitureWords = map[string]bool{
		"ad": true, "ads": true, "nav": true, "tag": true, "tags": true, "meta": true,
		"share": true, "source": true, "aside": true, "foot": true, "rail": true,
		"list": false, "more": true, "next": true, "prev": true, "top": false,
		"extra": true, "print": true, "bio": true, "links": true, "info": true, "time": true, "login": true, "cta": true,
	}
	contentWords = []string{
		"article", "body", "content", "entry", "main", "post", "text", "story", "prose",
		"richtext", "rich-text", "blog", "page", "column", "paragraph", "markdown",
	}
)

// modifier matches state classes such as has-image or with-sidebar.
var modifier = regexp.MustCompile(`(?:^|[\s_-])(?:has|with|without|no|show|hide-on|is)[-_][\w-]*`)

// classWords is n's class and id, lower-cased.
func classWords(n *html.Node) string {
	return strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
}

// isFurnitureName reports whether the class/id string names furniture.
func isFurnitureName(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	// State modifiers describe what an element holds or lacks, not what it
	// is: "post has-image", "layout with-sidebar", "no-comments".
	s = modifier.ReplaceAllString(s, " ")
	// Embedded posts (tweets, Instagram) are quoted as part of the story.
	if strings.Contains(s, "embed") || strings.Contains(s, "tweet") || strings.Contains(s, "instagram-media") {
		return false
	}
	for _, w := range furnitureSubstrings {
		if strings.Contains(s, w) {
			return true
		}
	}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == ':' || r == '.' || r == '/'
	}) {
		if furnitureWords[part] {
			return true
		}
	}
	return false
}

// isContentName reports whether the class/id string names article content.
func isContentName(s string) bool {
	for _, w := range contentWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
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
	s := classWords(n)
	w := 0.0
	if isFurnitureName(s) {
		w -= 25
	}
	if isContentName(s) {
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
