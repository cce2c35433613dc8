package ingest

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aloud/internal/article"
)

// fakeFetcher is a hand-written Fetcher whose behaviour each test sets.
type fakeFetcher struct {
	FetchFunc func(ctx context.Context, url string) ([]byte, string, string, error)
}

var _ Fetcher = (*fakeFetcher)(nil)

func (f *fakeFetcher) Fetch(ctx context.Context, url string) ([]byte, string, string, error) {
	return f.FetchFunc(ctx, url)
}

// fakeHTML records what it was given and returns a fixed article.
type fakeHTML struct {
	body, url, ctype string
	lang             string
}

func (h *fakeHTML) extract(body []byte, pageURL, contentType string) (article.Article, error) {
	h.body, h.url, h.ctype = string(body), pageURL, contentType
	return article.Article{Title: "From HTML", Language: h.lang, Blocks: []article.Block{{Type: article.Paragraph, Text: "Body."}}}, nil
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoaderText(t *testing.T) {
	ctx := context.Background()
	p := writeFile(t, "a.txt", "K: Head\n\nBody.\n")
	l := &Loader{}
	for _, src := range []string{p, "-"} {
		a, err := l.Load(ctx, src, strings.NewReader("K: Head\n\nBody.\n"))
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if a.Title != "Head" || a.Kicker != "K" || a.Language != "en" || a.URL != "" || len(a.Blocks) != 1 {
			t.Errorf("%s: got %+v", src, a)
		}
	}
	l.Language = "de"
	a, err := l.Load(ctx, p, nil)
	if err != nil || a.Language != "de" {
		t.Errorf("language override: got %q, %v", a.Language, err)
	}
}

func TestLoaderHTML(t *testing.T) {
	ctx := context.Background()
	html := "\ufeff \n <!doctype html><p>Hi</p>"
	p := writeFile(t, "a.html", html)
	if _, err := (&Loader{}).Load(ctx, p, nil); !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "HTML input is not supported yet") {
		t.Fatalf("nil HTML: got %v, want the not-supported error", err)
	}
	h := &fakeHTML{lang: "fr"}
	l := &Loader{HTML: h.extract}
	a, err := l.Load(ctx, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if h.body != html || h.url != "" || a.Title != "From HTML" || a.Language != "fr" {
		t.Errorf("got body %q url %q, article %+v", h.body, h.url, a)
	}
	h.lang = ""
	if a, _ = l.Load(ctx, "-", strings.NewReader("<p>x</p>")); a.Language != "en" {
		t.Errorf("default language: got %q, want en", a.Language)
	}
	l.Language = "de"
	h.lang = "fr"
	if a, _ = l.Load(ctx, "-", strings.NewReader("<p>x</p>")); a.Language != "de" {
		t.Errorf("--lang must win over the page: got %q, want de", a.Language)
	}
}

func TestLoaderURL(t *testing.T) {
	ctx := context.Background()
	if _, err := (&Loader{}).Load(ctx, "https://example.com/a", nil); !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "URL input is not supported yet") {
		t.Fatalf("nil Fetcher: got %v", err)
	}
	h := &fakeHTML{}
	var fetched string
	f := &fakeFetcher{FetchFunc: func(_ context.Context, url string) ([]byte, string, string, error) {
		fetched = url
		if strings.HasSuffix(url, ".txt") {
			return []byte("Head\n\nBody."), "text/plain; charset=utf-8", url, nil
		}
		return []byte("no angle bracket but HTML"), "text/html; charset=utf-8", "https://example.com/final", nil
	}}
	l := &Loader{HTML: h.extract, Fetcher: f}
	a, err := l.Load(ctx, "HTTPS://example.com/a", nil)
	if err != nil {
		t.Fatal(err)
	}
	if fetched != "HTTPS://example.com/a" || h.url != "https://example.com/final" || h.ctype != "text/html; charset=utf-8" || a.URL != "https://example.com/final" {
		t.Errorf("got fetched %q, html url %q ctype %q, article url %q", fetched, h.url, h.ctype, a.URL)
	}
	a, err = l.Load(ctx, "http://example.com/a.txt", nil)
	if err != nil || a.Title != "Head" || a.URL != "http://example.com/a.txt" {
		t.Errorf("text URL: got %+v, %v", a, err)
	}
	boom := errors.New("boom")
	f.FetchFunc = func(context.Context, string) ([]byte, string, string, error) { return nil, "", "", boom }
	if _, err := l.Load(ctx, "https://example.com/", nil); !errors.Is(err, boom) {
		t.Errorf("fetch error: got %v, want it wrapped", err)
	}
	f.FetchFunc = func(context.Context, string) ([]byte, string, string, error) {
		return make([]byte, 2048), "text/plain", "", nil
	}
	l.MaxBytes = 1024
	if _, err := l.Load(ctx, "https://example.com/", nil); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big body: got %v, want ErrTooLarge", err)
	}
}

