package jobs_test

import (
	"aloud/internal/ingest"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aloud/internal/article"
	"aloud/internal/blob"
	"aloud/internal/dbtest"
	"aloud/internal/feed"
	"aloud/internal/fetch"
	"aloud/internal/jobs"
	"aloud/internal/render"
	"aloud/internal/store"
	"aloud/internal/tts"
)

// FakeRenderer writes a small real file per format, or runs RenderFunc.
type FakeRenderer struct {
	RenderFunc func(ctx context.Context, req render.Request) (render.Result, error)
	calls      atomic.Int32
}

var _ jobs.Renderer = (*FakeRenderer)(nil)

func (f *FakeRenderer) Render(ctx context.Context, req render.Request) (render.Result, error) {
	f.calls.Add(1)
	if f.RenderFunc != nil {
		return f.RenderFunc(ctx, req)
	}
	return writeFiles(req)
}

func writeFiles(req render.Request) (render.Result, error) {
	res := render.Result{Files: map[string]string{}, Timeline: []byte(`{"sentences":[]}`), Duration: 2 * time.Second, Voice: req.Voice}
	for _, f := range req.Formats {
		p := filepath.Join(req.Dir, "out."+f)
		if err := os.WriteFile(p, []byte(f+":"+req.Article.Title), 0o644); err != nil {
			return render.Result{}, err
		}
		res.Files[f] = p
	}
	return res, nil
}

// FakeFetcher serves canned responses by URL.
type FakeFetcher struct {
	GetFunc func(ctx context.Context, url string, cond *fetch.Conditional) (*fetch.Response, error)
}

func (f *FakeFetcher) Get(ctx context.Context, url string, cond *fetch.Conditional) (*fetch.Response, error) {
	return f.GetFunc(ctx, url, cond)
}

// fetchAdapter gives the loader the fake fetcher, as fetch.Fetcher.Fetch
// does for the real one.
type fetchAdapter struct{ f jobs.Fetcher }

func (a fetchAdapter) Fetch(ctx context.Context, url string) ([]byte, string, string, error) {
	resp, err := a.f.Get(ctx, url, nil)
	if err != nil {
		return nil, "", "", err
	}
	return resp.Body, "text/html", resp.URL, nil
}

type bundle struct {
	st     *store.Store
	blobs  *blob.Local
	client *jobs.Client
	pub    store.Publication
	ren    *FakeRenderer
}

func setup(t *testing.T, st *store.Store, deps jobs.Deps) *bundle {
	t.Helper()
	blobs, err := blob.NewLocal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ren, _ := deps.Renderer.(*FakeRenderer)
	if ren == nil {
		ren = &FakeRenderer{}
		deps.Renderer = ren
	}
	deps.Store, deps.Blobs = st, blobs
	if deps.Load == nil {
		l := &ingest.Loader{HTML: fakeExtract}
		if deps.Fetcher != nil {
			l.Fetcher = fetchAdapter{deps.Fetcher}
		}
		deps.Load = func(ctx context.Context, in jobs.Input, lang, def string) (article.Article, error) {
			l := *l
			l.Language, l.DefaultLanguage = lang, def
			if in.HTML != "" {
				return l.Parse([]byte(in.HTML), in.URL, "text/html")
			}
			return l.Load(ctx, in.URL, nil)
		}
	}
	c, err := jobs.New(deps, jobs.Config{Concurrency: 2, FetchPoll: 50 * time.Millisecond, DisablePeriodic: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		c.Stop(ctx)
	})
	pub, err := st.EnsurePublication(context.Background(), "daily")
	if err != nil {
		t.Fatal(err)
	}
	return &bundle{st: st, blobs: blobs, client: c, pub: pub, ren: ren}
}

// fakeExtract treats the HTML body as "title|paragraph".
func fakeExtract(body []byte, pageURL, _ string) (article.Article, error) {
	title, text, ok := strings.Cut(string(body), "|")
	if !ok {
		return article.Article{}, article.ErrNoText
	}
	return article.Article{Title: title, URL: pageURL, Language: "en", Blocks: []article.Block{{Type: article.Paragraph, Text: text}}}, nil
}

func content(title, text string) article.Article {
	return article.Article{Title: title, Language: "en", Blocks: []article.Block{{Type: article.Paragraph, Text: text}}}
}

