//go:build e2e

package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"aloud/internal/config"
	"aloud/internal/dbtest"
	"aloud/internal/proc"
	"aloud/internal/render"
	"aloud/internal/store"
)

// slowRenderer stands in for the pipeline in the crash test of the job
// mechanics: it writes half of each file, waits, then finishes, so that a
// kill lands while partial output exists.
type slowRenderer struct {
	delay   time.Duration
	markers string // if set, a directory where each render claims its title exclusively
}

func (r slowRenderer) Render(ctx context.Context, req render.Request) (render.Result, error) {
	if r.markers != "" {
		// O_EXCL: a second render of the same article, by any process, fails
		// here and leaves evidence for the test.
		m, err := os.OpenFile(filepath.Join(r.markers, req.Article.Title), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err != nil {
			os.WriteFile(filepath.Join(r.markers, "DUPLICATE "+req.Article.Title), nil, 0o644)
		} else {
			fmt.Fprintf(m, "%d", os.Getpid())
			m.Close()
		}
	}
	res := render.Result{Files: map[string]string{}, Timeline: []byte(`{"sentences":[]}`), Duration: time.Second, Voice: "slow:test"}
	var files []*os.File
	for _, format := range req.Formats {
		p := filepath.Join(req.Dir, "out."+format)
		f, err := os.Create(p)
		if err != nil {
			return render.Result{}, err
		}
		defer f.Close()
		f.WriteString(strings.Repeat(format+req.Article.Title, 1000))
		f.Sync()
		files = append(files, f)
		res.Files[format] = p
	}
	select {
	case <-time.After(r.delay):
	case <-ctx.Done():
		return render.Result{}, ctx.Err()
	}
	for _, f := range files {
		f.WriteString("end")
	}
	return res, nil
}

// TestE2EHelperProcess is `aloud serve` with slowRenderer when run by the
// crash test as a subprocess; otherwise it does nothing.
func TestE2EHelperProcess(t *testing.T) {
	mode := os.Getenv("ALOUD_E2E_HELPER")
	if mode != "serve" && mode != "worker" {
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg, err := config.Load(os.Getenv)
	if err == nil {
		cfg = cfg.WithDefaults()
		err = cfg.Validate()
	}
	if os.Getenv("ALOUD_E2E_NO_WORKERS") != "" {
		cfg.Concurrency = 0 // the API of a split deployment
	}
	if err == nil {
		delay, _ := time.ParseDuration(os.Getenv("ALOUD_E2E_DELAY"))
		err = serve(ctx, cfg, StdEnv(), mode == "serve", slowRenderer{delay: delay, markers: os.Getenv("ALOUD_E2E_MARKERS")}, nil)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// TestE2ECrashMidRenderLosesNothing kills -9 the process while a render is
// half done: the article shows no audio, no partial file sits under a
// content address, and after a restart with default settings (no rescue
// flag) the dead process's job is reclaimed at once and completes on its
// second attempt, and its scratch files are gone.
func TestE2ECrashMidRenderLosesNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, url string) {
		data, addr := t.TempDir(), freeAddr(t)
		key := createKey(t, url)
		env := append(os.Environ(), "ALOUD_E2E_HELPER=serve", "ALOUD_DATABASE_URL="+url, "ALOUD_DATA="+data,
			"ALOUD_ADDR="+addr, "ALOUD_E2E_DELAY=3s")
		p := startHelper(t, env, addr)
		id := submitText(t, addr, key, "Crash test")
		killMidRender(t, p, addr, key, id, url, data)
		startHelper(t, env, addr)
		waitRecovered(t, addr, key, id, url, data)
	})
}

// TestE2EWorkerCrashRecovers is the same with the API and the worker in
// separate processes on PostgreSQL: the worker is killed, a new one
// reclaims the render.
func TestE2EWorkerCrashRecovers(t *testing.T) {
	url := dbtest.PostgresURL(t)
	data, addr := t.TempDir(), freeAddr(t)
	key := createKey(t, url)
	env := append(os.Environ(), "ALOUD_DATABASE_URL="+url, "ALOUD_DATA="+data, "ALOUD_ADDR="+addr, "ALOUD_E2E_DELAY=3s")
	startHelper(t, append(env, "ALOUD_E2E_HELPER=serve", "ALOUD_E2E_NO_WORKERS=1"), addr)
	w := startHelper(t, append(env, "ALOUD_E2E_HELPER=worker"), "")
	id := submitText(t, addr, key, "Worker crash")
	killMidRender(t, w, addr, key, id, url, data)
	startHelper(t, append(env, "ALOUD_E2E_HELPER=worker"), "")
	waitRecovered(t, addr, key, id, url, data)
}

// TestE2ESigtermMidLongRender stops the process while a render longer than
// the shutdown timeout runs: it exits cleanly, the job is left retryable
// (River returns a job its stop cancelled to the queue; not running), no
// scratch file remains, and a
// restart finishes it.
func TestE2ESigtermMidLongRender(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, url string) {
		data, addr := t.TempDir(), freeAddr(t)
		key := createKey(t, url)
		env := append(os.Environ(), "ALOUD_E2E_HELPER=serve", "ALOUD_DATABASE_URL="+url, "ALOUD_DATA="+data,
			"ALOUD_ADDR="+addr, "ALOUD_SHUTDOWN_TIMEOUT=1s")
		p := startHelper(t, append(env, "ALOUD_E2E_DELAY=10m"), addr)
		id := submitText(t, addr, key, "Long story")
		waitStatus(t, addr, key, id, "rendering", time.Minute)
		waitScratch(t, data, 1)
		if err := syscall.Kill(p.Pid(), syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if err := p.Wait(); err != nil {
			t.Fatalf("after SIGTERM: %v, want a clean exit", err)
		}
		st := dbtest.Open(t, url)
		var state string
		err := st.DB().QueryRowContext(context.Background(), `SELECT state FROM river_job WHERE kind = 'render'`).Scan(&state)
		if err != nil || (state != "retryable" && state != "available") {
			// River puts a job its stop cancelled back as available.
			t.Fatalf("render job after SIGTERM: %q %v, want available or retryable, not running", state, err)
		}
		if n := scratch(t, data); n != 0 {
			t.Fatalf("after SIGTERM: %d scratch entries left", n)
		}
		startHelper(t, append(env, "ALOUD_E2E_DELAY=100ms"), addr)
		waitStatus(t, addr, key, id, "ready", 3*time.Minute)
	})
}

