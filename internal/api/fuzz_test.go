package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"aloud/internal/api"
	"aloud/internal/article"
	"aloud/internal/blob"
	"aloud/internal/dbtest"
	"aloud/internal/store"
)

// nopJobs accepts everything and enqueues nothing.
type nopJobs struct{}

func (nopJobs) SubmitContent(context.Context, *store.Tx, store.Article, article.Article) error {
	return nil
}
func (nopJobs) EnqueueIngest(context.Context, *store.Tx, string) error { return nil }
func (nopJobs) EnqueuePoll(context.Context, *store.Tx, string) error   { return nil }

var _ api.Jobs = nopJobs{}

// Whatever the body, creating an article answers 202 or a 4xx with the
// error shape: never a 5xx.
func FuzzCreateArticle(f *testing.F) {
	for _, seed := range []string{
		`{"text":"Title\n\nA paragraph."}`, `{"url":"https://example.com/a"}`, `{"html":"<p>x</p>","url":"https://e.x/"}`,
		`{"title":"T","blocks":[{"type":"paragraph","text":"x"}]}`, `{"title":"T","published":"2024-01-01T00:00:00Z","blocks":null}`,
		`{`, `[]`, `null`, `{"text":null}`, `{"blocks":[{"type":"x"}]}`, `{"url":"javascript:alert(1)"}`, "{\"text\":\"\xff\"}",
		`{"text":"a","text":"b"}`, `{"voice":"` + strings.Repeat("v", 200) + `","text":"x y."}`,
	} {
		f.Add(seed)
	}
	st := dbtest.Open(f, dbtest.URL(f, store.SQLite))
	blobs, err := blob.NewLocal(f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	h := api.New(st, nopJobs{}, blobs, nil, nil, api.Options{MaxBodyBytes: 64 << 10, RateLimit: 1e6, RateBurst: 1e6}).Handler()
	pub, _ := st.EnsurePublication(context.Background(), "daily")
	_, key, err := st.CreateAPIKey(context.Background(), pub.ID, "fuzz")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest("POST", "/api/v1/articles", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+key)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code == http.StatusAccepted {
			return
		}
		var e struct {
			Error struct{ Code, Message string }
		}
		if rec.Code < 400 || rec.Code >= 500 || json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Error.Code == "" {
			t.Fatalf("body %q: got %d %s, want 202 or a 4xx error", body, rec.Code, rec.Body)
		}
	})
}
