package lexicon

import (
	"strings"
	"unicode"
)

// Match is how a term matches the written text.
type Match string

// The match rules: a single whole word, or a whole phrase of words.
const (
	MatchWord   Match = "word"
	MatchPhrase Match = "phrase"
)

// Case is whether the term's letter case must match the text's.
type Case string

// The case rules; insensitive is the default.
const (
	CaseInsensitive Case = "insensitive"
	CaseSensitive   Case = "sensitive"
)

// Kind is what an entry does with the term it matches.
type Kind string

// The kinds of entries. Exactly one applies to an entry.
const (
	KindSay      Kind = "say"      // a respelling read as ordinary text
	KindPhonemes Kind = "phonemes" // IPA, converted to each engine's notation
	KindSpell    Kind = "spell"    // spelled letter by letter ("BBC" → "B B C")
	KindAsWord   Kind = "as_word"  // read as a word, never spelled ("NATO")
)

// MaxTermLen is the longest term, respelling or phoneme string accepted,
// in characters.
const MaxTermLen = 200

// Entry is one lexicon entry, in the shape of the API's JSON. Exactly one
// of Say, Phonemes, Spell and AsWord is set.
type Entry struct {
	Term     string `json:"term"`
	Lang     string `json:"lang,omitempty"`  // "" = every language; "en" also matches "en-GB"
	Match    Match  `json:"match,omitempty"` // default word
	Case     Case   `json:"case,omitempty"`  // default insensitive
	Say      string `json:"say,omitempty"`
	Phonemes string `json:"phonemes,omitempty"` // IPA
	Spell    bool   `json:"spell,omitempty"`
	AsWord   bool   `json:"as_word,omitempty"`
}

// WithDefaults returns e with its optional fields filled in and its text
// fields trimmed: match word, case insensitive, lang lower-cased with "_"
// as "-".
func (e Entry) WithDefaults() Entry {
	e.Term = collapseSpace(e.Term)
	e.Say = collapseSpace(e.Say)
	e.Phonemes = collapseSpace(e.Phonemes)
	e.Lang = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(e.Lang)), "_", "-")
	if e.Match == "" {
		e.Match = MatchWord
	}
	if e.Case == "" {
		e.Case = CaseInsensitive
	}
	return e
}

// Kind reports what the entry does, or "" when no action is set.
func (e Entry) Kind() Kind {
	switch {
	case e.Say != "":
		return KindSay
	case e.Phonemes != "":
		return KindPhonemes
	case e.Spell:
		return KindSpell
	case e.AsWord:
		return KindAsWord
	}
	return ""
}

// Key is the entry's identity within a lexicon: its term key and
// language. Two entries with the same Key are duplicates.
func (e Entry) Key() string {
	return TermKey(e.Term) + "\x00" + e.Lang
}

// TermKey is the normalized form of a term used to index and compare
// terms: case-folded, white space collapsed. The article-term index and
// duplicate detection both use it, so "Kyiv" and "KYIV" are one term.
func TermKey(term string) string {
	return strings.ToLower(collapseSpace(term))
}

// matchesLang reports whether an entry for lang applies to text in
// textLang: "" applies everywhere; "en" applies to "en" and "en-gb".
func matchesLang(lang, textLang string) bool {
	if lang == "" {
		return true
	}
	t := strings.ReplaceAll(strings.ToLower(textLang), "_", "-")
	return t == lang || strings.HasPrefix(t, lang+"-")
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) &&
		!strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isEnglish reports whether lang ("" = any) is English or a variant: the
// languages whose voices the phoneme tables are for.
func isEnglish(lang string) bool {
	return lang == "" || matchesLang("en", lang)
}
