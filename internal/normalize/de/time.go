package de

import (
	"strconv"
	"strings"

	"aloud/internal/normalize/rule"
)

// clock reads "14:30 Uhr", "14.30 Uhr", "08:00 Uhr" ("acht Uhr"),
// "00:00:00 Uhr" (with Minuten and Sekunden), "14 Uhr" and "14:30" with a
// time zone after Uhr spelled ("MEZ" → "M E Z"). A bare "2:1" with a
// one-digit side is a score ("zwei zu eins").
func clock(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	uhr := i+1 < len(t.Words) && strings.EqualFold(t.Words[i+1].Core, "Uhr") && w.Trail == ""
	sep := ":"
	if !strings.Contains(w.Core, ":") {
		sep = "."
	}
	parts := strings.Split(w.Core, sep)
	if len(parts) == 1 && uhr && isDigits(w.Core) && len(w.Core) <= 2 {
		h, _ := strconv.Atoi(w.Core)
		if h <= 24 {
			u := t.Words[i+1]
			return withZone(t, i, append(rule.Say(w.CS, w.CE(), hourWord(w.Core)), rule.Say(u.CS, u.CE(), "Uhr")...), 2), true
		}
	}
	if len(parts) < 2 || len(parts) > 3 || (sep == "." && !uhr) {
		return rule.Match{}, false
	}
	for _, p := range parts {
		if !isDigits(p) || len(p) > 2 {
			return rule.Match{}, false
		}
	}
	h, _ := strconv.Atoi(parts[0])
	if !uhr && len(parts) == 2 && (len(parts[1]) == 1 || len(parts[0]) == 1 && parts[0] != "0" && h < 10 && len(parts[1]) == 1) {
		return score(w)
	}
	for _, p := range parts[1:] {
		if len(p) != 2 || p[0] > '5' {
			return rule.Match{}, false
		}
	}
	if h > 24 {
		return rule.Match{}, false
	}
	s := hourWord(parts[0]) + " Uhr"
	switch {
	case len(parts) == 3:
		s += " " + countOf(parts[1], "Minute", "Minuten") + " " + countOf(parts[2], "Sekunde", "Sekunden")
	case parts[1] != "00":
		s += " " + Cardinal(parts[1])
	}
	n := 1
	if uhr {
		n = 2
	}
	return withZone(t, i, rule.Say(w.CS, w.CE(), s), n), true
}

// hourWord is an hour before "Uhr": "ein Uhr", "null Uhr".
func hourWord(d string) string {
	if s := Cardinal(d); s != "eins" {
		return s
	}
	return "ein"
}

// countOf is "eine Minute", "zwei Minuten", "null Minuten".
func countOf(d, one, many string) string {
	if c := Cardinal(d); c != "eins" {
		return c + " " + many
	}
	return "eine " + one
}

// withZone returns a time of n words, adding a time zone abbreviation
// after it (spelled).
func withZone(t *rule.Text, i int, toks []rule.Token, n int) rule.Match {
	if j := i + n; j < len(t.Words) && t.Words[j-1].Trail == "" && timeZones[strings.ToUpper(t.Words[j].Core)] {
		z := t.Words[j]
		toks = append(toks, rule.Say(z.CS, z.CE(), spell(z.Core))...)
		n++
	}
	return rule.Match{N: n, Tokens: toks}
}

var timeZones = wordSet("MEZ MESZ UTC GMT CET CEST EST EDT PST PDT OEZ WEZ")

// score reads a result "2:1" as "zwei zu eins".
func score(w rule.Word) (rule.Match, bool) {
	a, b, _ := strings.Cut(w.Core, ":")
	if a == "" || b == "" {
		return rule.Match{}, false
	}
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), Cardinal(a)+" zu "+Cardinal(b))}, true
}
