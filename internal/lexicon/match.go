package lexicon

import (
	"slices"
	"strings"
)

// Replacement is one match of an entry in written text.
type Replacement struct {
	Span  [2]int // byte span [start, end) of the written text replaced
	Index int    // the entry's index in the slice given to Compile
	Entry Entry
	// Written is the matched written text, text[Span[0]:Span[1]].
	Written string
}

// Matcher finds a lexicon's entries in written text. It indexes entries by
// their first token, so finding costs one map lookup per token of text
// whatever the lexicon's size. It is read-only after Compile and safe for
// concurrent use.
type Matcher struct {
	entries []Entry
	index   map[string][]pattern // folded first token → candidates
	spoken  []spoken             // per entry, precomputed spoken forms
}

// pattern is one entry's term as tokens.
type pattern struct {
	entry     int
	toks      []string // folded unless sensitive
	gaps      []bool   // white space required before token k (k > 0)
	sensitive bool
}

// Compile builds a Matcher for text in lang ("" = any language, which
// keeps every entry) from entries that passed WithDefaults and Validate.
// For text in a language other than English, phoneme entries (English
// phonemes, valid for every language when their lang is "") are read as
// written, since the voices of that language use other phoneme tables.
// Entries for other languages are left out. Longer terms win over shorter
// ones; at equal length a case-sensitive entry wins, then the earlier one,
// so callers list overriding entries first (see Merge).
func Compile(entries []Entry, lang string) *Matcher {
	m := &Matcher{entries: entries, index: map[string][]pattern{}, spoken: make([]spoken, len(entries))}
	for i, e := range entries {
		if lang != "" && !matchesLang(e.Lang, lang) {
			continue
		}
		toks := tokenize(e.Term)
		if len(toks) == 0 {
			continue
		}
		p := pattern{entry: i, sensitive: e.Case == CaseSensitive}
		for _, t := range toks {
			s := t.text
			if !p.sensitive {
				s = fold(s)
			}
			p.toks = append(p.toks, s)
			p.gaps = append(p.gaps, t.gap)
		}
		key := fold(toks[0].text)
		m.index[key] = append(m.index[key], p)
		m.spoken[i] = newSpoken(e, isEnglish(lang))
	}
	return m
}

// Len is the number of entries the Matcher was compiled from.
func (m *Matcher) Len() int { return len(m.entries) }

// Find returns the non-overlapping matches in text, left to right.
func (m *Matcher) Find(text string) []Replacement {
	if len(m.index) == 0 {
		return nil
	}
	toks := tokenize(text)
	var out []Replacement
	for i := 0; i < len(toks); {
		best, n := m.longestAt(toks, i)
		if n == 0 {
			i++
			continue
		}
		span := [2]int{toks[i].start, toks[i+n-1].end}
		out = append(out, Replacement{Span: span, Index: best, Entry: m.entries[best], Written: text[span[0]:span[1]]})
		i += n
	}
	return out
}

// longestAt returns the entry matching the most tokens at toks[i] and
// that count, or 0.
func (m *Matcher) longestAt(toks []token, i int) (int, int) {
	cands := m.index[fold(toks[i].text)]
	best, bestN, bestSensitive := -1, 0, false
	for _, p := range cands {
		n := len(p.toks)
		if n < bestN || i+n > len(toks) {
			continue
		}
		if n == bestN && (bestSensitive || !p.sensitive) {
			continue
		}
		if p.matches(toks[i:i+n]) && boundaryOK(toks, i, i+n) {
			best, bestN, bestSensitive = p.entry, n, p.sensitive
		}
	}
	if bestN == 0 {
		return 0, 0
	}
	return best, bestN
}

func (p pattern) matches(toks []token) bool {
	for k, want := range p.toks {
		t := toks[k]
		if k > 0 && t.gap != p.gaps[k] {
			return false
		}
		got := t.text
		if !p.sensitive {
			got = fold(got)
		}
		if got != want {
			return false
		}
	}
	return true
}

// Terms returns the term keys (TermKey) of the entries that occur in the
// texts, sorted and distinct: which of the current entries an article's
// sentences use, for the render report and for re-rendering after an
// entry is edited or deleted.
func (m *Matcher) Terms(texts []string) []string {
	seen := map[string]bool{}
	for _, s := range texts {
		for _, r := range m.Find(s) {
			seen[TermKey(r.Entry.Term)] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}

// Merge returns the publication's entries followed by the defaults whose
// term the publication does not define, so a publication's entry always
// overrides the shipped default for the same term.
func Merge(publication, defaults []Entry) []Entry {
	own := make(map[string]bool, len(publication))
	for _, e := range publication {
		own[TermKey(e.Term)] = true
	}
	out := slices.Clone(publication)
	for _, e := range defaults {
		if !own[TermKey(e.Term)] {
			out = append(out, e)
		}
	}
	return out
}

func sortStrings(s []string) { slices.Sort(s) }

// spellOut is the written text letter by letter: "BBC" → "B B C",
// "G7" → "G 7". Punctuation is dropped.
func spellOut(written string) []string {
	var out []string
	for _, r := range written {
		if isWordRune(r) {
			out = append(out, strings.ToUpper(string(r)))
		}
	}
	return out
}
