package de

import (
	"strings"
	"unicode"

	"aloud/internal/normalize/rule"
)

// cardinal reads a number: "13.000", "-60,24" ("minus sechzig Komma zwei
// vier"), "1 Woche" ("eine Woche"), a year where the context names one
// ("im Jahr 1980", "1980 wurde"), "007" digit by digit.
func cardinal(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	core, sign := w.Core, ""
	if rest, ok := strings.CutPrefix(core, "+"); ok {
		core, sign = rest, "plus "
	}
	a, ok := parseAmount(core)
	if !ok {
		return rule.Match{}, false
	}
	var s string
	switch {
	case !a.hasComma && !a.neg && len(a.int) > 1 && a.int[0] == '0' && core == a.int:
		s = Digits(a.int)
	case !a.hasComma && !a.neg && core == a.int && isYear(t, i):
		s = Year(a.int)
	default:
		g := None
		if i+1 < len(t.Words) && w.Trail == "" && startsUpper(t.Words[i+1].Core) {
			g = nounGender(t.Words[i+1].Core)
		}
		s = a.say(g)
	}
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), sign+s)}, true
}

// yearCues are words before a number that make it a year.
var yearCues = wordSet(`im jahr jahre jahres jahren seit bis von ab um anno anfang ende mitte frühjahr
	frühling sommer herbst winter jahreswechsel vor nach zwischen und`)

// isYear reports whether the four digits at word i are a year: 1100–1999
// after a year cue or a month, or not followed by a capitalised noun they
// would count ("1980 wurde er", but "1980 Menschen").
func isYear(t *rule.Text, i int) bool {
	d := t.Words[i].Core
	if len(d) != 4 || d[0] != '1' || d[1] == '0' {
		return false
	}
	if i > 0 && t.Words[i-1].Trail == "" {
		p := t.Words[i-1].Core
		if _, ok := monthOf(p); ok || yearCues[strings.ToLower(p)] {
			return true
		}
	}
	if i+1 < len(t.Words) && t.Words[i].Trail == "" {
		next := t.Words[i+1].Core
		return startsLower(next) || sentenceStarters[next]
	}
	// "Das war 1980.": a sentence that ends in it; a number alone is not.
	return i > 0
}

// numberRange reads "10-12", "1970–2010" and "10 - 12" with "bis".
func numberRange(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	for _, dash := range []string{"-", "–"} {
		a, b, ok := strings.Cut(w.Core, dash)
		if ok && isDigits(a) && isDigits(b) && len(a) <= 4 && len(b) <= 4 {
			return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), rangeEnd(a)+" bis "+rangeEnd(b))}, true
		}
	}
	if i+2 < len(t.Words) && isDigits(w.Core) && w.Trail == "" && t.Words[i+1].Core == "" &&
		(t.Words[i+1].Trail == "-" || t.Words[i+1].Trail == "–") && isDigits(t.Words[i+2].Core) && len(w.Core) <= 4 && len(t.Words[i+2].Core) <= 4 {
		b := t.Words[i+2]
		toks := rule.Say(w.CS, w.CE(), rangeEnd(w.Core))
		toks = append(toks, rule.Say(t.Words[i+1].Start, t.Words[i+1].End, "bis")...)
		toks = append(toks, rule.Say(b.CS, b.CE(), rangeEnd(b.Core))...)
		return rule.Match{N: 3, Tokens: toks}, true
	}
	return rule.Match{}, false
}

func rangeEnd(d string) string {
	if len(d) == 4 {
		return Year(d)
	}
	if len(d) > 1 && d[0] == '0' {
		return Digits(d)
	}
	return Cardinal(d)
}

// compound reads numbers inside words: "20-jährige" ("zwanzigjährige"),
// "3-fach", "2D-Drucker" ("zwei D-Drucker"), "A320", "20er"
// ("zwanziger"), "1990er-Jahre".
func compound(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	c := w.Core
	if !strings.ContainsAny(c, "0123456789") || strings.ContainsAny(c, "/@:_") || !hasLetter(c) {
		return rule.Match{}, false
	}
	var b strings.Builder
	prevDigit, prevLetter := false, false
	for k := 0; k < len(c); {
		switch {
		case c[k] >= '0' && c[k] <= '9':
			e := k
			for e < len(c) && c[e] >= '0' && c[e] <= '9' {
				e++
			}
			if prevLetter {
				b.WriteByte(' ')
			}
			num := c[k:e]
			if strings.HasPrefix(c[e:], "er") && len(num) == 4 {
				b.WriteString(Year(num))
			} else if closedSuffix(c[e:]) || e < len(c) && c[e] == '-' && e+1 < len(c) && startsLower(c[e+1:]) {
				b.WriteString(Cardinal(num))
				if c[e] == '-' {
					e++ // "20-jährige": closed
				}
			} else {
				b.WriteString(Cardinal(num))
			}
			k, prevDigit, prevLetter = e, true, false
		case c[k] == '-' || c[k] == '.' || c[k] == ',':
			b.WriteByte(c[k])
			k++
			prevDigit, prevLetter = false, false
		default:
			if prevDigit && !closedSuffix(c[k:]) {
				b.WriteByte(' ')
			}
			b.WriteByte(c[k])
			k++
			prevDigit, prevLetter = false, true
		}
	}
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), b.String())}, true
}

