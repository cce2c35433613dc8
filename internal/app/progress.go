package app

import (
	"fmt"
	"io"
	"strings"
	"sync"
)

// progress draws a one-line bar on stderr when stderr is a terminal and
// does nothing otherwise, so logs and pipes stay clean.
type progress struct {
	mu   sync.Mutex
	w    io.Writer
	on   bool
	drew bool
}

func newProgress(env Env) *progress {
	return &progress{w: env.Stderr, on: env.StderrTTY}
}

// Set shows done of total; safe from many goroutines.
func (p *progress) Set(done, total int) {
	if !p.on || total <= 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	const width = 30
	n := done * width / total
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d sentences", strings.Repeat("#", n), strings.Repeat(".", width-n), done, total)
	p.drew = true
}

// Done clears the bar; safe to call twice.
func (p *progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drew {
		fmt.Fprint(p.w, "\r\033[K")
		p.drew = false
	}
}
