// Package jobs runs aloud's durable steps as River jobs on the same
// database as the store: ingest (fetch + extract) → render (the speech
// pipeline) → publish, and poll_feed. Each step does its slow work
// (network, subprocesses) with no transaction open, then commits its
// result, inserts its successor and completes itself in ONE short
// transaction, so a crash at any point either redoes the step or finds it
// done. Args hold IDs only.
package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/rivertype"

	"aloud/internal/article"
	"aloud/internal/blob"
	"aloud/internal/feed"
	"aloud/internal/fetch"
	"aloud/internal/lexicon"
	"aloud/internal/render"
	"aloud/internal/store"
)

// QueueRender is the queue of render jobs; every other kind runs in
// River's default queue.
const QueueRender = "render"

// Renderer is the speech pipeline (render.Renderer in production).
type Renderer interface {
	Render(ctx context.Context, req render.Request) (render.Result, error)
}

// Fetcher does outbound HTTP (fetch.Fetcher in production).
type Fetcher interface {
	Get(ctx context.Context, url string, cond *fetch.Conditional) (*fetch.Response, error)
}

// Blobs is where finished audio goes (blob.Local in production).
type Blobs interface {
	blob.Store
	TempDirOf(owner string) (string, error)
	CleanScratch(ctx context.Context, alive func(owner string) bool) (int, error)
	PutFile(ctx context.Context, path, ext string) (string, error)
}

// Observer receives job outcomes for metrics.
type Observer interface {
	JobFinished(kind, state string, took time.Duration)
	RenderFinished(took time.Duration)
}

// Deps are the parts the workers use.
type Deps struct {
	Store    *store.Store
	Blobs    Blobs
	Renderer Renderer
	Fetcher  Fetcher // feed polls
	// Load reads an ingest input through the loader the CLI uses
	// (ingest.Loader): lang overrides the article's language, defaultLang
	// is the language of one that names none ("" means English).
	Load func(ctx context.Context, in Input, lang, defaultLang string) (article.Article, error)
	// ParseFeed reads RSS, Atom or JSON Feed (feed.Parse).
	ParseFeed func(r io.Reader) (*feed.Feed, error)
	// Permanent reports errors that retrying cannot fix; such jobs are
	// cancelled and their article marked failed. Nil uses IsPermanent.
	Permanent func(error) bool
	Observer  Observer
	Logger    *slog.Logger
}

// Settings decide what a rendition is; they are part of its key, with
// the publication's lexicon version (lexiconOf).
type Settings struct {
	Formats    []string // default mp3 and opus
	Disclosure string   // where a publication without a position speaks the disclosure; default "end"
}

// Config sizes and times the client.
type Config struct {
	Concurrency   int           // renders run at once by this process (and as many light jobs); 0 = insert only
	RenderTimeout time.Duration // a render's timeout before its per-sentence allowance; default 2m
	// RenderPerSentence is added to a render's timeout per sentence, so a
	// long article gets the time it needs and a short one is not left
	// hanging for as long; default 1s.
	RenderPerSentence time.Duration
	RescueAfter       time.Duration // River retries a job still running after max(this, its timeout); default RenderTimeout+1m
	MaxSpokenChars    int           // spoken characters per article; 0 means no limit
	FetchPoll         time.Duration // how often idle workers look for jobs; default 1s
	FeedSweep         time.Duration // how often due feeds are enqueued; default 1m
	MaxAttempts       int           // default 5
	SoftStopTimeout   time.Duration // on Stop, how long running jobs may finish before they are cancelled (and retried); default 10s
	// ReclaimInterval is how often running jobs whose process died are
	// looked for (and at Start); default 10s.
	ReclaimInterval time.Duration
	// WatchInterval is how often a running render checks that its article
	// was neither deleted nor changed; default 1s.
	WatchInterval   time.Duration
	DisablePeriodic bool // no feed sweep (tests)
	Settings        Settings
}

