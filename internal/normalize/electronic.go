package normalize

import "strings"

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

// electronic reads URLs and e-mail addresses piece by piece: "a.bc@x.com"
// → "a dot bc at x dot com".
func (st *state) electronic(c string, off int) {
	k := 0
	for k < len(c) {
		j := k
		for j < len(c) && strings.IndexByte(".@/:-_~?=&#", c[j]) < 0 {
			j++
		}
		if j > k {
			st.speakPiece(c[k:j])
		}
		if j < len(c) {
			switch c[j] {
			case '.':
				st.buf = append(st.buf, "dot")
			case '@':
				st.buf = append(st.buf, "at")
			case '/':
				st.buf = append(st.buf, "slash")
			case ':':
				st.buf = append(st.buf, "colon")
			case '-':
				st.buf = append(st.buf, "dash")
			case '_':
				st.buf = append(st.buf, "underscore")
			case '~':
				st.buf = append(st.buf, "tilde")
			case '?':
				st.buf = append(st.buf, "question", "mark")
			case '=':
				st.buf = append(st.buf, "equals")
			case '&':
				st.buf = append(st.buf, "and")
			case '#':
				st.buf = append(st.buf, "hash")
			}
			j++
		}
		k = j
	}
	st.say(off, off+len(c))
}

// speakPiece reads one piece of an address: digits one by one, letters as
// written.
func (st *state) speakPiece(p string) {
	k := 0
	for k < len(p) {
		j := k
		digit := isDigitByte(p[k])
		for j < len(p) && isDigitByte(p[j]) == digit {
			j++
		}
		if digit {
			st.buf = appendDigits(st.buf, p[k:j])
		} else {
			st.buf = append(st.buf, p[k:j])
		}
		k = j
	}
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
