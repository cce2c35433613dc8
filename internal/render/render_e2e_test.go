//go:build e2e

package render

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"aloud/internal/article"
	"aloud/internal/audio"
	"aloud/internal/cache"
	"aloud/internal/proc"
	"aloud/internal/testenv"
	"aloud/internal/tts"
	"aloud/internal/tts/espeak"
	"aloud/internal/tts/ttstest"
)

// Memory bounds of a render, whatever the article's length: the Go heap
// (live objects, sampled every few milliseconds) and the process's peak
// RSS. The old whole-article render held about 0.95 MB per sentence.
const (
	maxHeap = 48 << 20
	maxRSS  = 150 << 20
)

// peakHeap samples the heap until stop is called and returns its peak.
func peakHeap() (stop func() uint64) {
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	return func() uint64 { close(done); wg.Wait(); return peak }
}

// vmHWM is this process's peak RSS.
func vmHWM(t *testing.T) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Skip("no /proc")
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n << 10
		}
	}
	return 0
}

func espeakRenderer(t *testing.T, pauses time.Duration) *Renderer {
	t.Helper()
	ffmpeg := testenv.Binary(t, "ffmpeg")
	testenv.Binary(t, "espeak-ng")
	if os.Getenv("ALOUD_LIBEXEC") == "" {
		t.Setenv("ALOUD_LIBEXEC", filepath.Dir(ttstest.Helper(t, "aloud-espeak")))
	}
	eng, err := espeak.New(proc.New(3*runtime.NumCPU()), espeak.Options{Getenv: os.Getenv})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return &Renderer{Engines: tts.NewRegistry(eng), Cache: c, Encoder: audio.NewEncoder(proc.New(runtime.NumCPU()), ffmpeg),
		Assemble: audio.AssembleOptions{Sentence: pauses, Paragraph: pauses, Heading: pauses}}
}

func checkBounded(t *testing.T, r *Renderer, req Request) Result {
	t.Helper()
	runtime.GC()
	stop := peakHeap()
	start := time.Now()
	res, err := r.Render(context.Background(), req)
	heap := stop()
	if err != nil {
		t.Fatal(err)
	}
	rss := vmHWM(t)
	t.Logf("%d sentences, %v of audio in %v: peak heap %.1f MB, process peak RSS %.1f MB",
		res.Sentences, res.Duration.Round(time.Second), time.Since(start).Round(time.Millisecond), float64(heap)/(1<<20), float64(rss)/(1<<20))
	if heap > maxHeap || rss > maxRSS {
		t.Errorf("peak heap %.1f MB (bound %d MB), peak RSS %.1f MB (bound %d MB)", float64(heap)/(1<<20), maxHeap>>20, float64(rss)/(1<<20), maxRSS>>20)
	}
	ents, _ := os.ReadDir(req.Dir)
	for _, e := range ents {
		if IsScratch(e.Name()) {
			t.Errorf("scratch file %s left behind", e.Name())
		}
	}
	return res
}

// TestE2ERenderTwentyThousandSentences renders 20,000 one-word sentences
// (the pauses shortened so that the audio stays under two hours, and the
// sentence cache doing most of the synthesis) with memory that does not
// grow with the number of sentences.
func TestE2ERenderTwentyThousandSentences(t *testing.T) {
	r := espeakRenderer(t, 20*time.Millisecond)
	a := article.Article{Title: "Words", Language: "en"}
	words := []string{"Go.", "No.", "So.", "Yes.", "Now."}
	for p := range 200 {
		var b strings.Builder
		for s := range 100 {
			if s > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[(p+s)%len(words)])
		}
		a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph, Text: b.String()})
	}
	if n := Measure(a).Sentences; n != 20001 {
		t.Fatalf("Measure: %d sentences, want 20,001", n)
	}
	res := checkBounded(t, r, Request{Article: a, Voice: "espeak:en-us", Formats: []string{"wav"}, Dir: t.TempDir(), Disclosure: "off"})
	if res.Sentences != 20001 || !strings.Contains(string(res.Timeline[len(res.Timeline)-200:]), "words") {
		t.Errorf("got %d sentences", res.Sentences)
	}
}

// TestE2ERenderLongArticle renders the seed's body eight times over (about
// 20 minutes of audio) to MP3 and Opus, as the service does, inside the
// same bounds: an article near the size cap renders like a short one.
func TestE2ERenderLongArticle(t *testing.T) {
	seed, err := os.ReadFile(testenv.Seed(t))
	if err != nil {
		t.Fatal(err)
	}
	a := article.Article{Title: "The seed, eight times", Language: "en"}
	paras := strings.Split(strings.TrimSpace(string(seed)), "\n\n")
	for range 8 {
		for _, p := range paras[4 : len(paras)-1] {
			a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph, Text: p})
		}
	}
	dir := t.TempDir()
	res := checkBounded(t, espeakRenderer(t, 0), Request{Article: a, Voice: "espeak:en-us", Formats: []string{"mp3", "opus"}, Dir: dir})
	if res.Duration < 15*time.Minute {
		t.Errorf("only %v of audio", res.Duration)
	}
	for _, f := range []string{"mp3", "opus"} {
		if st, err := os.Stat(res.Files[f]); err != nil || st.Size() < 1<<20 {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestE2ERenderCancelledWhileEncoding cancels a render once ffmpeg is
// writing its output: the error is the cancellation, and neither the
// scratch file nor a partial output file is left.
func TestE2ERenderCancelledWhileEncoding(t *testing.T) {
	seed, err := os.ReadFile(testenv.Seed(t))
	if err != nil {
		t.Fatal(err)
	}
	a := article.Article{Title: "The seed, four times", Language: "en"}
	paras := strings.Split(strings.TrimSpace(string(seed)), "\n\n")
	for range 4 {
		for _, p := range paras[4 : len(paras)-1] {
			a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph, Text: p})
		}
	}
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	saw := make(chan string, 1)
	go func() {
		for ctx.Err() == nil {
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				if strings.HasSuffix(e.Name(), ".tmp") {
					saw <- e.Name()
					cancel()
					return
				}
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()
	_, err = espeakRenderer(t, 0).Render(ctx, Request{Article: a, Voice: "espeak:en-us", Formats: []string{"mp3", "opus"}, Dir: dir})
	select {
	case name := <-saw:
		t.Logf("cancelled while %s was being written: %v", name, err)
	default:
		t.Fatalf("no partial output seen before the render ended (err %v)", err)
	}
	if err == nil {
		t.Fatal("cancelled render succeeded")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Fatalf("left behind: %v", ents)
	}
}
