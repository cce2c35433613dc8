package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// rangeAt speaks "2010–2015", "25-30%", "1960-80", "2-5lb", "5pm-7pm" as
// "A to B" with the reading of the parts kept.
func (st *state) rangeAt(i int) int {
	w := st.words[i]
	c := w.core
	k := strings.IndexAny(c, "-–")
	if k <= 0 {
		return 0
	}
	dash := 1
	if c[k] != '-' {
		dash = len("–")
	}
	a, b := c[:k], c[k+dash:]
	// "2pm-5pm", "10am-2pm"
	if ca, okA := parseClock(a, true); okA {
		if cb, okB := parseClock(b, true); okB {
			if ca.ampm == "" {
				ca.ampm = cb.ampm
			}
			st.buf = appendClock(st.buf, ca)
			st.buf = append(st.buf, "to")
			st.buf = appendClock(st.buf, cb)
			st.say(w.cs, w.ce())
			return 1
		}
	}
	if n := st.clockRange(i, a, b); n > 0 {
		return n
	}
	if !startsNumber(b) || strings.ContainsAny(b, "-–") {
		return 0
	}
	// Two-part codes such as "978-0" or a minus ("1-2=5") are not ranges.
	va, ok := parseNum(a)
	if !ok || va.neg {
		return 0
	}
	vb, ok := parseNum(b)
	if !ok || vb.neg {
		return 0
	}
	ra, rb := a[va.n:], b[vb.n:]
	if ra == "" && va.isInt() && len(a) <= 2 && ampmOf(rb) != "" {
		// "7-9pm": both hours take the second one's am or pm.
		if ca, okA := parseClock(a+rb, true); okA {
			if cb, okB := parseClock(b, true); okB {
				st.buf = appendClock(st.buf, ca)
				st.buf = append(st.buf, "to")
				st.buf = appendClock(st.buf, cb)
				st.say(w.cs, w.ce())
				return 1
			}
		}
	}
	switch {
	case ra == "" && rb == "" && va.isInt() && vb.isInt() && len(a) == 4 && st.isYearish(a) && (len(b) == 4 || len(b) == 2):
		st.buf = appendYear(st.buf, a)
		st.buf = append(st.buf, "to")
		if len(b) == 2 {
			st.buf = appendDigitsPair(st.buf, b)
		} else {
			st.buf = appendYear(st.buf, b)
		}
	case ra == "s" && rb == "s" || ra == "s" && rb == "'s":
		st.buf = appendDecade(st.buf, va.intg)
		st.buf = append(st.buf, "to")
		st.buf = appendDecade(st.buf, vb.intg)
	case isOrdinalSuffix(strings.ToLower(ra), va.intg) && isOrdinalSuffix(strings.ToLower(rb), vb.intg) && va.isInt() && vb.isInt():
		// "24th-25th"
		st.buf = appendOrdinal(st.buf, va.intg)
		st.buf = append(st.buf, "to")
		st.buf = appendOrdinal(st.buf, vb.intg)
	case ra == "" && rb == "" && va.isInt() && vb.isInt() && len(a) > len(b) && w.trail == "" && !st.unitAfter(i) && !(len(a) == 3 && a[0] == '1' && atoiSmall(a) <= 200) && !st.scoreContext(i):
		// "978-0": a falling pair is a code or a score, not a range.
		st.buf = appendNum(st.buf, va)
		st.buf = appendNum(st.buf, vb)
	case ra == "" || ra == rb:
		// "25-30%": the unit of the second part belongs to both.
		st.buf = appendNum(st.buf, va)
		st.buf = append(st.buf, "to")
		n := len(st.buf)
		st.buf = appendNum(st.buf, vb)
		if rb != "" {
			if u, ok := lookupUnit(rb); ok {
				st.buf = appendUnit(st.buf, u, vb, false)
			} else if u, ok := lookupUnit(strings.ToLower(rb)); ok && len(rb) > 1 {
				st.buf = appendUnit(st.buf, u, vb, false)
			} else if (rb == "C" || rb == "F") && len(vb.intg) <= 3 {
				// "20-25C"
				st.buf = appendUnit(st.buf, units["°"+rb], vb, false)
			} else if isOrdinalSuffix(strings.ToLower(rb), vb.intg) && vb.isInt() {
				st.buf = appendOrdinal(st.buf[:n], vb.intg)
			} else {
				st.buf = st.buf[:0]
				return 0
			}
		}
		if rb == "" && i+1 < len(st.words) && w.trail == "" {
			// "25-30 %", "2-3 km"
			nx := st.words[i+1]
			if u, ok := lookupUnit(nx.core); ok && nx.lead == "" && len(nx.core) > 1 {
				st.buf = appendUnit(st.buf, u, vb, false)
				st.say(w.cs, nx.ce())
				return 2
			}
		}
	default:
		return 0
	}
	st.say(w.cs, w.ce())
	return 1
}

// isYearish reports whether a four-digit string is in the usual year span.
func (st *state) isYearish(s string) bool {
	n := atoiSmall(s)
	return len(s) == 4 && n >= 1000 && n <= 2099
}