// Client is the one River client of a process, typed on *sql.Tx so it runs
// over SQLite and PostgreSQL alike.
type Client struct {
	river    *river.Client[*sql.Tx]
	deps     Deps
	settings Settings
	defaults []lexicon.Entry // the shipped default lexicon, parsed once
	cfg      Config
	owner    string // River client ID, also the name of this process's liveness lock

	release     func() // frees the liveness lock
	stopReclaim context.CancelFunc
	reclaimDone chan struct{}
	stopOnce    sync.Once
	stopErr     error
}

// New builds the client; Start runs its workers.
func New(deps Deps, cfg Config) (*Client, error) {
	cfg = cfg.withDefaults()
	if deps.Permanent == nil {
		deps.Permanent = IsPermanent
	}
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.DiscardHandler)
	}
	defaults, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	c := &Client{deps: deps, settings: cfg.Settings, cfg: cfg, owner: newOwnerID(), defaults: defaults}
	workers := river.NewWorkers()
	river.AddWorker(workers, &ingestWorker{c: c})
	river.AddWorker(workers, &renderWorker{c: c})
	river.AddWorker(workers, &publishWorker{c: c})
	river.AddWorker(workers, &pollFeedWorker{c: c})
	rc := &river.Config{
		ID:                   c.owner,
		Logger:               deps.Logger,
		Workers:              workers,
		JobTimeout:           cfg.RenderTimeout,
		RescueStuckJobsAfter: cfg.RescueAfter,
		FetchPollInterval:    cfg.FetchPoll,
		FetchCooldown:        min(cfg.FetchPoll, 100*time.Millisecond),
		MaxAttempts:          cfg.MaxAttempts,
		SoftStopTimeout:      cfg.SoftStopTimeout,
	}
	if cfg.Concurrency > 0 {
		// Renders take seconds of CPU; ingest, publish and feed polls take
		// milliseconds of it. In one queue a publish waited behind every
		// render queued before it, so an article whose audio was finished
		// stayed "rendering" for as long as the backlog (p99 create-to-ready
		// 23.9 s at 70% load with a 4.9 s render). Light jobs get slots of
		// their own.
		rc.Queues = map[string]river.QueueConfig{
			QueueRender:        {MaxWorkers: cfg.Concurrency},
			river.QueueDefault: {MaxWorkers: cfg.Concurrency},
		}
		if !cfg.DisablePeriodic {
			rc.PeriodicJobs = []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(cfg.FeedSweep),
				func() (river.JobArgs, *river.InsertOpts) { return PollFeedArgs{}, sweepOpts() },
				&river.PeriodicJobOpts{RunOnStart: true})}
		}
	}
	r, err := river.NewClient[*sql.Tx](deps.Store.RiverDriver(), rc)
	if err != nil {
		return nil, fmt.Errorf("new job client: %w", err)
	}
	c.river = r
	return c, nil
}

func (cfg Config) withDefaults() Config {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.RenderTimeout, 2*time.Minute)
	def(&cfg.RenderPerSentence, time.Second)
	def(&cfg.RescueAfter, cfg.RenderTimeout+time.Minute)
	def(&cfg.FetchPoll, time.Second)
	def(&cfg.FeedSweep, time.Minute)
	def(&cfg.SoftStopTimeout, 10*time.Second)
	def(&cfg.ReclaimInterval, 10*time.Second)
	def(&cfg.WatchInterval, time.Second)
	if cfg.RescueAfter < cfg.RenderTimeout {
		cfg.RescueAfter = cfg.RenderTimeout // River requires it
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 5
	}
	if len(cfg.Settings.Formats) == 0 {
		cfg.Settings.Formats = []string{"mp3", "opus"}
	}
	if cfg.Settings.Disclosure == "" {
		cfg.Settings.Disclosure = "end"
	}
	return cfg
}