func TestLoaderLimits(t *testing.T) {
	ctx := context.Background()
	big := writeFile(t, "big.txt", strings.Repeat("Some words. ", 200))
	l := &Loader{MaxBytes: 1000, MaxBytesHint: "set X to change it"}
	_, err := l.Load(ctx, big, nil)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "1000-byte size limit (set X to change it)") {
		t.Errorf("file: got %v", err)
	}
	_, err = l.Load(ctx, "-", strings.NewReader(strings.Repeat("Some words. ", 200)))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("stdin: got %v", err)
	}
	// Negative means no limit.
	l.MaxBytes = -1
	if _, err := l.Load(ctx, big, nil); err != nil {
		t.Errorf("no limit: got %v", err)
	}
}

func TestLoaderFileErrors(t *testing.T) {
	ctx := context.Background()
	l := &Loader{}
	if _, err := l.Load(ctx, filepath.Join(t.TempDir(), "missing.txt"), nil); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing: got %v", err)
	}
	if _, err := l.Load(ctx, t.TempDir(), nil); !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "directory") {
		t.Errorf("directory: got %v", err)
	}
	empty := writeFile(t, "empty.txt", "")
	if _, err := l.Load(ctx, empty, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: got %v", err)
	}
	if _, err := l.Load(ctx, "-", nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("nil stdin: got %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := l.Load(cancelled, empty, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

// blockingReader never returns, like a terminal nobody types into.
type blockingReader struct{ done chan struct{} }

func (b blockingReader) Read([]byte) (int, error) {
	<-b.done
	return 0, io.EOF
}

func TestLoaderStdinCancel(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	r := blockingReader{done: make(chan struct{})}
	defer close(r.done)
	_, err := (&Loader{}).Load(ctx, "-", r)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want the context's error", err)
	}
}

func TestIsInputError(t *testing.T) {
	_, err := ReadText(nil, TextOptions{})
	if reason, ok := IsInputError(err); !ok || reason != "input is empty" {
		t.Errorf("got %q %v", reason, ok)
	}
	if _, ok := IsInputError(errors.New("other")); ok {
		t.Errorf("plain error reported as input error")
	}
	wrapped := &InputError{Kind: ErrUnsupported, Reason: "cannot", Err: os.ErrPermission}
	if !errors.Is(wrapped, os.ErrPermission) || !errors.Is(wrapped, ErrUnsupported) || wrapped.Error() != "cannot: permission denied" {
		t.Errorf("got %q", wrapped.Error())
	}
}

func TestRedactURL(t *testing.T) {
	cases := map[string]string{
		"https://user:pw@example.com/a?b=c": "https://user:xxxxx@example.com/a?b=c",
		"https://example.com/a":             "https://example.com/a",
		"http://u:p w@ex ample.com/%zz":     "http://xxxxx@ex ample.com/%zz",
		"notes.html":                        "notes.html",
	}
	for in, want := range cases {
		if got := RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}
