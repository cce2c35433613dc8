package config_test

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aloud/internal/config"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDefaultsAreValid(t *testing.T) {
	c := config.Config{}.WithDefaults()
	if err := c.Validate(); err != nil {
		t.Fatalf("defaults invalid: %v", err)
	}
	if c.DatabaseURL != filepath.Join("data", "aloud.db") || c.IsPostgres() {
		t.Fatalf("default database: got %q", c.DatabaseURL)
	}
}

func TestLoad(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "db")
	os.WriteFile(secret, []byte("postgres://u:hunter2@db/aloud\n"), 0o600)
	c, err := config.Load(env(map[string]string{
		"ALOUD_ADDR": "0.0.0.0:9000", "ALOUD_CONCURRENCY": "4", "ALOUD_JOB_TIMEOUT": "90s",
		"ALOUD_RATE_LIMIT": "2.5", "ALOUD_FORMATS": "mp3, wav", "ALOUD_DATABASE_URL_FILE": secret,
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "0.0.0.0:9000" || c.Concurrency != 4 || c.JobTimeout != 90*time.Second || c.RateLimit != 2.5 ||
		strings.Join(c.Formats, ",") != "mp3,wav" || c.DatabaseURL != "postgres://u:hunter2@db/aloud" {
		t.Fatalf("loaded: got %+v", c)
	}
	if strings.Contains(c.String(), "hunter2") {
		t.Fatalf("String leaks the password: %s", c)
	}
}

func TestErrorsNameTheField(t *testing.T) {
	for name, tc := range map[string]struct {
		env  map[string]string
		want string
	}{
		"bad int":        {map[string]string{"ALOUD_CONCURRENCY": "many"}, "ALOUD_CONCURRENCY: want an integer"},
		"bad duration":   {map[string]string{"ALOUD_JOB_TIMEOUT": "soon"}, "ALOUD_JOB_TIMEOUT: want a duration"},
		"out of range":   {map[string]string{"ALOUD_CONCURRENCY": "1000"}, "ALOUD_CONCURRENCY: must be between 1 and 256, got 1000"},
		"bad format":     {map[string]string{"ALOUD_FORMATS": "flac"}, `ALOUD_FORMATS: unknown format "flac"`},
		"bad addr":       {map[string]string{"ALOUD_ADDR": "8080"}, `ALOUD_ADDR: want host:port`},
		"bad scheme":     {map[string]string{"ALOUD_DATABASE_URL": "mysql://x"}, `ALOUD_DATABASE_URL: want postgres://`},
		"rescue < job":   {map[string]string{"ALOUD_JOB_TIMEOUT": "2h", "ALOUD_RESCUE_AFTER": "1h"}, "ALOUD_RESCUE_AFTER: must be at least ALOUD_JOB_TIMEOUT"},
		"bad disclosure": {map[string]string{"ALOUD_DISCLOSURE": "loud"}, "ALOUD_DISCLOSURE: must be start, end or off"},
	} {
		t.Run(name, func(t *testing.T) {
			c, err := config.Load(env(tc.env))
			if err == nil {
				err = c.WithDefaults().Validate()
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestFlagsOverrideVariables(t *testing.T) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	f := config.Register(fs, config.Serve)
	if err := fs.Parse([]string{"--allow-host", "a", "--allow-host", "b,c", "--job-timeout", "3m", "--max-bytes", "0"}); err != nil {
		t.Fatal(err)
	}
	c, err := config.Resolve(env(map[string]string{"ALOUD_FETCH_ALLOW_HOSTS": "x", "ALOUD_JOB_TIMEOUT": "1m",
		"ALOUD_CONCURRENCY": "3"}), f)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.AllowHosts, ",") != "a,b,c" || c.JobTimeout != 3*time.Minute || c.Concurrency != 3 || c.MaxInputBytes != -1 {
		t.Fatalf("got %+v", c)
	}
	if c.RescueAfter != 4*time.Minute {
		t.Fatalf("rescue after: got %s, want job timeout + 1m", c.RescueAfter)
	}
	if got := c.RenderTimeout(100); got != 3*time.Minute+100*time.Second {
		t.Fatalf("render timeout of 100 sentences: %s", got)
	}
}

func TestOldAllowHostsVariable(t *testing.T) {
	c, err := config.Load(env(map[string]string{"ALOUD_ALLOW_HOSTS": "a, b"}))
	if err != nil || strings.Join(c.AllowHosts, ",") != "a,b" {
		t.Fatalf("got %v %v", c.AllowHosts, err)
	}
}

func TestSameFlagShapeInEveryCommand(t *testing.T) {
	for _, scope := range []config.Scope{config.Serve, config.Worker, config.Speak, config.Extract} {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		config.Register(fs, scope)
		if err := fs.Parse([]string{"--allow-host", "a", "--allow-host", "b"}); err != nil {
			t.Fatalf("scope %d: %v", scope, err)
		}
		if fs.Lookup("max-bytes") == nil {
			t.Fatalf("scope %d has no --max-bytes", scope)
		}
	}
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	config.Register(fs, config.Serve)
	if err := fs.Parse([]string{"--job-timeout", "soon"}); err == nil || !strings.Contains(err.Error(), "want a duration") {
		t.Fatalf("bad flag value: %v", err)
	}
}

func TestPublicURL(t *testing.T) {
	c := config.Config{Addr: "127.0.0.1:9000"}.WithDefaults()
	if c.PublicURL != "http://127.0.0.1:9000" {
		t.Fatalf("default public URL %q", c.PublicURL)
	}
	c = config.Config{PublicURL: "https://audio.example.com/"}.WithDefaults()
	if c.PublicURL != "https://audio.example.com" || c.Validate() != nil {
		t.Fatalf("trailing slash: %q %v", c.PublicURL, c.Validate())
	}
	for _, bad := range []string{"ftp://x", "audio.example.com", "https://x/?q=1", "https://u:p@x"} {
		c := config.Config{PublicURL: bad}.WithDefaults()
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "ALOUD_PUBLIC_URL") {
			t.Errorf("%q: got %v, want an ALOUD_PUBLIC_URL error", bad, err)
		}
	}
}
