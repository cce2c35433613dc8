package lexicon

import (
	"strings"
	"unicode"
)

// spoken holds an entry's replacement for each engine, computed once at
// Compile.
type spoken struct {
	say    []string // KindSay: the respelling's words
	espeak string   // KindPhonemes: "[[…]]" for espeak-ng
	flite  string   // KindPhonemes: "[[…]]" with CMU phones for flite
}

func newSpoken(e Entry, english bool) spoken {
	var s spoken
	switch e.Kind() {
	case KindSay:
		s.say = strings.Fields(e.Say)
	case KindPhonemes:
		if !english {
			break
		}
		// Validate refused what does not convert; an entry that slipped
		// through falls back to its written form (see Spoken).
		s.espeak, _ = EspeakMarkup(e.Phonemes)
		s.flite, _ = FliteMarkup(e.Phonemes)
	}
	return s
}

// Spoken returns the tokens that replace r's written text for engine
// ("espeak" or "flite", the part of a voice before ":"): the respelling's
// words, the phonemes in the engine's "[[…]]" notation as one token, the
// letters spelled out, or the written words in lower case so that no rule
// or engine spells them ("NATO" → "nato"). Phonemes for an unknown
// engine, or that the engine cannot say, give the written text unchanged.
func (m *Matcher) Spoken(r Replacement, engine string) []string {
	s := m.spoken[r.Index]
	switch r.Entry.Kind() {
	case KindSay:
		return s.say
	case KindPhonemes:
		switch {
		case engine == EngineEspeak && s.espeak != "":
			return []string{s.espeak}
		case engine == EngineFlite && s.flite != "":
			return []string{s.flite}
		}
	case KindSpell:
		return spellOut(r.Written)
	case KindAsWord:
		// Punctuation goes ("U.N." → "un"), spaces stay between words.
		return strings.Fields(strings.ToLower(strings.Map(func(r rune) rune {
			if isWordRune(r) || r == ' ' {
				return r
			}
			if unicode.IsSpace(r) {
				return ' '
			}
			return -1
		}, r.Written)))
	}
	return strings.Fields(r.Written)
}

// Defuse returns s with every "[[" and "]]" broken ("[ ", "] "), so that
// written text can never reach an engine as phoneme markup: espeak-ng
// reads "[[…]]" as phonemes once its espeakPHONEMES flag is on, and only
// lexicon entries may produce that. Byte offsets are unchanged, so spans
// computed on s stay valid.
func Defuse(s string) string {
	if !strings.Contains(s, "[[") && !strings.Contains(s, "]]") {
		return s
	}
	b := []byte(s)
	for i := 0; i+1 < len(b); i++ {
		if (b[i] == '[' || b[i] == ']') && b[i+1] == b[i] {
			b[i+1] = ' '
			i++
		}
	}
	return string(b)
}
