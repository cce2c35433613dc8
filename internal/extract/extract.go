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
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return article.Article{}, fmt.Errorf("parse html: %w", err)
	}
	p := newPage(doc)
	a := p.metadata(pageURL)
	a.Blocks = p.body(a.Title)
	if ld := p.declaredBody(); len(ld) > 0 && textLen(ld) > 2*textLen(a.Blocks) {
		// Pages rendered by script often carry the whole text only in
		// their JSON-LD; the markup then holds a teaser or nothing.
		a.Blocks = ld
	}
	if len(a.Blocks) == 0 {
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
