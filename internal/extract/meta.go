package extract

import (
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"aloud/internal/article"
)

// maxH1s bounds the <h1>s remembered as title evidence.
const maxH1s = 8

// declared is what the page says about itself in its head and markup.
type declared struct {
	lang, title, canonical, h1, kicker string
	h1s                                []string          // every <h1>'s text, in order (at most maxH1s)
	meta                               map[string]string // lowercased name/property → first content
	ld                                 []map[string]any  // JSON-LD article objects
	times                              []string          // <time datetime> values in order
	itemDate                           string            // itemprop=datePublished
	visibleBy, markedBy                string            // "By NAME" line; byline element text
	visibleDate                        time.Time         // the date on the "By NAME" line
}

// collectDeclared reads metadata from the whole document.
func collectDeclared(root *html.Node) *declared {
	d := &declared{meta: map[string]string{}}
	walk(root, 0, func(n *html.Node, _ int) bool {
		if n.Type != html.ElementNode {
			return true
		}
		d.noteByline(n)
		if d.itemDate == "" && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
			d.itemDate = firstOf(attr(n, "datetime"), attr(n, "content"))
		}
		if d.kicker == "" && d.h1 == "" && isKicker(n) {
			if k := textOf(n); len(k) > 0 && len(k) <= 120 {
				d.kicker = k
			}
		}
		switch n.DataAtom {
		case atom.Html:
			d.lang = attr(n, "lang")
			if d.lang == "" {
				d.lang = attr(n, "xml:lang")
			}
		case atom.Title:
			if d.title == "" && n.Namespace == "" { // not an <svg> icon's <title>
				d.title = textOf(n)
			}
		case atom.Meta:
			d.addMeta(n)
		case atom.Link:
			if hasToken(attr(n, "rel"), "canonical") && d.canonical == "" {
				d.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				d.addLD(n.FirstChild.Data)
			}
			return false
		case atom.H1:
			if len(d.h1s) >= maxH1s {
				break
			}
			h, k := headline(n)
			if h != "" {
				d.h1s = append(d.h1s, h)
			}
			if d.h1 == "" {
				if d.h1 = h; k != "" {
					d.kicker = k
				} else if d.kicker == "" {
					d.kicker = kickerBefore(n)
				}
			}
		case atom.Time:
			if v := attr(n, "datetime"); v != "" {
				d.times = append(d.times, v)
			}
		}
		return true
	})
	return d
}

func (d *declared) addMeta(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
		// One tag may name several properties: property="og:title twitter:title".
		for _, key := range strings.Fields(strings.ToLower(attr(n, k))) {
			if _, ok := d.meta[key]; !ok {
				d.meta[key] = content
			}
		}
	}
}

// metadata fills every article field except the blocks.
func (p *page) metadata(pageURL string) article.Article {
	d := p.decl
	a := article.Article{Kicker: d.kicker}
	a.Title = pickTitle(d, pageURL)
	a.Byline = d.byline()
	a.Source = firstOf(d.meta["og:site_name"], ldPublisher(d), d.meta["application-name"])
	a.Language = normLang(firstOf(d.lang, d.ldString("inLanguage"), d.meta["content-language"],
		d.meta["og:locale"], d.meta["language"]))
	a.URL = resolveURL(pageURL, firstOf(d.canonical, d.meta["og:url"], d.ldString("url")))
	if a.URL == "" {
		a.URL = pageURL
	}
	if a.Source == "" {
		if u, err := url.Parse(a.URL); err == nil {
			a.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	a.Published = d.published()
	return a
}

// byline is the author as the page declares it (JSON-LD, <meta>) or
// shows it (a "By NAME" line, an author element); never a profile URL.
func (d *declared) byline() string {
	for _, s := range []string{d.ldString("author"), d.meta["author"], d.meta["article:author"],
		d.meta["parsely-author"], d.meta["dc.creator"], d.meta["dc:creator"], d.meta["sailthru.author"],
		d.meta["byl"], d.visibleBy, d.markedBy} {
		s = collapse(byPrefix.ReplaceAllString(strings.TrimSpace(s), ""))
		if s != "" && len(s) <= 200 && !strings.Contains(s, "://") && !strings.HasPrefix(s, "www.") {
			return s
		}
	}
	return ""
}

// published is the publication time from the most explicit evidence:
// JSON-LD, <meta> tags, itemprop, <time datetime>, then a date shown on
// the byline line.
func (d *declared) published() time.Time {
	dates := []string{d.ldString("datePublished"), d.meta["article:published_time"],
		d.meta["datepublished"], d.meta["date"], d.meta["pubdate"], d.meta["publishdate"],
		d.meta["publish-date"], d.meta["dc.date.issued"], d.meta["dc.date"], d.meta["dcterms.created"],
		d.meta["sailthru.date"], d.meta["parsely-pub-date"], d.itemDate}
	dates = append(dates, d.times...)
	for _, s := range dates {
		if t, ok := parseTime(s); ok {
			return t
		}
	}
	return d.visibleDate
}

var timeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05.999999999-0700",
	"2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123, "2006/01/02", "20060102",
	"01/02/2006 15:04:05", "01/02/2006",
}

func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	if len(s) < 60 {
		return visibleDate(s) // "March 12, 2024" in a datetime attribute
	}
	return time.Time{}, false
}

func normLang(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ",; "); i >= 0 {
		s = s[:i]
	}
	return strings.ReplaceAll(s, "_", "-")
}

func resolveURL(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if b, err := url.Parse(base); err == nil && base != "" {
		r = b.ResolveReference(r)
	}
	if r.Scheme != "http" && r.Scheme != "https" {
		return ""
	}
	return r.String()
}

func firstOf(v ...string) string {
	for _, s := range v {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// kickerBefore reads a short unlinked line standing right before the
// headline, the usual place of a kicker without kicker markup.
func kickerBefore(h1 *html.Node) string {
	prev := h1.PrevSibling
	for prev != nil && (prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "" || prev.Type == html.CommentNode) {
		prev = prev.PrevSibling
	}
	if prev == nil || prev.Type != html.ElementNode || prev.DataAtom == atom.A || prev.DataAtom == atom.Time {
		return ""
	}
	k := textOf(prev)
	if k == "" || len(k) > 120 || endsSentence(k) || strings.ContainsAny(k, "|›»") {
		return ""
	}
	var linked bool
	walk(prev, 0, func(n *html.Node, _ int) bool {
		linked = linked || n.Type == html.ElementNode && (n.DataAtom == atom.A || n.DataAtom == atom.Time)
		return !linked
	})
	if linked {
		return ""
	}
	return k
}
