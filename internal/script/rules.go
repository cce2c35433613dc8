package script

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// rules are one language's knowledge of where a full stop does not end a
// sentence. Keys are lower case and without their final period.
type rules struct {
	title    map[string]bool // never end a sentence: "dr", "e.g", "z.b"
	ending   map[string]bool // may end one before a sentence starter: "inc", "jr"
	number   map[string]bool // continue before a digit: "no", "nov", "nr"
	starters map[string]bool // words that typically begin a sentence
	ordinals bool            // "5. November" is an ordinal, not a stop
}

// rulesFor picks the rules for a BCP 47 tag by its primary language.
func rulesFor(lang string) *rules {
	base := strings.ToLower(lang)
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	if base == "de" {
		return germanRules
	}
	return englishRules
}

// breaksAt decides whether the stop text[i:end] (terminators plus closers,
// followed by white space) ends a sentence.
func (r *rules) breaksAt(text string, start, i, end int) bool {
	next, nextWord := following(text, end)
	if next == 0 {
		return true
	}
	if unicode.IsLower(next) {
		return false
	}
	stop := text[i:end]
	if strings.ContainsAny(stop, "!?…‼⁇⁈⁉。！？") || strings.Count(stop, ".") > 1 {
		return true
	}
	word := wordBefore(text, i)
	if word == "" {
		return true
	}
	lw := strings.ToLower(word)
	starter := r.starters[nextWord]
	switch {
	case r.title[lw]:
		return false
	case r.number[lw] && unicode.IsDigit(next):
		return false
	case r.ending[lw]:
		return starter
	case isDigits(word):
		return r.afterNumber(text, start, i, word, nextWord)
	case isNumeric(word):
		return true // "3.50." or "1,000." ends a sentence
	case utf8.RuneCountInString(word) == 1:
		c, _ := utf8.DecodeRuneInString(word)
		// An initial ("J. R. R. Tolkien") or a one-letter abbreviation part
		// ("z. B."); only a typical sentence opener after it ends a sentence.
		return unicode.IsLetter(c) && unicode.IsUpper(c) && starter
	case isDottedAbbrev(word):
		// "U.S.", "a.m.", "Ph.D.": an abbreviation with inner stops ends a
		// sentence only before a typical sentence opener.
		return starter
	}
	return true
}

// afterNumber handles "N." where N is a number: a list marker at the start
// of a line, a German ordinal ("am 5. November"), or the end of a sentence.
func (r *rules) afterNumber(text string, start, i int, word, nextWord string) bool {
	if opensSentence(text, start, i-len(word)) {
		return false // a list marker: "1. First item", "Steps: 1. Open it."
	}
	if r.ordinals && len(word) <= 3 {
		return r.starters[nextWord] && !months[strings.ToLower(nextWord)]
	}
	return true
}

// opensSentence reports whether the token at ws is the first of the
// sentence that began at start, the first on its line, or follows a colon:
// then a number there is a list marker ("1. First", "Steps: 1. Open it").
func opensSentence(text string, start, ws int) bool {
	for ws > start {
		c, size := utf8.DecodeLastRuneInString(text[:ws])
		switch {
		case c == '\n':
			return true
		case unicode.IsSpace(c):
			ws -= size
			continue
		}
		return c == ':' || c == ';'
	}
	return true
}

// following returns the first letter or digit after the stop (skipping
// white space, opening quotes, brackets and other punctuation) and the
// word it starts.
func following(text string, from int) (rune, string) {
	i := from
	for i < len(text) {
		c, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			i += size // spaces, opening quotes, dashes, spaced dots ". . ."
			continue
		}
		j := i
		for j < len(text) {
			d, s := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(d) && !unicode.IsDigit(d) && d != '\'' && d != '’' {
				break
			}
			j += s
		}
		return c, text[i:j]
	}
	return 0, ""
}

// wordBefore returns the token that ends at the stop at i, without
// leading opening punctuation: "Dr" in "(Dr.", "U.S" in "the U.S.".
func wordBefore(text string, i int) string {
	s := i
	for s > 0 {
		c, size := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsSpace(c) {
			break
		}
		s -= size
	}
	for s < i {
		c, size := utf8.DecodeRuneInString(text[s:i])
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			break
		}
		s += size
	}
	return text[s:i]
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// isDottedAbbrev reports letters joined by inner stops, each run short:
// "U.S", "a.m", "Ph.D", "z.B" (but not "example.com").
func isDottedAbbrev(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		n := utf8.RuneCountInString(p)
		if n == 0 || n > 3 {
			return false
		}
		for _, c := range p {
			if !unicode.IsLetter(c) {
				return false
			}
		}
	}
	return true
}

