package jobs

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/riverqueue/river"

	"aloud/internal/article"
	"aloud/internal/render"
	"aloud/internal/store"
)

// RenderArgs renders one rendition.
type RenderArgs struct {
	RenditionID string `json:"rendition_id" river:"unique"`
	// Sentences sizes the job's timeout (see Timeout); not part of its
	// uniqueness.
	Sentences int `json:"sentences,omitempty"`
	// Disclosure and DisclosureText are the publication's when the job was
	// queued, the ones its rendition key was made from; a job queued
	// before they existed has neither and takes Settings.Disclosure.
	Disclosure     string `json:"disclosure,omitempty"`
	DisclosureText string `json:"disclosure_text,omitempty"`
}

// Kind is the job kind.
func (RenderArgs) Kind() string { return "render" }

// InsertOpts makes a rendition's render unique across all states but the
// failed ones, so resubmitting after a failure can queue a new one. Renders
// have a queue of their own (see Config.Concurrency).
func (RenderArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueRender, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

type renderWorker struct {
	river.WorkerDefaults[RenderArgs]
	c *Client
}

// Timeout grows with the article: a floor plus an allowance per sentence.
// River's rescuer also waits this long before it retries a job whose worker
// died without the liveness check noticing.
func (w *renderWorker) Timeout(job *river.Job[RenderArgs]) time.Duration {
	return w.c.renderTimeout(job.Args.Sentences)
}

func (c *Client) renderTimeout(sentences int) time.Duration {
	return c.cfg.RenderTimeout + time.Duration(sentences)*c.cfg.RenderPerSentence
}

func (w *renderWorker) Work(ctx context.Context, job *river.Job[RenderArgs]) error {
	start := time.Now()
	err := w.work(ctx, job)
	w.c.observe(job.Kind, job.JobRow, start, err)
	return err
}

func (w *renderWorker) work(ctx context.Context, job *river.Job[RenderArgs]) error {
	st := w.c.deps.Store
	r, err := st.Rendition(ctx, job.Args.RenditionID)
	if errors.Is(err, article.ErrNotFound) {
		return river.JobCancel(err) // its article was deleted
	}
	if err != nil {
		return err
	}
	if r.Status == store.StatusReady { // a previous attempt committed
		return st.WithTx(ctx, func(tx *store.Tx) error { return completeTx(ctx, tx, job) })
	}
	a, err := st.ArticleByID(ctx, r.ArticleID)
	if err != nil {
		return err
	}
	if a.CurrentVersionID != r.VersionID {
		return w.supersede(ctx, job, r)
	}
	v, err := st.Version(ctx, r.VersionID)
	if err != nil {
		return err
	}
	if err := w.markRendering(ctx, r); err != nil {
		return err
	}
	wctx, stopWatch := w.watch(ctx, r)
	fin, err := w.render(wctx, r, a.PublicationID, v.Content, job.Args)
	stopWatch()
	switch cause := context.Cause(wctx); {
	case errors.Is(cause, errDeleted):
		return river.JobCancel(errDeleted)
	case errors.Is(cause, errSuperseded):
		return w.supersede(ctx, job, r)
	case err != nil:
		return failOrRetry(ctx, w.c, job.JobRow, r.ArticleID, r.ID, err)
	}
	return st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.FinishRendition(ctx, r.ID, fin); err != nil {
			return err
		}
		// The word index a lexicon change looks articles up in.
		if err := tx.SetArticleWords(ctx, a.PublicationID, a.ID, articleWords(v.Content)); err != nil {
			return err
		}
		if err := completeTx(ctx, tx, job); err != nil {
			return err
		}
		_, err := clientFrom(ctx).InsertTx(ctx, tx.SQL(), PublishArgs{RenditionID: r.ID}, nil)
		return err
	})
}

// Causes of a render cancelled by its watch.
var (
	errDeleted    = errors.New("article deleted during its render")
	errSuperseded = errors.New("article changed during its render")
)

