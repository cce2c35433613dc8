package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one whitespace-separated chunk of the input, cut into leading
// punctuation, a core the rules read, and trailing punctuation.
type word struct {
	start, end int // the whole chunk in src
	lead       string
	core       string
	trail      string
	cs         int  // byte offset of core in src
	shout      bool // capitals among capitalised words: read, not spelled
	raw        bool // markup passed through as written
}

func (w word) ce() int { return w.cs + len(w.core) }

// split cuts st.src into words in one linear pass.
func (st *state) split() {
	s := st.src
	if cap(st.words) < len(s)/6+1 {
		st.words = make([]word, 0, len(s)/6+1)
	}
	upper, alpha := 0, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += sz
		}
		st.addPieces(i, j)
		i = j
	}
	for _, w := range st.words {
		if isAlphaWord(w.core) && len(w.core) > 1 {
			alpha++
			if isUpperASCII(w.core) {
				upper++
			}
		}
	}
	// A heading or a shouted line is read as words, not spelled.
	st.shout = alpha >= 3 && upper*10 >= alpha*6
	for k := range st.words {
		for d := -2; d <= 2; d++ {
			if d != 0 && k+d >= 0 && k+d < len(st.words) && shoutEvidence(st.words[k+d].core) {
				st.words[k].shout = true
				break
			}
		}
	}
}

// shoutEvidence reports whether a neighbour is a capitalised word rather
// than an acronym ("HOT AND COLD BATHS").
func shoutEvidence(s string) bool {
	return len(s) >= 4 && isUpperASCII(s) && strings.ContainsAny(s, "AEIOU") && !acronyms[s]
}

// addPieces cuts a chunk after marks glued to the next word ("Hi,no",
// "5pm,4A.M.?-34", "july,1998"), except inside numbers ("13,000") and
// addresses, then adds each piece.
func (st *state) addPieces(i, j int) {
	s := st.src
	c := s[i:j]
	var special bool // "<", "@", "://" or "www." need the slow path
	for k := 0; k < len(c); k++ {
		if b := c[k]; b == '<' || b == '@' || b == ':' || b == 'w' || b == 'W' {
			special = true
			break
		}
	}
	if !special {
		st.splitMarks(i, j)
		return
	}
	// Markup such as "<breathing/>" or "<pitch=-.3>" is passed through
	// untouched, as a word of its own.
	for {
		lt := strings.IndexByte(c, '<')
		if lt < 0 {
			break
		}
		gt := strings.IndexByte(c[lt:], '>')
		if gt <= 0 {
			break
		}
		if lt > 0 {
			st.addText(i, i+lt)
		}
		st.words = append(st.words, word{start: i + lt, end: i + lt + gt + 1, core: c[lt : lt+gt+1], cs: i + lt, raw: true})
		i += lt + gt + 1
		c = s[i:j]
	}
	if i < j {
		st.addText(i, j)
	}
}

// addText adds a piece of a chunk that holds no markup.
func (st *state) addText(i, j int) {
	s := st.src
	c := s[i:j]
	if strings.Contains(c, "://") || strings.Contains(c, "www.") || strings.Contains(c, "@") {
		st.addChunk(i, j)
		return
	}
	st.splitMarks(i, j)
}

// splitMarks cuts src[i:j] after glued punctuation and adds the pieces.
func (st *state) splitMarks(i, j int) {
	s := st.src
	start := i
	for k := i; k < j-1; k++ {
		ch := s[k]
		if ch != ',' && ch != ';' && ch != '?' && ch != '!' {
			continue
		}
		if ch == ',' && k > i && isDigitByte(s[k-1]) && isDigitByte(s[k+1]) {
			// "13,000" stays whole; "19,1674" is two numbers.
			d := k + 1
			for d < j && isDigitByte(s[d]) {
				d++
			}
			if d-k-1 == 3 {
				continue
			}
		}
		e := k + 1
		for e < j {
			if strings.IndexByte(",;?!.\"')]", s[e]) >= 0 {
				e++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[e:j])
			if r != '”' && r != '’' && r != '»' {
				break
			}
			e += size
		}
		if e >= j || k == start {
			continue
		}
		st.addChunk(start, e)
		start = e
		k = e - 1
	}
	if start < j {
		st.addChunk(start, j)
	}
}

// addChunk adds src[i:j] as one or more words: a dash written as "--" or
// "—" between words separates them ("1899--seventeen years").
func (st *state) addChunk(i, j int) {
	s := st.src
	for i < j {
		k, dl := dashAt(s[i:j])
		if k < 0 {
			st.words = append(st.words, cutWord(s[i:j], i))
			return
		}
		// Take the whole run of dashes.
		e := k + dl
		for {
			k2, dl2 := dashAt(s[i+e : j])
			if k2 != 0 {
				break
			}
			e += dl2
		}
		if k == 0 {
			// Leading dashes belong to the next piece as punctuation.
			w := cutWord(s[i+e:j], i+e)
			if w.core == "" && i+e == j {
				st.words = append(st.words, word{start: i, end: j, trail: s[i:j], cs: i})
				return
			}
			rest := j
			if k3, _ := dashAt(s[i+e : j]); k3 > 0 {
				rest = i + e + k3
			}
			w = cutWord(s[i+e:rest], i+e)
			w.lead = s[i:i+e] + w.lead
			w.start = i
			st.words = append(st.words, w)
			i = rest
			continue
		}
		w := cutWord(s[i:i+k], i)
		w.trail += s[i+k : i+e]
		w.end = i + e
		st.words = append(st.words, w)
		i += e
	}
}

// dashAt finds the first "--" or "—" in s and returns its offset and
// length, or -1.
func dashAt(s string) (int, int) {
	for k := 0; k < len(s); k++ {
		if s[k] == '-' && k+1 < len(s) && s[k+1] == '-' {
			return k, 2
		}
		if s[k] == '-' && k > 0 && s[k-1] == '.' && k+1 < len(s) {
			// "APRIL 1.-This": a dash after a period.
			return k, 1
		}
		if strings.HasPrefix(s[k:], "—") {
			return k, len("—")
		}
	}
	return -1, 0
}

// leadPunct and trailPunct are the marks peeled off a chunk.
const leadPunct = "\"'([{“‘«¿¡`_"
const trailPunct = ".,;:!?\"')]}”’»…_`-"

// cutWord peels punctuation off chunk c that starts at offset off.
func cutWord(c string, off int) word {
	a := 0
	for a < len(c) {
		r, size := utf8.DecodeRuneInString(c[a:])
		if !strings.ContainsRune(leadPunct, r) {
			break
		}
		// "'90s" keeps its apostrophe: it is part of the decade.
		if r == '\'' || r == '‘' || r == '’' {
			if a+size < len(c) && c[a+size] >= '0' && c[a+size] <= '9' {
				break
			}
		}
		a += size
	}
	b := len(c)
	open := strings.IndexByte(c[a:], '(') // checked once: linear in the chunk
	for b > a {
		r, size := utf8.DecodeLastRuneInString(c[a:b])
		if !strings.ContainsRune(trailPunct, r) {
			break
		}
		// "401(k)" keeps its closing bracket.
		if r == ')' && open >= 0 && a+open < b-size {
			break
		}
		b -= size
	}
	return word{start: off, end: off + len(c), lead: c[:a], core: c[a:b], trail: c[b:], cs: off + a}
}

// isAlphaWord reports whether s is letters only.
func isAlphaWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
