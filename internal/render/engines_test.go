package render

import (
	"bytes"
	"encoding/binary"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"aloud/internal/article"
	"aloud/internal/cache"
	"aloud/internal/tts"
	"aloud/internal/tts/speechhttp"
)

// speechServer is a test double of an OpenAI-compatible speech server
// (none can run here) answering every request with a short WAV.
func speechServer(t *testing.T, calls *atomic.Int64) string {
	t.Helper()
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	n := 2400
	b.WriteString("RIFF")
	le(uint32(36 + 2*n))
	b.WriteString("WAVEfmt ")
	for _, v := range []any{uint32(16), uint16(1), uint16(1), uint32(24000), uint32(48000), uint16(2), uint16(16)} {
		le(v)
	}
	b.WriteString("data")
	le(uint32(2 * n))
	for i := range n {
		le(int16(i % 1000))
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Content-Type", "audio/wav")
		w.Write(b.Bytes())
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestHTTPEngineSentencesAreCached: a second synthesis of a sentence
// comes from the sentence cache, not from the server, and another model
// on the same server does not share the entry.
func TestHTTPEngineSentencesAreCached(t *testing.T) {
	var calls atomic.Int64
	url := speechServer(t, &calls)
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	newEngine := func(model string) tts.Engine {
		e, err := speechhttp.New(speechhttp.Options{BaseURL: url, Model: model, Voices: []string{"af_heart"}})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	r := &Renderer{Cache: c}
	kokoro := newEngine("kokoro")
	for i, wantHit := range []bool{false, true} {
		s, err := r.synthesizeOne(t.Context(), kokoro, "af_heart", "en", "A sentence worth keeping.")
		if err != nil {
			t.Fatal(err)
		}
		if s.hit != wantHit || len(s.audio.Samples) != 2400 {
			t.Errorf("call %d: hit %v, %d samples; want hit %v, 2400", i, s.hit, len(s.audio.Samples), wantHit)
		}
	}
	if s, err := r.synthesizeOne(t.Context(), newEngine("other"), "af_heart", "en", "A sentence worth keeping."); err != nil || s.hit {
		t.Errorf("another model: hit %v, %v; want a miss", s.hit, err)
	}
	if got := calls.Load(); got != 2 {
		t.Errorf("server called %d times, want 2", got)
	}
}

// TestRenderNamesMissingLanguage: an article in a language no voice
// speaks fails before any work with an error naming the language.
func TestRenderNamesMissingLanguage(t *testing.T) {
	var calls atomic.Int64
	e, err := speechhttp.New(speechhttp.Options{BaseURL: speechServer(t, &calls), Model: "m", Voices: []string{"af_heart"}})
	if err != nil {
		t.Fatal(err)
	}
	r := &Renderer{Engines: tts.NewRegistry(e)}
	art := article.Article{Title: "nuqneH", Language: "tlh", Blocks: []article.Block{{Type: article.Paragraph, Text: "Qapla'."}}}
	_, err = r.Render(t.Context(), Request{Article: art, Dir: t.TempDir()})
	if !errors.Is(err, tts.ErrNoVoiceForLanguage) || !strings.Contains(err.Error(), `"tlh"`) || !strings.Contains(err.Error(), "en (http:af_heart") {
		t.Errorf("got %v, want ErrNoVoiceForLanguage naming tlh and the English voice", err)
	}
	if calls.Load() != 0 {
		t.Errorf("the server was called %d times", calls.Load())
	}
}
