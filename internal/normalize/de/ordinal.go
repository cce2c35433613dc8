package de

import (
	"strings"

	"aloud/internal/normalize/rule"
)

// OrdinalStem is the ordinal of digits without its ending ("3" → "dritt",
// "20" → "zwanzigst", "101" → "einhunderterst"); add e, er, en, em or es.
func OrdinalStem(digits string) string {
	c := strings.ToLower(strings.ReplaceAll(Cardinal(digits), " ", ""))
	d := strings.TrimLeft(digits, "0")
	if d == "" {
		return "nullt"
	}
	if len(d) > maxDigits {
		return c + "t"
	}
	last2 := int(d[len(d)-1] - '0')
	if len(d) > 1 {
		last2 += 10 * int(d[len(d)-2]-'0')
	}
	if last2 == 0 || last2 >= 20 {
		// "hundertst", "tausendst", "millionst" (not "millionenst").
		for _, suf := range [][2]string{{"illionen", "illion"}, {"illiarden", "illiard"}, {"illiarde", "illiard"}} {
			if strings.HasSuffix(c, suf[0]) {
				c = strings.TrimSuffix(c, suf[0]) + suf[1]
				break
			}
		}
		c = strings.TrimPrefix(c, "eine")
		return c + "st"
	}
	for _, suf := range [][2]string{{"eins", "erst"}, {"drei", "dritt"}, {"sieben", "siebt"}, {"acht", "acht"}} {
		if strings.HasSuffix(c, suf[0]) {
			return strings.TrimSuffix(c, suf[0]) + suf[1]
		}
	}
	return c + "t"
}

// ordinalDot reads "3." as an ordinal when the context makes it one ("am
// 3. Oktober", "der 100. Geburtstag", "3. und 4. Platz") rather than a
// number that ends a sentence ("im Jahr 1990. Danach").
func ordinalDot(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	if !isDigits(w.Core) || len(w.Core) > 9 || !strings.HasPrefix(w.Trail, ".") || w.Trail == "..." || !isOrdinalContext(t, i) {
		return rule.Match{}, false
	}
	s := OrdinalStem(w.Core) + ordinalEnding(t, i, 2)
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), s), Flags: rule.Dot}, true
}

func isOrdinalContext(t *rule.Text, i int) bool {
	w := t.Words[i]
	det := i > 0 && isDeterminer(t, i-1)
	if i+1 == len(t.Words) {
		return len(t.Words) == 1 || det
	}
	if w.Trail != "." {
		return det
	}
	next := t.Words[i+1]
	if next.Lead != "" || next.Core == "" {
		return det
	}
	if _, ok := monthOf(next.Core); ok {
		return true
	}
	if startsLower(next.Core) {
		return true
	}
	if !startsUpper(next.Core) {
		return false
	}
	if det {
		return true
	}
	if len(w.Core) >= 4 || sentenceStarters[next.Core] {
		return false
	}
	return true
}

// determiners take a weak ordinal ending: -e after these, -en after the
// others of the set (dative, genitive, accusative masculine, plural).
var weakE = map[string]bool{
	"die": true, "das": true, "ins": true, "ans": true, "aufs": true, "fürs": true, "ums": true, "durchs": true,
	"eine": true, "keine": true, "meine": true, "deine": true, "seine": true, "ihre": true, "unsere": true,
	"eure": true, "diese": true, "jene": true, "jede": true, "welche": true,
}

var weakEn = map[string]bool{
	"dem": true, "den": true, "des": true, "am": true, "im": true, "vom": true, "zum": true, "zur": true,
	"beim": true, "bis": true,
}

