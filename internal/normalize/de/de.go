// Package de is the German normalizer: written German news text to the
// words a newsreader says ("am 3. Oktober 2023" → "am dritten Oktober
// zweitausenddreiundzwanzig", "4,5 Mio. €" → "vier Komma fünf Millionen
// Euro"). Numbers are written closed; ordinals take the ending their
// context needs (article, preposition, gender of the following noun).
//
// It is a rule table for the shared engine in package rule, one file per
// semiotic class. Words no rule takes pass through as written.
package de

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"aloud/internal/normalize/rule"
)

// New returns the German rule engine. Multi-word and more specific forms
// come first; rules in first (a publisher's lexicon) go before all.
func New(first ...rule.Rule) *rule.Engine {
	return rule.New(append(first, []rule.Rule{
		{Name: "electronic", Match: electronic},
		{Name: "telephone", Match: withDigit(telephone)},
		{Name: "date", Match: withDigit(date)},
		{Name: "time", Match: withDigit(clock)},
		{Name: "money", Match: withDigit(money)},
		{Name: "measure", Match: withDigit(measure)},
		{Name: "fraction", Match: withDigit(fraction)},
		{Name: "ordinal", Match: withDigit(ordinalDot)},
		{Name: "ordinal-suffix", Match: withDigit(ordinalSuffix)},
		{Name: "range", Match: withDigit(numberRange)},
		{Name: "cardinal", Match: withDigit(cardinal)},
		{Name: "compound", Match: withDigit(compound)},
		{Name: "abbreviation", Match: abbreviation},
		{Name: "symbol", Match: symbol},
		{Name: "roman", Match: roman},
		{Name: "acronym", Match: acronym},
		{Name: "digits", Match: withDigit(digitRuns)},
	}...))
}

// withDigit skips a rule for words without a digit, which most words
// are: the number rules then cost one scan of the word.
func withDigit(f rule.Func) rule.Func {
	return func(t *rule.Text, i int) (rule.Match, bool) {
		if !strings.ContainsAny(t.Words[i].Core, "0123456789") {
			return rule.Match{}, false
		}
		return f(t, i)
	}
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// nounGender guesses the gender of a capitalised noun from its ending,
// for "ein"/"eine" and strong ordinal endings; months and most other
// nouns are masculine here.
func nounGender(s string) Gender {
	if !startsUpper(s) {
		return Masc
	}
	l := strings.ToLower(s)
	if neuterNouns[l] {
		return Neut
	}
	for _, suf := range []string{"chen", "lein", "ment", "tum", "um", "jahr", "spiel", "mal", "rennen", "treffen", "ziel", "prozent"} {
		if strings.HasSuffix(l, suf) {
			return Neut
		}
	}
	for _, suf := range []string{"ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "ur", "liga", "e", "in", "nacht", "stadt", "frau", "zeit", "welt", "wahl"} {
		if strings.HasSuffix(l, suf) {
			return Fem
		}
	}
	return Masc
}

var neuterNouns = wordSet(`jahr jahrhundert jahrzehnt jahrtausend quartal halbjahr mal tor buch kapitel gebot programm
	semester land kind haus auto mitglied gesetz urteil spiel kilogramm gramm pfund prozent stück mal opfer
	gramm milligramm kilowatt megawatt gigawatt watt volt`)

// months are the month names by number, and what abbreviations and
// variants they are written as.
var months = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

var monthWords = map[string]int{
	"januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "febr": 2, "märz": 3, "mär": 3, "mrz": 3,
	"april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
	"dezember": 12, "dez": 12,
}

// monthOf returns the month a word names (1–12).
func monthOf(s string) (int, bool) {
	m, ok := monthWords[strings.ToLower(s)]
	return m, ok
}
