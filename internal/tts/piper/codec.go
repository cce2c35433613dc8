package piper

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"aloud/internal/tts"
	"aloud/internal/tts/helper"
)

// maxWAV bounds one sentence's WAV: minutes of audio.
const maxWAV = 64 << 20

// codec speaks Piper's --json-input mode with --output_dir: a request is
// one JSON line holding the text; Piper writes a WAV with a name of its
// own in the directory and prints that path once the file is complete.
type codec struct {
	dir string
}

var _ helper.Codec = codec{}

type line struct {
	Text string `json:"text"`
}

// Encode implements helper.Codec. The text's newlines become spaces: a
// newline would end the JSON line early in no case (JSON escapes it), but
// Piper splits its input into sentences at them.
func (c codec) Encode(_, text string) ([]byte, error) {
	b, err := json.Marshal(line{Text: strings.Join(strings.Fields(text), " ")})
	if err != nil {
		return nil, fmt.Errorf("piper request: %w", err)
	}
	return append(b, '\n'), nil
}

// Decode implements helper.Codec: read the path, then the file, which is
// removed; a path outside aloud's directory is a protocol error (it would
// make aloud read and delete a file it did not ask for).
func (c codec) Decode(r *bufio.Reader, _ string) (tts.Audio, error) {
	raw, err := r.ReadString('\n')
	if err != nil {
		return tts.Audio{}, fmt.Errorf("piper: read answer: %w: %w", helper.ErrProtocol, err)
	}
	path := filepath.Clean(strings.TrimSpace(raw))
	if filepath.Dir(path) != filepath.Clean(c.dir) {
		return tts.Audio{}, fmt.Errorf("piper: answer %q is not a file in %s: %w", clip(raw), c.dir, helper.ErrProtocol)
	}
	defer os.Remove(path)
	fi, err := os.Stat(path)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("piper: %w: %w", helper.ErrProtocol, err)
	}
	if fi.Size() > maxWAV {
		return tts.Audio{}, fmt.Errorf("piper: WAV of %d bytes exceeds %d: %w", fi.Size(), maxWAV, helper.ErrProtocol)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("piper: %w", err)
	}
	rate, samples, err := tts.DecodeWAV(b)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("piper: %w", err)
	}
	return tts.Audio{Rate: rate, Samples: samples}, nil
}
