package espeak

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

// newEngine builds an engine in the given mode with the real espeak-ng.
func newEngine(t *testing.T, helperMode bool) *Engine {
	t.Helper()
	testenv.Binary(t, "espeak-ng")
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

var sentences = []struct{ voice, text string }{
	{"en-us", "British officials have held secret talks with Kremlin officials, a spokesman said."},
	{"de", "Die Gespräche über „Getreideexporte“ fanden in Wien und New York statt."},
	{"fr-fr", "Les négociations n’ont abouti à aucun accord, a déclaré le porte-parole."},
	{"ru", "Британские чиновники провели секретные переговоры с Кремлём."},
}

func TestSynthesize(t *testing.T) {
	for mode, helperMode := range modes() {
		t.Run(mode, func(t *testing.T) {
			e := newEngine(t, helperMode)
			if !strings.HasPrefix(e.Version(), "espeak-ng-1.") {
				t.Errorf("version %q, want espeak-ng-1.x", e.Version())
			}
			for _, s := range sentences {
				a, err := e.Synthesize(t.Context(), s.voice, s.text)
				if err != nil {
					t.Fatalf("%s: %v", s.voice, err)
				}
				ttstest.CheckAudio(t, s.text, a, 22050, helperMode)
			}
		})
	}
}

func TestSynthesizeConcurrent(t *testing.T) {
	for mode, helperMode := range modes() {
		t.Run(mode, func(t *testing.T) {
			e := newEngine(t, helperMode)
			var wg sync.WaitGroup
			for i := range 8 {
				wg.Go(func() {
					s := sentences[i%len(sentences)]
					a, err := e.Synthesize(t.Context(), s.voice, s.text)
					if err != nil {
						t.Error(err)
						return
					}
					ttstest.CheckAudio(t, s.text, a, 22050, helperMode)
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
			if _, err := e.Synthesize(t.Context(), "xx-nosuch", "Hallo."); !errors.Is(err, tts.ErrUnknownVoice) {
				t.Errorf("unknown voice: got %v, want ErrUnknownVoice", err)
			}
			if _, err := e.Synthesize(t.Context(), "de", ""); !errors.Is(err, tts.ErrEmptyText) {
				t.Errorf("empty text: got %v, want ErrEmptyText", err)
			}
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			if _, err := e.Synthesize(ctx, "de", sentences[1].text); !errors.Is(err, context.Canceled) {
				t.Errorf("cancelled: got %v, want context.Canceled", err)
			}
			a, err := e.Synthesize(t.Context(), "de", sentences[1].text)
			if err != nil {
				t.Fatal(err)
			}
			ttstest.CheckAudio(t, sentences[1].text, a, 22050, helperMode)
		})
	}
}

func TestVoices(t *testing.T) {
	for mode, helperMode := range modes() {
		t.Run(mode, func(t *testing.T) {
			e := newEngine(t, helperMode)
			vs, err := e.Voices(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			found := map[string]tts.Voice{}
			for _, v := range vs {
				found[v.Name] = v
			}
			for _, name := range []string{"en-us", "de", "fr-fr", "en-gb-x-rp"} {
				v, ok := found[name]
				if !ok || v.Engine != "espeak" || len(v.Languages) == 0 || v.Languages[0] != name {
					t.Errorf("voice %s = %+v, want an espeak voice speaking %s", name, v, name)
				}
			}
			if v := found["en-us"]; len(v.Languages) < 2 || v.Languages[1] != "en" {
				t.Errorf("en-us languages %v, want en among them", v.Languages)
			}
		})
	}
}

// fakeEspeak writes a script that answers --version and --voices like
// espeak-ng and otherwise dies with a message on stderr, standing in for a
// crashing engine.
func fakeEspeak(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "espeak-ng")
	script := `#!/bin/sh
case "$1" in
--version) echo 'eSpeak NG text-to-speech: 1.51  Data at: /x'; exit 0;;
--voices) printf 'Pty Language Age/Gender VoiceName File Other Languages\n 5  de  --/M  German  gmw/de\n'; exit 0;;
esac
echo 'engine exploded' >&2
exit 3
`
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCrashingCLI(t *testing.T) {
	e, err := New(proc.New(2), Options{CLI: true, CLIPath: fakeEspeak(t)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Synthesize(t.Context(), "de", "Hallo Welt.")
	var pe *proc.Error
	if !errors.As(err, &pe) || pe.ExitCode != 3 || !strings.Contains(err.Error(), "engine exploded") {
		t.Errorf("got %v, want a proc.Error with exit code 3 and the stderr", err)
	}
}

func TestMissingEngine(t *testing.T) {
	_, err := New(proc.New(2), Options{CLI: true, CLIPath: filepath.Join(t.TempDir(), "espeak-ng")})
	if err == nil || !strings.Contains(err.Error(), "espeak-ng") {
		t.Errorf("got %v, want an error naming espeak-ng", err)
	}
	_, err = New(proc.New(2), Options{HelperPath: filepath.Join(t.TempDir(), HelperName)})
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing helper: got %v, want ErrNotExist", err)
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
			a, err := e.Synthesize(t.Context(), "en-us", s)
			if err != nil {
				t.Error(err)
				return
			}
			ttstest.CheckAudio(t, s, a, 22050, true)
			if got, want := len(a.Words), len(strings.Fields(s)); got < want*3/4 {
				t.Errorf("%d words reported for %d in %q", got, want, s)
			}
		})
	}
	wg.Wait()
}

func TestCrashingHelper(t *testing.T) {
	e, err := New(proc.New(2), Options{HelperPath: fakeEspeak(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	_, err = e.Synthesize(t.Context(), "de", "Hallo Welt.")
	var pe *proc.Error
	if !errors.As(err, &pe) || pe.ExitCode != 3 || !strings.Contains(err.Error(), "engine exploded") {
		t.Errorf("got %v, want a proc.Error with exit code 3 and the stderr", err)
	}
}
