package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"aloud/internal/api"
	"aloud/internal/blob"
	"aloud/internal/dbtest"
	"aloud/internal/jobs"
	"aloud/internal/render"
	"aloud/internal/store"
)

// fakeRenderer writes one small real file per format (job mechanics only;
// the end-to-end tests use the real pipeline).
type fakeRenderer struct{ calls atomic.Int32 }

func (f *fakeRenderer) Render(_ context.Context, req render.Request) (render.Result, error) {
	f.calls.Add(1)
	res := render.Result{Files: map[string]string{}, Timeline: []byte(`{"sentences":[]}`), Duration: 3 * time.Second, Voice: "fake:voice"}
	for _, format := range req.Formats {
		p := filepath.Join(req.Dir, "a."+format)
		if err := os.WriteFile(p, []byte(strings.Repeat(format+req.Article.Title, 100)), 0o644); err != nil {
			return render.Result{}, err
		}
		res.Files[format] = p
	}
	return res, nil
}

type bundle struct {
	srv    *httptest.Server
	st     *store.Store
	ren    *fakeRenderer
	key    string // daily's key
	other  string // weekly's key
	client *http.Client
}

func setup(t *testing.T, st *store.Store, opts api.Options) *bundle {
	t.Helper()
	ctx := context.Background()
	blobs, err := blob.NewLocal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ren := &fakeRenderer{}
	metrics := api.NewMetrics()
	jc, err := jobs.New(jobs.Deps{Store: st, Blobs: blobs, Renderer: ren, Observer: metrics},
		jobs.Config{Concurrency: 2, FetchPoll: 50 * time.Millisecond, DisablePeriodic: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := jc.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		jc.Stop(ctx)
	})
	srv := httptest.NewServer(api.New(st, jc, blobs, metrics, nil, opts).Handler())
	t.Cleanup(srv.Close)
	b := &bundle{srv: srv, st: st, ren: ren, client: srv.Client()}
	b.key = newKey(t, st, "daily")
	b.other = newKey(t, st, "weekly")
	return b
}

func newKey(t *testing.T, st *store.Store, pub string) string {
	t.Helper()
	p, err := st.EnsurePublication(context.Background(), pub)
	if err != nil {
		t.Fatal(err)
	}
	_, secret, err := st.CreateAPIKey(context.Background(), p.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	return secret
}

type result struct {
	status int
	header http.Header
	body   []byte
}

func (r result) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

func (r result) errorCode(t *testing.T) string {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string }
	}
	r.json(t, &e)
	if e.Error.Message == "" {
		t.Fatalf("error body without message: %s", r.body)
	}
	return e.Error.Code
}

func (b *bundle) do(t *testing.T, method, path, key, body string, hdr ...string) result {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, b.srv.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := b.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return result{resp.StatusCode, resp.Header, data}
}

type articleOut struct {
	ID, Status, Error, Title, Voice, Language string
	Blocks                                    []struct{ Type, Text string }
	Audio                                     *struct {
		MP3, Opus, Timeline string
		DurationSeconds     float64 `json:"duration_seconds"`
	}
}

func (b *bundle) create(t *testing.T, body string, hdr ...string) string {
	t.Helper()
	r := b.do(t, "POST", "/api/v1/articles", b.key, body, hdr...)
	if r.status != http.StatusAccepted {
		t.Fatalf("create: got %d %s, want 202", r.status, r.body)
	}
	var out struct{ ID, Status string }
	r.json(t, &out)
	if out.ID == "" || out.Status == "" {
		t.Fatalf("create response: %s", r.body)
	}
	return out.ID
}

