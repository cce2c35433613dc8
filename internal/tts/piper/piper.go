// Package piper runs Piper (MIT licence; github.com/rhasspy/piper), a
// neural engine, with voice models the operator provides: aloud cannot
// download them, and Debian does not package Piper (Debian's `piper` is an
// unrelated mouse configuration tool, which is why the binary is probed).
//
// Each model (MODEL.onnx with its MODEL.onnx.json beside it) is a voice,
// piper:MODEL. A voice runs as a pool of long-lived `piper --model MODEL
// --json-input --output_dir DIR` processes (through tts/helper and
// internal/proc): each stdin line is {"text": …}, and Piper answers with
// the path of the WAV it wrote into aloud's directory. Piper reports no word
// timings.
package piper

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"aloud/internal/proc"
	"aloud/internal/tts"
	"aloud/internal/tts/helper"
)

// Options configures the engine.
type Options struct {
	Path    string   // the piper program; "" looks up "piper" on PATH
	Models  []string // paths of .onnx voice models; at least one
	Workers int      // processes per voice; 0 means one per core
	// IdleTimeout stops processes unused this long; 0 means 30 s (a model
	// takes a while to load).
	IdleTimeout time.Duration
}

// Engine is Piper with the configured models, safe for concurrent use.
type Engine struct {
	version string
	tmp     string // Piper's output files, one per request, removed once read
	voices  []tts.Voice
	rates   map[string]int
	pools   map[string]*helper.Pool
}

var _ tts.Engine = (*Engine)(nil)

// model is what aloud reads of MODEL.onnx.json.
type model struct {
	Audio struct {
		SampleRate int `json:"sample_rate"`
	} `json:"audio"`
	Language struct {
		Code string `json:"code"` // "en_US"
	} `json:"language"`
	Espeak struct {
		Voice string `json:"voice"` // "en-us"; older models have only this
	} `json:"espeak"`
}

var versionRE = regexp.MustCompile(`^\s*v?([0-9]+\.[0-9]+(\.[0-9]+)?)\s*$`)

// New checks the models and the program. Errors name the model or the
// program and what is wrong with it.
func New(runner *proc.Runner, opts Options) (*Engine, error) {
	if len(opts.Models) == 0 {
		return nil, errors.New("piper: no voice model configured (ALOUD_PIPER_MODELS)")
	}
	e := &Engine{rates: map[string]int{}, pools: map[string]*helper.Pool{}}
	for _, m := range opts.Models {
		v, rate, err := readModel(m)
		if err != nil {
			return nil, err
		}
		if e.rates[v.Name] != 0 {
			return nil, fmt.Errorf("piper: two models are called %q", v.Name)
		}
		e.voices, e.rates[v.Name] = append(e.voices, v), rate
	}
	path, err := findProgram(runner, opts.Path)
	if err != nil {
		return nil, err
	}
	e.version = path.version
	if e.tmp, err = os.MkdirTemp("", "aloud-piper-"); err != nil {
		return nil, fmt.Errorf("piper: %w", err)
	}
	idle := opts.IdleTimeout
	if idle <= 0 {
		idle = 30 * time.Second
	}
	for i, v := range e.voices {
		e.pools[v.Name] = helper.New(runner, helper.Config{
			Path: path.path, Args: args(opts.Models[i], e.tmp), Workers: opts.Workers, IdleTimeout: idle,
			Codec: codec{dir: e.tmp},
		})
	}
	return e, nil
}

// args builds Piper's command line for one model.
func args(modelPath, outDir string) []string {
	return []string{
		"--model", modelPath, // the .onnx file; Piper finds MODEL.onnx.json beside it
		"--json-input",         // one JSON object per stdin line: {"text": …}
		"--output_dir", outDir, // one WAV per line, its path printed on stdout
	}
}

