package de

import "strings"

// Numbers are written closed, as a German newsreader's script has them
// ("zweitausenddreiundzwanzig"); only Million and the larger scales are
// separate words ("zwei Millionen dreihunderttausend").

var units = [...]string{"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"}

var teens = [...]string{"zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"}

var tens = [...]string{"", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"}

// scales are the separate words of 10^6, 10^9, … (singular, plural).
var scales = [...][2]string{
	{"Million", "Millionen"}, {"Milliarde", "Milliarden"}, {"Billion", "Billionen"},
	{"Billiarde", "Billiarden"}, {"Trillion", "Trillionen"}, {"Trilliarde", "Trilliarden"},
}

// maxDigits is the longest digit string read as one number; longer ones
// are read digit by digit.
const maxDigits = 3 * (len(scales) + 2)

// below100 is 0 < n < 100, with "ein" for a final 1 when final is false.
func below100(n int, final bool) string {
	switch {
	case n == 1 && !final:
		return "ein"
	case n < 10:
		return units[n]
	case n < 20:
		return teens[n-10]
	case n%10 == 0:
		return tens[n/10]
	case n%10 == 1:
		return "ein" + "und" + tens[n/10]
	}
	return units[n%10] + "und" + tens[n/10]
}

// below1000 is 0 < n < 1000.
func below1000(n int, final bool) string {
	h, r := n/100, n%100
	s := ""
	if h > 0 {
		s = below100(h, false) + "hundert"
	}
	if r > 0 {
		s += below100(r, final)
	}
	return s
}

// Cardinal is the closed spoken form of a string of ASCII digits ("2023"
// → "zweitausenddreiundzwanzig"); numbers too long for the scales are
// read digit by digit.
func Cardinal(digits string) string {
	digits = strings.TrimLeft(digits, "0")
	if digits == "" {
		return "null"
	}
	if len(digits) > maxDigits {
		return Digits(digits)
	}
	groups := groups3(digits)
	var parts []string
	for k := len(groups) - 1; k >= 2; k-- {
		g := groups[k]
		if g == 0 {
			continue
		}
		sc := scales[k-2]
		if g == 1 {
			parts = append(parts, "eine "+sc[0])
		} else {
			parts = append(parts, below1000(g, true)+" "+sc[1])
		}
	}
	low := ""
	if len(groups) > 1 && groups[1] > 0 {
		low = below1000(groups[1], false) + "tausend"
	}
	if groups[0] > 0 {
		low += below1000(groups[0], true)
	}
	if low != "" {
		parts = append(parts, low)
	}
	return strings.Join(parts, " ")
}

// groups3 splits digits into groups of three from the right, least
// significant first.
func groups3(d string) []int {
	var g []int
	for end := len(d); end > 0; end -= 3 {
		start := max(0, end-3)
		v := 0
		for _, c := range d[start:end] {
			v = v*10 + int(c-'0')
		}
		g = append(g, v)
	}
	return g
}

// Digits reads each digit ("0411" → "null vier eins eins").
func Digits(d string) string {
	parts := make([]string, 0, len(d))
	for _, c := range d {
		if c >= '0' && c <= '9' {
			parts = append(parts, units[c-'0'])
		}
	}
	return strings.Join(parts, " ")
}

// Year is a year as it is said: 1100–1999 in hundreds
// ("neunzehnhundertachtzig"), others as cardinals.
func Year(digits string) string {
	if len(digits) == 4 && digits[0] == '1' && digits[1] >= '1' {
		h := int(digits[0]-'0')*10 + int(digits[1]-'0')
		r := int(digits[2]-'0')*10 + int(digits[3]-'0')
		s := below100(h, false) + "hundert"
		if r > 0 {
			s += below100(r, true)
		}
		return s
	}
	return Cardinal(digits)
}

// Gender of the noun a number counts, for "ein"/"eine".
type Gender uint8

const (
	None Gender = iota // no noun: "eins"
	Masc
	Fem
	Neut
)

// CardinalFor is the cardinal before a noun of gender g: a bare 1 is
// "ein" or "eine" ("eine Stunde", "ein Meter"), other numbers as Cardinal.
func CardinalFor(digits string, g Gender) string {
	s := Cardinal(digits)
	if s != "eins" || g == None {
		return s
	}
	if g == Fem {
		return "eine"
	}
	return "ein"
}

// isDigits reports whether s is one or more ASCII digits.
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
