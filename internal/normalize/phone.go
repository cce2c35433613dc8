package normalize

import (
	"strings"
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

// phoneAt speaks "+1 123-123-5678", "(123) 123-5678", "555.555.5555",
// "+44 20 7946 0958": digits in groups, a pause between groups.
func (st *state) phoneAt(i int) int {
	w := st.words[i]
	if n := st.spacedPhone(i); n > 0 {
		return n
	}
	if !strings.ContainsAny(w.core, "-.)+") && w.lead != "(" {
		return 0
	}
	text := w.lead + w.core
	plus := strings.HasPrefix(strings.TrimLeft(text, "("), "+")
	paren := strings.HasPrefix(text, "(")
	if !plus && !paren && !startsNumber(w.core) {
		return 0
	}
	groups, ok := phoneGroups(text, nil)
	if !ok {
		return 0
	}
	used, last := 1, w
	// "+1 123-123-5678", "(123) 123-5678", "+44 20 7946 0958"
	// At most five more groups: a phone number is short, and the bound
	// keeps runs of "+1 +1 +1 ..." linear.
	for j := i + 1; j < len(st.words) && j <= i+5 && (plus || paren) && (last.trail == "" || last.trail == ")" && j == i+1); j++ {
		nx := st.words[j]
		g2, ok := phoneGroups(nx.lead+nx.core, groups)
		if !ok || nx.lead != "" && nx.lead != "(" {
			break
		}
		groups, used, last = g2, used+1, nx
	}
	if !isPhone(groups, plus, paren) {
		return 0
	}
	if plus {
		st.buf = append(st.buf, "plus")
	}
	for k, g := range groups {
		st.buf = appendDigits(st.buf, g)
		if k < len(groups)-1 {
			st.buf[len(st.buf)-1] += ","
		}
	}
	st.words[i].lead = strings.TrimPrefix(w.lead, "(")
	if last.trail == ")" {
		st.words[i+used-1].trail = ""
	}
	st.say(w.cs, last.ce())
	return used
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
func (st *state) spacedPhone(i int) int {
	w := st.words[i]
	if len(w.core) < 3 || len(w.core) > 5 || w.core[0] != '0' || !isDigits(w.core) || w.trail != "" {
		return 0
	}
	total, j := len(w.core), i+1
	for ; j < len(st.words) && j <= i+3 && total < 11; j++ {
		x := st.words[j]
		if !isDigits(x.core) || len(x.core) < 3 || len(x.core) > 4 || x.lead != "" {
			break
		}
		total += len(x.core)
		if x.trail != "" {
			j++
			break
		}
	}
	if total < 10 || total > 11 || j-i < 2 {
		return 0
	}
	for k := i; k < j; k++ {
		st.buf = appendDigits(st.buf, st.words[k].core)
		if k < j-1 {
			st.buf[len(st.buf)-1] += ","
		}
	}
	st.say(w.cs, st.words[j-1].ce())
	return j - i
}
