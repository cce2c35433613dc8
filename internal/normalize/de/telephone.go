package de

import (
	"strings"

	"aloud/internal/normalize/rule"
)

// telephone reads "(0411) 1234-1234", "+49 30 1234-56" and "030/123456"
// digit by digit, a country code as a number ("plus neunundvierzig").
func telephone(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	var first string
	switch {
	case strings.HasPrefix(w.Core, "+") && isDigits(w.Core[1:]) && len(w.Core) <= 4:
		first = "plus " + Cardinal(w.Core[1:])
	case w.Lead == "(" && strings.HasPrefix(w.Trail, ")") && len(w.Core) >= 3 && w.Core[0] == '0' && isDigits(w.Core):
		first = Digits(w.Core)
	case len(w.Core) >= 3 && len(w.Core) <= 5 && w.Core[0] == '0' && isDigits(w.Core) && w.Trail == "" &&
		i+1 < len(t.Words) && len(t.Words[i+1].Core) >= 3 && isPhoneGroup(t.Words[i+1].Core):
		// "0800 123456": an area code and a number.
		first = Digits(w.Core)
	case w.Core != "" && w.Core[0] == '0' && isPhoneGroup(w.Core) && strings.ContainsAny(w.Core, "/-") && len(w.Core) >= 7:
		return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), Digits(w.Core))}, true
	default:
		return rule.Match{}, false
	}
	toks := rule.Say(w.CS, w.CE(), first)
	n := 1
	for j := i + 1; j < len(t.Words) && j < i+5; j++ {
		g := t.Words[j]
		if t.Words[j-1].Trail != "" && j-1 != i || g.Lead != "" || !isPhoneGroup(g.Core) {
			break
		}
		toks = append(toks, rule.Say(g.CS, g.CE(), Digits(g.Core))...)
		n++
	}
	if n == 1 {
		return rule.Match{}, false
	}
	return rule.Match{N: n, Tokens: toks}, true
}

// isPhoneGroup is digits with "-" or "/" between them.
func isPhoneGroup(s string) bool {
	if s == "" || !startsDigit(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(s[i] >= '0' && s[i] <= '9' || s[i] == '-' || s[i] == '/') {
			return false
		}
	}
	return s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}
