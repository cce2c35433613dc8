package normalize

import (
	"strings"

	"aloud/internal/normalize/rule"
)

// groupedDigits reads codes made of digit groups, such as ISBNs, phone
// numbers without a country code and IP addresses: "978-0-19-960563-7",
// "123-123-5678", "123.123.0.40".
func (st *state) groupedDigits(c string, off int) bool {
	sep := byte(0)
	groups := 0
	for k := 0; k < len(c); k++ {
		ch := c[k]
		switch {
		case isDigitByte(ch):
		case ch == '-' || ch == '.':
			if sep != 0 && ch != sep || k == 0 || k == len(c)-1 || !isDigitByte(c[k-1]) {
				return false
			}
			sep = ch
			groups++
		default:
			return false
		}
	}
	if sep == 0 || groups < 2 || (sep == '.' && groups < 3) {
		return false
	}
	phone := sep == '-' || groups == 2
	code := sep == '-' && groups >= 3 // an ISBN, not a phone number
	for k, g := range strings.Split(c, string(sep)) {
		if k > 0 {
			if phone {
				st.buf[len(st.buf)-1] += ","
			} else {
				st.buf = append(st.buf, "dot")
			}
		}
		if code {
			st.buf = appendCode(st.buf, g)
		} else {
			st.buf = appendDigits(st.buf, g)
		}
	}
	st.say(off, off+len(c))
	return true
}

// telephone speaks "+1 123-123-5678", "(123) 123-5678", "555.555.5555",
// "+44 20 7946 0958": digits in groups, a pause between groups. It is a
// rule of the shared engine's shape (package rule): it reads the words
// and returns what it says, the brackets it read included.
func telephone(t *rule.Text, i int) (rule.Match, bool) {
	if m, ok := spacedPhone(t, i); ok {
		return m, true
	}
	w := t.Words[i]
	if !strings.ContainsAny(w.Core, "-.)+") && w.Lead != "(" {
		return rule.Match{}, false
	}
	text := w.Lead + w.Core
	plus := strings.HasPrefix(strings.TrimLeft(text, "("), "+")
	paren := strings.HasPrefix(text, "(")
	if !plus && !paren && !startsNumber(w.Core) {
		return rule.Match{}, false
	}
	groups, ok := phoneGroups(text, nil)
	if !ok {
		return rule.Match{}, false
	}
	used, last := 1, w
	// "+1 123-123-5678", "(123) 123-5678", "+44 20 7946 0958"
	// At most five more groups: a phone number is short, and the bound
	// keeps runs of "+1 +1 +1 ..." linear.
	for j := i + 1; j < len(t.Words) && j <= i+5 && (plus || paren) && (last.Trail == "" || last.Trail == ")" && j == i+1); j++ {
		nx := t.Words[j]
		g2, ok := phoneGroups(nx.Lead+nx.Core, groups)
		if !ok || nx.Lead != "" && nx.Lead != "(" {
			break
		}
		groups, used, last = g2, used+1, nx
	}
	if !isPhone(groups, plus, paren) {
		return rule.Match{}, false
	}
	var said []string
	if plus {
		said = append(said, "plus")
	}
	for k, g := range groups {
		said = appendDigits(said, g)
		if k < len(groups)-1 {
			said[len(said)-1] += ","
		}
	}
	m := rule.Match{N: used, Tokens: rule.Say(w.CS, last.CE(), said...)}
	if strings.HasPrefix(w.Lead, "(") {
		m.ReadLead = "("
	}
	if last.Trail == ")" {
		m.ReadTrail = ")"
	}
	return m, true
}

// phoneGroups appends the digit groups of s ("(123)-123-5678") to dst.
func phoneGroups(s string, dst []string) ([]string, bool) {
	s = strings.TrimPrefix(strings.TrimLeft(s, "("), "+")
	n := 0
	for _, g := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '.' || r == ')' || r == '(' }) {
		if !isDigits(g) {
			return dst, false
		}
		dst = append(dst, g)
		n++
	}
	return dst, n > 0
}

// isPhone accepts North American numbers (3-3-4 with an optional
// extension or leading 1) and numbers written with a country code.
func isPhone(groups []string, plus, paren bool) bool {
	total := 0
	lens := make([]int, len(groups))
	for k, g := range groups {
		total += len(g)
		lens[k] = len(g)
	}
	if plus {
		return total >= 8 && total <= 15 && len(groups) >= 2
	}
	if len(lens) > 0 && lens[0] == 1 {
		lens = lens[1:]
	}
	if len(lens) >= 3 && lens[0] == 3 && lens[1] == 3 && lens[2] == 4 && len(lens) <= 4 {
		return len(lens) == 3 || lens[3] <= 4
	}
	return paren && len(lens) == 2 && lens[0] == 3 && lens[1] >= 7
}

// spacedPhone speaks a national number written in spaced groups with a
// trunk zero ("020 7946 0958", "0161 496 0000").
func spacedPhone(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	if len(w.Core) < 3 || len(w.Core) > 5 || w.Core[0] != '0' || !isDigits(w.Core) || w.Trail != "" {
		return rule.Match{}, false
	}
	total, j := len(w.Core), i+1
	for ; j < len(t.Words) && j <= i+3 && total < 11; j++ {
		x := t.Words[j]
		if !isDigits(x.Core) || len(x.Core) < 3 || len(x.Core) > 4 || x.Lead != "" {
			break
		}
		total += len(x.Core)
		if x.Trail != "" {
			j++
			break
		}
	}
	if total < 10 || total > 11 || j-i < 2 {
		return rule.Match{}, false
	}
	var said []string
	for k := i; k < j; k++ {
		said = appendDigits(said, t.Words[k].Core)
		if k < j-1 {
			said[len(said)-1] += ","
		}
	}
	return rule.Match{N: j - i, Tokens: rule.Say(w.CS, t.Words[j-1].CE(), said...)}, true
}
