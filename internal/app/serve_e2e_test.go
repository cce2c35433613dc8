//go:build e2e

package app_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"aloud/internal/dbtest"
	"aloud/internal/proc"
	"aloud/internal/store"
	"aloud/internal/testenv"
)

// These tests run the real binary (`aloud serve`, `aloud worker`) with the
// real pipeline, as separate processes, and kill them.

var build struct {
	once sync.Once
	path string
	err  error
}

func aloudBinary(t *testing.T) string {
	t.Helper()
	build.once.Do(func() {
		goBin, err := proc.LookPath("go")
		if err != nil {
			build.err = err
			return
		}
		dir, err := os.MkdirTemp("", "aloud-e2e-")
		if err != nil {
			build.err = err
			return
		}
		build.path = filepath.Join(dir, "aloud")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		build.err = proc.New(1).Run(ctx, proc.Cmd{Path: goBin, Args: []string{"build", "-o", build.path, "./cmd/aloud"},
			Dir: testenv.RepoRoot(), Env: append(os.Environ(), "CGO_ENABLED=0")})
	})
	if build.err != nil {
		t.Fatalf("build aloud: %v", build.err)
	}
	return build.path
}

type service struct {
	t    *testing.T
	bin  string
	data string
	db   string
	addr string
	env  []string
}

