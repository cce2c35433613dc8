package de

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"aloud/internal/normalize/rule"
)

// abbreviations are read in full when written with their period ("z.B."
// → "zum Beispiel"); the key is the word without its final period.
var abbreviations = map[string]string{
	"z.B": "zum Beispiel", "z. B": "zum Beispiel", "bzw": "beziehungsweise", "usw": "und so weiter",
	"d.h": "das heißt", "u.a": "unter anderem", "ca": "circa", "etc": "et cetera", "vgl": "vergleiche",
	"bspw": "beispielsweise", "ggf": "gegebenenfalls", "inkl": "inklusive", "exkl": "exklusive",
	"z.T": "zum Teil", "v.a": "vor allem", "evtl": "eventuell", "zzgl": "zuzüglich", "i.d.R": "in der Regel",
	"u.U": "unter Umständen", "o.ä": "oder Ähnliches", "o.Ä": "oder Ähnliches", "z.Zt": "zurzeit",
	"Dr": "Doktor", "Prof": "Professor", "Nr": "Nummer", "Hr": "Herr", "St": "Sankt", "Str": "Straße",
	"Mr": "Mister", "Mrs": "Misses", "Ms": "Miss", "Jh": "Jahrhundert", "Jhd": "Jahrhundert",
	"Abs": "Absatz", "Tel": "Telefon", "geb": "geboren", "gest": "gestorben", "sog": "sogenannte",
	"Mio": "Millionen", "Mrd": "Milliarden", "Tsd": "tausend", "Std": "Stunden", "Min": "Minuten",
	"Bd": "Band", "Hrsg": "Herausgeber", "Co": "Co", "u.v.m": "und vieles mehr", "s.o": "siehe oben",
	"s.u": "siehe unten", "z.Hd": "zu Händen", "Dipl": "Diplom", "Ing": "Ingenieur",
}

// beforeNumber are abbreviations read in full only before a number ("S.
// 5" → "Seite fünf", but "Art." may end a sentence).
var beforeNumber = map[string]string{"S": "Seite", "Art": "Artikel", "Kap": "Kapitel", "Nr": "Nummer", "Abb": "Abbildung", "Tab": "Tabelle"}

func abbreviation(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	if !strings.HasPrefix(w.Trail, ".") {
		return rule.Match{}, false
	}
	if m, ok := spacedAbbreviation(t, i); ok {
		return m, true
	}
	s, ok := abbreviations[w.Core]
	if !ok && i+1 < len(t.Words) && startsDigit(t.Words[i+1].Core) {
		s, ok = beforeNumber[w.Core]
	}
	if !ok {
		return rule.Match{}, false
	}
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), s), Flags: rule.Dot}, true
}

// spacedAbbreviation reads "z. B.", "d. h.", "i. d. R." written with
// spaces: one-letter words each with a period.
func spacedAbbreviation(t *rule.Text, i int) (rule.Match, bool) {
	key := ""
	for j := i; j < len(t.Words) && j < i+4; j++ {
		w := t.Words[j]
		if w.Trail != "." || utf8.RuneCountInString(w.Core) > 2 || j > i && w.Lead != "" {
			break
		}
		if key != "" {
			key += "."
		}
		key += w.Core
		if s, ok := abbreviations[key]; ok && j > i {
			last := t.Words[j]
			return rule.Match{N: j - i + 1, Tokens: rule.Say(t.Words[i].CS, last.CE(), s), Flags: rule.Dot}, true
		}
	}
	return rule.Match{}, false
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// wordAcronyms are said as words, not spelled.
var wordAcronyms = wordSet(`NATO UNO UNESCO UNICEF OPEC DAX MDAX TECDAX FIFA UEFA NASA ESA AIDS COVID SARS
	TÜV BAföG KITA IFO ASEAN NAFTA MERCOSUR OECD EFTA INTERPOL EUROPOL FRONTEX CERN ISIS LIDAR RADAR LASER
	PIN TAN GAU SUV ZEW DIHK BAMF BAFIN BaFin KfW`)

// acronym spells words of capitals ("EU" → "E U", "CDU" → "C D U"),
// also inside hyphen compounds ("EU-Kommission" → "E U-Kommission") and
// with an inflection ("GmbHs" stays), unless they are said as words
// ("NATO") or the line is in capitals.
func acronym(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	parts := strings.Split(w.Core, "-")
	changed := false
	for k, p := range parts {
		if isAcronym(p) {
			parts[k], changed = spell(p), true
		}
	}
	if !changed || t.Shout {
		return rule.Match{}, false
	}
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), strings.Join(parts, "-"))}, true
}

func isAcronym(p string) bool {
	n := utf8.RuneCountInString(p)
	if n < 2 || n > 6 || wordAcronyms[p] {
		return false
	}
	for _, r := range p {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// spell is a word letter by letter ("MEZ" → "M E Z").
func spell(s string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
