package store

import (
	"context"
	"fmt"
	"strings"
)

// wordsPerInsert bounds one multi-row INSERT (3 parameters a row, far
// under SQLite's and PostgreSQL's parameter limits).
const wordsPerInsert = 300

// SetArticleWords replaces the article's entries in the article-word
// index with words (lexicon.WordKeys of the sentences it was rendered
// from). Call it inside the transaction that records the render, so the
// index and the rendition agree.
func (c conn) SetArticleWords(ctx context.Context, publicationID, articleID string, words []string) error {
	if _, err := c.exec(ctx, `DELETE FROM article_words WHERE article_id = ?`, articleID); err != nil {
		return fmt.Errorf("set article words %s: %w", articleID, err)
	}
	for start := 0; start < len(words); start += wordsPerInsert {
		chunk := words[start:min(start+wordsPerInsert, len(words))]
		args := make([]any, 0, 3*len(chunk))
		for _, w := range chunk {
			args = append(args, articleID, publicationID, w)
		}
		q := `INSERT INTO article_words (article_id, publication_id, word) VALUES ` +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?), ", len(chunk)), ", ") + ` ON CONFLICT DO NOTHING`
		if _, err := c.exec(ctx, q, args...); err != nil {
			return fmt.Errorf("set article words %s: %w", articleID, err)
		}
	}
	return nil
}

// ArticlesWithWords returns the publication's articles whose index holds
// every one of words (lexicon.TermWords of a term), ordered by ID: the
// candidates a lexicon change re-renders. Matching the term itself (case,
// phrase order) is the renderer's job; the index only narrows the set.
func (c conn) ArticlesWithWords(ctx context.Context, publicationID string, words []string) ([]string, error) {
	if len(words) == 0 {
		return nil, nil
	}
	args := make([]any, 0, len(words)+2)
	args = append(args, publicationID)
	for _, w := range words {
		args = append(args, w)
	}
	args = append(args, len(words))
	rows, err := c.query(ctx, `SELECT article_id FROM article_words WHERE publication_id = ? AND word IN (`+
		strings.TrimSuffix(strings.Repeat("?, ", len(words)), ", ")+`) GROUP BY article_id HAVING COUNT(*) = ? ORDER BY article_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("articles with words: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("articles with words: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles with words: %w", err)
	}
	return ids, nil
}
