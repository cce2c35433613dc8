// Package festival runs the Festival speech synthesis system (MIT-style
// licence; Debian `festival`) with its installed voices, notably the HTS
// voice cmu_us_slt_arctic_hts (Debian `festvox-us-slt-hts`), known to
// aloud as festival:us_slt_hts.
//
// Festival is slow to start (about two seconds to load its lexicon and a
// voice) and quick to speak, so it runs as a pool of long-lived
// `festival --pipe` processes (through tts/helper and internal/proc) that
// are sent one Scheme expression per sentence. The expression prints the
// time span of every token (from the utterance's Token and Segment
// relations, which is how Festival reports word timings) and then the
// sentence's WAV on stdout; see codec.go.
package festival

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"aloud/internal/proc"
	"aloud/internal/tts"
	"aloud/internal/tts/fold"
	"aloud/internal/tts/helper"
)

// DefaultVoicesDir is where Debian installs Festival's voices, one
// directory per language group ("us", "english") holding one per voice.
const DefaultVoicesDir = "/usr/share/festival/voices"

// Options configures the engine.
type Options struct {
	Path      string // festival binary; "" looks it up on PATH
	VoicesDir string // "" means DefaultVoicesDir
	Workers   int    // festival processes; 0 means one per core
	// IdleTimeout stops processes unused this long; 0 means 30 s, longer
	// than the helpers' default because a festival start costs seconds.
	IdleTimeout time.Duration
}

// Engine is Festival, safe for concurrent use.
type Engine struct {
	version string
	voices  []tts.Voice
	pool    *helper.Pool
}

var _ tts.Engine = (*Engine)(nil)

const probeTimeout = 10 * time.Second

// New finds festival and its voices. It fails when festival or every
// voice is missing.
func New(runner *proc.Runner, opts Options) (*Engine, error) {
	path := opts.Path
	if path == "" {
		p, err := proc.LookPath("festival")
		if err != nil {
			return nil, fmt.Errorf("new festival engine: %w", err)
		}
		path = p
	}
	dir := opts.VoicesDir
	if dir == "" {
		dir = DefaultVoicesDir
	}
	voices, names, err := listVoices(dir)
	if err != nil {
		return nil, fmt.Errorf("new festival engine: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
	defer cancel()
	out, err := runner.Output(ctx, proc.Cmd{Path: path, Args: []string{"--version"}}, 4<<10)
	if err != nil {
		return nil, fmt.Errorf("probe festival: %w", err)
	}
	idle := opts.IdleTimeout
	if idle <= 0 {
		idle = 30 * time.Second
	}
	return &Engine{
		version: parseVersion(string(out)) + "/pipe1/" + fold.Version,
		voices:  voices,
		pool: helper.New(runner, helper.Config{
			Path: path, Args: []string{"--pipe"}, Workers: opts.Workers, IdleTimeout: idle,
			Codec: codec{names: names},
		}),
	}, nil
}

var versionRE = regexp.MustCompile(`[0-9]+\.[0-9][0-9.]*`)

// parseVersion turns "festival: Festival Speech Synthesis System:
// 2.5.0:release December 2017" into "festival-2.5.0".
func parseVersion(out string) string {
	if v := versionRE.FindString(out); v != "" {
		return "festival-" + v
	}
	return "festival-unknown"
}

// languageDirs maps Festival's voice group directories to BCP 47 tags.
var languageDirs = map[string][]string{
	"us": {"en-us", "en"}, "english": {"en"}, "british": {"en-gb", "en"},
	"spanish": {"es"}, "italian": {"it"}, "czech": {"cs"}, "finnish": {"fi"},
	"russian": {"ru"}, "catalan": {"ca"}, "hindi": {"hi"}, "marathi": {"mr"}, "telugu": {"te"},
}

// genders of the voices Debian packages; Festival's own descriptions say
// the same but cost a two-second start to read.
var genders = map[string]string{
	"slt": "female", "clb": "female", "kal": "male", "ked": "male", "rms": "male",
	"awb": "male", "bdl": "male", "jmk": "male", "ona": "female", "dita": "female",
}

// listVoices reads the voice directories: DIR/GROUP/VOICE. Voice names
// drop Festival's "cmu_" and "_arctic" ("cmu_us_slt_arctic_hts" is
// "us_slt_hts"); names maps them back.
func listVoices(dir string) ([]tts.Voice, map[string]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*"))
	if err != nil || len(paths) == 0 {
		return nil, nil, fmt.Errorf("no festival voice in %s (run scripts/install-deps)", dir)
	}
	sort.Strings(paths)
	var vs []tts.Voice
	names := map[string]string{}
	for _, p := range paths {
		if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
			continue
		}
		full := filepath.Base(p)
		name := strings.Replace(strings.TrimPrefix(full, "cmu_"), "_arctic", "", 1)
		langs, ok := languageDirs[filepath.Base(filepath.Dir(p))]
		if !ok {
			langs = []string{filepath.Base(filepath.Dir(p))}
		}
		names[name] = full
		vs = append(vs, tts.Voice{Engine: "festival", Name: name, Languages: slices.Clone(langs), Gender: genderOf(name)})
	}
	if len(vs) == 0 {
		return nil, nil, fmt.Errorf("no festival voice in %s (run scripts/install-deps)", dir)
	}
	return vs, names, nil
}

func genderOf(name string) string {
	for _, part := range strings.Split(name, "_") {
		if g, ok := genders[part]; ok {
			return g
		}
	}
	return ""
}

// Name implements tts.Engine.
func (e *Engine) Name() string { return "festival" }

// Version implements tts.Engine, for example "festival-2.5.0/pipe1/fold1".
func (e *Engine) Version() string { return e.version }

// Voices implements tts.Engine.
func (e *Engine) Voices(context.Context) ([]tts.Voice, error) {
	out := slices.Clone(e.voices)
	for i := range out {
		out[i].Languages = slices.Clone(out[i].Languages)
	}
	return out, nil
}

// Capabilities implements tts.Engine. Festival reads Latin-1 bytes, so
// it gets folded ASCII like flite.
func (e *Engine) Capabilities() tts.Capabilities {
	return tts.Capabilities{
		WordTimings:  true,
		PhonemeInput: true, // Scheme can hand it segments; aloud does not yet
		SampleRate:   0,    // 32 kHz for us_slt_hts, 16 kHz for diphone voices
		Licence:      "MIT-style (Festival, CMU/Edinburgh); HTS voice: BSD-style",
		ASCIIOnly:    true,
	}
}

// Synthesize implements tts.Engine.
func (e *Engine) Synthesize(ctx context.Context, voice, text string) (tts.Audio, error) {
	if !slices.ContainsFunc(e.voices, func(v tts.Voice) bool { return v.Name == voice }) {
		return tts.Audio{}, fmt.Errorf("festival voice %q: %w", voice, tts.ErrUnknownVoice)
	}
	if strings.TrimSpace(text) == "" {
		return tts.Audio{}, fmt.Errorf("festival synthesize: %w", tts.ErrEmptyText)
	}
	a, err := e.pool.Do(ctx, voice, text)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("festival synthesize: %w", err)
	}
	return a, nil
}

// Close implements tts.Engine.
func (e *Engine) Close() error { return e.pool.Close() }
