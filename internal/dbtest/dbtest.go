// Package dbtest gives tests a fresh database: a temp-file SQLite every
// time, and PostgreSQL at ALOUD_TEST_DATABASE_URL (default
// postgres://root@127.0.0.1:5432/test?sslmode=disable) with a schema of its
// own that is dropped afterwards. An unreachable PostgreSQL skips the test,
// or fails it under ALOUD_TEST_STRICT=1. Test code only.
package dbtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver for schema setup
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	"aloud/internal/store"
	"aloud/internal/testenv"
)

// DefaultPostgresURL is used when ALOUD_TEST_DATABASE_URL is unset.
const DefaultPostgresURL = "postgres://root@127.0.0.1:5432/test?sslmode=disable"

// Dialects are the databases every store test runs on.
var Dialects = []store.Dialect{store.SQLite, store.Postgres}

// Run runs fn as parallel subtests "sqlite" and "postgres", each on a
// fresh, migrated store.
func Run(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(d.String(), func(t *testing.T) {
			t.Parallel()
			if d == store.SQLite {
				fn(t, Open(t, migratedSQLite(t)))
				return
			}
			fn(t, Open(t, URL(t, d)))
		})
	}
}

// template is a migrated SQLite file shared by every test binary: copying
// it is much faster than running every migration (River's included) per
// test. Its name is the hash of all migrations, so a new migration makes a
// new template and a stale one is never used.
var template struct {
	once sync.Once
	path string
	err  error
}

func migratedSQLite(t testing.TB) string {
	t.Helper()
	template.once.Do(func() { template.path, template.err = makeTemplate() })
	if template.err != nil {
		t.Fatalf("make SQLite template: %v", template.err)
	}
	b, err := os.ReadFile(template.path)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "aloud.db")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func makeTemplate() (string, error) {
	h := sha256.New()
	ours, err := store.Migrations(store.SQLite)
	if err != nil {
		return "", err
	}
	for _, m := range ours {
		h.Write([]byte(m.SQL))
	}
	rm, err := rivermigrate.New(riversqlite.New(nil), nil)
	if err != nil {
		return "", err
	}
	for _, m := range rm.AllVersions() {
		h.Write([]byte(m.SQLUp))
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("aloud-dbtest-%x.db", h.Sum(nil)[:8]))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	// Build under a private name, then rename: concurrent test binaries
	// never see a half-made template.
	dir, err := os.MkdirTemp("", "aloud-dbtest-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "template.db")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	s, err := store.Open(ctx, tmp, store.Options{Migrate: true})
	if err != nil {
		return "", err
	}
	// Fold the WAL into the main file so that one file is the whole database.
	_, err = s.DB().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	s.Close()
	if err != nil {
		return "", err
	}
	return path, os.Rename(tmp, path)
}

// Each runs fn as one parallel subtest per dialect with a fresh, empty
// database URL.
func Each(t *testing.T, fn func(t *testing.T, url string)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(d.String(), func(t *testing.T) {
			t.Parallel()
			fn(t, URL(t, d))
		})
	}
}

// URL returns a fresh, empty database of dialect d, removed after the test.
func URL(t testing.TB, d store.Dialect) string {
	t.Helper()
	if d == store.Postgres {
		return PostgresURL(t)
	}
	return filepath.Join(t.TempDir(), "aloud.db")
}

// Open opens (and migrates) the database at url, closed after the test.
func Open(t testing.TB, url string) *store.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	s, err := store.Open(ctx, url, store.Options{Migrate: true})
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// PostgresURL creates a schema of its own on the test server and returns a
// URL whose connections use it (search_path); the schema is dropped when
// the test ends.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv("ALOUD_TEST_DATABASE_URL")
	if base == "" {
		base = DefaultPostgresURL
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		testenv.Missing(t, "PostgreSQL URL unusable: "+err.Error())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		testenv.Missing(t, "PostgreSQL not reachable at "+redact(base)+": "+err.Error())
	}
	schema := "aloudtest_" + strings.ToLower(rand.Text())
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		db.Close()
		t.Fatalf("create test schema: %v", err)
	}
	t.Cleanup(func() {
		defer db.Close()
		// A fresh context: the test's own may be done by now.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse ALOUD_TEST_DATABASE_URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparseable URL)"
	}
	return u.Redacted()
}
