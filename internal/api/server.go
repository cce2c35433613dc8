// Package api is aloud's HTTP surface: the JSON API under /api/v1 (bearer
// keys, one error shape, per-key rate limits), public content-addressed
// audio under /audio/, the OpenAPI document, health checks and Prometheus
// metrics.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"aloud/internal/article"
	"aloud/internal/blob"
	"aloud/internal/ingest"
	"aloud/internal/jobs"
	"aloud/internal/store"
)

// Jobs is what the API asks of the job system; all calls join the
// caller's transaction so that a row and its job commit together.
type Jobs interface {
	SubmitContent(ctx context.Context, tx *store.Tx, a store.Article, content article.Article) error
	EnqueueIngest(ctx context.Context, tx *store.Tx, articleID string) error
	EnqueuePoll(ctx context.Context, tx *store.Tx, feedID string) error
}

// Options tune the server. Zero values use the defaults.
type Options struct {
	MaxBodyBytes int64                           // request body cap; default 5 MiB
	RateLimit    float64                         // requests/s per key; default 20
	RateBurst    int                             // default 40
	Ready        func(ctx context.Context) error // extra readiness checks (engines, ffmpeg)
	Parts        func() map[string]string        // each part of the pipeline: "ok" or why not (for /readyz)
	// MaxInputBytes caps {"text"} input (as the CLI's --max-bytes);
	// 0 means ingest's default, negative none.
	MaxInputBytes int64
	// MaxSpokenChars caps the spoken text of an article; 0 means no limit.
	MaxSpokenChars int
	// CheckURL is the fetcher's guard, applied to a URL to fetch at submit.
	CheckURL func(raw string) error
	// Running reads the running jobs for the stuck-work metrics.
	Running func(ctx context.Context) (jobs.RunningStats, error)
	// CheckVoice refuses an unknown voice, or a language no voice speaks.
	CheckVoice   func(voice, lang string) error
	Version      string
	FeedInterval time.Duration // default poll interval of new feeds; default 15m
	Now          func() time.Time
	// KeyCacheTTL is how long an authenticated key is remembered (see
	// keyCache); default 2s, negative disables.
	KeyCacheTTL time.Duration
	// PublicURL is the base of every URL handed out (audio, timeline,
	// embed), without a trailing slash; "" gives root-relative URLs.
	PublicURL string
	// Pages serves everything outside /api/v1, /audio and the health
	// routes: the article page, the player and the embeds (internal/web).
	Pages http.Handler
	// ClientSalt seeds the daily salt of listener hashes; random when nil.
	ClientSalt []byte
	// FeedbackBurst is how many reports one listener may send at once
	// (then one per 6 s); default 5.
	FeedbackBurst int
}

// Server holds the handlers' dependencies.
type Server struct {
	store   *store.Store
	jobs    Jobs
	blobs   blob.Store
	log     *slog.Logger
	metrics *Metrics
	limiter *limiter
	keys    *keyCache
	public  *publicLimits
	opts    Options
	mux     *http.ServeMux
}

// New builds the server; metrics may be shared with the job workers.
func New(st *store.Store, jobs Jobs, blobs blob.Store, metrics *Metrics, log *slog.Logger, opts Options) *Server {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 5 << 20
	}
	if opts.RateLimit <= 0 {
		opts.RateLimit = 20
	}
	if opts.RateBurst <= 0 {
		opts.RateBurst = 40
	}
	if opts.FeedInterval <= 0 {
		opts.FeedInterval = 15 * time.Minute
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.KeyCacheTTL == 0 {
		opts.KeyCacheTTL = 2 * time.Second
	}
	if metrics == nil {
		metrics = NewMetrics()
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{store: st, jobs: jobs, blobs: blobs, log: log, metrics: metrics,
		limiter: newLimiter(opts.RateLimit, opts.RateBurst, opts.Now),
		keys:    newKeyCache(opts.KeyCacheTTL, opts.Now), public: newPublicLimits(opts.Now, opts.ClientSalt, opts.FeedbackBurst),
		opts: opts, mux: http.NewServeMux()}
	s.routes()
	return s
}

// Handler is the root handler.
func (s *Server) Handler() http.Handler { return s.mux }

// readText reads {"text"} input with the loader the CLI and the ingest
// job use (size cap, charset, language default).
func (s *Server) readText(text, lang, defaultLang string) (article.Article, error) {
	l := ingest.Loader{MaxBytes: s.opts.MaxInputBytes, Language: lang, DefaultLanguage: defaultLang}
	return l.Parse([]byte(text), "", "text/plain")
}
