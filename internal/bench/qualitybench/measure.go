package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"aloud/internal/proc"
	"aloud/internal/tts"
	"aloud/internal/tts/fold"
)

// measure renders path with voice v and scores the audio.
func measure(ctx context.Context, runner *proc.Runner, aloud, path string, spoken []string, v voice) result {
	r := result{voice: v, wer: -1}
	dir, err := os.MkdirTemp("", "aloud-quality-")
	if err != nil {
		r.err = err
		return r
	}
	defer os.RemoveAll(dir)
	wav := filepath.Join(dir, "out.wav")
	if r.cpu, r.wall, err = speak(ctx, aloud, v.id, path, wav); err != nil {
		r.err = err
		return r
	}
	b, err := os.ReadFile(wav)
	if err != nil {
		r.err = err
		return r
	}
	rate, samples, err := tts.DecodeWAV(b)
	if err != nil {
		r.err = err
		return r
	}
	r.audioSecs = float64(len(samples)) / float64(rate)
	if v.lang == "en" {
		hyp, err := recognize(ctx, runner, wav, filepath.Join(dir, "16k.wav"))
		if err != nil {
			r.err = err
			return r
		}
		r.wer = wordErrorRate(words(strings.Join(spoken, " ")), words(hyp))
	}
	r.spellOK, r.spellN, r.spellFails = spelling(ctx, runner, v, spoken)
	return r
}

// speak runs `aloud speak` to a WAV and returns its CPU time (its own and
// that of every process it waited for: the engine helpers and ffmpeg) and
// wall time. It uses os/exec rather than internal/proc because only the
// process state gives the CPU time of the whole tree.
func speak(ctx context.Context, aloud, voiceID, in, out string) (cpu, wall float64, err error) {
	cmd := exec.CommandContext(ctx, aloud, "speak", "--voice", voiceID, "--disclosure", "off", "--no-cache", "--format", "wav", "-o", out, in)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("aloud speak --voice %s: %w: %s", voiceID, err, strings.TrimSpace(stderr.String()))
	}
	st := cmd.ProcessState
	return (st.UserTime() + st.SystemTime()).Seconds(), time.Since(start).Seconds(), nil
}

// recognize resamples to pocketsphinx's 16 kHz and returns its
// hypothesis with the default US English model.
func recognize(ctx context.Context, runner *proc.Runner, wav, wav16 string) (string, error) {
	ffmpeg, err := proc.LookPath("ffmpeg")
	if err != nil {
		return "", err
	}
	ps, err := proc.LookPath("pocketsphinx_continuous")
	if err != nil {
		return "", err
	}
	if err := runner.Run(ctx, proc.Cmd{Path: ffmpeg, Args: []string{"-loglevel", "error", "-y", "-i", wav, "-ar", "16000", "-ac", "1", wav16}}); err != nil {
		return "", fmt.Errorf("resample: %w", err)
	}
	out, err := runner.Output(ctx, proc.Cmd{Path: ps, Args: []string{"-infile", wav16, "-logfn", "/dev/null"}}, 1<<20)
	if err != nil {
		return "", fmt.Errorf("recognize: %w", err)
	}
	return string(out), nil
}

// normalizeText is `aloud normalize` of the text's lines: one spoken line
// per paragraph. Without a normalizer for lang the written lines stand.
func normalizeText(ctx context.Context, runner *proc.Runner, aloud, lang, path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out, normErr := runner.Output(ctx, proc.Cmd{Path: aloud, Args: []string{"normalize", "--lang", lang}, Stdin: f}, 1<<20)
	if normErr != nil {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		out = b
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, normErr
}

// words lower-cases text, folds it to ASCII (the recognizer's dictionary
// is ASCII) and keeps letters, digits and inner apostrophes.
func words(text string) []string {
	text = strings.ToLower(fold.ASCII("en", text).Text)
	f := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
	out := f[:0]
	for _, w := range f {
		if w = strings.Trim(w, "'"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// wordErrorRate is the word-level edit distance over the reference length.
func wordErrorRate(ref, hyp []string) float64 {
	if len(ref) == 0 {
		return 0
	}
	prev := make([]int, len(hyp)+1)
	cur := make([]int, len(hyp)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ref); i++ {
		cur[0] = i
		for j := 1; j <= len(hyp); j++ {
			sub := prev[j-1]
			if ref[i-1] != hyp[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(hyp)]) / float64(len(ref))
}
