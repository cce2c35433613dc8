package app

import (
	"aloud/internal/config"
	"aloud/internal/fetch"
	"aloud/internal/proc"
	"aloud/internal/tts"
	"aloud/internal/tts/piper"
	"aloud/internal/tts/speechhttp"
)

// newConfiguredEngines builds the engines the operator configured: a
// speech server (ALOUD_TTS_HTTP_*) and Piper (ALOUD_PIPER_*). Unlike a
// missing local engine, a configured one that cannot start is an error.
func newConfiguredEngines(runner *proc.Runner, cfg config.Engines) ([]tts.Engine, error) {
	var out []tts.Engine
	if cfg.HTTPURL != "" {
		e, err := speechhttp.New(speechhttp.Options{
			BaseURL: cfg.HTTPURL, Model: cfg.HTTPModel, Voices: cfg.HTTPVoices, Languages: cfg.HTTPLanguages,
			APIKey: cfg.HTTPAPIKey, Licence: cfg.HTTPLicence, Timeout: cfg.HTTPTimeout,
			Concurrency: cfg.HTTPConcurrency, Retries: cfg.HTTPRetries, UserAgent: fetch.UserAgent(Version),
		})
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if len(cfg.PiperModels) > 0 {
		e, err := piper.New(runner, piper.Options{Path: cfg.PiperBin, Models: cfg.PiperModels})
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}
