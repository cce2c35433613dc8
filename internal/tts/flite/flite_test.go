package flite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"aloud/internal/proc"
	"aloud/internal/testenv"
	"aloud/internal/tts"
	"aloud/internal/tts/ttstest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	ttstest.Cleanup()
	os.Exit(code)
}

const sentence = "British officials have held secret talks with Kremlin officials, a spokesman said."

// newEngine builds an engine in the given mode with the real flite.
func newEngine(t *testing.T, helperMode bool) *Engine {
	t.Helper()
	testenv.Binary(t, "flite")
	opts := Options{CLI: true, Workers: 2}
	if helperMode {
		opts = Options{HelperPath: ttstest.Helper(t, HelperName), Workers: 2}
	}
	e, err := New(proc.New(4), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	if e.UsesHelper() != helperMode {
		t.Fatalf("UsesHelper() = %v, want %v", e.UsesHelper(), helperMode)
	}
	return e
}

func modes() map[string]bool { return map[string]bool{"cli": false, "helper": true} }

func TestSynthesize(t *testing.T) {
	for mode, helperMode := range modes() {
		t.Run(mode, func(t *testing.T) {
			e := newEngine(t, helperMode)
			if !strings.HasPrefix(e.Version(), "flite-2.") {
				t.Errorf("version %q, want flite-2.x", e.Version())
			}
			for _, tc := range []struct {
				voice, text string
				rate        int
			}{
				{"rms", sentence, 16000},
				{"slt", sentence, 16000},
				{"kal", sentence, 8000},
				{"rms", "-5 degrees -- and --help, said “nobody”.", 16000}, // never taken for options
			} {
				a, err := e.Synthesize(t.Context(), tc.voice, tc.text)
				if err != nil {
					t.Fatalf("%s: %v", tc.voice, err)
				}
				ttstest.CheckAudio(t, tc.text, a, tc.rate, helperMode)
			}
		})
	}
}

func TestSynthesizeConcurrent(t *testing.T) {
	for mode, helperMode := range modes() {
		t.Run(mode, func(t *testing.T) {
			e := newEngine(t, helperMode)
			texts := []string{sentence, "So does Great Britain.", "Nevertheless, it is “crucially important” to maintain contact."}
			var wg sync.WaitGroup
			for i := range 4 {
				wg.Go(func() {
					text := texts[i%len(texts)]
					a, err := e.Synthesize(t.Context(), "rms", text)
					if err != nil {
						t.Error(err)
						return
					}
					ttstest.CheckAudio(t, text, a, 16000, helperMode)
				})
			}
			wg.Wait()
		})
	}
}

func TestSynthesizeErrors(t *testing.T) {
	for mode, helperMode := range modes() {
		t.Run(mode, func(t *testing.T) {
			e := newEngine(t, helperMode)
			if _, err := e.Synthesize(t.Context(), "nosuch", sentence); !errors.Is(err, tts.ErrUnknownVoice) {
				t.Errorf("unknown voice: got %v, want ErrUnknownVoice", err)
			}
			if _, err := e.Synthesize(t.Context(), "rms", " \n"); !errors.Is(err, tts.ErrEmptyText) {
				t.Errorf("empty text: got %v, want ErrEmptyText", err)
			}
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			if _, err := e.Synthesize(ctx, "rms", sentence); !errors.Is(err, context.Canceled) {
				t.Errorf("cancelled: got %v, want context.Canceled", err)
			}
			// The engine still works after a cancelled request.
			a, err := e.Synthesize(t.Context(), "rms", sentence)
			if err != nil {
				t.Fatal(err)
			}
			ttstest.CheckAudio(t, sentence, a, 16000, helperMode)
		})
	}
}

// fakeFlite writes a script that answers --version like flite and
// otherwise dies with a message on stderr, standing in for a crashing
// engine.
func fakeFlite(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "flite")
	script := "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'version: flite-2.2-current'; exit 0; fi\necho 'engine exploded' >&2\nexit 3\n"
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCrashingCLI(t *testing.T) {
	e, err := New(proc.New(2), Options{CLI: true, CLIPath: fakeFlite(t)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Synthesize(t.Context(), "rms", sentence)
	var pe *proc.Error
	if !errors.As(err, &pe) || pe.ExitCode != 3 || !strings.Contains(err.Error(), "engine exploded") {
		t.Errorf("got %v, want a proc.Error with exit code 3 and the stderr", err)
	}
}

func TestMissingEngine(t *testing.T) {
	_, err := New(proc.New(2), Options{CLI: true, CLIPath: filepath.Join(t.TempDir(), "flite")})
	if err == nil || !strings.Contains(err.Error(), "probe flite") {
		t.Errorf("got %v, want a probe error", err)
	}
	_, err = New(proc.New(2), Options{HelperPath: filepath.Join(t.TempDir(), HelperName)})
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing helper: got %v, want ErrNotExist", err)
	}
}

func TestParseVersion(t *testing.T) {
	for in, want := range map[string]string{
		"  Carnegie Mellon University\n  version: flite-2.2-current Sep 2018 (http://cmuflite.org)\n": "flite-2.2",
		"flite-2.3.1\n": "flite-2.3.1",
		"garbage":       "",
	} {
		if got := parseVersion(in); got != want {
			t.Errorf("parseVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every sentence of the seed, through the helper: words for each, in order
// and inside the text.
func TestSeedSentences(t *testing.T) {
	e := newEngine(t, true)
	sentences := ttstest.SeedSentences(t)
	if len(sentences) < 20 {
		t.Fatalf("%d seed sentences, want at least 20", len(sentences))
	}
	var wg sync.WaitGroup
	for _, s := range sentences {
		wg.Go(func() {
			a, err := e.Synthesize(t.Context(), "rms", s)
			if err != nil {
				t.Error(err)
				return
			}
			ttstest.CheckAudio(t, s, a, 16000, true)
			if got, want := len(a.Words), len(strings.Fields(s)); got < want*3/4 {
				t.Errorf("%d words reported for %d in %q", got, want, s)
			}
		})
	}
	wg.Wait()
}

func TestCrashingHelper(t *testing.T) {
	testenv.Binary(t, "flite")
	e, err := New(proc.New(2), Options{HelperPath: fakeFlite(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	_, err = e.Synthesize(t.Context(), "rms", sentence)
	var pe *proc.Error
	if !errors.As(err, &pe) || pe.ExitCode != 3 || !strings.Contains(err.Error(), "engine exploded") {
		t.Errorf("got %v, want a proc.Error with exit code 3 and the stderr", err)
	}
}

// TestSpeakFoldsAccents: flite cannot say "ü"; tts.Speak hands it
// "Mueller" and maps the word back onto the written "Müller".
func TestSpeakFoldsAccents(t *testing.T) {
	e := newEngine(t, true)
	text := "Dr. Müller lives in Malargüe."
	a, err := tts.Speak(t.Context(), e, "rms", "en", text)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, w := range a.Words {
		words = append(words, text[w.Span[0]:w.Span[1]])
	}
	if got := strings.Join(words, "|"); !strings.Contains(got, "Müller") || !strings.Contains(got, "Malargüe") {
		t.Errorf("words %q, want Müller and Malargüe among them", got)
	}
	plain, err := e.Synthesize(t.Context(), "rms", "Dr. Mueller lives in Malargwe.")
	if err != nil {
		t.Fatal(err)
	}
	if len(plain.Samples) != len(a.Samples) {
		t.Errorf("folded text gave %d samples, its ASCII spelling %d: not the same input", len(a.Samples), len(plain.Samples))
	}
}
