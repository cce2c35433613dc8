package normalize

import (
	"strings"
	"unicode/utf8"
)

var months = map[string]string{
	"january": "January", "february": "February", "march": "March",
	"april": "April", "may": "May", "june": "June", "july": "July",
	"august": "August", "september": "September", "october": "October",
	"november": "November", "december": "December",
	"jan": "January", "feb": "February", "mar": "March", "apr": "April",
	"jun": "June", "jul": "July", "aug": "August", "sep": "September",
	"sept": "September", "oct": "October", "nov": "November", "dec": "December",
}

var monthByNum = [...]string{"", "January", "February", "March", "April", "May",
	"June", "July", "August", "September", "October", "November", "December"}

// monthOf returns the month named by word core (full or abbreviated), and
// whether the abbreviation period should be dropped.
func monthOf(core string) (string, bool) {
	var kb [24]byte
	k, ok := foldKey(core, &kb)
	if !ok || len(k) < 3 {
		return "", false
	}
	m, ok := months[string(k)]
	if !ok {
		return "", false
	}
	if len(core) > 4 || strings.EqualFold(core, "may") || strings.EqualFold(core, "june") || strings.EqualFold(core, "july") {
		return m, false
	}
	return m, true
}

// dayOf parses a day of the month: "5", "05", "21st".
func dayOf(s string) (string, bool) {
	d := s
	if len(d) > 2 {
		if suf := d[len(d)-2:]; strings.EqualFold(suf, "st") || strings.EqualFold(suf, "nd") || strings.EqualFold(suf, "rd") || strings.EqualFold(suf, "th") {
			d = d[:len(d)-2]
		}
	}
	if !isDigits(d) || len(d) > 2 {
		return "", false
	}
	n := atoiSmall(d)
	if n < 1 || n > 31 {
		return "", false
	}
	return strings.TrimLeft(d, "0"), true
}

// yearOf parses a four-digit year for a date.
func yearOf(s string) (string, bool) {
	if len(s) != 4 || !isDigits(s) || s[0] == '0' {
		return "", false
	}
	return s, true
}

