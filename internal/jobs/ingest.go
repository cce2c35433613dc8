package jobs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"aloud/internal/article"
	"aloud/internal/store"
)

// IngestArgs ingests an article's stored input (a URL or HTML).
type IngestArgs struct {
	ArticleID string `json:"article_id" river:"unique"`
}

// Kind is the job kind.
func (IngestArgs) Kind() string { return "ingest" }

// Input is what the API stores for the ingest job: a URL to fetch, or
// HTML (with the URL it came from) to extract.
type Input struct {
	URL  string `json:"url,omitempty"`
	HTML string `json:"html,omitempty"`
}

type ingestWorker struct {
	river.WorkerDefaults[IngestArgs]
	c *Client
}

// ingestTimeout bounds a fetch and an extraction.
const ingestTimeout = 2 * time.Minute

func (w *ingestWorker) Timeout(*river.Job[IngestArgs]) time.Duration { return ingestTimeout }

func (w *ingestWorker) Work(ctx context.Context, job *river.Job[IngestArgs]) error {
	start := time.Now()
	err := w.work(ctx, job)
	w.c.observe(job.Kind, job.JobRow, start, err)
	return err
}

func (w *ingestWorker) work(ctx context.Context, job *river.Job[IngestArgs]) error {
	st := w.c.deps.Store
	a, err := st.ArticleByID(ctx, job.Args.ArticleID)
	if errors.Is(err, article.ErrNotFound) {
		return river.JobCancel(err) // deleted meanwhile
	}
	if err != nil {
		return err
	}
	if len(a.Input) == 0 {
		return st.WithTx(ctx, func(tx *store.Tx) error { return completeTx(ctx, tx, job) }) // done before
	}
	if err := st.SetArticleStatus(ctx, a.ID, store.StatusRendering, ""); err != nil {
		return err
	}
	content, err := w.read(ctx, a) // network: no transaction open
	if err != nil {
		return failOrRetry(ctx, w.c, job.JobRow, a.ID, "", err)
	}
	return st.WithTx(ctx, func(tx *store.Tx) error {
		cur, err := tx.ArticleByID(ctx, a.ID)
		if err != nil {
			return err
		}
		if err := completeTx(ctx, tx, job); err != nil {
			return err
		}
		if !bytes.Equal(cur.Input, a.Input) {
			// A PUT replaced the input while we fetched: ours is stale.
			return insertIngest(ctx, clientFrom(ctx), tx, a.ID)
		}
		return submit(ctx, clientFrom(ctx), tx, w.c.settings, w.c.defaults, cur, content)
	})
}

// read turns the stored input into an article through the loader the CLI
// uses. Errors name no internal IDs: the article shows them to clients.
func (w *ingestWorker) read(ctx context.Context, a store.Article) (article.Article, error) {
	var in Input
	if err := json.Unmarshal(a.Input, &in); err != nil {
		return article.Article{}, fmt.Errorf("stored input: %w: %w", ErrBadInput, err)
	}
	if w.c.deps.Load == nil {
		return article.Article{}, fmt.Errorf("no loader configured: %w", ErrBadInput)
	}
	content, err := w.c.deps.Load(ctx, in, a.Language, w.publicationLanguage(ctx, a))
	if err != nil {
		return article.Article{}, err
	}
	if err := CheckLength(content, w.c.cfg.MaxSpokenChars); err != nil {
		return article.Article{}, err
	}
	return content, nil
}

// publicationLanguage is the default language of the article's
// publication ("" for the loader's English if it cannot be read).
func (w *ingestWorker) publicationLanguage(ctx context.Context, a store.Article) string {
	p, err := w.c.deps.Store.Publication(ctx, a.PublicationID)
	if err != nil {
		return ""
	}
	return p.DefaultLanguage
}

// failOrRetry handles a step's error: input that can never succeed (or a
// last attempt) marks the article (and rendition) failed and cancels the
// job in one transaction; anything else is returned for River to retry.
func failOrRetry(ctx context.Context, c *Client, job *rivertype.JobRow, articleID, renditionID string, cause error) error {
	permanent := c.deps.Permanent(cause)
	// The job's context may be the one a shutdown cancelled: the status
	// still gets written.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if !permanent && !lastAttempt(job) {
		// Waiting for the retry is "queued" again; the error says why.
		msg := fmt.Sprintf("attempt %d failed, will retry: %s", job.Attempt, clientMessage(cause))
		_ = c.deps.Store.WithTx(ctx, func(tx *store.Tx) error {
			if renditionID != "" {
				if err := tx.SetRenditionStatus(ctx, renditionID, store.StatusQueued, msg); err != nil {
					return err
				}
			}
			return tx.SetArticleStatus(ctx, articleID, store.StatusQueued, msg)
		}) // best effort: the retry happens either way
		return cause
	}
	err := c.deps.Store.WithTx(ctx, func(tx *store.Tx) error {
		if renditionID != "" {
			if err := tx.SetRenditionStatus(ctx, renditionID, store.StatusFailed, clientMessage(cause)); err != nil {
				return err
			}
		}
		err := tx.SetArticleStatus(ctx, articleID, store.StatusFailed, clientMessage(cause))
		if errors.Is(err, article.ErrNotFound) {
			return nil
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("record failure: %w (after %w)", err, cause)
	}
	if permanent {
		return river.JobCancel(cause)
	}
	return cause // last attempt: River discards it
}