// waitReady polls GET until ready, with a generous hang guard.
func (b *bundle) waitReady(t *testing.T, id string) articleOut {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		r := b.do(t, "GET", "/api/v1/articles/"+id, b.key, "")
		var a articleOut
		r.json(t, &a)
		if a.Status == "ready" && a.Audio != nil {
			return a
		}
		if a.Status == "failed" || time.Now().After(deadline) {
			t.Fatalf("article %s: %s", id, r.body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

const sampleText = "Ministers met in secret\n\nThe first paragraph says what happened.\n\nThe second paragraph explains why it matters.\n"

func TestArticleLifecycle(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{})
		id := b.create(t, `{"text": `+quote(sampleText)+`}`)
		a := b.waitReady(t, id)
		if a.Title != "Ministers met in secret" || len(a.Blocks) != 2 || a.Language != "en" || a.Voice != "fake:voice" {
			t.Fatalf("article: %+v", a)
		}
		if !strings.HasPrefix(a.Audio.MP3, "/audio/") || !strings.HasSuffix(a.Audio.MP3, ".mp3") || a.Audio.DurationSeconds != 3 {
			t.Fatalf("audio: %+v", a.Audio)
		}

		// Audio: public, ranges, HEAD, immutable caching, ETag.
		full := b.do(t, "GET", a.Audio.MP3, "", "")
		if full.status != 200 || full.header.Get("Content-Type") != "audio/mpeg" ||
			!strings.Contains(full.header.Get("Cache-Control"), "immutable") || full.header.Get("ETag") == "" {
			t.Fatalf("audio GET: %d %v", full.status, full.header)
		}
		part := b.do(t, "GET", a.Audio.MP3, "", "", "Range", "bytes=0-9")
		if part.status != http.StatusPartialContent || len(part.body) != 10 || string(part.body) != string(full.body[:10]) {
			t.Fatalf("audio range: %d %q", part.status, part.body)
		}
		if r := b.do(t, "GET", a.Audio.MP3, "", "", "If-None-Match", full.header.Get("ETag")); r.status != http.StatusNotModified {
			t.Fatalf("audio If-None-Match: got %d, want 304", r.status)
		}
		if r := b.do(t, "HEAD", a.Audio.Opus, "", ""); r.status != 200 || len(r.body) != 0 {
			t.Fatalf("audio HEAD: %d", r.status)
		}
		if r := b.do(t, "GET", "/audio/"+strings.Repeat("0", 64)+".mp3", "", ""); r.status != 404 || r.errorCode(t) != "not_found" {
			t.Fatalf("missing audio: %d %s", r.status, r.body)
		}

		// PUT with the same spoken text renders nothing; a change renders.
		if r := b.do(t, "PUT", "/api/v1/articles/"+id, b.key, `{"text": `+quote(sampleText)+`}`); r.status != http.StatusAccepted {
			t.Fatalf("put: %d %s", r.status, r.body)
		}
		if again := b.waitReady(t, id); again.Audio.MP3 != a.Audio.MP3 || b.ren.calls.Load() != 1 {
			t.Fatalf("unchanged PUT: audio %s (was %s), %d renders, want unchanged and 1", again.Audio.MP3, a.Audio.MP3, b.ren.calls.Load())
		}
		b.do(t, "PUT", "/api/v1/articles/"+id, b.key, `{"text": `+quote(strings.Replace(sampleText, "secret", "public", 1))+`}`)
		deadline := time.Now().Add(60 * time.Second)
		for b.waitReady(t, id).Audio.MP3 == a.Audio.MP3 {
			if time.Now().After(deadline) {
				t.Fatal("changed PUT never produced new audio")
			}
			time.Sleep(20 * time.Millisecond)
		}

		if r := b.do(t, "DELETE", "/api/v1/articles/"+id, b.key, ""); r.status != http.StatusNoContent {
			t.Fatalf("delete: %d %s", r.status, r.body)
		}
		if r := b.do(t, "GET", "/api/v1/articles/"+id, b.key, ""); r.status != 404 || r.errorCode(t) != "not_found" {
			t.Fatalf("get after delete: %d %s", r.status, r.body)
		}
	})
}

