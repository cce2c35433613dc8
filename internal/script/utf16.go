package script

import (
	"sort"
	"unicode/utf8"
)

// UTF16Offsets converts byte offsets into text to UTF-16 code unit offsets,
// the unit JavaScript strings (and so the web player) count in. Offsets are
// clamped to the text, and an offset inside a multi-byte character maps to
// the start of that character. The result has one entry per argument, in
// argument order.
func UTF16Offsets(text string, byteOffsets ...int) []int {
	out := make([]int, len(byteOffsets))
	order := make([]int, len(byteOffsets))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return byteOffsets[order[a]] < byteOffsets[order[b]] })
	pos, units := 0, 0
	for _, idx := range order {
		target := min(max(byteOffsets[idx], 0), len(text))
		for pos < len(text) {
			r, size := utf8.DecodeRuneInString(text[pos:])
			if pos+size > target {
				break
			}
			pos += size
			units += utf16Len(r)
		}
		out[idx] = units
	}
	return out
}

// utf16Len is how many UTF-16 code units r takes; invalid bytes decode to
// U+FFFD, which a browser would also show as one unit.
func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}
