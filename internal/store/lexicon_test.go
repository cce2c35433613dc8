package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"aloud/internal/article"
	"aloud/internal/dbtest"
	"aloud/internal/lexicon"
	"aloud/internal/store"
)

func entry(e lexicon.Entry) lexicon.Entry { return e.WithDefaults() }

func TestLexiconCRUDAndHistory(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, _ := s.EnsurePublication(ctx, "daily")
		other, _ := s.EnsurePublication(ctx, "weekly")
		st, err := s.LexiconState(ctx, p.ID)
		if err != nil || st.Revision != 0 || st.Version != "0" {
			t.Fatalf("fresh state: got %+v %v, want revision 0 version 0", st, err)
		}
		kyiv, err := s.CreateLexiconEntry(ctx, p.ID, "key_a", entry(lexicon.Entry{Term: "Kyiv", Phonemes: "ˈkiːv"}))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateLexiconEntry(ctx, p.ID, "key_a", entry(lexicon.Entry{Term: "KYIV", Say: "kiev"})); !errors.Is(err, lexicon.ErrDuplicate) {
			t.Fatalf("duplicate term: got %v, want ErrDuplicate", err)
		}
		a, err := s.CreateLexiconEntry(ctx, p.ID, "key_a", entry(lexicon.Entry{Term: "A", Say: "B"}))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateLexiconEntry(ctx, p.ID, "key_a", entry(lexicon.Entry{Term: "B", Say: "A"})); !errors.Is(err, lexicon.ErrLoop) {
			t.Fatalf("loop: got %v, want ErrLoop", err)
		}
		// The same term in another publication is no duplicate.
		if _, err := s.CreateLexiconEntry(ctx, other.ID, "key_b", entry(lexicon.Entry{Term: "Kyiv", Say: "keev"})); err != nil {
			t.Fatal(err)
		}
		got, err := s.LexiconEntry(ctx, p.ID, kyiv.ID)
		if err != nil || got.Entry != kyiv.Entry || got.PublicationID != p.ID {
			t.Fatalf("LexiconEntry: got %+v %v, want %+v", got, err, kyiv)
		}
		if _, err := s.LexiconEntry(ctx, other.ID, kyiv.ID); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("cross-publication read: got %v, want ErrNotFound", err)
		}
		if _, err := s.UpdateLexiconEntry(ctx, other.ID, "key_b", kyiv.ID, entry(lexicon.Entry{Term: "Kyiv", Say: "x"})); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("cross-publication update: got %v, want ErrNotFound", err)
		}
		if _, err := s.DeleteLexiconEntry(ctx, other.ID, "key_b", kyiv.ID); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("cross-publication delete: got %v, want ErrNotFound", err)
		}
		v1, _ := s.LexiconState(ctx, p.ID)
		upd, err := s.UpdateLexiconEntry(ctx, p.ID, "key_c", kyiv.ID, entry(lexicon.Entry{Term: "Kyiv", Say: "keev"}))
		if err != nil || upd.Say != "keev" || upd.Phonemes != "" {
			t.Fatalf("update: got %+v %v", upd, err)
		}
		v2, _ := s.LexiconState(ctx, p.ID)
		if v2.Revision != v1.Revision+1 || v2.Version == v1.Version {
			t.Fatalf("state after update: %+v, before %+v; want revision+1 and a new version", v2, v1)
		}
		all, _ := s.AllLexiconEntries(ctx, p.ID)
		want := []lexicon.Entry{entry(lexicon.Entry{Term: "A", Say: "B"}), entry(lexicon.Entry{Term: "Kyiv", Say: "keev"})}
		if v2.Version != lexicon.Version(want) || len(all) != 2 || all[0].Entry != want[0] || all[1].Entry != want[1] {
			t.Fatalf("entries %+v version %s, want %+v version %s", all, v2.Version, want, lexicon.Version(want))
		}
		if _, err := s.DeleteLexiconEntry(ctx, p.ID, "key_c", a.ID); err != nil {
			t.Fatal(err)
		}
		changes, next, err := s.LexiconChanges(ctx, p.ID, 2, "")
		if err != nil || next == "" || len(changes) != 2 {
			t.Fatalf("first page: got %d changes, next %q, %v", len(changes), next, err)
		}
		rest, next2, err := s.LexiconChanges(ctx, p.ID, 10, next)
		if err != nil || next2 != "" {
			t.Fatalf("second page: %v, next %q", err, next2)
		}
		changes = append(changes, rest...)
		// Newest first: delete A, update Kyiv, create A, create Kyiv.
		var got4 []string
		for _, c := range changes {
			got4 = append(got4, c.Action+" "+c.Term+" "+c.APIKeyID)
		}
		if want := []string{"delete A key_c", "update Kyiv key_c", "create A key_a", "create Kyiv key_a"}; !slices.Equal(got4, want) {
			t.Fatalf("history %q, want %q", got4, want)
		}
		if u := changes[1]; u.Before == nil || u.Before.Phonemes != "ˈkiːv" || u.After == nil || u.After.Say != "keev" || u.At.IsZero() {
			t.Fatalf("update row before/after: %+v", u)
		}
		if d := changes[0]; d.Before == nil || d.After != nil || d.EntryID != a.ID {
			t.Fatalf("delete row: %+v", d)
		}
		if oc, _, _ := s.LexiconChanges(ctx, other.ID, 10, ""); len(oc) != 1 {
			t.Fatalf("other publication's history: %d rows, want its own 1", len(oc))
		}
	})
}

