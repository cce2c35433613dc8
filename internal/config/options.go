package config

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Scope is the set of commands an option applies to.
type Scope uint8

// The commands that read the configuration.
const (
	Serve Scope = 1 << iota
	Worker
	Speak
	Extract
	Keys
	Feed

	service = Serve | Worker
	all     = Serve | Worker | Speak | Extract | Keys
)

// option is one row of the table: a Config field, its variable, its flag
// (the same name and shape in every command that takes it) and its parser.
type option struct {
	env    string
	alias  string // an older variable name still read when env is unset
	flag   string // "" = variable only
	usage  string
	scope  Scope
	list   bool // repeatable flag; each value may also hold commas
	secret bool // may come from env+"_FILE"
	set    func(c *Config, v string) error
}

// options is the table of every setting.
func options() []option { return append(coreOptions(), engineOptions()...) }

// coreOptions are the settings of the pipeline and the service.
func coreOptions() []option {
	return []option{
		{env: "ALOUD_ADDR", flag: "addr", scope: Serve, usage: "listen on `HOST:PORT` (default 127.0.0.1:8080)",
			set: str(func(c *Config) *string { return &c.Addr })},
		{env: "ALOUD_PUBLIC_URL", flag: "public-url", scope: Serve,
			usage: "`URL` every link aloud hands out starts with: audio, timelines, article pages, embeds (default http://ADDR)",
			set:   str(func(c *Config) *string { return &c.PublicURL })},
		{env: "ALOUD_DATA", flag: "data", scope: service | Keys, usage: "data `DIR` for the SQLite database and audio (default ./data)",
			set: str(func(c *Config) *string { return &c.DataDir })},
		{env: "ALOUD_DATABASE_URL", flag: "database", scope: service | Keys, secret: true,
			usage: "database `URL`: postgres://… (default DIR/aloud.db)",
			set:   str(func(c *Config) *string { return &c.DatabaseURL })},
		{env: "ALOUD_CONCURRENCY", flag: "concurrency", scope: service, usage: "`N` renders run at once by this process (default 2)",
			set: integer(func(c *Config) *int { return &c.Concurrency })},
		{env: "ALOUD_JOB_TIMEOUT", flag: "job-timeout", scope: service,
			usage: "a render's timeout (`DURATION`) before its per-sentence allowance (default 2m)",
			set:   dur(func(c *Config) *time.Duration { return &c.JobTimeout })},
		{env: "ALOUD_JOB_TIMEOUT_PER_SENTENCE", flag: "job-timeout-per-sentence", scope: service,
			usage: "`DURATION` added to a render's timeout per sentence (default 1s)",
			set:   dur(func(c *Config) *time.Duration { return &c.JobPerSentence })},
		{env: "ALOUD_RESCUE_AFTER", flag: "rescue-after", scope: service,
			usage: "retry a job still running after this `DURATION`, past its own timeout (default job-timeout + 1m)",
			set:   dur(func(c *Config) *time.Duration { return &c.RescueAfter })},
		{env: "ALOUD_FETCH_POLL", flag: "fetch-poll", scope: service, usage: "how often (`DURATION`) idle workers look for jobs (default 1s)",
			set: dur(func(c *Config) *time.Duration { return &c.FetchPoll })},
		{env: "ALOUD_FEED_SWEEP", scope: service, set: dur(func(c *Config) *time.Duration { return &c.FeedSweep })},
		{env: "ALOUD_RATE_LIMIT", scope: Serve, set: float(func(c *Config) *float64 { return &c.RateLimit })},
		{env: "ALOUD_RATE_BURST", scope: Serve, set: integer(func(c *Config) *int { return &c.RateBurst })},
		{env: "ALOUD_MAX_BODY_BYTES", scope: Serve, set: int64v(func(c *Config) *int64 { return &c.MaxBodyBytes })},
		{env: "ALOUD_MAX_INPUT_BYTES", flag: "max-bytes", scope: all &^ Keys,
			usage: "largest plain-text input in `BYTES`; 0 for no limit (default 2 MB)", set: maxInput},
		{env: "ALOUD_MAX_SPOKEN_CHARS", flag: "max-spoken-chars", scope: all &^ Keys,
			usage: "most spoken characters (`N`) per article (default 216000, about four hours of audio)",
			set:   integer(func(c *Config) *int { return &c.MaxSpokenChars })},
		{env: "ALOUD_SHUTDOWN_TIMEOUT", flag: "shutdown-timeout", scope: service,
			usage: "on stop, how long (`DURATION`) running renders may finish before they are cancelled and retried (default 15s)",
			set:   dur(func(c *Config) *time.Duration { return &c.ShutdownTimeout })},
		{env: "ALOUD_BLOB_GRACE", scope: service, set: dur(func(c *Config) *time.Duration { return &c.BlobGrace })},
		{env: "ALOUD_GC_INTERVAL", scope: service, set: dur(func(c *Config) *time.Duration { return &c.GCInterval })},
		{env: "ALOUD_FORMATS", scope: service, set: list(func(c *Config) *[]string { return &c.Formats })},
		{env: "ALOUD_DISCLOSURE", flag: "disclosure", scope: service | Speak, usage: "spoken AI disclosure `WHERE`: start, end or off (default end)",
			set: str(func(c *Config) *string { return &c.Disclosure })},
		{env: "ALOUD_FETCH_ALLOW_HOSTS", alias: "ALOUD_ALLOW_HOSTS", flag: "allow-host", scope: all | Feed, list: true,
			usage: "let the fetcher reach `HOST` (name or IP, any port) even on a private or loopback address; repeatable or comma-separated",
			set:   list(func(c *Config) *[]string { return &c.AllowHosts })},
		{env: "ALOUD_LOG_LEVEL", scope: service, set: str(func(c *Config) *string { return &c.LogLevel })},
		{env: "ALOUD_CACHE_DIR", flag: "cache", scope: service | Speak,
			usage: "sentence cache `DIR`, or off (default: DATA/cache for the service, the user cache directory for speak)",
			set:   str(func(c *Config) *string { return &c.CacheDir })},
	}
}

