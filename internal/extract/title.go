package extract

import (
	"net/url"
	"strings"
	"unicode"
)

// titleKeys are the <meta> names that declare a page's headline, in the
// order they are trusted: Dublin Core and Open Graph are written for the
// article, twitter:title and the analytics tags are often shortened.
var titleKeys = []string{"dc:title", "dcterm:title", "dcterms.title", "dc.title", "og:title",
	"title", "twitter:title", "parsely-title", "sailthru.title"}

// titleSeparators split a <title> into the headline and the names of the
// site and section; they only count with a space on each side, so that
// "COVID-19" or "24/7" stay whole.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " • ", " :: ", " » ", " / ", " \\ ", " > ", " « "}

// pickTitle chooses the headline from all the evidence: the headline the
// page declares (JSON-LD, Dublin Core, Open Graph, Twitter), the document
// <title> with the site's name taken off, and the <h1>s. A declared
// headline wins unless it is the site's generic title (it shares no word
// with a <title> that the <h1> confirms); a <title> that is only the site
// name gives way to the <h1>.
func pickTitle(d *declared, pageURL string) string {
	sites := d.siteNames(pageURL)
	declared := d.declaredTitle()
	if declared != "" {
		declared = trimSiteName(declared, sites, d.h1s)
	}
	doc := cleanTitle(d.title, sites, d.h1s)
	switch {
	case declared != "" && !(doc != "" && confirmedByH1(doc, d.h1s) && sharedWords(declared, doc) == 0):
		return declared
	case doc != "" && !isSiteName(doc, sites):
		if h := extendedBy(doc, d.h1s); h != "" {
			return h // a <title> cut short: "Café notes" over "Café notes from a small town"
		}
		if h := firstOf(d.h1s...); wordCount(doc) < 3 && wordCount(h) > wordCount(doc) {
			return h // a <title> of a word or two is a section name ("Harbour news")
		}
		return doc
	}
	for _, h := range d.h1s {
		if h != "" && !isSiteName(h, sites) {
			return h
		}
	}
	return firstOf(doc, declared)
}

// declaredTitle is the first headline the page declares in its metadata.
// Of a JSON-LD headline and name that differ, the one closer to the
// <title> wins (some sites put a description in headline).
func (d *declared) declaredTitle() string {
	h, n := collapse(d.ldString("headline")), collapse(d.ldString("name"))
	if h != "" && n != "" && h != n && sharedWords(n, d.title) > sharedWords(h, d.title) {
		return n
	}
	if t := firstOf(h, n); t != "" {
		return t
	}
	for _, k := range titleKeys {
		if t := collapse(d.meta[k]); t != "" {
			return t
		}
	}
	return ""
}

// siteNames lists the names the page gives its site, lower-cased: Open
// Graph and JSON-LD publisher names, application names and the host name without "www." and its last label.
func (d *declared) siteNames(pageURL string) []string {
	var out []string
	add := func(s string) {
		s = strings.ToLower(collapse(strings.TrimPrefix(s, "@")))
		if s != "" && len(s) < 80 && !contains(out, s) {
			out = append(out, s)
		}
	}
	for _, k := range []string{"og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site_name"} {
		add(d.meta[k])
	}
	add(ldPublisher(d))
	for _, raw := range []string{d.canonical, d.meta["og:url"], pageURL} {
		if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.Hostname() != "" {
			host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
			add(host)
			if i := strings.LastIndexByte(host, '.'); i > 0 {
				add(host[:i])
			}
			break
		}
	}
	return out
}

// cleanTitle takes the site and section names off a document <title>:
// as trimSiteName, and otherwise the last segment goes when what stays is
// still a headline of five words or more.
func cleanTitle(t string, sites, h1s []string) string {
	t = collapse(t)
	if c := trimSiteName(t, sites, h1s); c != t {
		return c
	}
	segs, seps := splitTitle(t)
	if len(segs) < 2 {
		return t
	}
	if head := joinTitle(segs[:len(segs)-1], seps); wordCount(head) >= 5 {
		return head
	}
	return t
}

