package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"

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
	a.Blocks = p.fallback(a.Blocks, a.Title)
	if letters(a.Blocks) < minLetters {
		return a, article.ErrNoText
	}
	return a, nil
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
