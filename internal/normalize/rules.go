package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// rule speaks word i (and maybe the words after it) and returns how many
// words it consumed. Multi-word forms are tried before single words.
func (st *state) rule(i int) int {
	w := st.words[i]
	if w.raw {
		st.emit1(w.core, w.cs, w.ce())
		return 1
	}
	if w.core == "" || w.core == "-" || w.core == "–" {
		return st.punctOnly(i)
	}
	if w.core == "#" && w.trail == "" && i+1 < len(st.words) && isDigits(st.words[i+1].core) && st.words[i+1].lead == "" {
		// "# 7 seed": a number sign.
		st.buf = append(st.buf, "number")
		st.buf = appendCardinal(st.buf, st.words[i+1].core)
		st.say(w.cs, st.words[i+1].ce())
		return 2
	}
	if n := st.lexiconAt(i); n > 0 {
		return n
	}
	if n := st.arpabetAt(i); n > 0 {
		return n
	}
	if n := st.dateAt(i); n > 0 {
		return n
	}
	if n := st.moneyAt(i); n > 0 {
		return n
	}
	if n := st.pure(telephone, i); n > 0 {
		return n
	}
	c := w.core
	r, size := utf8.DecodeRuneInString(c)
	if (r == '\'' || r == '’' || r == '‘') && st.decade(c[size:], w) {
		return 1
	}
	switch {
	case startsNumber(c):
		return st.numberAt(i)
	case r == '@' || r == '#':
		if st.handle(w) {
			return 1
		}
	case strings.Contains(c, "@") || looksLikeURL(c):
		if n := st.pure(electronic, i); n > 0 {
			return n
		}
	}
	if (c == "x" || c == "×") && st.dimensionBy(i) {
		return 1
	}
	if unicode.IsLetter(r) {
		return st.wordAt(i)
	}
	st.symbols(c, w.cs)
	return 1
}

// punctOnly handles a chunk with no core: a lone dash between two numbers
// reads as "to" ("1070 - 1280"); other marks are attached as they are.
func (st *state) punctOnly(i int) int {
	w := st.words[i]
	p := w.lead + w.core + w.trail
	if (p == "-" || p == "–" || p == "—" || p == ":") && i > 0 && i+1 < len(st.words) {
		prev, next := st.words[i-1], st.words[i+1]
		if prev.trail == "" && (endsWithDigit(prev.core) || ampmOf(prev.core) != "") && (startsNumber(next.core) || st.monthThenDay(i+1)) {
			// The words are spoken as "to"; attach must not add the dash.
			st.emit1("to", w.start, w.end)
			if len(prev.core) == 4 && isDigits(prev.core) && st.isYearish(prev.core) && len(next.core) == 2 && isDigits(next.core) {
				st.yearPairAt = i + 2
			}
			st.words[i].lead, st.words[i].trail = "", ""
			return 1
		}
	}
	if w.core != "" {
		st.emit1(w.core, w.cs, w.ce())
	}
	return 1
}

// startsNumber reports whether s begins with a digit, a sign or a decimal
// point followed by a digit.
func startsNumber(s string) bool {
	if s == "" {
		return false
	}
	if s[0] >= '0' && s[0] <= '9' {
		return true
	}
	rest := ""
	switch {
	case s[0] == '-' || s[0] == '+' || s[0] == '.':
		rest = s[1:]
	case strings.HasPrefix(s, "−"):
		rest = s[len("−"):]
	default:
		return false
	}
	if strings.HasPrefix(rest, ".") && s[0] != '.' {
		rest = rest[1:]
	}
	return rest != "" && rest[0] >= '0' && rest[0] <= '9'
}

func endsWithDigit(s string) bool {
	return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

// symbols speaks a chunk made of marks and symbols ("&", "%", "§").
func (st *state) symbols(c string, off int) {
	if name, ok := symbolNames[c]; ok {
		st.emit1(name, off, off+len(c))
		return
	}
	if c != "/" && strings.ContainsAny(c, "0123456789#$€£¥₩%+=&/§") {
		st.mixed(c, off)
		return
	}
	st.emit1(quoteFix(c), off, off+len(c))
}

// symbolNames are marks that are read aloud when they stand alone.
var symbolNames = map[string]string{
	"&": "and", "%": "percent", "§": "section", "§§": "sections", "+": "plus",
	"=": "equals", "#": "hash", "@": "at", "$": "dollar", "€": "euro",
	"£": "pound", "¥": "yen", "₩": "won", "°": "degrees", "×": "times", "*": "asterisk",
	"&amp;": "and", "½": "one half", "¼": "one quarter", "¾": "three quarters",
	"⅓": "one third", "⅔": "two thirds", "±": "plus or minus",
}

// decade speaks "'90s" (the apostrophe already cut off) as "nineties".
func (st *state) decade(rest string, w word) bool {
	d := strings.TrimSuffix(rest, "s")
	if len(d) != 2 || !isDigits(d) || d[1] != '0' || len(rest) != 3 {
		return false
	}
	st.buf = appendDecade(st.buf, d)
	st.say(w.cs, w.ce())
	return true
}

// arpabetAt passes a bracketed ARPAbet transcription ("[HH AH0 L OW1]")
// through unchanged: it is meant for the engine, not to be read.
func (st *state) arpabetAt(i int) int {
	if !strings.HasPrefix(st.words[i].lead, "[") {
		return 0
	}
	for j := i; j < len(st.words) && j < i+12; j++ {
		w := st.words[j]
		if !isArpabet(w.core) || j > i && w.lead != "" {
			return 0
		}
		if strings.HasPrefix(w.trail, "]") {
			for k := i; k <= j; k++ {
				st.emit1(st.words[k].core, st.words[k].cs, st.words[k].ce())
				if k < j {
					st.attachInner(k)
				}
			}
			return j - i + 1
		}
		if w.trail != "" {
			return 0
		}
	}
	return 0
}

// isArpabet reports whether s is one ARPAbet phone: one or two capitals
// and an optional stress digit.
func isArpabet(s string) bool {
	n := len(s)
	if n > 0 && s[n-1] >= '0' && s[n-1] <= '2' {
		n--
	}
	return (n == 1 || n == 2) && isUpperASCII(s[:n])
}
