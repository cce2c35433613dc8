package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"aloud/internal/config"
	"aloud/internal/tts"
)

func runVoices(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("voices", "aloud voices [--lang TAG] [--sample VOICE [-o FILE]]",
		"List the voices of the installed speech engines: engine, languages, gender where known,\n"+
			"licence and capabilities (word timings for read-along, phoneme input, sample rate).\n"+
			"Use a voice with 'aloud speak --voice ENGINE:NAME'; hear one with --sample.", env)
	lang := fs.String("lang", "", "only voices speaking this language (BCP 47, for example de or en-GB)")
	sample := fs.String("sample", "", "render a short sample of `VOICE` (engine:name) instead of listing")
	out := fs.String("o", "", "with --sample, the output `FILE` (.mp3, .opus or .wav; - for stdout; default VOICE-sample.mp3)")
	flags := config.Register(fs, config.Speak)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("voices: unexpected argument %q", pos[0])
	}
	cfg, err := speakConfig(env, flags, true)
	if err != nil {
		return err
	}
	if *sample != "" {
		return sampleVoice(ctx, env, cfg, *sample, *out)
	}
	if *out != "" {
		return usageErrorf("voices: -o needs --sample")
	}
	p, err := newPipeline(env, cfg)
	if err != nil {
		return err
	}
	defer p.Close()
	if len(p.engines) == 0 {
		return fmt.Errorf("no speech engine installed (run scripts/install-deps)")
	}
	return printVoices(env, p.voices, strings.ToLower(*lang))
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
