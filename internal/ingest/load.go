package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	neturl "net/url"
	"os"
	"strings"

	"aloud/internal/article"
)

// HTMLFunc extracts an article from an HTML page; pageURL is "" for a
// file or standard input, and contentType may be "".
type HTMLFunc func(body []byte, pageURL, contentType string) (article.Article, error)

// Fetcher downloads a URL. Implementations cap the body size themselves;
// Load checks the returned body against MaxBytes again.
type Fetcher interface {
	Fetch(ctx context.Context, url string) (body []byte, contentType, finalURL string, err error)
}

// Loader reads an article from a file, standard input or a URL and
// dispatches it to the plain-text reader or the HTML extractor. A nil
// HTML or Fetcher makes that input kind a clear "not supported yet" error.
type Loader struct {
	HTML         HTMLFunc
	Fetcher      Fetcher
	MaxBytes     int64  // size limit; 0 means DefaultMaxBytes, negative means none
	MaxBytesHint string // how the user raises MaxBytes, named in the error
	// HTMLMaxBytes limits HTML input, whose markup makes it larger than
	// the text it holds; 0 means DefaultHTMLMaxBytes, negative means none.
	HTMLMaxBytes int64
	Language     string // BCP 47 tag that overrides detection; "" means detected, else the default
	// DefaultLanguage is the language of an article that names none (the
	// publication's); "" means "en".
	DefaultLanguage string
	// Detect guesses the language of an article that names none; nil (for
	// now) skips detection. A later language detector plugs in here.
	Detect func(a article.Article) string
}

// Load reads src: "-" is stdin, an http:// or https:// address is
// fetched, anything else is a file path. Input whose first non-space byte
// is '<' is HTML; the rest is plain text.
func (l *Loader) Load(ctx context.Context, src string, stdin io.Reader) (article.Article, error) {
	if err := ctx.Err(); err != nil {
		return article.Article{}, err
	}
	if isURL(src) {
		return l.loadURL(ctx, src)
	}
	var data []byte
	var err error
	if src == "-" {
		data, err = l.readStdin(ctx, stdin)
	} else {
		data, err = l.readFile(src)
	}
	if err != nil {
		return article.Article{}, err
	}
	return l.Parse(data, "", "")
}

func (l *Loader) loadURL(ctx context.Context, url string) (article.Article, error) {
	if l.Fetcher == nil {
		return article.Article{}, inputErr(ErrUnsupported, "URL input is not supported yet")
	}
	body, ctype, final, err := l.Fetcher.Fetch(ctx, url)
	if err != nil {
		return article.Article{}, fmt.Errorf("fetch %s: %w", RedactURL(url), err)
	}
	if final == "" {
		final = url
	}
	a, err := l.Parse(body, final, ctype)
	if err != nil {
		return article.Article{}, err
	}
	a.URL = final
	return a, nil
}

// Parse reads input already in memory (a file, a request body, a fetched
// page whose final URL is pageURL), sending it to the HTML extractor or the
// text reader, and settles its language.
func (l *Loader) Parse(data []byte, pageURL, ctype string) (article.Article, error) {
	a, err := l.parse(data, pageURL, ctype)
	if err != nil {
		return a, err
	}
	a.Language = l.language(a)
	return a, nil
}

// language is the override, else the language the article names, else a
// detected one, else the default, else English.
func (l *Loader) language(a article.Article) string {
	if l.Language != "" {
		return l.Language
	}
	if a.Language != "" {
		return a.Language
	}
	if l.Detect != nil {
		if lang := l.Detect(a); lang != "" {
			return lang
		}
	}
	if l.DefaultLanguage != "" {
		return l.DefaultLanguage
	}
	return "en"
}

func (l *Loader) parse(data []byte, pageURL, ctype string) (article.Article, error) {
	if looksHTML(data, ctype) {
		if err := checkSize(int64(len(data)), l.htmlLimit(), l.MaxBytesHint); err != nil {
			return article.Article{}, err
		}
		if l.HTML == nil {
			return article.Article{}, inputErr(ErrUnsupported, "HTML input is not supported yet")
		}
		a, err := l.HTML(data, pageURL, ctype)
		if err != nil {
			return article.Article{}, fmt.Errorf("extract html: %w", err)
		}
		return a, nil
	}
	return ReadText(data, TextOptions{MaxBytes: l.limit(), MaxBytesHint: l.MaxBytesHint, NoDefaultLanguage: true})
}