// Start takes this process's liveness lock, reclaims the jobs of dead
// processes, and runs the workers (and, on the leader, the feed sweep)
// until Stop.
func (c *Client) Start(ctx context.Context) error {
	if c.cfg.Concurrency == 0 {
		return nil
	}
	release, err := c.deps.Store.HoldOwner(ctx, c.owner)
	if err != nil {
		return fmt.Errorf("start jobs: %w", err)
	}
	c.release = release
	c.recover(ctx)
	if err := c.river.Start(ctx); err != nil {
		release()
		return fmt.Errorf("start jobs: %w", err)
	}
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	c.stopReclaim, c.reclaimDone = cancel, make(chan struct{})
	go func() {
		defer close(c.reclaimDone)
		c.reclaimLoop(rctx)
	}()
	return nil
}

// stopGrace is how long, after SoftStopTimeout cancelled the jobs still
// running, Stop waits for them to return and for River to record their
// errors (which makes them retryable rather than left "running").
const stopGrace = 15 * time.Second

// Stop stops fetching jobs, lets running ones finish for SoftStopTimeout,
// then cancels them; River records the cancellation as an error and
// retries them promptly, so nothing is lost or left running. It waits at
// most SoftStopTimeout plus a grace, whatever ctx says. Calling Stop twice
// is safe.
func (c *Client) Stop(ctx context.Context) error {
	c.stopOnce.Do(func() {
		if c.cfg.Concurrency == 0 {
			return
		}
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.cfg.SoftStopTimeout+stopGrace)
		defer cancel()
		if err := c.river.Stop(sctx); err != nil && !errors.Is(err, context.Canceled) {
			c.stopErr = fmt.Errorf("stop jobs: %w", err)
		}
		if c.stopReclaim != nil {
			c.stopReclaim()
			<-c.reclaimDone
		}
		if c.release != nil && c.stopErr == nil {
			// Still running jobs keep the lock: only our death frees them.
			c.release()
		}
	})
	return c.stopErr
}

// Owner is this process's River client ID.
func (c *Client) Owner() string { return c.owner }

// River exposes the underlying client (tests, subscriptions).
func (c *Client) River() *river.Client[*sql.Tx] { return c.river }

// Settings are the rendition settings in force.
func (c *Client) Settings() Settings { return c.settings }

// completeTx marks job completed inside tx (River's JobCompleteTx, typed
// for our one-driver-interface client).
func completeTx[T river.JobArgs](ctx context.Context, tx *store.Tx, job *river.Job[T]) error {
	if _, err := river.JobCompleteTx[riverdriver.Driver[*sql.Tx]](ctx, tx.SQL(), job); err != nil {
		return fmt.Errorf("complete job %d: %w", job.ID, err)
	}
	return nil
}

// clientFrom is the River client running the current job.
func clientFrom(ctx context.Context) *river.Client[*sql.Tx] {
	return river.ClientFromContext[*sql.Tx](ctx)
}

// observe records a job's outcome for metrics and logs failures: the job
// worker is one of the two places that log (the other is the HTTP edge).
func (c *Client) observe(kind string, job *rivertype.JobRow, start time.Time, err error) {
	state := "completed"
	var cancel *river.JobCancelError
	switch {
	case errors.As(err, &cancel):
		state = "cancelled"
	case err != nil:
		state = "failed"
	}
	if c.deps.Observer != nil {
		c.deps.Observer.JobFinished(kind, state, time.Since(start))
	}
	if err != nil {
		c.deps.Logger.Warn("job did not complete", slog.String("kind", kind), slog.Int64("job_id", job.ID),
			slog.Int("attempt", job.Attempt), slog.String("state", state), slog.String("error", err.Error()))
	}
}

// lastAttempt reports whether a failure now is final.
func lastAttempt(job *rivertype.JobRow) bool { return job.Attempt >= job.MaxAttempts }

// pendingStates makes a job unique among jobs not yet finished, so the
// same step can run again later (a new feed poll, a re-ingest after PUT).
func pendingStates() []rivertype.JobState {
	return []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStatePending,
		rivertype.JobStateRunning, rivertype.JobStateRetryable, rivertype.JobStateScheduled}
}
