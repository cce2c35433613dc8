package fold

import "strings"

// table is one language's folding rules on top of common.
type table struct {
	letters   map[rune]string
	sequences [][2]string // longest first; lower case, matched also capitalised
}

// common holds letters whose spelling in ASCII does not depend on the
// language: ligatures, letters NFD does not decompose, punctuation that
// flite would skip or spell.
var common = map[rune]string{
	'ß': "ss", 'ẞ': "SS", 'æ': "ae", 'Æ': "Ae", 'œ': "oe", 'Œ': "Oe",
	'ø': "o", 'Ø': "O", 'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D",
	'ð': "th", 'Ð': "Th", 'þ': "th", 'Þ': "Th", 'ı': "i", 'ħ': "h",
	'ç': "s", 'Ç': "S", // François, Curaçao: a soft c before any vowel
	'ñ': "ny", 'Ñ': "Ny", // Peña, Muñoz: what an English reader says
	'ş': "sh", 'Ş': "Sh", 'ș': "sh", 'Ș': "Sh", 'ț': "ts", 'Ț': "Ts",
	'č': "ch", 'Č': "Ch", 'š': "sh", 'Š': "Sh", 'ž': "zh", 'Ž': "Zh",
	'ć': "ch", 'Ć': "Ch", 'ğ': "", 'Ğ': "",
	'‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'",
	'“': "\"", '”': "\"", '„': "\"", '«': "\"", '»': "\"", '″': "\"",
	'–': ", ", '—': ", ", '―': ", ", '‐': "-", '‑': "-", '−': "-",
	'…': "...", '·': " ", '•': " ", '°': " degrees",
}

// German umlauts as German names are written in English ("Mueller",
// "Schroeder"): the most common source of umlauts in English news.
var umlauts = map[rune]string{
	'ä': "ae", 'Ä': "Ae", 'ö': "oe", 'Ö': "Oe", 'ü': "ue", 'Ü': "Ue",
}

// spanishGu: in "güe"/"güi" the u is said, as a w.
var spanishGu = [][2]string{{"güe", "gwe"}, {"güi", "gwi"}}

var tables = map[string]table{
	"en": {letters: umlauts, sequences: spanishGu},
	"de": {letters: umlauts},
	"es": {letters: map[rune]string{'ü': "u", 'Ü': "U"}, sequences: spanishGu},
	"tr": {letters: map[rune]string{'ö': "o", 'Ö': "O", 'ü': "u", 'Ü': "U", 'ç': "ch", 'Ç': "Ch", 'İ': "I"}},
	"sv": {letters: map[rune]string{'ä': "a", 'Ä': "A", 'ö': "o", 'Ö': "O", 'å': "o", 'Å': "O"}},
	"fi": {letters: map[rune]string{'ä': "a", 'Ä': "A", 'ö': "o", 'Ö': "O"}},
	"da": {letters: map[rune]string{'å': "aa", 'Å': "Aa"}},
	"no": {letters: map[rune]string{'å': "aa", 'Å': "Aa"}},
	"nb": {letters: map[rune]string{'å': "aa", 'Å': "Aa"}},
	"pt": {letters: map[rune]string{'ç': "s", 'Ç': "S", 'ã': "an", 'õ': "on"}, sequences: spanishGu},
}

// tableFor picks the table of lang's primary subtag, English for unknown
// languages (the only language ASCII-only engines speak).
func tableFor(lang string) table {
	primary, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(lang, "_", "-")), "-")
	if t, ok := tables[primary]; ok {
		return t
	}
	return tables["en"]
}
