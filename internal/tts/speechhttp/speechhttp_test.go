package speechhttp

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aloud/internal/fetch"
	"aloud/internal/tts"
)

// The server below is a test double of an OpenAI-compatible speech server
// (Kokoro-FastAPI, Piper's HTTP server, LocalAI, Speaches), which cannot
// run here: no neural model can be fetched. It implements the documented
// request (POST /v1/audio/speech, JSON model/input/voice/response_format)
// and answers a WAV, unless a test makes it misbehave.

// sineWAV is a mono 16-bit WAV of a 440 Hz tone.
func sineWAV(rate int, secs float64) []byte {
	n := int(float64(rate) * secs)
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
		le(int16(8000 * math.Sin(2*math.Pi*440*float64(i)/float64(rate))))
	}
	return b.Bytes()
}

type server struct {
	*httptest.Server
	calls    atomic.Int64
	inFlight atomic.Int64
	maxIn    atomic.Int64
	last     speechRequest
	auth     string
	mu       sync.Mutex
}

// newServer answers with handle, after checking the request's form.
func newServer(t *testing.T, handle func(w http.ResponseWriter, r *http.Request, n int64)) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.calls.Add(1)
		in := s.inFlight.Add(1)
		defer s.inFlight.Add(-1)
		for old := s.maxIn.Load(); in > old && !s.maxIn.CompareAndSwap(old, in); old = s.maxIn.Load() {
		}
		if r.Method != http.MethodPost || r.URL.Path != "/v1/audio/speech" || r.Header.Get("Content-Type") != "application/json" {
			http.Error(w, "bad request form", http.StatusNotFound)
			return
		}
		var req speechRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Input == "" || req.ResponseFormat != "wav" {
			http.Error(w, `{"detail":"bad body"}`, http.StatusUnprocessableEntity)
			return
		}
		s.mu.Lock()
		s.last, s.auth = req, r.Header.Get("Authorization")
		s.mu.Unlock()
		handle(w, r, n)
	}))
	t.Cleanup(s.Close)
	return s
}

func wavAnswer(w http.ResponseWriter, _ *http.Request, _ int64) {
	w.Header().Set("Content-Type", "audio/wav")
	w.Write(sineWAV(24000, 0.5))
}

// newEngine points an engine at s with short timeouts and no waiting
// between attempts.
func newEngine(t *testing.T, s *server, o Options) *Engine {
	t.Helper()
	o.BaseURL = s.URL
	if o.Model == "" {
		o.Model = "kokoro"
	}
	if o.Voices == nil {
		o.Voices = []string{"af_heart", "narrator"}
	}
	if o.Timeout == 0 {
		o.Timeout = 2 * time.Second
	}
	o.Sleep = func(context.Context, time.Duration) error { return nil }
	e, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestSynthesize(t *testing.T) {
	s := newServer(t, wavAnswer)
	e := newEngine(t, s, Options{APIKey: "sk-test"})
	a, err := e.Synthesize(t.Context(), "af_heart", "Hello from the speech server.")
	if err != nil {
		t.Fatal(err)
	}
	if a.Rate != 24000 || len(a.Samples) != 12000 || len(a.Words) != 0 {
		t.Errorf("got rate %d, %d samples, %d words; want 24000, 12000, 0", a.Rate, len(a.Samples), len(a.Words))
	}
	if s.last.Model != "kokoro" || s.last.Voice != "af_heart" || s.last.Input != "Hello from the speech server." {
		t.Errorf("server got %+v", s.last)
	}
	if s.auth != "Bearer sk-test" {
		t.Errorf("Authorization %q, want Bearer sk-test", s.auth)
	}
	if _, err := e.Synthesize(t.Context(), "nobody", "x"); !errors.Is(err, tts.ErrUnknownVoice) {
		t.Errorf("unknown voice: got %v", err)
	}
	if _, err := e.Synthesize(t.Context(), "af_heart", " "); !errors.Is(err, tts.ErrEmptyText) {
		t.Errorf("empty text: got %v", err)
	}
}

func TestBadServers(t *testing.T) {
	for _, tc := range []struct {
		name      string
		handle    func(w http.ResponseWriter, r *http.Request, n int64)
		wantCalls int64
		want      error
		wantText  string
		timeout   time.Duration
		maxBytes  int64
	}{
		{name: "hang", wantCalls: 2, want: fetch.ErrTimeout, handle: func(w http.ResponseWriter, r *http.Request, _ int64) {
			<-r.Context().Done()
		}},
		{name: "500", wantCalls: 2, want: fetch.ErrStatus, wantText: "model crashed", handle: func(w http.ResponseWriter, _ *http.Request, _ int64) {
			http.Error(w, "model crashed", http.StatusInternalServerError)
		}},
		{name: "400 is not retried", wantCalls: 1, want: fetch.ErrStatus, wantText: "unknown voice", handle: func(w http.ResponseWriter, _ *http.Request, _ int64) {
			http.Error(w, `{"detail":"unknown voice"}`, http.StatusBadRequest)
		}},
		{name: "empty body", wantCalls: 1, want: ErrBadAnswer, wantText: "empty body", handle: func(w http.ResponseWriter, _ *http.Request, _ int64) {
			w.Header().Set("Content-Type", "audio/wav")
		}},
		{name: "50 MB body", wantCalls: 1, want: fetch.ErrTooLarge, handle: func(w http.ResponseWriter, _ *http.Request, _ int64) {
			w.Header().Set("Content-Type", "audio/wav")
			w.Header().Set("Content-Length", strconv.Itoa(50<<20))
			w.Write(make([]byte, 1<<20)) // the client stops at the header
		}},
		{name: "50 MB body without a length", wantCalls: 1, want: fetch.ErrTooLarge, maxBytes: 4 << 20, timeout: 20 * time.Second, handle: func(w http.ResponseWriter, _ *http.Request, _ int64) {
			w.Header().Set("Content-Type", "audio/wav")
			chunk := make([]byte, 1<<20)
			for range 50 {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}},
		{name: "non-audio content type", wantCalls: 1, want: ErrBadAnswer, wantText: "text/html", handle: func(w http.ResponseWriter, _ *http.Request, _ int64) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html>login</html>"))
		}},
		{name: "audio that is not WAV", wantCalls: 1, want: tts.ErrBadWAV, handle: func(w http.ResponseWriter, _ *http.Request, _ int64) {
			w.Header().Set("Content-Type", "audio/mpeg")
			w.Write([]byte("ID3\x03\x00 not a wav"))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newServer(t, tc.handle)
			timeout := cmp.Or(tc.timeout, 300*time.Millisecond)
			e := newEngine(t, s, Options{Timeout: timeout, Retries: 1, MaxBytes: tc.maxBytes})
			start := time.Now()
			_, err := e.Synthesize(t.Context(), "af_heart", "A sentence.")
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.wantText) {
				t.Errorf("got %v, want %v containing %q", err, tc.want, tc.wantText)
			}
			if got := s.calls.Load(); got != tc.wantCalls {
				t.Errorf("%d requests, want %d", got, tc.wantCalls)
			}
			if d := time.Since(start); d > timeout*2+5*time.Second {
				t.Errorf("took %s: a bad server must fail fast", d)
			}
		})
	}
}

