package tts_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"aloud/internal/tts"
)

func TestFindHelper(t *testing.T) {
	libexec, onPath, empty := t.TempDir(), t.TempDir(), t.TempDir()
	write := func(dir, name string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"), mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	inLibexec := write(libexec, "aloud-x", 0o755)
	write(libexec, "aloud-noexec", 0o644)
	inPath := write(onPath, "aloud-x", 0o755)
	write(onPath, "aloud-y", 0o755)
	t.Setenv("PATH", onPath)
	env := func(dir string) func(string) string {
		return func(k string) string {
			if k == "ALOUD_LIBEXEC" {
				return dir
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name   string
		getenv func(string) string
		prog   string
		want   string
	}{
		{"libexec first", env(libexec), "aloud-x", inLibexec},
		{"no env: PATH", nil, "aloud-x", inPath},
		{"empty libexec: PATH", env(empty), "aloud-x", inPath},
		{"not executable: PATH", env(libexec), "aloud-y", filepath.Join(onPath, "aloud-y")},
		{"not executable anywhere", env(libexec), "aloud-noexec", ""},
		{"missing", env(libexec), "aloud-z", ""},
	} {
		got, err := tts.FindHelper(tc.getenv, tc.prog)
		if tc.want == "" {
			if !errors.Is(err, tts.ErrNoHelper) {
				t.Errorf("%s: got %q, %v, want ErrNoHelper", tc.name, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: got %q, %v, want %q", tc.name, got, err, tc.want)
		}
	}
}
