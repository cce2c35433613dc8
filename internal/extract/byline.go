package extract

import (
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// maxBylineText is the longest element text read as a visible byline
// ("By Staff Reporter · 12 March 2024, 14:05"); longer text is prose.
const maxBylineText = 160

// byPrefix opens a visible byline in the languages the extractor knows.
var byPrefix = regexp.MustCompile(`^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Aa]f)\s+`)

// bylineName is the name part of a visible byline: capitalised words,
// joined by commas, "and" or "&", up to a separator or a date.
var bylineName = regexp.MustCompile(`^(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|da|di|la|le|el|bin|al-\p{L}+)){0,4}(?:\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})*)`)

// visibleByline reads a byline element's text: "By NAME", optionally
// followed by a separator and a date. It returns the name and the date
// (zero when none can be read).
func visibleByline(t string) (name string, date time.Time) {
	t = collapse(t)
	if len(t) > maxBylineText {
		return "", time.Time{}
	}
	loc := byPrefix.FindStringIndex(t)
	if loc == nil {
		return "", time.Time{}
	}
	rest := t[loc[1]:]
	m := bylineName.FindString(rest)
	if m == "" {
		return "", time.Time{}
	}
	name = trimName(m)
	date, _ = visibleDate(rest[len(name):])
	return name, date
}

// trimName cuts a matched name before a month that starts the date
// ("Joshua Sokol May 17, 2016") and drops joining words left at its end.
func trimName(m string) string {
	words := strings.Fields(m)
	for i := 1; i < len(words); i++ {
		w := strings.ToLower(strings.Trim(words[i], ".,"))
		if _, ok := monthNumbers[w]; ok || len(w) > 3 && monthNumbers[w[:3]] != 0 && isMonthName(w) {
			words = words[:i]
			break
		}
	}
	name := strings.TrimRight(strings.Join(words, " "), " ,&")
	return strings.TrimSuffix(strings.TrimSuffix(name, " and"), " und")
}

func isMonthName(w string) bool {
	for _, m := range []string{"january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december"} {
		if w == m {
			return true
		}
	}
	return false
}

// markedName reads the name in the text of an author element: the
// capitalised words it starts with, when they are not a label such as
// "Last Updated".
func markedName(t string) string {
	t = strings.TrimSpace(byPrefix.ReplaceAllString(collapse(t), ""))
	m := bylineName.FindString(t)
	if m == "" || len(m) > 80 {
		return ""
	}
	name := trimName(m)
	low := strings.ToLower(name)
	for _, w := range []string{"updated", "published", "posted", "written", "share", "follow", "more", "about"} {
		if strings.Contains(low, w) {
			return ""
		}
	}
	return name
}

// Visible dates: "12 March 2024", "March 12, 2024", "12.03.2024" or
// "2024-03-12", each with an optional clock time after it.
var (
	dayMonthYear = regexp.MustCompile(`(?i)\b(\d{1,2})\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})`)
	monthDayYear = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`)
	isoDate      = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dottedDate   = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	clockTime    = regexp.MustCompile(`(?i)^[,\s]*(?:at|um|à|a las|alle)?\s*(\d{1,2})[:.h](\d{2})\s*(a\.?m\.?|p\.?m\.?)?`)
)

var monthNumbers = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// visibleDate finds the first date written out in s, with the clock time
// that follows it if any; times are taken as UTC since pages rarely say
// their zone next to them.
func visibleDate(s string) (time.Time, bool) {
	var y, mo, d int
	var end int
	switch {
	case dayMonthYear.MatchString(s):
		m := dayMonthYear.FindStringSubmatchIndex(s)
		d, mo, y = atoi(s[m[2]:m[3]]), int(monthNumbers[strings.ToLower(s[m[4]:m[5]])]), atoi(s[m[6]:m[7]])
		end = m[1]
	case monthDayYear.MatchString(s):
		m := monthDayYear.FindStringSubmatchIndex(s)
		mo, d, y = int(monthNumbers[strings.ToLower(s[m[2]:m[3]])]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		end = m[1]
	case isoDate.MatchString(s):
		m := isoDate.FindStringSubmatchIndex(s)
		y, mo, d = atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		end = m[1]
	case dottedDate.MatchString(s):
		m := dottedDate.FindStringSubmatchIndex(s)
		d, mo, y = atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])
		end = m[1]
	default:
		return time.Time{}, false
	}
	if y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	h, mi := 0, 0
	if c := clockTime.FindStringSubmatch(s[end:]); c != nil {
		h, mi = atoi(c[1]), atoi(c[2])
		pm := strings.HasPrefix(strings.ToLower(c[3]), "p")
		if pm && h < 12 {
			h += 12
		} else if !pm && c[3] != "" && h == 12 {
			h = 0
		}
		if h > 23 || mi > 59 {
			h, mi = 0, 0
		}
	}
	t := time.Date(y, time.Month(mo), d, h, mi, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // 31 February
	}
	return t, true
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// isBylineElement reports markup that holds the author's name.
func isBylineElement(n *html.Node) bool {
	if hasToken(attr(n, "rel"), "author") || strings.EqualFold(attr(n, "itemprop"), "author") {
		return true
	}
	for _, v := range nameValues(attr(n, "class"), "") {
		for _, t := range v {
			if t == "byline" || t == "author" || t == "authors" || t == "dateline" {
				return true
			}
		}
	}
	return false
}

// noteByline records visible byline evidence while the document is walked:
// the first byline element and the first "By NAME" line. It is called for
// elements with text, before the furniture is removed.
func (d *declared) noteByline(n *html.Node) {
	if d.visibleBy != "" {
		return
	}
	if !mayBeByline(n) && !startsWithBy(n) {
		return
	}
	t := textOf(n)
	if t == "" || len(t) > maxBylineText {
		return
	}
	if name, date := visibleByline(t); name != "" {
		d.visibleBy, d.visibleDate = name, date
		return
	}
	if d.markedBy == "" && isBylineElement(n) && !strings.ContainsAny(t, "@/") {
		d.markedBy = markedName(t)
	}
}

// mayBeByline is a cheap test before isBylineElement, which splits names.
func mayBeByline(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "rel", "itemprop":
			return isBylineElement(n)
		case "class":
			if c := strings.ToLower(a.Val); strings.Contains(c, "auth") || strings.Contains(c, "byline") || strings.Contains(c, "dateline") {
				return isBylineElement(n)
			}
		}
	}
	return false
}

// startsWithBy reports an element whose first text starts like a byline.
func startsWithBy(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			if s := strings.TrimSpace(c.Data); s != "" {
				return byPrefix.MatchString(s)
			}
		}
	}
	return false
}
