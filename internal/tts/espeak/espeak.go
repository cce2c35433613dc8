// Package espeak runs espeak-ng, aloud's default for languages other than
// English. libespeak-ng is GPL-3.0, so aloud never links it: it runs the
// espeak-ng CLI, or the aloud-espeak helper, a separate GPL-3.0 program
// (helpers/espeak) that keeps the library loaded in long-lived processes
// and reports word positions.
package espeak

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"time"

	"aloud/internal/proc"
	"aloud/internal/tts"
	"aloud/internal/tts/helper"
)

// HelperName is the helper program's file name.
const HelperName = "aloud-espeak"

// Options configures the engine; see tts.EngineOptions.
type Options = tts.EngineOptions

// Engine is espeak-ng, safe for concurrent use.
type Engine struct {
	runner  *proc.Runner
	cli     string       // espeak-ng binary; "" when only the helper is installed
	pool    *helper.Pool // nil in CLI mode
	version string
	voices  []tts.Voice       // listed once in New; read-only afterwards
	best    map[string]string // language → espeak-ng's preferred voice for it
}

var _ tts.Engine = (*Engine)(nil)

// probeTimeout bounds the probes in New, which has no context of its own
// because callers build engines once at startup.
const probeTimeout = 10 * time.Second

// New finds espeak-ng (helper or CLI), probes its version and lists its
// voices.
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
	e.cli = opts.CLIPath
	if e.cli == "" {
		e.cli, err = proc.LookPath("espeak-ng")
		if err != nil && helperPath == "" {
			return nil, fmt.Errorf("new espeak engine: %w", err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
	defer cancel()
	prog, suffix := e.cli, "/cli"
	if helperPath != "" {
		// The helper's cache entries carry word timings, the CLI's do not.
		prog, suffix = helperPath, "/helper1"
	}
	if err := e.probe(ctx, prog); err != nil {
		return nil, err
	}
	e.version += suffix
	if helperPath != "" {
		e.pool = helper.New(runner, helper.Config{Path: helperPath, Workers: opts.Workers, IdleTimeout: opts.IdleTimeout})
	}
	return e, nil
}

// probe reads the version and the voice list from prog, the CLI or the
// helper, which print both in the CLI's format.
func (e *Engine) probe(ctx context.Context, prog string) error {
	out, err := e.runner.Output(ctx, proc.Cmd{Path: prog, Args: []string{"--version"}}, 4<<10)
	if err != nil {
		return fmt.Errorf("probe espeak-ng version: %w", err)
	}
	e.version = parseVersion(string(out))
	out, err = e.runner.Output(ctx, proc.Cmd{Path: prog, Args: []string{"--voices"}}, 1<<20)
	if err != nil {
		return fmt.Errorf("list espeak-ng voices: %w", err)
	}
	e.voices, e.best = parseVoiceTable(string(out))
	if len(e.voices) == 0 {
		return fmt.Errorf("list espeak-ng voices: %s printed none", prog)
	}
	return nil
}

var versionRE = regexp.MustCompile(`text-to-speech: ([0-9][0-9.]*)`)

// parseVersion turns "eSpeak NG text-to-speech: 1.51  Data at: …" into
// "espeak-ng-1.51".
func parseVersion(out string) string {
	if m := versionRE.FindStringSubmatch(out); m != nil {
		return "espeak-ng-" + m[1]
	}
	return "espeak-ng-unknown"
}

// Name implements tts.Engine.
func (e *Engine) Name() string { return "espeak" }

// Version implements tts.Engine, for example "espeak-ng-1.51/helper1".
func (e *Engine) Version() string { return e.version }

// Voices implements tts.Engine; the list was read in New.
func (e *Engine) Voices(context.Context) ([]tts.Voice, error) {
	out := slices.Clone(e.voices)
	for i := range out {
		out[i].Languages = slices.Clone(out[i].Languages)
	}
	return out, nil
}

// VoiceFor is the voice espeak-ng prefers for a lower-case language tag
// ("fr" → "fr-fr"); tts.Registry uses it to pick default voices.
func (e *Engine) VoiceFor(lang string) (string, bool) {
	v, ok := e.best[lang]
	return v, ok
}

// Capabilities implements tts.Engine.
func (e *Engine) Capabilities() tts.Capabilities {
	return tts.Capabilities{
		WordTimings:  e.pool != nil, // the helper reports them, the CLI cannot
		PhonemeInput: true,          // [[...]] phoneme mnemonics
		SampleRate:   22050,
		Licence:      "GPL-3.0-or-later (espeak-ng, run as a separate process)",
	}
}

// UsesHelper reports whether the engine runs the helper pool.
func (e *Engine) UsesHelper() bool { return e.pool != nil }

// Synthesize implements tts.Engine.
func (e *Engine) Synthesize(ctx context.Context, voice, text string) (tts.Audio, error) {
	if !slices.ContainsFunc(e.voices, func(v tts.Voice) bool { return v.Name == voice }) {
		return tts.Audio{}, fmt.Errorf("espeak voice %q: %w", voice, tts.ErrUnknownVoice)
	}
	return e.backend().Synthesize(ctx, voice, text)
}

// Close implements tts.Engine.
func (e *Engine) Close() error { return e.backend().Close() }

func (e *Engine) backend() helper.Backend {
	return helper.Backend{Engine: "espeak", Pool: e.pool, CLI: e.synthesizeCLI}
}
