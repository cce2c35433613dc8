// Command servebench measures the service (issue 5): the seed's
// create-to-ready time on an idle server; articles per minute with one and
// two `aloud worker` processes on PostgreSQL (each pinned to its own core
// with taskset) and with the embedded SQLite setup; p50/p99 create-to-ready
// with evenly spaced arrivals at 70% of the two-worker capacity; and API
// read latency at a fixed request rate (open loop) on SQLite and
// PostgreSQL. The sentence cache is off so that every article costs a full
// render. Everything runs on loopback and stops by itself.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

type opts struct {
	aloud, seed, pg string
	n               int
	readRate        int
	readFor         time.Duration
	only            map[string]bool
	capacity        float64
}

// want reports whether part runs (all of them without -only).
func (o opts) want(part string) bool { return len(o.only) == 0 || o.only[part] }

func main() {
	var o opts
	flag.StringVar(&o.aloud, "aloud", "bin/aloud", "aloud binary")
	flag.StringVar(&o.seed, "seed", "../shared/seeds/000_26680a95212ca344.txt", "article to render")
	flag.StringVar(&o.pg, "pg", envOr("ALOUD_TEST_DATABASE_URL", "postgres://root@127.0.0.1:5432/test?sslmode=disable"), "PostgreSQL URL (a schema is created and dropped)")
	flag.IntVar(&o.n, "n", 30, "distinct articles per throughput run")
	flag.IntVar(&o.readRate, "read-rate", 2000, "API reads per second (open loop)")
	flag.DurationVar(&o.readFor, "read-for", 10*time.Second, "duration of the read-latency run")
	only := flag.String("only", "", "comma-separated parts to run: seed, throughput, load, reads, recovery (default all)")
	flag.Float64Var(&o.capacity, "capacity", 0, "two-worker capacity in articles/min for -only load (default: measured)")
	flag.Parse()
	o.only = map[string]bool{}
	for _, p := range strings.Split(*only, ",") {
		if p = strings.TrimSpace(p); p != "" {
			o.only[p] = true
		}
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "servebench:", err)
		os.Exit(1)
	}
}

func run(o opts) error {
	seed, err := os.ReadFile(o.seed)
	if err != nil {
		return fmt.Errorf("seed article not found (is ../shared present?): %w", err)
	}
	text := string(seed)
	fmt.Printf("servebench: %d distinct articles per run, sentence cache off, %d CPUs\n\n", o.n, cpus())

	// 1. Seed create-to-ready on an idle SQLite server.
	var d time.Duration
	if o.want("seed") || o.want("load") {
		s, err := start(o, "", 2, false)
		if err != nil {
			return err
		}
		d, err = s.createAndWait(text, "seed")
		s.stop()
		if err != nil {
			return err
		}
		fmt.Printf("seed create-to-ready (idle, SQLite):      %6.2f s   (target <= 10 s)\n", d.Seconds())
	}

	// 2. Throughput.
	two := o.capacity
	if o.want("throughput") || (o.want("load") && two == 0) {
		sqliteAll, sqliteRate, err := throughput(o, text, "", 0)
		if err != nil {
			return err
		}
		oneAll, one, err := throughput(o, text, o.pg, 1)
		if err != nil {
			return err
		}
		twoAll, twoSteady, err := throughput(o, text, o.pg, 2)
		if err != nil {
			return err
		}
		two = twoSteady
		fmt.Printf("throughput SQLite (serve, concurrency 2): %6.1f articles/min  (until the last: %.1f)\n", sqliteRate, sqliteAll)
		fmt.Printf("throughput PostgreSQL, 1 worker:          %6.1f articles/min  (until the last: %.1f)\n", one, oneAll)
		fmt.Printf("throughput PostgreSQL, 2 workers:         %6.1f articles/min  (until the last: %.1f; %.2fx one, until the last %.2fx; target >= 1.8x)\n",
			two, twoAll, two/one, twoAll/oneAll)
	}

	// 3. Latency at 70% of the two-worker capacity.
	if o.want("load") {
		p50, p99, err := latencyAtLoad(o, text, 0.7*two)
		if err != nil {
			return err
		}
		fmt.Printf("create-to-ready at 70%% load (PG, 2 w):    p50 %6.2f s  p99 %6.2f s  (single render %.2f s; target p99 <= 3x)\n",
			p50.Seconds(), p99.Seconds(), d.Seconds())
	}

	// 4. Recovery after kill -9, default settings.
	if o.want("recovery") {
		for _, db := range []string{"", o.pg} {
			name := "SQLite, serve"
			if db != "" {
				name = "PostgreSQL, worker"
			}
			render, kill, err := recovery(o, text, db)
			if err != nil {
				return err
			}
			fmt.Printf("kill -9 mid-render to ready (%s): %6.1f s  (the same article uninterrupted: %.1f s; 10x the seed, defaults)\n",
				name, kill.Seconds(), render.Seconds())
		}
	}

	// 5. API reads.
	if !o.want("reads") {
		return nil
	}
	for _, db := range []string{"", o.pg} {
		name := "SQLite"
		if db != "" {
			name = "PostgreSQL"
		}
		r, err := readLatency(o, text, db)
		if err != nil {
			return err
		}
		fmt.Printf("API GET at %d/s (%s): %s  (target p99 <= 20 ms)\n", o.readRate, name, r)
	}
	return nil
}

