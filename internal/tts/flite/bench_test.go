package flite

import (
	"testing"

	"aloud/internal/proc"
	"aloud/internal/testenv"
	"aloud/internal/tts/ttstest"
)

// Run with: go test -run '^$' -bench Synthesize -benchtime 20x ./internal/tts/flite
func BenchmarkSynthesizeHelper(b *testing.B) {
	bench(b, Options{HelperPath: ttstest.Helper(b, HelperName)})
}

func BenchmarkSynthesizeCLI(b *testing.B) {
	testenv.Binary(b, "flite")
	bench(b, Options{CLI: true})
}

func bench(b *testing.B, opts Options) {
	e, err := New(proc.New(8), opts)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	ttstest.BenchSynthesize(b, e, "rms", ttstest.SeedSentences(b))
}
