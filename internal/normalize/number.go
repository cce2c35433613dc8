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
	if !commas && len(digits) > 9 {
		return appendCode(dst, digits)
	}
	if !commas && len(digits) > 1 && digits[0] == '0' {
		return appendDigits(dst, digits)
	}
	return appendCardinal(dst, digits)
}

// numberAt speaks a word that starts with a number.
func (st *state) numberAt(i int) int {
	w := st.words[i]
	c := w.core
	if st.taxCode(c, w.cs) {
		return 1
	}
	if n := st.rangeAt(i); n > 0 {
		return n
	}
	if st.ratioAt(i) {
		return 1
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
	case (lr == "s" || lr == "'s" || lr == "’s") && v.isInt() && strings.HasSuffix(v.intg, "0"):
		st.buf = appendDecade(st.buf, v.intg)
		st.say(w.cs, w.ce())
		return 1
	case rest == "'s" || rest == "’s":
		// "the 12's": the number keeps its possessive or plural ending;
		// "1999's budget" is a year's.
		if v.isInt() && v.intg == w.core[:len(w.core)-len(rest)] && st.isYearish(v.intg) && atoiSmall(v.intg) >= 1100 {
			st.buf = appendYear(st.buf, v.intg)
		} else {
			st.buf = appendNum(st.buf, v)
		}
		st.buf[len(st.buf)-1] += "'s"
		st.say(w.cs, w.ce())
		return 1
	case rest == "%":
		st.buf = append(appendNum(st.buf, v), "percent")
		st.say(w.cs, w.ce())
		return 1
	case rest[0] == '/' && !v.neg && !v.dot:
		if b := rest[1:]; v.isInt() && st.isYearish(v.intg) && (len(b) == 2 || len(b) == 4 && st.isYearish(b)) && isDigits(b) {
			// "2023/24": a season or a fiscal year.
			st.buf = appendYear(st.buf, v.intg)
			if len(b) == 2 {
				st.buf = appendDigitsPair(st.buf, b)
			} else {
				st.buf = appendYear(st.buf, b)
			}
			st.say(w.cs, w.ce())
			return 1
		}
		if v.intg+rest != "9/11" && st.monthDay(i, v.intg, rest[1:]) {
			return 1
		}
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
	switch {
	case rest == "p" && st.pence(i, v):
		return 1
	case rest == "s" && v.dot && !v.neg:
		// "9.58s": seconds ("1990s" and "5s" are plurals, above).
		st.buf = append(appendNum(st.buf, v), "seconds")
		st.say(w.cs, w.ce())
		return 1
	case st.feetInches(i, v, rest):
		return 1
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
	if n := st.spaceGrouped(i, v); n > 0 {
		return n
	}
	if v.isInt() && strings.HasSuffix(v.intg, "0") && len(v.intg) == 4 && w.trail == "" && i+1 < len(st.words) && st.words[i+1].core == "s" && st.words[i+1].lead == "" {
		// "1980 s": a decade split by tokenization.
		st.buf = appendDecade(st.buf, v.intg)
		st.say(w.cs, st.words[i+1].ce())
		return 2
	}
	if n := st.wireTime(i, v); n > 0 {
		return n
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
	if n := st.splitPossessive(i, v); n > 0 {
		return n
	}
	if st.yearPairAt == i+1 && v.isInt() && len(v.intg) == 2 {
		st.buf = appendDigitsPair(st.buf, v.intg)
		st.say(w.cs, w.ce())
		return 1
	}
	if st.serviceNumber(i, v) || st.endingDigits(i, v) {
		return 1
	}
	if v.isInt() && len(v.intg) == 3 && i > 0 && strings.EqualFold(st.words[i-1].core, "Boeing") && st.words[i-1].trail == "" {
		// "Boeing 737": "seven three seven".
		st.buf = appendCode(st.buf, v.intg)
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

// spaceGrouped speaks "10 000" (a space as the thousands separator) as one
// number.
func (st *state) spaceGrouped(i int, v num) int {
	w := st.words[i]
	if !v.isInt() || len(v.intg) > 3 || v.intg[0] == '0' || w.trail != "" {
		return 0
	}
	digits := v.intg
	j := i + 1
	for ; j < len(st.words) && j <= i+4; j++ {
		x := st.words[j]
		// Groups that end in zero ("10 000", "1 500") are a number;
		// "123 123" stays two numbers.
		if len(x.core) != 3 || !isDigits(x.core) || x.lead != "" || x.core[2] != '0' {
			break
		}
		digits += x.core
		if x.trail != "" {
			j++
			break
		}
	}
	if j == i+1 {
		return 0
	}
	st.buf = appendCardinal(st.buf, digits)
	st.say(w.cs, st.words[j-1].ce())
	return j - i
}

// datePrepositions before "m/d" make it a date: "on 1/4", "for 4/9".
var datePrepositions = map[string]bool{
	"on": true, "by": true, "until": true, "till": true, "from": true, "since": true,
	"before": true, "after": true, "beginning": true, "starting": true, "for": true,
	"through": true, "thru": true, "due": true, "dated": true, "REPORT": true,
}

// monthDay speaks "on 3/20" as "March twentieth" (or, day first, "on
// 20/3" as "the twentieth of March"). A preposition alone is not enough
// evidence: "for 1/2 an hour", "by 3/4 of a point" and "on 1/3 of the
// land" are fractions, read so when a quantity follows or, after the
// weak "for" and "by", when the number looks like a common fraction.
func (st *state) monthDay(i int, m, d string) bool {
	if i == 0 || !isDigits(d) || len(m) > 2 || len(d) > 2 {
		return false
	}
	prep := strings.ToLower(st.words[i-1].core)
	if !datePrepositions[prep] || st.words[i-1].trail != "" {
		return false
	}
	if i+1 < len(st.words) && st.words[i].trail == "" && fractionFollowers(st.words[i+1].core) {
		return false
	}
	if (prep == "for" || prep == "by") && atoiSmall(m) < atoiSmall(d) && commonDenominators[atoiSmall(d)] {
		return false
	}
	mn, dn := atoiSmall(m), atoiSmall(d)
	day := d
	if st.n.dmy {
		mn, dn, day = dn, mn, m
	}
	if mn < 1 || mn > 12 || dn < 1 || dn > 31 {
		return false
	}
	w := st.words[i]
	if st.n.dmy {
		st.buf = append(st.buf, "the")
		st.buf = appendOrdinal(st.buf, strings.TrimLeft(day, "0"))
		st.buf = append(st.buf, "of", monthByNum[mn])
	} else {
		st.buf = append(st.buf, monthByNum[mn])
		st.buf = appendOrdinal(st.buf, strings.TrimLeft(day, "0"))
	}
	st.say(w.cs, w.ce())
	return true
}

// commonDenominators are the fractions of recipes and measures.
var commonDenominators = map[int]bool{2: true, 3: true, 4: true, 8: true, 16: true}

// fractionFollowers reports a word after "m/d" that makes it a quantity:
// "1/2 an hour", "3/4 of", "1/2 cup", "1/4 mile".
func fractionFollowers(w string) bool {
	l := strings.ToLower(w)
	if _, ok := units[l]; ok {
		return true
	}
	switch strings.TrimSuffix(l, "s") {
	case "a", "an", "of", "as", "more", "les", "time", "cup", "teaspoon", "tablespoon", "tsp", "tbsp",
		"hour", "minute", "second", "day", "week", "point", "share", "inch", "inche", "mile", "pound",
		"ounce", "gallon", "acre", "pint", "quart", "stick", "slice", "piece", "portion", "dozen":
		return true
	}
	return false
}
