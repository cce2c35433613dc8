package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"aloud/internal/article"
	"aloud/internal/fetch"
)

const testPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour news</title><link rel="canonical" href="/news/ferry">
<meta property="og:site_name" content="Local Courier"></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Ferry keeps running</h1>
<div class="share"><a href="#">Share</a></div>
<p>The council voted late on Monday to keep the ferry running for another five years after a long debate.</p>
<p>Residents had packed the hall, and many of them spoke in favour of the service that links the island.</p>
</article></body></html>`

// TestExtractURL runs `aloud extract` on a page of a local server that is
// allowed with --allow-host, and checks the same server is refused without.
func TestExtractURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ua := r.UserAgent(); !strings.HasPrefix(ua, "aloud/") {
			t.Errorf("got User-Agent %q, want aloud/…", ua)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, testPage)
	}))
	defer srv.Close()

	out, _, err := runCapture(t, "", nil, "extract", "--allow-host", "127.0.0.1", srv.URL+"/page")
	if err != nil {
		t.Fatal(err)
	}
	want := "The council voted late on Monday to keep the ferry running for another five years after a long debate.\n\n" +
		"Residents had packed the hall, and many of them spoke in favour of the service that links the island.\n"
	if out != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}

	out, _, err = runCapture(t, "", func(k string) string {
		if k == "ALOUD_FETCH_ALLOW_HOSTS" {
			return "127.0.0.1"
		}
		return ""
	}, "extract", "--format", "json", srv.URL+"/page")
	if err != nil {
		t.Fatal(err)
	}
	var a article.Article
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Ferry keeps running" || a.Source != "Local Courier" || !strings.HasPrefix(a.URL, srv.URL) {
		t.Errorf("got title %q source %q url %q", a.Title, a.Source, a.URL)
	}

	_, _, err = runCapture(t, "", nil, "extract", srv.URL+"/page")
	if !errors.Is(err, fetch.ErrBlocked) {
		t.Errorf("without --allow-host: got %v, want fetch.ErrBlocked", err)
	}
}

// TestExtractURLPasswordRedacted checks that no error of `aloud extract`
// or `aloud feed` repeats the password of a URL with user:password,
// whether the fetcher refuses it or the host cannot be reached.
func TestExtractURLPasswordRedacted(t *testing.T) {
	const secret = "s3cr3t-pass"
	for _, args := range [][]string{
		{"extract", "http://user:" + secret + "@example.invalid/page"},
		{"extract", "--allow-host", "127.0.0.1", "http://user:" + secret + "@127.0.0.1:1/page"},
		{"feed", "https://user:" + secret + "@example.invalid/feed.xml"},
	} {
		_, stderr, err := runCapture(t, "", nil, args...)
		if err == nil {
			t.Fatalf("%v: want an error", args)
		}
		if strings.Contains(err.Error(), secret) || strings.Contains(stderr, secret) {
			t.Errorf("%v: error leaks the password: %v", args, err)
		}
	}
}