// server is one `aloud serve` (plus optional pinned workers) on a fresh
// database.
type server struct {
	addr, key string
	args      []string // of `aloud serve`
	env       []string
	procs     []*exec.Cmd
	cleanup   []func()
}

// start runs `aloud serve` on SQLite (pg == "") or on a fresh PostgreSQL
// schema. workers > 0 starts that many pinned `aloud worker` processes and
// an API-only server; pinned false with workers > 0 is not used.
func start(o opts, pg string, concurrency int, apiOnly bool) (*server, error) {
	data, err := os.MkdirTemp("", "servebench-")
	if err != nil {
		return nil, err
	}
	s := &server{cleanup: []func(){func() { os.RemoveAll(data) }}}
	dbURL := filepath.Join(data, "aloud.db")
	if pg != "" {
		if dbURL, err = freshSchema(pg, s); err != nil {
			return nil, err
		}
	}
	s.addr = freeAddr()
	env := append(os.Environ(), "ALOUD_DATA="+data, "ALOUD_DATABASE_URL="+dbURL, "ALOUD_CACHE_DIR=off",
		"ALOUD_RATE_LIMIT=1000000", "ALOUD_RATE_BURST=1000000", "ALOUD_FETCH_POLL=100ms", "ALOUD_LOG_LEVEL=warn",
		fmt.Sprintf("ALOUD_CONCURRENCY=%d", concurrency))
	out, err := exec.Command(o.aloud, "keys", "create", "--data", data, "--database", dbURL, "--publication", "bench").Output()
	if err != nil {
		return nil, fmt.Errorf("keys create: %w", err)
	}
	s.key = strings.TrimSpace(string(out))
	args := []string{"serve", "--addr", s.addr}
	if apiOnly {
		args = append(args, "--no-workers")
	}
	s.args, s.env = args, env
	if err := s.serve(o); err != nil {
		s.stop()
		return nil, err
	}
	return s, nil
}

