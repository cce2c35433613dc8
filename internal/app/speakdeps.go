package app

import (
	"context"
	"runtime"

	"aloud/internal/audio"
	"aloud/internal/cache"
	"aloud/internal/ingest"
	"aloud/internal/proc"
	"aloud/internal/render"
	"aloud/internal/tts"
)

// speakDeps are the long-lived parts `aloud speak` wires together.
type speakDeps struct {
	loader   *ingest.Loader
	renderer *render.Renderer
	engines  []tts.Engine
}

func newSpeakDeps(ctx context.Context, env Env, o speakOptions) (*speakDeps, error) {
	loader, err := newLoader(env, o.lang, o.allow...)
	if err != nil {
		return nil, err
	}
	if o.maxBytes > 0 {
		loader.MaxBytes = o.maxBytes
	}
	var c *cache.Cache
	if !o.noCache {
		dir := o.cacheDir
		if dir == "" {
			if dir, err = cache.DefaultDir(); err != nil {
				return nil, err
			}
		}
		if c, err = cache.Open(dir); err != nil {
			return nil, err
		}
	}
	ffmpeg, err := proc.LookPath("ffmpeg")
	if err != nil {
		return nil, err
	}
	engines, err := newEngines(env)
	if err != nil {
		return nil, err
	}
	enc := audio.NewEncoder(proc.New(runtime.NumCPU()), ffmpeg)
	return &speakDeps{
		loader:   loader,
		engines:  engines,
		renderer: &render.Renderer{Engines: tts.NewRegistry(engines...), Cache: c, Encoder: enc},
	}, nil
}

// Close stops the engines' helper processes.
func (d *speakDeps) Close() {
	for _, e := range d.engines {
		e.Close()
	}
}
