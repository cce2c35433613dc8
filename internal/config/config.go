// Package config is aloud's configuration: one struct for every command,
// whose zero fields mean "use the default", read from ALOUD_* environment
// variables (a secret may come from NAME_FILE instead) and from the flags
// of the same table (options.go), and validated with messages that name
// the variable.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"time"
)

// Config is everything a command needs; each field is one row of the
// option table in options.go, which names its variable and flag.
type Config struct {
	Addr            string        // ALOUD_ADDR: HTTP listen address
	DataDir         string        // ALOUD_DATA: database (SQLite) and audio directory
	DatabaseURL     string        // ALOUD_DATABASE_URL: postgres://… ; default DataDir/aloud.db (secret)
	Concurrency     int           // ALOUD_CONCURRENCY: renders run at once by this process
	JobTimeout      time.Duration // ALOUD_JOB_TIMEOUT: the floor of a render's timeout
	JobPerSentence  time.Duration // ALOUD_JOB_TIMEOUT_PER_SENTENCE: added to the floor per sentence
	RescueAfter     time.Duration // ALOUD_RESCUE_AFTER: when River retries a job still running; default JobTimeout+1m
	FetchPoll       time.Duration // ALOUD_FETCH_POLL: how often idle workers look for jobs
	FeedSweep       time.Duration // ALOUD_FEED_SWEEP: how often due feeds are polled
	RateLimit       float64       // ALOUD_RATE_LIMIT: API requests per second per key
	RateBurst       int           // ALOUD_RATE_BURST: requests a key may make at once
	MaxBodyBytes    int64         // ALOUD_MAX_BODY_BYTES: request body cap
	MaxInputBytes   int64         // ALOUD_MAX_INPUT_BYTES: plain-text input cap; negative means none
	MaxSpokenChars  int           // ALOUD_MAX_SPOKEN_CHARS: spoken text per article (about 4 h of audio)
	ShutdownTimeout time.Duration // ALOUD_SHUTDOWN_TIMEOUT: drain time for HTTP and jobs
	BlobGrace       time.Duration // ALOUD_BLOB_GRACE: age before unreferenced audio is deleted
	GCInterval      time.Duration // ALOUD_GC_INTERVAL: how often audio GC runs
	Formats         []string      // ALOUD_FORMATS: audio formats rendered (comma-separated)
	Disclosure      string        // ALOUD_DISCLOSURE: spoken AI disclosure: start, end or off
	AllowHosts      []string      // ALOUD_FETCH_ALLOW_HOSTS: private hosts the fetcher may reach
	LogLevel        string        // ALOUD_LOG_LEVEL: debug, info, warn or error
	CacheDir        string        // ALOUD_CACHE_DIR: sentence cache; default DataDir/cache, "off" disables
	PublicURL       string        // ALOUD_PUBLIC_URL: base of every URL aloud hands out; default http://Addr
	Engines         Engines       // ALOUD_TTS_HTTP_*, ALOUD_PIPER_*: engines that need configuring (engines.go)
}

// Defaults of the limits other packages show in messages.
const (
	DefaultMaxInputBytes = 2 << 20
	// DefaultMaxSpokenChars is about four hours of speech: the seed
	// article speaks 2,763 characters in 3:05 (15 characters a second).
	DefaultMaxSpokenChars = 216_000
)

// WithDefaults returns c with every zero field set to its default.
func (c Config) WithDefaults() Config {
	str := func(p *string, v string) {
		if *p == "" {
			*p = v
		}
	}
	dur := func(p *time.Duration, v time.Duration) {
		if *p == 0 {
			*p = v
		}
	}
	str(&c.Addr, "127.0.0.1:8080")
	str(&c.DataDir, "data")
	str(&c.DatabaseURL, filepath.Join(c.DataDir, "aloud.db"))
	str(&c.CacheDir, filepath.Join(c.DataDir, "cache"))
	str(&c.PublicURL, "http://"+c.Addr)
	c.PublicURL = strings.TrimRight(c.PublicURL, "/")
	str(&c.Disclosure, "end")
	str(&c.LogLevel, "info")
	if c.Concurrency == 0 {
		c.Concurrency = 2
	}
	dur(&c.JobTimeout, 2*time.Minute)
	dur(&c.JobPerSentence, time.Second)
	// River retries a job still "running" after this long (a hung or dead
	// worker the liveness check did not catch); it never cuts a render
	// short, since each render's own timeout is longer for long articles.
	dur(&c.RescueAfter, c.JobTimeout+time.Minute)
	dur(&c.FetchPoll, time.Second)
	dur(&c.FeedSweep, time.Minute)
	dur(&c.ShutdownTimeout, 15*time.Second)
	dur(&c.BlobGrace, 24*time.Hour)
	dur(&c.GCInterval, time.Hour)
	if c.RateLimit == 0 {
		c.RateLimit = 20
	}
	if c.RateBurst == 0 {
		c.RateBurst = 40
	}
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = 5 << 20
	}
	if c.MaxInputBytes == 0 {
		c.MaxInputBytes = DefaultMaxInputBytes
	}
	if c.MaxSpokenChars == 0 {
		c.MaxSpokenChars = DefaultMaxSpokenChars
	}
	if len(c.Formats) == 0 {
		c.Formats = []string{"mp3", "opus"}
	}
	return c
}

