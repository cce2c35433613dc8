package helper

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"aloud/internal/proc"
	"aloud/internal/tts"
)

// worker is one helper process and the parent's ends of its pipes.
type worker struct {
	name      string
	proc      *proc.Process
	stdin     *os.File
	stdout    *bufio.Reader
	cancel    context.CancelFunc // stops the process (SIGTERM, then kill)
	exited    chan struct{}      // closed once the process has been waited for
	exitErr   error              // the process's exit error; read after exited
	idleTimer *time.Timer        // guarded by Pool.mu
}

// start starts one helper. The process gets a context of its own, so that
// it outlives the request that started it; ctx only bounds the wait for a
// runner slot.
func start(ctx context.Context, runner *proc.Runner, path string, args []string) (*worker, error) {
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("start helper %s: %w", path, err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, fmt.Errorf("start helper %s: %w", path, err)
	}
	life, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stopEarly := context.AfterFunc(ctx, cancel)
	p, err := runner.Start(life, proc.Cmd{Path: path, Args: args, Stdin: inR, Stdout: outW})
	// The child holds its own copies now; ours would keep the pipes open
	// after it dies and hide the EOF that tells us it died.
	inR.Close()
	outW.Close()
	if err != nil || !stopEarly() {
		cancel()
		inW.Close()
		outR.Close()
		if err == nil {
			p.Wait()
			err = ctx.Err()
		}
		return nil, fmt.Errorf("start helper: %w", err)
	}
	w := &worker{name: path, proc: p, stdin: inW, stdout: bufio.NewReaderSize(outR, 1<<16), cancel: cancel, exited: make(chan struct{})}
	go func() {
		w.exitErr = p.Wait()
		inW.Close()
		outR.Close()
		close(w.exited)
	}()
	return w, nil
}

type result struct {
	audio tts.Audio
	err   error
}

// call sends one request and reads its response. A helper that breaks the
// protocol or dies is stopped and its exit status and stderr are returned;
// on cancellation the helper is stopped too, because it may be mid-way
// through a response that nobody will read.
func (w *worker) call(ctx context.Context, codec Codec, req []byte, text string) (tts.Audio, error) {
	done := make(chan result, 1)
	go func() {
		if _, err := w.stdin.Write(req); err != nil {
			done <- result{err: fmt.Errorf("write request: %w", err)}
			return
		}
		a, err := codec.Decode(w.stdout, text)
		done <- result{a, err}
	}()
	select {
	case r := <-done:
		var refused *RefusedError
		if r.err == nil || errors.As(r.err, &refused) {
			return r.audio, r.err
		}
		return tts.Audio{}, w.broken(r.err)
	case <-ctx.Done():
		w.stop()
		return tts.Audio{}, fmt.Errorf("synthesize: %w", ctx.Err())
	}
}

// broken explains why a helper stopped answering: its own exit status and
// stderr when it died by itself, else the protocol error plus whatever it
// wrote to stderr before we stopped it.
func (w *worker) broken(protoErr error) error {
	select {
	case <-w.exited:
	case <-time.After(time.Second): // alive but talking nonsense
		w.stop()
		<-w.exited
	}
	var pe *proc.Error
	if !errors.As(w.exitErr, &pe) {
		return fmt.Errorf("helper %s exited with status 0 mid-request: %w", w.name, protoErr)
	}
	if errors.Is(pe.Err, context.Canceled) {
		// We stopped it; the cancellation is ours, not the caller's.
		return fmt.Errorf("helper %s: %w (stderr: %q)", pe.Program, protoErr, pe.Stderr)
	}
	return fmt.Errorf("helper died: %w", w.exitErr)
}

func (w *worker) alive() bool {
	select {
	case <-w.exited:
		return false
	default:
		return true
	}
}

func (w *worker) stop() { w.cancel() }
