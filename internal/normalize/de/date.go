package de

import (
	"strconv"
	"strings"

	"aloud/internal/normalize/rule"
)

// date reads "3. Oktober 2023", "3. Okt. 2023", "03.10.2023", "3.10.",
// "2023-10-03" and "2023-10": the day as an ordinal in the case its
// context needs, the month by name, the year as it is said.
func date(t *rule.Text, i int) (rule.Match, bool) {
	if m, ok := dayMonthWords(t, i); ok {
		return m, true
	}
	if m, ok := numericDate(t, i); ok {
		return m, true
	}
	return isoDate(t, i)
}

// dayMonthWords is "3. Oktober [2023]".
func dayMonthWords(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	if !isDigits(w.Core) || len(w.Core) > 2 || w.Trail != "." || i+1 >= len(t.Words) {
		return rule.Match{}, false
	}
	day, _ := strconv.Atoi(w.Core)
	mw := t.Words[i+1]
	mon, ok := monthOf(mw.Core)
	if !ok || day < 1 || day > 31 || mw.Lead != "" {
		return rule.Match{}, false
	}
	toks := rule.Say(w.CS, w.CE(), OrdinalStem(w.Core)+endingFor(t, i, 2, Masc))
	toks = append(toks, rule.Say(mw.CS, mw.CE(), months[mon-1])...)
	n, last := 2, mw
	if y, ok := yearAfter(t, i+2); ok && (mw.Trail == "" || mw.Trail == ".") {
		toks = append(toks, rule.Say(y.CS, y.CE(), Year(y.Core))...)
		n, last = 3, y
	}
	m := rule.Match{N: n, Tokens: toks}
	if last == mw && strings.HasPrefix(mw.Trail, ".") && len(mw.Core) < 5 {
		m.Flags = rule.Dot // "Okt." reads its period
	}
	return m, true
}

func yearAfter(t *rule.Text, j int) (rule.Word, bool) {
	if j >= len(t.Words) {
		return rule.Word{}, false
	}
	y := t.Words[j]
	if y.Lead == "" && isDigits(y.Core) && len(y.Core) == 4 && y.Core[0] != '0' {
		return y, true
	}
	return rule.Word{}, false
}

// numericDate is "03.10.2023", "3.10.23", "3.10." or "02.03".
func numericDate(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	parts := strings.Split(w.Core, ".")
	if len(parts) == 3 && parts[2] == "" {
		parts = parts[:2]
	}
	if len(parts) < 2 || len(parts) > 3 {
		return rule.Match{}, false
	}
	for k, p := range parts {
		if !isDigits(p) || k < 2 && len(p) > 2 || k == 2 && len(p) != 2 && len(p) != 4 {
			return rule.Match{}, false
		}
	}
	day, _ := strconv.Atoi(parts[0])
	mon, _ := strconv.Atoi(parts[1])
	if day < 1 || day > 31 || mon < 1 || mon > 12 {
		return rule.Match{}, false
	}
	if len(parts) == 2 && i+1 < len(t.Words) && strings.EqualFold(t.Words[i+1].Core, "Uhr") {
		return rule.Match{}, false // "2.30 Uhr" is a time
	}
	s := OrdinalStem(parts[0]) + endingFor(t, i, 2, Masc) + " " + months[mon-1]
	if len(parts) == 3 {
		y := parts[2]
		if len(y) == 2 {
			y = "20" + y
			if y > "2050" {
				y = "19" + parts[2]
			}
		}
		s += " " + Year(y)
	}
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), s)}, true
}

// isoDate is "2023-10-03", "2023-3-2" or "2023-10".
func isoDate(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	parts := strings.Split(w.Core, "-")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 || !isDigits(parts[0]) {
		return rule.Match{}, false
	}
	for _, p := range parts[1:] {
		if !isDigits(p) || len(p) > 2 {
			return rule.Match{}, false
		}
	}
	mon, _ := strconv.Atoi(parts[1])
	if mon < 1 || mon > 12 || len(parts) == 2 && len(parts[1]) != 2 {
		return rule.Match{}, false
	}
	s := months[mon-1] + " " + Year(parts[0])
	if len(parts) == 3 {
		day, _ := strconv.Atoi(parts[2])
		if day < 1 || day > 31 {
			return rule.Match{}, false
		}
		s = OrdinalStem(parts[2]) + endingFor(t, i, 2, Masc) + " " + s
	}
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), s)}, true
}
