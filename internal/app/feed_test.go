package app

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aloud/internal/fetch"
)

const testRSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Old</title><link>https://x.example/old</link><guid>g-old</guid><pubDate>Mon, 01 Jan 2024 08:00:00 +0000</pubDate></item>
<item><title>New</title><link>https://x.example/new</link><guid>g-new</guid><pubDate>Tue, 02 Jan 2024 08:00:00 +0000</pubDate></item>
</channel></rss>`

func TestFeedCommand(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, testRSS)
	}))
	defer srv.Close()
	file := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(file, []byte(testRSS), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "2024-01-02T08:00:00Z\tNew\thttps://x.example/new\tg-new\n" +
		"2024-01-01T08:00:00Z\tOld\thttps://x.example/old\tg-old\n"
	envHosts := func(k string) string {
		if k == "ALOUD_FETCH_ALLOW_HOSTS" {
			return "example.org, 127.0.0.1"
		}
		return ""
	}
	cases := []struct {
		name   string
		getenv func(string) string
		args   []string
	}{
		{"file", nil, []string{"feed", file}},
		{"url with --allow-host", nil, []string{"feed", srv.URL, "--allow-host", "127.0.0.1"}},
		{"url with env", envHosts, []string{"feed", srv.URL}},
		{"stdin", nil, []string{"feed", "-"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, _, err := runCapture(t, testRSS, c.getenv, c.args...)
			if err != nil {
				t.Fatal(err)
			}
			if out != want {
				t.Errorf("got\n%s\nwant\n%s", out, want)
			}
		})
	}
	out, _, err := runCapture(t, testRSS, nil, "feed", "--latest", "1", file)
	if err != nil || strings.Count(out, "\n") != 1 || !strings.Contains(out, "\tNew\t") {
		t.Errorf("--latest 1: got %q, %v; want only the newest item", out, err)
	}
}

func TestFeedCommandRefusesLocalServer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		t.Error("the server was reached")
	}))
	defer srv.Close()
	_, _, err := runCapture(t, "", nil, "feed", srv.URL)
	if !errors.Is(err, fetch.ErrBlocked) {
		t.Fatalf("got %v, want fetch.ErrBlocked", err)
	}
	if !strings.Contains(ErrorLine(err), "--allow-host") {
		t.Errorf("error %q does not say how to allow the host", ErrorLine(err))
	}
}
