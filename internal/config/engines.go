package config

import (
	"errors"
	"fmt"
	"net/url"
	"time"
)

// Engines configures the speech engines that need more than being
// installed: a speech server that speaks the OpenAI-compatible
// /v1/audio/speech API, and Piper with the operator's voice models. A zero
// value configures neither; flite, espeak-ng and festival need nothing.
// Its rows in the options table are engineOptions; Config.Validate checks
// it.
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

// engineOptions are the rows of the options table for Engines; every
// command that speaks takes them.
func engineOptions() []option {
	const speaks = Serve | Worker | Speak
	e := func(c *Config) *Engines { return &c.Engines }
	return []option{
		{env: "ALOUD_TTS_HTTP_URL", flag: "tts-url", scope: speaks, usage: "OpenAI-compatible speech server `URL` (http://host:port[/v1]) whose voices become http:NAME",
			set: str(func(c *Config) *string { return &e(c).HTTPURL })},
		{env: "ALOUD_TTS_HTTP_MODEL", flag: "tts-model", scope: speaks, usage: "`MODEL` the speech server should use (kokoro, tts-1, …)",
			set: str(func(c *Config) *string { return &e(c).HTTPModel })},
		{env: "ALOUD_TTS_HTTP_VOICES", flag: "tts-voices", scope: speaks, list: true, usage: "the speech server's `VOICES` to offer (comma-separated)",
			set: list(func(c *Config) *[]string { return &e(c).HTTPVoices })},
		{env: "ALOUD_TTS_HTTP_LANGUAGES", scope: speaks, set: list(func(c *Config) *[]string { return &e(c).HTTPLanguages })},
		{env: "ALOUD_TTS_HTTP_API_KEY", scope: speaks, secret: true, set: str(func(c *Config) *string { return &e(c).HTTPAPIKey })},
		{env: "ALOUD_TTS_HTTP_LICENCE", scope: speaks, set: str(func(c *Config) *string { return &e(c).HTTPLicence })},
		{env: "ALOUD_TTS_HTTP_TIMEOUT", scope: speaks, set: dur(func(c *Config) *time.Duration { return &e(c).HTTPTimeout })},
		{env: "ALOUD_TTS_HTTP_CONCURRENCY", scope: speaks, set: integer(func(c *Config) *int { return &e(c).HTTPConcurrency })},
		{env: "ALOUD_TTS_HTTP_RETRIES", scope: speaks, set: integer(func(c *Config) *int { return &e(c).HTTPRetries })},
		{env: "ALOUD_PIPER_BIN", flag: "piper-bin", scope: speaks, usage: "the Piper `PROGRAM` (default piper on PATH)",
			set: str(func(c *Config) *string { return &e(c).PiperBin })},
		{env: "ALOUD_PIPER_MODELS", flag: "piper-model", scope: speaks, list: true, usage: "a Piper voice model `FILE.onnx` (repeatable) that becomes piper:NAME",
			set: list(func(c *Config) *[]string { return &e(c).PiperModels })},
	}
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