// trimSiteName takes a first or last segment that names the site off a
// title, or else keeps the leading segments an <h1> repeats.
func trimSiteName(t string, sites, h1s []string) string {
	segs, seps := splitTitle(t)
	if len(segs) < 2 {
		if h := h1Within(t, segs, seps, h1s); h != "" {
			return h
		}
		return t
	}
	switch {
	case isSiteName(segs[len(segs)-1], sites):
		return joinTitle(segs[:len(segs)-1], seps)
	case isSiteName(segs[0], sites):
		return joinTitle(segs[1:], seps[1:])
	}
	if h := h1Within(t, segs, seps, h1s); h != "" {
		return h
	}
	return t
}

// h1Within finds the <h1> that repeats the most of the title: a run of
// its segments, or the part after a "Kicker: " prefix. The rest of the
// title is the site, the section or the kicker; a run that is shorter
// than the rest it would drop is a logo's <h1> ("V8"), not the headline.
func h1Within(t string, segs, seps, h1s []string) string {
	best := ""
	for _, h := range h1s {
		for i := 0; i < len(segs); i++ {
			for j := len(segs); j > i; j-- {
				p := joinTitle(segs[i:j], seps[i:])
				if (i > 0 || j < len(segs)) && strings.EqualFold(p, h) && wordCount(p) > wordCount(best) &&
					(i == 0 || wordCount(p) > wordCount(joinTitle(segs[:i], seps))) {
					best = p
				}
			}
		}
		if _, rest, ok := strings.Cut(t, ": "); ok && strings.EqualFold(rest, h) && wordCount(rest) > wordCount(best) {
			best = rest
		}
	}
	return best
}

// splitTitle cuts t at every separator; seps[i] stands between segs[i]
// and segs[i+1].
func splitTitle(t string) (segs, seps []string) {
	for len(segs) < 16 {
		at, sep := -1, ""
		for _, s := range titleSeparators {
			if i := strings.Index(t, s); i > 0 && (at < 0 || i < at) {
				at, sep = i, s
			}
		}
		if at < 0 {
			break
		}
		segs, seps = append(segs, strings.TrimSpace(t[:at])), append(seps, sep)
		t = t[at+len(sep):]
	}
	return append(segs, strings.TrimSpace(t)), seps
}

func joinTitle(segs, seps []string) string {
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			b.WriteString(seps[i-1])
		}
		b.WriteString(s)
	}
	return b.String()
}

// isSiteName reports whether s names the site: equal to one of its names,
// or one holding the other as whole words ("BuzzFeed News" and
// "BuzzFeed", "Salon.com" and "salon").
func isSiteName(s string, sites []string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return false
	}
	for _, n := range sites {
		// Containment counts only near the name's own length: "BuzzFeed
		// News" names BuzzFeed, "Ferry trip @ Anna's blog" does not.
		if s == n || len(n) >= 3 && (hasWords(s, n) && len(s) <= len(n)+12 || hasWords(n, s) && len(s) >= 3) {
			return true
		}
	}
	return false
}

// hasWords reports whether sub occurs in s at word boundaries.
func hasWords(s, sub string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(sub)
		if (j == 0 || !isWordByte(s[j-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		i = j + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// confirmedByH1 reports whether an <h1> reads the same as t.
func confirmedByH1(t string, h1s []string) bool {
	for _, h := range h1s {
		if strings.EqualFold(h, t) {
			return true
		}
	}
	return false
}

// extendedBy finds an <h1> that starts with t and goes on.
func extendedBy(t string, h1s []string) string {
	lt := strings.ToLower(t)
	for _, h := range h1s {
		if lh := strings.ToLower(h); len(lh) > len(lt) && strings.HasPrefix(lh, lt) && hasWords(lh, lt) {
			return h
		}
	}
	return ""
}

// sharedWords counts the words of a that also occur in b, ignoring case.
func sharedWords(a, b string) int {
	bw := make(map[string]bool)
	for _, w := range strings.FieldsFunc(strings.ToLower(b), notWord) {
		bw[w] = true
	}
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(a), notWord) {
		if bw[w] {
			n++
		}
	}
	return n
}

func notWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }

// wordCount counts words, taking two characters of a script written
// without spaces (Chinese, Japanese) as one word.
func wordCount(s string) int {
	n, cjk := len(strings.FieldsFunc(s, notWord)), 0
	for _, r := range s {
		if isCJK(r) {
			cjk++
		}
	}
	return n + cjk/2
}
