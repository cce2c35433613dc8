package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Feed is an RSS/Atom feed a publication has aloud poll.
type Feed struct {
	ID            string
	PublicationID string
	URL           string
	ETag          string // validators for the next conditional GET
	LastModified  string
	Interval      time.Duration
	Failures      int // consecutive failed polls, for backoff
	LastError     string
	LastPolledAt  time.Time // zero before the first poll
	NextPollAt    time.Time
	CreatedAt     time.Time
}

const feedCols = `id, publication_id, url, etag, last_modified, interval_ms, failures, last_error,
	last_polled_at, next_poll_at, created_at`

// CreateFeed inserts f (filling in ID and times). The same URL twice in
// one publication is ErrConflict.
func (c conn) CreateFeed(ctx context.Context, f *Feed) error {
	f.ID, f.CreatedAt = newID("feed"), now()
	if f.NextPollAt.IsZero() {
		f.NextPollAt = f.CreatedAt
	}
	_, err := c.exec(ctx, `INSERT INTO feeds (`+feedCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		f.ID, f.PublicationID, f.URL, f.ETag, f.LastModified, f.Interval.Milliseconds(), f.Failures, f.LastError,
		sql.NullInt64{}, ms(f.NextPollAt), ms(f.CreatedAt))
	if isUniqueViolation(err) {
		return fmt.Errorf("create feed: %w", ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("create feed: %w", err)
	}
	return nil
}

// Feed returns the publication's feed id.
func (c conn) Feed(ctx context.Context, publicationID, id string) (Feed, error) {
	return c.feedWhere(ctx, `id = ? AND publication_id = ?`, id, publicationID)
}

// FeedByID returns a feed whatever its publication (for jobs).
func (c conn) FeedByID(ctx context.Context, id string) (Feed, error) {
	return c.feedWhere(ctx, `id = ?`, id)
}

// ListFeeds returns the publication's feeds, oldest first.
func (c conn) ListFeeds(ctx context.Context, publicationID string) ([]Feed, error) {
	rows, err := c.query(ctx, `SELECT `+feedCols+` FROM feeds WHERE publication_id = ? ORDER BY created_at, id`, publicationID)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("list feeds: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	return out, nil
}

// DeleteFeed removes the publication's feed; articles it created stay.
func (c conn) DeleteFeed(ctx context.Context, publicationID, id string) error {
	res, err := c.exec(ctx, `DELETE FROM feeds WHERE id = ? AND publication_id = ?`, id, publicationID)
	return affectedOne(res, err, "delete feed "+id)
}

// RecordPoll stores the outcome of a poll: the new validators, the failure
// count and error, and when to poll next.
func (c conn) RecordPoll(ctx context.Context, f Feed) error {
	res, err := c.exec(ctx, `UPDATE feeds SET etag = ?, last_modified = ?, failures = ?, last_error = ?,
		last_polled_at = ?, next_poll_at = ? WHERE id = ?`,
		f.ETag, f.LastModified, f.Failures, f.LastError, ms(f.LastPolledAt), ms(f.NextPollAt), f.ID)
	return affectedOne(res, err, "record poll of feed "+f.ID)
}

// AddFeedItem remembers that the feed's item guid became articleID; it
// reports false (and changes nothing) when the item was seen before.
func (c conn) AddFeedItem(ctx context.Context, feedID, guid, articleID string) (bool, error) {
	res, err := c.exec(ctx, `INSERT INTO feed_items (feed_id, guid, article_id, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (feed_id, guid) DO NOTHING`, feedID, guid, articleID, ms(now()))
	if err != nil {
		return false, fmt.Errorf("add feed item: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("add feed item: %w", err)
	}
	return n == 1, nil
}

// FeedItemSeen reports whether the feed's item guid was ingested before.
func (c conn) FeedItemSeen(ctx context.Context, feedID, guid string) (bool, error) {
	var n int
	err := c.queryRow(ctx, `SELECT COUNT(*) FROM feed_items WHERE feed_id = ? AND guid = ?`, feedID, guid).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("feed item seen: %w", err)
	}
	return n > 0, nil
}

func (c conn) feedWhere(ctx context.Context, where string, args ...any) (Feed, error) {
	f, err := scanFeed(c.queryRow(ctx, `SELECT `+feedCols+` FROM feeds WHERE `+where, args...))
	if err != nil {
		return Feed{}, fmt.Errorf("feed: %w", err)
	}
	return f, nil
}

func scanFeed(row rowScanner) (Feed, error) {
	var f Feed
	var interval, next, created int64
	var polled sql.NullInt64
	err := row.Scan(&f.ID, &f.PublicationID, &f.URL, &f.ETag, &f.LastModified, &interval, &f.Failures,
		&f.LastError, &polled, &next, &created)
	if err != nil {
		return Feed{}, notFound(err)
	}
	f.Interval = time.Duration(interval) * time.Millisecond
	if polled.Valid {
		f.LastPolledAt = fromMS(polled.Int64)
	}
	f.NextPollAt, f.CreatedAt = fromMS(next), fromMS(created)
	return f, nil
}

// DueFeeds returns the IDs of feeds whose next poll is at or before t,
// soonest first.
func (c conn) DueFeeds(ctx context.Context, t time.Time, limit int) ([]string, error) {
	rows, err := c.query(ctx, `SELECT id FROM feeds WHERE next_poll_at <= ? ORDER BY next_poll_at, id LIMIT ?`, ms(t), limit)
	if err != nil {
		return nil, fmt.Errorf("due feeds: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("due feeds: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("due feeds: %w", err)
	}
	return ids, nil
}
