package jobs

import (
	"context"
	"errors"
	"time"

	"github.com/riverqueue/river"

	"aloud/internal/article"
	"aloud/internal/store"
)

// PublishArgs makes a finished rendition the article's live audio.
type PublishArgs struct {
	RenditionID string `json:"rendition_id" river:"unique"`
}

// Kind is the job kind.
func (PublishArgs) Kind() string { return "publish" }

// InsertOpts makes publishing a rendition unique.
func (PublishArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

type publishWorker struct {
	river.WorkerDefaults[PublishArgs]
	c *Client
}

func (w *publishWorker) Timeout(*river.Job[PublishArgs]) time.Duration { return 30 * time.Second }

func (w *publishWorker) Work(ctx context.Context, job *river.Job[PublishArgs]) error {
	start := time.Now()
	err := w.work(ctx, job)
	w.c.observe(job.Kind, job.JobRow, start, err)
	return err
}

// work switches the article to the rendition unless a newer version of
// the article has arrived meanwhile (its own render will publish).
func (w *publishWorker) work(ctx context.Context, job *river.Job[PublishArgs]) error {
	err := w.c.deps.Store.WithTx(ctx, func(tx *store.Tx) error {
		r, err := tx.Rendition(ctx, job.Args.RenditionID)
		if err != nil {
			return err
		}
		a, err := tx.ArticleByID(ctx, r.ArticleID)
		if err != nil {
			return err
		}
		if a.CurrentVersionID == r.VersionID && r.Status == store.StatusReady {
			if err := tx.SetLiveRendition(ctx, a.ID, r.ID); err != nil {
				return err
			}
		}
		return completeTx(ctx, tx, job)
	})
	if errors.Is(err, article.ErrNotFound) {
		return river.JobCancel(err)
	}
	return err
}
