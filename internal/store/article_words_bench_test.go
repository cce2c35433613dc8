package store_test

import (
	"context"
	"fmt"
	"testing"

	"aloud/internal/dbtest"
	"aloud/internal/lexicon"
	"aloud/internal/store"
)

// BenchmarkArticlesWithWords looks up the articles containing a term in
// an index of 2,000 articles of 300 distinct words each (600,000 rows),
// 50 of which contain it: the lookup a lexicon change makes instead of
// reading every article's text.
func BenchmarkArticlesWithWords(b *testing.B) {
	for _, d := range dbtest.Dialects {
		b.Run(d.String(), func(b *testing.B) {
			s := dbtest.Open(b, dbtest.URL(b, d))
			ctx := context.Background()
			p, _ := s.EnsurePublication(ctx, "daily")
			for i := range 2000 {
				a := store.Article{PublicationID: p.ID}
				if err := s.CreateArticle(ctx, &a); err != nil {
					b.Fatal(err)
				}
				words := make([]string, 0, 301)
				for k := range 300 {
					words = append(words, fmt.Sprintf("w%d", (i*37+k*101)%20000))
				}
				if i%40 == 0 {
					words = append(words, "moscow")
				}
				if err := s.SetArticleWords(ctx, p.ID, a.ID, words); err != nil {
					b.Fatal(err)
				}
			}
			terms := lexicon.TermWords("Moscow")
			b.ResetTimer()
			for b.Loop() {
				ids, err := s.ArticlesWithWords(ctx, p.ID, terms)
				if err != nil || len(ids) != 50 {
					b.Fatalf("got %d articles, %v; want 50", len(ids), err)
				}
			}
		})
	}
}

// BenchmarkSetArticleWords is the render-time cost of indexing one
// article of 400 distinct words, in a transaction of its own as the
// render job's commit would run it: "new" replaces all 400 words (an
// edited article), "same" re-indexes unchanged text (a lexicon change).
func BenchmarkSetArticleWords(b *testing.B) {
	for _, d := range dbtest.Dialects {
		b.Run(d.String(), func(b *testing.B) {
			s := dbtest.Open(b, dbtest.URL(b, d))
			ctx := context.Background()
			p, _ := s.EnsurePublication(ctx, "daily")
			a := store.Article{PublicationID: p.ID}
			if err := s.CreateArticle(ctx, &a); err != nil {
				b.Fatal(err)
			}
			texts := [2][]string{make([]string, 400), make([]string, 400)}
			for k := range 400 {
				texts[0][k], texts[1][k] = fmt.Sprintf("word%d", k), fmt.Sprintf("other%d", k)
			}
			for _, mode := range []string{"new", "same"} {
				b.Run(mode, func(b *testing.B) {
					n := 0
					for b.Loop() {
						if mode == "new" {
							n++
						}
						err := s.WithTx(ctx, func(tx *store.Tx) error { return tx.SetArticleWords(ctx, p.ID, a.ID, texts[n%2]) })
						if err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
