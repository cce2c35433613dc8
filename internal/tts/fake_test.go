package tts_test

import (
	"context"

	"aloud/internal/tts"
)

// fakeEngine is a hand-written Engine whose behaviour the test sets.
type fakeEngine struct {
	name     string
	voices   []tts.Voice
	prefer   map[string]string // for VoiceFor, like espeak
	VoicesFn func(context.Context) ([]tts.Voice, error)
}

var _ tts.Engine = (*fakeEngine)(nil)

func (f *fakeEngine) Name() string    { return f.name }
func (f *fakeEngine) Version() string { return f.name + "-1" }
func (f *fakeEngine) Voices(ctx context.Context) ([]tts.Voice, error) {
	if f.VoicesFn != nil {
		return f.VoicesFn(ctx)
	}
	return f.voices, nil
}
func (f *fakeEngine) Synthesize(context.Context, string, string) (tts.Audio, error) {
	return tts.Audio{}, nil
}
func (f *fakeEngine) Close() error                   { return nil }
func (f *fakeEngine) Capabilities() tts.Capabilities { return tts.Capabilities{} }
func (f *fakeEngine) VoiceFor(lang string) (string, bool) {
	v, ok := f.prefer[lang]
	return v, ok
}

func voicesOf(engine string, names ...string) []tts.Voice {
	var vs []tts.Voice
	for _, n := range names {
		vs = append(vs, tts.Voice{Engine: engine, Name: n, Languages: []string{n}})
	}
	return vs
}
