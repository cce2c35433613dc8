package rule

import (
	"sort"
	"strings"
)

// Replace is a span of the input said another way, found in the written
// text before any rule runs (a publisher's pronunciation lexicon). Spans
// are byte offsets into the input, in order and not overlapping.
type Replace struct {
	Span   [2]int
	Spoken []string
}

// RunWith is Run with replacements: where one starts at a word's start
// (its core, or its leading punctuation), its spoken tokens are said with
// its span and the words it covers are skipped. A replacement ending
// inside a word ("Kyiv" in "Kyiv's") keeps the rest of that word spoken.
// Replacements starting inside a word are ignored.
func (e *Engine) RunWith(src string, reps []Replace) []Token {
	if len(reps) == 0 {
		return e.Run(src)
	}
	lex := Rule{Name: "replace", Match: func(t *Text, i int) (Match, bool) {
		return ReplaceAt(t.Words, i, reps)
	}}
	sub := &Engine{rules: append([]Rule{lex}, e.rules...)}
	return sub.Run(src)
}

// ReplaceAt is the replacement starting at word i of words, if any.
func ReplaceAt(words []Word, i int, reps []Replace) (Match, bool) {
	w := words[i]
	k := sort.Search(len(reps), func(k int) bool { return reps[k].Span[0] >= w.Start })
	if k == len(reps) || reps[k].Span[0] != w.Start && reps[k].Span[0] != w.CS {
		return Match{}, false
	}
	r := reps[k]
	n := 1
	for i+n < len(words) && words[i+n].CS < r.Span[1] {
		n++
	}
	last := words[i+n-1]
	toks := make([]Token, 0, len(r.Spoken)+1)
	for _, s := range r.Spoken {
		if s = strings.TrimSpace(s); s != "" {
			toks = append(toks, Token{Spoken: s, Span: r.Span})
		}
	}
	if rest := Remainder(last.Core, last.CS, r.Span[1]); rest != "" {
		toks = SayRest(toks, 0, rest, [2]int{r.Span[1], last.CE()})
	}
	if len(toks) == 0 {
		return Match{}, false
	}
	return Match{N: n, Tokens: toks}, true
}

// Remainder is the part of a word's core after a replacement ending at
// end, or "".
func Remainder(core string, cs, end int) string {
	if end <= cs || end >= cs+len(core) {
		return ""
	}
	return core[end-cs:]
}

// SayRest says the rest of a word after a replacement whose tokens are
// toks[first:]: a possessive or contraction ("'s", "’s") is glued to the
// last spoken token ("keev's"), anything else ("-based") is a token of
// its own.
func SayRest(toks []Token, first int, rest string, span [2]int) []Token {
	if len(toks) > first && (strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’")) {
		last := &toks[len(toks)-1]
		last.Spoken += "'" + strings.TrimLeft(rest, "'’")
		return toks
	}
	rest = strings.TrimLeft(rest, "-‐–")
	if rest == "" {
		return toks
	}
	return append(toks, Token{Spoken: rest, Span: span})
}
