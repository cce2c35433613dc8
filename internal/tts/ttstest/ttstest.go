// Package ttstest holds what the engine tests share: building the real
// helper programs, the seed's sentences and the checks every synthesized
// sentence must pass. It is imported by tests only.
package ttstest

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"aloud/internal/proc"
	"aloud/internal/testenv"
	"aloud/internal/tts"
)

// builds remembers helpers built by this test process, so each package's
// tests compile a helper once.
var builds struct {
	sync.Mutex
	dir   string
	paths map[string]string
}

// Helper returns the path of the helper program name ("aloud-flite"),
// built from helpers/ with the Makefile's own rule into a temporary
// directory. It skips (fails under ALOUD_TEST_STRICT=1) when make, a C
// compiler or the engine's development files are missing.
func Helper(t testing.TB, name string) string {
	t.Helper()
	builds.Lock()
	defer builds.Unlock()
	if p, ok := builds.paths[name]; ok {
		return p
	}
	makePath := testenv.Binary(t, "make")
	testenv.Binary(t, "cc")
	if builds.dir == "" {
		dir, err := os.MkdirTemp("", "aloud-helpers-")
		if err != nil {
			t.Fatal(err)
		}
		builds.dir, builds.paths = dir, map[string]string{}
	}
	out := filepath.Join(builds.dir, name)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	log, err := proc.New(1).Output(ctx, proc.Cmd{
		Path: makePath,
		Args: []string{"-s", "-C", testenv.RepoRoot(), "BIN=" + builds.dir, out},
	}, 1<<16)
	if err != nil {
		testenv.Missing(t, "build "+name+": "+err.Error()+"\n"+string(log))
	}
	builds.paths[name] = out
	return out
}

// Cleanup removes the helpers built by Helper; call it from TestMain.
func Cleanup() {
	builds.Lock()
	defer builds.Unlock()
	if builds.dir != "" {
		os.RemoveAll(builds.dir)
	}
}

var sentenceEnd = regexp.MustCompile(`[.!?]["”’]?\s+`)

// SeedSentences is the seed's title and body split naively into
// sentences: good enough to time engines, not a sentence splitter.
func SeedSentences(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(testenv.Seed(t))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, para := range strings.Split(string(b), "\n\n") {
		para = strings.TrimSpace(para)
		if i == 1 || para == "" || strings.HasPrefix(para, "source ") ||
			para == "Listen to article" || strings.HasPrefix(para, "This audio version") {
			continue
		}
		last := 0
		for _, m := range sentenceEnd.FindAllStringIndex(para, -1) {
			out = append(out, strings.TrimSpace(para[last:m[1]]))
			last = m[1]
		}
		if s := strings.TrimSpace(para[last:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// CheckAudio checks one synthesized sentence: the rate, audible PCM, a
// duration plausible for the text (roughly 6–35 characters a second, with
// room for pauses), and words whose spans lie inside text and whose spans
// and times run in order. wantWords says whether the engine must report
// word positions.
func CheckAudio(t testing.TB, text string, a tts.Audio, wantRate int, wantWords bool) {
	t.Helper()
	if a.Rate != wantRate {
		t.Errorf("rate %d, want %d", a.Rate, wantRate)
	}
	if peak := Peak(a.Samples); peak < 1000 {
		t.Errorf("peak amplitude %d of %d samples: silent", peak, len(a.Samples))
	}
	secs := a.Duration().Seconds()
	chars := float64(len([]rune(text)))
	if lo, hi := chars/35, chars/6+1.5; secs < lo || secs > hi {
		t.Errorf("duration %.2fs for %d characters, want %.2f..%.2fs", secs, int(chars), lo, hi)
	}
	if wantWords && len(a.Words) == 0 {
		t.Errorf("no words reported for %q", text)
	}
	CheckWords(t, text, a)
}

// CheckWords checks that word spans lie inside text on word characters
// and that spans and sample times run in order without overlapping.
func CheckWords(t testing.TB, text string, a tts.Audio) {
	t.Helper()
	prevSpan, prevEnd := 0, 0
	for i, w := range a.Words {
		s, e := w.Span[0], w.Span[1]
		if s < prevSpan || s >= e || e > len(text) {
			t.Errorf("word %d span %v out of order or outside text of %d bytes (previous ends at %d)", i, w.Span, len(text), prevSpan)
			continue
		}
		if strings.TrimSpace(text[s:e]) != text[s:e] {
			t.Errorf("word %d span %v = %q has surrounding space", i, w.Span, text[s:e])
		}
		if w.Start < prevEnd || w.Start > w.End || w.End > len(a.Samples) {
			t.Errorf("word %d %q samples [%d,%d) out of order or past %d samples (previous ends at %d)", i, text[s:e], w.Start, w.End, len(a.Samples), prevEnd)
		}
		prevSpan, prevEnd = e, w.End
	}
}

// Peak is the largest absolute sample value.
func Peak(samples []int16) int {
	peak := 0
	for _, s := range samples {
		v := int(s)
		if v < 0 {
			v = -v
		}
		peak = max(peak, v)
	}
	return peak
}
