package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"aloud/internal/article"
	"aloud/internal/dbtest"
	"aloud/internal/store"
	"aloud/internal/web"
)

// readyArticle stores an article with content and finished audio, as the
// jobs leave it.
func readyArticle(tb testing.TB, st *store.Store, pubName string) string {
	tb.Helper()
	ctx := context.Background()
	p, err := st.EnsurePublication(ctx, pubName)
	if err != nil {
		tb.Fatal(err)
	}
	a := store.Article{PublicationID: p.ID, Status: store.StatusReady}
	if err := st.CreateArticle(ctx, &a); err != nil {
		tb.Fatal(err)
	}
	content := article.Article{Title: "Talks “in secret”", Kicker: "Diplomacy", Source: "site-1", Language: "en"}
	for i := 0; i < 12; i++ {
		content.Blocks = append(content.Blocks, article.Block{Type: article.Paragraph,
			Text: strings.Repeat("A sentence of a paragraph with “quotes” in it. ", 6)})
	}
	v, _, err := st.PutVersion(ctx, a.ID, content)
	if err != nil {
		tb.Fatal(err)
	}
	if err := st.SetCurrentVersion(ctx, a.ID, v.ID, "en"); err != nil {
		tb.Fatal(err)
	}
	r, _, err := st.EnsureRendition(ctx, store.Rendition{ArticleID: a.ID, VersionID: v.ID, Key: "k", Voice: "espeak:en-us", LexiconVersion: "1"})
	if err != nil {
		tb.Fatal(err)
	}
	if err := st.FinishRendition(ctx, r.ID, store.Finished{Files: map[string]string{"mp3": "a.mp3"}, TimelineKey: "a.json", Duration: time.Minute}); err != nil {
		tb.Fatal(err)
	}
	if err := st.SetLiveRendition(ctx, a.ID, r.ID); err != nil {
		tb.Fatal(err)
	}
	return a.ID
}

// TestPagesOnRealStore runs the pages' queries on both databases.
func TestPagesOnRealStore(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		id := readyArticle(t, st, "Daily Planet")
		h, err := web.New(st.Reads(), web.Options{PublicURL: "http://x"})
		if err != nil {
			t.Fatal(err)
		}
		for path, want := range map[string]string{"/a/" + id: "Talks “in secret”", "/": "/a/" + id,
			"/about-audio/daily-planet": "Daily Planet", "/embed/" + id + ".json": `"mp3":"http://x/audio/a.mp3"`} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			if rec.Code != 200 || !strings.Contains(rec.Body.String(), want) {
				t.Errorf("%s: %d, want %q in\n%s", path, rec.Code, want, rec.Body.String())
			}
		}
	})
}

// BenchmarkArticlePage is the server's cost of /a/{id} on SQLite (the
// page cache warm after the first request).
func BenchmarkArticlePage(b *testing.B) {
	st := dbtest.Open(b, dbtest.URL(b, store.SQLite))
	id := readyArticle(b, st, "Daily Planet")
	h, err := web.New(st.Reads(), web.Options{PublicURL: "http://x"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/a/"+id, nil))
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d", rec.Code)
			}
		}
	})
}
