package flite

import (
	"context"
	"fmt"
	"os"

	"aloud/internal/proc"
	"aloud/internal/tts"
)

// synthesizeCLI runs one flite process for one sentence. It writes to a
// file, never a pipe: flite hangs writing multi-sentence WAV into a pipe.
func (e *Engine) synthesizeCLI(ctx context.Context, voice, text string) (tts.Audio, error) {
	if e.cli == "" {
		return tts.Audio{}, fmt.Errorf("flite synthesize: flite CLI not installed (run scripts/install-deps)")
	}
	f, err := os.CreateTemp("", "aloud-flite-*.wav")
	if err != nil {
		return tts.Audio{}, fmt.Errorf("flite synthesize: %w", err)
	}
	path := f.Name()
	f.Close()
	defer os.Remove(path)
	if err := e.runner.Run(ctx, proc.Cmd{Path: e.cli, Args: cliArgs(voice, text, path)}); err != nil {
		return tts.Audio{}, fmt.Errorf("flite synthesize: %w", err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("flite synthesize: %w", err)
	}
	rate, samples, err := tts.DecodeWAV(b)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("flite synthesize: %w", err)
	}
	return tts.Audio{Rate: rate, Samples: samples}, nil
}

// cliArgs builds flite's command line.
func cliArgs(voice, text, out string) []string {
	return []string{
		"-voice", voice, // a built-in voice name
		"-t", text, // the text itself, not a file name; -t takes the next argument verbatim
		"-o", out, // WAV file
	}
}
