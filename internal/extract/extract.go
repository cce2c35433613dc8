package extract

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"aloud/internal/article"
)

// DefaultMaxBytes is the body size limit used when Options.MaxBytes is zero.
const DefaultMaxBytes = 5 << 20

// maxDepth bounds how deep the extractor descends into the element tree;
// real pages stay far below it, hostile ones are cut off there.
const maxDepth = 400

// Options tunes Extract. The zero value uses the defaults.
type Options struct {
	// MaxBytes is the largest body accepted; zero means DefaultMaxBytes.
	MaxBytes int64
}

// SizeError reports a page larger than the configured limit.
type SizeError struct {
	Size, Limit int64
}

func (e *SizeError) Error() string {
	return fmt.Sprintf("page is %d bytes, over the %d-byte limit (raise extract MaxBytes to accept it)", e.Size, e.Limit)
}

// Extract reads the article in an HTML page. pageURL (may be empty) is used
// when the page declares no canonical URL and to resolve relative ones;
// contentType (may be empty) may name the charset.
func Extract(body []byte, pageURL, contentType string, opts Options) (article.Article, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if int64(len(body)) > limit {
		return article.Article{}, &SizeError{Size: int64(len(body)), Limit: limit}
	}
	text, err := decode(body, contentType)
	if err != nil {
		return article.Article{}, err
	}
	text = stripCode(text)
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// The parser refuses nesting deeper than 512 elements; flatten
		// the excess and try once more.
		doc, err = html.Parse(strings.NewReader(flatten(text, maxDepth/2)))
		if err != nil {
			return article.Article{}, fmt.Errorf("parse html: %w", err)
		}
	}
	p := newPage(doc)
	a := p.metadata(pageURL)
	var kicker string
	a.Blocks, kicker = p.body(a.Title)
	if a.Kicker == "" {
		a.Kicker = kicker
	}
	if !plausibleKicker(a.Kicker, a.Title, a.Source) {
		a.Kicker = ""
	}
	if ld := p.declaredBody(); len(ld) > 0 && textLen(ld) > 2*textLen(a.Blocks) {
		// Pages rendered by script often carry the whole text only in
		// their JSON-LD; the markup then holds a teaser or nothing.
		a.Blocks = ld
	}
	if letters(a.Blocks) < minLetters {
		return a, article.ErrNoText
	}
	return a, nil
}

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

// minLetters is the least text, in letters, that counts as an article;
// below it the "article" is stray bytes or a lone label.
const minLetters = 10

func letters(blocks []article.Block) int {
	n := 0
	for _, b := range blocks {
		for _, r := range b.Text {
			if unicode.IsLetter(r) {
				n++
			}
		}
	}
	return n
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

// dateLike matches a year or a clock time: a "kicker" holding one is a
// dateline or byline.
var dateLike = regexp.MustCompile(`\b(?:1[89]|20)\d{2}\b|\d{1,2}[:.]\d{2}`)

// plausibleKicker rejects kicker candidates that are really the headline,
// the site name, a dateline or a byline.
func plausibleKicker(k, title, source string) bool {
	switch {
	case k == "", strings.EqualFold(k, title), strings.EqualFold(k, source), dateLike.MatchString(k):
		return false
	}
	return !boilerplate.MatchString(k)
}
