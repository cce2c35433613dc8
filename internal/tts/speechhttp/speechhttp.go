// Package speechhttp is the engine for speech servers that speak the
// OpenAI-compatible `POST /v1/audio/speech` API: what self-hosted neural
// servers such as Kokoro-FastAPI, Piper's HTTP server, LocalAI and
// Speaches offer. aloud sends {"model", "input", "voice",
// "response_format": "wav"} and expects a mono 16-bit WAV back.
//
// Every request goes through internal/fetch's hardened client: the
// configured server's host is the one private address it may reach (a
// neural server usually runs on localhost or the intranet), each attempt
// has a timeout, bodies are capped, and redirects are re-checked. Failures
// that may pass (a timeout, a refused connection, HTTP 429 or 5xx) are
// retried with backoff; the others (4xx, an empty, oversized or non-audio
// answer) fail at once with the server's message. A semaphore caps the
// requests in flight, so aloud never floods a GPU server. Sentences are
// cached by the renderer like every engine's, keyed by model, server and
// voice (Version).
package speechhttp

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"aloud/internal/fetch"
	"aloud/internal/tts"
)

// Defaults for zero Options fields.
const (
	DefaultTimeout     = 60 * time.Second
	DefaultRetries     = 2
	DefaultConcurrency = 2
	DefaultMaxBytes    = 32 << 20 // about 11 minutes of 24 kHz WAV: far above one sentence
)

// Options configure the engine.
type Options struct {
	BaseURL     string        // the server: "http://127.0.0.1:8880" or ".../v1"
	Model       string        // the model the server should use: "kokoro", "tts-1", …
	Voices      []string      // voices to offer as http:NAME; at least one
	Languages   []string      // what the voices speak when their names do not say; default en
	APIKey      string        // sent as a Bearer token when set
	Licence     string        // of the model, as the operator states it
	Timeout     time.Duration // per attempt
	Retries     int           // further attempts after a failure that may pass; <0 means none
	Concurrency int           // requests in flight
	MaxBytes    int64         // largest response body
	UserAgent   string
	// Sleep waits between attempts; nil sleeps on a timer. Tests inject it.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Engine is one configured speech server, safe for concurrent use.
type Engine struct {
	opts     Options
	endpoint string
	fetcher  *fetch.Fetcher
	voices   []tts.Voice
	slots    chan struct{}
}

var _ tts.Engine = (*Engine)(nil)

// New checks opts and builds the engine. It does not contact the server:
// `aloud voices` works while it is down, and the first sentence reports
// what is wrong with it.
func New(opts Options) (*Engine, error) {
	opts = withDefaults(opts)
	endpoint, host, err := endpointOf(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	if opts.Model == "" {
		return nil, errors.New("speech server: no model configured (ALOUD_TTS_HTTP_MODEL)")
	}
	if len(opts.Voices) == 0 {
		return nil, errors.New("speech server: no voice configured (ALOUD_TTS_HTTP_VOICES)")
	}
	e := &Engine{
		opts:     opts,
		endpoint: endpoint,
		slots:    make(chan struct{}, opts.Concurrency),
		// The configured server is the one private host this client may
		// reach; redirects elsewhere stay guarded.
		fetcher: fetch.New(fetch.Config{
			AllowHosts: []string{host}, MaxBytes: opts.MaxBytes, Timeout: opts.Timeout,
			MaxRedirects: 2, UserAgent: opts.UserAgent,
		}),
	}
	for _, name := range opts.Voices {
		if strings.ContainsAny(name, " \t\r\n:") {
			return nil, fmt.Errorf("speech server: voice %q has a space or colon", name)
		}
		e.voices = append(e.voices, describe(name, opts.Languages))
	}
	return e, nil
}

func withDefaults(o Options) Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Retries == 0 {
		o.Retries = DefaultRetries
	}
	if o.Retries < 0 {
		o.Retries = 0
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if len(o.Languages) == 0 {
		o.Languages = []string{"en"}
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	return o
}

// endpointOf turns the base URL into the speech endpoint and its host.
func endpointOf(base string) (endpoint, host string, err error) {
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", "", fmt.Errorf("speech server: base URL %q: want http(s)://host[:port][/v1] (ALOUD_TTS_HTTP_URL)", base)
	}
	p := strings.TrimSuffix(u.Path, "/")
	switch {
	case strings.HasSuffix(p, "/audio/speech"):
	case strings.HasSuffix(p, "/v1"):
		p += "/audio/speech"
	default:
		p += "/v1/audio/speech"
	}
	u.Path = p
	return u.String(), u.Hostname(), nil
}

// Name implements tts.Engine.
func (e *Engine) Name() string { return "http" }

// Version implements tts.Engine: the model and the server, so that a new
// model or server never reuses cached sentences of another.
func (e *Engine) Version() string { return "openai-speech/" + e.opts.Model + "@" + e.endpoint }

// Voices implements tts.Engine.
func (e *Engine) Voices(context.Context) ([]tts.Voice, error) {
	out := slices.Clone(e.voices)
	for i := range out {
		out[i].Languages = slices.Clone(out[i].Languages)
	}
	return out, nil
}

// Capabilities implements tts.Engine. The API returns audio only, so no
// word timings: read-along highlights whole sentences.
func (e *Engine) Capabilities() tts.Capabilities {
	lic := e.opts.Licence
	if lic == "" {
		lic = "that of the server's model (set ALOUD_TTS_HTTP_LICENCE)"
	}
	return tts.Capabilities{Licence: lic}
}

// Close implements tts.Engine; there is nothing to stop.
func (e *Engine) Close() error { return nil }

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
