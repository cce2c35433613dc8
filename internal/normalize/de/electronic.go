package de

import (
	"strings"
	"unicode"

	"aloud/internal/normalize/rule"
)

// topLevel are domain endings that make "name.de" an address.
var topLevel = wordSet("de at ch com net org edu info eu gov io uk fr it es nl be pl me tv")

// readAsWord are address parts said as words even though short.
var readAsWord = wordSet("com net org edu info gov de")

// partWords are address parts said in a particular way.
var partWords = map[string]string{"gmail": "g mail", "gmx": "g m x", "www": "w w w", "http": "h t t p", "https": "h t t p s"}

// marks inside addresses.
var addressMarks = map[rune]string{
	'.': "punkt", '@': "at", '/': "slash", ':': "doppelpunkt", '-': "bindestrich", '_': "unterstrich",
	'?': "fragezeichen", '=': "gleichheitszeichen", '&': "und", '#': "raute", '~': "tilde", '+': "plus",
	'%': "prozent",
}

// electronic reads e-mail and web addresses and handles: "a1b@gmx.de" →
// "a eins b at g m x punkt de". Names of four letters or more with a
// vowel are said as words, other letters are spelled, digits one by one.
func electronic(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	c := w.Core
	if !strings.ContainsAny(c, ".@:") || !isAddress(c) {
		return rule.Match{}, false
	}
	var parts []string
	for k := 0; k < len(c); {
		r := rune(c[k])
		if m, ok := addressMarks[r]; ok {
			parts = append(parts, m)
			k++
			continue
		}
		e := k
		for e < len(c) && !strings.ContainsRune(".@/:-_?=&#~+%", rune(c[e])) {
			e++
		}
		parts = append(parts, addressPart(c[k:e]))
		k = e
	}
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), strings.Join(parts, " "))}, true
}

func isAddress(c string) bool {
	if strings.Contains(c, "://") || strings.HasPrefix(strings.ToLower(c), "www.") {
		return true
	}
	if at := strings.IndexByte(c, '@'); at >= 0 {
		return at == 0 && len(c) > 1 || strings.Contains(c[at:], ".")
	}
	dot := strings.LastIndexByte(c, '.')
	if dot <= 0 || !topLevel[c[dot+1:]] {
		return false
	}
	for _, r := range c[:dot] {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-') {
			return false
		}
	}
	return !isAbbrevLike(c[:dot])
}

// isAbbrevLike rejects "z.B" style chains of one-letter pieces.
func isAbbrevLike(s string) bool {
	for _, p := range strings.Split(s, ".") {
		if len(p) > 2 {
			return false
		}
	}
	return true
}

// addressPart says one run between marks.
func addressPart(p string) string {
	l := strings.ToLower(p)
	if s, ok := partWords[l]; ok {
		return s
	}
	if readAsWord[l] {
		return l
	}
	var out []string
	for k := 0; k < len(p); {
		e := k
		digit := p[k] >= '0' && p[k] <= '9'
		for e < len(p) && (p[e] >= '0' && p[e] <= '9') == digit {
			e++
		}
		run := p[k:e]
		switch {
		case digit:
			out = append(out, Digits(run))
		case len(run) >= 4 && strings.ContainsAny(strings.ToLower(run), "aeiouäöüy"):
			out = append(out, run)
		default:
			out = append(out, spell(strings.ToLower(run)))
		}
		k = e
	}
	return strings.Join(out, " ")
}
