// Command compare scores aloud's extractor, readeck go-readability and
// go-trafilatura (defaults) on the benchmark pages in one process on one
// core, printing F1 and speed side by side. It is its own module so that
// the comparison libraries stay out of aloud's go.mod:
//
//	cd internal/extract/testdata/compare && go run . [../../../../../shared/benchmarks/article-extraction]
package main

import (
	"bytes"
	"compress/gzip"
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

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	runtime.GOMAXPROCS(1)
	dir := "../../../../../shared/benchmarks/article-extraction"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	truth, err := score.LoadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		panic(err)
	}
	var ids []string
	pages := map[string][]byte{}
	for id := range truth {
		gz, _ := os.ReadFile(filepath.Join(dir, "html", id+".html.gz"))
		zr, _ := gzip.NewReader(bytes.NewReader(gz))
		b, _ := io.ReadAll(zr)
		pages[id] = b
		ids = append(ids, id)
	}
	sort.Strings(ids)
	run := func(name string, f func(b []byte, u string) string) {
		runtime.GC()
		pred := map[string]string{}
		t0, c0 := time.Now(), cpuTime()
		for _, id := range ids {
			pred[id] = f(pages[id], truth[id].URL)
		}
		wall, cpu := time.Since(t0), cpuTime()-c0
		r, _ := score.Evaluate(truth, pred)
		fmt.Printf("%-16s P=%.6f R=%.6f F1=%.6f acc=%.3f  %.0f pages/s wall, %.0f pages/CPU-s\n", name, r.Precision, r.Recall, r.F1, r.Accuracy,
			float64(len(ids))/wall.Seconds(), float64(len(ids))/cpu.Seconds())
	}
	for round := 0; round < 2; round++ {
		run("aloud", func(b []byte, u string) string {
			a, _ := extract.Extract(b, u, "text/html; charset=utf-8", extract.Options{})
			return a.BodyText()
		})
		run("readability", func(b []byte, u string) string {
			pu, _ := url.Parse(u)
			a, err := readability.FromReader(bytes.NewReader(b), pu)
			if err != nil || a.Node == nil {
				return ""
			}
			var sb strings.Builder
			a.RenderText(&sb)
			return sb.String()
		})
		run("go-trafilatura", func(b []byte, u string) string {
			pu, _ := url.Parse(u)
			r, err := trafilatura.Extract(bytes.NewReader(b), trafilatura.Options{OriginalURL: pu})
			if err != nil || r == nil {
				return ""
			}
			return r.ContentText
		})
	}
}
