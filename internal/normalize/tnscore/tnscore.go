// Package tnscore implements the comparison that every text-normalization
// figure of the project uses: the "Scoring" section of
// ../shared/benchmarks/text-normalization/README.md. It exists once so that
// the benchmark runner, the corpus tests and any later tool agree exactly.
package tnscore

import (
	"strings"
	"unicode"
)

// unitMap maps British unit spellings and spoken titles to the forms the
// benchmark references use (README step 5).
var unitMap = map[string]string{
	"metres": "meters", "metre": "meter",
	"kilometres": "kilometers", "kilometre": "kilometer",
	"millimetres": "millimeters", "centimetres": "centimeters",
	"mister": "mr", "missus": "mrs", "misses": "mrs",
	"doctor": "dr", "saint": "st",
}

// numberWords are the tokens between which an "and" is dropped (step 6).
var numberWords = map[string]bool{
	"zero": true, "one": true, "two": true, "three": true, "four": true,
	"five": true, "six": true, "seven": true, "eight": true, "nine": true,
	"ten": true, "eleven": true, "twelve": true, "thirteen": true,
	"fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true,
	"eighteen": true, "nineteen": true, "twenty": true, "thirty": true,
	"forty": true, "fifty": true, "sixty": true, "seventy": true,
	"eighty": true, "ninety": true, "hundred": true, "thousand": true,
	"million": true, "billion": true, "trillion": true,
}

// Canonical returns the canonical form of s: the README's steps 1 to 8.
func Canonical(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '-' || r == '–' || r == '`':
			b.WriteByte(' ')
		case r == '\'':
			// Step 4: apostrophes are deleted, not turned into spaces.
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.IsSpace(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	toks := strings.Fields(b.String())
	for i, t := range toks {
		if m, ok := unitMap[t]; ok {
			toks[i] = m
		}
	}
	kept := toks[:0:0]
	for i, t := range toks {
		if t == "and" && len(kept) > 0 && i+1 < len(toks) &&
			numberWords[kept[len(kept)-1]] && numberWords[toks[i+1]] {
			continue
		}
		kept = append(kept, t)
	}
	out := make([]string, 0, len(kept))
	for i := 0; i < len(kept); {
		if !singleLetter(kept[i]) {
			out = append(out, kept[i])
			i++
			continue
		}
		j := i
		var run strings.Builder
		for j < len(kept) && singleLetter(kept[j]) {
			run.WriteString(kept[j])
			j++
		}
		out = append(out, run.String())
		i = j
	}
	return strings.Join(out, " ")
}

// singleLetter reports whether t is one alphabetic character.
func singleLetter(t string) bool {
	rs := []rune(t)
	return len(rs) == 1 && unicode.IsLetter(rs[0])
}

// Equal reports whether got matches want under the canonical comparison.
func Equal(got, want string) bool { return Canonical(got) == Canonical(want) }

// EqualAny reports whether got matches any of the accepted answers.
func EqualAny(got string, wants ...string) bool {
	g := Canonical(got)
	for _, w := range wants {
		if g == Canonical(w) {
			return true
		}
	}
	return false
}

// Closed is the canonical form with every space removed: German numbers
// are written closed ("dreiundzwanzig") where the benchmark's references
// write them open ("drei und zwanzig"), so German is compared this way.
func Closed(s string) string { return strings.ReplaceAll(Canonical(s), " ", "") }

// EqualAnyClosed reports whether got matches any accepted answer with
// spaces removed after canonicalization.
func EqualAnyClosed(got string, wants ...string) bool {
	g := Closed(got)
	for _, w := range wants {
		if g == Closed(w) {
			return true
		}
	}
	return false
}
