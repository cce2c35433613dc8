package store_test

import (
	"context"
	"errors"
	"testing"

	"aloud/internal/dbtest"
	"aloud/internal/store"
)

// Numbering must be contiguous from 1, and both dialects must have the
// same versions with the same names, so neither can drift.
func TestMigrationsContiguousAndMatched(t *testing.T) {
	t.Parallel()
	lite, err := store.Migrations(store.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := store.Migrations(store.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	for name, ms := range map[string][]store.Migration{"sqlite": lite, "postgres": pg} {
		if len(ms) == 0 {
			t.Fatalf("%s: no migrations", name)
		}
		for i, m := range ms {
			if m.Version != i+1 {
				t.Errorf("%s: migration %d has version %d, want %d (numbering must be contiguous)", name, i, m.Version, i+1)
			}
		}
	}
	if len(lite) != len(pg) {
		t.Fatalf("got %d sqlite and %d postgres migrations, want the same", len(lite), len(pg))
	}
	for i := range lite {
		if lite[i].Version != pg[i].Version || lite[i].Name != pg[i].Name {
			t.Errorf("migration %d: sqlite %04d_%s, postgres %04d_%s", i, lite[i].Version, lite[i].Name, pg[i].Version, pg[i].Name)
		}
	}
}

func TestOpenRefusesOlderSchema(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, url string) {
		ctx := context.Background()
		if _, err := store.Open(ctx, url, store.Options{}); !errors.Is(err, store.ErrSchemaOutdated) {
			t.Fatalf("open of empty database without migrate: got %v, want ErrSchemaOutdated", err)
		}
		s := dbtest.Open(t, url) // migrates
		v, err := s.SchemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		all, _ := store.Migrations(s.Dialect())
		if v != all[len(all)-1].Version {
			t.Fatalf("schema version %d after migrate, want %d", v, all[len(all)-1].Version)
		}
		s2, err := store.Open(ctx, url, store.Options{})
		if err != nil {
			t.Fatalf("open of migrated database: %v", err)
		}
		s2.Close()
		// Migrating again is a no-op.
		if err := s.Migrate(ctx); err != nil {
			t.Fatalf("second migrate: %v", err)
		}
		// Simulate a database one migration behind this binary.
		if _, err := s.DB().ExecContext(ctx, `DELETE FROM aloud_schema_migrations WHERE version = (SELECT MAX(version) FROM aloud_schema_migrations)`); err != nil {
			t.Fatal(err)
		}
		if err := s.CheckSchema(ctx); !errors.Is(err, store.ErrSchemaOutdated) {
			t.Fatalf("check of older schema: got %v, want ErrSchemaOutdated", err)
		}
	})
}