// closedSuffix reports a suffix written closed after a number ("20er",
// "3fach", "5mal", "10jährig").
func closedSuffix(s string) bool {
	for _, suf := range []string{"er", "fach", "mal", "jährig", "prozentig", "stündig", "tägig", "wöchig", "monatig", "köpfig", "teilig", "seitig", "stellig", "stöckig", "minütig"} {
		if strings.HasPrefix(s, suf) {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// fraction reads "1/2" ("ein halb"), "4/2" ("vier halbe"), "2/9" ("zwei
// Neuntel"), "1 1/2" ("eineinhalb"), "-1/22", and a unit after it ("1/2
// ft" → "ein halb Fuß").
func fraction(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	whole := ""
	fw := w
	n := 1
	if isDigits(strings.TrimPrefix(w.Core, "-")) && w.Trail == "" && i+1 < len(t.Words) && isFraction(t.Words[i+1].Core) && t.Words[i+1].Lead == "" {
		whole, fw, n = w.Core, t.Words[i+1], 2
	} else if !isFraction(w.Core) {
		return rule.Match{}, false
	}
	core, sign := fw.Core, ""
	if whole != "" {
		if rest, ok := strings.CutPrefix(whole, "-"); ok {
			whole, sign = rest, "minus "
		}
	}
	if rest, ok := strings.CutPrefix(core, "-"); ok {
		core, sign = rest, "minus "
	}
	num, den, _ := strings.Cut(core, "/")
	s := sayFraction(num, den)
	if whole != "" {
		if num == "1" && den == "2" {
			s = CardinalFor(whole, Neut) + "einhalb"
		} else {
			s = Cardinal(whole) + " und " + s
		}
	}
	toks := rule.Say(w.CS, fw.CE(), sign+s)
	if j := i + n; j < len(t.Words) && fw.Trail == "" {
		if x, ok := unitOf(t.Words[j].Core); ok {
			toks = append(toks, rule.Say(t.Words[j].CS, t.Words[j].CE(), x.one)...)
			n++
		}
	}
	return rule.Match{N: n, Tokens: toks}, true
}

// isFraction reports "a/b" with digits on both sides (and an optional
// minus).
func isFraction(s string) bool {
	s = strings.TrimPrefix(s, "-")
	a, b, ok := strings.Cut(s, "/")
	return ok && isDigits(a) && isDigits(b) && len(a) <= 6 && len(b) <= 6
}

func sayFraction(num, den string) string {
	if strings.TrimLeft(den, "0") == "2" {
		if strings.TrimLeft(num, "0") == "1" {
			return "ein halb"
		}
		return Cardinal(num) + " halbe"
	}
	d := OrdinalStem(den) + "el"
	d = strings.ToUpper(d[:1]) + d[1:]
	return CardinalFor(num, Neut) + " " + d
}

// symbolWords are marks read aloud when they stand alone.
var symbolWords = map[string]string{
	"%": "Prozent", "&": "und", "§": "Paragraf", "§§": "Paragrafen", "+": "plus", "=": "gleich",
	"°": "Grad", "€": "Euro", "$": "Dollar", "£": "Pfund", "×": "mal", "±": "plus minus", "@": "at",
	"½": "ein halb", "¼": "ein Viertel", "¾": "drei Viertel",
}

func symbol(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	if s, ok := symbolWords[w.Core]; ok {
		return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), s)}, true
	}
	return rule.Match{}, false
}

// digitRuns is the last resort for digits no other rule read ("1,2,3"):
// each run of digits is said as a number, marks between them stay.
func digitRuns(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	if !strings.ContainsAny(w.Core, "0123456789") {
		return rule.Match{}, false
	}
	var b strings.Builder
	for k := 0; k < len(w.Core); {
		e := k
		for e < len(w.Core) && w.Core[e] >= '0' && w.Core[e] <= '9' {
			e++
		}
		if e > k {
			b.WriteString(Cardinal(w.Core[k:e]))
			k = e
			continue
		}
		b.WriteByte(w.Core[k])
		if w.Core[k] == ',' || w.Core[k] == ';' {
			b.WriteByte(' ')
		}
		k++
	}
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), b.String())}, true
}
