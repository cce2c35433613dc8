package api_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"aloud/internal/api"
	"aloud/internal/dbtest"
	"aloud/internal/fetch"
	"aloud/internal/jobs"
	"aloud/internal/store"
)

// Voice, language, URL and size are checked in the request: 4xx naming
// the field, with no operator hint (flags, variables) in the message.
func TestChecksAtSubmit(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{
			CheckURL:       fetch.New(fetch.Config{}).CheckURL,
			MaxSpokenChars: 500,
			CheckVoice: func(voice, lang string) error {
				if voice != "" && voice != "flite:rms" {
					return errors.New("unknown voice")
				}
				if lang != "" && !strings.HasPrefix(lang, "en") && !strings.HasPrefix(lang, "de") {
					return fmt.Errorf("no installed voice speaks %q", lang)
				}
				return nil
			},
			Running: func(context.Context) (jobs.RunningStats, error) {
				return jobs.RunningStats{ByKind: map[string]int{"render": 2}, OldestAge: 90 * time.Second, PastTimeout: 1}, nil
			},
		})
		long := strings.Repeat("The council met again. ", 30)
		for _, tc := range []struct {
			body   string
			status int
			field  string
		}{
			{`{"text": "T\n\nBody.", "voice": "nope:nothing"}`, 400, "voice:"},
			{`{"text": "T\n\nBody.", "language": "english"}`, 400, "language:"},
			{`{"text": "T\n\nBody.", "language": "xx"}`, 400, "language:"},
			{`{"url": "ftp://example.com/a"}`, 400, "url:"},
			{`{"url": "https://user:pw@example.com/a"}`, 400, "url:"},
			{`{"url": "http://127.0.0.1:8080/a"}`, 400, "url:"},
			{`{"url": "http://localhost/a"}`, 400, "url:"},
			{`{"url": "http://10.0.0.7/a"}`, 400, "url:"},
			{`{"text": "T\n\n` + long + `"}`, 413, "text:"},
			{`{"title": "T", "blocks": [{"type": "paragraph", "text": "` + long + `"}]}`, 413, "limit of 500"},
		} {
			r := b.do(t, "POST", "/api/v1/articles", b.key, tc.body)
			if r.status != tc.status || !strings.Contains(string(r.body), tc.field) {
				t.Errorf("%.60s: %d %s, want %d naming %s", tc.body, r.status, r.body, tc.status, tc.field)
			}
			if strings.Contains(string(r.body), "ALOUD_") || strings.Contains(string(r.body), "--") {
				t.Errorf("%.60s: operator hint in %s", tc.body, r.body)
			}
		}
		if r := b.do(t, "POST", "/api/v1/articles", b.key, `{"text": "T\n\nBody.", "voice": "flite:rms", "language": "de-AT"}`); r.status != 202 {
			t.Fatalf("good article: %d %s", r.status, r.body)
		}
		m := string(b.do(t, "GET", "/metrics", "", "").body)
		for _, want := range []string{`aloud_jobs_running{kind="render"} 2`, `aloud_jobs_running{kind="ingest"} 0`,
			"aloud_oldest_running_job_seconds 90", "aloud_jobs_past_timeout 1"} {
			if !strings.Contains(m, want) {
				t.Errorf("/metrics lacks %q", want)
			}
		}
	})
}