func TestRetryThenSuccess(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int64) {
		if n == 1 {
			http.Error(w, "busy", http.StatusTooManyRequests)
			return
		}
		wavAnswer(w, r, n)
	})
	var waits []time.Duration
	e := newEngine(t, s, Options{})
	e.opts.Sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	if _, err := e.Synthesize(t.Context(), "af_heart", "Try again."); err != nil {
		t.Fatal(err)
	}
	if len(waits) != 1 || waits[0] != 500*time.Millisecond || s.calls.Load() != 2 {
		t.Errorf("waits %v, %d calls; want one 500ms wait, 2 calls", waits, s.calls.Load())
	}
}

func TestConcurrencyCap(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int64) {
		time.Sleep(50 * time.Millisecond)
		wavAnswer(w, r, n)
	})
	e := newEngine(t, s, Options{Concurrency: 2})
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			if _, err := e.Synthesize(t.Context(), "narrator", "In parallel."); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := s.maxIn.Load(); got != 2 {
		t.Errorf("at most %d requests in flight, want 2", got)
	}
}

// TestOnlyConfiguredHostIsPrivate: the configured server may be on
// loopback, but a redirect to another loopback name is refused.
func TestOnlyConfiguredHostIsPrivate(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, _ int64) {
		http.Redirect(w, r, strings.Replace(s2URL(r), "127.0.0.1", "localhost", 1), http.StatusTemporaryRedirect)
	})
	e := newEngine(t, s, Options{})
	if _, err := e.Synthesize(t.Context(), "af_heart", "Redirected."); !errors.Is(err, fetch.ErrBlocked) {
		t.Errorf("got %v, want ErrBlocked", err)
	}
}

func s2URL(r *http.Request) string { return "http://" + r.Host + r.URL.Path }

func TestNewChecksOptions(t *testing.T) {
	for _, o := range []Options{
		{BaseURL: "", Model: "m", Voices: []string{"v"}},
		{BaseURL: "ftp://host", Model: "m", Voices: []string{"v"}},
		{BaseURL: "http://host", Voices: []string{"v"}},
		{BaseURL: "http://host", Model: "m"},
		{BaseURL: "http://host", Model: "m", Voices: []string{"a:b"}},
	} {
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v): no error", o)
		}
	}
	for base, want := range map[string]string{
		"http://127.0.0.1:8880":                   "http://127.0.0.1:8880/v1/audio/speech",
		"http://127.0.0.1:8880/v1/":               "http://127.0.0.1:8880/v1/audio/speech",
		"https://tts.example/api/v1/audio/speech": "https://tts.example/api/v1/audio/speech",
	} {
		if got, _, err := endpointOf(base); err != nil || got != want {
			t.Errorf("endpointOf(%q) = %q, %v; want %q", base, got, err, want)
		}
	}
}

func TestDescribe(t *testing.T) {
	for name, want := range map[string]tts.Voice{
		"af_heart":            {Name: "af_heart", Languages: []string{"en-us", "en"}, Gender: "female"},
		"bm_george":           {Name: "bm_george", Languages: []string{"en-gb", "en"}, Gender: "male"},
		"de_DE-thorsten-high": {Name: "de_DE-thorsten-high", Languages: []string{"de-de", "de"}},
		"narrator":            {Name: "narrator", Languages: []string{"en"}},
	} {
		got := describe(name, []string{"en"})
		if got.Gender != want.Gender || strings.Join(got.Languages, ",") != strings.Join(want.Languages, ",") {
			t.Errorf("describe(%q) = %+v, want %+v", name, got, want)
		}
	}
}

func TestVersionNamesModelAndServer(t *testing.T) {
	a, _ := New(Options{BaseURL: "http://a:1", Model: "kokoro", Voices: []string{"v"}})
	b, _ := New(Options{BaseURL: "http://b:1", Model: "kokoro", Voices: []string{"v"}})
	c, _ := New(Options{BaseURL: "http://a:1", Model: "tts-1", Voices: []string{"v"}})
	if a.Version() == b.Version() || a.Version() == c.Version() {
		t.Errorf("versions %q %q %q must differ (they key the sentence cache)", a.Version(), b.Version(), c.Version())
	}
}
