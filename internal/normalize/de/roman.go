package de

import (
	"strconv"
	"strings"

	"aloud/internal/normalize/rule"
)

// roman reads a regnal number after a name: "Heinrich VIII." → "Heinrich
// der Achte", "Papst Benedikt XVI." → "Papst Benedikt der Sechzehnte";
// after a preposition that takes the dative, "dem Achten". The period
// marks the ordinal in German, so a numeral without one is left alone.
func roman(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	if i == 0 || !strings.HasPrefix(w.Trail, ".") || t.Words[i-1].Trail != "" || !startsUpper(t.Words[i-1].Core) {
		return rule.Match{}, false
	}
	v, ok := romanValue(w.Core)
	if !ok || v < 1 || v > 39 {
		return rule.Match{}, false
	}
	art, end := "der", "e"
	if i >= 2 && (dativePreps[strings.ToLower(t.Words[i-2].Core)] || isPrep(t.Words[i-2].Core)) {
		art, end = "dem", "en"
	}
	st := OrdinalStem(strconv.Itoa(v)) + end
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), art+" "+strings.ToUpper(st[:1])+st[1:]), Flags: rule.Dot}, true
}

// romanValue reads I to XXXIX and the like; "I" alone is not taken (it
// is too often a letter).
func romanValue(s string) (int, bool) {
	if len(s) < 2 || len(s) > 7 {
		return 0, false
	}
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50}
	total, prev := 0, 0
	for k := len(s) - 1; k >= 0; k-- {
		v, ok := val[s[k]]
		if !ok {
			return 0, false
		}
		if v < prev {
			total -= v
		} else {
			total += v
			prev = v
		}
	}
	return total, canonicalRoman(total) == s
}

// canonicalRoman writes v (1–49) in the standard form, to reject "IIII"
// or "VX".
func canonicalRoman(v int) string {
	var b strings.Builder
	for _, p := range []struct {
		n int
		s string
	}{{40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for v >= p.n {
			b.WriteString(p.s)
			v -= p.n
		}
	}
	return b.String()
}