// fraction speaks "1/2", "3/4", "5/16", "2/3".
func (st *state) fraction(num, den string, start, end int) bool {
	if len(den) > 2 {
		if suf := strings.ToLower(den[len(den)-2:]); suf == "th" || suf == "rd" || suf == "nd" || suf == "st" {
			den = den[:len(den)-2]
		}
	}
	if !isDigits(den) || !isDigits(num) || den[0] == '0' || len(den) > 6 || len(num) > 6 {
		return false
	}
	d := atoiSmall(den)
	n := atoiSmall(num)
	st.buf = appendCardinal(st.buf, num)
	switch {
	case d == 1:
		st.buf = append(st.buf, "over", "one")
	case d == 2:
		st.buf = append(st.buf, plural2(n == 1, "half", "halves"))
	case d == 4:
		st.buf = append(st.buf, plural2(n == 1, "quarter", "quarters"))
	default:
		k := len(st.buf)
		st.buf = appendOrdinal(st.buf, den)
		if n != 1 {
			st.buf[len(st.buf)-1] = ordinalPlural(st.buf[len(st.buf)-1])
		}
		_ = k
	}
	st.say(start, end)
	return true
}

// mixed speaks a word that mixes letters, digits and marks ("B2A23C",
// "covid-19", "MP3", "4x4", "2Q22"), part by part.
func (st *state) mixed(c string, off int) {
	k := 0
	for k < len(c) {
		r, size := utf8.DecodeRuneInString(c[k:])
		j := k + size
		switch {
		case isDigitByte(c[k]):
			for j < len(c) && isDigitByte(c[j]) {
				j++
			}
			// A decimal or a grouped number inside a code: "2.5x", "4,507.4/km".
			if v, _ := parseNum(c[k:]); v.dot || v.commas {
				st.buf = appendNum(st.buf, v)
				j = k + v.n
			} else {
				g := c[k:j]
				if len(g) > 4 && g[0] != '0' && len(g) <= 6 && j == len(c) && k > 0 && c[k-1] == '-' {
					st.buf = appendCardinal(st.buf, g)
				} else if len(g) == 4 && (g[:2] == "19" || g[:2] == "20") {
					// "FY2023", "election2024": a year.
					st.buf = appendYear(st.buf, g)
				} else if len(g) > 3 && g[len(g)-3:] != "000" || len(g) > 1 && g[0] == '0' {
					st.buf = appendDigits(st.buf, g)
				} else {
					st.buf = appendCardinal(st.buf, g)
				}
			}
		case unicode.IsLetter(r):
			for j < len(c) {
				r2, sz := utf8.DecodeRuneInString(c[j:])
				if !unicode.IsLetter(r2) && r2 != '\'' {
					break
				}
				j += sz
			}
			st.buf = st.appendAlpha(st.buf, c[k:j])
		default:
			if v, ok := vulgarFractions[r]; ok && k > 0 && isDigitByte(c[k-1]) {
				// "2½": two and a half.
				st.buf = append(st.buf, "and")
				st.buf = append(st.buf, v...)
			} else if r == '-' && k > 0 && j < len(c) && strings.Contains(c, "=") {
				st.buf = append(st.buf, "minus")
			} else if name, ok := symbolNames[c[k:j]]; ok {
				st.buf = append(st.buf, name)
			} else if r == '/' {
				st.buf = append(st.buf, "slash")
			} else if r == '.' {
				st.buf = append(st.buf, "dot")
			} else if r == '*' {
				st.buf = append(st.buf, "asterisk")
			}
		}
		k = j
	}
	st.say(off, off+len(c))
}

// clockRange speaks "5pm-7 pm": a time, a dash and a number whose am/pm
// is the next word.
func (st *state) clockRange(i int, a, b string) int {
	w := st.words[i]
	ca, okA := parseClock(a, true)
	if !okA || i+1 >= len(st.words) || w.trail != "" {
		return 0
	}
	ampm := st.ampmAt(i + 1)
	if ampm == "" {
		return 0
	}
	cb, okB := parseClock(b+"am", true)
	if !okB {
		return 0
	}
	cb.ampm = ampm
	st.buf = appendClock(st.buf, ca)
	st.buf = append(st.buf, "to")
	st.buf = appendClock(st.buf, cb)
	st.say(w.cs, st.words[i+1].ce())
	if ampmOf(st.words[i+1].core) != "" {
		st.dropDot = true
		return 2
	}
	return 3
}

// unitAfter reports whether the word after i is a unit ("2010-15 km").
func (st *state) unitAfter(i int) bool {
	if i+1 >= len(st.words) {
		return false
	}
	_, ok := lookupUnit(st.words[i+1].core)
	return ok
}

// vulgarFractions after a whole number ("2½").
var vulgarFractions = map[rune][]string{
	'½': {"a", "half"}, '¼': {"a", "quarter"}, '¾': {"three", "quarters"},
	'⅓': {"a", "third"}, '⅔': {"two", "thirds"}, '⅛': {"an", "eighth"},
}