// readModel reads MODEL.onnx.json: the voice's language and sample rate.
func readModel(path string) (tts.Voice, int, error) {
	if !strings.HasSuffix(path, ".onnx") {
		return tts.Voice{}, 0, fmt.Errorf("piper model %q: want a .onnx file", path)
	}
	if _, err := os.Stat(path); err != nil {
		return tts.Voice{}, 0, fmt.Errorf("piper model: %w", err)
	}
	b, err := os.ReadFile(path + ".json")
	if err != nil {
		return tts.Voice{}, 0, fmt.Errorf("piper model config (Piper needs MODEL.onnx.json beside the model): %w", err)
	}
	var m model
	if err := json.Unmarshal(b, &m); err != nil {
		return tts.Voice{}, 0, fmt.Errorf("piper model config %s: %w", path+".json", err)
	}
	lang := strings.ToLower(strings.ReplaceAll(m.Language.Code, "_", "-"))
	if lang == "" {
		lang = strings.ToLower(m.Espeak.Voice)
	}
	if lang == "" || m.Audio.SampleRate <= 0 {
		return tts.Voice{}, 0, fmt.Errorf("piper model config %s: no language or sample rate", path+".json")
	}
	langs := []string{lang}
	if p, _, ok := strings.Cut(lang, "-"); ok {
		langs = append(langs, p)
	}
	name := strings.TrimSuffix(filepath.Base(path), ".onnx")
	if strings.ContainsAny(name, " \t\r\n:") {
		return tts.Voice{}, 0, fmt.Errorf("piper model %q: the file name must not hold spaces or colons", path)
	}
	return tts.Voice{Engine: "piper", Name: name, Languages: langs}, m.Audio.SampleRate, nil
}

type program struct{ path, version string }

// findProgram resolves Piper and checks that it is Piper: `piper
// --version` prints a bare version number.
func findProgram(runner *proc.Runner, path string) (program, error) {
	if path == "" {
		p, err := proc.LookPath("piper")
		if err != nil {
			return program{}, fmt.Errorf("piper: %w (Piper is not packaged by Debian; set ALOUD_PIPER_BIN)", err)
		}
		path = p
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := runner.Output(ctx, proc.Cmd{Path: path, Args: []string{"--version"}}, 1<<10)
	m := versionRE.FindStringSubmatch(string(out))
	if err != nil || m == nil {
		return program{}, fmt.Errorf("piper: %s --version printed %q, not a Piper version (is it Piper?): %w", path, clip(string(out)), errors.Join(err, errNotPiper))
	}
	return program{path: path, version: "piper-" + m[1]}, nil
}

var errNotPiper = errors.New("not the Piper speech engine")

// Name implements tts.Engine.
func (e *Engine) Name() string { return "piper" }

// Version implements tts.Engine. The model is not part of it: each model
// is its own voice, and the voice is part of the cache key.
func (e *Engine) Version() string { return e.version }

// Voices implements tts.Engine.
func (e *Engine) Voices(context.Context) ([]tts.Voice, error) {
	out := slices.Clone(e.voices)
	for i := range out {
		out[i].Languages = slices.Clone(out[i].Languages)
	}
	return out, nil
}

// Capabilities implements tts.Engine.
func (e *Engine) Capabilities() tts.Capabilities {
	rate := 0
	for _, r := range e.rates {
		if rate == 0 || rate == r {
			rate = r
		} else {
			rate = -1
		}
	}
	return tts.Capabilities{SampleRate: max(rate, 0), Licence: "MIT (Piper); each model has its own licence (see its model card)"}
}

// Synthesize implements tts.Engine.
func (e *Engine) Synthesize(ctx context.Context, voice, text string) (tts.Audio, error) {
	pool, ok := e.pools[voice]
	if !ok {
		return tts.Audio{}, fmt.Errorf("piper voice %q: %w", voice, tts.ErrUnknownVoice)
	}
	if strings.TrimSpace(text) == "" {
		return tts.Audio{}, fmt.Errorf("piper synthesize: %w", tts.ErrEmptyText)
	}
	a, err := pool.Do(ctx, voice, text)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("piper synthesize: %w", err)
	}
	return a, nil
}

// Close implements tts.Engine: stops the processes and removes the
// output directory. It is safe to call twice.
func (e *Engine) Close() error {
	for _, p := range e.pools {
		p.Close()
	}
	return os.RemoveAll(e.tmp)
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
