package de

import (
	"strings"

	"aloud/internal/normalize/rule"
)

// unit is a unit of measure as said after a number (singular, plural,
// gender).
type unit struct {
	one, many string
	g         Gender
}

func u(one, many string, g Gender) unit { return unit{one, many, g} }

// units are the written unit symbols, matched exactly first and then
// case-insensitively ("kwh", "mv").
var unitSymbols = map[string]unit{
	"m": u("Meter", "Meter", Masc), "km": u("Kilometer", "Kilometer", Masc), "cm": u("Zentimeter", "Zentimeter", Masc),
	"mm": u("Millimeter", "Millimeter", Masc), "μm": u("Mikrometer", "Mikrometer", Masc), "µm": u("Mikrometer", "Mikrometer", Masc),
	"kg": u("Kilogramm", "Kilogramm", Neut), "g": u("Gramm", "Gramm", Neut), "mg": u("Milligramm", "Milligramm", Neut),
	"t": u("Tonne", "Tonnen", Fem), "l": u("Liter", "Liter", Masc), "ml": u("Milliliter", "Milliliter", Masc),
	"h": u("Stunde", "Stunden", Fem), "min": u("Minute", "Minuten", Fem), "s": u("Sekunde", "Sekunden", Fem),
	"ms": u("Millisekunde", "Millisekunden", Fem),
	"m²": u("Quadratmeter", "Quadratmeter", Masc), "m2": u("Quadratmeter", "Quadratmeter", Masc), "qm": u("Quadratmeter", "Quadratmeter", Masc),
	"km²": u("Quadratkilometer", "Quadratkilometer", Masc), "km2": u("Quadratkilometer", "Quadratkilometer", Masc),
	"cm²": u("Quadratzentimeter", "Quadratzentimeter", Masc),
	"m³":  u("Kubikmeter", "Kubikmeter", Masc), "m3": u("Kubikmeter", "Kubikmeter", Masc), "cm³": u("Kubikzentimeter", "Kubikzentimeter", Masc),
	"kwh": u("Kilowattstunde", "Kilowattstunden", Fem), "mwh": u("Megawattstunde", "Megawattstunden", Fem),
	"gwh": u("Gigawattstunde", "Gigawattstunden", Fem), "twh": u("Terawattstunde", "Terawattstunden", Fem),
	"kw": u("Kilowatt", "Kilowatt", Neut), "mw": u("Megawatt", "Megawatt", Neut), "gw": u("Gigawatt", "Gigawatt", Neut),
	"w": u("Watt", "Watt", Neut), "v": u("Volt", "Volt", Neut), "mv": u("Millivolt", "Millivolt", Neut), "kv": u("Kilovolt", "Kilovolt", Neut),
	"ha": u("Hektar", "Hektar", Masc), "ft": u("Fuß", "Fuß", Masc), "°c": u("Grad Celsius", "Grad Celsius", Masc),
	"°": u("Grad", "Grad", Masc), "%": u("Prozent", "Prozent", Neut), "‰": u("Promille", "Promille", Neut),
	"kb": u("Kilobyte", "Kilobyte", Neut), "mb": u("Megabyte", "Megabyte", Neut), "gb": u("Gigabyte", "Gigabyte", Neut),
	"tb": u("Terabyte", "Terabyte", Neut), "hz": u("Hertz", "Hertz", Neut), "khz": u("Kilohertz", "Kilohertz", Neut),
	"mhz": u("Megahertz", "Megahertz", Neut), "ghz": u("Gigahertz", "Gigahertz", Neut), "db": u("Dezibel", "Dezibel", Neut),
	"kcal": u("Kilokalorie", "Kilokalorien", Fem), "ps": u("PS", "PS", Neut), "mbit": u("Megabit", "Megabit", Neut),
	"gbit": u("Gigabit", "Gigabit", Neut), "sek": u("Sekunde", "Sekunden", Fem), "std": u("Stunde", "Stunden", Fem),
}

// unitOf reads a unit symbol, a rate "km/h" ("Kilometer pro Stunde") or a
// density "/km²" ("pro Quadratkilometer").
func unitOf(s string) (unit, bool) {
	if x, ok := unitSymbols[s]; ok {
		return x, true
	}
	if x, ok := unitSymbols[strings.ToLower(s)]; ok && len(s) > 1 {
		return x, true
	}
	a, b, ok := strings.Cut(s, "/")
	if !ok {
		return unit{}, false
	}
	per, ok := unitSymbols[strings.ToLower(b)]
	if !ok || strings.Contains(b, "/") {
		return unit{}, false
	}
	if a == "" {
		return unit{"pro " + per.one, "pro " + per.one, Neut}, true
	}
	x, ok := unitOf(a)
	if !ok || strings.Contains(a, "/") {
		return unit{}, false
	}
	return unit{x.one + " pro " + per.one, x.many + " pro " + per.one, x.g}, true
}

// measure reads "200 m", "2km/h", "1,5 h" (plural after a decimal), "-66
// kg", "56,3 /km²", "1 1/2 ft" and "1 Mio. t".
func measure(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	num, sym := splitNumberUnit(w.Core)
	n, scale := 1, -1
	if sym == "" {
		j := i + 1
		if j < len(t.Words) && w.Trail == "" && isScale(t.Words[j].Core) && (t.Words[j].Trail == "" || t.Words[j].Trail == ".") {
			scale, j = j, j+1 // "90 Mio. t"
		}
		if j >= len(t.Words) || t.Words[j-1].Trail != "" && j-1 != scale || t.Words[j].Lead != "" {
			return rule.Match{}, false
		}
		num, sym, n = w.Core, t.Words[j].Core, j-i+1
	}
	x, ok := unitOf(sym)
	if !ok {
		return rule.Match{}, false
	}
	a, ok := parseAmount(num)
	if !ok {
		return rule.Match{}, false
	}
	name := x.many
	if a.one() && !a.hasComma && scale < 0 {
		name = x.one
	}
	last := t.Words[i+n-1]
	var toks []rule.Token
	if scale >= 0 {
		sc := t.Words[scale]
		names := scaleWords[strings.ToLower(sc.Core)]
		g, sn := Fem, names[1]
		if a.one() {
			sn = names[0]
		}
		if names[0] == "tausend" {
			g = None
		}
		toks = append(rule.Say(w.CS, w.CE(), a.say(g)), rule.Say(sc.CS, sc.CE(), sn)...)
	} else {
		toks = rule.Say(w.CS, w.CE(), a.say(x.g))
	}
	return rule.Match{N: n, Tokens: append(toks, rule.Say(last.CS, last.CE(), name)...)}, true
}

// splitNumberUnit cuts "2km/h" into "2" and "km/h"; "2" gives "2", "".
func splitNumberUnit(s string) (string, string) {
	k := 0
	if strings.HasPrefix(s, "-") {
		k = 1
	}
	for k < len(s) && (s[k] >= '0' && s[k] <= '9' || s[k] == ',' || s[k] == '.') {
		k++
	}
	if k == 0 || k == len(s) || s[k-1] < '0' || s[k-1] > '9' {
		return s, ""
	}
	return s[:k], s[k:]
}
