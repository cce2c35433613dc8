package store

import (
	"context"
	"fmt"
	"time"
)

// Feedback is one listener's report about an article's audio. It names no
// one: ClientHash is a salted hash whose salt rotates daily.
type Feedback struct {
	ID            string
	PublicationID string
	ArticleID     string
	Kind          string // pronunciation, text, audio or other
	Note          string
	AtMs          int64  // playback position when it was sent
	Sentence      string // the sentence heard at AtMs, when known
	ClientHash    string
	DedupeKey     string // the same report twice from one client has the same key
	CreatedAt     time.Time
}

const feedbackCols = `id, publication_id, article_id, kind, note, at_ms, sentence, client_hash, dedupe_key, created_at`

// AddFeedback stores f (fills in its ID and time). A report with the same
// article and dedupe key as an earlier one is ErrConflict, so a resent form
// is stored once.
func (c conn) AddFeedback(ctx context.Context, f *Feedback) error {
	f.ID, f.CreatedAt = newID("fb"), now()
	_, err := c.exec(ctx, `INSERT INTO feedback (`+feedbackCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.ID, f.PublicationID, f.ArticleID, f.Kind, f.Note, f.AtMs, f.Sentence, f.ClientHash, f.DedupeKey, ms(f.CreatedAt))
	if isUniqueViolation(err) {
		return fmt.Errorf("add feedback: %w", ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("add feedback: %w", err)
	}
	return nil
}

// ListFeedback returns up to limit reports about the publication's
// article, newest first.
func (c conn) ListFeedback(ctx context.Context, publicationID, articleID string, limit int) ([]Feedback, error) {
	rows, err := c.query(ctx, `SELECT `+feedbackCols+` FROM feedback WHERE article_id = ? AND publication_id = ?
		ORDER BY created_at DESC, id DESC LIMIT ?`, articleID, publicationID, limit)
	if err != nil {
		return nil, fmt.Errorf("list feedback: %w", err)
	}
	defer rows.Close()
	out := []Feedback{}
	for rows.Next() {
		var f Feedback
		var created int64
		if err := rows.Scan(&f.ID, &f.PublicationID, &f.ArticleID, &f.Kind, &f.Note, &f.AtMs, &f.Sentence,
			&f.ClientHash, &f.DedupeKey, &created); err != nil {
			return nil, fmt.Errorf("list feedback: %w", err)
		}
		f.CreatedAt = fromMS(created)
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list feedback: %w", err)
	}
	return out, nil
}
