package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"aloud/internal/api"
	"aloud/internal/audio"
	"aloud/internal/blob"
	"aloud/internal/cache"
	"aloud/internal/config"
	"aloud/internal/feed"
	"aloud/internal/fetch"
	"aloud/internal/jobs"
	"aloud/internal/proc"
	"aloud/internal/render"
	"aloud/internal/store"
	"aloud/internal/tts"
	"aloud/internal/web"
)

func runServe(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("serve", "aloud serve [--addr HOST:PORT] [--data DIR] [--database URL] [--concurrency N]",
		"Run the HTTP API, the job workers and the feed scheduler in one process.\n"+
			"SQLite in DIR/aloud.db by default; PostgreSQL with --database postgres://… or ALOUD_DATABASE_URL.\n"+
			"Every flag has an ALOUD_* variable (see internal/config).", env)
	sf := addServiceFlags(fs, true)
	noWorkers := fs.Bool("no-workers", false, "serve the API only; 'aloud worker' processes run the jobs")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	cfg, err := sf.config(env)
	if err != nil {
		return err
	}
	if *noWorkers {
		cfg.Concurrency = 0 // insert-only job client
		return serve(ctx, cfg, env, true, nil)
	}
	ren, closeRen, err := newRenderer(env, cfg)
	if err != nil {
		return err
	}
	defer closeRen()
	return serve(ctx, cfg, env, true, ren)
}

