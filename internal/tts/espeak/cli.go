package espeak

import (
	"context"
	"fmt"
	"strings"

	"aloud/internal/proc"
	"aloud/internal/tts"
)

// maxWAV caps the CLI's output: far more than any sentence needs.
const maxWAV = 64 << 20

// synthesizeCLI runs one espeak-ng process for one sentence. The text goes
// through stdin so that no sentence can be mistaken for an option.
func (e *Engine) synthesizeCLI(ctx context.Context, voice, text string) (tts.Audio, error) {
	if e.cli == "" {
		return tts.Audio{}, fmt.Errorf("espeak synthesize: espeak-ng CLI not installed (run scripts/install-deps)")
	}
	out, err := e.runner.Output(ctx, proc.Cmd{Path: e.cli, Args: cliArgs(voice), Stdin: strings.NewReader(text)}, maxWAV)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("espeak synthesize: %w", err)
	}
	rate, samples, err := tts.DecodeWAV(out)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("espeak synthesize: %w", err)
	}
	return tts.Audio{Rate: rate, Samples: samples}, nil
}

// cliArgs builds espeak-ng's command line. The CLI reads "[[…]]" as
// phoneme mnemonics by default (the helper passes espeakPHONEMES to match),
// so a lexicon entry's phonemes need no option here (TestPhonemeInput).
func cliArgs(voice string) []string {
	return []string{
		"-b", "1", // input is UTF-8
		"-v", voice, // voice by language code
		"--stdin", "--stdout", // text from stdin, WAV to stdout
	}
}