func newService(t *testing.T, dbURL string) *service {
	t.Helper()
	testenv.Binary(t, "ffmpeg")
	s := &service{t: t, bin: aloudBinary(t), data: t.TempDir(), db: dbURL, addr: freeAddr(t)}
	s.env = append(os.Environ(), "ALOUD_LIBEXEC="+filepath.Join(testenv.RepoRoot(), "bin"))
	return s
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// key creates a publication key with `aloud keys create`.
func (s *service) key() string {
	s.t.Helper()
	var out bytes.Buffer
	err := proc.New(1).Run(context.Background(), proc.Cmd{Path: s.bin, Env: s.env, Stdout: &out,
		Args: []string{"keys", "create", "--data", s.data, "--database", s.db, "--publication", "daily"}})
	if err != nil {
		s.t.Fatalf("keys create: %v", err)
	}
	k := strings.TrimSpace(out.String())
	if !strings.HasPrefix(k, "aloud_") || strings.Contains(k, "\n") {
		s.t.Fatalf("keys create printed %q, want only the key", out.String())
	}
	return k
}

// start runs `aloud serve` (or worker) and returns its process; the test's
// cleanup stops it.
func (s *service) start(command string, extra ...string) *proc.Process {
	s.t.Helper()
	// Default job timeout and rescue delay: recovery after a crash must
	// not depend on them.
	args := []string{command, "--data", s.data, "--database", s.db, "--fetch-poll", "100ms", "--shutdown-timeout", "5s"}
	if command == "serve" {
		args = append(args, "--addr", s.addr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	p, err := proc.New(1).Start(ctx, proc.Cmd{Path: s.bin, Args: append(args, extra...), Env: s.env})
	if err != nil {
		cancel()
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() { cancel(); p.Wait() })
	if command == "serve" {
		s.waitUp()
	}
	return p
}

func (s *service) waitUp() {
	s.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get("http://" + s.addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("aloud serve never answered: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

type articleView struct {
	ID, Status, Error string
	Audio             *struct {
		MP3, Opus, Timeline string
		DurationSeconds     float64 `json:"duration_seconds"`
	}
}

func (s *service) do(method, path, key, body string) (int, []byte) {
	s.t.Helper()
	target := path
	if !strings.HasPrefix(path, "http://") && !strings.HasPrefix(path, "https://") {
		target = "http://" + s.addr + path // audio URLs arrive absolute (--public-url)
	}
	req, _ := http.NewRequest(method, target, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, []byte(err.Error())
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func (s *service) create(key, text string) string {
	s.t.Helper()
	body, _ := json.Marshal(map[string]string{"text": text})
	code, b := s.do("POST", "/api/v1/articles", key, string(body))
	if code != 202 {
		s.t.Fatalf("create: %d %s", code, b)
	}
	var out struct{ ID string }
	json.Unmarshal(b, &out)
	return out.ID
}

func (s *service) get(key, id string) articleView {
	s.t.Helper()
	code, b := s.do("GET", "/api/v1/articles/"+id, key, "")
	var a articleView
	if code != 200 || json.Unmarshal(b, &a) != nil {
		return articleView{Status: fmt.Sprintf("http %d", code)}
	}
	return a
}

// skipIfNoPipeline skips (or fails under strict mode) while the render
// pipeline is not implemented.
func skipIfNoPipeline(t *testing.T, a articleView) {
	if strings.Contains(a.Error, "not implemented") {
		testenv.Missing(t, "render pipeline not implemented yet: "+a.Error)
	}
}

func (s *service) waitReady(key, id string, guard time.Duration) articleView {
	s.t.Helper()
	deadline := time.Now().Add(guard)
	for {
		a := s.get(key, id)
		skipIfNoPipeline(s.t, a)
		if a.Status == "ready" && a.Audio != nil {
			return a
		}
		if a.Status == "failed" || time.Now().After(deadline) {
			s.t.Fatalf("article %s never became ready: %+v", id, a)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkBlobs verifies that every stored audio file is whole: its content
// hashes to its name.
func (s *service) checkBlobs() int {
	s.t.Helper()
	n := 0
	root := filepath.Join(s.data, "audio")
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			if d != nil && d.IsDir() && d.Name() == "tmp" {
				return filepath.SkipDir
			}
			return nil
		}
		b, _ := os.ReadFile(p)
		sum := sha256.Sum256(b)
		if !strings.HasPrefix(d.Name(), hex.EncodeToString(sum[:])) {
			s.t.Errorf("audio file %s is not whole: content hash %x", d.Name(), sum[:8])
		}
		n++
		return nil
	})
	return n
}

func seedText(t *testing.T, n int) string {
	t.Helper()
	b, err := os.ReadFile(testenv.Seed(t))
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("Story number %d\n\n", n) + string(b)
}

// TestE2EKillMidRender kills -9 the only process while it renders: no job
// is lost, no half-written audio is exposed, and after a restart the
// article becomes ready.
func TestE2EKillMidRender(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, url string) {
		s := newService(t, url)
		key := s.key()
		p := s.start("serve")
		id := s.create(key, seedText(t, 1))
		deadline := time.Now().Add(120 * time.Second)
		for {
			a := s.get(key, id)
			skipIfNoPipeline(t, a)
			if a.Status == "rendering" {
				break
			}
			if a.Status == "ready" || time.Now().After(deadline) {
				t.Fatalf("could not catch the render in progress: %+v", a)
			}
			time.Sleep(10 * time.Millisecond)
		}
		time.Sleep(300 * time.Millisecond) // well inside the render
		if err := syscall.Kill(p.Pid(), syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		p.Wait()

		st := dbtest.Open(t, url)
		a, err := st.ArticleByID(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if a.LiveRenditionID != "" || a.Status == store.StatusReady {
			t.Fatalf("article after kill -9: %+v, want no audio yet", a)
		}
		s.checkBlobs()
		st.Close()

		s.start("serve") // the restart reclaims the dead process's job at once
		ready := s.waitReady(key, id, 5*time.Minute)
		if n := s.checkBlobs(); n < 2 {
			t.Fatalf("after restart %d audio files, want mp3, opus and timeline", n)
		}
		code, body := s.do("GET", ready.Audio.MP3, "", "")
		sum := sha256.Sum256(body)
		if code != 200 || !strings.Contains(ready.Audio.MP3, hex.EncodeToString(sum[:])) {
			t.Fatalf("served mp3: %d, %d bytes, hash mismatch with %s", code, len(body), ready.Audio.MP3)
		}
	})
}

// TestE2ETwoWorkersNeverShareAJob runs `aloud serve` and two `aloud worker`
// processes on one PostgreSQL: every render job is attempted exactly once,
// by one client.
func TestE2ETwoWorkersNeverShareAJob(t *testing.T) {
	url := dbtest.PostgresURL(t)
	s := newService(t, url)
	key := s.key()
	s.start("serve", "--concurrency", "1")
	s.start("worker", "--concurrency", "1")
	s.start("worker", "--concurrency", "1")
	var ids []string
	for i := range 6 {
		ids = append(ids, s.create(key, seedText(t, i)))
	}
	for _, id := range ids {
		s.waitReady(key, id, 10*time.Minute)
	}
	st := dbtest.Open(t, url)
	rows, err := st.DB().QueryContext(context.Background(),
		`SELECT id, attempt, array_length(attempted_by, 1), attempted_by[1] FROM river_job WHERE kind = 'render'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	clients := map[string]int{}
	n := 0
	for rows.Next() {
		var id int64
		var attempt, by int
		var client string
		if err := rows.Scan(&id, &attempt, &by, &client); err != nil {
			t.Fatal(err)
		}
		if attempt != 1 || by != 1 {
			t.Errorf("render job %d: attempt %d by %d clients, want exactly one of each", id, attempt, by)
		}
		clients[client]++
		n++
	}
	if n != len(ids) {
		t.Fatalf("render jobs: got %d, want %d", n, len(ids))
	}
	t.Logf("render jobs per client: %v", clients)
}
