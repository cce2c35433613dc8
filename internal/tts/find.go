package tts

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// ErrNoHelper means a helper binary is not installed; engines then fall
// back to running their CLI once per sentence.
var ErrNoHelper = errors.New("helper not found")

// FindHelper locates the helper program name (for example "aloud-flite"):
// in the directory named by ALOUD_LIBEXEC (read through getenv, which may
// be nil), then next to the running executable, then on PATH.
func FindHelper(getenv func(string) string, name string) (string, error) {
	var dirs []string
	if getenv != nil {
		if d := getenv("ALOUD_LIBEXEC"); d != "" {
			dirs = append(dirs, d)
		}
	}
	if exe, err := os.Executable(); err == nil {
		dirs = append(dirs, filepath.Dir(exe))
	}
	for _, d := range dirs {
		p := filepath.Join(d, name)
		if isExecutable(p) {
			return p, nil
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("find %s (looked in ALOUD_LIBEXEC, next to the executable and on PATH; run make helpers): %w", name, ErrNoHelper)
}

func isExecutable(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}
