//go:build e2e

package festival

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"aloud/internal/proc"
	"aloud/internal/testenv"
	"aloud/internal/tts"
	"aloud/internal/tts/ttstest"
)

// newEngine builds the engine on the real festival with its installed
// HTS voice.
func newEngine(t *testing.T) *Engine {
	t.Helper()
	testenv.Binary(t, "festival")
	e, err := New(proc.New(4), Options{Workers: 2})
	if err != nil {
		testenv.Missing(t, err.Error())
	}
	t.Cleanup(func() { e.Close() })
	vs, _ := e.Voices(t.Context())
	ok := false
	for _, v := range vs {
		ok = ok || v.Name == "us_slt_hts"
	}
	if !ok {
		testenv.Missing(t, "festival voice us_slt_hts (Debian festvox-us-slt-hts)")
	}
	return e
}

func TestE2EFestivalSynthesize(t *testing.T) {
	e := newEngine(t)
	if !strings.HasPrefix(e.Version(), "festival-2.") {
		t.Errorf("version %q, want festival-2.x", e.Version())
	}
	for _, text := range []string{
		"British officials have held secret talks with Kremlin officials, a spokesman said.",
		`He said "hello" to Dr. Mueller; the E U's budget (a backslash \ too) rose.`,
		"-5 degrees -- and --help, said nobody.",
	} {
		a, err := tts.Speak(t.Context(), e, "us_slt_hts", "en", text)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		ttstest.CheckAudio(t, text, a, 32000, true)
		if n := len(strings.Fields(text)); len(a.Words) < n-1 {
			t.Errorf("%q: %d words timed, want about %d", text, len(a.Words), n)
		}
	}
}

// TestE2EFestivalFolds checks that an accented name reaches festival as
// ASCII and that its word still points at the written name.
func TestE2EFestivalFolds(t *testing.T) {
	e := newEngine(t)
	text := "Dr. Müller lives in Malargüe."
	a, err := tts.Speak(t.Context(), e, "us_slt_hts", "en", text)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, w := range a.Words {
		words = append(words, text[w.Span[0]:w.Span[1]])
	}
	if got := strings.Join(words, "|"); got != "Dr|Müller|lives|in|Malargüe" {
		t.Errorf("words %q, want Dr|Müller|lives|in|Malargüe", got)
	}
}

func TestE2EFestivalConcurrentAndCancel(t *testing.T) {
	e := newEngine(t)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			text := []string{"So does Great Britain.", "Nevertheless, contact is crucial."}[i%2]
			a, err := e.Synthesize(t.Context(), "us_slt_hts", text)
			if err != nil {
				t.Error(err)
				return
			}
			ttstest.CheckAudio(t, text, a, 32000, true)
		})
	}
	wg.Wait()
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	long := strings.Repeat("This sentence goes on and on. ", 40)
	if _, err := e.Synthesize(ctx, "us_slt_hts", long); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancelled request: got %v, want context.DeadlineExceeded", err)
	}
	// The pool replaced the process it killed.
	if _, err := e.Synthesize(t.Context(), "us_slt_hts", "Still here."); err != nil {
		t.Errorf("after a cancelled request: %v", err)
	}
	if _, err := e.Synthesize(t.Context(), "nope", "x"); !errors.Is(err, tts.ErrUnknownVoice) {
		t.Errorf("unknown voice: got %v", err)
	}
	if _, err := e.Synthesize(t.Context(), "us_slt_hts", "  "); !errors.Is(err, tts.ErrEmptyText) {
		t.Errorf("empty text: got %v", err)
	}
}
