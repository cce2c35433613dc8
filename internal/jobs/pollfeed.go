package jobs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"aloud/internal/article"
	"aloud/internal/fetch"
	"aloud/internal/store"
)

// PollFeedArgs polls one feed; with an empty FeedID it is the periodic
// sweep that enqueues a poll for every feed that is due.
type PollFeedArgs struct {
	FeedID string `json:"feed_id" river:"unique"`
}

// Kind is the job kind.
func (PollFeedArgs) Kind() string { return "poll_feed" }

// pollOpts keeps one pending poll per feed; a finished one does not block
// the next.
func pollOpts() *river.InsertOpts {
	return &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: pendingStates()}}
}

func sweepOpts() *river.InsertOpts { return pollOpts() }

// maxBackoff caps how far failures push a feed's next poll.
const maxBackoff = 24 * time.Hour

type pollFeedWorker struct {
	river.WorkerDefaults[PollFeedArgs]
	c *Client
}

func (w *pollFeedWorker) Timeout(*river.Job[PollFeedArgs]) time.Duration { return 2 * time.Minute }

func (w *pollFeedWorker) Work(ctx context.Context, job *river.Job[PollFeedArgs]) error {
	start := time.Now()
	var err error
	if job.Args.FeedID == "" {
		err = w.sweep(ctx, job)
	} else {
		err = w.poll(ctx, job)
	}
	w.c.observe(job.Kind, job.JobRow, start, err)
	return err
}

// sweep enqueues a poll of each due feed, in one transaction with its own
// completion.
func (w *pollFeedWorker) sweep(ctx context.Context, job *river.Job[PollFeedArgs]) error {
	return w.c.deps.Store.WithTx(ctx, func(tx *store.Tx) error {
		ids, err := tx.DueFeeds(ctx, time.Now(), 1000)
		if err != nil {
			return err
		}
		if err := completeTx(ctx, tx, job); err != nil {
			return err
		}
		for _, id := range ids {
			if _, err := clientFrom(ctx).InsertTx(ctx, tx.SQL(), PollFeedArgs{FeedID: id}, pollOpts()); err != nil {
				return fmt.Errorf("enqueue poll of feed %s: %w", id, err)
			}
		}
		return nil
	})
}

// poll fetches the feed with a conditional GET (no transaction open), then
// records new items as articles with their ingest jobs, the feed's
// validators and its next poll time, and completes, all in one transaction.
func (w *pollFeedWorker) poll(ctx context.Context, job *river.Job[PollFeedArgs]) error {
	st := w.c.deps.Store
	f, err := st.FeedByID(ctx, job.Args.FeedID)
	if errors.Is(err, article.ErrNotFound) {
		return river.JobCancel(err) // deleted
	}
	if err != nil {
		return err
	}
	if w.c.deps.Fetcher == nil || w.c.deps.ParseFeed == nil {
		return river.JobCancel(fmt.Errorf("poll feed %s: no fetcher or feed parser: %w", f.ID, ErrBadInput))
	}
	resp, ferr := w.c.deps.Fetcher.Get(ctx, f.URL, &fetch.Conditional{ETag: f.ETag, LastModified: f.LastModified})
	var items []newItem
	if ferr == nil && !resp.NotModified {
		items, ferr = w.items(resp)
	}
	now := time.Now()
	f.LastPolledAt = now
	if ferr != nil {
		f.Failures++
		f.LastError = ferr.Error()
	} else {
		f.Failures, f.LastError = 0, ""
		f.ETag, f.LastModified = resp.ETag, resp.LastModified
	}
	f.NextPollAt = now.Add(backoff(f.Interval, f.Failures))
	return st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.RecordPoll(ctx, f); err != nil {
			return err
		}
		if err := completeTx(ctx, tx, job); err != nil {
			return err
		}
		for _, it := range items {
			if err := w.addItem(ctx, tx, f, it); err != nil {
				return err
			}
		}
		return nil
	})
}

type newItem struct{ guid, link string }

func (w *pollFeedWorker) items(resp *fetch.Response) ([]newItem, error) {
	parsed, err := w.c.deps.ParseFeed(bytes.NewReader(resp.Body))
	if err != nil {
		return nil, fmt.Errorf("parse feed %s: %w", resp.URL, err)
	}
	var out []newItem
	for _, it := range parsed.Items {
		guid := it.GUID
		if guid == "" {
			guid = it.Link
		}
		if guid != "" && it.Link != "" {
			out = append(out, newItem{guid: guid, link: it.Link})
		}
	}
	return out, nil
}

func (w *pollFeedWorker) addItem(ctx context.Context, tx *store.Tx, f store.Feed, it newItem) error {
	seen, err := tx.FeedItemSeen(ctx, f.ID, it.guid)
	if err != nil || seen {
		return err
	}
	input, _ := json.Marshal(Input{URL: it.link}) // plain strings cannot fail
	a := store.Article{PublicationID: f.PublicationID, Input: input}
	if err := tx.CreateArticle(ctx, &a); err != nil {
		return err
	}
	if _, err := tx.AddFeedItem(ctx, f.ID, it.guid, a.ID); err != nil {
		return err
	}
	return insertIngest(ctx, clientFrom(ctx), tx, a.ID)
}

// backoff doubles the interval per consecutive failure, up to maxBackoff.
func backoff(interval time.Duration, failures int) time.Duration {
	if interval <= 0 {
		interval = 15 * time.Minute
	}
	d := interval
	for i := 0; i < failures && d < maxBackoff; i++ {
		d *= 2
	}
	return min(d, maxBackoff)
}
