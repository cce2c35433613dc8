package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// flatten drops the start and end tags nested deeper than limit, keeping
// their text, so that a hostile page parses at a bounded depth.
func flatten(src string, limit int) string {
	var b strings.Builder
	b.Grow(len(src))
	z := html.NewTokenizer(strings.NewReader(src))
	depth := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken:
			depth++
			if depth > limit {
				continue
			}
		case html.EndTagToken:
			depth--
			if depth >= limit {
				continue
			}
		}
		b.Write(z.Raw())
	}
}

// stripCode empties <script> (except JSON-LD) and <style> elements before
// parsing. They are never read, and tokenizing them is a large share of
// the parse on pages that inline their JavaScript.
func stripCode(src string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i:], '<')
		if j < 0 {
			break
		}
		j += i
		tag := ""
		switch {
		case hasPrefixFold(src[j+1:], "script"):
			tag = "</script"
		case hasPrefixFold(src[j+1:], "style"):
			tag = "</style"
		default:
			i = j + 1
			continue
		}
		open := strings.IndexByte(src[j:], '>')
		if open < 0 {
			break
		}
		open += j + 1
		end := indexFold(src[open:], tag)
		if end < 0 {
			break
		}
		end += open
		if !strings.Contains(src[j:open], "ld+json") {
			b.WriteString(src[last:open])
			last = end
		}
		i = end + 1
	}
	if last == 0 {
		return src
	}
	b.WriteString(src[last:])
	return b.String()
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case; prefix is lower case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// indexFold finds the lower-case ASCII needle (starting with '<') in s,
// ignoring case.
func indexFold(s, needle string) int {
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return -1
		}
		if hasPrefixFold(s[i+j:], needle) {
			return i + j
		}
		i += j + 1
	}
}
