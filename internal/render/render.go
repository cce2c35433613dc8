// Package render runs the speech pipeline for one article: split,
// normalize, synthesize (cached, in parallel), assemble, loudness-correct,
// encode and tag. The CLI (`aloud speak`) and the service's render job call
// the same Render.
package render

import (
	"context"
	"errors"
	"io"
	"time"

	"aloud/internal/article"
)

// Request is one article to speak.
type Request struct {
	Article    article.Article
	Voice      string   // "engine:voice"; empty picks the language's default
	Formats    []string // "mp3", "opus", "wav"; empty means mp3
	Disclosure string   // "start", "end" (default) or "off"
	Dir        string   // directory for the finished files (temp names, then atomic rename)
	Name       string   // base file name in Dir; empty means the content hash
	Writer     io.Writer
	Progress   func(done, total int) // optional; called from several goroutines
}

// Result describes the finished files.
type Result struct {
	Files      map[string]string // format → path of the finished file in Request.Dir
	Timeline   []byte            // timeline JSON (see architecture.md)
	Duration   time.Duration
	Voice      string // the voice actually used
	Sentences  int
	CacheHits  int
	SpokenHash string // hash of everything that determines the audio
}

// ErrNotImplemented marks the pipeline while it is being built.
var ErrNotImplemented = errors.New("render pipeline not implemented yet")

// Renderer holds the pipeline's long-lived parts (engines, cache, encoder).
type Renderer struct{}

// Render speaks req.Article into files under req.Dir.
func (r *Renderer) Render(ctx context.Context, req Request) (Result, error) {
	return Result{}, ErrNotImplemented
}
