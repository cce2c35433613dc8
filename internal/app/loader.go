package app

import (
	"strings"

	"aloud/internal/article"
	"aloud/internal/config"
	"aloud/internal/extract"
	"aloud/internal/fetch"
	"aloud/internal/ingest"
)

// newLoader builds the input loader every command and the ingest job
// share. lang is the --lang flag ("" keeps detection, else the default);
// hint tells a CLI user how to raise the size limit ("" for the service,
// whose errors go to API clients).
func newLoader(cfg config.Config, lang, hint string) *ingest.Loader {
	return &ingest.Loader{
		Language:     lang,
		MaxBytes:     cfg.MaxInputBytes,
		MaxBytesHint: hint,
		HTML:         extractHTML,
		Fetcher:      newFetcher(cfg),
	}
}

// cliSizeHint names the setting behind the input size limit.
const cliSizeHint = "set ALOUD_MAX_INPUT_BYTES or --max-bytes to change it"

// newFetcher is the one outbound HTTP client.
func newFetcher(cfg config.Config) *fetch.Fetcher {
	return fetch.New(fetch.Config{AllowHosts: cfg.AllowHosts, UserAgent: fetch.UserAgent(Version)})
}

// extractHTML is the HTML hook of the loader: the extractor with its
// defaults.
func extractHTML(body []byte, pageURL, contentType string) (article.Article, error) {
	return extract.Extract(body, pageURL, contentType, extract.Options{})
}

// loadConfig resolves the configuration of a command from its flags and
// the environment; an invalid value is a usage error naming the variable.
func loadConfig(env Env, flags *config.Flags) (config.Config, error) {
	cfg, err := config.Resolve(env.Getenv, flags)
	if err != nil {
		return cfg, usageErrorf("%s", strings.ReplaceAll(err.Error(), "\n", "; "))
	}
	return cfg, nil
}
