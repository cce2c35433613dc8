package extract

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)`)

// decode converts body to UTF-8 following the declared charset, else
// treating it as UTF-8. The WHATWG default of windows-1252 is deliberately
// not used: pages saved as UTF-8 without a declaration are common.
func decode(body []byte, contentType string) (string, error) {
	label := ""
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			label = params["charset"]
		}
	}
	if label == "" {
		head := body[:min(len(body), 4096)]
		if m := metaCharset.FindSubmatch(head); m != nil {
			label = string(m[1])
		}
	}
	if bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
		body, label = body[3:], "utf-8"
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" {
		if utf8.Valid(body) {
			return string(body), nil
		}
		return strings.ToValidUTF8(string(body), "\uFFFD"), nil
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), body)
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	if !utf8.Valid(out) {
		return strings.ToValidUTF8(string(out), "\uFFFD"), nil
	}
	return string(out), nil
}

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
