package app

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"

	"aloud/internal/proc"
	"aloud/internal/tts"
	"aloud/internal/tts/espeak"
	"aloud/internal/tts/flite"
)

func runVoices(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("voices", "aloud voices [--lang TAG]",
		"List the voices of the installed speech engines, with their languages.\n"+
			"Use a voice with 'aloud speak --voice ENGINE:NAME'.", env)
	lang := fs.String("lang", "", "only voices speaking this language (BCP 47, for example de or en-GB)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageErrorf("voices: unexpected argument %q", pos[0])
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

// newEngines builds every speech engine that is installed; it fails only
// when none is.
func newEngines(env Env) ([]tts.Engine, error) {
	// Helpers hold a runner slot each while they live: room for both engines.
	runner := proc.New(3 * runtime.NumCPU())
	var engines []tts.Engine
	var errs []error
	if e, err := flite.New(runner, flite.Options{Getenv: env.Getenv}); err == nil {
		engines = append(engines, e)
	} else {
		errs = append(errs, err)
	}
	if e, err := espeak.New(runner, espeak.Options{Getenv: env.Getenv}); err == nil {
		engines = append(engines, e)
	} else {
		errs = append(errs, err)
	}
	if len(engines) == 0 {
		return nil, fmt.Errorf("no speech engine installed: %w", errors.Join(errs...))
	}
	for _, err := range errs {
		fmt.Fprintf(env.Stderr, "aloud: engine unavailable: %s\n", strings.Join(strings.Fields(err.Error()), " "))
	}
	return engines, nil
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
		return fmt.Errorf("no installed voice speaks %q", lang)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "VOICE\tGENDER\tLANGUAGES\t")
	for _, v := range vs {
		mark := ""
		if defaults[v.ID()] {
			mark = "(default)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", v.ID(), v.Gender, strings.Join(v.Languages, ", "), mark)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write voices: %w", err)
	}
	return nil
}

// speaks reports whether v speaks lang or a variant of it ("en" matches
// "en-us"; "de-at" matches "de").
func speaks(v tts.Voice, lang string) bool {
	primary, _, _ := strings.Cut(lang, "-")
	return slices.ContainsFunc(v.Languages, func(l string) bool {
		return l == lang || l == primary || strings.HasPrefix(l, lang+"-")
	})
}