func TestStructuredArticleAndIdempotency(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{})
		body := `{"title":"Structured","kicker":"","byline":"By A","published":"2024-05-01T10:00:00Z","source":"S","url":"https://example.com/x","language":"en","blocks":[{"type":"paragraph","text":"Hello there."}]}`
		id1 := b.create(t, body, "Idempotency-Key", "abc")
		id2 := b.create(t, body, "Idempotency-Key", "abc")
		if id1 != id2 {
			t.Fatalf("same Idempotency-Key: got %s and %s", id1, id2)
		}
		a := b.waitReady(t, id1)
		if a.Title != "Structured" || len(a.Blocks) != 1 {
			t.Fatalf("structured article: %+v", a)
		}
		if id3 := b.create(t, body, "Idempotency-Key", "other"); id3 == id1 {
			t.Fatal("a different Idempotency-Key reused the article")
		}
	})
}

func TestAuthAndTenancy(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{})
		for name, key := range map[string]string{"missing": "", "wrong": "aloud_not-a-key"} {
			r := b.do(t, "GET", "/api/v1/articles", key, "")
			if r.status != 401 || r.errorCode(t) != "unauthorized" || r.header.Get("WWW-Authenticate") == "" {
				t.Errorf("%s key: got %d %s, want 401 unauthorized", name, r.status, r.body)
			}
		}
		id := b.create(t, `{"text": `+quote(sampleText)+`}`)
		for _, m := range []string{"GET", "DELETE"} {
			if r := b.do(t, m, "/api/v1/articles/"+id, b.other, ""); r.status != 404 {
				t.Errorf("%s another publication's article: got %d, want 404", m, r.status)
			}
		}
		if r := b.do(t, "PUT", "/api/v1/articles/"+id, b.other, `{"text":"x y z."}`); r.status != 404 {
			t.Errorf("PUT another publication's article: got %d, want 404", r.status)
		}
		var list struct {
			Articles []articleOut
		}
		b.do(t, "GET", "/api/v1/articles", b.other, "").json(t, &list)
		if len(list.Articles) != 0 {
			t.Fatalf("another publication lists %d articles", len(list.Articles))
		}

		// Keys: create, use, revoke.
		r := b.do(t, "POST", "/api/v1/keys", b.key, `{"name":"cms"}`)
		var k struct{ ID, Key string }
		r.json(t, &k)
		if r.status != 201 || !strings.HasPrefix(k.Key, "aloud_") {
			t.Fatalf("create key: %d %s", r.status, r.body)
		}
		if r := b.do(t, "GET", "/api/v1/articles/"+id, k.Key, ""); r.status != 200 {
			t.Fatalf("new key: got %d", r.status)
		}
		if r := b.do(t, "DELETE", "/api/v1/keys/"+k.ID, b.other, ""); r.status != 404 {
			t.Fatalf("revoke by another publication: got %d, want 404", r.status)
		}
		if r := b.do(t, "DELETE", "/api/v1/keys/"+k.ID, b.key, ""); r.status != 204 {
			t.Fatalf("revoke: got %d", r.status)
		}
		if r := b.do(t, "GET", "/api/v1/articles/"+id, k.Key, ""); r.status != 401 {
			t.Fatalf("revoked key: got %d, want 401", r.status)
		}
	})
}