// isNumeric reports a number with inner separators, such as 3.50 or 1,000.
func isNumeric(s string) bool {
	hasDigit := false
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			hasDigit = true
		case c == '.' || c == ',':
		default:
			return false
		}
	}
	return hasDigit
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// months are month names and their abbreviations in English and German;
// before a number ("Nov. 5") they never end a sentence.
var months = set("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"januar", "january", "februar", "february", "märz", "march", "april", "mai", "may", "juni", "june",
	"juli", "july", "august", "september", "oktober", "october", "november", "dezember", "december",
	"okt", "dez", "jänner", "mär", "mrz")

var englishRules = &rules{
	title: set("mr", "mrs", "ms", "mx", "dr", "prof", "st", "gen", "gov", "sen", "rep", "lt", "col",
		"capt", "cpt", "sgt", "maj", "cmdr", "adm", "rev", "hon", "pres", "supt", "messrs", "mme", "mlle",
		"e.g", "i.e", "cf", "viz", "vs", "approx", "ca", "dept", "univ", "mt", "ft", "ave", "blvd"),
	ending: set("inc", "ltd", "corp", "co", "jr", "sr", "etc", "bros", "plc", "llc", "a.m", "p.m", "u.s",
		"u.k", "u.n", "e.u", "d.c", "ph.d", "al", "ibid",
		// US state abbreviations, as in datelines: "HAYWARD, Calif. (AP) —".
		"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la",
		"md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn",
		"tex", "va", "vt", "wash", "wis", "wyo"),
	number: union(months, set("no", "nos", "vol", "vols", "p", "pp", "art", "sec", "ch", "fig", "tel", "ext", "apt", "rm")),
	starters: set("A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They",
		"We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "But", "And", "Or", "So", "Yet",
		"In", "On", "At", "For", "If", "When", "While", "After", "Before", "As", "There", "Here", "Many",
		"Some", "Most", "All", "No", "Yes", "What", "Who", "Why", "How", "Where", "Which", "Then", "Now",
		"However", "Meanwhile", "Still", "Also", "Since", "Although", "Though", "According", "One", "Two",
		"Last", "Next", "Both", "Each", "Every", "Such", "Not", "Even", "Only", "Officials", "Police"),
}

var germanRules = &rules{
	title: set("dr", "prof", "hr", "fr", "frl", "dipl", "ing", "z.b", "d.h", "u.a", "v.a", "o.ä", "u.ä",
		"s.o", "s.u", "bzw", "ca", "vgl", "evtl", "ggf", "inkl", "exkl", "sog", "mio", "mrd",
		"tsd", "jh", "jhd", "str", "st", "abs", "art", "nr", "bd", "hrsg", "geb", "gest", "verh", "min",
		"max", "std", "sek", "tel", "zzgl", "abb", "anm", "bspw", "allg", "v.chr", "n.chr", "e.v", "mwst",
		"z.t", "i.d.r", "u.u", "zit", "ebd", "m.e", "o.g", "vs", "e.g", "i.e", "mr", "mrs", "ms"),
	ending: set("usw", "etc", "u.a", "inc", "ltd", "gmbh", "ag", "jr", "sr"),
	number: union(months, set("nr", "bd", "s", "abs", "art", "ziff", "tel", "no", "vol")),
	starters: set("Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einen", "Er", "Sie", "Es",
		"Ich", "Wir", "Ihr", "Man", "Dies", "Diese", "Dieser", "Dieses", "Damit", "Dann", "Danach", "Doch",
		"Aber", "Und", "Oder", "Auch", "Im", "In", "Am", "An", "Auf", "Bei", "Mit", "Nach", "Vor", "Seit",
		"Wie", "Was", "Wer", "Wo", "Warum", "Wenn", "Als", "Dabei", "Zudem", "Jedoch", "Trotzdem", "So",
		"Nun", "Jetzt", "Hier", "Dort", "Laut", "Zuvor", "Später", "Heute", "Gestern", "Morgen", "Zum",
		"Zur", "Für", "Nicht", "Kein", "Keine", "Alle", "Viele", "Sein", "Seine", "Ihre", "Unser", "Mehr"),
	ordinals: true,
}

func union(ms ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, m := range ms {
		for k := range m {
			out[k] = true
		}
	}
	return out
}