// RenderTimeout is the timeout of a render of n sentences.
func (c Config) RenderTimeout(n int) time.Duration {
	return c.JobTimeout + time.Duration(n)*c.JobPerSentence
}

// Validate reports every invalid field, each named with its variable.
func (c Config) Validate() error {
	var errs []error
	bad := func(field, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{field}, a...)...))
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		bad("ALOUD_ADDR", "want host:port, got %q", c.Addr)
	}
	if c.DataDir == "" {
		bad("ALOUD_DATA", "must not be empty")
	}
	if strings.Contains(c.DatabaseURL, "://") && !isPostgres(c.DatabaseURL) {
		bad("ALOUD_DATABASE_URL", "want postgres://… or a SQLite file path, got scheme %q", scheme(c.DatabaseURL))
	}
	if c.Concurrency < 1 || c.Concurrency > 256 {
		bad("ALOUD_CONCURRENCY", "must be between 1 and 256, got %d", c.Concurrency)
	}
	checkDur := func(field string, d, lo, hi time.Duration) {
		if d < lo || d > hi {
			bad(field, "must be between %s and %s, got %s", lo, hi, d)
		}
	}
	checkDur("ALOUD_JOB_TIMEOUT", c.JobTimeout, time.Second, 24*time.Hour)
	checkDur("ALOUD_JOB_TIMEOUT_PER_SENTENCE", c.JobPerSentence, 0, time.Minute)
	checkDur("ALOUD_RESCUE_AFTER", c.RescueAfter, time.Second, 7*24*time.Hour)
	checkDur("ALOUD_FETCH_POLL", c.FetchPoll, 10*time.Millisecond, time.Minute)
	checkDur("ALOUD_FEED_SWEEP", c.FeedSweep, time.Second, 24*time.Hour)
	checkDur("ALOUD_SHUTDOWN_TIMEOUT", c.ShutdownTimeout, 0, 10*time.Minute)
	checkDur("ALOUD_BLOB_GRACE", c.BlobGrace, time.Minute, 365*24*time.Hour)
	checkDur("ALOUD_GC_INTERVAL", c.GCInterval, time.Second, 7*24*time.Hour)
	if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		bad("ALOUD_PUBLIC_URL", "want an http(s) URL such as https://audio.example.com, got %q", c.PublicURL)
	}
	if c.RescueAfter < c.JobTimeout {
		bad("ALOUD_RESCUE_AFTER", "must be at least ALOUD_JOB_TIMEOUT (%s), got %s", c.JobTimeout, c.RescueAfter)
	}
	if c.RateLimit <= 0 || c.RateLimit > 1e6 {
		bad("ALOUD_RATE_LIMIT", "must be between 0 (exclusive) and 1000000 requests/s, got %g", c.RateLimit)
	}
	if c.RateBurst < 1 || c.RateBurst > 1e6 {
		bad("ALOUD_RATE_BURST", "must be between 1 and 1000000, got %d", c.RateBurst)
	}
	if c.MaxBodyBytes < 1<<10 || c.MaxBodyBytes > 1<<30 {
		bad("ALOUD_MAX_BODY_BYTES", "must be between 1024 and 1073741824, got %d", c.MaxBodyBytes)
	}
	if c.MaxSpokenChars < 100 || c.MaxSpokenChars > 100_000_000 {
		bad("ALOUD_MAX_SPOKEN_CHARS", "must be between 100 and 100000000, got %d", c.MaxSpokenChars)
	}
	for _, f := range c.Formats {
		if f != "mp3" && f != "opus" && f != "wav" {
			bad("ALOUD_FORMATS", "unknown format %q (want mp3, opus or wav)", f)
		}
	}
	if c.Disclosure != "start" && c.Disclosure != "end" && c.Disclosure != "off" {
		bad("ALOUD_DISCLOSURE", "must be start, end or off, got %q", c.Disclosure)
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		bad("ALOUD_LOG_LEVEL", "must be debug, info, warn or error, got %q", c.LogLevel)
	}
	if err := c.Engines.Validate(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// IsPostgres reports whether the database is PostgreSQL.
func (c Config) IsPostgres() bool { return isPostgres(c.DatabaseURL) }

// String dumps the config with the database password masked.
func (c Config) String() string {
	c.DatabaseURL = Redact(c.DatabaseURL)
	type plain Config // no String method: no recursion
	return fmt.Sprintf("%+v", plain(c))
}

// Redact masks the password of a database URL.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	return u.Redacted()
}

func isPostgres(u string) bool {
	return strings.HasPrefix(u, "postgres://") || strings.HasPrefix(u, "postgresql://")
}

func scheme(u string) string {
	s, _, _ := strings.Cut(u, "://")
	return s
}