// serve runs the service until ctx ends, then shuts down gracefully:
// HTTP drains first (with a deadline), then River stops, letting running
// jobs finish for the rest of the deadline and returning unfinished ones
// to the queue.
func serve(ctx context.Context, cfg config.Config, env Env, withHTTP bool, ren jobs.Renderer) error {
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
		pages, err := web.New(svc.store.Reads(), web.Options{PublicURL: cfg.PublicURL, Log: log})
		if err != nil {
			return err
		}
		h := api.New(svc.store, svc.jobs, svc.blobs, svc.metrics, log, api.Options{
			MaxBodyBytes: cfg.MaxBodyBytes, RateLimit: cfg.RateLimit, RateBurst: cfg.RateBurst,
			Ready: pipelineCheck(), Version: Version, PublicURL: cfg.PublicURL, Pages: pages}).Handler()
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
	jc, err := jobs.New(jobs.Deps{
		Store: st, Blobs: blobs, Renderer: ren, Observer: metrics, Logger: log,
		Fetcher:   fetch.New(fetch.Config{AllowHosts: cfg.AllowHosts, UserAgent: fetch.UserAgent(Version)}),
		Extract:   extractHTML,
		ParseFeed: func(r io.Reader) (*feed.Feed, error) { return feed.Parse(r, feed.Options{}) },
	}, jobs.Config{
		Concurrency: cfg.Concurrency, RenderTimeout: cfg.JobTimeout, RescueAfter: cfg.RescueAfter,
		FetchPoll: cfg.FetchPoll, FeedSweep: cfg.FeedSweep, SoftStopTimeout: cfg.ShutdownTimeout,
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

// newRenderer builds the speech pipeline the render job runs: every
// installed engine, the sentence cache under DIR/cache (unless
// ALOUD_CACHE_DIR=off) and the ffmpeg encoder. The returned func stops the
// engines' helper processes.
func newRenderer(env Env, cfg config.Config) (jobs.Renderer, func(), error) {
	ffmpeg, err := proc.LookPath("ffmpeg")
	if err != nil {
		return nil, nil, err
	}
	var c *cache.Cache
	if cfg.CacheDir != "off" {
		if c, err = cache.Open(cfg.CacheDir); err != nil {
			return nil, nil, err
		}
	}
	engines, err := newEngines(env)
	if err != nil {
		return nil, nil, err
	}
	stop := func() {
		for _, e := range engines {
			e.Close()
		}
	}
	enc := audio.NewEncoder(proc.New(runtime.NumCPU()), ffmpeg)
	return &render.Renderer{Engines: tts.NewRegistry(engines...), Cache: c, Encoder: enc}, stop, nil
}

// pipelineCheck resolves the parts a render needs once, at startup (as
// binaries are), and returns the readiness check that reports the result.
func pipelineCheck() func(context.Context) error {
	err := pipelineReady()
	return func(context.Context) error { return err }
}

// pipelineReady reports whether ffmpeg and a speech engine are installed.
func pipelineReady() error {
	var errs []error
	if _, err := proc.LookPath("ffmpeg"); err != nil {
		errs = append(errs, fmt.Errorf("ffmpeg: %w", err))
	}
	engines, err := newEngines(Env{Getenv: os.Getenv})
	if err != nil {
		errs = append(errs, err)
	}
	for _, e := range engines {
		e.Close()
	}
	return errors.Join(errs...)
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level)) // Validate checked it
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

// serviceFlags are the flags serve and worker share; each overrides its
// ALOUD_* variable.
type serviceFlags struct {
	addr, data, database, allow       *string
	publicURL                         *string
	concurrency                       *int
	jobTimeout, rescueAfter, shutdown *time.Duration
	fetchPoll                         *time.Duration
}

func addServiceFlags(fs *flag.FlagSet, http bool) *serviceFlags {
	f := &serviceFlags{}
	if http {
		f.addr = fs.String("addr", "", "listen on `HOST:PORT` (default 127.0.0.1:8080; ALOUD_ADDR)")
		f.publicURL = fs.String("public-url", "", "`URL` every link aloud hands out starts with (default http://ADDR; ALOUD_PUBLIC_URL)")
	}
	f.data = fs.String("data", "", "data `DIR` for the SQLite database and audio (default ./data; ALOUD_DATA)")
	f.database = fs.String("database", "", "database `URL`: postgres://… (default DIR/aloud.db; ALOUD_DATABASE_URL)")
	f.concurrency = fs.Int("concurrency", 0, "jobs run at once by this process (default 2; ALOUD_CONCURRENCY)")
	f.jobTimeout = fs.Duration("job-timeout", 0, "longest a render may take (default 10m; ALOUD_JOB_TIMEOUT)")
	f.rescueAfter = fs.Duration("rescue-after", 0, "retry jobs whose worker died after this long (default 1h; ALOUD_RESCUE_AFTER)")
	f.shutdown = fs.Duration("shutdown-timeout", 0, "drain time on stop (default 15s; ALOUD_SHUTDOWN_TIMEOUT)")
	f.fetchPoll = fs.Duration("fetch-poll", 0, "how often idle workers look for jobs (default 1s; ALOUD_FETCH_POLL)")
	f.allow = fs.String("allow-host", "", "comma-separated `HOSTS` the fetcher may reach on private addresses (ALOUD_ALLOW_HOSTS)")
	return f
}

// config merges ALOUD_* variables, flags and defaults, and validates.
func (f *serviceFlags) config(env Env) (config.Config, error) {
	cfg, err := config.Load(env.Getenv)
	if err != nil {
		return cfg, usageErrorf("%s", strings.ReplaceAll(err.Error(), "\n", "; "))
	}
	set := func(dst *string, v *string) {
		if v != nil && *v != "" {
			*dst = *v
		}
	}
	set(&cfg.Addr, f.addr)
	set(&cfg.PublicURL, f.publicURL)
	set(&cfg.DataDir, f.data)
	set(&cfg.DatabaseURL, f.database)
	if *f.allow != "" {
		cfg.AllowHosts = append(cfg.AllowHosts, strings.Split(*f.allow, ",")...)
	}
	for dst, v := range map[*time.Duration]time.Duration{&cfg.JobTimeout: *f.jobTimeout,
		&cfg.RescueAfter: *f.rescueAfter, &cfg.ShutdownTimeout: *f.shutdown, &cfg.FetchPoll: *f.fetchPoll} {
		if v != 0 {
			*dst = v
		}
	}
	if *f.concurrency != 0 {
		cfg.Concurrency = *f.concurrency
	}
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return cfg, usageErrorf("%s", strings.ReplaceAll(err.Error(), "\n", "; "))
	}
	return cfg, nil
}
