//go:build e2e

package normalize_test

import (
	"path/filepath"
	"strings"
	"testing"

	"aloud/internal/normalize"
	"aloud/internal/normalize/tnbench"
	"aloud/internal/testenv"
)

// Floors sit one point under the figures measured when they were last
// raised, so no regression can land unnoticed.
const (
	floorPerClass = 91.9
	floorGoogleTN = 94.4
	floorLibriTTS = 98.0
	floorAudio    = 71.7
	floorEngConf  = 81.7
	// German (de/test_cases_*.txt, spoken~written, spaces removed).
	floorGermanPerClass = 96.2
	floorGermanAudio    = 63.5
)

// TestCorpusTextNormalization prints accuracy per class and per sentence
// set next to the published figures and the identity baseline, with a
// sample of failures, and asserts the floors.
func TestCorpusTextNormalization(t *testing.T) {
	dir := filepath.Join(testenv.SharedDir(t), "benchmarks", "text-normalization")
	testenv.SharedFile(t, filepath.Join("benchmarks", "text-normalization", "en", "eval-sets", "GoogleTN.json"))
	n, err := normalize.New(normalize.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := tnbench.Run(dir, func(s string) string { return n.Normalize(s).Text })
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b, 15)
	t.Log("\n" + b.String())
	for _, c := range []struct {
		s     tnbench.Score
		floor float64
	}{{rep.PerClass, floorPerClass}, {rep.GoogleTN, floorGoogleTN}, {rep.LibriTTS, floorLibriTTS}, {rep.WithAudio, floorAudio}, {rep.EngConf, floorEngConf}} {
		if c.s.Percent() < c.floor {
			t.Errorf("%s: %.2f%% is under the floor %.1f%%", c.s.Name, c.s.Percent(), c.floor)
		}
	}
}

// TestCorpusTextNormalizationGerman prints and asserts the German figures
// next to the English ones (make bench-tn runs both).
func TestCorpusTextNormalizationGerman(t *testing.T) {
	dir := filepath.Join(testenv.SharedDir(t), "benchmarks", "text-normalization")
	testenv.SharedFile(t, filepath.Join("benchmarks", "text-normalization", "de", "test_cases_cardinal.txt"))
	n, err := normalize.New(normalize.Options{Lang: "de"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := tnbench.RunGerman(dir, func(s string) string { return n.Normalize(s).Text })
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b, 15)
	t.Log("\n" + b.String())
	if p := rep.PerClass.Percent(); p < floorGermanPerClass {
		t.Errorf("%s: %.2f%% is under the floor %.1f%%", rep.PerClass.Name, p, floorGermanPerClass)
	}
	if p := rep.WithAudio.Percent(); p < floorGermanAudio {
		t.Errorf("%s: %.2f%% is under the floor %.1f%%", rep.WithAudio.Name, p, floorGermanAudio)
	}
}
