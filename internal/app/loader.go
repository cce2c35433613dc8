package app

import (
	"fmt"
	"strconv"

	"aloud/internal/article"
	"aloud/internal/extract"
	"aloud/internal/ingest"
)

// maxInputEnv names the environment variable that raises or lowers the
// input size limit (bytes of text; 0 or negative means no limit).
const maxInputEnv = "ALOUD_MAX_INPUT_BYTES"

// newLoader builds the input loader every command shares. lang is the
// --lang flag ("" keeps detection, defaulting to "en"); allowHosts are the
// --allow-host flags, which the fetcher merges with ALOUD_FETCH_ALLOW_HOSTS.
func newLoader(env Env, lang string, allowHosts ...string) (*ingest.Loader, error) {
	l := &ingest.Loader{
		Language:     lang,
		MaxBytes:     ingest.DefaultMaxBytes,
		MaxBytesHint: "set " + maxInputEnv + " to change it",
		HTML:         extractHTML,
		Fetcher:      newFetcher(env, allowHosts),
	}
	if v := env.Getenv(maxInputEnv); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", maxInputEnv, err)
		}
		if n <= 0 {
			n = -1
		}
		l.MaxBytes = n
	}
	return l, nil
}

// extractHTML is the HTML hook of the loader and of the ingest job: the
// extractor with its defaults.
func extractHTML(body []byte, pageURL, contentType string) (article.Article, error) {
	return extract.Extract(body, pageURL, contentType, extract.Options{})
}
