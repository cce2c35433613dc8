// Package testenv lets tests find the real parts they need (engines, ffmpeg,
// the ../shared data, PostgreSQL) and skip cleanly where one is missing,
// except under ALOUD_TEST_STRICT=1 (set by .ci/run), where a missing part
// fails the test so that a green CI means the real thing ran.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Strict reports whether skips for missing parts are failures.
func Strict() bool { return os.Getenv("ALOUD_TEST_STRICT") == "1" }

// Missing skips the test with reason, or fails it under strict mode.
func Missing(t testing.TB, reason string) {
	t.Helper()
	if Strict() {
		t.Fatalf("ALOUD_TEST_STRICT=1 and a real part is missing: %s", reason)
	}
	t.Skip(reason)
}

// Binary returns the path of program or skips/fails when it is not installed.
func Binary(t testing.TB, program string) string {
	t.Helper()
	p, err := exec.LookPath(program)
	if err != nil {
		Missing(t, program+" not installed (run scripts/install-deps)")
	}
	return p
}

// RepoRoot is the directory holding go.mod.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// SharedDir returns ../shared next to the repository, or skips/fails when
// it is absent. ALOUD_SHARED overrides the location.
func SharedDir(t testing.TB) string {
	t.Helper()
	dir, ok := findShared()
	if !ok {
		Missing(t, "shared data not found at "+dir+" (set ALOUD_SHARED)")
	}
	return dir
}

// findShared looks for ALOUD_SHARED, else a "shared" directory beside the
// checkout or beside one of its parents (a CI clone may sit deeper).
func findShared() (string, bool) {
	if dir := os.Getenv("ALOUD_SHARED"); dir != "" {
		fi, err := os.Stat(dir)
		return dir, err == nil && fi.IsDir()
	}
	first := filepath.Join(RepoRoot(), "..", "shared")
	for d := RepoRoot(); ; {
		parent := filepath.Dir(d)
		if parent == d {
			return first, false
		}
		cand := filepath.Join(parent, "shared")
		if fi, err := os.Stat(filepath.Join(cand, "seeds")); err == nil && fi.IsDir() {
			return cand, true
		}
		d = parent
	}
}

// SharedFile returns a file under SharedDir, or skips/fails when missing.
func SharedFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(SharedDir(t), rel)
	if _, err := os.Stat(p); err != nil {
		Missing(t, "shared file not found: "+p)
	}
	return p
}

// Seed is the path of the seed article.
func Seed(t testing.TB) string {
	t.Helper()
	return SharedFile(t, "seeds/000_26680a95212ca344.txt")
}
