package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordAt speaks a word that starts with a letter.
func (st *state) wordAt(i int) int {
	w := st.words[i]
	c := w.core
	if n := st.weekdayAt(i); n > 0 {
		return n
	}
	if len(c) == 4 && c[0] == 'A' && isDigits(c[1:]) && c[1] != '0' && i > 0 && st.words[i-1].core == "Airbus" {
		// "Airbus A320": "A three twenty".
		st.buf = appendYear(append(st.buf, "A"), c[1:])
		st.say(w.cs, w.ce())
		return 1
	}
	if n := st.abbreviation(i); n > 0 {
		return n
	}
	if n := st.postalAt(i); n > 0 {
		return n
	}
	if n := st.pure(roman, i); n > 0 {
		return n
	}
	f := classify(c)
	if (strings.HasPrefix(c, "No.") || strings.HasPrefix(c, "Nos.")) && isDigits(c[strings.IndexByte(c, '.')+1:]) {
		// "No.1": the number sign glued to its number.
		k := strings.IndexByte(c, '.') + 1
		if c[2] == 's' {
			st.buf = append(st.buf, "numbers")
		} else {
			st.buf = append(st.buf, "number")
		}
		st.buf = appendCardinal(st.buf, c[k:])
		st.say(w.cs, w.ce())
		return 1
	}
	if f&clsDigit != 0 {
		if f&clsDash != 0 {
			st.hyphenated(c, w.cs)
			return 1
		}
		st.mixed(c, w.cs)
		return 1
	}
	if f&clsDot != 0 && (strings.HasSuffix(c, "'s") || strings.HasSuffix(c, "’s")) && len(c) > 4 {
		// "U.K.'s": the dotted letters keep their possessive.
		base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(c, "'s"), "’s"), ".")
		if st.dotted(base, w.cs) {
			st.toks[len(st.toks)-1].Spoken += "'s"
			return 1
		}
	}
	if f&clsDot != 0 && st.doctorate(c, w) {
		return 1
	}
	if f&clsDot != 0 && st.dotted(c, w.cs) {
		st.dropDot = strings.HasPrefix(w.trail, ".")
		return 1
	}
	if k := strings.IndexByte(c, '/'); f&clsSlash != 0 && k > 0 && k < len(c)-1 && !strings.EqualFold(c, "and/or") && isAlphaWord(strings.ReplaceAll(c, "/", "")) {
		for n, part := range strings.Split(c, "/") {
			if n > 0 {
				st.buf = append(st.buf, "slash")
			}
			st.buf = st.appendAlpha(st.buf, part)
		}
		st.say(w.cs, w.ce())
		return 1
	}
	if f&clsSymbol != 0 {
		st.mixed(c, w.cs)
		return 1
	}
	// A single capital initial: "John W. Smith" reads the letter alone.
	if len(c) == 1 && c[0] >= 'A' && c[0] <= 'Z' && w.trail == "." && i+1 < len(st.words) {
		st.dropDot = true
		st.emit1(c, w.cs, w.ce())
		return 1
	}
	st.buf = st.appendAlpha(st.buf, c)
	st.say(w.cs, w.ce())
	return 1
}

// appendAlpha speaks a letters-only word: acronyms are spelled or kept as
// words, everything else passes through with its case.
func (st *state) appendAlpha(dst []string, s string) []string {
	if s == "" {
		return dst
	}
	if !isASCII(s) && strings.Contains(s, "’") {
		s = strings.ReplaceAll(s, "’", "'")
	}
	if stem, ok := acronymInflected(s); ok {
		// "the EU's" → "E U's", "CEOs" → "C E O's": spelled by us, so
		// every engine reads the letters (flite hears "EU's" as "ooze"
		// and "C E Os" as "see ee ahs"; "O's" is "oh-z" in flite and
		// espeak-ng alike).
		if spelled := st.appendAlpha(nil, stem); len(spelled) > 1 {
			spelled[len(spelled)-1] += "'s"
			return append(dst, spelled...)
		}
		return append(dst, s)
	}
	if !isUpperASCII(s) || len(s) < 2 {
		return append(dst, s)
	}
	switch s {
	case "OK":
		return append(dst, "okay")
	case "WWI":
		return append(dst, "World", "War", "One")
	case "WWII":
		return append(dst, "World", "War", "Two")
	}
	if v, listed := acronyms[s]; listed && v {
		return appendLetters(dst, s)
	}
	if capsWords[s] {
		// "This is NOT over": emphasis, not an acronym.
		return append(dst, s)
	}
	if st.shout || st.near || !spellAcronym(s) {
		return append(dst, s)
	}
	return appendLetters(dst, s)
}

