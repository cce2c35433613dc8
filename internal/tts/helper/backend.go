package helper

import (
	"context"
	"fmt"
	"strings"

	"aloud/internal/tts"
)

// Backend runs an engine's requests: on the helper pool when one is
// installed, else through the engine's CLI once per request. Engines share
// it so that both modes check and wrap requests the same way.
type Backend struct {
	Engine string // "flite", "espeak": names the engine in errors
	Pool   *Pool  // nil in CLI mode
	CLI    func(ctx context.Context, voice, text string) (tts.Audio, error)
}

// Synthesize speaks text with voice, which the engine has already checked.
func (b Backend) Synthesize(ctx context.Context, voice, text string) (tts.Audio, error) {
	if strings.TrimSpace(text) == "" {
		return tts.Audio{}, fmt.Errorf("%s synthesize: %w", b.Engine, tts.ErrEmptyText)
	}
	if b.Pool == nil {
		return b.CLI(ctx, voice, text)
	}
	a, err := b.Pool.Do(ctx, voice, text)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("%s synthesize: %w", b.Engine, err)
	}
	return a, nil
}

// Close stops the pool's helpers; it is safe to call twice.
func (b Backend) Close() error {
	if b.Pool != nil {
		return b.Pool.Close()
	}
	return nil
}