func TestLexiconSearch(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, _ := s.EnsurePublication(ctx, "daily")
		for _, term := range []string{"Moscow", "Mosul", "Kyiv", "50%_off", "Moskva"} {
			if _, err := s.CreateLexiconEntry(ctx, p.ID, "", entry(lexicon.Entry{Term: term, Say: "x"})); err != nil {
				t.Fatal(err)
			}
		}
		page, next, err := s.SearchLexicon(ctx, p.ID, "MOS", 2, "")
		if err != nil || len(page) != 2 || next == "" || page[0].Term != "Moscow" || page[1].Term != "Moskva" {
			t.Fatalf("first page: %+v next %q %v", page, next, err)
		}
		page, next, err = s.SearchLexicon(ctx, p.ID, "MOS", 2, next)
		if err != nil || len(page) != 1 || next != "" || page[0].Term != "Mosul" {
			t.Fatalf("second page: %+v next %q %v", page, next, err)
		}
		// LIKE wildcards in the search are literal.
		if page, _, _ := s.SearchLexicon(ctx, p.ID, "%_", 10, ""); len(page) != 1 || page[0].Term != "50%_off" {
			t.Fatalf("search %%_: %+v, want only 50%%_off", page)
		}
		if _, _, err := s.SearchLexicon(ctx, p.ID, "", 10, "!!"); !errors.Is(err, store.ErrBadCursor) {
			t.Fatalf("bad cursor: got %v, want ErrBadCursor", err)
		}
	})
}

func TestLexiconImport(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, _ := s.EnsurePublication(ctx, "daily")
		keep, _ := s.CreateLexiconEntry(ctx, p.ID, "k", entry(lexicon.Entry{Term: "Kyiv", Say: "keev"}))
		if _, err := s.CreateLexiconEntry(ctx, p.ID, "k", entry(lexicon.Entry{Term: "Gaza", Say: "gah za"})); err != nil {
			t.Fatal(err)
		}
		in := []lexicon.Entry{entry(lexicon.Entry{Term: "Kyiv", Phonemes: "ˈkiːv"}), entry(lexicon.Entry{Term: "NATO", AsWord: true})}
		if err := s.ImportLexicon(ctx, p.ID, "k2", in, true); err != nil {
			t.Fatal(err)
		}
		terms := func() []string {
			all, _ := s.AllLexiconEntries(ctx, p.ID)
			var out []string
			for _, e := range all {
				out = append(out, e.Term+"="+string(e.Kind()))
			}
			return out
		}
		if got, want := terms(), []string{"Gaza=say", "Kyiv=phonemes", "NATO=as_word"}; !slices.Equal(got, want) {
			t.Fatalf("after merge: %q, want %q", got, want)
		}
		if e, _ := s.LexiconEntry(ctx, p.ID, keep.ID); e.Phonemes != "ˈkiːv" {
			t.Fatalf("merge kept the entry's ID but got %+v", e)
		}
		if err := s.ImportLexicon(ctx, p.ID, "k2", in[1:], false); err != nil {
			t.Fatal(err)
		}
		if got, want := terms(), []string{"NATO=as_word"}; !slices.Equal(got, want) {
			t.Fatalf("after replace: %q, want %q", got, want)
		}
		// A refused import changes nothing.
		bad := []lexicon.Entry{entry(lexicon.Entry{Term: "A", Say: "B"}), entry(lexicon.Entry{Term: "B", Say: "A"})}
		if err := s.ImportLexicon(ctx, p.ID, "k2", bad, true); !errors.Is(err, lexicon.ErrLoop) {
			t.Fatalf("looping import: got %v, want ErrLoop", err)
		}
		if got := terms(); !slices.Equal(got, []string{"NATO=as_word"}) {
			t.Fatalf("after refused import: %q", got)
		}
		changes, _, _ := s.LexiconChanges(ctx, p.ID, 100, "")
		// 2 creates, merge: 1 update + 1 create, replace: 2 deletes.
		if len(changes) != 6 {
			t.Fatalf("got %d history rows, want 6", len(changes))
		}
		if _, err := s.CreateLexiconEntry(ctx, "pub_missing", "k", entry(lexicon.Entry{Term: "x", Say: "y"})); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("unknown publication: got %v, want ErrNotFound", err)
		}
	})
}

