package jobs

import (
	"context"
	"fmt"

	"aloud/internal/article"
	"aloud/internal/lexicon"
	"aloud/internal/store"
)

// lexiconReader reads a publication's entries: the store or a transaction.
type lexiconReader interface {
	AllLexiconEntries(ctx context.Context, publicationID string) ([]store.LexiconEntry, error)
}

// lexiconOf is the lexicon a publication's articles are spoken with, its
// own entries overriding the shipped defaults (lexicon.Merge), and the
// version of that whole set, which goes into the rendition key: editing
// either the publication's entries or the defaults (a new aloud release)
// gives new renditions.
func lexiconOf(ctx context.Context, q lexiconReader, defaults []lexicon.Entry, publicationID string) ([]lexicon.Entry, string, error) {
	own, err := q.AllLexiconEntries(ctx, publicationID)
	if err != nil {
		return nil, "", fmt.Errorf("lexicon of publication %s: %w", publicationID, err)
	}
	entries := make([]lexicon.Entry, len(own))
	for i, e := range own {
		entries[i] = e.Entry
	}
	merged := lexicon.Merge(entries, defaults)
	return merged, lexicon.Version(merged), nil
}

// articleWords are the index keys of an article's text (lexicon.WordKeys),
// stored at render time so that a lexicon change finds the articles that
// contain its term without reading their text.
func articleWords(a article.Article) []string {
	texts := make([]string, 0, len(a.Blocks)+2)
	texts = append(texts, a.Title, a.Kicker)
	for _, b := range a.Blocks {
		texts = append(texts, b.Text)
	}
	return lexicon.WordKeys(texts)
}
