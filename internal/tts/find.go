package tts

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
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

// EngineOptions configures an engine that prefers a pool of long-lived
// helper processes and falls back to one CLI process per sentence. The
// zero value looks for the helper in $ALOUD_LIBEXEC, next to the
// executable and on PATH, and falls back to the CLI when there is none.
type EngineOptions struct {
	HelperPath string              // the helper program; "" finds it with FindHelper
	Workers    int                 // helper processes; 0 means one per core
	Getenv     func(string) string // lets FindHelper read ALOUD_LIBEXEC; nil means os.Getenv
	CLI        bool                // never use the helper: one engine process per sentence
	CLIPath    string              // the engine's CLI program; "" looks it up on PATH
	// IdleTimeout stops helpers unused this long; 0 means the pool default.
	IdleTimeout time.Duration
}

// Helper resolves the helper program called name: "" in CLI mode or when
// none is installed, an error when an explicit HelperPath is missing.
func (o EngineOptions) Helper(name string) (string, error) {
	switch {
	case o.CLI:
		return "", nil
	case o.HelperPath != "":
		if _, err := os.Stat(o.HelperPath); err != nil {
			return "", fmt.Errorf("find %s: %w", name, err)
		}
		return o.HelperPath, nil
	}
	getenv := o.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	p, err := FindHelper(getenv, name)
	if errors.Is(err, ErrNoHelper) {
		return "", nil
	}
	return p, err
}
