package espeak

import (
	"testing"

	"aloud/internal/proc"
	"aloud/internal/testenv"
	"aloud/internal/tts"
	"aloud/internal/tts/ttstest"
)

// Run with: go test -run '^$' -bench Synthesize -benchtime 10x ./internal/tts/espeak
// (the seed's title and body, 26 sentences, voice en-us).
func BenchmarkSynthesizeHelper(b *testing.B) {
	bench(b, Options{HelperPath: ttstest.Helper(b, HelperName)})
}

func BenchmarkSynthesizeCLI(b *testing.B) {
	testenv.Binary(b, "espeak-ng")
	bench(b, Options{CLI: true})
}

func bench(b *testing.B, opts Options) {
	sentences := ttstest.SeedSentences(b)
	ttstest.BenchSynthesize(b, func(b *testing.B) tts.Engine {
		e, err := New(proc.New(8), opts)
		if err != nil {
			b.Fatal(err)
		}
		return e
	}, "en-us", sentences)
}
