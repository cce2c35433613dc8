package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Rendition is one article version spoken by one voice with one lexicon
// version and one set of audio settings: its audio files and timeline.
type Rendition struct {
	ID             string
	ArticleID      string
	VersionID      string
	Key            string // rendition key; unique per article
	Voice          string
	LexiconVersion string
	Status         Status
	Error          string
	Files          map[string]string // format → blob key
	TimelineKey    string            // blob key of the timeline JSON
	Duration       time.Duration
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

const renditionCols = `id, article_id, version_id, rendition_key, voice, lexicon_version, status, error,
	files, timeline_key, duration_ms, created_at, updated_at`

// EnsureRendition inserts r unless the article already has a rendition
// with r.Key, and returns the stored one; created says which.
func (c conn) EnsureRendition(ctx context.Context, r Rendition) (Rendition, bool, error) {
	r.ID = newID("ren")
	r.CreatedAt, r.UpdatedAt = now(), now()
	if r.Status == "" {
		r.Status = StatusQueued
	}
	files, err := json.Marshal(orEmpty(r.Files))
	if err != nil {
		return Rendition{}, false, fmt.Errorf("ensure rendition: %w", err)
	}
	_, err = c.exec(ctx, `INSERT INTO renditions (`+renditionCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (article_id, rendition_key) DO NOTHING`,
		r.ID, r.ArticleID, r.VersionID, r.Key, r.Voice, r.LexiconVersion, r.Status, r.Error,
		string(files), r.TimelineKey, r.Duration.Milliseconds(), ms(r.CreatedAt), ms(r.UpdatedAt))
	if err != nil {
		return Rendition{}, false, fmt.Errorf("ensure rendition: %w", err)
	}
	got, err := c.renditionWhere(ctx, `article_id = ? AND rendition_key = ?`, r.ArticleID, r.Key)
	if err != nil {
		return Rendition{}, false, err
	}
	return got, got.ID == r.ID, nil
}

// Rendition returns the rendition with id.
func (c conn) Rendition(ctx context.Context, id string) (Rendition, error) {
	return c.renditionWhere(ctx, `id = ?`, id)
}

// SetRenditionStatus records progress or failure (errText) of a rendition.
func (c conn) SetRenditionStatus(ctx context.Context, id string, st Status, errText string) error {
	res, err := c.exec(ctx, `UPDATE renditions SET status = ?, error = ?, updated_at = ? WHERE id = ?`,
		st, errText, ms(now()), id)
	return affectedOne(res, err, "set rendition status "+id)
}

// Finished is what a render produced.
type Finished struct {
	Files       map[string]string // format → blob key
	TimelineKey string
	Duration    time.Duration
	Voice       string // the voice the pipeline actually used ("" keeps the requested one)
}

// FinishRendition records the rendition's stored audio and marks it ready.
func (c conn) FinishRendition(ctx context.Context, id string, f Finished) error {
	b, err := json.Marshal(orEmpty(f.Files))
	if err != nil {
		return fmt.Errorf("finish rendition %s: %w", id, err)
	}
	res, err := c.exec(ctx, `UPDATE renditions SET status = ?, error = '', files = ?, timeline_key = ?, duration_ms = ?,
		voice = CASE WHEN ? = '' THEN voice ELSE ? END, updated_at = ? WHERE id = ?`,
		StatusReady, string(b), f.TimelineKey, f.Duration.Milliseconds(), f.Voice, f.Voice, ms(now()), id)
	return affectedOne(res, err, "finish rendition "+id)
}

// ReferencedBlobs is the set of blob keys some rendition refers to; blob
// GC deletes everything else once it is old enough.
func (c conn) ReferencedBlobs(ctx context.Context) (map[string]bool, error) {
	rows, err := c.query(ctx, `SELECT files, timeline_key FROM renditions`)
	if err != nil {
		return nil, fmt.Errorf("referenced blobs: %w", err)
	}
	defer rows.Close()
	refs := map[string]bool{}
	for rows.Next() {
		var files, timeline string
		if err := rows.Scan(&files, &timeline); err != nil {
			return nil, fmt.Errorf("referenced blobs: %w", err)
		}
		var m map[string]string
		if err := json.Unmarshal([]byte(files), &m); err != nil {
			return nil, fmt.Errorf("referenced blobs: %w", err)
		}
		for _, k := range m {
			refs[k] = true
		}
		if timeline != "" {
			refs[timeline] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("referenced blobs: %w", err)
	}
	return refs, nil
}

func (c conn) renditionWhere(ctx context.Context, where string, args ...any) (Rendition, error) {
	var r Rendition
	var files string
	var dur, created, updated int64
	err := c.queryRow(ctx, `SELECT `+renditionCols+` FROM renditions WHERE `+where, args...).Scan(
		&r.ID, &r.ArticleID, &r.VersionID, &r.Key, &r.Voice, &r.LexiconVersion, &r.Status, &r.Error,
		&files, &r.TimelineKey, &dur, &created, &updated)
	if err != nil {
		return Rendition{}, fmt.Errorf("rendition: %w", notFound(err))
	}
	if err := json.Unmarshal([]byte(files), &r.Files); err != nil {
		return Rendition{}, fmt.Errorf("rendition %s: files: %w", r.ID, err)
	}
	r.Duration = time.Duration(dur) * time.Millisecond
	r.CreatedAt, r.UpdatedAt = fromMS(created), fromMS(updated)
	return r, nil
}

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}
