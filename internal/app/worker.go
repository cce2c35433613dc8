package app

import (
	"context"
	"fmt"

	"aloud/internal/config"
)

func runWorker(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("worker", "aloud worker [--data DIR] [--database URL] [--concurrency N]",
		"Run job workers only, for scale-out: start any number of them next to 'aloud serve'\n"+
			"on one PostgreSQL database (and shared audio storage). River hands each job to\n"+
			"exactly one worker.", env)
	flags := config.Register(fs, config.Worker)
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	cfg, err := loadConfig(env, flags)
	if err != nil {
		return err
	}
	pipe, err := newPipeline(env, cfg)
	if err != nil {
		return err
	}
	defer pipe.Close()
	if pipe.missing != nil {
		return fmt.Errorf("cannot render: %w", pipe.missing)
	}
	return serve(ctx, cfg, env, false, pipe, pipe)
}
