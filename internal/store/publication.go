package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ErrConflict is returned when a row with the same unique name exists.
var ErrConflict = errors.New("already exists")

// Publication is a tenant: every other row belongs to one.
type Publication struct {
	ID            string
	Name          string
	MoreInfo      string            // the "More info" text shown beside the player
	DefaultVoices map[string]string // language → "engine:voice"
	CreatedAt     time.Time
}

const publicationCols = `id, name, more_info, default_voices, created_at`

// CreatePublication inserts a publication named name.
func (c conn) CreatePublication(ctx context.Context, name string) (Publication, error) {
	p := Publication{ID: newID("pub"), Name: name, DefaultVoices: map[string]string{}, CreatedAt: now()}
	_, err := c.exec(ctx, `INSERT INTO publications (`+publicationCols+`) VALUES (?, ?, ?, ?, ?)`,
		p.ID, p.Name, p.MoreInfo, "{}", ms(p.CreatedAt))
	if isUniqueViolation(err) {
		return Publication{}, fmt.Errorf("create publication %q: %w", name, ErrConflict)
	}
	if err != nil {
		return Publication{}, fmt.Errorf("create publication %q: %w", name, err)
	}
	return p, nil
}

// EnsurePublication returns the publication named name, creating it first
// when missing.
func (c conn) EnsurePublication(ctx context.Context, name string) (Publication, error) {
	p, err := c.PublicationByName(ctx, name)
	if errors.Is(err, errNotFound) {
		p, err = c.CreatePublication(ctx, name)
		if errors.Is(err, ErrConflict) { // created concurrently
			return c.PublicationByName(ctx, name)
		}
	}
	return p, err
}

// Publication returns the publication with id.
func (c conn) Publication(ctx context.Context, id string) (Publication, error) {
	return c.scanPublication(c.queryRow(ctx, `SELECT `+publicationCols+` FROM publications WHERE id = ?`, id), id)
}

// PublicationByName returns the publication called name.
func (c conn) PublicationByName(ctx context.Context, name string) (Publication, error) {
	return c.scanPublication(c.queryRow(ctx, `SELECT `+publicationCols+` FROM publications WHERE name = ?`, name), name)
}

// UpdatePublication stores p's More-info text and default voices.
func (c conn) UpdatePublication(ctx context.Context, p Publication) error {
	voices, err := json.Marshal(p.DefaultVoices)
	if err != nil {
		return fmt.Errorf("update publication %s: %w", p.ID, err)
	}
	res, err := c.exec(ctx, `UPDATE publications SET more_info = ?, default_voices = ? WHERE id = ?`,
		p.MoreInfo, string(voices), p.ID)
	return affectedOne(res, err, "update publication "+p.ID)
}

func (c conn) scanPublication(row rowScanner, key string) (Publication, error) {
	var p Publication
	var voices string
	var created int64
	if err := row.Scan(&p.ID, &p.Name, &p.MoreInfo, &voices, &created); err != nil {
		return Publication{}, fmt.Errorf("publication %s: %w", key, notFound(err))
	}
	p.CreatedAt = fromMS(created)
	if err := json.Unmarshal([]byte(voices), &p.DefaultVoices); err != nil {
		return Publication{}, fmt.Errorf("publication %s: default voices: %w", key, err)
	}
	return p, nil
}
