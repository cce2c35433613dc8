package speechhttp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"slices"
	"strings"
	"time"

	"aloud/internal/fetch"
	"aloud/internal/tts"
)

// ErrBadAnswer is a server answer that is not usable audio: empty, not
// audio, not a mono 16-bit WAV.
var ErrBadAnswer = errors.New("speech server answer is not usable audio")

// maxInput bounds one request's text; a sentence is far shorter.
const maxInput = 16 << 10

// speechRequest is the body of POST /v1/audio/speech.
type speechRequest struct {
	Model          string `json:"model"`
	Input          string `json:"input"`
	Voice          string `json:"voice"`
	ResponseFormat string `json:"response_format"`
}

// Synthesize implements tts.Engine.
func (e *Engine) Synthesize(ctx context.Context, voice, text string) (tts.Audio, error) {
	if !slices.ContainsFunc(e.voices, func(v tts.Voice) bool { return v.Name == voice }) {
		return tts.Audio{}, fmt.Errorf("http voice %q: %w", voice, tts.ErrUnknownVoice)
	}
	if strings.TrimSpace(text) == "" {
		return tts.Audio{}, fmt.Errorf("http synthesize: %w", tts.ErrEmptyText)
	}
	if len(text) > maxInput {
		return tts.Audio{}, fmt.Errorf("http synthesize: sentence of %d bytes exceeds %d", len(text), maxInput)
	}
	body, err := json.Marshal(speechRequest{Model: e.opts.Model, Input: text, Voice: voice, ResponseFormat: "wav"})
	if err != nil {
		return tts.Audio{}, fmt.Errorf("http synthesize: %w", err)
	}
	select {
	case e.slots <- struct{}{}:
	case <-ctx.Done():
		return tts.Audio{}, fmt.Errorf("http synthesize: wait for a slot: %w", ctx.Err())
	}
	defer func() { <-e.slots }()
	a, err := e.withRetries(ctx, body)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("http synthesize: %w", err)
	}
	return a, nil
}

// withRetries makes up to 1+Retries attempts, waiting 0.5 s, 1 s, 2 s, …
// between them, while the failure is one that may pass.
func (e *Engine) withRetries(ctx context.Context, body []byte) (tts.Audio, error) {
	for attempt := 0; ; attempt++ {
		a, err := e.attempt(ctx, body)
		if err == nil {
			return a, nil
		}
		if !retryable(err) || attempt >= e.opts.Retries || ctx.Err() != nil {
			if attempt > 0 {
				err = fmt.Errorf("after %d attempts: %w", attempt+1, err)
			}
			return tts.Audio{}, err
		}
		if serr := e.opts.Sleep(ctx, (500*time.Millisecond)<<attempt); serr != nil {
			return tts.Audio{}, fmt.Errorf("%w (waiting to retry: %w)", err, serr)
		}
	}
}

// attempt is one request and the check of its answer.
func (e *Engine) attempt(ctx context.Context, body []byte) (tts.Audio, error) {
	h := http.Header{"Accept": {"audio/wav, audio/*;q=0.9"}}
	if e.opts.APIKey != "" {
		h.Set("Authorization", "Bearer "+e.opts.APIKey)
	}
	resp, err := e.fetcher.Post(ctx, e.endpoint, "application/json", body, h)
	if err != nil {
		return tts.Audio{}, err
	}
	return decode(resp)
}

// retryable: a timeout, a connection failure, HTTP 429 or 5xx.
func retryable(err error) bool {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Code == http.StatusTooManyRequests || se.Code >= 500
	}
	return errors.Is(err, fetch.ErrTimeout) || errors.Is(err, fetch.ErrConnect)
}

// decode checks and decodes one answer.
func decode(resp *fetch.Response) (tts.Audio, error) {
	if len(resp.Body) == 0 {
		return tts.Audio{}, fmt.Errorf("empty body (HTTP %d): %w", resp.Status, ErrBadAnswer)
	}
	mt, _, _ := mime.ParseMediaType(resp.ContentType)
	riff := bytes.HasPrefix(resp.Body, []byte("RIFF"))
	if !strings.HasPrefix(mt, "audio/") && !(mt == "application/octet-stream" && riff) {
		return tts.Audio{}, fmt.Errorf("content type %q, want audio/wav (body starts %q): %w", resp.ContentType, clip(resp.Body), ErrBadAnswer)
	}
	rate, samples, err := tts.DecodeWAV(resp.Body)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("%s answer: %w: %w", mt, ErrBadAnswer, err)
	}
	if len(samples) == 0 {
		return tts.Audio{}, fmt.Errorf("WAV without samples: %w", ErrBadAnswer)
	}
	return tts.Audio{Rate: rate, Samples: samples}, nil
}

func clip(b []byte) string {
	if len(b) > 80 {
		b = b[:80]
	}
	return strings.ToValidUTF8(string(b), "?")
}
