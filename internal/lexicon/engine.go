package lexicon

import (
	"fmt"
	"strings"
)

// Engines whose notations this package produces.
const (
	EngineEspeak = "espeak"
	EngineFlite  = "flite"
)

// ToEspeak converts IPA to espeak-ng phoneme mnemonics (its English
// phoneme table), without the "[[ ]]" brackets. Words stay separated by
// spaces; stress marks precede the stressed vowel, where espeak-ng reads
// them.
func ToEspeak(ipa string) (string, error) {
	segs, err := parseIPA(ipa)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, s := range segs {
		if s.espeak == "" {
			return "", cannotSay(EngineEspeak, s.ipa)
		}
		switch s.stress {
		case stressPrimary:
			b.WriteByte('\'')
		case stressSecondary:
			b.WriteByte(',')
		}
		b.WriteString(s.espeak)
		if s.endWord {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSuffix(b.String(), " "), nil
}

// ToFlite converts IPA to flite's CMU phones, space-separated, as flite's
// lexicon addenda and its phone input ("flite -p") take them. Vowels carry
// flite's stress digits, 1 for primary stress and 0 otherwise (flite's
// lexicon has no secondary stress); a word without a primary stress mark
// stresses its first vowel, since flite needs one to shape the word.
func ToFlite(ipa string) (string, error) {
	segs, err := parseIPA(ipa)
	if err != nil {
		return "", err
	}
	var out []string
	start := 0
	for i, s := range segs {
		if s.flite == "" {
			return "", cannotSay(EngineFlite, s.ipa)
		}
		if s.endWord {
			out = append(out, fliteWord(segs[start:i+1])...)
			start = i + 1
		}
	}
	return strings.Join(out, " "), nil
}

// fliteWord spells one word's segments with stress digits.
func fliteWord(segs []segment) []string {
	hasPrimary := false
	for _, s := range segs {
		hasPrimary = hasPrimary || s.stress == stressPrimary
	}
	var out []string
	first := true
	for _, s := range segs {
		ps := strings.Fields(s.flite)
		if s.vowel {
			digit := "0"
			if s.stress == stressPrimary || !hasPrimary && first {
				digit = "1"
			}
			first = false
			for k, p := range ps {
				if isFliteVowel(p) {
					ps[k] = fliteStressed(p, digit)
					digit = "0"
				}
			}
		}
		out = append(out, ps...)
	}
	return out
}

// fliteStressed is vowel p with its stress digit. flite's schwa "ax"
// exists only unstressed; stressed, the nearest vowel is "ah".
func fliteStressed(p, digit string) string {
	if p == "ax" && digit == "1" {
		return "ah1"
	}
	return p + digit
}

// fliteVowels are the vowels of flite's cmulex phone set; "ax" takes only
// the digit 0.
var fliteVowels = map[string]bool{
	"ax": true, "aa": true, "ae": true, "ah": true, "ao": true, "aw": true, "ay": true, "eh": true, "er": true,
	"ey": true, "ih": true, "iy": true, "ow": true, "oy": true, "uh": true, "uw": true,
}

func isFliteVowel(p string) bool { return fliteVowels[p] }

// cannotSay is the refusal of a phone an engine lacks.
func cannotSay(engine, ipa string) error {
	name := map[string]string{EngineEspeak: "espeak-ng's English voices", EngineFlite: "flite"}[engine]
	return invalid("phonemes", fmt.Sprintf("%s cannot say %q", name, ipa))
}

// EspeakMarkup is the espeak-ng inline form of IPA: "[[mnemonics]]", the
// notation espeak-ng reads inside text when synthesis has the
// espeakPHONEMES flag (the CLI always has it).
func EspeakMarkup(ipa string) (string, error) {
	m, err := ToEspeak(ipa)
	if err != nil {
		return "", err
	}
	return "[[" + m + "]]", nil
}

// FliteMarkup is the inline form aloud uses for flite: "[[phones]]" with
// CMU phones ("[[k iy1 v]]"). flite itself has no inline phoneme syntax;
// the flite engine must cut these out and synthesize the phones (see the
// README section "Pronunciation lexicon"), which this notation makes
// unambiguous because no English text contains "[[".
func FliteMarkup(ipa string) (string, error) {
	p, err := ToFlite(ipa)
	if err != nil {
		return "", err
	}
	return "[[" + p + "]]", nil
}

// FliteAddendaLine is one line of a flite lexicon addenda file
// ("flite -add_lex FILE", flite_voice_add_lex_addenda): the word, a colon,
// the phones.
func FliteAddendaLine(word, ipa string) (string, error) {
	p, err := ToFlite(ipa)
	if err != nil {
		return "", err
	}
	return strings.ToLower(word) + " : " + p, nil
}

// fliteConsonants are the consonants of flite's cmulex phone set.
var fliteConsonants = map[string]bool{
	"b": true, "ch": true, "d": true, "dh": true, "f": true, "g": true, "hh": true, "jh": true, "k": true,
	"l": true, "m": true, "n": true, "ng": true, "p": true, "r": true, "s": true, "sh": true, "t": true,
	"th": true, "v": true, "w": true, "y": true, "z": true, "zh": true,
}