func TestBadInputIs4xx(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{MaxBodyBytes: 4096})
		for name, tc := range map[string]struct {
			method, path, body string
			status             int
			code               string
		}{
			"malformed json":   {"POST", "/api/v1/articles", `{"text": `, 400, "invalid_request"},
			"not an object":    {"POST", "/api/v1/articles", `[1,2]`, 400, "invalid_request"},
			"unknown field":    {"POST", "/api/v1/articles", `{"txt": "hi"}`, 400, "invalid_request"},
			"empty body":       {"POST", "/api/v1/articles", ``, 400, "invalid_request"},
			"trailing data":    {"POST", "/api/v1/articles", `{"url":"https://a.example/x"} {}`, 400, "invalid_request"},
			"no input":         {"POST", "/api/v1/articles", `{"voice":"flite:rms"}`, 400, "invalid_request"},
			"two inputs":       {"POST", "/api/v1/articles", `{"text":"a b c.","html":"<p>x</p>"}`, 400, "invalid_request"},
			"bad url":          {"POST", "/api/v1/articles", `{"url":"ftp://example.com/a"}`, 400, "invalid_request"},
			"relative url":     {"POST", "/api/v1/articles", `{"url":"/a/b"}`, 400, "invalid_request"},
			"empty text":       {"POST", "/api/v1/articles", `{"text":"   "}`, 400, "invalid_request"},
			"bad block type":   {"POST", "/api/v1/articles", `{"title":"T","blocks":[{"type":"table","text":"x"}]}`, 400, "invalid_request"},
			"bad published":    {"POST", "/api/v1/articles", `{"title":"T","published":"yesterday","blocks":[]}`, 400, "invalid_request"},
			"wrong type":       {"POST", "/api/v1/articles", `{"text": 5}`, 400, "invalid_request"},
			"too large":        {"POST", "/api/v1/articles", `{"text":"` + strings.Repeat("word ", 2000) + `"}`, 413, "too_large"},
			"bad limit":        {"GET", "/api/v1/articles?limit=0", ``, 400, "invalid_request"},
			"bad cursor":       {"GET", "/api/v1/articles?cursor=%21%21", ``, 400, "invalid_request"},
			"unknown article":  {"GET", "/api/v1/articles/art_nope", ``, 404, "not_found"},
			"unknown endpoint": {"GET", "/api/v1/nothing", ``, 404, "not_found"},
			"bad feed url":     {"POST", "/api/v1/feeds", `{"url":"nope"}`, 400, "invalid_request"},
			"bad interval":     {"POST", "/api/v1/feeds", `{"url":"https://example.com/rss","interval_seconds":5}`, 400, "invalid_request"},
		} {
			t.Run(name, func(t *testing.T) {
				r := b.do(t, tc.method, tc.path, b.key, tc.body)
				if r.status != tc.status || r.errorCode(t) != tc.code {
					t.Fatalf("got %d %s, want %d %s", r.status, r.body, tc.status, tc.code)
				}
			})
		}
	})
}

func TestListPagesNewestFirst(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{})
		want := map[string]bool{}
		for range 3 {
			want[b.create(t, `{"url":"https://example.com/a"}`)] = true
		}
		cursor, seen := "", 0
		for i := 0; i < 5; i++ {
			var page struct {
				Articles   []articleOut
				NextCursor string `json:"next_cursor"`
			}
			r := b.do(t, "GET", "/api/v1/articles?limit=2&cursor="+cursor, b.key, "")
			r.json(t, &page)
			for _, a := range page.Articles {
				if !want[a.ID] {
					t.Fatalf("unexpected or repeated article %s", a.ID)
				}
				delete(want, a.ID)
				seen++
			}
			if page.NextCursor == "" {
				break
			}
			cursor = page.NextCursor
		}
		if seen != 3 {
			t.Fatalf("listed %d articles, want 3", seen)
		}
	})
}

func TestRateLimit(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{RateLimit: 0.5, RateBurst: 2})
		for i := range 2 {
			if r := b.do(t, "GET", "/api/v1/articles", b.key, ""); r.status != 200 {
				t.Fatalf("request %d: got %d", i, r.status)
			}
		}
		r := b.do(t, "GET", "/api/v1/articles", b.key, "")
		if r.status != 429 || r.errorCode(t) != "rate_limited" || r.header.Get("Retry-After") != "2" {
			t.Fatalf("third request: got %d Retry-After %q %s, want 429 with Retry-After 2", r.status, r.header.Get("Retry-After"), r.body)
		}
		if r := b.do(t, "GET", "/api/v1/articles", b.other, ""); r.status != 200 {
			t.Fatalf("another key is limited too: got %d", r.status)
		}
	})
}

