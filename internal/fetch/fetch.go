package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Defaults applied to zero Config fields.
const (
	DefaultMaxBytes     = 5 << 20
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "aloud/dev (+https://github.com/aloud)"
	// MaxURLLength bounds the URLs accepted; longer ones are refused
	// before any connection.
	MaxURLLength   = 2048
	connectTimeout = 10 * time.Second
	headerTimeout  = 15 * time.Second
)

// Config tunes a Fetcher. The zero value uses the defaults.
type Config struct {
	// AllowHosts are hostnames or IP literals (any port) exempt from the
	// private-address guard, for tests and intranets.
	AllowHosts []string
	// MaxBytes caps the body after decompression.
	MaxBytes int64
	// Timeout bounds a whole request, redirects and body included.
	Timeout time.Duration
	// UserAgent is sent on every request; see UserAgent.
	UserAgent string
	// MaxRedirects is the most redirects followed.
	MaxRedirects int
}

// UserAgent is the honest User-Agent of an aloud build.
func UserAgent(version string) string {
	if version == "" {
		version = "dev"
	}
	return "aloud/" + version + " (+https://github.com/aloud)"
}

// Conditional carries validators from an earlier response.
type Conditional struct {
	ETag, LastModified string
}

// Response is a fetched resource. NotModified is set on a 304 answer to a
// conditional request, with an empty Body.
type Response struct {
	Body         []byte
	ContentType  string
	URL          string // after redirects
	ETag         string
	LastModified string
	NotModified  bool
	Status       int
}

// Fetcher performs guarded GET requests. It is safe for concurrent use.
type Fetcher struct {
	cfg    Config
	allow  map[string]bool
	client *http.Client
}

// New builds a Fetcher from cfg, filling in defaults.
func New(cfg Config) *Fetcher {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxRedirects <= 0 {
		cfg.MaxRedirects = DefaultMaxRedirects
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	f := &Fetcher{cfg: cfg, allow: make(map[string]bool)}
	for _, h := range cfg.AllowHosts {
		if h = normHost(h); h != "" {
			f.allow[h] = true
		}
	}
	f.client = &http.Client{
		Transport:     f.transport(),
		CheckRedirect: f.checkRedirect,
	}
	return f
}

func (f *Fetcher) transport() *http.Transport {
	guarded := &net.Dialer{Timeout: connectTimeout, Control: controlAddress}
	open := &net.Dialer{Timeout: connectTimeout}
	return &http.Transport{
		// No proxy from the environment: a proxy would make the dial-time
		// address check meaningless.
		Proxy: nil,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				return nil, err
			}
			if f.allow[normHost(host)] {
				return open.DialContext(ctx, network, addr)
			}
			return guarded.DialContext(ctx, network, addr)
		},
		TLSHandshakeTimeout:    connectTimeout,
		ResponseHeaderTimeout:  headerTimeout,
		IdleConnTimeout:        30 * time.Second,
		MaxIdleConns:           16,
		MaxResponseHeaderBytes: 64 << 10,
		ForceAttemptHTTP2:      true,
	}
}

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.cfg.MaxRedirects {
		return fmt.Errorf("%w (limit %d)", ErrTooManyRedirects, f.cfg.MaxRedirects)
	}
	return f.checkURL(req.URL)
}

// Get fetches rawURL. cond may be nil; when set, its validators are sent
// and a 304 answer yields a Response with NotModified set.
func (f *Fetcher) Get(ctx context.Context, rawURL string, cond *Conditional) (*Response, error) {
	resp, err := f.get(ctx, rawURL, cond)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", redact(rawURL), err)
	}
	return resp, nil
}

// get is Get without the URL in its errors, for callers that add it.
func (f *Fetcher) get(ctx context.Context, rawURL string, cond *Conditional) (*Response, error) {
	u, err := f.parseURL(rawURL)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.5")
	if cond != nil {
		if cond.ETag != "" {
			req.Header.Set("If-None-Match", cond.ETag)
		}
		if cond.LastModified != "" {
			req.Header.Set("If-Modified-Since", cond.LastModified)
		}
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, classify(err)
	}
	defer resp.Body.Close()
	out, err := f.read(resp)
	if err != nil {
		return nil, classify(err)
	}
	return out, nil
}

func (f *Fetcher) read(resp *http.Response) (*Response, error) {
	out := &Response{
		ContentType:  resp.Header.Get("Content-Type"),
		URL:          resp.Request.URL.String(),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		Status:       resp.StatusCode,
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &StatusError{Code: resp.StatusCode}
	}
	if resp.ContentLength > f.cfg.MaxBytes {
		return nil, &SizeError{Limit: f.cfg.MaxBytes}
	}
	// The limit applies to the decompressed stream the transport hands
	// us, so a small gzip bomb stops here too.
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.cfg.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > f.cfg.MaxBytes {
		return nil, &SizeError{Limit: f.cfg.MaxBytes}
	}
	out.Body = body
	return out, nil
}

// classify maps transport errors to this package's kinds.
func classify(err error) error {
	var ne net.Error
	switch {
	case errors.Is(err, ErrBlocked), errors.Is(err, ErrTooManyRedirects), errors.Is(err, ErrScheme),
		errors.Is(err, ErrCredentials), errors.Is(err, ErrURLTooLong), errors.Is(err, ErrInvalidURL):
		return err
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("%w: %w", ErrTimeout, err)
	case errors.Is(err, context.Canceled):
		return err
	}
	return fmt.Errorf("%w: %w", ErrConnect, err)
}

func redact(raw string) string {
	if len(raw) > 100 {
		raw = raw[:100] + "…"
	}
	if u, err := url.Parse(raw); err == nil {
		return u.Redacted()
	}
	if i := strings.IndexByte(raw, '@'); i >= 0 {
		return "…" + raw[i:]
	}
	return raw
}

// Fetch is Get without validators, in the shape of ingest.Fetcher: the
// body, its content type and the URL after redirects.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (body []byte, contentType, finalURL string, err error) {
	resp, err := f.get(ctx, rawURL, nil) // the caller names the URL
	if err != nil {
		return nil, "", "", err
	}
	return resp.Body, resp.ContentType, resp.URL, nil
}
