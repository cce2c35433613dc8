// Command compare scores aloud's extractor, readeck go-readability and
// go-trafilatura side by side on both extraction benchmarks, in one
// process on one core: the 181 news pages (corpus F1 and speed) and
// Mozilla Readability's 130 test pages (mean and median page F1, pages
// under 0.8, empty outputs, exact titles). It is its own module so that
// the comparison libraries stay out of aloud's go.mod:
//
//	cd internal/extract/testdata/compare && go run . [-shared DIR]   # DIR defaults to $ALOUD_SHARED
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"aloud/internal/extract"
	"aloud/internal/extract/score"
)

// output is what an extractor returns for one page.
type output struct{ body, title string }

type extractor struct {
	name string
	run  func(page []byte, pageURL, contentType string) output
}

// notArticles are the second benchmark's pages that are not articles
// (unit tests with a few words of truth, a section front).
var notArticles = map[string]bool{
	"003-metadata-preferred": true, "004-metadata-space-separated-properties": true,
	"005-unescape-html-entities": true, "js-link-replacement": true, "nytimes-5": true,
}

func main() {
	def := os.Getenv("ALOUD_SHARED")
	if def == "" {
		def = "../../../../../shared"
	}
	shared := flag.String("shared", def, "the shared data directory (default $ALOUD_SHARED)")
	flag.Parse()
	runtime.GOMAXPROCS(1)
	news := load(filepath.Join(*shared, "benchmarks/article-extraction"))
	rd := load(filepath.Join(*shared, "benchmarks/article-extraction-readability"))
	extractors := []extractor{
		{"aloud", runAloud},
		{"go-readability v2.1.3", runReadability},
		{"go-trafilatura v1.12.2 (defaults)", trafilaturaRunner(false)},
		{"go-trafilatura v1.12.2 (fallback)", trafilaturaRunner(true)},
	}
	fmt.Println("== article-extraction: 181 news pages (corpus F1; pages per CPU-second on one core)")
	fmt.Printf("%-36s %9s %9s %9s %9s %8s\n", "extractor", "precision", "recall", "F1", "accuracy", "pages/s")
	for _, x := range extractors {
		// The news pages are stored as UTF-8; say so, as a server would.
		pred, _, speed := runAll(x, news, "text/html; charset=utf-8")
		r, _ := score.Evaluate(news.truth, pred)
		fmt.Printf("%-36s %9.6f %9.6f %9.6f %9.3f %8.0f\n", x.name, r.Precision, r.Recall, r.F1, r.Accuracy, speed)
	}
	fmt.Println("\n== article-extraction-readability: 130 pages (mean page F1; titles exact, case and space folded)")
	fmt.Printf("%-36s %8s %8s %7s %6s %7s %14s\n", "extractor", "mean F1", "median", "F1<0.8", "empty", "titles", "articles only")
	for _, x := range extractors {
		// Stored in their own encodings: the charset is sniffed.
		pred, titles, _ := runAll(x, rd, "")
		m, _ := score.EvaluateMean(rd.truth, pred, titles)
		art := map[string]score.Entry{}
		for id, e := range rd.truth {
			if !notArticles[id] {
				art[id] = e
			}
		}
		a, _ := score.EvaluateMean(art, pred, titles)
		fmt.Printf("%-36s %8.3f %8.3f %7d %6d %7d %14.3f\n", x.name, m.Mean, m.Median, m.Under, m.Empty, m.Titles, a.Mean)
	}
}

func runAloud(b []byte, u, ct string) output {
	a, _ := extract.Extract(b, u, ct, extract.Options{})
	return output{a.BodyText(), a.Title}
}

func runReadability(b []byte, u, _ string) output {
	pu, _ := url.Parse(u)
	a, err := readability.FromReader(bytes.NewReader(b), pu)
	if err != nil || a.Node == nil {
		return output{}
	}
	var sb strings.Builder
	a.RenderText(&sb)
	return output{sb.String(), a.Title()}
}

func trafilaturaRunner(fallback bool) func([]byte, string, string) output {
	return func(b []byte, u, _ string) output {
		pu, _ := url.Parse(u)
		r, err := trafilatura.Extract(bytes.NewReader(b), trafilatura.Options{OriginalURL: pu, EnableFallback: fallback})
		if err != nil || r == nil {
			return output{}
		}
		return output{r.ContentText, r.Metadata.Title}
	}
}

type bench struct {
	truth map[string]score.Entry
	ids   []string
	pages map[string][]byte
}

func load(dir string) bench {
	truth, err := score.LoadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	b := bench{truth: truth, pages: map[string][]byte{}}
	for id := range truth {
		gz, err := os.ReadFile(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		page, _ := io.ReadAll(zr)
		b.pages[id] = page
		b.ids = append(b.ids, id)
	}
	sort.Strings(b.ids)
	return b
}

// runAll extracts every page and reports pages per CPU-second.
func runAll(x extractor, b bench, contentType string) (pred, titles map[string]string, speed float64) {
	runtime.GC()
	pred, titles = map[string]string{}, map[string]string{}
	c0 := cpuTime()
	for _, id := range b.ids {
		o := x.run(b.pages[id], b.truth[id].URL, contentType)
		pred[id], titles[id] = o.body, o.title
	}
	return pred, titles, float64(len(b.ids)) / (cpuTime() - c0).Seconds()
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