func TestFeedsAPI(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{})
		r := b.do(t, "POST", "/api/v1/feeds", b.key, `{"url":"https://example.com/rss","interval_seconds":600}`)
		var f struct {
			ID              string
			IntervalSeconds int `json:"interval_seconds"`
		}
		r.json(t, &f)
		if r.status != 201 || f.IntervalSeconds != 600 {
			t.Fatalf("create feed: %d %s", r.status, r.body)
		}
		if r := b.do(t, "POST", "/api/v1/feeds", b.key, `{"url":"https://example.com/rss"}`); r.status != 409 || r.errorCode(t) != "conflict" {
			t.Fatalf("duplicate feed: %d %s", r.status, r.body)
		}
		if r := b.do(t, "GET", "/api/v1/feeds/"+f.ID, b.other, ""); r.status != 404 {
			t.Fatalf("another publication's feed: got %d", r.status)
		}
		var list struct{ Feeds []struct{ ID string } }
		b.do(t, "GET", "/api/v1/feeds", b.key, "").json(t, &list)
		if len(list.Feeds) != 1 {
			t.Fatalf("feeds: %+v", list)
		}
		if r := b.do(t, "DELETE", "/api/v1/feeds/"+f.ID, b.key, ""); r.status != 204 {
			t.Fatalf("delete feed: %d", r.status)
		}
	})
}

func TestPublicEndpoints(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{Ready: func(context.Context) error { return nil }})
		r := b.do(t, "GET", "/api/v1/openapi.json", "", "")
		var doc struct {
			OpenAPI string
			Paths   map[string]map[string]any
		}
		r.json(t, &doc)
		if r.status != 200 || r.header.Get("ETag") == "" || !strings.HasPrefix(doc.OpenAPI, "3.") {
			t.Fatalf("openapi: %d %v", r.status, r.header)
		}
		if r2 := b.do(t, "GET", "/api/v1/openapi.json", "", "", "If-None-Match", r.header.Get("ETag")); r2.status != 304 {
			t.Fatalf("openapi revalidation: got %d, want 304", r2.status)
		}
		// Every documented operation is routed (not the catch-all 404).
		for path, ops := range doc.Paths {
			for method := range ops {
				if method == "parameters" {
					continue
				}
				p := strings.NewReplacer("{id}", "x", "{key}", strings.Repeat("a", 64)+".mp3").Replace(path)
				res := b.do(t, strings.ToUpper(method), p, b.key, "{}")
				if res.status == 404 && strings.Contains(string(res.body), "no such endpoint") || res.status == 405 {
					t.Errorf("%s %s is documented but not routed (%d)", method, path, res.status)
				}
			}
		}
		if r := b.do(t, "GET", "/healthz", "", ""); r.status != 200 {
			t.Fatalf("healthz: %d", r.status)
		}
		if r := b.do(t, "GET", "/readyz", "", ""); r.status != 200 {
			t.Fatalf("readyz: %d %s", r.status, r.body)
		}
		id := b.create(t, `{"text": `+quote(sampleText)+`}`)
		b.waitReady(t, id)
		m := b.do(t, "GET", "/metrics", "", "")
		for _, want := range []string{
			`aloud_http_request_duration_seconds_bucket{route="POST /api/v1/articles",code="202",le="+Inf"} 1`,
			`aloud_jobs_total{kind="render",state="completed"} 1`,
			`aloud_render_seconds_count 1`,
			`aloud_queue_depth{kind="render"} 0`,
		} {
			if !strings.Contains(string(m.body), want) {
				t.Errorf("metrics lack %q:\n%s", want, m.body)
			}
		}
	})
}

func TestReadyzReportsFailures(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{Ready: func(context.Context) error { return io.ErrUnexpectedEOF }})
		if r := b.do(t, "GET", "/readyz", "", ""); r.status != 503 || !strings.Contains(string(r.body), "unexpected EOF") {
			t.Fatalf("readyz with a failing check: %d %s", r.status, r.body)
		}
	})
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