// detStems are determiners whose ending says the case ("seinem", "ihren").
var detStems = []string{"ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "dies", "jen", "jed", "welch"}

// dativePreps take a strong dative without an article ("ab 1. Januar" →
// "ab erstem Januar").
var dativePreps = map[string]bool{"ab": true, "seit": true, "mit": true, "nach": true, "aus": true, "bei": true, "von": true, "zu": true}

// accPreps take a strong accusative ("für 3. Klasse" is rare; "gegen").
var accPreps = map[string]bool{"für": true, "durch": true, "gegen": true, "ohne": true, "um": true}

func isDeterminer(t *rule.Text, j int) bool {
	w := t.Words[j]
	if w.Trail != "" {
		return false
	}
	l := strings.ToLower(w.Core)
	if l == "der" || weakE[l] || weakEn[l] || l == "ein" {
		return true
	}
	for _, s := range detStems {
		if strings.HasPrefix(l, s) && len(l)-len(s) == 2 && strings.Contains("em en er es", l[len(s):]) {
			return true
		}
	}
	return false
}

// ordinalEnding is the adjective ending an ordinal at word i needs: weak
// after an article ("am dritten", "der dritte"), strong without one
// ("dritter Oktober", "zweite Liga"), by the gender of the next noun. An
// ordinal joined by "und", "bis" or a dash to an earlier one takes its
// ending ("am 3. und 4. Oktober").
func ordinalEnding(t *rule.Text, i, depth int) string {
	g := Masc
	if i+1 < len(t.Words) {
		g = nounGender(t.Words[i+1].Core)
	}
	return endingFor(t, i, depth, g)
}

// endingFor is ordinalEnding for a noun of gender g (a date's day is
// masculine: "der dritte", "dritter Oktober").
func endingFor(t *rule.Text, i, depth int, g Gender) string {
	if i == 0 {
		return strongEnding(g, "")
	}
	p := t.Words[i-1]
	pl := strings.ToLower(p.Core)
	if depth > 0 && i >= 2 && (pl == "und" || pl == "oder" || pl == "bis" || p.Core == "" && strings.ContainsAny(p.Trail, "-–")) && isDigits(t.Words[i-2].Core) && strings.HasPrefix(t.Words[i-2].Trail, ".") {
		return ordinalEnding(t, i-2, depth-1)
	}
	if p.Trail != "" {
		return strongEnding(g, "")
	}
	switch {
	case pl == "der":
		if i >= 2 && (dativePreps[strings.ToLower(t.Words[i-2].Core)] || isPrep(t.Words[i-2].Core)) {
			return "en"
		}
		return "e"
	case weakE[pl]:
		return "e"
	case weakEn[pl]:
		return "en"
	case pl == "ein" || pl == "kein" || pl == "mein" || pl == "sein" || pl == "ihr" || pl == "unser":
		if g == Neut {
			return "es"
		}
		return "er"
	}
	for _, s := range detStems {
		if strings.HasPrefix(pl, s) && len(pl)-len(s) == 2 && strings.Contains("em en er es", pl[len(s):]) {
			return "en"
		}
	}
	return strongEnding(g, pl)
}

func isPrep(s string) bool {
	switch strings.ToLower(s) {
	case "an", "auf", "in", "unter", "über", "vor", "hinter", "neben", "zwischen", "bei", "mit", "nach", "von", "zu", "aus", "seit":
		return true
	}
	return false
}

// strongEnding is the ending without an article, after preposition prep
// (or none).
func strongEnding(g Gender, prep string) string {
	switch {
	case dativePreps[prep]:
		if g == Fem {
			return "er"
		}
		return "em"
	case accPreps[prep]:
		switch g {
		case Fem:
			return "e"
		case Neut:
			return "es"
		}
		return "en"
	}
	switch g {
	case Fem:
		return "e"
	case Neut:
		return "es"
	}
	return "er"
}

// ordinalSuffix reads an ordinal written with its ending glued on ("3te",
// "121tem", "20sten").
func ordinalSuffix(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	k := 0
	for k < len(w.Core) && w.Core[k] >= '0' && w.Core[k] <= '9' {
		k++
	}
	if k == 0 || k > 9 {
		return rule.Match{}, false
	}
	suf := strings.ToLower(w.Core[k:])
	suf = strings.TrimPrefix(strings.TrimPrefix(suf, "s"), "t")
	switch suf {
	case "e", "er", "en", "em", "es":
	default:
		return rule.Match{}, false
	}
	if len(w.Core[k:]) == len(suf) {
		return rule.Match{}, false // "3e" is not an ordinal
	}
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), OrdinalStem(w.Core[:k])+suf)}, true
}

// sentenceStarters are capitalised words that usually open a sentence, so
// a number with a period before them ends one ("lag bei 3. Die").
var sentenceStarters = wordSet(`Der Die Das Dies Diese Dieser Dieses Er Sie Es Ich Wir Ihr Man Ein Eine Einer
	Dann Danach Damit Daher Dabei Dadurch Darauf Deshalb Doch Aber Auch Im In Am An Auf Bei Mit Nach Seit Von Vor Zu Zum
	Zur Für Als Wenn Wie Was Wer Wo So Nun Jetzt Heute Gestern Laut Trotz Zudem Außerdem Allerdings Insgesamt Bislang
	Bisher Zuletzt Damals Noch Nur Und Oder Weitere Viele Alle Mehr Dort Hier Demnach Somit Zwar Vielmehr Gleichzeitig
	Unter Über Gegen Ohne Während Wegen Seine Ihre Sein Unsere Denn Den Dem Des Kein Keine Schon Erst Einige Manche`)

// wordSet is the set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