// serve starts `aloud serve` and waits until it answers.
func (s *server) serve(o opts) error {
	if err := s.spawn(s.env, o.aloud, s.args...); err != nil {
		return err
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if resp, err := http.Get("http://" + s.addr + "/healthz"); err == nil {
			resp.Body.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return errors.New("aloud serve did not start")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// recovery renders the seed body ten times over (about 30 minutes of
// audio) once undisturbed, then again under a fresh title, kills -9 the
// process rendering it two seconds in, restarts that process with default
// settings (no job timeout, rescue or poll setting) and reports the time
// from the kill to ready beside the undisturbed create-to-ready.
func recovery(o opts, text, pg string) (render, killToReady time.Duration, err error) {
	long := strings.Repeat(text+"\n\n", 10)
	s, err := start(o, pg, 2, pg != "")
	if err != nil {
		return 0, 0, err
	}
	defer s.stop()
	s.env = slices.DeleteFunc(s.env, func(v string) bool { return strings.HasPrefix(v, "ALOUD_FETCH_POLL=") })
	restart := func() error { return s.serve(o) }
	if pg != "" {
		restart = func() error { return s.spawn(s.env, o.aloud, "worker") }
		if err := restart(); err != nil {
			return 0, 0, err
		}
	} else { // the first serve had the bench's fast poll: start one with defaults
		s.procs[0].Process.Signal(syscall.SIGTERM)
		s.procs[0].Wait()
		if err := restart(); err != nil {
			return 0, 0, err
		}
	}
	if render, err = s.createAndWait(long, "Undisturbed"); err != nil {
		return 0, 0, err
	}
	id, err := s.create(long, "Killed")
	if err != nil {
		return 0, 0, err
	}
	for st := ""; st != "rendering"; time.Sleep(20 * time.Millisecond) {
		if st, err = s.status(id); err != nil {
			return 0, 0, err
		}
	}
	time.Sleep(2 * time.Second)
	victim := s.procs[len(s.procs)-1] // serve on SQLite, the worker on PostgreSQL
	victim.Process.Kill()
	victim.Wait()
	t0 := time.Now()
	if err := restart(); err != nil {
		return 0, 0, err
	}
	if err := s.waitReady(id, 30*time.Minute); err != nil {
		return 0, 0, err
	}
	return render, time.Since(t0), nil
}

func (s *server) spawn(env []string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Env, cmd.Stderr = env, os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	s.procs = append(s.procs, cmd)
	return nil
}

// worker starts `taskset -c core aloud worker`: it and its engine and
// ffmpeg children run on that core only.
func (s *server) worker(o opts, core int) error {
	return s.spawn(s.env, "taskset", "-c", fmt.Sprint(core), o.aloud, "worker")
}

func (s *server) stop() {
	for _, p := range s.procs {
		p.Process.Signal(syscall.SIGTERM)
	}
	for _, p := range s.procs {
		p.Wait()
	}
	for i := len(s.cleanup) - 1; i >= 0; i-- {
		s.cleanup[i]()
	}
}

func freshSchema(base string, s *server) (string, error) {
	db, err := sql.Open("pgx", base)
	if err != nil {
		return "", err
	}
	schema := fmt.Sprintf("servebench_%d", time.Now().UnixNano())
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		db.Close()
		return "", fmt.Errorf("create schema: %w", err)
	}
	s.cleanup = append(s.cleanup, func() { db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); db.Close() })
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

func (s *server) create(text, tag string) (string, error) {
	body, _ := json.Marshal(map[string]string{"text": tag + "\n\n" + text})
	code, b := s.call("POST", "/api/v1/articles", body)
	var out struct{ ID string }
	if code != 202 || json.Unmarshal(b, &out) != nil {
		return "", fmt.Errorf("create: %d %s", code, b)
	}
	return out.ID, nil
}

func (s *server) status(id string) (string, error) {
	code, b := s.call("GET", "/api/v1/articles/"+id, nil)
	var a struct{ Status, Error string }
	if code != 200 || json.Unmarshal(b, &a) != nil {
		return "", fmt.Errorf("get: %d %s", code, b)
	}
	if a.Status == "failed" {
		return "", fmt.Errorf("article %s failed: %s", id, a.Error)
	}
	return a.Status, nil
}

func (s *server) waitReady(id string, guard time.Duration) error {
	deadline := time.Now().Add(guard)
	for {
		st, err := s.status(id)
		if err != nil {
			return err
		}
		if st == "ready" {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("article %s not ready after %s", id, guard)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *server) createAndWait(text, tag string) (time.Duration, error) {
	t0 := time.Now()
	id, err := s.create(text, tag)
	if err != nil {
		return 0, err
	}
	if err := s.waitReady(id, 5*time.Minute); err != nil {
		return 0, err
	}
	return time.Since(t0), nil
}

func (s *server) call(method, path string, body []byte) (int, []byte) {
	req, _ := http.NewRequest(method, "http://"+s.addr+path, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+s.key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, []byte(err.Error())
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// throughput submits o.n distinct articles at once and returns articles
// per minute: all (until the last is ready) and steady (while every worker
// still had work: the first n-w completions, w the number of workers).
// With all articles queued at once the last render runs alone, so "all"
// undercounts w workers' capacity by up to one render in n/w; "steady" is
// the capacity the load test and the scaling target are about. workers 0
// means SQLite with the serve process doing the work (concurrency 2).
func throughput(o opts, text, pg string, workers int) (all, steady float64, err error) {
	s, err := setup(o, pg, workers)
	if err != nil {
		return 0, 0, err
	}
	defer s.stop()
	t0 := time.Now()
	pending := map[string]bool{}
	for i := range o.n {
		id, err := s.create(text, fmt.Sprintf("Bench story %d of run %d", i, t0.UnixNano()))
		if err != nil {
			return 0, 0, err
		}
		pending[id] = true
	}
	var done []time.Duration
	deadline := t0.Add(30 * time.Minute)
	for len(pending) > 0 {
		if time.Now().After(deadline) {
			return 0, 0, fmt.Errorf("%d articles not ready after 30 minutes", len(pending))
		}
		// Every 100 ms: the list carries each article's text, and polling
		// faster cost the API process a noticeable share of the CPU the
		// workers are being measured on.
		time.Sleep(100 * time.Millisecond)
		ready, err := s.readyIDs(pending, o.n)
		if err != nil {
			return 0, 0, err
		}
		for _, id := range ready {
			delete(pending, id)
			done = append(done, time.Since(t0))
		}
	}
	w := workers
	if w == 0 {
		w = 2 // serve's concurrency
	}
	k := max(1, o.n-w)
	return float64(o.n) / done[len(done)-1].Minutes(), float64(k) / done[k-1].Minutes(), nil
}

// readyIDs lists the publication's n newest articles in one request and
// returns those of ids that are ready; a failed one is an error.
func (s *server) readyIDs(ids map[string]bool, n int) ([]string, error) {
	// The database is fresh: the run's n articles are all there is.
	code, b := s.call("GET", fmt.Sprintf("/api/v1/articles?limit=%d", min(100, n)), nil)
	var out struct {
		Articles []struct{ ID, Status, Error string }
	}
	if code != 200 || json.Unmarshal(b, &out) != nil {
		return nil, fmt.Errorf("list: %d %s", code, b)
	}
	var ready []string
	for _, a := range out.Articles {
		switch {
		case !ids[a.ID]:
		case a.Status == "failed":
			return nil, fmt.Errorf("article %s failed: %s", a.ID, a.Error)
		case a.Status == "ready":
			ready = append(ready, a.ID)
		}
	}
	return ready, nil
}

func setup(o opts, pg string, workers int) (*server, error) {
	if workers == 0 {
		return start(o, pg, 2, false)
	}
	s, err := start(o, pg, 1, true)
	if err != nil {
		return nil, err
	}
	for i := range workers {
		if err := s.worker(o, i%cpus()); err != nil {
			s.stop()
			return nil, err
		}
	}
	return s, nil
}

// latencyAtLoad sends o.n articles evenly spaced at perMinute to two
// pinned workers on PostgreSQL and returns p50 and p99 create-to-ready.
func latencyAtLoad(o opts, text string, perMinute float64) (time.Duration, time.Duration, error) {
	s, err := setup(o, o.pg, 2)
	if err != nil {
		return 0, 0, err
	}
	defer s.stop()
	gap := time.Duration(float64(time.Minute) / perMinute)
	lat := make([]time.Duration, o.n)
	errs := make([]error, o.n)
	var wg sync.WaitGroup
	t0 := time.Now()
	for i := range o.n {
		time.Sleep(time.Until(t0.Add(time.Duration(i) * gap)))
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat[i], errs[i] = s.createAndWait(text, fmt.Sprintf("Load story %d of run %d", i, t0.UnixNano()))
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return 0, 0, err
	}
	slices.Sort(lat)
	return lat[len(lat)/2], lat[(len(lat)*99)/100], nil
}

// readLatency measures GET /api/v1/articles/{id} at a fixed rate (open
// loop: latency counts from each request's scheduled start), workers idle.
func readLatency(o opts, text, pg string) (string, error) {
	s, err := start(o, pg, 1, true)
	if err != nil {
		return "", err
	}
	defer s.stop()
	id, err := s.create(text, "Read bench")
	if err != nil {
		return "", err
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1024}, Timeout: 10 * time.Second}
	n := int(float64(o.readRate) * o.readFor.Seconds())
	lat := make([]time.Duration, n)
	failed := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	gap := time.Second / time.Duration(o.readRate)
	ctx, cancel := context.WithTimeout(context.Background(), o.readFor+30*time.Second)
	defer cancel()
	t0 := time.Now()
	for i := range n {
		due := t0.Add(time.Duration(i) * gap)
		time.Sleep(time.Until(due))
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+s.addr+"/api/v1/articles/"+id, nil)
			req.Header.Set("Authorization", "Bearer "+s.key)
			resp, err := client.Do(req)
			ok := err == nil && resp.StatusCode == 200
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			mu.Lock()
			lat[i] = time.Since(due)
			if !ok {
				failed++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	return fmt.Sprintf("%d requests, %d failed, p50 %.2f ms, p99 %.2f ms, max %.2f ms",
		n, failed, ms(lat[n/2]), ms(lat[(n*99)/100]), ms(lat[n-1])), nil
}

func freeAddr() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func cpus() int {
	n := 0
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "processor") {
			n++
		}
	}
	return max(n, 1)
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
