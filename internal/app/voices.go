package app

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"

	"aloud/internal/config"
	"aloud/internal/fetch"
	"aloud/internal/proc"
	"aloud/internal/tts"
	"aloud/internal/tts/espeak"
	"aloud/internal/tts/festival"
	"aloud/internal/tts/flite"
	"aloud/internal/tts/piper"
	"aloud/internal/tts/speechhttp"
)

func runVoices(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("voices", "aloud voices [--lang TAG] [--sample VOICE [-o FILE]]",
		"List the voices of the installed speech engines: engine, languages, gender where known,\n"+
			"licence and capabilities (word timings for read-along, phoneme input, sample rate).\n"+
			"Use a voice with 'aloud speak --voice ENGINE:NAME'; hear one with --sample.", env)
	lang := fs.String("lang", "", "only voices speaking this language (BCP 47, for example de or en-GB)")
	sample := fs.String("sample", "", "render a short sample of `VOICE` (engine:name) instead of listing")
	out := fs.String("o", "", "with --sample, the output `FILE` (.mp3, .opus or .wav; - for stdout; default VOICE-sample.mp3)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("voices: unexpected argument %q", pos[0])
	}
	if *sample != "" {
		return sampleVoice(ctx, env, *sample, *out)
	}
	if *out != "" {
		return usageErrorf("voices: -o needs --sample")
	}
	engines, err := newEngines(env)
	if err != nil {
		return err
	}
	defer func() {
		for _, e := range engines {
			e.Close()
		}
	}()
	reg := tts.NewRegistry(engines...)
	return printVoices(env, reg, strings.ToLower(*lang))
}

// newEngines builds every speech engine that is installed or configured;
// it fails when none is, or when a configured one (ALOUD_TTS_HTTP_*,
// ALOUD_PIPER_*) is configured wrongly.
func newEngines(env Env) ([]tts.Engine, error) {
	cfg, err := config.LoadEngines(env.Getenv)
	if err != nil {
		return nil, err
	}
	// Helpers hold a runner slot each while they live: room for every
	// engine's pool (flite, espeak, festival, one per Piper model).
	runner := proc.New((4 + len(cfg.PiperModels)) * runtime.NumCPU())
	var engines []tts.Engine
	var errs []error
	add := func(e tts.Engine, err error) {
		if err != nil {
			errs = append(errs, err)
			return
		}
		engines = append(engines, e)
	}
	add(flite.New(runner, flite.Options{Getenv: env.Getenv}))
	add(espeak.New(runner, espeak.Options{Getenv: env.Getenv}))
	add(festival.New(runner, festival.Options{}))
	configured, err := newConfiguredEngines(runner, cfg)
	if err != nil {
		for _, e := range engines {
			e.Close()
		}
		return nil, err
	}
	engines = append(engines, configured...)
	if len(engines) == 0 {
		return nil, fmt.Errorf("no speech engine installed: %w", errors.Join(errs...))
	}
	for _, err := range errs {
		fmt.Fprintf(env.Stderr, "aloud: engine unavailable: %s\n", strings.Join(strings.Fields(err.Error()), " "))
	}
	return engines, nil
}

// newConfiguredEngines builds the engines the operator configured: a
// speech server and Piper. Unlike a missing local engine, a configured one
// that cannot start is an error.
func newConfiguredEngines(runner *proc.Runner, cfg config.Engines) ([]tts.Engine, error) {
	var out []tts.Engine
	if cfg.HTTPURL != "" {
		e, err := speechhttp.New(speechhttp.Options{
			BaseURL: cfg.HTTPURL, Model: cfg.HTTPModel, Voices: cfg.HTTPVoices, Languages: cfg.HTTPLanguages,
			APIKey: cfg.HTTPAPIKey, Licence: cfg.HTTPLicence, Timeout: cfg.HTTPTimeout,
			Concurrency: cfg.HTTPConcurrency, Retries: cfg.HTTPRetries, UserAgent: fetch.UserAgent(Version),
		})
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if len(cfg.PiperModels) > 0 {
		e, err := piper.New(runner, piper.Options{Path: cfg.PiperBin, Models: cfg.PiperModels})
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func printVoices(env Env, reg *tts.Registry, lang string) error {
	defaults := map[string]bool{reg.DefaultVoice("en"): true}
	if lang != "" {
		defaults = map[string]bool{reg.DefaultVoice(lang): true}
	}
	var vs []tts.Voice
	for _, v := range reg.Voices() {
		if lang == "" || speaks(v, lang) {
			vs = append(vs, v)
		}
	}
	if len(vs) == 0 {
		_, err := reg.VoiceFor(lang)
		return err
	}
	caps := map[string]tts.Capabilities{}
	for _, e := range reg.Engines() {
		caps[e.Name()] = e.Capabilities()
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "VOICE\tGENDER\tLANGUAGES\tCAPABILITIES\tLICENCE\t")
	for _, v := range vs {
		mark := ""
		if defaults[v.ID()] {
			mark = "(default)"
		}
		c := caps[v.Engine]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", v.ID(), orDash(v.Gender), strings.Join(v.Languages, ", "), capList(c), c.Licence, mark)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write voices: %w", err)
	}
	return nil
}

// capList is an engine's capabilities in a few words.
func capList(c tts.Capabilities) string {
	var parts []string
	if c.WordTimings {
		parts = append(parts, "words")
	}
	if c.PhonemeInput {
		parts = append(parts, "phonemes")
	}
	if c.ASCIIOnly {
		parts = append(parts, "ascii")
	}
	if c.SampleRate > 0 {
		parts = append(parts, fmt.Sprintf("%d Hz", c.SampleRate))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ",")
}

// speaks reports whether v speaks lang or a variant of it ("en" matches
// "en-us"; "de-at" matches "de").
func speaks(v tts.Voice, lang string) bool {
	primary, _, _ := strings.Cut(lang, "-")
	return slices.ContainsFunc(v.Languages, func(l string) bool {
		return l == lang || l == primary || strings.HasPrefix(l, lang+"-")
	})
}
