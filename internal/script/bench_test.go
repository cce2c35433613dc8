package script

import (
	"strings"
	"testing"
)

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat("Dr. Smith met the U.S. envoy on Nov. 5 (at 3.5 p.m.). “It went well,” he said. Then... nothing! ", 2000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Split(text, "en")
	}
}
