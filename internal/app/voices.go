package app

import (
	"aloud/internal/config"
	"context"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"aloud/internal/tts"
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
	p, err := newPipeline(env, config.Config{CacheDir: "off"})
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