// submit creates an article from content in one transaction, as the API does.
func (b *bundle) submit(t *testing.T, a article.Article) string {
	t.Helper()
	ctx := context.Background()
	var id string
	err := b.st.WithTx(ctx, func(tx *store.Tx) error {
		art := store.Article{PublicationID: b.pub.ID, Language: a.Language}
		if err := tx.CreateArticle(ctx, &art); err != nil {
			return err
		}
		id = art.ID
		return b.client.SubmitContent(ctx, tx, art, a)
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (b *bundle) update(t *testing.T, id string, a article.Article) {
	t.Helper()
	ctx := context.Background()
	err := b.st.WithTx(ctx, func(tx *store.Tx) error {
		art, err := tx.Article(ctx, b.pub.ID, id)
		if err != nil {
			return err
		}
		return b.client.SubmitContent(ctx, tx, art, a)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// waitStatus waits (with a generous hang guard, not a timing assertion)
// until the article reaches want.
func (b *bundle) waitStatus(t *testing.T, id string, want store.Status) store.Article {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		a, err := b.st.Article(context.Background(), b.pub.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.Status == want {
			return a
		}
		if time.Now().After(deadline) {
			t.Fatalf("article %s: status %s (%s), want %s", id, a.Status, a.Error, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func jobCount(t *testing.T, st *store.Store, kind, state string) int {
	t.Helper()
	var n int
	q := `SELECT COUNT(*) FROM river_job WHERE kind = '` + kind + `' AND state = '` + state + `'`
	if err := st.DB().QueryRowContext(context.Background(), q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestTextRendersAndPublishes(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, jobs.Deps{})
		id := b.submit(t, content("Hello", "World."))
		a := b.waitStatus(t, id, store.StatusReady)
		r, err := st.Rendition(context.Background(), a.LiveRenditionID)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Files) != 2 || r.TimelineKey == "" || r.Duration != 2*time.Second {
			t.Fatalf("rendition: got %+v", r)
		}
		f, err := b.blobs.Open(context.Background(), r.Files["mp3"])
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(f)
		f.Close()
		if string(body) != "mp3:Hello" {
			t.Fatalf("stored mp3: got %q", body)
		}
		for _, k := range []string{"render", "publish"} {
			if n := jobCount(t, st, k, "completed"); n != 1 {
				t.Errorf("%s jobs completed: got %d, want 1", k, n)
			}
		}
		entries, _ := os.ReadDir(filepath.Join(b.blobs.Dir(), "tmp"))
		if len(entries) != 0 {
			t.Errorf("scratch dirs left behind: %d", len(entries))
		}
	})
}

func TestUnchangedUpdateRendersNothing(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, jobs.Deps{})
		c := content("Hello", "World.")
		id := b.submit(t, c)
		first := b.waitStatus(t, id, store.StatusReady)

		c.URL = "https://example.com/new-place" // not spoken
		b.update(t, id, c)
		a := b.waitStatus(t, id, store.StatusReady)
		if a.LiveRenditionID != first.LiveRenditionID || b.ren.calls.Load() != 1 {
			t.Fatalf("metadata-only update: rendition %s (was %s), %d renders, want same rendition and 1 render",
				a.LiveRenditionID, first.LiveRenditionID, b.ren.calls.Load())
		}
		if n := jobCount(t, st, "render", "completed"); n != 1 {
			t.Fatalf("render jobs after unchanged update: got %d, want 1", n)
		}

		b.update(t, id, content("Hello", "A changed world."))
		deadline := time.Now().Add(60 * time.Second)
		for {
			a = b.waitStatus(t, id, store.StatusReady)
			if a.LiveRenditionID != first.LiveRenditionID || time.Now().After(deadline) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if a.LiveRenditionID == first.LiveRenditionID || b.ren.calls.Load() != 2 {
			t.Fatalf("changed update: rendition %s, %d renders, want a new rendition and 2 renders", a.LiveRenditionID, b.ren.calls.Load())
		}
	})
}

func TestInputThatCannotSucceedIsCancelled(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		ren := &FakeRenderer{RenderFunc: func(context.Context, render.Request) (render.Result, error) {
			return render.Result{}, fmt.Errorf("split: %w", article.ErrNoText)
		}}
		b := setup(t, st, jobs.Deps{Renderer: ren})
		id := b.submit(t, content("", "   "))
		a := b.waitStatus(t, id, store.StatusFailed)
		if !strings.Contains(a.Error, "no article text") {
			t.Fatalf("article error: got %q", a.Error)
		}
		waitFor(t, func() bool { return jobCount(t, st, "render", "cancelled") == 1 })
		if ren.calls.Load() != 1 {
			t.Fatalf("renders: got %d, want 1 (no retry)", ren.calls.Load())
		}
	})
}

func TestIngestHTMLAndURL(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		fetcher := &FakeFetcher{GetFunc: func(_ context.Context, url string, _ *fetch.Conditional) (*fetch.Response, error) {
			if url == "https://example.com/gone" {
				return nil, &fetch.StatusError{Code: http.StatusNotFound}
			}
			return &fetch.Response{Body: []byte("Fetched|Body text."), URL: url, Status: 200}, nil
		}}
		b := setup(t, st, jobs.Deps{Fetcher: fetcher})
		ctx := context.Background()
		ingest := func(in jobs.Input) string {
			var id string
			err := st.WithTx(ctx, func(tx *store.Tx) error {
				raw, _ := jsonMarshal(in)
				a := store.Article{PublicationID: b.pub.ID, Input: raw}
				if err := tx.CreateArticle(ctx, &a); err != nil {
					return err
				}
				id = a.ID
				return b.client.EnqueueIngest(ctx, tx, a.ID)
			})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		htmlID := ingest(jobs.Input{HTML: "Given|Inline html.", URL: "https://example.com/given"})
		urlID := ingest(jobs.Input{URL: "https://example.com/story"})
		goneID := ingest(jobs.Input{URL: "https://example.com/gone"})
		for id, title := range map[string]string{htmlID: "Given", urlID: "Fetched"} {
			a := b.waitStatus(t, id, store.StatusReady)
			v, err := st.Version(ctx, a.CurrentVersionID)
			if err != nil || v.Content.Title != title || len(a.Input) != 0 {
				t.Fatalf("article %s: version %+v %v, input %q", id, v.Content, err, a.Input)
			}
		}
		gone := b.waitStatus(t, goneID, store.StatusFailed)
		if !strings.Contains(gone.Error, "404") {
			t.Fatalf("404 article error: got %q", gone.Error)
		}
	})
}

func TestPollFeedIngestsNewItemsOnce(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://example.com/1</link><guid>g1</guid></item>
<item><title>Two</title><link>https://example.com/2</link><guid>g2</guid></item>
</channel></rss>`
		var mu sync.Mutex
		var conds []string
		fetcher := &FakeFetcher{GetFunc: func(_ context.Context, url string, cond *fetch.Conditional) (*fetch.Response, error) {
			if url == "https://example.com/feed" {
				mu.Lock()
				conds = append(conds, cond.ETag)
				mu.Unlock()
				if cond.ETag == `"v1"` {
					return &fetch.Response{NotModified: true, Status: 304, URL: url, ETag: `"v1"`}, nil
				}
				return &fetch.Response{Body: []byte(rss), URL: url, ETag: `"v1"`, Status: 200}, nil
			}
			return &fetch.Response{Body: []byte("Item|Item text for " + url), URL: url, Status: 200}, nil
		}}
		b := setup(t, st, jobs.Deps{Fetcher: fetcher, ParseFeed: func(r io.Reader) (*feed.Feed, error) {
			return feed.Parse(r, feed.Options{})
		}})
		ctx := context.Background()
		f := store.Feed{PublicationID: b.pub.ID, URL: "https://example.com/feed", Interval: time.Hour}
		poll := func() {
			err := st.WithTx(ctx, func(tx *store.Tx) error { return b.client.EnqueuePoll(ctx, tx, f.ID) })
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := st.CreateFeed(ctx, &f); err != nil {
			t.Fatal(err)
		}
		poll()
		waitFor(t, func() bool { return jobCount(t, st, "poll_feed", "completed") == 1 })
		poll()
		waitFor(t, func() bool { return jobCount(t, st, "poll_feed", "completed") == 2 })
		list, _, err := st.ListArticles(ctx, b.pub.ID, 10, "")
		if err != nil || len(list) != 2 {
			t.Fatalf("articles from feed: got %d %v, want 2", len(list), err)
		}
		for _, a := range list {
			b.waitStatus(t, a.ID, store.StatusReady)
		}
		got, _ := st.FeedByID(ctx, f.ID)
		if got.ETag != `"v1"` || got.Failures != 0 || !got.NextPollAt.After(time.Now().Add(50*time.Minute)) {
			t.Fatalf("feed after polls: got %+v", got)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(conds) != 2 || conds[1] != `"v1"` {
			t.Fatalf("conditional GETs: got %q, want second with the stored ETag", conds)
		}
	})
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached within the hang guard")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestBackoff(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		failures int
		want     time.Duration
	}{{0, time.Hour}, {1, 2 * time.Hour}, {3, 8 * time.Hour}, {10, 24 * time.Hour}} {
		if got := jobs.Backoff(time.Hour, tc.failures); got != tc.want {
			t.Errorf("Backoff(1h, %d): got %s, want %s", tc.failures, got, tc.want)
		}
	}
}

func TestIsPermanent(t *testing.T) {
	t.Parallel()
	for err, want := range map[error]bool{
		article.ErrNoText:                           true,
		&fetch.StatusError{Code: 404}:               true,
		&fetch.StatusError{Code: 429}:               false,
		&fetch.StatusError{Code: 503}:               false,
		fmt.Errorf("x: %w", fetch.ErrBlocked):       true,
		fetch.ErrTimeout:                            false,
		errors.New("disk full"):                     false,
		fmt.Errorf("x: %w", render.ErrNothingToSay): true,
		fmt.Errorf("x: %w", tts.ErrUnknownVoice):    true,
		sql.ErrConnDone:                             false,
	} {
		if got := jobs.IsPermanent(err); got != want {
			t.Errorf("IsPermanent(%v): got %v, want %v", err, got, want)
		}
	}
}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }
