package normalize

import (
	"strings"
)

// num is a number parsed from the front of a word.
type num struct {
	neg    bool
	plus   bool   // written "+1"
	intg   string // integer digits, commas removed; "" for ".5"
	frac   string // digits after the point
	dot    bool
	commas bool
	n      int // bytes consumed
}

// parseNum reads "-13,000.5" style numbers from the front of s.
func parseNum(s string) (num, bool) {
	var v num
	i := 0
	switch {
	case strings.HasPrefix(s, "−"):
		v.neg, i = true, len("−")
	case strings.HasPrefix(s, "-"):
		v.neg, i = true, 1
	case strings.HasPrefix(s, "+"):
		v.plus, i = true, 1
	}
	j := i
	for j < len(s) && isDigitByte(s[j]) {
		j++
	}
	intg := s[i:j]
	// Thousands separators: only groups of exactly three digits.
	if j-i >= 1 && j-i <= 3 {
		k := j
		for k+3 < len(s)+0 && k+4 <= len(s) && s[k] == ',' && isDigits(s[k+1:k+4]) && (k+4 == len(s) || !isDigitByte(s[k+4])) {
			k += 4
		}
		if k > j {
			v.commas = true
			intg, _ = stripCommas(s[i:k])
			j = k
		}
	}
	v.intg = intg
	if j+1 < len(s) && s[j] == '.' && isDigitByte(s[j+1]) {
		k := j + 1
		for k < len(s) && isDigitByte(s[k]) {
			k++
		}
		v.dot, v.frac = true, s[j+1:k]
		j = k
	}
	if v.intg == "" && !v.dot {
		return num{}, false
	}
	v.n = j
	return v, true
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// isInt reports whether v is a plain integer without sign, point or
// separators.
func (v num) isInt() bool { return !v.neg && !v.dot && !v.commas && v.intg != "" }

// one reports whether v is exactly 1, which takes singular units.
func (v num) one() bool { return !v.dot && v.intg == "1" }

// appendNum speaks v as a quantity.
func appendNum(dst []string, v num) []string {
	if v.neg {
		dst = append(dst, "minus")
	}
	if v.plus {
		dst = append(dst, "plus")
	}
	if v.dot {
		return appendDecimal(dst, v.intg, v.frac)
	}
	return appendCount(dst, v.intg, v.commas)
}

// appendCount speaks an integer: leading zeros and very long runs (codes,
// ISBNs) digit by digit, everything else as a cardinal.
func appendCount(dst []string, digits string, commas bool) []string {
	if !commas && (len(digits) > 1 && digits[0] == '0' || len(digits) > 9) {
		return appendDigits(dst, digits)
	}
	return appendCardinal(dst, digits)
}

// numberAt speaks a word that starts with a number.
func (st *state) numberAt(i int) int {
	w := st.words[i]
	c := w.core
	if n := st.rangeAt(i); n > 0 {
		return n
	}
	if st.timeAt(i) {
		return st.timeWords(i)
	}
	if st.numericDate(c, w.cs) {
		return 1
	}
	if st.groupedDigits(c, w.cs) {
		return 1
	}
	v, ok := parseNum(c)
	if !ok {
		st.mixed(c, w.cs)
		return 1
	}
	rest := c[v.n:]
	if rest == "" {
		return st.bareNumber(i, v)
	}
	if n := st.numberWithRest(i, v, rest); n > 0 {
		return n
	}
	if k := strings.IndexAny(c, "-–"); k > 0 && !strings.Contains(c, "=") {
		// "21st-century": read the parts.
		st.hyphenated(c, w.cs)
		return 1
	}
	st.mixed(c, w.cs)
	return 1
}

// numberWithRest handles "21st", "1990s", "25%", "12kg", "1/2", "5pm".
func (st *state) numberWithRest(i int, v num, rest string) int {
	w := st.words[i]
	lr := strings.ToLower(rest)
	switch {
	case !v.neg && !v.dot && v.intg != "" && isOrdinalSuffix(lr, v.intg):
		st.buf = appendOrdinal(st.buf, v.intg)
		st.say(w.cs, w.ce())
		return 1
	case (lr == "s" || lr == "'s") && v.isInt() && strings.HasSuffix(v.intg, "0"):
		st.buf = appendDecade(st.buf, v.intg)
		st.say(w.cs, w.ce())
		return 1
	case rest == "'s" || rest == "’s":
		// "the 12's": the number keeps its possessive or plural ending.
		st.buf = appendNum(st.buf, v)
		st.buf[len(st.buf)-1] += "'s"
		st.say(w.cs, w.ce())
		return 1
	case rest == "%":
		st.buf = append(appendNum(st.buf, v), "percent")
		st.say(w.cs, w.ce())
		return 1
	case rest[0] == '/' && !v.neg && !v.dot:
		if b := rest[1:]; isDigits(b) && v.intg != "" && len(b) <= 3 && len(v.intg) <= 3 && atoiSmall(v.intg) >= atoiSmall(b) && b != "1" || v.intg+rest == "9/11" {
			// "24/7", "50/50", "9/11": two numbers said one after the other.
			st.buf = appendCardinal(st.buf, v.intg)
			st.buf = appendCardinal(st.buf, b)
			st.say(w.cs, w.ce())
			return 1
		}
		if st.fraction(v.intg, rest[1:], w.cs, w.ce()) {
			return 1
		}
	}
	if n := st.measureAttached(i, v, rest); n > 0 {
		return n
	}
	if d, ok := quarterOf(v, rest); ok {
		// "2Q22": the second quarter of (20)22.
		st.buf = append(st.buf, "the")
		st.buf = appendOrdinal(st.buf, v.intg)
		st.buf = append(st.buf, "quarter", "of")
		st.buf = appendDigitsPair(st.buf, d)
		st.say(w.cs, w.ce())
		return 1
	}
	if rest[0] == '-' || strings.HasPrefix(rest, "–") {
		// "9-inch", "100-car", "covid-19" style compounds: read the parts.
		return 0
	}
	return 0
}

// isOrdinalSuffix reports whether suf is the right ordinal ending for the
// digits ("1st", "2nd", "3rd", "11th", "21st").
func isOrdinalSuffix(suf, digits string) bool {
	if len(suf) != 2 || digits == "" {
		return false
	}
	last := digits[len(digits)-1]
	teen := len(digits) > 1 && digits[len(digits)-2] == '1'
	switch {
	case teen:
		return suf == "th"
	case last == '1':
		return suf == "st"
	case last == '2':
		return suf == "nd" || suf == "d"
	case last == '3':
		return suf == "rd" || suf == "d"
	}
	return suf == "th"
}

// appendDecade speaks "1990s" as "nineteen nineties", "80s" as
// "eighties", "2000s" as "two thousands".
func appendDecade(dst []string, digits string) []string {
	n := len(dst)
	if len(digits) == 4 {
		dst = appendYear(dst, digits)
	} else {
		dst = appendCardinal(dst, digits)
	}
	if len(dst) > n {
		if p, ok := pluralOf[dst[len(dst)-1]]; ok {
			dst[len(dst)-1] = p
		}
	}
	return dst
}

// bareNumber speaks a plain number: a year where it reads as one, else a
// quantity, with a unit or scale word from the next word when present.
func (st *state) bareNumber(i int, v num) int {
	w := st.words[i]
	if n := st.mixedFraction(i, v); n > 0 {
		return n
	}
	if n := st.addressAt(i, v); n > 0 {
		return n
	}
	if v.isInt() && strings.HasSuffix(v.intg, "0") && len(v.intg) == 4 && w.trail == "" && i+1 < len(st.words) && st.words[i+1].core == "s" && st.words[i+1].lead == "" {
		// "1980 s": a decade split by tokenization.
		st.buf = appendDecade(st.buf, v.intg)
		st.say(w.cs, st.words[i+1].ce())
		return 2
	}
	if n := st.measureNext(i, v); n > 0 {
		return n
	}
	if v.isInt() && len(v.intg) <= 4 && v.intg[0] != '0' && i+1 < len(st.words) && w.trail == "" && isEra(st.words[i+1].core) {
		// "743 B.C." is a year: "seven forty three B C".
		st.buf = appendYear(st.buf, v.intg)
		st.say(w.cs, w.ce())
		return 1
	}
	if v.isInt() && st.isYear(i, v.intg) {
		st.buf = appendYear(st.buf, v.intg)
		st.say(w.cs, w.ce())
		return 1
	}
	st.buf = appendNum(st.buf, v)
	st.say(w.cs, w.ce())
	return 1
}

// yearPrepositions are words after which a four-digit number is a year.
var yearPrepositions = map[string]bool{
	"in": true, "since": true, "by": true, "from": true, "until": true,
	"till": true, "to": true, "of": true, "after": true, "before": true,
	"during": true, "circa": true, "c.": true, "ca.": true, "year": true,
	"early": true, "late": true, "mid": true, "summer": true, "winter": true,
	"spring": true, "autumn": true, "fall": true, "between": true, "and": true,
	"the": true, "around": true, "about": true, "through": true, "born": true,
}

// isYear decides whether a four-digit integer is read as a year.
func (st *state) isYear(i int, digits string) bool {
	if len(digits) != 4 || digits[0] == '0' {
		return false
	}
	n := atoiSmall(digits)
	if n < 1000 || n > 2099 {
		return false
	}
	if i > 0 && yearPrepositions[strings.ToLower(st.words[i-1].core)] {
		return true
	}
	if i+1 < len(st.words) && st.words[i].trail == "" && countNouns[st.words[i+1].core] {
		// "1871 residents": a count of things, not a year.
		return false
	}
	return true
}

// countNouns are plural nouns that make a preceding four-digit number a
// count rather than a year.
var countNouns = map[string]bool{
	"residents": true, "people": true, "persons": true, "members": true, "workers": true,
	"employees": true, "jobs": true, "students": true, "children": true, "men": true,
	"women": true, "soldiers": true, "troops": true, "votes": true, "voters": true,
	"cases": true, "deaths": true, "homes": true, "houses": true, "units": true,
	"copies": true, "miles": true, "feet": true, "acres": true, "tons": true,
	"tonnes": true, "pounds": true, "dollars": true, "euros": true, "years": true,
	"days": true, "hours": true, "minutes": true, "seconds": true, "points": true,
	"games": true, "goals": true, "yards": true, "pages": true, "words": true,
	"cars": true, "vehicles": true, "seats": true, "beds": true, "patients": true,
	"inhabitants": true, "families": true, "households": true, "species": true,
	"items": true, "visitors": true, "passengers": true, "fans": true,
	"spectators": true, "participants": true, "customers": true, "users": true,
	"subscribers": true, "followers": true, "athletes": true, "players": true,
	"schools": true, "companies": true, "firms": true, "stores": true, "shops": true,
	"refugees": true, "migrants": true, "prisoners": true, "civilians": true,
	"officers": true, "police": true, "staff": true, "teachers": true, "doctors": true,
	"nurses": true, "troopers": true, "sailors": true, "ships": true, "aircraft": true,
	"planes": true, "flights": true, "meters": true, "metres": true, "kilometers": true,
	"kilometres": true, "villages": true, "buildings": true, "rooms": true,
	"apartments": true, "animals": true, "birds": true, "trees": true, "books": true,
	"signatures": true, "complaints": true, "arrests": true, "infections": true,
	"youth": true, "youths": true, "individuals": true, "delegates": true,
	"degrees": true, "fathoms": true, "inches": true, "leagues": true, "gallons": true,
	"barrels": true, "bushels": true, "francs": true, "guineas": true, "shillings": true,
	"rupees": true, "marks": true, "crowns": true, "ounces": true, "horses": true,
	"cattle": true, "sheep": true, "guns": true, "rifles": true, "cannon": true,
}

func isLowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// isEra reports whether s is an era marker written after a year.
func isEra(s string) bool {
	switch s {
	case "BC", "B.C", "AD", "A.D", "BCE", "B.C.E", "CE", "C.E":
		return true
	}
	return false
}

// mixedFraction speaks "2 1/2" as "two and a half" and "4 1/2 lbs" as
// "four and a half pounds".
func (st *state) mixedFraction(i int, v num) int {
	w := st.words[i]
	if !v.isInt() || w.trail != "" || i+1 >= len(st.words) {
		return 0
	}
	nx := st.words[i+1]
	a, b, ok := strings.Cut(nx.core, "/")
	if !ok || nx.lead != "" || !isDigits(a) || !isDigits(b) || len(a) > 2 || len(b) > 2 || b == "0" || atoiSmall(a) >= atoiSmall(b) {
		return 0
	}
	st.buf = appendCardinal(st.buf, v.intg)
	st.buf = append(st.buf, "and")
	switch {
	case a == "1" && b == "2":
		st.buf = append(st.buf, "a", "half")
	case a == "1" && b == "4":
		st.buf = append(st.buf, "a", "quarter")
	default:
		st.fraction(a, b, w.cs, nx.ce())
		st.buf = st.buf[:0]
	}
	used, last := 2, nx
	if nx.trail == "" && i+2 < len(st.words) {
		if u, ok := lookupUnit(st.words[i+2].core); ok && len(st.words[i+2].core) > 1 {
			st.buf = append(st.buf, u.many)
			used, last = 3, st.words[i+2]
		}
	}
	st.say(w.cs, last.ce())
	return used
}

// quarterOf recognises the "2Q22" form of a fiscal quarter and returns the
// two-digit year.
func quarterOf(v num, rest string) (string, bool) {
	if !v.isInt() || len(v.intg) != 1 || v.intg[0] < '1' || v.intg[0] > '4' {
		return "", false
	}
	if len(rest) != 3 || rest[0] != 'Q' || !isDigits(rest[1:]) {
		return "", false
	}
	return rest[1:], true
}
