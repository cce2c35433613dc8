package ingest

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"aloud/internal/article"
)

// byline matches "By Jane Doe", "Von Max Muster", "Author: Jane Doe".
var byline = regexp.MustCompile(`^(?i:by|von|par|por|door|av|written by|text|author|autor|autorin)\s*:?\s+(.+)$`)

// nameJoiners may appear in lower case inside a byline.
var nameJoiners = map[string]bool{"and": true, "und": true, "&": true, "de": true, "van": true,
	"von": true, "der": true, "den": true, "da": true, "di": true, "la": true, "le": true, "et": true, "y": true, "in": true}

// takeMeta removes byline and date lines from the top of the body.
func takeMeta(a *article.Article, blocks [][]string) [][]string {
	for range 3 {
		if len(blocks) == 0 || !takeMetaLine(a, blocks[0][0]) {
			break
		}
		blocks = dropLines(blocks, 1)
	}
	return blocks
}

// takeMetaLine records line if it is a byline and/or a date, possibly
// joined by "|" or "·" ("By Jane Doe | Nov. 5, 2025").
func takeMetaLine(a *article.Article, line string) bool {
	parts := strings.FieldsFunc(line, func(r rune) bool { return r == '|' || r == '·' })
	var by string
	var when time.Time
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if v, ok := bylineValue(p); ok && by == "" {
			by = v
		} else if t, ok := parseDate(p); ok && when.IsZero() {
			when = t
		} else {
			return false
		}
	}
	if by == "" && when.IsZero() {
		return false
	}
	if by != "" {
		a.Byline = by
	}
	if !when.IsZero() {
		a.Published = when
	}
	return true
}

func bylineValue(line string) (string, bool) {
	m := byline.FindStringSubmatch(line)
	if m == nil || wordCount(m[1]) > maxBylineWords || strings.ContainsAny(lastRune(m[1]), ",:;") {
		return "", false
	}
	v := strings.TrimSpace(m[1])
	for _, w := range strings.Fields(v) {
		w = strings.Trim(w, ",;()")
		if w == "" || nameJoiners[strings.ToLower(w)] {
			continue
		}
		if !startsUpper(w) {
			return "", false
		}
	}
	return v, true
}

func lastRune(s string) string {
	_, size := utf8.DecodeLastRuneInString(s)
	return s[len(s)-size:]
}