// dateAt speaks "Nov. 30", "January 22, 2001", "5 November 2023",
// "December 1985" and "15th March 2014".
func (st *state) dateAt(i int) int {
	w := st.words[i]
	if m, abbr := monthOf(w.core); m != "" {
		if n := st.monthFirst(i, m, abbr); n > 0 {
			return n
		}
		return st.bareMonth(i, m, abbr)
	}
	if n := st.dayRangeFirst(i); n > 0 {
		return n
	}
	if n := st.dayToDay(i); n > 0 {
		return n
	}
	if d, ok := dayOf(w.core); ok && i+1 < len(st.words) && w.trail == "" {
		nx := st.words[i+1]
		m, abbr := monthOf(nx.core)
		if m == "" || (abbr && !strings.HasPrefix(nx.trail, ".") && nx.core != strings.ToUpper(nx.core) && !isCapitalized(nx.core) && len(nx.core) < 3) {
			return 0
		}
		if nx.core == "may" || nx.core == "mar" && nx.trail == "" {
			// Lower-case "may" is a verb unless a year follows.
			if i+2 >= len(st.words) || nx.trail != "" {
				return 0
			}
			if _, ok := yearOf(st.words[i+2].core); !ok {
				return 0
			}
		}
		used := 2
		last := nx
		if i == 0 || !strings.EqualFold(st.words[i-1].core, "the") || st.words[i-1].trail != "" {
			st.buf = append(st.buf, "the")
		}
		st.buf = appendOrdinal(st.buf, d)
		st.buf = append(st.buf, "of", m)
		if abbr && strings.HasPrefix(nx.trail, ".") {
			st.dropDot = true
		}
		if strings.HasPrefix(nx.trail, ".") && abbr || nx.trail == "" || nx.trail == "," {
			j := i + 2
			if abbr && nx.trail == "" {
				j = st.skipMark(j, ".")
			}
			j = st.skipMark(j, ",")
			if j < len(st.words) {
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
	return 0
}

// monthFirst handles dates that open with a month name.
func (st *state) monthFirst(i int, m string, abbr bool) int {
	w := st.words[i]
	if i+1 >= len(st.words) {
		return 0
	}
	if abbr && w.trail != "" && w.trail != "." {
		return 0
	}
	if !abbr && w.trail != "" {
		return 0
	}
	next := i + 1
	if abbr && w.trail == "" {
		// "Mar . 1973": a tokenized abbreviation period.
		next = st.skipMark(i+1, ".")
		if next >= len(st.words) {
			return 0
		}
	}
	nx := st.words[next]
	lower := w.core == strings.ToLower(w.core)
	if !lower && (nx.trail == "" || nx.trail == "," || nx.trail == ".") {
		at := len(st.buf)
		st.buf = append(st.buf, "")
		if n, last := st.monthDayRange(next); n > 0 {
			st.buf[at] = monthSpoken(w.core, m, abbr)
			used := next - i + n
			if last.trail == "" || last.trail == "," {
				if j := st.skipMark(next+n, ","); j < len(st.words) {
					if y, ok := yearOf(st.words[j].core); ok && st.words[j].lead == "" {
						st.buf = appendYear(st.buf, y)
						used, last = j-i+1, st.words[j]
					}
				}
			}
			if strings.HasPrefix(last.trail, ".") && last.core != "" && !isDigits(last.core) {
				st.dropDot = true
			}
			st.say(w.cs, last.ce())
			return used
		}
		st.buf = st.buf[:at]
	}
	if d, ok := dayOf(nx.core); ok {
		if lower && (w.core == "may" || w.core == "march") {
			return 0
		}
		st.buf = append(st.buf, monthSpoken(w.core, m, abbr))
		st.buf = appendOrdinal(st.buf, d)
		used, last := next-i+1, nx
		if nx.trail == "" || nx.trail == "," {
			if j := st.skipMark(next+1, ","); j < len(st.words) {
				if y, ok := yearOf(st.words[j].core); ok && st.words[j].lead == "" {
					st.buf = appendYear(st.buf, y)
					used, last = j-i+1, st.words[j]
				}
			}
		}
		st.say(w.cs, last.ce())
		return used
	}
	if n := st.dayThenWord(i, next, m, abbr); n > 0 {
		return n
	}
	if y, ok := yearOf(nx.core); ok {
		if lower && (w.core == "may" || w.core == "march") {
			return 0
		}
		st.buf = append(st.buf, monthSpoken(w.core, m, abbr))
		st.buf = appendYear(st.buf, y)
		st.say(w.cs, nx.ce())
		return next - i + 1
	}
	return 0
}

// dayThenWord speaks a dateline run into the next sentence, "Sept.
// 28-We went", as the date and then the word after the dash, which must
// not be lost.
func (st *state) dayThenWord(i, next int, m string, abbr bool) int {
	w, nx := st.words[i], st.words[next]
	k := strings.IndexAny(nx.core, "-–—")
	if k <= 0 || nx.lead != "" || w.core == strings.ToLower(w.core) {
		return 0
	}
	d, ok := dayOf(nx.core[:k])
	_, size := utf8.DecodeRuneInString(nx.core[k:])
	rest := strings.TrimLeft(nx.core[k+size:], "-–—")
	if !ok || !isAlphaWord(rest) || !isCapitalized(rest) {
		return 0
	}
	if mr, _ := monthOf(rest); mr != "" {
		return 0
	}
	st.buf = append(st.buf, monthSpoken(w.core, m, abbr))
	st.buf = appendOrdinal(st.buf, d)
	st.buf[len(st.buf)-1] += ","
	st.say(w.cs, nx.cs+k)
	st.emit1(rest, nx.ce()-len(rest), nx.ce())
	return next - i + 1
}

// monthSpoken keeps a full month name as written and expands an
// abbreviation.
func monthSpoken(core, full string, abbr bool) string {
	if abbr || core == strings.ToUpper(core) {
		return full
	}
	return core
}

func isCapitalized(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// numericDate speaks "2023-11-05", "10/06/2005", "11/17/05", "2016/07/03".
func (st *state) numericDate(c string, off int) bool {
	sep := byte(0)
	for _, s := range []byte{'-', '/', '.'} {
		if strings.Count(c, string(s)) == 2 {
			sep = s
			break
		}
	}
	if sep == 0 {
		return false
	}
	p := strings.Split(c, string(sep))
	for _, x := range p {
		if !isDigits(x) || len(x) > 4 {
			return false
		}
	}
	var y, mo, d string
	switch {
	case len(p[0]) == 4 && len(p[1]) <= 2 && len(p[2]) <= 2:
		y, mo, d = p[0], p[1], p[2]
	case len(p[0]) <= 2 && len(p[1]) <= 2 && (len(p[2]) == 4 || len(p[2]) == 2):
		y, mo, d = p[2], p[0], p[1]
		if atoiSmall(p[0]) > 12 || st.n.dmy && sep == '/' && atoiSmall(p[1]) <= 12 {
			mo, d = p[1], p[0]
		}
	default:
		return false
	}
	if sep == '.' && len(y) != 4 {
		return false
	}
	mn, dn := atoiSmall(mo), atoiSmall(d)
	if mn < 1 || mn > 12 || dn < 1 || dn > 31 {
		return false
	}
	if sep == '.' && len(p[0]) <= 2 && atoiSmall(p[1]) <= 12 {
		// "12.5.2023": dotted dates are written day first.
		mo, d = p[1], p[0]
		mn, dn = atoiSmall(mo), atoiSmall(d)
		if mn < 1 || mn > 12 || dn < 1 || dn > 31 {
			return false
		}
	}
	if len(p[0]) == 4 && sep == '-' || len(p[0]) <= 2 && (atoiSmall(p[0]) > 12 || sep == '.' && atoiSmall(p[1]) <= 12 || st.n.dmy && sep == '/') {
		st.buf = append(st.buf, "the")
		st.buf = appendOrdinal(st.buf, strings.TrimLeft(d, "0"))
		st.buf = append(st.buf, "of", monthByNum[mn])
	} else {
		st.buf = append(st.buf, monthByNum[mn])
		st.buf = appendOrdinal(st.buf, strings.TrimLeft(d, "0"))
	}
	if len(y) == 2 {
		st.buf = appendDigitsPair(st.buf, y)
	} else {
		st.buf = appendYear(st.buf, y)
	}
	st.say(off, off+len(c))
	return true
}

// appendDigitsPair speaks a two-digit year: "05" → "oh five", "98" →
// "ninety eight".
func appendDigitsPair(dst []string, y string) []string {
	if y[0] == '0' {
		return append(dst, "o", ones[y[1]-'0'])
	}
	return appendUnder100(dst, atoiSmall(y))
}

// skipMark returns j+1 when word j is only the mark (a tokenized "," or
// "."), else j.
func (st *state) skipMark(j int, mark string) int {
	if j < len(st.words) && st.words[j].core == "" && st.words[j].lead+st.words[j].trail == mark {
		return j + 1
	}
	return j
}
