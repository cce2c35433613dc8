package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// ErrConflict is returned when a row with the same unique name exists.
var ErrConflict = errors.New("already exists")

// Publication is a tenant: every other row belongs to one. The settings
// below the name are what the article page and the player honour.
type Publication struct {
	ID              string
	Name            string
	Slug            string            // {publication} in public URLs; unique
	MoreInfo        string            // the "More info" text shown beside the player
	DefaultVoices   map[string]string // language → "engine:voice"
	DefaultLanguage string            // BCP 47; "en" by default
	Disclosure      string            // where the disclosure line shows: start, end or off
	DisclosureText  string            // replaces the language's default line when set
	MoreInfoURL     string            // replaces /about-audio/{slug} when set
	FeedbackOn      bool              // listeners may send feedback
	AccentColor     string            // #rrggbb for the player, "" for the default
	CreatedAt       time.Time
}

const publicationCols = `id, name, slug, more_info, default_voices, default_language, disclosure_position,
	disclosure_text, more_info_url, feedback_enabled, accent_color, created_at`

// Slug is a publication name as it appears in URLs: lower case, spaces
// (and anything that is not a letter or digit) as hyphens, no hyphen at
// either end or twice in a row.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// CreatePublication inserts a publication named name. Its slug is
// Slug(name), suffixed with part of its ID when another publication has
// that slug already.
func (c conn) CreatePublication(ctx context.Context, name string) (Publication, error) {
	p := Publication{ID: newID("pub"), Name: name, Slug: Slug(name), DefaultVoices: map[string]string{},
		DefaultLanguage: "en", Disclosure: "start", FeedbackOn: true, CreatedAt: now()}
	if p.Slug == "" {
		p.Slug = p.ID
	}
	if _, err := c.PublicationBySlug(ctx, p.Slug); err == nil {
		p.Slug += "-" + strings.TrimPrefix(p.ID, "pub_")[:6]
	}
	_, err := c.exec(ctx, `INSERT INTO publications (`+publicationCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.ID, p.Name, p.Slug, p.MoreInfo, "{}", p.DefaultLanguage, p.Disclosure, "", "", 1, "", ms(p.CreatedAt))
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

// PublicationBySlug returns the publication whose URLs use slug.
func (c conn) PublicationBySlug(ctx context.Context, slug string) (Publication, error) {
	return c.scanPublication(c.queryRow(ctx, `SELECT `+publicationCols+` FROM publications WHERE slug = ?`, slug), slug)
}

// UpdatePublication stores every setting of p (all but its ID and
// creation time). A name or slug another publication has is ErrConflict.
func (c conn) UpdatePublication(ctx context.Context, p Publication) error {
	voices, err := json.Marshal(orEmpty(p.DefaultVoices))
	if err != nil {
		return fmt.Errorf("update publication %s: %w", p.ID, err)
	}
	if p.Slug == "" {
		p.Slug = Slug(p.Name)
	}
	if p.DefaultLanguage == "" {
		p.DefaultLanguage = "en"
	}
	if p.Disclosure == "" {
		p.Disclosure = "start"
	}
	res, err := c.exec(ctx, `UPDATE publications SET name = ?, slug = ?, more_info = ?, default_voices = ?,
		default_language = ?, disclosure_position = ?, disclosure_text = ?, more_info_url = ?, feedback_enabled = ?,
		accent_color = ? WHERE id = ?`,
		p.Name, p.Slug, p.MoreInfo, string(voices), p.DefaultLanguage, p.Disclosure, p.DisclosureText,
		p.MoreInfoURL, boolInt(p.FeedbackOn), p.AccentColor, p.ID)
	if isUniqueViolation(err) {
		return fmt.Errorf("update publication %s: name or slug: %w", p.ID, ErrConflict)
	}
	return affectedOne(res, err, "update publication "+p.ID)
}

func (c conn) scanPublication(row rowScanner, key string) (Publication, error) {
	var p Publication
	var voices string
	var created, feedback int64
	if err := row.Scan(&p.ID, &p.Name, &p.Slug, &p.MoreInfo, &voices, &p.DefaultLanguage, &p.Disclosure,
		&p.DisclosureText, &p.MoreInfoURL, &feedback, &p.AccentColor, &created); err != nil {
		return Publication{}, fmt.Errorf("publication %s: %w", key, notFound(err))
	}
	p.CreatedAt = fromMS(created)
	p.FeedbackOn = feedback != 0
	if err := json.Unmarshal([]byte(voices), &p.DefaultVoices); err != nil {
		return Publication{}, fmt.Errorf("publication %s: default voices: %w", key, err)
	}
	return p, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
