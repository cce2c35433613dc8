package app

import (
	"aloud/internal/article"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"aloud/internal/api"
	"aloud/internal/blob"
	"aloud/internal/config"
	"aloud/internal/feed"
	"aloud/internal/fetch"
	"aloud/internal/jobs"
	"aloud/internal/store"
	"aloud/internal/tts"
	"aloud/internal/web"
)

func runServe(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("serve", "aloud serve [--addr HOST:PORT] [--data DIR] [--database URL] [--concurrency N]",
		"Run the HTTP API, the job workers and the feed scheduler in one process.\n"+
			"SQLite in DIR/aloud.db by default; PostgreSQL with --database postgres://… or ALOUD_DATABASE_URL.\n"+
			"Every flag has an ALOUD_* variable (see internal/config).", env)
	flags := config.Register(fs, config.Serve)
	noWorkers := fs.Bool("no-workers", false, "serve the API only; 'aloud worker' processes run the jobs")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	cfg, err := loadConfig(env, flags)
	if err != nil {
		return err
	}
	if *noWorkers {
		cfg.CacheDir = "off" // renders nothing; the engines only answer which voices exist
	}
	pipe, err := newPipeline(env, cfg)
	if err != nil {
		return err
	}
	defer pipe.Close()
	if pipe.missing != nil && !*noWorkers {
		// The API still answers (and /readyz says what is missing); jobs
		// wait in the queue for a worker that can render.
		fmt.Fprintf(env.Stderr, "aloud: cannot render, running the API without job workers: %s\n",
			strings.Join(strings.Fields(pipe.missing.Error()), " "))
		*noWorkers = true
	}
	if *noWorkers {
		cfg.Concurrency = 0 // insert-only job client
	}
	return serve(ctx, cfg, env, true, pipe, pipe)
}

// serve runs the service until ctx ends, then shuts down gracefully:
// HTTP drains first (with a deadline); River stops fetching, lets running
// jobs finish for ALOUD_SHUTDOWN_TIMEOUT, then cancels them, which returns
// them to the queue (jobs.Client.Stop).
func serve(ctx context.Context, cfg config.Config, env Env, withHTTP bool, ren jobs.Renderer, pipe *pipeline) error {
	log := newLogger(env.Stderr, cfg.LogLevel)
	svc, err := openService(ctx, cfg, log, ren)
	if err != nil {
		return err
	}
	defer svc.close()
	var srv *http.Server
	var ln net.Listener
	if withHTTP {
		ln, err = net.Listen("tcp", cfg.Addr)
		if err != nil {
			return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
		}
		opts := apiOptions(cfg, pipe)
		opts.Running = svc.jobs.Running
		if opts.Pages, err = web.New(svc.store.Reads(), web.Options{PublicURL: cfg.PublicURL, Log: log}); err != nil {
			ln.Close()
			return err
		}
		h := api.New(svc.store, svc.jobs, svc.blobs, svc.metrics, log, opts).Handler()
		// No WriteTimeout: audio responses stream for as long as a listener
		// needs; ReadHeaderTimeout bounds slow clients.
		srv = &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
			ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	}
	if err := svc.jobs.Start(ctx); err != nil {
		return err
	}
	g, gctx := errgroup.WithContext(ctx)
	if srv != nil {
		log.Info("serving", slog.String("addr", ln.Addr().String()), slog.String("database", svc.store.Dialect().String()))
		g.Go(func() error {
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return fmt.Errorf("serve http: %w", err)
			}
			return nil
		})
	} else {
		log.Info("working", slog.String("database", svc.store.Dialect().String()), slog.Int("concurrency", cfg.Concurrency))
	}
	g.Go(func() error { return svc.gcLoop(gctx, cfg) })
	g.Go(func() error {
		<-gctx.Done()
		return svc.shutdown(srv, cfg.ShutdownTimeout)
	})
	err = g.Wait()
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	log.Info("stopped")
	return err
}

// service is every long-lived part of serve and worker.
type service struct {
	store   *store.Store
	blobs   *blob.Local
	jobs    *jobs.Client
	metrics *api.Metrics
	log     *slog.Logger
}

