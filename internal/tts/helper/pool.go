package helper

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"aloud/internal/proc"
	"aloud/internal/tts"
)

// ErrClosed is a request to a pool that has been closed.
var ErrClosed = errors.New("helper pool closed")

// Config describes the helper processes of one pool.
type Config struct {
	Path    string   // helper binary
	Args    []string // its arguments
	Workers int      // most helper processes at once; 0 means runtime.NumCPU()
	// Codec frames requests and responses; nil means the framed protocol
	// of helpers/protocol.h. Engines that are long-lived processes of
	// their own (festival --pipe) bring theirs.
	Codec Codec
	// IdleTimeout stops a helper nobody used for this long, so idle
	// helpers do not hold proc.Runner slots that ffmpeg or another engine
	// needs. 0 means 5 s.
	IdleTimeout time.Duration
}

// Pool lends long-lived helper processes to concurrent requests, one
// request per process at a time. It starts helpers on demand, replaces
// ones that die and stops idle ones.
type Pool struct {
	runner *proc.Runner
	cfg    Config
	tokens chan struct{} // one per request in flight; bounds the helpers

	mu     sync.Mutex
	idle   []*worker            // most recently used last
	all    map[*worker]struct{} // every live helper, idle or busy
	closed bool
}

// New returns a pool that starts helpers through runner.
func New(runner *proc.Runner, cfg Config) *Pool {
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.NumCPU()
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 5 * time.Second
	}
	if cfg.Codec == nil {
		cfg.Codec = Framed{}
	}
	return &Pool{runner: runner, cfg: cfg, tokens: make(chan struct{}, cfg.Workers), all: map[*worker]struct{}{}}
}

// Do synthesizes text with voice on one helper.
func (p *Pool) Do(ctx context.Context, voice, text string) (tts.Audio, error) {
	req, err := p.cfg.Codec.Encode(voice, text)
	if err != nil {
		return tts.Audio{}, err
	}
	select {
	case p.tokens <- struct{}{}:
	case <-ctx.Done():
		return tts.Audio{}, fmt.Errorf("wait for a helper: %w", ctx.Err())
	}
	defer func() { <-p.tokens }()
	w, err := p.get(ctx)
	if err != nil {
		return tts.Audio{}, err
	}
	a, err := w.call(ctx, p.cfg.Codec, req, text)
	var refused *RefusedError
	if err == nil || errors.As(err, &refused) {
		p.put(w)
	} else {
		p.drop(w)
	}
	return a, err
}

// Close stops every helper; requests in flight fail. It is safe to call
// more than once.
func (p *Pool) Close() error {
	p.mu.Lock()
	p.closed = true
	ws := make([]*worker, 0, len(p.all))
	for w := range p.all {
		ws = append(ws, w)
	}
	p.all, p.idle = map[*worker]struct{}{}, nil
	p.mu.Unlock()
	for _, w := range ws {
		w.stop()
	}
	for _, w := range ws {
		<-w.exited
	}
	return nil
}

// Live is the number of helper processes running (for tests and health).
func (p *Pool) Live() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.all)
}

// get pops a healthy idle helper or starts a new one.
func (p *Pool) get(ctx context.Context) (*worker, error) {
	p.mu.Lock()
	for len(p.idle) > 0 {
		w := p.idle[len(p.idle)-1]
		p.idle = p.idle[:len(p.idle)-1]
		w.idleTimer.Stop()
		if w.alive() {
			p.mu.Unlock()
			return w, nil
		}
		// It died while idle (killed, OOM): forget it and try the next.
		delete(p.all, w)
	}
	closed := p.closed
	p.mu.Unlock()
	if closed {
		return nil, ErrClosed
	}
	w, err := start(ctx, p.runner, p.cfg.Path, p.cfg.Args)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		w.stop()
		return nil, ErrClosed
	}
	p.all[w] = struct{}{}
	return w, nil
}

// put returns a helper to the idle list and arms its idle timer.
func (p *Pool) put(w *worker) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		w.stop()
		return
	}
	p.idle = append(p.idle, w)
	w.idleTimer = time.AfterFunc(p.cfg.IdleTimeout, func() { p.reap(w) })
}

// reap stops w if it is still idle when its timer fires.
func (p *Pool) reap(w *worker) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, x := range p.idle {
		if x == w {
			p.idle = append(p.idle[:i], p.idle[i+1:]...)
			delete(p.all, w)
			w.stop()
			return
		}
	}
}

// drop forgets a broken helper and makes sure it is gone.
func (p *Pool) drop(w *worker) {
	p.mu.Lock()
	delete(p.all, w)
	p.mu.Unlock()
	w.stop()
}
