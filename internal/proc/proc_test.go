package proc

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func sh(script string) Cmd { return Cmd{Path: "/bin/sh", Args: []string{"-c", script}} }

func TestRunCapturesStderrAndExitCode(t *testing.T) {
	r := New(2)
	err := r.Run(context.Background(), sh("echo boom >&2; exit 3"))
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("got %v, want *proc.Error", err)
	}
	if pe.ExitCode != 3 {
		t.Fatalf("got exit code %d, want 3", pe.ExitCode)
	}
	if !strings.Contains(err.Error(), "boom") {
		t.Fatalf("got %q, want stderr in message", err)
	}
}

func TestStderrIsCapped(t *testing.T) {
	r := New(1)
	err := r.Run(context.Background(), sh("head -c 100000 /dev/zero | tr '\\0' x >&2; exit 1"))
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("got %v, want *proc.Error", err)
	}
	if len(pe.Stderr) != stderrCap {
		t.Fatalf("got %d bytes of stderr, want cap %d", len(pe.Stderr), stderrCap)
	}
	if len(err.Error()) > 1000 {
		t.Fatalf("error message is %d bytes, want it short", len(err.Error()))
	}
}

func TestStdinStdout(t *testing.T) {
	r := New(1)
	var out bytes.Buffer
	c := Cmd{Path: "/bin/cat", Stdin: strings.NewReader("hello"), Stdout: &out}
	if err := r.Run(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	if out.String() != "hello" {
		t.Fatalf("got %q, want hello", out.String())
	}
}

func TestCancelTerminates(t *testing.T) {
	r := New(1)
	r.waitDelay = 200 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	// The trap ignores SIGTERM, so only WaitDelay's kill ends it.
	err := r.Run(ctx, sh("trap '' TERM; sleep 30"))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want deadline exceeded", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("cancel took %v", d)
	}
}

func TestConcurrencyLimit(t *testing.T) {
	r := New(2)
	var running, peak atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := r.Start(context.Background(), sh("sleep 0.05"))
			if err != nil {
				t.Error(err)
				return
			}
			n := running.Add(1)
			for {
				old := peak.Load()
				if n <= old || peak.CompareAndSwap(old, n) {
					break
				}
			}
			running.Add(-1)
			if err := p.Wait(); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if peak.Load() > 2 {
		t.Fatalf("got %d concurrent processes, want at most 2", peak.Load())
	}
}

func TestWaitForSlotHonoursContext(t *testing.T) {
	r := New(1)
	p, err := r.Start(context.Background(), sh("sleep 1"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := r.Run(ctx, sh("true")); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want deadline exceeded while waiting for a slot", err)
	}
}

func TestMissingBinary(t *testing.T) {
	r := New(1)
	err := r.Run(context.Background(), Cmd{Path: "/nonexistent/engine"})
	if err == nil || !strings.Contains(err.Error(), "engine") {
		t.Fatalf("got %v, want an error naming the program", err)
	}
	if _, err := LookPath("no-such-program-aloud"); err == nil || !strings.Contains(err.Error(), "install-deps") {
		t.Fatalf("got %v, want a hint to run install-deps", err)
	}
	// The slot must be released after a failed start.
	if err := r.Run(context.Background(), sh("true")); err != nil {
		t.Fatal(err)
	}
}

func TestWaitTwice(t *testing.T) {
	r := New(1)
	p, err := r.Start(context.Background(), sh("exit 2"))
	if err != nil {
		t.Fatal(err)
	}
	e1, e2 := p.Wait(), p.Wait()
	if e1 == nil || e1 != e2 {
		t.Fatalf("got %v then %v, want the same error twice", e1, e2)
	}
}