func openService(ctx context.Context, cfg config.Config, log *slog.Logger, ren jobs.Renderer) (*service, error) {
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("create data dir: %w", err)
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, store.Options{Migrate: true})
	if err != nil {
		return nil, err
	}
	blobs, err := blob.NewLocal(filepath.Join(cfg.DataDir, "audio"))
	if err != nil {
		st.Close()
		return nil, err
	}
	metrics := api.NewMetrics()
	loader := newLoader(cfg, "", "")
	jc, err := jobs.New(jobs.Deps{
		Store: st, Blobs: blobs, Renderer: ren, Observer: metrics, Logger: log,
		Fetcher: loader.Fetcher.(*fetch.Fetcher),
		Load: func(ctx context.Context, in jobs.Input, lang, defaultLang string) (article.Article, error) {
			l := *loader // per article: its language and its publication's default
			l.Language, l.DefaultLanguage = lang, defaultLang
			if in.HTML != "" {
				return l.Parse([]byte(in.HTML), in.URL, "text/html")
			}
			return l.Load(ctx, in.URL, nil)
		},
		ParseFeed: func(r io.Reader) (*feed.Feed, error) { return feed.Parse(r, feed.Options{}) },
	}, jobs.Config{
		Concurrency: cfg.Concurrency, RenderTimeout: cfg.JobTimeout, RenderPerSentence: cfg.JobPerSentence,
		RescueAfter: cfg.RescueAfter, FetchPoll: cfg.FetchPoll, FeedSweep: cfg.FeedSweep,
		SoftStopTimeout: cfg.ShutdownTimeout, MaxSpokenChars: cfg.MaxSpokenChars,
		Settings: jobs.Settings{Formats: cfg.Formats, Disclosure: cfg.Disclosure},
	})
	if err != nil {
		st.Close()
		return nil, err
	}
	return &service{store: st, blobs: blobs, jobs: jc, metrics: metrics, log: log}, nil
}

func (s *service) shutdown(srv *http.Server, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var errs []error
	if srv != nil {
		if err := srv.Shutdown(ctx); err != nil {
			errs = append(errs, fmt.Errorf("shut down http: %w", err))
		}
	}
	// River's soft stop waits for running jobs up to SoftStopTimeout, then
	// cancels them; cancelled jobs are retried, never lost.
	if err := s.jobs.Stop(ctx); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func (s *service) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s.jobs.Stop(ctx) // no-op after shutdown
	s.store.Close()
}

// gcLoop deletes audio no rendition refers to once it is older than the
// grace period, and scratch files of renders that died.
func (s *service) gcLoop(ctx context.Context, cfg config.Config) error {
	t := time.NewTicker(cfg.GCInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		refs, err := s.store.ReferencedBlobs(ctx)
		if err != nil {
			s.log.Warn("audio gc skipped", slog.String("error", err.Error()))
			continue
		}
		n, err := blob.GC(ctx, s.blobs, refs, cfg.BlobGrace, time.Now())
		m, terr := s.blobs.CleanTemp(ctx, cfg.BlobGrace, time.Now())
		if err = errors.Join(err, terr); err != nil {
			s.log.Warn("audio gc failed", slog.String("error", err.Error()))
		}
		if n+m > 0 {
			s.log.Info("audio gc", slog.Int("deleted", n), slog.Int("scratch_deleted", m))
		}
	}
}

// apiOptions are the API's settings and its checks at submit, which use
// the same voices, fetcher guard and limits as the jobs.
func apiOptions(cfg config.Config, pipe *pipeline) api.Options {
	guard := newFetcher(cfg)
	o := api.Options{
		MaxBodyBytes: cfg.MaxBodyBytes, RateLimit: cfg.RateLimit, RateBurst: cfg.RateBurst,
		MaxInputBytes: cfg.MaxInputBytes, MaxSpokenChars: cfg.MaxSpokenChars,
		Version: Version, CheckURL: guard.CheckURL, PublicURL: cfg.PublicURL,
	}
	if pipe != nil { // nil only in tests that stand in for the pipeline
		o.Ready, o.Parts = pipe.Ready, pipe.Parts
		if len(pipe.engines) > 0 {
			o.CheckVoice = voiceCheck(pipe.voices)
		}
	}
	return o
}

// voiceCheck refuses a voice no installed engine has, and a language no
// installed voice speaks; messages are for API clients.
func voiceCheck(reg *tts.Registry) func(voice, lang string) error {
	return func(voice, lang string) error {
		if voice != "" {
			if _, _, err := reg.Lookup(voice); err != nil {
				return fmt.Errorf("unknown voice %q", voice)
			}
			return nil
		}
		if lang != "" && reg.DefaultVoice(lang) == "" {
			return fmt.Errorf("no installed voice speaks %q", lang)
		}
		return nil
	}
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level)) // Validate checked it
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}