// acronymInflected returns the capitals of a plural or possessive
// acronym: "EU's", "CEOs", "NGOs'" (the final apostrophe is punctuation).
func acronymInflected(s string) (string, bool) {
	for _, suf := range []string{"'s", "s"} {
		if stem, ok := strings.CutSuffix(s, suf); ok && len(stem) >= 2 && isUpperASCII(stem) {
			return stem, true
		}
	}
	return "", false
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// letterNames spells upper-case letters as single-letter tokens.
var letterNames = func() [26]string {
	var a [26]string
	for i := range a {
		a[i] = string(rune('A' + i))
	}
	return a
}()

// appendLetters spells s letter by letter: "UN" → "U", "N".
func appendLetters(dst []string, s string) []string {
	for _, r := range s {
		u := unicode.ToUpper(r)
		if u >= 'A' && u <= 'Z' {
			dst = append(dst, letterNames[u-'A'])
		} else if unicode.IsLetter(r) {
			dst = append(dst, string(u))
		}
	}
	return dst
}

// dotted speaks "U.S", "D.C", "e.g", "a.k.a": letters separated by dots.
func (st *state) dotted(c string, off int) bool {
	if x, ok := dottedWords[strings.ToLower(c)]; ok {
		st.buf = append(st.buf, strings.Fields(x)...)
		st.say(off, off+len(c))
		return true
	}
	for _, p := range strings.Split(c, ".") {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	st.buf = appendLetters(st.buf, strings.ReplaceAll(c, ".", ""))
	st.say(off, off+len(c))
	return true
}

// dottedWords are dotted abbreviations read as words; "e.g." and "i.e."
// are read as their letters, as most speakers do.
var dottedWords = map[string]string{
	"a.k.a": "also known as", "viz": "namely",
}

// hyphenated speaks a compound that mixes words and numbers
// ("mid-1980s", "covid-19", "Jan-15-2020") part by part.
func (st *state) hyphenated(c string, off int) {
	if st.monthHyphen(c, off) {
		return
	}
	k := 0
	for k <= len(c) {
		j := strings.IndexAny(c[k:], "-–")
		end := len(c)
		if j >= 0 {
			end = k + j
		}
		part := c[k:end]
		if g := strings.TrimSuffix(part, "s"); k > 0 && j < 0 && len(g) == len(part)-1 && len(g) <= 3 && isDigits(g) && g[0] != '0' && isAlphaWord(c[:k-1]) {
			// "F-16s", "B-52s": the plural of a model number.
			st.buf = appendCardinal(st.buf, g)
			if p, ok := pluralOf[st.buf[len(st.buf)-1]]; ok {
				st.buf[len(st.buf)-1] = p
			} else {
				st.buf[len(st.buf)-1] += "s"
			}
			st.say(off+k, off+end)
			break
		}
		if part != "" {
			sub := st.n.Normalize(part)
			for _, t := range sub.Tokens {
				st.emit1(t.Spoken, off+k+t.Span[0], off+k+t.Span[1])
			}
		}
		if j < 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(c[end:])
		k = end + size
	}
}

// monthHyphen speaks "Jan-15-2020" and "Jan-15".
func (st *state) monthHyphen(c string, off int) bool {
	p := strings.Split(c, "-")
	if len(p) < 2 || len(p) > 3 {
		return false
	}
	m, _ := monthOf(p[0])
	if m == "" {
		return false
	}
	d, ok := dayOf(p[1])
	if !ok {
		return false
	}
	st.buf = append(st.buf, m)
	st.buf = appendOrdinal(st.buf, d)
	if len(p) == 3 {
		y, ok := yearOf(p[2])
		if !ok {
			st.buf = st.buf[:0]
			return false
		}
		st.buf = appendYear(st.buf, y)
	}
	st.say(off, off+len(c))
	return true
}

// spellAcronym decides whether an all-capitals word is spelled out (UN,
// OSCE, UBS) or read as a word (NATO, UNESCO).
func spellAcronym(s string) bool {
	if v, ok := acronyms[s]; ok {
		return v
	}
	if len(s) <= 3 {
		return true
	}
	if len(s) > 6 {
		return false
	}
	return !pronounceable(s)
}

// pronounceable is the fallback rule for unknown acronyms: a word that
// alternates vowels and short consonant clusters, with a usual onset, can
// be read as a word.
func pronounceable(s string) bool {
	vowels, run, maxRun := 0, 0, 0
	lead := -1
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("AEIOU", s[i]) >= 0 || s[i] == 'Y' && i > 0 {
			vowels++
			if lead < 0 {
				lead = i
			}
			run = 0
			continue
		}
		run++
		maxRun = max(maxRun, run)
	}
	if vowels == 0 || maxRun > 2 {
		return false
	}
	if lead == 2 && !onsets[s[:2]] {
		return false
	}
	if lead > 2 {
		return false
	}
	// A final consonant pair must be a usual coda ("-ND", "-ST").
	if run == 2 && !codas[s[len(s)-2:]] {
		return false
	}
	return true
}

var onsets = map[string]bool{"BL": true, "BR": true, "CL": true, "CR": true, "DR": true, "FL": true,
	"FR": true, "GL": true, "GR": true, "PL": true, "PR": true, "SC": true, "SK": true, "SL": true,
	"SM": true, "SN": true, "SP": true, "ST": true, "SW": true, "TR": true, "TW": true, "TH": true,
	"SH": true, "CH": true, "WH": true, "PH": true, "KR": true, "KL": true}

var codas = map[string]bool{"ND": true, "NT": true, "ST": true, "SK": true, "RT": true, "RD": true,
	"NK": true, "NG": true, "CK": true, "LT": true, "LD": true, "RK": true, "RM": true, "RN": true,
	"MP": true, "CT": true, "PT": true, "FT": true, "LM": true, "LP": true, "RS": true, "NS": true, "TS": true}

// Byte classes of a word, computed in one pass so that each rule need not
// rescan it.
const (
	clsDigit = 1 << iota
	clsDash
	clsDot
	clsSlash
	clsSymbol // & # $ % + = or a currency or section sign
	clsAt
)

func classify(s string) int {
	f := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			f |= clsDigit
		case c == '-':
			f |= clsDash
		case c == '.':
			f |= clsDot
		case c == '/':
			f |= clsSlash
		case c == '@':
			f |= clsAt
		case c == '&' || c == '#' || c == '$' || c == '%' || c == '+' || c == '=':
			f |= clsSymbol
		case c >= 0x80:
			r, _ := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '–':
				f |= clsDash
			case '€', '£', '¥', '₩', '§':
				f |= clsSymbol
			}
		}
	}
	return f
}