func submitText(t *testing.T, addr, key, title string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"text": title + "\n\nA paragraph to speak."})
	code, resp := call(t, "POST", "http://"+addr+"/api/v1/articles", key, string(body))
	var created struct{ ID string }
	json.Unmarshal(resp, &created)
	if code != 202 || created.ID == "" {
		t.Fatalf("create: %d %s", code, resp)
	}
	return created.ID
}

// killMidRender waits for the render to be half written, kills -9 the
// process p and checks that nothing was published.
func killMidRender(t *testing.T, p *proc.Process, addr, key, id, url, data string) {
	t.Helper()
	waitStatus(t, addr, key, id, "rendering", time.Minute)
	waitScratch(t, data, 1)
	time.Sleep(time.Second) // inside the 3 s render
	if err := syscall.Kill(p.Pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	p.Wait()
	st := dbtest.Open(t, url)
	a, err := st.ArticleByID(context.Background(), id)
	if err != nil || a.LiveRenditionID != "" || a.Status == store.StatusReady {
		t.Fatalf("after kill -9: %+v %v, want no audio", a, err)
	}
	if n := wholeBlobs(t, data); n != 0 {
		t.Fatalf("after kill -9: %d files under content addresses, want none before the commit", n)
	}
}

// waitRecovered waits (with a hang guard, not a timing assertion) for the
// article to be ready after a restart, then checks the render ran twice and
// the dead process's scratch dir was swept.
func waitRecovered(t *testing.T, addr, key, id, url, data string) {
	t.Helper()
	waitStatus(t, addr, key, id, "ready", 3*time.Minute)
	if n := wholeBlobs(t, data); n != 3 {
		t.Fatalf("after restart: %d stored files, want mp3, opus and timeline", n)
	}
	var attempt int
	var state string
	st := dbtest.Open(t, url)
	err := st.DB().QueryRowContext(context.Background(), `SELECT attempt, state FROM river_job WHERE kind = 'render'`).Scan(&attempt, &state)
	if err != nil || state != "completed" || attempt != 2 {
		t.Fatalf("render job: attempt %d state %q %v, want completed on attempt 2 (reclaimed)", attempt, state, err)
	}
	if n := scratch(t, data); n != 0 {
		t.Fatalf("after recovery: %d scratch entries left", n)
	}
}

// scratch counts the entries of the blob store's scratch directory.
func scratch(t *testing.T, data string) int {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(data, "audio", "tmp"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return len(entries)
}

func waitScratch(t *testing.T, data string, n int) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for scratch(t, data) < n {
		if time.Now().After(deadline) {
			t.Fatal("hang guard: no scratch dir appeared")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func createKey(t *testing.T, url string) string {
	t.Helper()
	st := dbtest.Open(t, url)
	p, err := st.EnsurePublication(context.Background(), "daily")
	if err != nil {
		t.Fatal(err)
	}
	_, secret, err := st.CreateAPIKey(context.Background(), p.ID, "crash")
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return secret
}

// TestE2ETwoWorkerProcessesNeverShareAJob runs `serve` and two `worker`
// processes on one PostgreSQL: no article is rendered twice (each render
// claims its article exclusively on disk), and every render job ran once.
func TestE2ETwoWorkerProcessesNeverShareAJob(t *testing.T) {
	url := dbtest.PostgresURL(t)
	data, addr, markers := t.TempDir(), freeAddr(t), t.TempDir()
	key := createKey(t, url)
	env := append(os.Environ(), "ALOUD_DATABASE_URL="+url, "ALOUD_DATA="+data, "ALOUD_ADDR="+addr,
		"ALOUD_FETCH_POLL=50ms", "ALOUD_SHUTDOWN_TIMEOUT=3s", "ALOUD_E2E_DELAY=300ms", "ALOUD_E2E_MARKERS="+markers,
		"ALOUD_CONCURRENCY=2")
	startHelper(t, append(env, "ALOUD_E2E_HELPER=serve"), addr)
	startHelper(t, append(env, "ALOUD_E2E_HELPER=worker"), "")
	startHelper(t, append(env, "ALOUD_E2E_HELPER=worker"), "")
	var ids []string
	for i := range 24 {
		body, _ := json.Marshal(map[string]string{"text": fmt.Sprintf("Story %d\n\nA paragraph to speak.", i)})
		code, resp := call(t, "POST", "http://"+addr+"/api/v1/articles", key, string(body))
		var created struct{ ID string }
		json.Unmarshal(resp, &created)
		if code != 202 {
			t.Fatalf("create: %d %s", code, resp)
		}
		ids = append(ids, created.ID)
	}
	for _, id := range ids {
		waitStatus(t, addr, key, id, "ready", 3*time.Minute)
	}
	entries, _ := os.ReadDir(markers)
	pids := map[string]int{}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "DUPLICATE") {
			t.Errorf("rendered twice: %s", e.Name())
			continue
		}
		b, _ := os.ReadFile(filepath.Join(markers, e.Name()))
		pids[string(b)]++
	}
	if len(entries) != len(ids) {
		t.Errorf("renders: got %d, want %d", len(entries), len(ids))
	}
	st := dbtest.Open(t, url)
	var bad int
	err := st.DB().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM river_job
		WHERE kind = 'render' AND (attempt <> 1 OR array_length(attempted_by, 1) <> 1 OR state <> 'completed')`).Scan(&bad)
	if err != nil || bad != 0 {
		t.Fatalf("render jobs not run exactly once: %d %v", bad, err)
	}
	t.Logf("renders per process: %v", pids)
	if len(pids) < 2 {
		t.Logf("only %d process rendered; the exclusivity check is weaker this run", len(pids))
	}
}

func startHelper(t *testing.T, env []string, addr string) *proc.Process {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	p, err := proc.New(1).Start(ctx, proc.Cmd{Path: os.Args[0], Args: []string{"-test.run=^TestE2EHelperProcess$"}, Env: env})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); p.Wait() })
	if addr == "" {
		return p
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			return p
		}
		if time.Now().After(deadline) {
			t.Fatalf("helper never answered: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
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

func call(t *testing.T, method, url, key, body string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, []byte(err.Error())
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func waitStatus(t *testing.T, addr, key, id, want string, guard time.Duration) {
	t.Helper()
	deadline := time.Now().Add(guard)
	for {
		_, b := call(t, "GET", "http://"+addr+"/api/v1/articles/"+id, key, "")
		var a struct{ Status, Error string }
		json.Unmarshal(b, &a)
		if a.Status == want {
			return
		}
		if a.Status == "failed" || time.Now().After(deadline) {
			t.Fatalf("article %s: %s, want status %s", id, b, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// wholeBlobs counts files under content addresses and fails the test for
// any whose content does not hash to its name.
func wholeBlobs(t *testing.T, data string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(filepath.Join(data, "audio"), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if d.Name() == "tmp" {
				return filepath.SkipDir
			}
			return nil
		}
		b, _ := os.ReadFile(p)
		sum := sha256.Sum256(b)
		if !strings.HasPrefix(d.Name(), hex.EncodeToString(sum[:])) {
			t.Errorf("stored file %s is not whole", d.Name())
		}
		n++
		return nil
	})
	return n
}
