package lexicon

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Validate checks one entry on its own (after WithDefaults) and returns an
// *Error naming the problem, or nil. Phonemes are for English entries
// (lang "" or "en*") and must convert for both espeak-ng and flite, the
// two engines that speak English.
func Validate(e Entry) error {
	if err := validate(e); err != nil {
		return withTerm(err, e.Term, 0)
	}
	return nil
}

func validate(e Entry) error {
	if err := checkTerm(e); err != nil {
		return err
	}
	if err := checkRules(e); err != nil {
		return err
	}
	return checkAction(e)
}

// regexLike are the characters that make a term read as a pattern. "." and
// "+" stay allowed alone ("U.S.", "C++"); ".*" and ".+" do not.
const regexLike = `\^$*?|[]{}()`

func checkTerm(e Entry) error {
	t := e.Term
	switch {
	case t == "":
		return invalid("term", "term is empty")
	case utf8.RuneCountInString(t) > MaxTermLen:
		return invalid("term", fmt.Sprintf("term is over %d characters", MaxTermLen))
	case !utf8.ValidString(t) || strings.ContainsFunc(t, unicode.IsControl):
		return invalid("term", "term has control characters or invalid UTF-8")
	case strings.ContainsAny(t, regexLike) || strings.Contains(t, ".*") || strings.Contains(t, ".+"):
		return invalid("term", "term looks like a regular expression; terms are matched literally, as whole words")
	case !strings.ContainsFunc(t, isWordRune):
		return invalid("term", "term has no letter or digit")
	case e.Match == MatchWord && strings.Contains(t, " "):
		return invalid("term", `term has several words; use "match": "phrase"`)
	}
	return nil
}

func checkRules(e Entry) error {
	if e.Match != MatchWord && e.Match != MatchPhrase {
		return invalid("match", fmt.Sprintf("match %q is not word or phrase", e.Match))
	}
	if e.Case != CaseSensitive && e.Case != CaseInsensitive {
		return invalid("case", fmt.Sprintf("case %q is not sensitive or insensitive", e.Case))
	}
	if len(e.Lang) > 35 || strings.ContainsFunc(e.Lang, func(r rune) bool {
		return !(r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) || strings.HasPrefix(e.Lang, "-") {
		return invalid("lang", fmt.Sprintf("lang %q is not a language tag like en or en-gb", e.Lang))
	}
	return nil
}

func checkAction(e Entry) error {
	set := 0
	for _, on := range []bool{e.Say != "", e.Phonemes != "", e.Spell, e.AsWord} {
		if on {
			set++
		}
	}
	switch {
	case set == 0:
		return invalid("say", "entry says nothing: set one of say, phonemes, spell or as_word")
	case set > 1:
		return invalid("say", "set only one of say, phonemes, spell or as_word")
	}
	switch e.Kind() {
	case KindSay:
		return checkSay(e.Say)
	case KindPhonemes:
		return checkPhonemes(e)
	}
	return nil
}

func checkSay(s string) error {
	switch {
	case utf8.RuneCountInString(s) > MaxTermLen:
		return invalid("say", fmt.Sprintf("say is over %d characters", MaxTermLen))
	case !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl):
		return invalid("say", "say has control characters or invalid UTF-8")
	case strings.Contains(s, "[[") || strings.Contains(s, "]]") || strings.ContainsAny(s, "<>"):
		// Engines read "[[…]]" as phonemes and "<…>" as markup.
		return invalid("say", `say is plain words; use "phonemes" for a pronunciation`)
	case !strings.ContainsFunc(s, isWordRune):
		return invalid("say", "say has no letter or digit")
	}
	return nil
}

func checkPhonemes(e Entry) error {
	if utf8.RuneCountInString(e.Phonemes) > MaxTermLen {
		return invalid("phonemes", fmt.Sprintf("phonemes are over %d characters", MaxTermLen))
	}
	if !isEnglish(e.Lang) {
		// espeak-ng's other voices have their own phoneme tables, in which
		// English mnemonics are silently dropped or misread.
		return invalid("phonemes", fmt.Sprintf(`phonemes are supported for English entries only (lang "" or en…), not %q; use say`, e.Lang))
	}
	if _, err := ToEspeak(e.Phonemes); err != nil {
		return err
	}
	_, err := ToFlite(e.Phonemes)
	return err
}

// ValidateSet checks a whole lexicon: every entry on its own, then
// duplicates (same term and language) and respelling chains that loop
// ("A" says "B", "B" says "A"). Entries must have had WithDefaults.
func ValidateSet(entries []Entry) error {
	seen := make(map[string]int, len(entries))
	for i, e := range entries {
		if err := Validate(e); err != nil {
			return withTerm(err, e.Term, i+1)
		}
		if j, dup := seen[e.Key()]; dup {
			return &Error{Field: "term", Term: e.Term, Line: i + 1, Kind: ErrDuplicate,
				Reason: fmt.Sprintf("duplicate of entry %d (%q)", j+1, entries[j].Term)}
		}
		seen[e.Key()] = i
	}
	return checkLoops(entries)
}

// checkLoops follows each respelling through the entries it would match
// itself and refuses a cycle of two or more entries. An entry whose
// respelling contains its own term ("UN" says "U N") is no loop: the
// lexicon is applied once.
func checkLoops(entries []Entry) error {
	m := Compile(entries, "")
	next := make([][]int, len(entries))
	for i, e := range entries {
		if e.Kind() != KindSay {
			continue
		}
		for _, r := range m.Find(e.Say) {
			if r.Index != i && langsOverlap(e.Lang, entries[r.Index].Lang) {
				next[i] = append(next[i], r.Index)
			}
		}
	}
	state := make([]int8, len(entries)) // 0 unvisited, 1 on path, 2 done
	var path []int
	var visit func(i int) []int
	visit = func(i int) []int {
		state[i] = 1
		path = append(path, i)
		for _, j := range next[i] {
			if state[j] == 1 {
				return append(slices.Clone(path[slices.Index(path, j):]), j)
			}
			if state[j] == 0 {
				if c := visit(j); c != nil {
					return c
				}
			}
		}
		state[i], path = 2, path[:len(path)-1]
		return nil
	}
	for i := range entries {
		if state[i] == 0 {
			if c := visit(i); c != nil {
				return loopError(entries, c)
			}
		}
	}
	return nil
}

func loopError(entries []Entry, cycle []int) error {
	names := make([]string, len(cycle))
	for k, i := range cycle {
		names[k] = fmt.Sprintf("%q", entries[i].Term)
	}
	return &Error{Field: "say", Term: entries[cycle[0]].Term, Line: cycle[0] + 1, Kind: ErrLoop,
		Reason: "entries form a loop: " + strings.Join(names, " → ")}
}

// langsOverlap reports whether some text could match entries of both
// languages.
func langsOverlap(a, b string) bool {
	return a == "" || b == "" || matchesLang(a, b) || matchesLang(b, a)
}
