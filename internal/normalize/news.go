package normalize

import "strings"

// Rules for forms that are frequent in news copy and ambiguous without a
// look at the neighbouring words.

// dimensionWords follow a length: "1.85m tall", "3m high".
var dimensionWords = map[string]bool{
	"tall": true, "high": true, "long": true, "wide": true, "deep": true,
	"thick": true, "away": true, "apart": true, "above": true, "below": true,
	"beneath": true, "underground": true, "underwater": true, "across": true,
	"short": true, "higher": true, "taller": true, "longer": true, "deeper": true,
	"wider": true, "lower": true, "offshore": true, "inland": true,
}

// dimensionNouns before "of" make the amount after it a length: "a
// height of 1.85m".
var dimensionNouns = map[string]bool{
	"height": true, "depth": true, "length": true, "width": true, "distance": true,
	"diameter": true, "radius": true, "altitude": true, "elevation": true,
	"span": true, "wingspan": true, "range": true, "circumference": true,
}

// metreSports are events named by a distance in metres: "the 100m
// hurdles", "400m relay".
var metreSports = map[string]bool{
	"hurdles": true, "freestyle": true, "relay": true, "sprint": true, "final": true,
	"finals": true, "heats": true, "backstroke": true, "breaststroke": true,
	"butterfly": true, "medley": true, "steeplechase": true, "dash": true,
	"race": true, "races": true, "walk": true, "record": true, "mark": true,
	"title": true, "individual": true, "semifinal": true, "semifinals": true,
}

// lengthContext reports whether the amount at word i is a length by its
// neighbours: a dimension word after it or "height of" before it.
func (st *state) lengthContext(i int) bool {
	w := st.words[i]
	if w.trail == "" && i+1 < len(st.words) && st.words[i+1].lead == "" {
		if dimensionWords[st.words[i+1].core] || metreSports[st.words[i+1].core] {
			return true
		}
	}
	if i >= 2 && st.words[i-1].core == "of" && st.words[i-1].trail == "" && st.words[i-2].trail == "" {
		return dimensionNouns[lowerASCII(st.words[i-2].core)]
	}
	return false
}

// countAfter reports whether word i is followed by a plural count noun
// ("5m people", "2bn years"), which makes a bare "m" a million.
func (st *state) countAfter(i int) bool {
	w := st.words[i]
	if w.trail != "" || i+1 >= len(st.words) {
		return false
	}
	nx := st.words[i+1]
	if nx.lead != "" || metreSports[nx.core] {
		return false
	}
	if countNouns[nx.core] {
		return true
	}
	c := nx.core
	// A lower-case plural ("viewers", "doses"); units and "-ss" words
	// ("across", "less") are not counts.
	if len(c) < 4 || !isLowerWord(c) || c[len(c)-1] != 's' || c[len(c)-2] == 's' || c[len(c)-2] == 'u' {
		return false
	}
	_, unit := lookupUnit(c)
	return !unit && !dimensionWords[c]
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// dayRange parses "3-5" or "14–15" (two days of a month, rising).
func dayRange(c string) (a, b string, ok bool) {
	k := strings.IndexAny(c, "-–")
	if k <= 0 {
		return "", "", false
	}
	dash := 1
	if c[k] != '-' {
		dash = len("–")
	}
	a, okA := dayOf(c[:k])
	b, okB := dayOf(c[k+dash:])
	if !okA || !okB || atoiSmall(a) >= atoiSmall(b) {
		return "", "", false
	}
	return a, b, true
}

// dayRangeFirst speaks "14-15 April 1912" as "the fourteenth to the
// fifteenth of April nineteen twelve".
func (st *state) dayRangeFirst(i int) int {
	w := st.words[i]
	if w.trail != "" || i+1 >= len(st.words) {
		return 0
	}
	a, b, ok := dayRange(w.core)
	if !ok {
		return 0
	}
	nx := st.words[i+1]
	m, abbr := monthOf(nx.core)
	if m == "" || nx.lead != "" || !isCapitalized(nx.core) {
		return 0
	}
	if abbr && nx.trail != "" && !strings.HasPrefix(nx.trail, ".") {
		return 0
	}
	if i == 0 || !strings.EqualFold(st.words[i-1].core, "the") {
		st.buf = append(st.buf, "the")
	}
	st.buf = appendOrdinal(st.buf, a)
	st.buf = append(st.buf, "to", "the")
	st.buf = appendOrdinal(st.buf, b)
	st.buf = append(st.buf, "of", m)
	used, last := 2, nx
	if abbr && strings.HasPrefix(nx.trail, ".") {
		st.dropDot = true
	}
	if nx.trail == "" || nx.trail == "," || abbr && nx.trail == "." {
		if j := st.skipMark(i+2, ","); j < len(st.words) {
			if y, ok := yearOf(st.words[j].core); ok && st.words[j].lead == "" {
				st.buf = appendYear(st.buf, y)
				used, last = j-i+1, st.words[j]
				st.dropDot = false
			}
		}
	}
	st.say(w.cs, last.ce())
	return used
}

// monthDayRange speaks the day part after a month name when it is a range:
// "March 3-5" ("March third to fifth") or "Nov. 30-Dec. 2" ("November
// thirtieth to December second"). j is the word after the month; it
// returns the words used from j on, 0 when the form does not match.
func (st *state) monthDayRange(j int) (used int, last word) {
	nx := st.words[j]
	if nx.lead != "" {
		return 0, nx
	}
	if a, b, ok := dayRange(nx.core); ok && (nx.trail == "" || nx.trail == "," || nx.trail == "." || nx.trail == ";") {
		st.buf = appendOrdinal(st.buf, a)
		st.buf = append(st.buf, "to")
		st.buf = appendOrdinal(st.buf, b)
		return 1, nx
	}
	k := strings.IndexAny(nx.core, "-–")
	if k <= 0 || j+1 >= len(st.words) {
		return 0, nx
	}
	dash := 1
	if nx.core[k] != '-' {
		dash = len("–")
	}
	a, ok := dayOf(nx.core[:k])
	m2, abbr2 := monthOf(nx.core[k+dash:])
	if !ok || m2 == "" || !isCapitalized(nx.core[k+dash:]) || nx.trail != "" && !(abbr2 && nx.trail == ".") {
		return 0, nx
	}
	d := st.words[j+1]
	b, ok := dayOf(d.core)
	if !ok || d.lead != "" {
		return 0, nx
	}
	st.buf = appendOrdinal(st.buf, a)
	st.buf = append(st.buf, "to", m2)
	st.buf = appendOrdinal(st.buf, b)
	return 2, d
}
