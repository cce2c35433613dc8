package app

import "context"

func runWorker(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("worker", "aloud worker [--data DIR] [--database URL] [--concurrency N]",
		"Run job workers only, for scale-out: start any number of them next to 'aloud serve'\n"+
			"on one PostgreSQL database (and shared audio storage). River hands each job to\n"+
			"exactly one worker.", env)
	sf := addServiceFlags(fs, false)
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	cfg, err := sf.config(env)
	if err != nil {
		return err
	}
	ren, closeRen, err := newRenderer(env, cfg)
	if err != nil {
		return err
	}
	defer closeRen()
	return serve(ctx, cfg, env, false, ren)
}
