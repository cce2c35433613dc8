package tts

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Voice is one voice of an installed engine.
type Voice struct {
	Engine    string   // "flite", "espeak"
	Name      string   // the engine's own name, for example "rms" or "en-us"
	Languages []string // BCP 47 tags, lower case, most specific first
	Gender    string   // "male", "female" or "" when unknown
}

// ID is the voice's name across engines: "engine:name".
func (v Voice) ID() string { return v.Engine + ":" + v.Name }

// Word is one word of synthesized speech.
type Word struct {
	Span  [2]int // byte span in the synthesized text
	Start int    // first sample
	End   int    // sample after the last one
}

// Audio is one synthesized sentence: mono 16-bit PCM at Rate samples per
// second. Words is empty when the engine reports no word positions.
type Audio struct {
	Rate    int
	Samples []int16
	Words   []Word
}

// Duration is the length of the audio.
func (a Audio) Duration() time.Duration {
	if a.Rate <= 0 {
		return 0
	}
	return time.Duration(len(a.Samples)) * time.Second / time.Duration(a.Rate)
}

// Engine synthesizes speech. Implementations are safe for concurrent use.
type Engine interface {
	// Name is the engine part of voice IDs: "flite", "espeak".
	Name() string
	// Version identifies everything that changes the audio (engine and
	// library version); it goes into sentence cache keys.
	Version() string
	// Voices lists the installed voices.
	Voices(ctx context.Context) ([]Voice, error)
	// Synthesize speaks text with voice, the part of the ID after "engine:".
	Synthesize(ctx context.Context, voice, text string) (Audio, error)
	// Capabilities says what the engine can do, for `aloud voices`, the
	// choice of default voices and the quality harness.
	Capabilities() Capabilities
	// Close stops the engine's helper processes; it is safe to call twice.
	Close() error
}

// Capabilities are what an engine declares about itself. The languages
// are those of its voices (Voice.Languages).
type Capabilities struct {
	// WordTimings: Synthesize reports Words, so read-along highlighting
	// works.
	WordTimings bool
	// PhonemeInput: the engine can be given phonemes instead of text (a
	// publisher's lexicon could then fix a word's pronunciation exactly).
	PhonemeInput bool
	// SampleRate of the audio in Hz; 0 when it depends on the voice or on
	// a server's answer.
	SampleRate int
	// Licence of the engine and its voices, as an SPDX-like short name.
	Licence string
	// ASCIIOnly: the engine cannot say letters outside ASCII; Speak folds
	// text for it (see Preparer).
	ASCIIOnly bool
}

// ErrUnknownVoice is a voice ID that names no installed voice.
var ErrUnknownVoice = errors.New("unknown voice")

// ParseVoice splits "engine:name" into its parts.
func ParseVoice(id string) (engine, name string, err error) {
	engine, name, ok := strings.Cut(id, ":")
	if !ok || engine == "" || name == "" || strings.ContainsAny(name, " \t\r\n\x00") {
		return "", "", fmt.Errorf("parse voice %q (want engine:name, for example flite:rms): %w", id, ErrUnknownVoice)
	}
	return engine, name, nil
}

// ErrEmptyText is a request to speak nothing.
var ErrEmptyText = errors.New("empty text")
