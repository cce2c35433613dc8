package store

import (
	"context"
	"fmt"
	"strings"
)

// wordsPerInsert bounds one multi-row INSERT or DELETE (up to 3
// parameters a word, far under SQLite's and PostgreSQL's limits).
const wordsPerInsert = 300

// SetArticleWords makes the article's entries in the article-word index
// equal to words (lexicon.WordKeys of the sentences it was rendered
// from). Only the difference is written, so re-rendering unchanged text
// (a lexicon change) writes nothing. Call it inside the transaction that
// records the render, so the index and the rendition agree.
func (c conn) SetArticleWords(ctx context.Context, publicationID, articleID string, words []string) error {
	have, err := c.articleWords(ctx, articleID)
	if err != nil {
		return fmt.Errorf("set article words %s: %w", articleID, err)
	}
	want := make(map[string]bool, len(words))
	var add []string
	for _, w := range words {
		if !want[w] && !have[w] {
			add = append(add, w)
		}
		want[w] = true
	}
	var drop []string
	for w := range have {
		if !want[w] {
			drop = append(drop, w)
		}
	}
	if err := c.dropArticleWords(ctx, articleID, drop); err != nil {
		return fmt.Errorf("set article words %s: %w", articleID, err)
	}
	if err := c.addArticleWords(ctx, publicationID, articleID, add); err != nil {
		return fmt.Errorf("set article words %s: %w", articleID, err)
	}
	return nil
}

func (c conn) articleWords(ctx context.Context, articleID string) (map[string]bool, error) {
	rows, err := c.query(ctx, `SELECT word FROM article_words WHERE article_id = ?`, articleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, err
		}
		have[w] = true
	}
	return have, rows.Err()
}

func (c conn) dropArticleWords(ctx context.Context, articleID string, words []string) error {
	for start := 0; start < len(words); start += wordsPerInsert {
		chunk := words[start:min(start+wordsPerInsert, len(words))]
		args := make([]any, 0, len(chunk)+1)
		args = append(args, articleID)
		for _, w := range chunk {
			args = append(args, w)
		}
		if _, err := c.exec(ctx, `DELETE FROM article_words WHERE article_id = ? AND word IN (`+placeholders(len(chunk), "?")+`)`, args...); err != nil {
			return err
		}
	}
	return nil
}

func (c conn) addArticleWords(ctx context.Context, publicationID, articleID string, words []string) error {
	for start := 0; start < len(words); start += wordsPerInsert {
		chunk := words[start:min(start+wordsPerInsert, len(words))]
		args := make([]any, 0, 3*len(chunk))
		for _, w := range chunk {
			args = append(args, articleID, publicationID, w)
		}
		// DO NOTHING: a concurrent render of the same article may have
		// added the word since we read the index.
		q := `INSERT INTO article_words (article_id, publication_id, word) VALUES ` + placeholders(len(chunk), "(?, ?, ?)") +
			` ON CONFLICT DO NOTHING`
		if _, err := c.exec(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

// placeholders is n copies of one, comma-separated.
func placeholders(n int, one string) string {
	return strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
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
		placeholders(len(words), "?")+`) GROUP BY article_id HAVING COUNT(*) = ? ORDER BY article_id`, args...)
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