// Flags are the option flags registered on one command's FlagSet.
type Flags struct {
	vals map[string][]string // variable name → values given on the command line
}

// Register adds to fs the flag of every option of scope. Each flag
// overrides its variable; its usage names the variable.
func Register(fs *flag.FlagSet, scope Scope) *Flags {
	f := &Flags{vals: map[string][]string{}}
	for _, o := range options() {
		if o.flag == "" || o.scope&scope == 0 {
			continue
		}
		fs.Var(&flagValue{f: f, o: o}, o.flag, o.usage+"; "+o.env)
	}
	return f
}

type flagValue struct {
	f *Flags
	o option
}

func (v *flagValue) String() string {
	if v == nil || v.f == nil {
		return ""
	}
	return strings.Join(v.f.vals[v.o.env], ",")
}

func (v *flagValue) Set(s string) error {
	if !v.o.list {
		v.f.vals[v.o.env] = nil
	}
	v.f.vals[v.o.env] = append(v.f.vals[v.o.env], s)
	return v.o.set(&Config{}, s) // parse now, so a bad flag is a usage error naming it
}

// Load reads every ALOUD_* variable through getenv. NAME_FILE, where set,
// names a file holding the value of a secret (ALOUD_DATABASE_URL).
func Load(getenv func(string) string) (Config, error) { return LoadWith(getenv, nil) }

// LoadWith reads the variables and lets the flags given on the command
// line override them; it neither fills in defaults nor validates.
func LoadWith(getenv func(string) string, flags *Flags) (Config, error) {
	var c Config
	var errs []error
	for _, o := range options() {
		v, err := o.value(getenv, flags)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if v == "" {
			continue
		}
		if err := o.set(&c, v); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", o.env, err))
		}
	}
	return c, errors.Join(errs...)
}

// Resolve is LoadWith, WithDefaults and Validate in one step.
func Resolve(getenv func(string) string, flags *Flags) (Config, error) {
	c, err := LoadWith(getenv, flags)
	if err != nil {
		return c, err
	}
	c = c.WithDefaults()
	return c, c.Validate()
}

func (o option) value(getenv func(string) string, flags *Flags) (string, error) {
	if flags != nil {
		if vs, ok := flags.vals[o.env]; ok {
			return strings.Join(vs, ","), nil
		}
	}
	if o.secret {
		if path := strings.TrimSpace(getenv(o.env + "_FILE")); path != "" {
			b, err := os.ReadFile(path)
			if err != nil {
				return "", fmt.Errorf("%s_FILE: %w", o.env, err)
			}
			return strings.TrimSpace(string(b)), nil
		}
	}
	v := strings.TrimSpace(getenv(o.env))
	if v == "" && o.alias != "" {
		v = strings.TrimSpace(getenv(o.alias))
	}
	return v, nil
}

func str(field func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error { *field(c) = v; return nil }
}

func integer(field func(*Config) *int) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return fmt.Errorf("want an integer, got %q", v)
		}
		*field(c) = n
		return nil
	}
}

func int64v(field func(*Config) *int64) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			return fmt.Errorf("want an integer, got %q", v)
		}
		*field(c) = n
		return nil
	}
}

// maxInput reads a size limit where 0 or less means none (stored as -1,
// since the zero value means "default").
func maxInput(c *Config, v string) error {
	if err := int64v(func(c *Config) *int64 { return &c.MaxInputBytes })(c, v); err != nil {
		return err
	}
	if c.MaxInputBytes <= 0 {
		c.MaxInputBytes = -1
	}
	return nil
}

func float(field func(*Config) *float64) func(*Config, string) error {
	return func(c *Config, v string) error {
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return fmt.Errorf("want a number, got %q", v)
		}
		*field(c) = f
		return nil
	}
}

func dur(field func(*Config) *time.Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := time.ParseDuration(strings.TrimSpace(v))
		if err != nil {
			return fmt.Errorf("want a duration such as 30s or 5m, got %q", v)
		}
		*field(c) = d
		return nil
	}
}

func list(field func(*Config) *[]string) func(*Config, string) error {
	return func(c *Config, v string) error {
		for _, f := range strings.Split(v, ",") {
			if f = strings.TrimSpace(f); f != "" {
				*field(c) = append(*field(c), f)
			}
		}
		return nil
	}
}
