package normalize

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	lex "aloud/internal/lexicon"
	"aloud/internal/testenv"
)

// BenchmarkNormalize runs over the GoogleTN sentences; MB/s is written
// input per second on one core.
func BenchmarkNormalize(b *testing.B) {
	benchNormalize(b, newEN(b))
}

// BenchmarkNormalizeDefaultLexicon is BenchmarkNormalize with the shipped
// default lexicon on the hook, as a render with it runs.
func BenchmarkNormalizeDefaultLexicon(b *testing.B) {
	entries, err := lex.Default()
	if err != nil {
		b.Fatal(err)
	}
	n, err := New(Options{Lang: "en", Matches: matcherFor(b, "en", "espeak", entries...)})
	if err != nil {
		b.Fatal(err)
	}
	benchNormalize(b, n)
}

func benchNormalize(b *testing.B, n *Normalizer) {
	path := testenv.SharedFile(b, filepath.Join("benchmarks", "text-normalization", "en", "eval-sets", "GoogleTN.json"))
	fh, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer fh.Close()
	var lines []string
	size := 0
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		lines = append(lines, rec.Text)
		size += len(rec.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			n.Normalize(l)
		}
	}
	b.ReportMetric(float64(len(lines)), "sentences/op")
}

// BenchmarkNormalizeLongLine checks that time grows linearly with the
// length of a single line (1, 2 and 4 MB without a line break).
func BenchmarkNormalizeLongLine(b *testing.B) {
	unit := "On Nov. 30, UBS paid $4.2bn (25%) to 1,300 staff at 10:30 a.m. in 1999; see www.ubs.com. "
	n := newEN(b)
	for _, mb := range []int{1, 2, 4} {
		line := strings.Repeat(unit, mb<<20/len(unit)+1)[:mb<<20]
		b.Run(itoa(mb)+"MB", func(b *testing.B) {
			b.SetBytes(int64(len(line)))
			for b.Loop() {
				n.Normalize(line)
			}
		})
	}
}
