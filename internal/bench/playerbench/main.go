// Command playerbench measures the listener's side (issue 9): the player
// script's size gzipped, the time from navigation to the audio's canplay
// on /a/{id} in headless Chromium on loopback (median of -runs, cache
// disabled, so every run fetches page, script and audio), and /a/{id}
// latency at a fixed request rate, open loop (each latency counts from
// the request's scheduled time). It starts its own `aloud serve` on
// SQLite in a temp dir and stops it.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"aloud/internal/web"
)

func main() {
	aloud := flag.String("aloud", "bin/aloud", "aloud binary")
	seed := flag.String("seed", "../shared/seeds/000_26680a95212ca344.txt", "article to render")
	voice := flag.String("voice", "espeak:en-us", "voice of the rendered article")
	runs := flag.Int("runs", 10, "navigations to time")
	rate := flag.Int("rate", 500, "page requests per second (open loop)")
	dur := flag.Duration("for", 10*time.Second, "duration of the latency run")
	flag.Parse()
	if err := run(*aloud, *seed, *voice, *runs, *rate, *dur); err != nil {
		fmt.Fprintln(os.Stderr, "playerbench:", err)
		os.Exit(1)
	}
}

func run(aloud, seed, voice string, runs, rate int, dur time.Duration) error {
	_, gz, err := web.PlayerScript()
	if err != nil {
		return err
	}
	fmt.Printf("player.js gzipped: %d bytes (%.1f KB; must ≤ 25 KB, target ≤ 12 KB)\n", gz, float64(gz)/1024)
	s, err := startServer(aloud)
	if err != nil {
		return err
	}
	defer s.stop()
	id, err := s.article(aloud, seed, voice)
	if err != nil {
		return err
	}
	page := s.base + "/a/" + id
	fmt.Printf("article page: %s\n", page)
	med, all, err := canplay(page, runs)
	if err != nil {
		return fmt.Errorf("navigation to canplay: %w", err)
	}
	fmt.Printf("navigation → canplay, /a/{id}, headless Chromium, cache off: median %.0f ms of %d (all: %v; must ≤ 300 ms, target ≤ 150 ms)\n",
		med, runs, all)
	// The floor on this machine: a bare page holding only the same <audio>.
	bare, err := bareAudioPage(s, id)
	if err != nil {
		return err
	}
	defer bare.Close()
	if med, all, err = canplay(bare.URL, runs); err != nil {
		return fmt.Errorf("bare page: %w", err)
	}
	fmt.Printf("baseline, a bare page with only the same <audio preload=auto>: median %.0f ms of %d (all: %v)\n", med, runs, all)
	fmt.Printf("/a/{id} at %d req/s for %s, open loop: %s (p99 must ≤ 20 ms)\n", rate, dur, latency(page, rate, dur))
	return nil
}

type server struct {
	base, key, data string
	cmd             *exec.Cmd
}

