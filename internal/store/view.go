package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"aloud/internal/article"
)

// ArticleView is an article with its current content and live audio, read
// in one query: the API's GET and list need all three.
type ArticleView struct {
	Article
	Content   *article.Article // nil before the first ingest finished; shared, read-only
	Rendition *Rendition       // the live rendition, nil before the first audio
}

const viewSelect = `SELECT a.id, a.publication_id, a.status, a.error, a.voice, a.language, a.input, a.idempotency_key,
	a.current_version_id, a.live_rendition_id, a.created_at, a.updated_at,
	v.content, r.id, r.voice, r.files, r.timeline_key, r.duration_ms
	FROM articles a
	LEFT JOIN article_versions v ON v.id = a.current_version_id
	LEFT JOIN renditions r ON r.id = a.live_rendition_id`

// ArticleView returns the publication's article id with content and audio.
func (c conn) ArticleView(ctx context.Context, publicationID, id string) (ArticleView, error) {
	v, err := c.scanView(c.queryRow(ctx, viewSelect+` WHERE a.id = ? AND a.publication_id = ?`, id, publicationID))
	if err != nil {
		return ArticleView{}, fmt.Errorf("article %s: %w", id, err)
	}
	return v, nil
}

// ListArticleViews is ListArticles with content and audio.
func (c conn) ListArticleViews(ctx context.Context, publicationID string, limit int, cursor string) ([]ArticleView, string, error) {
	at, id, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	rows, err := c.query(ctx, viewSelect+`
		WHERE a.publication_id = ? AND (a.created_at < ? OR (a.created_at = ? AND a.id < ?))
		ORDER BY a.created_at DESC, a.id DESC LIMIT ?`, publicationID, at, at, id, limit+1)
	if err != nil {
		return nil, "", fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []ArticleView
	for rows.Next() {
		v, err := c.scanView(rows)
		if err != nil {
			return nil, "", fmt.Errorf("list articles: %w", err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("list articles: %w", err)
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		last := out[limit-1]
		next = encodeCursor(ms(last.CreatedAt), last.ID)
	}
	return out, next, nil
}

func (c conn) scanView(row rowScanner) (ArticleView, error) {
	var v ArticleView
	a := &v.Article
	var input string
	var idem, cur, live, content, rid, rvoice, rfiles, rtimeline sql.NullString
	var created, updated int64
	var rdur sql.NullInt64
	err := row.Scan(&a.ID, &a.PublicationID, &a.Status, &a.Error, &a.Voice, &a.Language, &input, &idem,
		&cur, &live, &created, &updated, &content, &rid, &rvoice, &rfiles, &rtimeline, &rdur)
	if err != nil {
		return ArticleView{}, notFound(err)
	}
	if input != "" {
		a.Input = []byte(input)
	}
	a.IdempotencyKey, a.CurrentVersionID, a.LiveRenditionID = idem.String, cur.String, live.String
	a.CreatedAt, a.UpdatedAt = fromMS(created), fromMS(updated)
	if content.Valid {
		if v.Content, err = c.content.decode(a.CurrentVersionID, content.String); err != nil {
			return ArticleView{}, err
		}
	}
	if rid.Valid {
		r := &Rendition{ID: rid.String, ArticleID: a.ID, Voice: rvoice.String, TimelineKey: rtimeline.String,
			Duration: time.Duration(rdur.Int64) * time.Millisecond, Status: StatusReady}
		if err := json.Unmarshal([]byte(rfiles.String), &r.Files); err != nil {
			return ArticleView{}, fmt.Errorf("rendition of %s: %w", a.ID, err)
		}
		v.Rendition = r
	}
	return v, nil
}

// PublicArticleView returns article id whatever its publication, for the
// public pages and the player, which name an article by its ID alone.
func (c conn) PublicArticleView(ctx context.Context, id string) (ArticleView, error) {
	v, err := c.scanView(c.queryRow(ctx, viewSelect+` WHERE a.id = ?`, id))
	if err != nil {
		return ArticleView{}, fmt.Errorf("article %s: %w", id, err)
	}
	return v, nil
}

// LatestReadyArticleID is the newest article with audio, of any
// publication, or "" when there is none: the start page links to it.
func (c conn) LatestReadyArticleID(ctx context.Context) (string, error) {
	var id string
	err := c.queryRow(ctx, `SELECT id FROM articles WHERE live_rendition_id IS NOT NULL
		ORDER BY created_at DESC, id DESC LIMIT 1`).Scan(&id)
	if err != nil && err != sql.ErrNoRows {
		return "", fmt.Errorf("latest article: %w", err)
	}
	return id, nil
}
