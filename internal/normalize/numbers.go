package normalize

// Number words. Every function appends to dst so that a sentence is spoken
// into one growing slice of constant strings, without per-number
// allocations.

var ones = [...]string{"zero", "one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
	"fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}

var tens = [...]string{"", "", "twenty", "thirty", "forty", "fifty", "sixty",
	"seventy", "eighty", "ninety"}

// scales name each group of three digits, from the right.
var scales = [...]string{"", "thousand", "million", "billion", "trillion",
	"quadrillion", "quintillion", "sextillion", "septillion", "octillion"}

// ordinalOf maps the last word of a cardinal to its ordinal.
var ordinalOf = map[string]string{
	"zero": "zeroth", "one": "first", "two": "second", "three": "third",
	"four": "fourth", "five": "fifth", "six": "sixth", "seven": "seventh",
	"eight": "eighth", "nine": "ninth", "ten": "tenth", "eleven": "eleventh",
	"twelve": "twelfth", "thirteen": "thirteenth", "fourteen": "fourteenth",
	"fifteen": "fifteenth", "sixteen": "sixteenth", "seventeen": "seventeenth",
	"eighteen": "eighteenth", "nineteen": "nineteenth", "twenty": "twentieth",
	"thirty": "thirtieth", "forty": "fortieth", "fifty": "fiftieth",
	"sixty": "sixtieth", "seventy": "seventieth", "eighty": "eightieth",
	"ninety": "ninetieth", "hundred": "hundredth", "thousand": "thousandth",
	"million": "millionth", "billion": "billionth", "trillion": "trillionth",
	"quadrillion": "quadrillionth", "quintillion": "quintillionth",
}

// pluralOf maps the last word of a cardinal to its plural, for decades
// ("the nineteen eighties") and fraction denominators.
var pluralOf = map[string]string{
	"zero": "zeros", "one": "ones", "two": "twos", "three": "threes",
	"four": "fours", "five": "fives", "six": "sixes", "seven": "sevens",
	"eight": "eights", "nine": "nines", "ten": "tens", "eleven": "elevens",
	"twelve": "twelves", "thirteen": "thirteens", "fourteen": "fourteens",
	"fifteen": "fifteens", "sixteen": "sixteens", "seventeen": "seventeens",
	"eighteen": "eighteens", "nineteen": "nineteens", "twenty": "twenties",
	"thirty": "thirties", "forty": "forties", "fifty": "fifties",
	"sixty": "sixties", "seventy": "seventies", "eighty": "eighties",
	"ninety": "nineties", "hundred": "hundreds", "thousand": "thousands",
	"million": "millions", "billion": "billions",
}

// ordinalPlural maps an ordinal to its plural, for denominators
// ("three sixteenths").
func ordinalPlural(w string) string {
	switch w {
	case "first":
		return "firsts"
	case "second":
		return "seconds"
	case "third":
		return "thirds"
	}
	return w + "s"
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// atoiSmall parses up to 9 digits; callers check isDigits first.
func atoiSmall(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// appendUnder1000 speaks 0 < n < 1000.
func appendUnder1000(dst []string, n int) []string {
	if n >= 100 {
		dst = append(dst, ones[n/100], "hundred")
		n %= 100
		if n == 0 {
			return dst
		}
	}
	return appendUnder100(dst, n)
}

// appendUnder100 speaks 0 <= n < 100.
func appendUnder100(dst []string, n int) []string {
	if n < 20 {
		return append(dst, ones[n])
	}
	dst = append(dst, tens[n/10])
	if n%10 != 0 {
		dst = append(dst, ones[n%10])
	}
	return dst
}

// appendCardinal speaks a run of digits as a whole number ("13000" →
// "thirteen thousand"). Leading zeros are ignored; numbers beyond the
// scale words are read digit by digit.
func appendCardinal(dst []string, digits string) []string {
	for len(digits) > 1 && digits[0] == '0' {
		digits = digits[1:]
	}
	if digits == "" {
		return dst
	}
	if len(digits) > 3*len(scales) {
		return appendDigits(dst, digits)
	}
	if digits == "0" {
		return append(dst, "zero")
	}
	groups := (len(digits) + 2) / 3
	first := len(digits) - (groups-1)*3
	for g := 0; g < groups; g++ {
		var part string
		if g == 0 {
			part = digits[:first]
		} else {
			off := first + (g-1)*3
			part = digits[off : off+3]
		}
		v := atoiSmall(part)
		if v == 0 {
			continue
		}
		dst = appendUnder1000(dst, v)
		if sc := scales[groups-1-g]; sc != "" {
			dst = append(dst, sc)
		}
	}
	return dst
}

// appendDigits reads each digit on its own ("004" → "zero zero four").
func appendDigits(dst []string, digits string) []string {
	for i := 0; i < len(digits); i++ {
		if c := digits[i]; c >= '0' && c <= '9' {
			dst = append(dst, ones[c-'0'])
		}
	}
	return dst
}

// appendOrdinal speaks digits as an ordinal ("21" → "twenty first").
func appendOrdinal(dst []string, digits string) []string {
	n := len(dst)
	dst = appendCardinal(dst, digits)
	if len(dst) > n {
		last := dst[len(dst)-1]
		if o, ok := ordinalOf[last]; ok {
			dst[len(dst)-1] = o
		}
	}
	return dst
}

// appendYear speaks a year the way it is said ("1984" → "nineteen eighty
// four", "2006" → "two thousand six", "1905" → "nineteen oh five",
// "340" → "three forty").
func appendYear(dst []string, digits string) []string {
	if !isDigits(digits) || len(digits) > 4 || digits[0] == '0' {
		return appendCardinal(dst, digits)
	}
	n := atoiSmall(digits)
	if n < 100 {
		return appendUnder100(dst, n)
	}
	hi, lo := n/100, n%100
	switch {
	case n%1000 == 0, n >= 2000 && n < 2010, n > 1000 && n < 1010:
		return appendCardinal(dst, digits)
	case lo == 0:
		return append(appendUnder100(dst, hi), "hundred")
	case hi < 10 && lo < 10:
		// "305" is "three oh five" as a year.
		return append(append(dst, ones[hi], "o"), ones[lo])
	case lo < 10:
		return append(append(appendUnder100(dst, hi), "o"), ones[lo])
	}
	return appendUnder100(appendUnder100(dst, hi), lo)
}

// appendDecimal speaks "3.14" as "three point one four". intPart may be
// empty (".5" → "point five").
func appendDecimal(dst []string, intPart, frac string) []string {
	if intPart != "" {
		dst = appendCardinal(dst, intPart)
	}
	dst = append(dst, "point")
	return appendDigits(dst, frac)
}

// stripCommas removes thousands separators from "13,000"; ok is false when
// the groups are not of three digits.
func stripCommas(s string) (string, bool) {
	if !hasByte(s, ',') {
		return s, isDigits(s)
	}
	parts := 0
	for i, seg := 0, 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			seglen := i - seg
			if parts == 0 && (seglen < 1 || seglen > 3) || parts > 0 && seglen != 3 {
				return "", false
			}
			parts++
			seg = i + 1
		} else if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != ',' {
			b = append(b, s[i])
		}
	}
	return string(b), true
}

func hasByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// foldKey lower-cases an ASCII word into buf for a map lookup without
// allocating (m[string(b)] does not copy); ok is false for words too long
// or not ASCII, which no table holds.
func foldKey(s string, buf *[24]byte) ([]byte, bool) {
	if len(s) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return nil, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)], true
}

// appendCode reads the digits of a long code (an ISBN, a serial number)
// one by one, with zero as "o" the way such codes are usually read out.
func appendCode(dst []string, digits string) []string {
	for i := 0; i < len(digits); i++ {
		switch c := digits[i]; {
		case c == '0':
			dst = append(dst, "o")
		case c > '0' && c <= '9':
			dst = append(dst, ones[c-'0'])
		}
	}
	return dst
}
