package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Class and id names are compared as whole tokens: each class and the id
// are split at '-', '_', ':', '.', '/', digits and camel case
// ("socialShareBar" → social share bar), so that "ad" does not hit
// "header", "date" does not hit "update" and "image" does not hit
// "imagery". Only the long, unambiguous words of furnitureStems also match
// inside a token ("relatedposts", "mysidebar").
var (
	furnitureTokens = toSet(
		"share", "shares", "sharing", "sharebar", "social", "newsletter", "newsletters", "subscribe",
		"subscription", "signup", "related", "recommend", "recommended", "recommendation",
		"recommendations", "mostread", "popular", "trending", "promo", "promos", "promotion", "advert",
		"advertisement", "advertising", "adverts", "sponsor", "sponsored", "cookie", "cookies", "consent",
		"gdpr", "comment", "comments", "disqus", "breadcrumb", "breadcrumbs", "byline", "author",
		"authors", "caption", "captions", "credit", "credits", "sidebar", "popup", "modal", "footer",
		"outbrain", "taboola", "listen", "audio", "player", "readmore", "paywall", "timestamp",
		"dateline", "toolbar", "tagline", "taglist", "keywords", "topics", "masthead", "banner",
		"pagination", "pager", "skiplink", "follow", "donate", "widget", "widgets", "overlay",
		"teaser", "teasers", "carousel", "slideshow", "gallery", "disclaimer", "disclosure",
		"correction", "email", "feedback", "rating", "ratings", "notification", "dropdown",
		"offscreen", "nocontent", "photo", "photos", "image", "images", "video", "videos", "metadata",
		"publish", "published", "updated", "date", "sourceline", "contributor", "endnote", "infobox",
		"navigation", "navbar", "menu", "kicker", "eyebrow", "overline", "rubric", "rodape",
		"copyright", "rollover", "tooltip", "hovercard", "popover", "dfp", "googlead", "adslot",
		"adunit", "ad", "ads", "nav", "tag", "tags", "meta", "source", "aside", "foot", "rail",
		"more", "next", "prev", "extra", "print", "bio", "links", "info", "time", "login", "cta",
	)
	// furniturePhrases are runs of tokens that name furniture together.
	furniturePhrases = [][]string{
		{"sign", "up"}, {"read", "more"}, {"most", "read"}, {"most", "popular"}, {"more", "stories"},
		{"skip", "link"}, {"jump", "link"}, {"article", "header"}, {"post", "header"},
		{"entry", "header"}, {"article", "meta"}, {"post", "meta"}, {"entry", "meta"},
		{"source", "line"}, {"about", "the"}, {"visually", "hidden"}, {"sr", "only"},
		{"screen", "reader"}, {"inline", "ad"}, {"ad", "container"}, {"ad", "slot"}, {"ad", "unit"},
		{"native", "ad"}, {"no", "print"}, {"tag", "list"},
	}
	furnitureStems = []string{"newsletter", "subscri", "related", "recommend", "sidebar",
		"breadcrumb", "comment", "advert", "sponsor", "outbrain", "taboola", "social", "sharing",
		"slideshow", "carousel", "masthead", "pagination", "copyright", "disclaimer", "footer",
		"navbar", "navigation", "trending", "popular", "widget", "metadata", "byline", "caption", "timestamp", "dateline"}
	contentTokens = toSet("article", "articles", "body", "content", "contents", "entry", "main", "post",
		"text", "story", "prose", "richtext", "blog", "page", "column", "paragraph", "markdown")
	contentStems = []string{"article", "content", "story", "prose", "richtext", "markdown", "paragraph"}
	// modifierTokens open state classes (has-image, with-sidebar, no-comments)
	// that describe what an element holds or lacks, not what it is.
	modifierTokens = toSet("has", "with", "without", "no", "show", "hide", "is")
)

// slugTokens is the size guard: an id of this many tokens or more is a
// slug made from a heading ("sharing-with-a-single-developer"), an
// anchor, not the name of a kind of element.
const slugTokens = 4

func toSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// nameTokens splits one class or id value into lower-case tokens.
func nameTokens(v string) []string {
	var out []string
	start := -1
	prev := rune(0)
	for i, r := range v {
		letter := unicode.IsLetter(r)
		boundary := !letter || start >= 0 && unicode.IsUpper(r) && unicode.IsLower(prev)
		if boundary && start >= 0 {
			out = append(out, strings.ToLower(v[start:i]))
			start = -1
		}
		if letter && start < 0 {
			start = i
		}
		prev = r
	}
	if start >= 0 {
		out = append(out, strings.ToLower(v[start:]))
	}
	return out
}

// nameValues are the class names and the id of an element, one value
// each; an id of slugTokens tokens or more is left out.
func nameValues(class, id string) [][]string {
	var out [][]string
	for _, c := range strings.Fields(class) {
		if t := nameTokens(c); len(t) > 0 {
			out = append(out, t)
		}
	}
	if t := nameTokens(id); len(t) > 0 && len(t) < slugTokens {
		out = append(out, t)
	}
	return out
}

// namesFurniture reports whether a class/id names page furniture.
func namesFurniture(class, id string) bool {
	for _, toks := range nameValues(class, id) {
		if len(toks) > 0 && modifierTokens[toks[0]] && len(toks) > 1 {
			continue
		}
		if embedName(toks) {
			return false // embedded posts and formulas are part of the story
		}
		if tokensMatch(toks, furnitureTokens, furnitureStems) || hasPhrase(toks) {
			return true
		}
	}
	return false
}

// namesContent reports whether a class/id names article content.
func namesContent(class, id string) bool {
	for _, toks := range nameValues(class, id) {
		if tokensMatch(toks, contentTokens, contentStems) {
			return true
		}
	}
	return false
}

func embedName(toks []string) bool {
	for _, t := range toks {
		if strings.HasPrefix(t, "embed") || strings.HasPrefix(t, "tweet") || t == "instagram" ||
			t == "math" || t == "katex" || t == "mathjax" {
			return true
		}
	}
	return false
}

func tokensMatch(toks []string, set map[string]bool, stems []string) bool {
	for _, t := range toks {
		if set[t] {
			return true
		}
		if utf8.RuneCountInString(t) <= 5 {
			continue
		}
		for _, s := range stems {
			if strings.Contains(t, s) {
				return true
			}
		}
	}
	return false
}

func hasPhrase(toks []string) bool {
	for _, ph := range furniturePhrases {
		for i := 0; i+len(ph) <= len(toks); i++ {
			ok := true
			for j, w := range ph {
				ok = ok && toks[i+j] == w
			}
			if ok {
				return true
			}
		}
	}
	return false
}
