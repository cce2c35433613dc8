//go:build e2e

package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"aloud/internal/proc"
	"aloud/internal/testenv"
)

// server is a real `aloud serve` (built from this checkout) on loopback,
// with SQLite in a temp dir and the real pipeline.
type server struct {
	t    testing.TB
	base string
	key  string
}

var build struct {
	once sync.Once
	path string
	err  error
}

func aloudBinary(t testing.TB) string {
	t.Helper()
	build.once.Do(func() {
		dir, err := os.MkdirTemp("", "aloud-web-e2e-")
		if err != nil {
			build.err = err
			return
		}
		build.path = filepath.Join(dir, "aloud")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		goBin, err := proc.LookPath("go")
		if err != nil {
			build.err = err
			return
		}
		build.err = proc.New(1).Run(ctx, proc.Cmd{Path: goBin, Args: []string{"build", "-o", build.path, "./cmd/aloud"},
			Dir: testenv.RepoRoot(), Env: append(os.Environ(), "CGO_ENABLED=0")})
	})
	if build.err != nil {
		t.Fatalf("build aloud: %v", build.err)
	}
	return build.path
}

func startServer(t testing.TB) *server {
	t.Helper()
	testenv.Binary(t, "ffmpeg")
	testenv.Binary(t, "espeak-ng")
	bin, data := aloudBinary(t), t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	env := append(os.Environ(), "ALOUD_LIBEXEC="+filepath.Join(testenv.RepoRoot(), "bin"), "ALOUD_LOG_LEVEL=warn")
	var out bytes.Buffer
	if err := proc.New(1).Run(context.Background(), proc.Cmd{Path: bin, Env: env, Stdout: &out,
		Args: []string{"keys", "create", "--data", data, "--publication", "Daily Planet"}}); err != nil {
		t.Fatalf("keys create: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	p, err := proc.New(1).Start(ctx, proc.Cmd{Path: bin, Env: env,
		Args: []string{"serve", "--data", data, "--addr", addr, "--fetch-poll", "100ms"}})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); p.Wait() })
	s := &server{t: t, base: "http://" + addr, key: strings.TrimSpace(out.String())}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if resp, err := http.Get(s.base + "/healthz"); err == nil {
			resp.Body.Close()
			return s
		}
		if time.Now().After(deadline) {
			t.Fatal("aloud serve never answered")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// do sends a request with the publication's key and returns status and body.
func (s *server) do(method, path, body string) (int, []byte) {
	s.t.Helper()
	req, _ := http.NewRequest(method, s.base+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+s.key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// article submits a structured article and waits until its audio is ready.
func (s *server) article(a any) string {
	s.t.Helper()
	body, _ := json.Marshal(a)
	code, b := s.do("POST", "/api/v1/articles", string(body))
	if code != 202 {
		s.t.Fatalf("create article: %d %s", code, b)
	}
	var out struct{ ID string }
	json.Unmarshal(b, &out)
	deadline := time.Now().Add(4 * time.Minute)
	for {
		code, b := s.do("GET", "/api/v1/articles/"+out.ID, "")
		var v struct{ Status, Error string }
		json.Unmarshal(b, &v)
		if code == 200 && v.Status == "ready" {
			return out.ID
		}
		if v.Status == "failed" || time.Now().After(deadline) {
			s.t.Fatalf("article %s: %d %s", out.ID, code, b)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// timeline is the article's timeline as the player reads it.
type timeline struct {
	DurationMs int64 `json:"duration_ms"`
	Sentences  []struct {
		Part  string   `json:"part"`
		Block int      `json:"block"`
		Span  [2]int   `json:"span"`
		Ms    [2]int64 `json:"ms"`
		Words []struct {
			Span [2]int   `json:"span"`
			Ms   [2]int64 `json:"ms"`
		} `json:"words"`
	} `json:"sentences"`
}

func (s *server) timeline(id string) timeline {
	s.t.Helper()
	code, b := s.do("GET", "/embed/"+id+".json", "")
	var d struct{ Timeline string }
	if code != 200 || json.Unmarshal(b, &d) != nil || d.Timeline == "" {
		s.t.Fatalf("embed json: %d %s", code, b)
	}
	resp, err := http.Get(d.Timeline)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	var tl timeline
	if err := json.NewDecoder(resp.Body).Decode(&tl); err != nil {
		s.t.Fatalf("timeline: %v", err)
	}
	return tl
}

func itoa(n int) string     { return strconv.Itoa(n) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }
