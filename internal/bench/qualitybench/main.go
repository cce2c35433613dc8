// Command qualitybench is `make bench-quality`: for every installed voice
// it renders the project's own news texts (testdata/en.txt, de.txt) with
// `aloud speak`, and reports
//
//   - the word error rate of pocketsphinx (Debian pocketsphinx,
//     pocketsphinx-en-us) on aloud's audio against the spoken text that
//     `aloud normalize` produces (English only: there is no German model),
//   - the real-time factor: CPU seconds of `aloud speak` (with every
//     engine process it waited for) per second of audio, and its wall-clock
//     counterpart,
//   - a spelling check: for each paragraph, the engine's own phonemes
//     (espeak-ng -x, flite -ps, festival's Segment relation) for the
//     normalizer's output must equal its phonemes for the same text with
//     every letter of an acronym written as its name ("E U's" → "ee you's")
//     and no digit left: acronyms and numbers are then said the way the
//     normalizer meant them, not as words the engine guessed.
//
// It ends with the voice of lowest WER among voices with word timings and
// a CPU real-time factor ≤ 0.2, next to the current English default.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"

	"aloud/internal/proc"
)

type voice struct {
	id, lang string
	words    bool // reports word timings
	isDef    bool // the language's default
}

type result struct {
	voice
	wer                  float64 // -1 when not measured
	audioSecs, cpu, wall float64
	spellOK, spellN      int
	spellFails           []string
	err                  error
}

func main() {
	aloud := flag.String("aloud", "bin/aloud", "the aloud binary")
	texts := flag.String("texts", "internal/bench/qualitybench/testdata", "directory of LANG.txt news texts")
	only := flag.String("voices", "", "comma-separated voice IDs to measure (default: every installed voice)")
	verbose := flag.Bool("v", false, "print every spelling mismatch and recognizer hypothesis")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *aloud, *texts, *only, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "qualitybench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, aloud, texts, only string, verbose bool) error {
	runner := proc.New(4)
	var results []result
	for _, lang := range []string{"en", "de"} {
		path := filepath.Join(texts, lang+".txt")
		voices, err := listVoices(ctx, runner, aloud, lang)
		if err != nil {
			return err
		}
		spoken, normErr := normalizeText(ctx, runner, aloud, lang, path)
		if normErr != nil {
			fmt.Fprintf(os.Stderr, "qualitybench: %s: no normalizer (%v); the spelling check uses the written text\n", lang, normErr)
		}
		for _, v := range voices {
			if only != "" && !slices.Contains(strings.Split(only, ","), v.id) {
				continue
			}
			fmt.Fprintf(os.Stderr, "qualitybench: %s on %s.txt …\n", v.id, lang)
			r := measure(ctx, runner, aloud, path, spoken, v)
			if verbose {
				for _, f := range r.spellFails {
					fmt.Fprintf(os.Stderr, "  spelling %s: %s\n", v.id, f)
				}
			}
			results = append(results, r)
		}
	}
	report(os.Stdout, results)
	return nil
}

// listVoices parses `aloud voices --lang LANG`: columns are separated by
// two or more spaces (LANGUAGES holds ", ").
func listVoices(ctx context.Context, runner *proc.Runner, aloud, lang string) ([]voice, error) {
	out, err := runner.Output(ctx, proc.Cmd{Path: aloud, Args: []string{"voices", "--lang", lang}}, 1<<20)
	if err != nil {
		return nil, fmt.Errorf("list voices: %w", err)
	}
	cols := regexp.MustCompile(`\s{2,}`)
	var vs []voice
	for i, line := range strings.Split(string(out), "\n") {
		f := cols.Split(strings.TrimSpace(line), -1)
		if i == 0 || len(f) < 4 {
			continue
		}
		vs = append(vs, voice{
			id: f[0], lang: lang,
			words: slices.Contains(strings.Split(f[3], ","), "words"),
			isDef: strings.HasSuffix(line, "(default)"),
		})
	}
	return vs, nil
}

func report(w *os.File, rs []result) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "VOICE\tLANG\tWORD TIMINGS\tWER\tRTF (CPU)\tRTF (wall)\tSPELLING\tAUDIO\t")
	for _, r := range rs {
		if r.err != nil {
			fmt.Fprintf(tw, "%s\t%s\t\terror: %s\t\t\t\t\t\n", r.id, r.lang, oneLine(r.err))
			continue
		}
		wer := "-"
		if r.wer >= 0 {
			wer = fmt.Sprintf("%.1f%%", 100*r.wer)
		}
		def := ""
		if r.isDef {
			def = " (default)"
		}
		fmt.Fprintf(tw, "%s%s\t%s\t%v\t%s\t%.3f\t%.3f\t%d/%d\t%.0fs\t\n", r.id, def, r.lang, r.words, wer,
			r.cpu/r.audioSecs, r.wall/r.audioSecs, r.spellOK, r.spellN, r.audioSecs)
	}
	tw.Flush()
	best, current := pick(rs)
	fmt.Fprintf(w, "\nlowest WER among English voices with word timings and RTF (CPU) <= 0.2: %s; current English default: %s\n", best, current)
}

// pick is the rule of the issue: lowest English WER among voices that give
// word timings and run at a CPU real-time factor of at most 0.2.
func pick(rs []result) (best, current string) {
	bestWER := 2.0
	best, current = "none", "none"
	for _, r := range rs {
		if r.lang != "en" || r.err != nil {
			continue
		}
		if r.isDef {
			current = r.id
		}
		if r.words && r.wer >= 0 && r.cpu/r.audioSecs <= 0.2 && r.wer < bestWER {
			best, bestWER = fmt.Sprintf("%s (%.1f%%)", r.id, 100*r.wer), r.wer
		}
	}
	return best, current
}

func oneLine(err error) string {
	s := strings.Join(strings.Fields(err.Error()), " ")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}
