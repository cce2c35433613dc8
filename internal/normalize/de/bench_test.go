package de

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkGerman normalizes the German news prose sets line by line.
func BenchmarkGerman(b *testing.B) {
	var lines []string
	size := 0
	for _, f := range []string{"testdata/news.txt", "testdata/news_heldout.txt"} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				in, _, _ := strings.Cut(l, "~")
				lines = append(lines, in)
				size += len(in)
			}
		}
	}
	e := New()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			e.Run(l)
		}
	}
}

// BenchmarkGermanLongLine checks time stays linear on one long line.
func BenchmarkGermanLongLine(b *testing.B) {
	line := strings.Repeat("Am 3. Oktober zahlte die EU 4,5 Mio. € an 1.200 Bürger, d. h. ca. 12 % mehr. ", 20000)
	e := New()
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		e.Run(line)
	}
}
