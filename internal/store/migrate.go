package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"

	"github.com/riverqueue/river/rivermigrate"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFS embed.FS

// ErrSchemaOutdated is returned by Open (without Migrate) and CheckSchema
// when the database is older than this binary: serving on it would run
// queries against tables that lack columns.
var ErrSchemaOutdated = errors.New("database schema is older than this binary (run aloud serve, which migrates)")

// Migration is one numbered SQL file.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

var migrationName = regexp.MustCompile(`^(\d{4})_([a-z0-9_]+)\.up\.sql$`)

// Migrations lists d's embedded migrations in version order.
func Migrations(d Dialect) ([]Migration, error) {
	dir := path.Join("migrations", d.String())
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []Migration
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("migration %s/%s: name is not NNNN_snake_name.up.sql", dir, e.Name())
		}
		v, _ := strconv.Atoi(m[1])
		b, err := fs.ReadFile(migrationFS, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		out = append(out, Migration{Version: v, Name: m[2], SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS aloud_schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at BIGINT NOT NULL
)`

// migrateLockKey is the PostgreSQL advisory lock that serializes migrations
// of processes starting at the same time.
const migrateLockKey = 0x616c6f7564 // "aloud"

// Migrate applies aloud's pending migrations, each in its own transaction,
// then River's through rivermigrate.
func (s *Store) Migrate(ctx context.Context) error {
	if s.d == Postgres {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		defer c.Close()
		if _, err := c.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrateLockKey); err != nil {
			return fmt.Errorf("migrate: take lock: %w", err)
		}
		defer c.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrateLockKey)
	}
	if err := s.migrateAloud(ctx); err != nil {
		return err
	}
	m, err := rivermigrate.New(s.RiverDriver(), nil)
	if err != nil {
		return fmt.Errorf("migrate river: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate river: %w", err)
	}
	return nil
}

func (s *Store) migrateAloud(ctx context.Context) error {
	all, err := Migrations(s.d)
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, createMigrationsTable); err != nil {
		return fmt.Errorf("migrate: create version table: %w", err)
	}
	cur, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	for _, m := range all {
		if m.Version <= cur {
			continue
		}
		err := s.WithTx(ctx, func(tx *Tx) error {
			if _, err := tx.tx.ExecContext(ctx, m.SQL); err != nil {
				return err
			}
			_, err := tx.exec(ctx, `INSERT INTO aloud_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.Version, m.Name, ms(now()))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %04d_%s: %w", m.Version, m.Name, err)
		}
	}
	return nil
}

// SchemaVersion is the highest applied aloud migration (0 for none).
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := s.queryRow(ctx, `SELECT MAX(version) FROM aloud_schema_migrations`).Scan(&v)
	if err != nil {
		if s.tableMissing(ctx) {
			return 0, nil
		}
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return int(v.Int64), nil
}

func (s *Store) tableMissing(ctx context.Context) bool {
	var n int
	q := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'aloud_schema_migrations'`
	if s.d == Postgres {
		q = `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'aloud_schema_migrations'`
	}
	return s.db.QueryRowContext(ctx, q).Scan(&n) == nil && n == 0
}

// CheckSchema returns ErrSchemaOutdated unless every aloud and River
// migration this binary knows has been applied.
func (s *Store) CheckSchema(ctx context.Context) error {
	all, err := Migrations(s.d)
	if err != nil {
		return err
	}
	cur, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	want := all[len(all)-1].Version
	if cur < want {
		return fmt.Errorf("schema version %d, want %d: %w", cur, want, ErrSchemaOutdated)
	}
	m, err := rivermigrate.New(s.RiverDriver(), nil)
	if err != nil {
		return fmt.Errorf("check river schema: %w", err)
	}
	have, err := m.ExistingVersions(ctx)
	if err != nil || len(have) < len(m.AllVersions()) {
		return fmt.Errorf("river tables missing or old: %w", ErrSchemaOutdated)
	}
	return nil
}
