package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a run of word characters (letters, digits, combining marks) or
// one other non-space character, with its byte span and whether white
// space precedes it.
type token struct {
	text  string
	start int
	end   int
	gap   bool // white space (or the text's start) before it
	word  bool // a run of word characters
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tokenize splits s into tokens. Invalid UTF-8 bytes count as spaces, so
// spans still index s.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	gap := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1 || unicode.IsSpace(r):
			gap = true
			i += size
		case isWordRune(r):
			j := i + size
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) || r2 == utf8.RuneError && n <= 1 {
					break
				}
				j += n
			}
			toks = append(toks, token{text: s[i:j], start: i, end: j, gap: gap, word: true})
			gap = false
			i = j
		default:
			toks = append(toks, token{text: s[i : i+size], start: i, end: i + size, gap: gap})
			gap = false
			i += size
		}
	}
	return toks
}

// fold is the case-insensitive form of a token.
func fold(s string) string { return strings.ToLower(s) }

// Joiners glue words into one written word when they sit between two word
// runs without spaces: "U.S.", "AT&T", "O'Brien", "first_name". A term
// never matches part of such a compound; it may match before a trailing
// apostrophe ("Kyiv's") or hyphen ("Kyiv-based").
const (
	leftJoiners  = ".&@_'’"
	rightJoiners = ".&@_"
)

// boundaryOK reports whether toks[i:j] stands as whole words in toks.
func boundaryOK(toks []token, i, j int) bool {
	if i >= 2 && !toks[i].gap && !toks[i-1].gap && toks[i-2].word && toks[i].word &&
		strings.Contains(leftJoiners, toks[i-1].text) {
		return false
	}
	if i >= 1 && !toks[i].gap && toks[i-1].word {
		return false
	}
	if j < len(toks) && !toks[j].gap && toks[j].word {
		return false
	}
	if j+1 < len(toks) && !toks[j].gap && !toks[j+1].gap && toks[j+1].word && toks[j-1].word &&
		strings.Contains(rightJoiners, toks[j].text) {
		return false
	}
	return true
}

// WordKeys returns the distinct case-folded words of the texts, sorted:
// what the article-word index stores at render time, so that a lexicon
// change finds the articles containing its term (TermWords) without
// reading any article's text. It indexes every word, not only the current
// lexicon's terms, because a new entry's term must be found too.
func WordKeys(texts []string) []string {
	seen := map[string]bool{}
	for _, s := range texts {
		for _, t := range tokenize(s) {
			if t.word {
				seen[fold(t.text)] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}

// TermWords are the index keys an article must all contain for term to
// occur in it: its case-folded words, sorted and distinct.
func TermWords(term string) []string {
	return WordKeys([]string{term})
}
