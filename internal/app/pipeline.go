package app

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"aloud/internal/audio"
	"aloud/internal/cache"
	"aloud/internal/config"
	"aloud/internal/proc"
	"aloud/internal/render"
	"aloud/internal/tts"
	"aloud/internal/tts/espeak"
	"aloud/internal/tts/festival"
	"aloud/internal/tts/flite"
)

// pipeline is the speech pipeline as every command builds it: the
// installed engines, the sentence cache, ffmpeg and the renderer over them,
// plus what was not found, for the startup line and /readyz.
type pipeline struct {
	engines  []tts.Engine
	voices   *tts.Registry
	renderer *render.Renderer // nil when the pipeline cannot render
	parts    map[string]string
	missing  error // why renderer is nil
}

// newPipeline finds ffmpeg and every engine; a part that is missing is
// recorded, never fatal here (serve still answers with /readyz saying
// which). Each missing part gets one line on env.Stderr. Only a broken
// cache directory is an error.
func newPipeline(env Env, cfg config.Config) (*pipeline, error) {
	p := &pipeline{parts: map[string]string{}}
	var c *cache.Cache
	if cfg.CacheDir != "" && cfg.CacheDir != "off" {
		var err error
		if c, err = cache.Open(cfg.CacheDir); err != nil {
			return nil, err
		}
	}
	ffmpeg, ffErr := proc.LookPath("ffmpeg")
	p.note("ffmpeg", ffErr)
	// Helpers hold a runner slot each while they live: room for every
	// engine's pool (flite, espeak, festival, one per Piper model).
	runner := proc.New((4 + len(cfg.Engines.PiperModels)) * runtime.NumCPU())
	fl, err := flite.New(runner, flite.Options{Getenv: env.Getenv})
	if p.note("flite", err) {
		p.engines = append(p.engines, fl)
	}
	es, err := espeak.New(runner, espeak.Options{Getenv: env.Getenv})
	if p.note("espeak-ng", err) {
		p.engines = append(p.engines, es)
	}
	// Festival is optional: noted for /readyz, not announced on stderr.
	if fe, err := festival.New(runner, festival.Options{}); p.note("festival", err) {
		p.engines = append(p.engines, fe)
	}
	configured, err := newConfiguredEngines(runner, cfg.Engines)
	if err != nil {
		p.Close()
		return nil, err
	}
	p.engines = append(p.engines, configured...)
	p.voices = tts.NewRegistry(p.engines...)
	for _, name := range []string{"ffmpeg", "flite", "espeak-ng"} {
		if s := p.parts[name]; s != "ok" && env.Stderr != nil {
			fmt.Fprintf(env.Stderr, "aloud: %s unavailable: %s\n", name, s)
		}
	}
	var errs []error
	if ffErr != nil {
		errs = append(errs, fmt.Errorf("ffmpeg: %s", p.parts["ffmpeg"]))
	}
	if len(p.engines) == 0 {
		errs = append(errs, fmt.Errorf("no speech engine: flite: %s; espeak-ng: %s", p.parts["flite"], p.parts["espeak-ng"]))
	}
	if p.missing = errors.Join(errs...); p.missing == nil {
		enc := audio.NewEncoder(proc.New(runtime.NumCPU()), ffmpeg)
		p.renderer = &render.Renderer{Engines: p.voices, Cache: c, Encoder: enc}
	}
	return p, nil
}

// note records a part as "ok" or its error on one line; it reports ok.
func (p *pipeline) note(name string, err error) bool {
	if err != nil {
		p.parts[name] = strings.Join(strings.Fields(err.Error()), " ")
		return false
	}
	p.parts[name] = "ok"
	return true
}

// Render is the renderer when the pipeline is complete.
func (p *pipeline) Render(ctx context.Context, req render.Request) (render.Result, error) {
	if p.renderer == nil {
		return render.Result{}, p.missing
	}
	return p.renderer.Render(ctx, req)
}

// Ready is the readiness check: nil when the pipeline can render.
func (p *pipeline) Ready(context.Context) error { return p.missing }

// Parts reports each part ("ok" or why not) for /readyz.
func (p *pipeline) Parts() map[string]string { return p.parts }

// Close stops the engines' helper processes.
func (p *pipeline) Close() {
	for _, e := range p.engines {
		e.Close()
	}
}
