package tts

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"aloud/internal/tts/fold"
)

// ErrUnsayable is text of which an engine can say nothing (Cyrillic for
// an ASCII-only engine).
var ErrUnsayable = errors.New("nothing the engine can say")

// Speak is how the pipeline calls an engine: it gives the engine what it
// can say, written in the BCP 47 language lang (ASCII-only engines get
// the text folded with lang's table, see package fold), synthesizes it and
// maps the words' spans back onto text.
func Speak(ctx context.Context, e Engine, voice, lang, text string) (Audio, error) {
	if !e.Capabilities().ASCIIOnly {
		return e.Synthesize(ctx, voice, text)
	}
	f := fold.ASCII(lang, text)
	if strings.TrimSpace(f.Text) == "" && strings.TrimSpace(text) != "" {
		return Audio{}, fmt.Errorf("%s speak %q: %w (it says ASCII only; pick a voice for the text's language)", e.Name(), clip(text), ErrUnsayable)
	}
	a, err := e.Synthesize(ctx, voice, f.Text)
	if err != nil {
		return Audio{}, err
	}
	for i := range a.Words {
		a.Words[i].Span = f.Span(a.Words[i].Span)
	}
	return a, nil
}

// Prepared is the text an engine is given for text in lang: what Speak
// sends it. The quality harness compares the engine's phonemes for it.
func Prepared(e Engine, lang, text string) string {
	if !e.Capabilities().ASCIIOnly {
		return text
	}
	return fold.ASCII(lang, text).Text
}

func clip(s string) string {
	if len(s) <= 60 {
		return s
	}
	cut := 60
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
