package normalize

import (
	"strings"

	"aloud/internal/normalize/rule"
)

// topLevelDomains mark a dotted word as a web address ("nvidia.com").
var topLevelDomains = map[string]bool{
	"com": true, "org": true, "net": true, "edu": true, "gov": true, "mil": true,
	"int": true, "io": true, "co": true, "uk": true, "de": true, "fr": true,
	"it": true, "es": true, "nl": true, "eu": true, "ru": true, "cn": true,
	"jp": true, "in": true, "au": true, "ca": true, "us": true, "info": true,
	"biz": true, "tv": true, "me": true, "ly": true, "ch": true, "se": true,
	"no": true, "dk": true, "fi": true, "pl": true, "be": true, "at": true,
	"br": true, "mx": true, "za": true, "nz": true, "ie": true, "pt": true,
	"news": true, "app": true, "dev": true, "ai": true, "sm": true, "html": true,
}

// looksLikeURL reports whether s is a web address.
func looksLikeURL(s string) bool {
	if strings.IndexByte(s, '.') < 0 && !strings.Contains(s, "://") {
		return false
	}
	if strings.Contains(s, "://") || len(s) > 4 && strings.EqualFold(s[:4], "www.") {
		return true
	}
	host := s
	if k := strings.IndexByte(host, '/'); k > 0 {
		host = host[:k]
	}
	k := strings.LastIndexByte(host, '.')
	if k <= 0 || k == len(host)-1 {
		return false
	}
	var kb [24]byte
	tld, ok := foldKey(host[k+1:], &kb)
	if ok && topLevelDomains[string(tld)] && !strings.ContainsAny(host[:k], " ,") {
		return true
	}
	// "test.abc": two lower-case names joined by a dot are a host name
	// with a domain the table does not know.
	return host == s && strings.Count(s, ".") == 1 && k >= 2 && len(s)-k-1 >= 2 && len(s)-k-1 <= 6 &&
		isLowerWord(s[:k]) && isLowerWord(s[k+1:])
}

// addressMarks are the marks inside URLs and e-mail addresses, as said.
var addressMarks = map[byte][]string{
	'.': {"dot"}, '@': {"at"}, '/': {"slash"}, ':': {"colon"}, '-': {"dash"}, '_': {"underscore"},
	'~': {"tilde"}, '?': {"question", "mark"}, '=': {"equals"}, '&': {"and"}, '#': {"hash"},
}

// electronic reads URLs and e-mail addresses piece by piece: "a.bc@x.com"
// → "a dot bc at x dot com". It is a rule of the shared engine's shape
// (package rule); handles ("@name", "#tag") and numbers are read by
// other rules, so it leaves words that start with them.
func electronic(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	c := w.Core
	if c == "" || startsNumber(c) || c[0] == '@' || c[0] == '#' || !strings.Contains(c, "@") && !looksLikeURL(c) {
		return rule.Match{}, false
	}
	var said []string
	for k := 0; k < len(c); {
		j := k
		for j < len(c) && addressMarks[c[j]] == nil {
			j++
		}
		if j > k {
			said = appendPiece(said, c[k:j])
		}
		if j < len(c) {
			said = append(said, addressMarks[c[j]]...)
			j++
		}
		k = j
	}
	return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), said...)}, true
}

// appendPiece reads one piece of an address: digits one by one, letters
// as written.
func appendPiece(dst []string, p string) []string {
	for k := 0; k < len(p); {
		j := k
		digit := isDigitByte(p[k])
		for j < len(p) && isDigitByte(p[j]) == digit {
			j++
		}
		if digit {
			dst = appendDigits(dst, p[k:j])
		} else {
			dst = append(dst, p[k:j])
		}
		k = j
	}
	return dst
}

// handle reads "@name" as "at name" and "#tag" as "hash tag"; "#1" is
// "number one".
func (st *state) handle(w word) bool {
	c := w.core
	rest := c[1:]
	if rest == "" {
		return false
	}
	if c[0] == '#' && isDigits(rest) {
		st.buf = append(st.buf, "number")
		st.buf = appendCardinal(st.buf, rest)
		st.say(w.cs, w.ce())
		return true
	}
	if c[0] == '@' {
		st.buf = append(st.buf, "at")
	} else {
		st.buf = append(st.buf, "hash")
	}
	if strings.ContainsAny(rest, "@#") {
		st.buf = st.buf[:0]
		st.mixed(c, w.cs)
		return true
	}
	if startsNumber(rest) {
		sub := st.n.Normalize(rest)
		for _, t := range sub.Tokens {
			st.buf = append(st.buf, t.Spoken)
		}
		st.say(w.cs, w.ce())
		return true
	}
	st.say(w.cs, w.cs+1)
	// "#election2024": the tag's letters and numbers.
	st.mixed(rest, w.cs+1)
	return true
}