func TestArticleWordsIndex(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, _ := s.EnsurePublication(ctx, "daily")
		other, _ := s.EnsurePublication(ctx, "weekly")
		mk := func(pub string, sentences ...string) string {
			a := store.Article{PublicationID: pub}
			if err := s.CreateArticle(ctx, &a); err != nil {
				t.Fatal(err)
			}
			if err := s.SetArticleWords(ctx, pub, a.ID, lexicon.WordKeys(sentences)); err != nil {
				t.Fatal(err)
			}
			return a.ID
		}
		a1 := mk(p.ID, "Xi Jinping visited Moscow.", "Talks ended.")
		a2 := mk(p.ID, "Moscow said no.")
		a3 := mk(p.ID, "Nothing here about Xi.")
		mk(other.ID, "Moscow, again.")
		lookup := func(term string) []string {
			ids, err := s.ArticlesWithWords(ctx, p.ID, lexicon.TermWords(term))
			if err != nil {
				t.Fatal(err)
			}
			return ids
		}
		if got, want := lookup("MOSCOW"), sorted(a1, a2); !slices.Equal(got, want) {
			t.Fatalf("moscow: %q, want %q", got, want)
		}
		if got, want := lookup("Xi Jinping"), []string{a1}; !slices.Equal(got, want) {
			t.Fatalf("xi jinping: %q, want %q", got, want)
		}
		// Re-rendering replaces the article's words.
		if err := s.SetArticleWords(ctx, p.ID, a2, lexicon.WordKeys([]string{"Edited: nothing on Xi."})); err != nil {
			t.Fatal(err)
		}
		if got, want := lookup("moscow"), []string{a1}; !slices.Equal(got, want) {
			t.Fatalf("moscow after edit: %q, want %q", got, want)
		}
		if got, want := lookup("xi"), sorted(a1, a2, a3); !slices.Equal(got, want) {
			t.Fatalf("xi: %q, want %q", got, want)
		}
		// Many words go in several statements.
		var many []string
		for i := range 1000 {
			many = append(many, "w"+string(rune('a'+i%26))+string(rune('a'+i/26%26))+string(rune('a'+i/676)))
		}
		slices.Sort(many)
		if err := s.SetArticleWords(ctx, p.ID, a3, many); err != nil {
			t.Fatal(err)
		}
		if got := lookup(many[999]); !slices.Equal(got, []string{a3}) {
			t.Fatalf("word 1000: %q, want %q", got, a3)
		}
		if err := s.DeleteArticle(ctx, p.ID, a3); err != nil {
			t.Fatal(err)
		}
		if got := lookup(many[0]); len(got) != 0 {
			t.Fatalf("deleted article still indexed: %q", got)
		}
	})
}

func sorted(ids ...string) []string {
	slices.Sort(ids)
	return ids
}

// Two writers adding the two halves of a loop at once: the state row lock
// serializes them, so exactly one is refused.
func TestLexiconConcurrentLoop(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, _ := s.EnsurePublication(ctx, "daily")
		for round := range 5 {
			a, b := "a"+string(rune('a'+round)), "b"+string(rune('a'+round))
			errs := make(chan error, 2)
			for _, e := range []lexicon.Entry{{Term: a, Say: b}, {Term: b, Say: a}} {
				go func() {
					_, err := s.CreateLexiconEntry(ctx, p.ID, "", entry(e))
					errs <- err
				}()
			}
			e1, e2 := <-errs, <-errs
			if (e1 == nil) == (e2 == nil) || !errors.Is(errors.Join(e1, e2), lexicon.ErrLoop) {
				t.Fatalf("round %d: got %v and %v, want one ErrLoop", round, e1, e2)
			}
		}
	})
}
