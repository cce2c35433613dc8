package rule

import (
	"strings"
	"unicode/utf8"
)

// leadPunct and trailPunct are the marks peeled off a chunk; German
// quotes („…“, ‚…‘, »…«) open with marks that close English ones, so
// every quote is in both sets.
const (
	leadPunct  = "\"'([{“”„‚‘’«»¿¡"
	trailPunct = ".,;:!?\"')]}“”‘’»«…"
)

// Split cuts s into whitespace-separated words with their punctuation
// peeled off, in one linear pass.
func Split(s string) []Word {
	words := make([]Word, 0, len(s)/6+1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if IsSpace(r2) {
				break
			}
			j += sz
		}
		words = append(words, cut(s[i:j], i))
		i = j
	}
	return words
}

// cut peels punctuation off chunk c that starts at offset off. A chunk of
// punctuation only is all trail.
func cut(c string, off int) Word {
	a := 0
	for a < len(c) {
		r, size := utf8.DecodeRuneInString(c[a:])
		if !strings.ContainsRune(leadPunct, r) {
			break
		}
		// "'90" keeps its apostrophe.
		if (r == '\'' || r == '’') && a+size < len(c) && c[a+size] >= '0' && c[a+size] <= '9' {
			break
		}
		a += size
	}
	b := len(c)
	for b > a {
		r, size := utf8.DecodeLastRuneInString(c[a:b])
		if !strings.ContainsRune(trailPunct, r) {
			break
		}
		// "401(k)" keeps its closing bracket.
		if r == ')' && strings.IndexByte(c[a:b-size], '(') >= 0 {
			break
		}
		b -= size
	}
	if a == b {
		return Word{Start: off, End: off + len(c), Trail: c, CS: off}
	}
	return Word{Start: off, End: off + len(c), Lead: c[:a], Core: c[a:b], Trail: c[b:], CS: off + a}
}
