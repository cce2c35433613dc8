package config

import (
	"errors"
	"fmt"
	"net/url"
	"time"
)

// Engines configures the speech engines that need more than being
// installed: a speech server that speaks the OpenAI-compatible
// /v1/audio/speech API, and Piper with the operator's voice models. Every
// command that speaks reads it (LoadEngines), not only the service. A zero
// value configures neither; flite, espeak-ng and festival need nothing.
type Engines struct {
	HTTPURL         string        // ALOUD_TTS_HTTP_URL: the server, http(s)://host[:port][/v1]
	HTTPModel       string        // ALOUD_TTS_HTTP_MODEL: model name sent to it (kokoro, tts-1, …)
	HTTPVoices      []string      // ALOUD_TTS_HTTP_VOICES: its voices to offer as http:NAME (comma-separated)
	HTTPLanguages   []string      // ALOUD_TTS_HTTP_LANGUAGES: what voices speak when their names do not say; default en
	HTTPAPIKey      string        // ALOUD_TTS_HTTP_API_KEY (or _FILE): Bearer token (secret)
	HTTPLicence     string        // ALOUD_TTS_HTTP_LICENCE: the model's licence, shown by aloud voices
	HTTPTimeout     time.Duration // ALOUD_TTS_HTTP_TIMEOUT: per request; default 60s
	HTTPConcurrency int           // ALOUD_TTS_HTTP_CONCURRENCY: requests in flight; default 2
	HTTPRetries     int           // ALOUD_TTS_HTTP_RETRIES: further attempts on 5xx, 429, timeouts; default 2
	PiperBin        string        // ALOUD_PIPER_BIN: the piper program; default piper on PATH
	PiperModels     []string      // ALOUD_PIPER_MODELS: .onnx voice models (comma-separated paths)
}

// LoadEngines reads the ALOUD_TTS_HTTP_* and ALOUD_PIPER_* variables
// through getenv and validates them.
func LoadEngines(getenv func(string) string) (Engines, error) {
	var errs []error
	l := loader{getenv: getenv, errs: &errs}
	e := Engines{
		HTTPURL:         l.str("ALOUD_TTS_HTTP_URL"),
		HTTPModel:       l.str("ALOUD_TTS_HTTP_MODEL"),
		HTTPVoices:      l.list("ALOUD_TTS_HTTP_VOICES"),
		HTTPLanguages:   l.list("ALOUD_TTS_HTTP_LANGUAGES"),
		HTTPAPIKey:      l.secret("ALOUD_TTS_HTTP_API_KEY"),
		HTTPLicence:     l.str("ALOUD_TTS_HTTP_LICENCE"),
		HTTPTimeout:     l.dur("ALOUD_TTS_HTTP_TIMEOUT"),
		HTTPConcurrency: l.int("ALOUD_TTS_HTTP_CONCURRENCY"),
		HTTPRetries:     l.int("ALOUD_TTS_HTTP_RETRIES"),
		PiperBin:        l.str("ALOUD_PIPER_BIN"),
		PiperModels:     l.list("ALOUD_PIPER_MODELS"),
	}
	if err := errors.Join(errs...); err != nil {
		return Engines{}, err
	}
	return e, e.Validate()
}

// Validate reports every invalid field, each named with its variable.
func (e Engines) Validate() error {
	var errs []error
	bad := func(field, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{field}, a...)...))
	}
	if e.HTTPURL != "" {
		u, err := url.Parse(e.HTTPURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
			bad("ALOUD_TTS_HTTP_URL", "want http(s)://host[:port][/v1] without user:password, got %q", Redact(e.HTTPURL))
		}
		if e.HTTPModel == "" {
			bad("ALOUD_TTS_HTTP_MODEL", "must be set with ALOUD_TTS_HTTP_URL")
		}
		if len(e.HTTPVoices) == 0 {
			bad("ALOUD_TTS_HTTP_VOICES", "must name at least one voice with ALOUD_TTS_HTTP_URL")
		}
	}
	if e.HTTPTimeout < 0 || e.HTTPTimeout > time.Hour {
		bad("ALOUD_TTS_HTTP_TIMEOUT", "must be between 0s and 1h, got %s", e.HTTPTimeout)
	}
	if e.HTTPConcurrency < 0 || e.HTTPConcurrency > 256 {
		bad("ALOUD_TTS_HTTP_CONCURRENCY", "must be between 1 and 256, got %d", e.HTTPConcurrency)
	}
	if e.HTTPRetries < 0 || e.HTTPRetries > 10 {
		bad("ALOUD_TTS_HTTP_RETRIES", "must be between 0 and 10, got %d", e.HTTPRetries)
	}
	return errors.Join(errs...)
}
