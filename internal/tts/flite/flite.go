// Package flite runs the flite engine (BSD-style licence), aloud's default
// for English. It prefers the aloud-flite helper (a pool of long-lived
// processes linking libflite, which also report word timings) and falls
// back to one flite CLI process per sentence when the helper is missing.
package flite

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"aloud/internal/proc"
	"aloud/internal/tts"
	"aloud/internal/tts/fold"
	"aloud/internal/tts/helper"
)

// HelperName is the helper program's file name.
const HelperName = "aloud-flite"

// Options configures the engine; see tts.EngineOptions.
type Options = tts.EngineOptions

// Engine is flite, safe for concurrent use.
type Engine struct {
	runner  *proc.Runner
	cli     string       // flite binary; "" when only the helper is installed
	pool    *helper.Pool // nil in CLI mode
	version string
}

var _ tts.Engine = (*Engine)(nil)

// voices are the voices linked into the helper and built into Debian's
// flite. awb_time is left out: it is a limited-domain voice that can only
// say the time of day.
var voices = []tts.Voice{
	{Engine: "flite", Name: "rms", Languages: []string{"en-us", "en"}, Gender: "male"},
	{Engine: "flite", Name: "slt", Languages: []string{"en-us", "en"}, Gender: "female"},
	{Engine: "flite", Name: "kal16", Languages: []string{"en-us", "en"}, Gender: "male"},
	{Engine: "flite", Name: "kal", Languages: []string{"en-us", "en"}, Gender: "male"},
	{Engine: "flite", Name: "awb", Languages: []string{"en-gb-scotland", "en"}, Gender: "male"},
}

// probeTimeout bounds the version probe in New, which has no context of
// its own because callers build engines once at startup.
const probeTimeout = 10 * time.Second

// New finds flite (helper or CLI) and probes its version.
//
// Every helper process holds one of runner's slots while it lives (up to
// Workers, until IdleTimeout without work), so size runner for the helpers
// of every engine plus ffmpeg, for example proc.New(3 * runtime.NumCPU()).
func New(runner *proc.Runner, opts Options) (*Engine, error) {
	e := &Engine{runner: runner}
	helperPath, err := opts.Helper(HelperName)
	if err != nil {
		return nil, err
	}
	cliPath := opts.CLIPath
	if cliPath == "" {
		cliPath, err = proc.LookPath("flite")
		if err != nil && helperPath == "" {
			return nil, fmt.Errorf("new flite engine: %w", err)
		}
	}
	e.cli = cliPath
	ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
	defer cancel()
	if helperPath != "" {
		out, err := runner.Output(ctx, proc.Cmd{Path: helperPath, Args: []string{"--version"}}, 1<<10)
		if err != nil {
			return nil, fmt.Errorf("probe flite helper: %w", err)
		}
		// The helper mode carries its own suffix: its cache entries have
		// word timings, the CLI's do not.
		e.version = strings.TrimSpace(string(out)) + "/helper1/" + fold.Version
		e.pool = helper.New(runner, helper.Config{Path: helperPath, Workers: opts.Workers, IdleTimeout: opts.IdleTimeout})
		return e, nil
	}
	// flite --version prints its version and exits 1, so the output
	// decides, not the exit status.
	out, err := runner.Output(ctx, proc.Cmd{Path: cliPath, Args: []string{"--version"}}, 4<<10)
	v := parseVersion(string(out))
	if v == "" {
		if err == nil {
			err = fmt.Errorf("no version in %q", out)
		}
		return nil, fmt.Errorf("probe flite: %w", err)
	}
	e.version = v + "/cli/" + fold.Version
	return e, nil
}

var versionRE = regexp.MustCompile(`flite-[0-9][0-9.]*`)

// parseVersion turns "version: flite-2.2-current Sep 2018" into
// "flite-2.2", or "" when out names no version.
func parseVersion(out string) string {
	if v := versionRE.FindString(out); v != "" {
		return v
	}
	return ""
}

// Name implements tts.Engine.
func (e *Engine) Name() string { return "flite" }

// Version implements tts.Engine, for example "flite-2.2/helper1".
func (e *Engine) Version() string { return e.version }

// Voices implements tts.Engine.
func (e *Engine) Voices(context.Context) ([]tts.Voice, error) {
	out := slices.Clone(voices)
	for i := range out {
		out[i].Languages = slices.Clone(out[i].Languages)
	}
	return out, nil
}

// Capabilities implements tts.Engine. flite reads bytes as Latin-1 at
// best, so it is ASCII-only: tts.Speak folds its text.
func (e *Engine) Capabilities() tts.Capabilities {
	return tts.Capabilities{
		WordTimings: e.pool != nil, // the helper reports them, the CLI cannot
		SampleRate:  0,             // 16 kHz, but kal is 8 kHz
		Licence:     "BSD-style (flite, CMU)",
		ASCIIOnly:   true,
	}
}

// UsesHelper reports whether the engine runs the helper pool.
func (e *Engine) UsesHelper() bool { return e.pool != nil }

// Synthesize implements tts.Engine.
func (e *Engine) Synthesize(ctx context.Context, voice, text string) (tts.Audio, error) {
	if !slices.ContainsFunc(voices, func(v tts.Voice) bool { return v.Name == voice }) {
		return tts.Audio{}, fmt.Errorf("flite voice %q: %w", voice, tts.ErrUnknownVoice)
	}
	return e.backend().Synthesize(ctx, voice, text)
}

// Close implements tts.Engine.
func (e *Engine) Close() error { return e.backend().Close() }

func (e *Engine) backend() helper.Backend {
	return helper.Backend{Engine: "flite", Pool: e.pool, CLI: e.synthesizeCLI}
}
