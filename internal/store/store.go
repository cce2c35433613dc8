// Package store holds all of aloud's SQL: publications, API keys, articles
// and their versions, renditions and feeds, on SQLite (the zero-config
// default) or PostgreSQL. Queries are hand-written and portable; the few
// dialect differences live in dialect.go.
//
// With SQLite the pool has exactly one connection (River's recommendation),
// so code running inside WithTx must use only the *Tx it was given: a query
// on the Store from inside a transaction would wait forever for the
// connection the transaction holds.
package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
)

// Store is an open database. It is safe for concurrent use.
type Store struct {
	conn
	db    *sql.DB
	reads *sql.DB    // SQLite: a read-only pool beside the one-connection pool; else db
	stmts *stmtCache // SQLite: prepared statements of the read pool; else nil
	path  string     // SQLite: the database file

	closeOnce sync.Once
	closeErr  error
}

// Options configure Open.
type Options struct {
	// Migrate applies pending migrations (aloud's and River's) before
	// returning. Without it Open refuses a database whose schema is older
	// than this binary's.
	Migrate bool
}

// Open connects to url: a postgres:// or postgresql:// URL, or else the path
// of a SQLite file (optionally prefixed with sqlite: or file:), which is
// created when missing.
func Open(ctx context.Context, url string, opts Options) (*Store, error) {
	d, dsn, err := parseURL(url)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(d.driverName(), dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", d, err)
	}
	d.configurePool(db)
	s := &Store{conn: conn{q: db, d: d, content: newContentCache(1024)}, db: db, reads: db}
	if d == SQLite {
		s.path = strings.TrimPrefix(dsn[:strings.IndexByte(dsn, '?')], "file:")
		// WAL lets readers run beside the writer; API reads get their own
		// pool so they do not queue behind River on the one connection.
		// query_only makes a write through it fail loudly.
		if s.reads, err = sql.Open("sqlite", dsn+"&_pragma=query_only(1)"); err != nil {
			db.Close()
			return nil, fmt.Errorf("open sqlite read pool: %w", err)
		}
		s.reads.SetMaxOpenConns(4)
		s.reads.SetMaxIdleConns(4)
		s.stmts = newStmtCache(s.reads)
	}
	if err := s.Ping(ctx); err != nil {
		s.closePools()
		return nil, err
	}
	if opts.Migrate {
		err = s.Migrate(ctx)
	} else {
		err = s.CheckSchema(ctx)
	}
	if err != nil {
		s.closePools()
		return nil, err
	}
	return s, nil
}

// Reader is a read-only view of the store for hot read paths (the API's
// GETs); its queries may run beside a write in progress.
type Reader struct{ conn }

// Reads returns the read-only view. Data committed before the call is
// visible to it.
func (s *Store) Reads() Reader {
	return Reader{conn{q: s.reads, d: s.d, content: s.content, stmts: s.stmts}}
}

func (s *Store) closePools() error {
	var err error
	if s.stmts != nil {
		err = s.stmts.close()
	}
	err = errors.Join(err, s.db.Close())
	if s.reads != s.db {
		err = errors.Join(err, s.reads.Close())
	}
	return err
}

// Close closes the pool; calling it twice is safe.
func (s *Store) Close() error {
	s.closeOnce.Do(func() { s.closeErr = s.closePools() })
	return s.closeErr
}

// DB is the shared pool, for River.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect says which database this is.
func (s *Store) Dialect() Dialect { return s.d }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("ping %s database: %w", s.d, err)
	}
	return nil
}

// RiverDriver wraps the pool for River: riversqlite or riverdatabasesql,
// both typed on *sql.Tx so one client type serves both databases.
func (s *Store) RiverDriver() riverdriver.Driver[*sql.Tx] {
	if s.d == SQLite {
		return riversqlite.New(s.db)
	}
	return riverdatabasesql.New(s.db)
}

// Tx is a transaction; it has every query method of Store.
type Tx struct {
	conn
	tx *sql.Tx
}

// SQL is the underlying transaction, for River's InsertTx and JobCompleteTx.
func (t *Tx) SQL() *sql.Tx { return t.tx }

// WithTx runs fn in a transaction, committing when it returns nil and
// rolling back otherwise (also when ctx is cancelled mid-way).
func (s *Store) WithTx(ctx context.Context, fn func(tx *Tx) error) error {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	tx := &Tx{conn: conn{q: sqlTx, d: s.d, content: s.content}, tx: sqlTx}
	if err := fn(tx); err != nil {
		// The rollback must run even when ctx is what failed.
		_ = rollback(context.WithoutCancel(ctx), sqlTx)
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit transaction: %w", err)
	}
	return nil
}

func rollback(_ context.Context, tx *sql.Tx) error {
	if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("roll back transaction: %w", err)
	}
	return nil
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// conn carries the resource methods so that Store and Tx both have them.
type conn struct {
	q       querier
	d       Dialect
	content *contentCache // decoded versions, shared by the Store's views
	stmts   *stmtCache    // prepared statements for q, or nil
}

func (c conn) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return c.q.ExecContext(ctx, c.d.rebind(query), args...)
}

func (c conn) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if c.stmts != nil {
		if st, err := c.stmts.get(ctx, c.d.rebind(query)); err == nil {
			return st.QueryContext(ctx, args...)
		}
	}
	return c.q.QueryContext(ctx, c.d.rebind(query), args...)
}

func (c conn) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if c.stmts != nil {
		if st, err := c.stmts.get(ctx, c.d.rebind(query)); err == nil {
			return st.QueryRowContext(ctx, args...)
		}
	}
	return c.q.QueryRowContext(ctx, c.d.rebind(query), args...)
}

// newID returns an opaque random ID with a readable prefix ("art_…").
func newID(prefix string) string {
	return prefix + "_" + strings.ToLower(rand.Text())
}

// ms is t as stored: Unix milliseconds.
func ms(t time.Time) int64 { return t.UnixMilli() }

// fromMS turns a stored time back into UTC.
func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

// now is the current time, truncated to what the database keeps.
func now() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// affectedOne turns "no row updated" into article.ErrNotFound.
func affectedOne(res sql.Result, err error, what string) error {
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, errNotFound)
	}
	return nil
}

// rowScanner is *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

// notFound maps sql.ErrNoRows to the shared not-found sentinel.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return errNotFound
	}
	return err
}
