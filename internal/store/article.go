package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"aloud/internal/article"
)

// Status is where an article or rendition is in the pipeline.
type Status string

// The statuses the API shows.
const (
	StatusQueued    Status = "queued"    // a job waits
	StatusRendering Status = "rendering" // a job runs
	StatusReady     Status = "ready"
	StatusFailed    Status = "failed"
)

// Article is one article of a publication. Its content lives in versions;
// CurrentVersionID is the newest, LiveRenditionID the audio being served.
type Article struct {
	ID               string
	PublicationID    string
	Status           Status
	Error            string
	Voice            string // requested voice; empty means the publication's default
	Language         string
	Input            []byte // pending ingest input (JSON), empty once ingested
	IdempotencyKey   string
	CurrentVersionID string
	LiveRenditionID  string
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

const articleCols = `id, publication_id, status, error, voice, language, input, idempotency_key,
	current_version_id, live_rendition_id, created_at, updated_at`

// CreateArticle inserts a (fills in its ID and times). A reused
// idempotency key is ErrConflict.
func (c conn) CreateArticle(ctx context.Context, a *Article) error {
	a.ID = newID("art")
	a.CreatedAt, a.UpdatedAt = now(), now()
	if a.Status == "" {
		a.Status = StatusQueued
	}
	_, err := c.exec(ctx, `INSERT INTO articles (`+articleCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.PublicationID, a.Status, a.Error, a.Voice, a.Language, string(a.Input), nullString(a.IdempotencyKey),
		nullString(a.CurrentVersionID), nullString(a.LiveRenditionID), ms(a.CreatedAt), ms(a.UpdatedAt))
	if isUniqueViolation(err) {
		return fmt.Errorf("create article: %w", ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("create article: %w", err)
	}
	return nil
}

// Article returns the publication's article id; another publication's
// article is ErrNotFound.
func (c conn) Article(ctx context.Context, publicationID, id string) (Article, error) {
	row := c.queryRow(ctx, `SELECT `+articleCols+` FROM articles WHERE id = ? AND publication_id = ?`, id, publicationID)
	a, err := scanArticle(row)
	if err != nil {
		return Article{}, fmt.Errorf("article %s: %w", id, err)
	}
	return a, nil
}

// ArticleByID returns an article whatever its publication (for jobs,
// whose IDs come from rows the API already scoped).
func (c conn) ArticleByID(ctx context.Context, id string) (Article, error) {
	a, err := scanArticle(c.queryRow(ctx, `SELECT `+articleCols+` FROM articles WHERE id = ?`, id))
	if err != nil {
		return Article{}, fmt.Errorf("article %s: %w", id, err)
	}
	return a, nil
}

// ArticleByIdempotencyKey finds the article an earlier request with the
// same Idempotency-Key created.
func (c conn) ArticleByIdempotencyKey(ctx context.Context, publicationID, key string) (Article, error) {
	row := c.queryRow(ctx, `SELECT `+articleCols+` FROM articles WHERE publication_id = ? AND idempotency_key = ?`, publicationID, key)
	a, err := scanArticle(row)
	if err != nil {
		return Article{}, fmt.Errorf("article by idempotency key: %w", err)
	}
	return a, nil
}

// ListArticles returns up to limit articles, newest first, after cursor
// (empty for the first page), and the cursor of the next page ("" at the
// end).
func (c conn) ListArticles(ctx context.Context, publicationID string, limit int, cursor string) ([]Article, string, error) {
	at, id, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	rows, err := c.query(ctx, `SELECT `+articleCols+` FROM articles
		WHERE publication_id = ? AND (created_at < ? OR (created_at = ? AND id < ?))
		ORDER BY created_at DESC, id DESC LIMIT ?`, publicationID, at, at, id, limit+1)
	if err != nil {
		return nil, "", fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, "", fmt.Errorf("list articles: %w", err)
		}
		out = append(out, a)
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

// ErrBadCursor is a list cursor this server did not hand out.
var ErrBadCursor = errors.New("invalid cursor")

func encodeCursor(at int64, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(at, 10) + "|" + id))
}

func decodeCursor(cur string) (int64, string, error) {
	if cur == "" {
		return 1<<62 - 1, "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(cur)
	if err != nil {
		return 0, "", ErrBadCursor
	}
	at, id, ok := strings.Cut(string(b), "|")
	v, err := strconv.ParseInt(at, 10, 64)
	if !ok || err != nil {
		return 0, "", ErrBadCursor
	}
	return v, id, nil
}

// SetArticleStatus records where the article is; errText is kept for
// StatusFailed and cleared otherwise.
func (c conn) SetArticleStatus(ctx context.Context, id string, st Status, errText string) error {
	res, err := c.exec(ctx, `UPDATE articles SET status = ?, error = ?, updated_at = ? WHERE id = ?`,
		st, errText, ms(now()), id)
	return affectedOne(res, err, "set article status "+id)
}

// SetArticleInput stores input for the ingest job and queues the article.
func (c conn) SetArticleInput(ctx context.Context, id string, input []byte, voice, language string) error {
	res, err := c.exec(ctx, `UPDATE articles SET input = ?, voice = ?, language = ?, status = ?, error = '', updated_at = ? WHERE id = ?`,
		string(input), voice, language, StatusQueued, ms(now()), id)
	return affectedOne(res, err, "set article input "+id)
}

// SetCurrentVersion points the article at its newest content and clears
// the ingest input it came from.
func (c conn) SetCurrentVersion(ctx context.Context, id, versionID, language string) error {
	res, err := c.exec(ctx, `UPDATE articles SET current_version_id = ?, language = ?, input = '', updated_at = ? WHERE id = ?`,
		versionID, language, ms(now()), id)
	return affectedOne(res, err, "set current version "+id)
}

// SetLiveRendition makes a finished rendition the article's audio and
// marks the article ready.
func (c conn) SetLiveRendition(ctx context.Context, id, renditionID string) error {
	res, err := c.exec(ctx, `UPDATE articles SET live_rendition_id = ?, status = ?, error = '', updated_at = ? WHERE id = ?`,
		renditionID, StatusReady, ms(now()), id)
	return affectedOne(res, err, "set live rendition "+id)
}

// DeleteArticle removes the publication's article with its versions and
// renditions; their audio becomes garbage for blob GC.
func (c conn) DeleteArticle(ctx context.Context, publicationID, id string) error {
	res, err := c.exec(ctx, `DELETE FROM articles WHERE id = ? AND publication_id = ?`, id, publicationID)
	return affectedOne(res, err, "delete article "+id)
}

func scanArticle(row rowScanner) (Article, error) {
	var a Article
	var input string
	var idem, cur, live sql.NullString
	var created, updated int64
	err := row.Scan(&a.ID, &a.PublicationID, &a.Status, &a.Error, &a.Voice, &a.Language, &input, &idem,
		&cur, &live, &created, &updated)
	if err != nil {
		return Article{}, notFound(err)
	}
	if input != "" {
		a.Input = []byte(input)
	}
	a.IdempotencyKey, a.CurrentVersionID, a.LiveRenditionID = idem.String, cur.String, live.String
	a.CreatedAt, a.UpdatedAt = fromMS(created), fromMS(updated)
	return a, nil
}

// Version is one immutable content of an article.
type Version struct {
	ID          string
	ArticleID   string
	ContentHash string
	Content     article.Article
	CreatedAt   time.Time
}

// ContentHash identifies what is spoken: headline, kicker, byline,
// language and blocks. Metadata that is not read aloud (URL, source,
// publication date) does not change it, so editing it renders nothing new.
func ContentHash(a article.Article) string {
	spoken := struct {
		Title, Kicker, Byline, Language string
		Blocks                          []article.Block
	}{a.Title, a.Kicker, a.Byline, a.Language, a.Blocks}
	b, _ := json.Marshal(spoken) // plain strings and slices cannot fail
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// PutVersion stores content as a version of the article, or returns the
// existing version with the same content hash; created says which. The
// stored content is always the newest, so metadata edits are kept.
func (c conn) PutVersion(ctx context.Context, articleID string, content article.Article) (Version, bool, error) {
	body, err := json.Marshal(content)
	if err != nil {
		return Version{}, false, fmt.Errorf("put version: %w", err)
	}
	v := Version{ID: newID("ver"), ArticleID: articleID, ContentHash: ContentHash(content), Content: content, CreatedAt: now()}
	_, err = c.exec(ctx, `INSERT INTO article_versions (id, article_id, content_hash, content, created_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, content_hash) DO UPDATE SET content = excluded.content`,
		v.ID, articleID, v.ContentHash, string(body), ms(v.CreatedAt))
	if err != nil {
		return Version{}, false, fmt.Errorf("put version: %w", err)
	}
	got, err := c.versionWhere(ctx, `article_id = ? AND content_hash = ?`, articleID, v.ContentHash)
	if err != nil {
		return Version{}, false, err
	}
	return got, got.ID == v.ID, nil
}

// Version returns the version with id.
func (c conn) Version(ctx context.Context, id string) (Version, error) {
	return c.versionWhere(ctx, `id = ?`, id)
}

func (c conn) versionWhere(ctx context.Context, where string, args ...any) (Version, error) {
	var v Version
	var body string
	var created int64
	err := c.queryRow(ctx, `SELECT id, article_id, content_hash, content, created_at FROM article_versions WHERE `+where, args...).
		Scan(&v.ID, &v.ArticleID, &v.ContentHash, &body, &created)
	if err != nil {
		return Version{}, fmt.Errorf("article version: %w", notFound(err))
	}
	if err := json.Unmarshal([]byte(body), &v.Content); err != nil {
		return Version{}, fmt.Errorf("article version %s: %w", v.ID, err)
	}
	v.CreatedAt = fromMS(created)
	return v, nil
}

func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }
