package jobs_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"aloud/internal/dbtest"
	"aloud/internal/jobs"
	"aloud/internal/lexicon"
	"aloud/internal/render"
	"aloud/internal/store"
)

// TestLexiconVersionInRenditionKey: a render is given the publication's
// lexicon merged with the defaults; the rendition carries that lexicon's
// version, so resubmitting the same text after an entry is added queues a
// new rendition (under the new version), while resubmitting it unchanged
// does not; the render indexes the article's words for the lookup of a
// term's articles.
func TestLexiconVersionInRenditionKey(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		var mu sync.Mutex
		var got [][]lexicon.Entry
		ren := &FakeRenderer{RenderFunc: func(_ context.Context, req render.Request) (render.Result, error) {
			mu.Lock()
			got = append(got, req.Lexicon)
			mu.Unlock()
			return writeFiles(req)
		}}
		b := setup(t, st, jobs.Deps{Renderer: ren})
		text := content("Talks", "Officials met in Moscow.")
		id := b.submit(t, text)
		a := b.waitStatus(t, id, store.StatusReady)
		r1, err := st.Rendition(ctx, a.LiveRenditionID)
		if err != nil {
			t.Fatal(err)
		}
		defaults, err := lexicon.Default()
		if err != nil {
			t.Fatal(err)
		}
		if want := lexicon.Version(defaults); r1.LexiconVersion != want {
			t.Errorf("first rendition's lexicon version %q, want the defaults' %q", r1.LexiconVersion, want)
		}
		ids, err := st.ArticlesWithWords(ctx, b.pub.ID, lexicon.TermWords("Moscow"))
		if err != nil || !slices.Contains(ids, id) {
			t.Fatalf("article not indexed under Moscow: %v, %v", ids, err)
		}
		b.update(t, id, text) // unchanged: no render
		moscow := lexicon.Entry{Term: "Moscow", Say: "moss cow"}.WithDefaults()
		if _, err := st.CreateLexiconEntry(ctx, b.pub.ID, "", moscow); err != nil {
			t.Fatal(err)
		}
		b.update(t, id, text)
		// A generous hang guard, not a timing assertion.
		for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
			if a, err = st.Article(ctx, b.pub.ID, id); err != nil {
				t.Fatal(err)
			}
			if a.LiveRenditionID != r1.ID && a.Status == store.StatusReady {
				break
			}
			if time.Since(start) > 60*time.Second {
				t.Fatalf("no new rendition after the lexicon change: %+v", a)
			}
		}
		r2, err := st.Rendition(ctx, a.LiveRenditionID)
		if err != nil {
			t.Fatal(err)
		}
		if r2.LexiconVersion == r1.LexiconVersion || r2.Key == r1.Key {
			t.Errorf("after the entry: version %q key %q, before %q %q", r2.LexiconVersion, r2.Key, r1.LexiconVersion, r1.Key)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(got) != 2 {
			t.Fatalf("%d renders, want 2 (the unchanged resubmission renders nothing)", len(got))
		}
		if len(got[0]) != len(defaults) || len(got[1]) != len(defaults)+1 || got[1][0].Term != "Moscow" {
			t.Errorf("lexicons given: %d then %d entries (first %q); want the %d defaults, then Moscow first", len(got[0]), len(got[1]), got[1][0].Term, len(defaults))
		}
	})
}
