package api_test

import (
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"aloud/internal/api"
	"aloud/internal/dbtest"
)

// proxy is a TCP proxy in front of the database that can cut every
// connection and refuse new ones, to simulate a database that is briefly
// unavailable without touching the shared server.
type proxy struct {
	ln     net.Listener
	target string

	mu    sync.Mutex
	down  bool
	conns map[net.Conn]bool
}

func newProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target, conns: map[net.Conn]bool{}}
	go p.serve()
	t.Cleanup(func() { ln.Close(); p.setDown(true) })
	return p
}

func (p *proxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		down := p.down
		p.mu.Unlock()
		if down {
			c.Close()
			continue
		}
		go p.pipe(c)
	}
}

func (p *proxy) pipe(c net.Conn) {
	up, err := net.DialTimeout("tcp", p.target, 5*time.Second)
	if err != nil {
		c.Close()
		return
	}
	p.mu.Lock()
	p.conns[c], p.conns[up] = true, true
	p.mu.Unlock()
	go func() { io.Copy(up, c); up.Close(); c.Close() }()
	io.Copy(c, up)
	c.Close()
	up.Close()
}

// setDown cuts (true) or restores (false) the database.
func (p *proxy) setDown(down bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = down
	if down {
		for c := range p.conns {
			c.Close()
		}
		clear(p.conns)
	}
}

// A briefly unavailable PostgreSQL makes requests fail cleanly (503 with
// the error shape, quickly, never a hang or a 500) and the same process
// recovers by itself once the database is back.
func TestDatabaseOutageFailsCleanlyAndRecovers(t *testing.T) {
	t.Parallel()
	raw := dbtest.PostgresURL(t)
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	px := newProxy(t, u.Host)
	u.Host = px.ln.Addr().String()
	q := u.Query()
	q.Set("connect_timeout", "2")
	u.RawQuery = q.Encode()
	st := dbtest.Open(t, u.String())
	b := setup(t, st, api.Options{})

	id := b.create(t, `{"text": `+quote(sampleText)+`}`)
	b.waitReady(t, id)

	px.setDown(true)
	for i := range 3 {
		start := time.Now()
		r := b.do(t, "GET", "/api/v1/articles/"+id, b.key, "")
		if r.status != 503 || r.errorCode(t) != "unavailable" {
			t.Fatalf("request %d during outage: got %d %s, want 503 unavailable", i, r.status, r.body)
		}
		if took := time.Since(start); took > 10*time.Second {
			t.Fatalf("request during outage took %s; it must fail fast, not hang", took)
		}
	}
	if r := b.do(t, "GET", "/readyz", "", ""); r.status != 503 {
		t.Fatalf("readyz during outage: got %d, want 503", r.status)
	}

	px.setDown(false)
	deadline := time.Now().Add(30 * time.Second)
	for {
		r := b.do(t, "GET", "/api/v1/articles/"+id, b.key, "")
		if r.status == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no recovery after the outage: %d %s", r.status, r.body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	// Jobs recover too: a new article renders.
	id2 := b.create(t, `{"text": `+quote(strings.Replace(sampleText, "secret", "daylight", 1))+`}`)
	b.waitReady(t, id2)
}