func (l *Loader) limit() int64 {
	if l.MaxBytes == 0 {
		return DefaultMaxBytes
	}
	return l.MaxBytes
}

func (l *Loader) htmlLimit() int64 {
	if l.HTMLMaxBytes == 0 {
		return DefaultHTMLMaxBytes
	}
	return l.HTMLMaxBytes
}

// limitFor is the limit of the kind of input data starts with.
func (l *Loader) limitFor(data []byte) int64 {
	if looksHTML(data, "") {
		return l.htmlLimit()
	}
	return l.limit()
}

// rawLimit bounds what is read before the kind of input is known: the
// larger of the text and HTML limits (negative, meaning none, wins).
func (l *Loader) rawLimit() int64 {
	a, b := l.limit(), l.htmlLimit()
	if a < 0 || b < 0 {
		return -1
	}
	return max(a, b)
}

func (l *Loader) readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open input: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("stat input: %w", err)
	}
	if fi.IsDir() {
		return nil, &InputError{Kind: ErrUnsupported, Reason: "input is a directory, not a file"}
	}
	// Refuse a huge file before reading it; the limited read below also
	// covers files that grow or report no size (pipes, /dev/stdin).
	if lim := l.rawLimit(); lim >= 0 && fi.Size() > lim {
		head := make([]byte, 512)
		n, _ := io.ReadFull(f, head)
		return nil, checkSize(fi.Size(), l.limitFor(head[:n]), l.MaxBytesHint)
	}
	return l.readLimited(f)
}

// readStdin reads standard input but returns as soon as ctx is cancelled,
// since a read from a terminal or pipe cannot be interrupted otherwise.
func (l *Loader) readStdin(ctx context.Context, r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, inputErr(ErrEmpty, "input is empty")
	}
	type result struct {
		data []byte
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		data, err := l.readLimited(r)
		ch <- result{data, err}
	}()
	select {
	case res := <-ch:
		return res.data, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (l *Loader) readLimited(r io.Reader) ([]byte, error) {
	limit := l.rawLimit()
	if limit > 0 {
		r = io.LimitReader(r, limit+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read input: %w", err)
	}
	if limit >= 0 && int64(len(data)) > limit {
		return nil, checkSize(int64(len(data)), l.limitFor(data), l.MaxBytesHint)
	}
	return data, nil
}

func isURL(src string) bool {
	s := strings.ToLower(src)
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// looksHTML trusts an HTML content type, else sniffs the first
// non-space byte (after a BOM) for '<'.
func looksHTML(data []byte, ctype string) bool {
	if ctype != "" {
		if mt, _, err := mime.ParseMediaType(ctype); err == nil {
			switch mt {
			case "text/html", "application/xhtml+xml":
				return true
			case "text/plain", "text/markdown":
				return false
			}
		}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n\f\v")
	return len(data) > 0 && data[0] == '<'
}

// IsInputError reports whether err is a problem with the user's input
// (as opposed to a failure of aloud), and returns its client-safe reason.
func IsInputError(err error) (string, bool) {
	var ie *InputError
	if errors.As(err, &ie) {
		return ie.Reason, true
	}
	return "", false
}

// RedactURL hides the password of a URL that carries user:password, for
// errors and logs; other strings are returned unchanged.
func RedactURL(raw string) string {
	if u, err := neturl.Parse(raw); err == nil && u.User != nil {
		return u.Redacted()
	}
	if at := strings.IndexByte(raw, '@'); at >= 0 && strings.Contains(raw[:at], "://") {
		// Unparsable, but shaped like scheme://user:pass@host: drop the userinfo.
		i := strings.Index(raw, "://") + 3
		return raw[:i] + "xxxxx" + raw[at:]
	}
	return raw
}
