package lexicon

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// phone is one IPA segment and how each engine says it. An empty espeak or
// flite field means that engine has no such sound: an entry using it is
// refused for that engine rather than silently mispronounced (espeak-ng
// drops unknown mnemonics without a word; flite refuses them).
type phone struct {
	ipa    string
	espeak string // espeak-ng mnemonic of its English phoneme table
	flite  string // CMU phones as flite's cmulex spells them, space-separated
	vowel  bool   // takes the stress mark (espeak) or digit (flite)
}

// phones is the table of IPA segments aloud accepts, English-centred
// because the engines' English voices are what aloud speaks with. Each
// espeak mnemonic is checked against the real espeak-ng in
// TestEspeakSaysEveryPhone, each flite phone against flite's lexicon
// phone set in TestFliteAcceptsEveryPhone.
var phones = []phone{
	// Consonants.
	{ipa: "p", espeak: "p", flite: "p"}, {ipa: "b", espeak: "b", flite: "b"},
	{ipa: "t", espeak: "t", flite: "t"}, {ipa: "d", espeak: "d", flite: "d"},
	{ipa: "k", espeak: "k", flite: "k"}, {ipa: "g", espeak: "g", flite: "g"},
	{ipa: "ɡ", espeak: "g", flite: "g"}, // U+0261, the IPA's own g
	{ipa: "f", espeak: "f", flite: "f"}, {ipa: "v", espeak: "v", flite: "v"},
	{ipa: "θ", espeak: "T", flite: "th"}, {ipa: "ð", espeak: "D", flite: "dh"},
	{ipa: "s", espeak: "s", flite: "s"}, {ipa: "z", espeak: "z", flite: "z"},
	{ipa: "ʃ", espeak: "S", flite: "sh"}, {ipa: "ʒ", espeak: "Z", flite: "zh"},
	{ipa: "h", espeak: "h", flite: "hh"},
	{ipa: "m", espeak: "m", flite: "m"}, {ipa: "n", espeak: "n", flite: "n"},
	{ipa: "ŋ", espeak: "N", flite: "ng"},
	{ipa: "l", espeak: "l", flite: "l"}, {ipa: "ɫ", espeak: "l", flite: "l"},
	{ipa: "ɹ", espeak: "r", flite: "r"}, {ipa: "r", espeak: "r", flite: "r"},
	{ipa: "ɾ", espeak: "d", flite: "d"}, // the American flap, as d
	{ipa: "w", espeak: "w", flite: "w"}, {ipa: "ʍ", espeak: "w", flite: "w"},
	{ipa: "j", espeak: "j", flite: "y"},
	{ipa: "tʃ", espeak: "tS", flite: "ch"}, {ipa: "t͡ʃ", espeak: "tS", flite: "ch"}, {ipa: "ʧ", espeak: "tS", flite: "ch"},
	{ipa: "dʒ", espeak: "dZ", flite: "jh"}, {ipa: "d͡ʒ", espeak: "dZ", flite: "jh"}, {ipa: "ʤ", espeak: "dZ", flite: "jh"},
	{ipa: "ʔ", espeak: "?"},
	{ipa: "x", espeak: "x"},
	{ipa: "ç", espeak: "C"},
	// Syllabic consonants ("button", "bottle").
	{ipa: "n̩", espeak: "n-", flite: "ax n", vowel: true},
	{ipa: "m̩", espeak: "m-", flite: "ax m", vowel: true},
	{ipa: "l̩", espeak: "@L", flite: "ax l", vowel: true},
	// Monophthongs.
	{ipa: "i", espeak: "i", flite: "iy", vowel: true}, {ipa: "iː", espeak: "i:", flite: "iy", vowel: true},
	{ipa: "ɪ", espeak: "I", flite: "ih", vowel: true}, {ipa: "ɨ", espeak: "I", flite: "ih", vowel: true},
	{ipa: "e", espeak: "e", flite: "eh", vowel: true}, {ipa: "ɛ", espeak: "E", flite: "eh", vowel: true},
	{ipa: "eː", espeak: "eI", flite: "ey", vowel: true},
	{ipa: "æ", espeak: "a", flite: "ae", vowel: true}, {ipa: "a", espeak: "a", flite: "aa", vowel: true},
	{ipa: "aː", espeak: "A:", flite: "aa", vowel: true}, {ipa: "ɐ", espeak: "a#", flite: "ah", vowel: true},
	{ipa: "ɑ", espeak: "A:", flite: "aa", vowel: true}, {ipa: "ɑː", espeak: "A:", flite: "aa", vowel: true},
	{ipa: "ɒ", espeak: "0", flite: "aa", vowel: true},
	{ipa: "ɔ", espeak: "O:", flite: "ao", vowel: true}, {ipa: "ɔː", espeak: "O:", flite: "ao", vowel: true},
	{ipa: "o", espeak: "o", flite: "ow", vowel: true}, {ipa: "oː", espeak: "o:", flite: "ow", vowel: true},
	{ipa: "ʊ", espeak: "U", flite: "uh", vowel: true},
	{ipa: "u", espeak: "u:", flite: "uw", vowel: true}, {ipa: "uː", espeak: "u:", flite: "uw", vowel: true},
	{ipa: "ʌ", espeak: "V", flite: "ah", vowel: true}, {ipa: "ə", espeak: "@", flite: "ax", vowel: true},
	{ipa: "ɜ", espeak: "3:", flite: "er", vowel: true}, {ipa: "ɜː", espeak: "3:", flite: "er", vowel: true},
	{ipa: "ɝ", espeak: "3:", flite: "er", vowel: true}, {ipa: "ɚ", espeak: "3", flite: "er", vowel: true},
	// Diphthongs.
	{ipa: "eɪ", espeak: "eI", flite: "ey", vowel: true}, {ipa: "aɪ", espeak: "aI", flite: "ay", vowel: true},
	{ipa: "ɔɪ", espeak: "OI", flite: "oy", vowel: true}, {ipa: "aʊ", espeak: "aU", flite: "aw", vowel: true},
	{ipa: "oʊ", espeak: "oU", flite: "ow", vowel: true}, {ipa: "əʊ", espeak: "oU", flite: "ow", vowel: true},
	{ipa: "ɪə", espeak: "i@", flite: "ih r", vowel: true}, {ipa: "eə", espeak: "e@", flite: "eh r", vowel: true},
	{ipa: "ɛə", espeak: "e@", flite: "eh r", vowel: true}, {ipa: "ʊə", espeak: "U@", flite: "uh r", vowel: true},
}