// watch cancels the render when its article is deleted or its text
// changes (a DELETE or PUT through any process): it polls the rendition,
// which works the same on both databases, where River's own cancellation
// of a running job needs PostgreSQL's notifications.
func (w *renderWorker) watch(ctx context.Context, r store.Rendition) (context.Context, func()) {
	wctx, cancel := context.WithCancelCause(ctx)
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(w.c.cfg.WatchInterval)
		defer t.Stop()
		for {
			select {
			case <-wctx.Done():
				return
			case <-done:
				return
			case <-t.C:
			}
			a, err := w.c.deps.Store.ArticleByID(wctx, r.ArticleID)
			switch {
			case errors.Is(err, article.ErrNotFound):
				cancel(errDeleted)
			case err == nil && a.CurrentVersionID != r.VersionID:
				cancel(errSuperseded)
			}
		}
	}()
	return wctx, func() { close(done); cancel(nil) }
}

// supersede skips a rendition whose article changed before it was
// rendered; failed (not queued) so that a later revert re-queues it.
func (w *renderWorker) supersede(ctx context.Context, job *river.Job[RenderArgs], r store.Rendition) error {
	return w.c.deps.Store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.SetRenditionStatus(ctx, r.ID, store.StatusFailed, "superseded by a newer version"); err != nil {
			return err
		}
		return completeTx(ctx, tx, job)
	})
}

func (w *renderWorker) markRendering(ctx context.Context, r store.Rendition) error {
	return w.c.deps.Store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.SetRenditionStatus(ctx, r.ID, store.StatusRendering, ""); err != nil {
			return err
		}
		return tx.SetArticleStatus(ctx, r.ArticleID, store.StatusRendering, "")
	})
}

// render runs the pipeline into a scratch directory and moves the finished
// files into blob storage. Nothing refers to them until the caller's
// transaction commits; if we die first, GC removes them after its grace.
// The lexicon is read now: when it changed since the rendition was
// queued, the audio already follows the change (and the change queues a
// rendition under its own version).
func (w *renderWorker) render(ctx context.Context, r store.Rendition, publicationID string, a article.Article, args RenderArgs) (store.Finished, error) {
	dir, err := w.c.deps.Blobs.TempDirOf(w.c.owner)
	if err != nil {
		return store.Finished{}, err
	}
	defer os.RemoveAll(dir)
	start := time.Now()
	entries, _, err := lexiconOf(ctx, w.c.deps.Store, w.c.defaults, publicationID)
	if err != nil {
		return store.Finished{}, err
	}
	disc := args.Disclosure
	if disc == "" {
		disc = w.c.settings.Disclosure
	}
	res, err := w.c.deps.Renderer.Render(ctx, render.Request{Article: a, Voice: r.Voice, Formats: w.c.settings.Formats,
		Disclosure: disc, DisclosureText: args.DisclosureText, Dir: dir, Lexicon: entries})
	if err != nil {
		return store.Finished{}, fmt.Errorf("render: %w", err)
	}
	if w.c.deps.Observer != nil {
		w.c.deps.Observer.RenderFinished(time.Since(start))
	}
	files := make(map[string]string, len(res.Files))
	for format, path := range res.Files {
		key, err := w.c.deps.Blobs.PutFile(ctx, path, filepath.Ext(path))
		if err != nil {
			return store.Finished{}, fmt.Errorf("store %s audio: %w", format, err)
		}
		files[format] = key
	}
	timeline := ""
	if len(res.Timeline) > 0 {
		tl := filepath.Join(dir, "timeline.json")
		if err := os.WriteFile(tl, res.Timeline, 0o644); err != nil {
			return store.Finished{}, fmt.Errorf("write timeline: %w", err)
		}
		if timeline, err = w.c.deps.Blobs.PutFile(ctx, tl, "json"); err != nil {
			return store.Finished{}, fmt.Errorf("store timeline: %w", err)
		}
	}
	return store.Finished{Files: files, TimelineKey: timeline, Duration: res.Duration, Voice: res.Voice}, nil
}
