package helper

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"aloud/internal/proc"
	"aloud/internal/testenv"
	"aloud/internal/tts/ttstest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	ttstest.Cleanup()
	os.Exit(code)
}

const text = "The meetings are said to have focused primarily on security issues."

// realHelper is the espeak-ng helper, the quickest real engine to start.
func realHelper(t *testing.T) string {
	t.Helper()
	return ttstest.Helper(t, "aloud-espeak")
}

// script writes an executable shell script standing in for a helper.
func script(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "fake-helper")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func newPool(t *testing.T, cfg Config) *Pool {
	t.Helper()
	p := New(proc.New(4), cfg)
	t.Cleanup(func() { p.Close() })
	return p
}

func TestDo(t *testing.T) {
	p := newPool(t, Config{Path: realHelper(t), Workers: 2})
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			a, err := p.Do(t.Context(), "en-us", text)
			if err != nil {
				t.Error(err)
				return
			}
			ttstest.CheckAudio(t, text, a, 22050, true)
		})
	}
	wg.Wait()
	if n := p.Live(); n < 1 || n > 2 {
		t.Errorf("%d helpers live, want 1 or 2", n)
	}
}

// A helper that crashes fails its request with its exit status and stderr,
// and the next request gets a fresh, working helper.
func TestCrashThenRestart(t *testing.T) {
	marker := filepath.Join(t.TempDir(), "crashed")
	path := script(t, `if [ ! -e "`+marker+`" ]; then touch "`+marker+`"; echo 'engine exploded' >&2; exit 3; fi
exec "`+realHelper(t)+`" "$@"
`)
	p := newPool(t, Config{Path: path, Workers: 1})
	_, err := p.Do(t.Context(), "en-us", text)
	var pe *proc.Error
	if !errors.As(err, &pe) || pe.ExitCode != 3 || !strings.Contains(err.Error(), "engine exploded") {
		t.Fatalf("got %v, want the helper's exit code 3 and stderr", err)
	}
	t.Logf("error: %v", err)
	if errors.Is(err, context.Canceled) {
		t.Errorf("crash reported as cancellation: %v", err)
	}
	a, err := p.Do(t.Context(), "en-us", text)
	if err != nil {
		t.Fatalf("after restart: %v", err)
	}
	ttstest.CheckAudio(t, text, a, 22050, true)
}

func TestBrokenHelpers(t *testing.T) {
	for name, tc := range map[string]struct {
		body string
		want []string // substrings of the error
		is   error
	}{
		"killed by a signal": {body: "head -c 4 >/dev/null; echo 'segfault at 0' >&2; kill -SEGV $$\n",
			want: []string{"signal: segmentation fault", "segfault at 0"}},
		"exits quietly": {body: "exit 0\n", want: []string{"fake-helper"}},
		"garbage": {body: "printf 'garbage!'; echo 'confused' >&2; exec sleep 30\n",
			want: []string{"confused"}, is: ErrProtocol},
		"missing": {body: "", want: []string{"no such file"}},
	} {
		t.Run(name, func(t *testing.T) {
			path := script(t, tc.body)
			if tc.body == "" {
				path = filepath.Join(t.TempDir(), "nosuch")
			}
			p := newPool(t, Config{Path: path, Workers: 1})
			start := time.Now()
			_, err := p.Do(t.Context(), "en-us", text)
			if err == nil {
				t.Fatal("no error")
			}
			t.Logf("error: %v", err)
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v to notice", d)
			}
			if n := p.Live(); n != 0 {
				t.Errorf("%d helpers live after a failure, want 0", n)
			}
		})
	}
}

// Cancelling a request kills its helper instead of wedging the pool, and
// requests waiting for a helper give up when their context ends.
func TestCancel(t *testing.T) {
	hang := script(t, "exec sleep 30\n")
	p := newPool(t, Config{Path: hang, Workers: 1})
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	var wg sync.WaitGroup
	errs := make([]error, 3)
	start := time.Now()
	for i := range errs {
		wg.Go(func() { _, errs[i] = p.Do(ctx, "en-us", text) })
	}
	wg.Wait()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("cancelled requests took %v", d)
	}
	for i, err := range errs {
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("request %d: got %v, want DeadlineExceeded", i, err)
		}
	}

	// A real helper cancelled mid-way is replaced by a working one.
	p = newPool(t, Config{Path: realHelper(t), Workers: 1})
	long := strings.Repeat(text+" ", 200)
	ctx, cancel = context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	if _, err := p.Do(ctx, "en-us", long); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("long text: got %v, want DeadlineExceeded", err)
	}
	a, err := p.Do(t.Context(), "en-us", text)
	if err != nil {
		t.Fatal(err)
	}
	ttstest.CheckAudio(t, text, a, 22050, true)
}

// A refusal (unknown voice) fails the request but keeps the helper.
func TestRefusalKeepsHelper(t *testing.T) {
	p := newPool(t, Config{Path: ttstest.Helper(t, "aloud-flite"), Workers: 1})
	_, err := p.Do(t.Context(), "nosuch", text)
	var refused *RefusedError
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "unknown flite voice nosuch") {
		t.Fatalf("got %v, want a refusal naming the voice", err)
	}
	if n := p.Live(); n != 1 {
		t.Errorf("%d helpers live after a refusal, want 1", n)
	}
	a, err := p.Do(t.Context(), "rms", text)
	if err != nil {
		t.Fatal(err)
	}
	ttstest.CheckAudio(t, text, a, 16000, true)
}

// A helper that dies while idle is noticed and replaced without failing
// the next request.
func TestDiedWhileIdle(t *testing.T) {
	p := newPool(t, Config{Path: realHelper(t), Workers: 1})
	if _, err := p.Do(t.Context(), "en-us", text); err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	w := p.idle[0]
	p.mu.Unlock()
	if err := syscall.Kill(w.proc.Pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-w.exited
	if _, err := p.Do(t.Context(), "en-us", text); err != nil {
		t.Errorf("after the idle helper died: %v", err)
	}
}

func TestIdleTimeoutAndClose(t *testing.T) {
	testenv.Binary(t, "espeak-ng")
	p := newPool(t, Config{Path: realHelper(t), Workers: 2, IdleTimeout: 50 * time.Millisecond})
	if _, err := p.Do(t.Context(), "en-us", text); err != nil {
		t.Fatal(err)
	}
	if n := p.Live(); n != 1 {
		t.Errorf("%d helpers live, want 1", n)
	}
	deadline := time.Now().Add(3 * time.Second)
	for p.Live() > 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := p.Live(); n != 0 {
		t.Errorf("%d helpers live after the idle timeout, want 0", n)
	}
	if _, err := p.Do(t.Context(), "en-us", text); err != nil {
		t.Fatalf("after reaping: %v", err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := p.Do(t.Context(), "en-us", text); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: got %v, want ErrClosed", err)
	}
}