// capsWords are short English words that, written in capitals, are
// emphasis rather than acronyms.
var capsWords = map[string]bool{
	"NOT": true, "AND": true, "THE": true, "BUT": true, "YOU": true, "ALL": true,
	"NEW": true, "NOW": true, "OUT": true, "WHY": true, "HOW": true, "YES": true,
	"BIG": true, "HOT": true, "TOP": true, "WAR": true, "WIN": true, "OFF": true,
	"GET": true, "GOT": true, "CAN": true, "ONE": true, "TWO": true, "SIX": true,
	"TEN": true, "BAD": true, "MAD": true, "SAD": true, "DAY": true, "WAY": true,
	"MAN": true, "BOY": true, "SHE": true, "HER": true, "HIS": true, "HIM": true,
	"ITS": true, "WAS": true, "ARE": true, "HAS": true, "HAD": true, "FOR": true,
	"NOR": true, "YET": true, "SO": true, "NO": true, "GO": true, "DO": true,
	"WE": true, "HE": true, "ME": true, "MY": true, "UP": true, "OF": true,
	"TO": true, "IN": true, "ON": true, "AT": true, "BY": true, "IS": true,
	"BE": true, "AS": true, "OR": true, "IF": true, "AN": true, "OUR": true,
	"LIE": true, "DIE": true, "SEE": true, "SAY": true, "END": true, "ANY": true,
	"FEW": true, "OLD": true, "OWN": true, "LET": true, "PUT": true, "RUN": true,
	"WHAT": true, "THIS": true, "THAT": true, "WITH": true, "FROM": true,
}
