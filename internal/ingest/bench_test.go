package ingest

import (
	"strings"
	"testing"
)

// wrappedText is n bytes of one paragraph hard-wrapped at 70 columns: the
// shape that once made line-break analysis quadratic in the block length.
func wrappedText(n int) []byte {
	words := strings.Repeat("word ", n/5+1)
	var b strings.Builder
	for j := 0; j < len(words) && b.Len() < n; j += 70 {
		b.WriteString(words[j:min(len(words), j+70)])
		b.WriteString("\n")
	}
	return []byte(b.String())
}

func BenchmarkReadTextWrapped(b *testing.B) {
	for _, size := range []int{4 << 10, 256 << 10, 2 << 20} {
		data := wrappedText(size)
		b.Run(formatBytes(int64(size)), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := ReadText(data, TextOptions{MaxBytes: -1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
