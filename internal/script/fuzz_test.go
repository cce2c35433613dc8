package script

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"Dr. Smith went to Washington. He met the U.S. President on Nov. 5.",
		"“We stay,” he said. “Next.” Then... nothing?! (Really.) 1. Item",
		"Es gibt z. B. Äpfel am 5. November. Nr. 7 lief.",
		"", " ", "...", "a.b.c. D", "(((", "\n\n\n", "\xff\xfe", "x.\u00a0Y", "😀. 😀",
	} {
		f.Add(s, "en")
		f.Add(s, "de")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		spans := Split(text, lang)
		prev := 0
		for i, sp := range spans {
			s, e := sp[0], sp[1]
			if s < prev || e <= s || e > len(text) {
				t.Fatalf("span %d %v out of order or bounds (prev end %d, len %d)", i, sp, prev, len(text))
			}
			prev = e
			piece := text[s:e]
			if utf8.ValidString(text) && (!utf8.ValidString(piece)) {
				t.Fatalf("span %d %v cuts a character", i, sp)
			}
			if strings.TrimFunc(piece, unicode.IsSpace) != piece {
				t.Fatalf("span %d %q not trimmed", i, piece)
			}
			if !hasWordChar(piece) {
				t.Fatalf("span %d %q has no letter or digit", i, piece)
			}
		}
		if len(spans) == 0 && hasWordChar(text) {
			t.Fatalf("no sentences in %q, which has words", text)
		}
		var offs []int
		for _, sp := range spans {
			offs = append(offs, sp[0], sp[1])
		}
		units := UTF16Offsets(text, offs...)
		for i := 1; i < len(units); i++ {
			if units[i] < units[i-1] {
				t.Fatalf("UTF-16 offsets %v not monotonic for byte offsets %v", units, offs)
			}
		}
		if utf8.ValidString(text) {
			if n := UTF16Offsets(text, len(text))[0]; n != len(utf16.Encode([]rune(text))) {
				t.Fatalf("UTF-16 length: got %d, want %d", n, len(utf16.Encode([]rune(text))))
			}
		}
	})
}
