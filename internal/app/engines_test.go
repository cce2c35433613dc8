package app

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"aloud/internal/testenv"
	"aloud/internal/tts"
)

// speechDouble is a test double of an OpenAI-compatible speech server (no
// neural server can run here): it answers POST /v1/audio/speech with a
// tone as long as the input, and counts the requests.
func speechDouble(t *testing.T, calls *atomic.Int64) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Model, Input, Voice string }
		if r.URL.Path != "/v1/audio/speech" || json.NewDecoder(r.Body).Decode(&req) != nil || req.Model != "kokoro" || req.Voice != "af_heart" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		calls.Add(1)
		rate, n := 24000, 24000*len(req.Input)/15 // about 15 characters a second
		var b bytes.Buffer
		le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
		b.WriteString("RIFF")
		le(uint32(36 + 2*n))
		b.WriteString("WAVEfmt ")
		for _, v := range []any{uint32(16), uint16(1), uint16(1), uint32(rate), uint32(2 * rate), uint16(2), uint16(16)} {
			le(v)
		}
		b.WriteString("data")
		le(uint32(2 * n))
		for i := range n {
			le(int16(6000 * math.Sin(2*math.Pi*220*float64(i)/float64(rate))))
		}
		w.Header().Set("Content-Type", "audio/wav")
		w.Write(b.Bytes())
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestSpeakWithSpeechServer renders an article through the whole pipeline
// with a configured speech server's voice, twice: the second time every
// sentence comes from the cache.
func TestSpeakWithSpeechServer(t *testing.T) {
	testenv.Binary(t, "ffmpeg")
	var calls atomic.Int64
	vars := map[string]string{
		"ALOUD_TTS_HTTP_URL":    speechDouble(t, &calls),
		"ALOUD_TTS_HTTP_MODEL":  "kokoro",
		"ALOUD_TTS_HTTP_VOICES": "af_heart",
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(in, []byte("Trams return\n\nThe council voted for a tram line. It opens in 2030.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return vars[k] }}
	if err := Run(context.Background(), []string{"voices", "--lang", "en-us"}, env); err != nil || !strings.Contains(out.String(), "http:af_heart") {
		t.Fatalf("voices: %v, output:\n%s", err, out.String())
	}
	cache := filepath.Join(dir, "cache")
	for round := range 2 {
		wav := filepath.Join(dir, "a.wav")
		err := Run(context.Background(), []string{"speak", "--voice", "http:af_heart", "--cache", cache, "-o", wav, in}, env)
		if err != nil {
			t.Fatalf("round %d: %v (stderr %q)", round, err, errb.String())
		}
		b, _ := os.ReadFile(wav)
		if rate, samples, err := tts.DecodeWAV(b); err != nil || len(samples) < 2*rate {
			t.Errorf("round %d: %d samples, %v; want over 2 s", round, len(samples), err)
		}
	}
	// Title, two sentences and the disclosure: four requests, all in the
	// first round.
	if got := calls.Load(); got != 4 {
		t.Errorf("server called %d times, want 4 (the second round from the cache)", got)
	}
	vars["ALOUD_TTS_HTTP_MODEL"] = ""
	err := Run(context.Background(), []string{"voices"}, env)
	if err == nil || !strings.Contains(err.Error(), "ALOUD_TTS_HTTP_MODEL") {
		t.Errorf("a server without a model: got %v, want an error naming ALOUD_TTS_HTTP_MODEL", err)
	}
}
