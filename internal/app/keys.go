package app

import (
	"context"
	"fmt"
	"os"
	"strings"

	"aloud/internal/config"
	"aloud/internal/store"
)

func runKeys(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("keys", "aloud keys create --publication NAME [--data DIR] [--database URL] [--name LABEL]",
		"Create an API key for a publication, creating the database and the publication\n"+
			"when missing. Prints only the key on stdout; it is stored hashed and shown once.", env)
	flags := config.Register(fs, config.Keys)
	pub := fs.String("publication", "", "publication `NAME` (required)")
	name := fs.String("name", "", "a label for the key")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "create" {
		return usageErrorf("keys: want 'aloud keys create --publication NAME'")
	}
	if strings.TrimSpace(*pub) == "" {
		return usageErrorf("keys create: --publication is required")
	}
	cfg, err := loadConfig(env, flags)
	if err != nil {
		return err
	}
	if !cfg.IsPostgres() {
		if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
			return fmt.Errorf("create data dir: %w", err)
		}
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, store.Options{Migrate: true})
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := st.EnsurePublication(ctx, strings.TrimSpace(*pub))
	if err != nil {
		return err
	}
	_, secret, err := st.CreateAPIKey(ctx, p.ID, *name)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, secret)
	return nil
}
