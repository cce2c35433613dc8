package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ScratchPattern names a render's scratch file (os.CreateTemp pattern): the
// assembled PCM of the article being rendered, two bytes per sample (about
// 150 MB for an hour at 22 kHz). A render removes it on every way out;
// one left behind means the process died mid-render, and SweepScratch
// removes it at the next start.
const ScratchPattern = ".aloud-scratch-*.pcm"

const scratchPrefix = ".aloud-scratch-"

func scratchDir(req Request) string {
	switch {
	case req.ScratchDir != "":
		return req.ScratchDir
	case req.Dir != "":
		return req.Dir
	}
	return os.TempDir()
}

func createScratch(dir string) (*os.File, error) {
	f, err := os.CreateTemp(dir, ScratchPattern)
	if err != nil {
		return nil, fmt.Errorf("scratch file: %w", err)
	}
	return f, nil
}

func removeScratch(f *os.File) {
	f.Close()
	os.Remove(f.Name())
}

// IsScratch reports whether a file name is one a render leaves only when
// killed: its scratch file, or an output file the encoder had not yet
// renamed into place (".NAME.mp3.*.tmp", see audio.Encoder.EncodeStreamFile).
func IsScratch(name string) bool {
	if strings.HasPrefix(name, scratchPrefix) && strings.HasSuffix(name, ".pcm") {
		return true
	}
	if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".tmp") {
		return false
	}
	for ext := range strings.SplitSeq(".mp3. .opus. .wav.", " ") {
		if strings.Contains(name, ext) {
			return true
		}
	}
	return false
}

// SweepScratch removes the scratch and partial output files (IsScratch)
// directly in dir that were last modified more than olderThan ago, and
// returns the paths it removed. Call it at start-up, before any render of
// this process runs in dir (olderThan 0), or at any time with an age no
// live render's files can reach.
func SweepScratch(dir string, olderThan time.Duration) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("sweep scratch: %w", err)
	}
	var removed []string
	cutoff := time.Now().Add(-olderThan)
	for _, e := range entries {
		if !e.Type().IsRegular() || !IsScratch(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil || info.ModTime().After(cutoff) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return removed, fmt.Errorf("sweep scratch: %w", err)
		}
		removed = append(removed, p)
	}
	return removed, nil
}
