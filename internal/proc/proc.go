// Package proc is the one way aloud runs a subprocess: an argv slice (never a
// shell), cancellation that sends SIGTERM and escalates to SIGKILL after a
// grace period, stderr captured (capped) into the error, and a context-aware
// semaphore that bounds how many run at once.
package proc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// stderrCap bounds the stderr kept for an error message; engines and ffmpeg
// can be chatty and a runaway child must not grow our memory.
const stderrCap = 4 << 10

// Runner starts subprocesses under a concurrency limit.
type Runner struct {
	sem       chan struct{}
	waitDelay time.Duration
}

// New returns a Runner that allows at most limit concurrent processes
// (limit < 1 means 1).
func New(limit int) *Runner {
	if limit < 1 {
		limit = 1
	}
	return &Runner{sem: make(chan struct{}, limit), waitDelay: 3 * time.Second}
}

// Cmd describes one invocation.
type Cmd struct {
	Path   string   // resolved binary
	Args   []string // arguments, without argv[0]
	Stdin  io.Reader
	Stdout io.Writer
	Env    []string // nil keeps the parent's environment
	Dir    string
}

// Error is a subprocess that could not start or exited unsuccessfully. Its
// message names the program, the exit status and the tail of stderr.
type Error struct {
	Program  string
	ExitCode int // -1 when the process did not exit normally
	Stderr   string
	Err      error
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("%s: %v", e.Program, e.Err)
	if s := strings.TrimSpace(e.Stderr); s != "" {
		msg += ": " + oneLine(s)
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Run runs c to completion, waiting for a slot first.
func (r *Runner) Run(ctx context.Context, c Cmd) error {
	p, err := r.Start(ctx, c)
	if err != nil {
		return err
	}
	return p.Wait()
}

// Process is a started subprocess holding one runner slot until Wait.
type Process struct {
	cmd     *exec.Cmd
	stderr  *capped
	release func()
	ctx     context.Context
	once    sync.Once
	err     error
}

// Start waits for a slot and starts c. The caller must call Wait.
func (r *Runner) Start(ctx context.Context, c Cmd) (*Process, error) {
	select {
	case r.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("wait to run %s: %w", name(c.Path), ctx.Err())
	}
	release := func() { <-r.sem }
	cmd := exec.CommandContext(ctx, c.Path, c.Args...)
	cmd.Stdin, cmd.Stdout, cmd.Env, cmd.Dir = c.Stdin, c.Stdout, c.Env, c.Dir
	// SIGTERM first so engines and ffmpeg can clean up; WaitDelay then kills
	// and closes the pipes, so a child that ignores it cannot hang us.
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = r.waitDelay
	se := &capped{max: stderrCap}
	cmd.Stderr = se
	if err := cmd.Start(); err != nil {
		release()
		return nil, &Error{Program: name(c.Path), ExitCode: -1, Err: err}
	}
	return &Process{cmd: cmd, stderr: se, release: release, ctx: ctx}, nil
}

// Pid is the operating-system process id.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Wait waits for the process to exit and releases its slot. It is safe to
// call more than once.
func (p *Process) Wait() error {
	p.once.Do(func() {
		err := p.cmd.Wait()
		p.release()
		if err == nil {
			return
		}
		code := -1
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		}
		if ctxErr := p.ctx.Err(); ctxErr != nil {
			err = ctxErr
		}
		p.err = &Error{Program: name(p.cmd.Path), ExitCode: code, Stderr: p.stderr.String(), Err: err}
	})
	return p.err
}

// Output runs c and returns its stdout, which is capped at max bytes.
func (r *Runner) Output(ctx context.Context, c Cmd, max int) ([]byte, error) {
	out := &capped{max: max}
	c.Stdout = out
	err := r.Run(ctx, c)
	return out.buf.Bytes(), err
}

// LookPath resolves a program name once, with an error that says what to do.
func LookPath(program string) (string, error) {
	p, err := exec.LookPath(program)
	if err != nil {
		return "", fmt.Errorf("%s not found on PATH (run scripts/install-deps): %w", program, err)
	}
	return p, nil
}

// capped keeps the first max bytes written and discards the rest, so a
// chatty child never blocks on a full pipe nor grows memory without bound.
type capped struct {
	mu  sync.Mutex
	buf bytes.Buffer
	max int
}

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if room := c.max - c.buf.Len(); room > 0 {
		if len(p) > room {
			c.buf.Write(p[:room])
		} else {
			c.buf.Write(p)
		}
	}
	return len(p), nil
}

func (c *capped) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String()
}

func name(path string) string {
	if i := strings.LastIndexByte(path, os.PathSeparator); i >= 0 {
		return path[i+1:]
	}
	return path
}

func oneLine(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	out := strings.Join(lines, " | ")
	if len(out) > 500 {
		out = "…" + out[len(out)-500:]
	}
	return out
}