func startServer(aloud string) (*server, error) {
	data, err := os.MkdirTemp("", "playerbench-")
	if err != nil {
		return nil, err
	}
	key, err := exec.Command(aloud, "keys", "create", "--data", data, "--publication", "Bench").Output()
	if err != nil {
		return nil, fmt.Errorf("keys create: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(aloud, "serve", "--data", data, "--addr", addr, "--fetch-poll", "100ms")
	cmd.Env = append(os.Environ(), "ALOUD_LOG_LEVEL=warn", "ALOUD_LIBEXEC="+filepath.Dir(aloud))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{base: "http://" + addr, key: strings.TrimSpace(string(key)), data: data, cmd: cmd}
	for i := 0; ; i++ {
		if resp, err := http.Get(s.base + "/healthz"); err == nil {
			resp.Body.Close()
			return s, nil
		}
		if i > 600 {
			s.stop()
			return nil, errors.New("aloud serve did not start")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *server) stop() {
	s.cmd.Process.Signal(os.Interrupt)
	s.cmd.Wait()
	os.RemoveAll(s.data)
}

// article submits the seed (through `aloud extract`) and waits for audio.
func (s *server) article(aloud, seed, voice string) (string, error) {
	out, err := exec.Command(aloud, "extract", "--format", "json", seed).Output()
	if err != nil {
		return "", fmt.Errorf("extract %s: %w", seed, err)
	}
	var a map[string]any
	if err := json.Unmarshal(out, &a); err != nil {
		return "", err
	}
	a["voice"] = voice
	body, _ := json.Marshal(a)
	var created struct{ ID string }
	if err := s.call("POST", "/api/v1/articles", body, &created); err != nil {
		return "", err
	}
	for deadline := time.Now().Add(5 * time.Minute); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		var v struct{ Status, Error string }
		if err := s.call("GET", "/api/v1/articles/"+created.ID, nil, &v); err != nil {
			return "", err
		}
		switch v.Status {
		case "ready":
			return created.ID, nil
		case "failed":
			return "", fmt.Errorf("render failed: %s", v.Error)
		}
	}
	return "", errors.New("article not ready after 5 minutes")
}

func (s *server) call(method, path string, body []byte, out any) error {
	req, _ := http.NewRequest(method, s.base+path, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+s.key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, b)
	}
	return json.Unmarshal(b, out)
}

// canplay navigates runs times (browser cache off) and reads the player's
// "aloud:canplay" performance mark: milliseconds since navigation start.
func canplay(page string, runs int) (float64, []float64, error) {
	path, err := exec.LookPath("chromium")
	if err != nil {
		return 0, nil, fmt.Errorf("chromium not installed (scripts/install-deps): %w", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	noCache := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	})
	if err := chromedp.Do(ctx, noCache, chromedp.Navigate("about:blank")); err != nil {
		return 0, nil, err
	}
	var all []float64
	for range runs {
		rctx, rcancel := context.WithTimeout(ctx, 30*time.Second)
		err := chromedp.Do(rctx, chromedp.Navigate("about:blank"), chromedp.Navigate(page))
		var ms float64
		if err == nil {
			ms, err = chromedp.Run(rctx, chromedp.Poll[float64](`(performance.getEntriesByName('aloud:canplay')[0] || {}).startTime`,
				chromedp.WithPollingInterval(5*time.Millisecond)))
		}
		if err == nil && len(all) == runs-1 { // where the time of the last run went
			var parts string
			parts, err = chromedp.Run(rctx, chromedp.Evaluate[string](`(() => {
				const n = performance.getEntriesByType('navigation')[0], r = performance.getEntriesByType('resource'),
					f = (s) => (r.find(e => e.name.includes(s)) || {}), a = f('.mp3'), j = f('player.js');
				return 'page response end ' + n.responseEnd.toFixed(0) + ' ms, player.js fetched ' + (j.responseEnd || 0).toFixed(0) +
					' ms, DOMContentLoaded ' + n.domContentLoadedEventEnd.toFixed(0) + ' ms, audio request sent ' + (a.requestStart || 0).toFixed(0) +
					' ms, first audio byte ' + (a.responseStart || 0).toFixed(0) + ' ms' })()`))
			fmt.Printf("last run: %s, canplay %.0f ms\n", parts, ms)
		}
		rcancel()
		if err != nil {
			return 0, nil, err
		}
		all = append(all, float64(int(ms*10))/10)
	}
	sorted := slices.Clone(all)
	slices.Sort(sorted)
	return (sorted[(len(sorted)-1)/2] + sorted[len(sorted)/2]) / 2, all, nil
}

// bareAudioPage serves a page with nothing but the article's <audio>,
// marking canplay as the player does.
func bareAudioPage(s *server, id string) (*httptest.Server, error) {
	var d struct{ Audio struct{ MP3 string } }
	resp, err := http.Get(s.base + "/embed/" + id + ".json")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&d); err != nil {
		return nil, err
	}
	page := `<!doctype html><html lang="en"><title>bare</title><link rel="icon" href="data:,"><audio preload="auto" src="` + d.Audio.MP3 +
		`" oncanplay="performance.mark('aloud:canplay')"></audio>`
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	})), nil
}

// latency requests page at rate per second for dur, open loop.
func latency(page string, rate int, dur time.Duration) string {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1024}, Timeout: 10 * time.Second}
	n := int(float64(rate) * dur.Seconds())
	lat := make([]time.Duration, n)
	failed := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	gap := time.Second / time.Duration(rate)
	t0 := time.Now()
	for i := range n {
		due := t0.Add(time.Duration(i) * gap)
		time.Sleep(time.Until(due))
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := client.Get(page)
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
	return fmt.Sprintf("%d requests, %d failed, p50 %.2f ms, p99 %.2f ms, max %.2f ms", n, failed, ms(lat[n/2]), ms(lat[(n*99)/100]), ms(lat[n-1]))
}
