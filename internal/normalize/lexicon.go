package normalize

import (
	"strings"

	"aloud/internal/normalize/rule"
)

// lexicon holds the publisher's entries, keyed by the first word of the
// term, exact case first and folded case second.
type lexicon struct {
	exact map[string][]lexEntry
	fold  map[string][]lexEntry
}

type lexEntry struct {
	words  []string // the term split on spaces
	spoken []string // what is said instead
}

func newLexicon(entries []Entry) lexicon {
	l := lexicon{exact: map[string][]lexEntry{}, fold: map[string][]lexEntry{}}
	for _, e := range entries {
		ws := strings.Fields(e.Term)
		if len(ws) == 0 {
			continue
		}
		var spoken []string
		switch {
		case strings.TrimSpace(e.Respelling) != "":
			spoken = strings.Fields(e.Respelling)
		case strings.TrimSpace(e.Phonemes) != "":
			spoken = []string{"[[" + strings.TrimSpace(e.Phonemes) + "]]"}
		default:
			continue
		}
		le := lexEntry{words: ws, spoken: spoken}
		l.exact[ws[0]] = append(l.exact[ws[0]], le)
		f := strings.ToLower(ws[0])
		l.fold[f] = append(l.fold[f], le)
	}
	return l
}

// lexiconAt replaces a lexicon term starting at word i; longer terms and
// exact-case matches win.
func (st *state) lexiconAt(i int) int {
	lx := st.n.lex
	if len(lx.exact) == 0 {
		return 0
	}
	best, bestLen := lexEntry{}, 0
	try := func(cands []lexEntry, fold bool) {
		for _, e := range cands {
			if len(e.words) <= bestLen || i+len(e.words) > len(st.words) {
				continue
			}
			ok := true
			for k, t := range e.words {
				c := st.words[i+k].core
				if k < len(e.words)-1 && st.words[i+k].trail != "" {
					ok = false
					break
				}
				if fold && !strings.EqualFold(c, t) || !fold && c != t {
					ok = false
					break
				}
			}
			if ok {
				best, bestLen = e, len(e.words)
			}
		}
	}
	try(lx.exact[st.words[i].core], false)
	if bestLen == 0 {
		try(lx.fold[strings.ToLower(st.words[i].core)], true)
	}
	if bestLen == 0 {
		return 0
	}
	end := st.words[i+bestLen-1].ce()
	st.emit(best.spoken, st.words[i].cs, end)
	return bestLen
}

// lexiconRule is the publisher's lexicon as the first rule of a language
// built on package rule.
func lexiconRule(entries []Entry) rule.Rule {
	m := map[string]string{}
	for _, e := range entries {
		switch {
		case strings.TrimSpace(e.Respelling) != "":
			m[e.Term] = e.Respelling
		case strings.TrimSpace(e.Phonemes) != "":
			m[e.Term] = "[[" + strings.TrimSpace(e.Phonemes) + "]]"
		}
	}
	return rule.Lexicon(m)
}

// replaceAt says the Options.Matches span starting at word i, if any, and
// returns the words it covers. st.reps is consumed left to right, so the
// cost is linear in words plus matches.
func (st *state) replaceAt(i int) int {
	w := st.words[i]
	for len(st.reps) > 0 && st.reps[0].Span[0] < w.start {
		st.reps = st.reps[1:] // starts inside an earlier word: not said
	}
	if len(st.reps) == 0 || st.reps[0].Span[0] != w.start && st.reps[0].Span[0] != w.cs {
		return 0
	}
	r := st.reps[0]
	st.reps = st.reps[1:]
	n := 1
	for i+n < len(st.words) && st.words[i+n].cs < r.Span[1] {
		n++
	}
	last := st.words[i+n-1]
	first := len(st.toks)
	for _, sp := range r.Spoken {
		st.emit1(strings.TrimSpace(sp), r.Span[0], r.Span[1])
	}
	if rest := rule.Remainder(last.core, last.cs, r.Span[1]); rest != "" {
		st.toks = rule.SayRest(st.toks, first, rest, [2]int{r.Span[1], last.ce()})
	}
	if len(st.toks) == first {
		return 0
	}
	return n
}
