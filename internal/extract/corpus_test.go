//go:build e2e

package extract

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"syscall"
	"testing"
	"time"

	"aloud/internal/extract/score"
	"aloud/internal/testenv"
)

// corpusFloor is one point under the F1 this extractor reaches on the
// benchmark; a change that loses more than that fails the suite.
const corpusFloor = 0.977

// published are the README's reference points, printed beside ours.
var published = []struct {
	name     string
	p, r, f1 float64
}{
	{"AutoExtract (commercial)", 0.984493, 0.955970, 0.970022},
	{"rs_trafilatura", 0.951014, 0.989665, 0.969955},
	{"go-trafilatura", 0.940304, 0.979880, 0.959684},
	{"trafilatura 2.0.0", 0.938289, 0.977519, 0.957503},
	{"Readability.js", 0.913944, 0.981993, 0.946748},
	{"go-readability (readeck fork)", 0.913952, 0.981963, 0.946738},
}

type corpusPage struct {
	id, url string
	html    []byte
}

func loadCorpus(t testing.TB) (map[string]score.Entry, []corpusPage) {
	return loadBenchmark(t, "benchmarks/article-extraction")
}

// loadBenchmark reads a benchmark directory under ../shared: its ground
// truth and every page, sorted by id.
func loadBenchmark(t testing.TB, name string) (map[string]score.Entry, []corpusPage) {
	t.Helper()
	dir := testenv.SharedFile(t, name)
	truth, err := score.LoadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	pages := make([]corpusPage, 0, len(truth))
	for id, e := range truth {
		gz, err := os.ReadFile(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, corpusPage{id: id, url: e.URL, html: b})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	return truth, pages
}

// TestCorpusExtraction scores Extract on every benchmark page and prints
// the result beside the published table. ALOUD_EXTRACT_DUMP=FILE writes
// the predictions in the benchmark's submission shape for failure analysis.
func TestCorpusExtraction(t *testing.T) {
	truth, pages := loadCorpus(t)
	pred := make(map[string]string, len(pages))
	// One core, as the speed target is stated; CPU time is reported too
	// because wall time suffers when other processes share the machine.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	start, cpu0 := time.Now(), cpuTime()
	for _, pg := range pages {
		// The benchmark pages are stored as UTF-8; say so, as a server would.
		a, err := Extract(pg.html, pg.url, "text/html; charset=utf-8", Options{})
		if err != nil {
			t.Logf("%s: %v", pg.id, err)
		}
		pred[pg.id] = a.BodyText()
	}
	elapsed, cpu := time.Since(start), cpuTime()-cpu0
	got, byID := score.Evaluate(truth, pred)
	t.Logf("%-32s %9s %9s %9s %9s", "extractor", "precision", "recall", "F1", "accuracy")
	t.Logf("%-32s %9.6f %9.6f %9.6f %9.6f", "aloud", got.Precision, got.Recall, got.F1, got.Accuracy)
	for _, p := range published {
		t.Logf("%-32s %9.6f %9.6f %9.6f %9s", p.name, p.p, p.r, p.f1, "")
	}
	t.Logf("%d pages on one core: %.0f pages/s wall, %.0f pages per CPU-second", len(pages),
		float64(len(pages))/elapsed.Seconds(), float64(len(pages))/cpu.Seconds())
	if out := os.Getenv("ALOUD_EXTRACT_DUMP"); out != "" {
		dump(t, out, pred, byID)
	}
	if got.F1 < corpusFloor {
		t.Errorf("got F1 %.6f, want at least %.3f", got.F1, corpusFloor)
	}
}

func dump(t *testing.T, path string, pred map[string]string, byID map[string]score.Page) {
	t.Helper()
	type row struct {
		ArticleBody string  `json:"articleBody"`
		Precision   float64 `json:"precision"`
		Recall      float64 `json:"recall"`
	}
	out := make(map[string]row, len(pred))
	for id, body := range pred {
		out[id] = row{body, byID[id].Precision, byID[id].Recall}
	}
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(os.Stderr, "wrote", path)
}

// BenchmarkCorpusExtract measures pages per second over the benchmark
// pages; run it with -cpu 1 for the one-core figure.
func BenchmarkCorpusExtract(b *testing.B) {
	_, pages := loadCorpus(b)
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		pg := pages[n%len(pages)]
		n++
		_, _ = Extract(pg.html, pg.url, "text/html; charset=utf-8", Options{})
	}
	// Wall-clock pages/s suffers when other processes share the cores;
	// pages per CPU-second of this process does not.
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "pages/cpu-s")
	}
}

// cpuTime is the user+system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
