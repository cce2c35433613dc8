package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"aloud/internal/article"
	"aloud/internal/store"
)

// Open a SQLite database (created and migrated on first use), then store
// an article version and its rendition in one transaction.
func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "aloud-example-")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(dir, "aloud.db"), store.Options{Migrate: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	pub, _ := s.EnsurePublication(ctx, "daily")
	err = s.WithTx(ctx, func(tx *store.Tx) error {
		a := store.Article{PublicationID: pub.ID}
		if err := tx.CreateArticle(ctx, &a); err != nil {
			return err
		}
		v, _, err := tx.PutVersion(ctx, a.ID, article.Article{Title: "Hello", Language: "en"})
		if err != nil {
			return err
		}
		r, created, err := tx.EnsureRendition(ctx, store.Rendition{ArticleID: a.ID, VersionID: v.ID, Key: "k", Voice: "flite:rms"})
		fmt.Println(s.Dialect(), r.Status, created)
		return err
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output: sqlite queued true
}
