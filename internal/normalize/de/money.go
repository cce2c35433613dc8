package de

import (
	"strings"

	"aloud/internal/normalize/rule"
)

// currency is a currency as it is said: its name, gender, and its
// hundredth (singular, plural).
type currency struct {
	name          string
	g             Gender
	sub1, subMany string
}

var currencies = map[string]currency{
	"€": {"Euro", Masc, "Cent", "Cent"}, "EUR": {"Euro", Masc, "Cent", "Cent"}, "Euro": {"Euro", Masc, "Cent", "Cent"},
	"$": {"Dollar", Masc, "Cent", "Cent"}, "USD": {"US-Dollar", Masc, "Cent", "Cent"}, "Dollar": {"Dollar", Masc, "Cent", "Cent"},
	"US-Dollar": {"US-Dollar", Masc, "Cent", "Cent"},
	"£":         {"Pfund", Neut, "Penny", "Pence"}, "GBP": {"Pfund", Neut, "Penny", "Pence"}, "Pfund": {"Pfund", Neut, "Penny", "Pence"},
	"¥": {"Yen", Masc, "", ""}, "JPY": {"Yen", Masc, "", ""}, "Yen": {"Yen", Masc, "", ""},
	"CHF": {"Franken", Masc, "Rappen", "Rappen"}, "Franken": {"Franken", Masc, "Rappen", "Rappen"},
}

// scaleWords are the written number scales after an amount ("4,5 Mio.").
var scaleWords = map[string][2]string{
	"mio": {"Million", "Millionen"}, "million": {"Million", "Millionen"}, "millionen": {"Million", "Millionen"},
	"mrd": {"Milliarde", "Milliarden"}, "milliarde": {"Milliarde", "Milliarden"}, "milliarden": {"Milliarde", "Milliarden"},
	"bio": {"Billion", "Billionen"}, "billion": {"Billion", "Billionen"}, "billionen": {"Billion", "Billionen"},
	"tsd": {"tausend", "tausend"}, "tausend": {"tausend", "tausend"},
}

// amount is a number as written: integer digits, the digits after the
// decimal comma, and a sign.
type amount struct {
	neg       bool
	int, frac string
	hasComma  bool
}

// parseAmount reads "-1.234,56", "2,5", "13.000", "0,01".
func parseAmount(s string) (amount, bool) {
	var a amount
	switch {
	case strings.HasPrefix(s, "-"):
		a.neg, s = true, s[1:]
	case strings.HasPrefix(s, "−"):
		a.neg, s = true, s[len("−"):]
	}
	in, fr, comma := strings.Cut(s, ",")
	if comma && !isDigits(fr) {
		return a, false
	}
	if strings.Contains(in, ".") {
		groups := strings.Split(in, ".")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return a, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return a, false
			}
		}
		in = strings.Join(groups, "")
	}
	if !isDigits(in) {
		return a, false
	}
	a.int, a.frac, a.hasComma = in, fr, comma
	return a, true
}

// say reads the amount as a number: "minus zwei Komma fünf null" (every
// decimal digit, as written), with gender g for a bare 1.
func (a amount) say(g Gender) string {
	s := CardinalFor(a.int, g)
	if a.hasComma {
		s = Cardinal(a.int) + " Komma " + Digits(a.frac)
	}
	if a.neg {
		s = "minus " + s
	}
	return s
}

// one reports whether the amount is exactly 1 (singular nouns).
func (a amount) one() bool {
	return strings.TrimLeft(a.int, "0") == "1" && strings.Trim(a.frac, "0") == ""
}

// money reads "$2", "€2,20", "2,50 €", "2,50 Euro", "€4,5 Mio." and
// "4,5 Mio. Euro". Cents are said as a second amount when there are at
// most two significant decimals ("zwei Euro zwanzig Cent").
func money(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	c, num, prefixed := currencyPrefix(w.Core)
	if !prefixed {
		num = w.Core
	}
	a, ok := parseAmount(num)
	if !ok {
		return rule.Match{}, false
	}
	k := i + 1 // the next word not yet read
	scale := -1
	if k < len(t.Words) && t.Words[k-1].Trail == "" && isScale(t.Words[k].Core) {
		scale, k = k, k+1
	}
	if !prefixed {
		if k >= len(t.Words) || t.Words[k-1].Trail != "" && !(scale == k-1 && t.Words[k-1].Trail == ".") {
			return rule.Match{}, false
		}
		if c, ok = currencies[t.Words[k].Core]; !ok {
			return rule.Match{}, false
		}
		k++
	}
	last := t.Words[k-1]
	if scale < 0 {
		return rule.Match{N: k - i, Tokens: rule.Say(w.CS, last.CE(), sayMoney(a, c))}, true
	}
	sc := t.Words[scale]
	names := scaleWords[strings.ToLower(sc.Core)]
	g, name := Fem, names[1]
	if a.one() {
		name = names[0]
	}
	if names[0] == "tausend" {
		g = None
	}
	toks := rule.Say(w.CS, w.CE(), a.say(g))
	toks = append(toks, rule.Say(sc.CS, sc.CE(), name)...)
	toks = append(toks, rule.Say(last.CS, last.CE(), c.name)...)
	m := rule.Match{N: k - i, Tokens: toks}
	if last == sc && len(sc.Core) <= 3 {
		m.Flags = rule.Dot // "Mio." reads its period
	}
	return m, true
}

func isScale(s string) bool {
	_, ok := scaleWords[strings.ToLower(s)]
	return ok
}

// currencyPrefix splits "€2,20" and "2,20€" into currency and number.
func currencyPrefix(s string) (currency, string, bool) {
	for _, sym := range []string{"€", "$", "£", "¥"} {
		c := currencies[sym]
		if rest, ok := strings.CutPrefix(s, sym); ok && rest != "" {
			return c, rest, true
		}
		if rest, ok := strings.CutSuffix(s, sym); ok && rest != "" {
			return c, rest, true
		}
	}
	return currency{}, "", false
}

// sayMoney is "zwei Euro zwanzig Cent", "ein Cent", "zwei Komma null null
// eins Dollar".
func sayMoney(a amount, c currency) string {
	frac := strings.TrimRight(a.frac, "0")
	sign := ""
	if a.neg {
		sign = "minus "
	}
	if len(frac) > 2 || c.sub1 == "" && frac != "" {
		return sign + Cardinal(a.int) + " Komma " + Digits(frac) + " " + c.name
	}
	cents := ""
	if frac != "" {
		if len(frac) == 1 {
			frac += "0"
		}
		sub := c.subMany
		if strings.TrimLeft(frac, "0") == "1" {
			sub = c.sub1
		}
		cents = CardinalFor(frac, Masc) + " " + sub
	}
	if strings.TrimLeft(a.int, "0") == "" && cents != "" {
		return sign + cents
	}
	s := sign + CardinalFor(a.int, c.g) + " " + c.name
	if cents != "" {
		s += " " + cents
	}
	return s
}