// ipaLetters are IPA symbols that exist but that aloud's engines cannot
// say (front rounded vowels, clicks, uvulars, …). Listing them separates
// "not sayable" from "not IPA at all" in error messages.
const ipaLetters = "yʏøœɶɘɵɤɯɞʉɪ̈ɑ̃ɛ̃ɔ̃œ̃ʙʀʁχħʕɦɬɮʋɰɭɳɲɴɟʄɖʈɽʂʐɕʑʝɣβɸʎʟɢqɠɓɗʛʘǀǃǂǁɧʜʢʡ"

// ignoredMarks carry detail the engines derive themselves or that does
// not change the phones: syllable breaks, linking, aspiration, the
// non-syllabic mark, half-length.
const ignoredMarks = ".‿ʰ̯ˑ"

// maxPhoneRunes is the longest IPA key in phones, in runes.
const maxPhoneRunes = 3

var phoneByIPA = func() map[string]phone {
	m := make(map[string]phone, len(phones))
	for _, p := range phones {
		m[p.ipa] = p
	}
	return m
}()

// stress levels before a segment.
const (
	stressNone = iota
	stressSecondary
	stressPrimary
)

// segment is one parsed phone with the stress mark that preceded it
// (carried to the next vowel) and whether a word boundary follows.
type segment struct {
	phone
	stress  int
	endWord bool
}

// parseIPA splits an IPA string into segments, longest symbol first.
// Stress marks move to the next vowel, where both engines want them.
func parseIPA(s string) ([]segment, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, invalid("phonemes", "phonemes are empty")
	}
	var segs []segment
	pending := stressNone
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 'ˈ':
			pending = stressPrimary
		case r == 'ˌ':
			pending = stressSecondary
		case r == ' ':
			if n := len(segs); n > 0 {
				segs[n-1].endWord = true
			}
		case r == 'ː' || strings.ContainsRune(ignoredMarks, r):
			// Length and detail marks on a segment without a long form.
		default:
			p, n, err := longestPhone(s[i:])
			if err != nil {
				return nil, err
			}
			seg := segment{phone: p}
			if p.vowel {
				seg.stress, pending = pending, stressNone
			}
			segs = append(segs, seg)
			i += n
			continue
		}
		i += size
	}
	if len(segs) == 0 {
		return nil, invalid("phonemes", "phonemes hold only stress or length marks")
	}
	segs[len(segs)-1].endWord = true
	return segs, nil
}

// longestPhone matches the longest table symbol at the start of s.
func longestPhone(s string) (phone, int, error) {
	end, runes := 0, 0
	for end < len(s) && runes < maxPhoneRunes {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		runes++
	}
	for ; end > 0; end = prevRuneStart(s, end) {
		if p, ok := phoneByIPA[s[:end]]; ok {
			return p, end, nil
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return phone{}, 0, symbolError(r)
}

func prevRuneStart(s string, end int) int {
	_, size := utf8.DecodeLastRuneInString(s[:end])
	return end - size
}

// symbolError explains why r is refused, with a hint for the usual
// mistakes (espeak's ASCII notation pasted in place of IPA).
func symbolError(r rune) error {
	switch {
	case r == ':':
		return invalid("phonemes", "':' is not IPA; the length mark is 'ː'")
	case r == '\'':
		return invalid("phonemes", "''' is not IPA; the primary stress mark is 'ˈ'")
	case r == ',':
		return invalid("phonemes", "',' is not IPA; the secondary stress mark is 'ˌ'")
	case strings.ContainsRune(ipaLetters, r) || r >= 0x0300 && r <= 0x036f:
		return invalid("phonemes", fmt.Sprintf("%q (U+%04X) cannot be said by espeak-ng's or flite's English voices", r, r))
	}
	return invalid("phonemes", fmt.Sprintf("%q (U+%04X) is not in the IPA alphabet", r, r))
}
