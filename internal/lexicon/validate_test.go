package lexicon

import (
	"errors"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	long := strings.Repeat("a", MaxTermLen+1)
	tests := []struct {
		name   string
		e      Entry
		kind   error  // nil = valid
		reason string // part of the client-safe message
	}{
		{"respelling", Entry{Term: "Kyiv", Say: "keev"}, nil, ""},
		{"phonemes", Entry{Term: "Kyiv", Phonemes: "ˈkiːv"}, nil, ""},
		{"spell", Entry{Term: "BBC", Spell: true}, nil, ""},
		{"as word", Entry{Term: "NATO", AsWord: true, Case: CaseSensitive}, nil, ""},
		{"phrase", Entry{Term: "Xi Jinping", Match: MatchPhrase, Say: "shee jin ping"}, nil, ""},
		{"punctuated", Entry{Term: "U.S.", Spell: true}, nil, ""},
		{"c plus plus", Entry{Term: "C++", Say: "C plus plus"}, nil, ""},
		{"200 characters", Entry{Term: long[1:], Say: "x"}, nil, ""},
		{"english variant", Entry{Term: "Leicester", Lang: "en-GB", Phonemes: "ˈlɛstə"}, nil, ""},
		{"phonemes for german", Entry{Term: "Bach", Lang: "de", Phonemes: "bax"}, ErrInvalid, "English entries only"},
		{"empty", Entry{Term: "  ", Say: "x"}, ErrInvalid, "term is empty"},
		{"too long", Entry{Term: long, Say: "x"}, ErrInvalid, "over 200 characters"},
		{"say too long", Entry{Term: "x", Say: long}, ErrInvalid, "say is over 200"},
		{"regex star", Entry{Term: "Mosc.*", Say: "x"}, ErrInvalid, "regular expression"},
		{"regex class", Entry{Term: "[Kk]yiv", Say: "x"}, ErrInvalid, "regular expression"},
		{"regex alternation", Entry{Term: "Kyiv|Kiev", Say: "x"}, ErrInvalid, "regular expression"},
		{"regex anchor", Entry{Term: "^Kyiv", Say: "x"}, ErrInvalid, "regular expression"},
		{"no letters", Entry{Term: "...", Say: "x"}, ErrInvalid, "no letter or digit"},
		{"control", Entry{Term: "a\x00b", Say: "x"}, ErrInvalid, "control characters"},
		{"word with spaces", Entry{Term: "Xi Jinping", Say: "x"}, ErrInvalid, `use "match": "phrase"`},
		{"bad match", Entry{Term: "x", Match: "regex", Say: "x"}, ErrInvalid, "is not word or phrase"},
		{"bad case", Entry{Term: "x", Case: "upper", Say: "x"}, ErrInvalid, "not sensitive or insensitive"},
		{"bad lang", Entry{Term: "x", Lang: "en us!", Say: "x"}, ErrInvalid, "not a language tag"},
		{"nothing", Entry{Term: "x"}, ErrInvalid, "entry says nothing"},
		{"two actions", Entry{Term: "x", Say: "y", Spell: true}, ErrInvalid, "only one of"},
		{"say injects phonemes", Entry{Term: "x", Say: "[[k'i:v]]"}, ErrInvalid, "plain words"},
		{"say markup", Entry{Term: "x", Say: "<break/>"}, ErrInvalid, "plain words"},
		{"espeak notation", Entry{Term: "Kyiv", Phonemes: "k'i:v"}, ErrInvalid, "is not IPA"},
		{"not ipa", Entry{Term: "Kyiv", Phonemes: "kQv"}, ErrInvalid, "not in the IPA alphabet"},
		{"unsayable", Entry{Term: "Müller", Phonemes: "ˈmylɐ"}, ErrInvalid, "cannot be said"},
		{"flite lacks x", Entry{Term: "Bach", Phonemes: "bax"}, ErrInvalid, `flite cannot say "x"`},
		{"espeak lacks glottal? no: flite", Entry{Term: "uh-oh", Phonemes: "ˈʌʔoʊ"}, ErrInvalid, `flite cannot say "ʔ"`},
		{"only marks", Entry{Term: "x", Phonemes: "ˈː"}, ErrInvalid, "only stress or length"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.e.WithDefaults())
			if tt.kind == nil {
				if err != nil {
					t.Fatalf("got %v, want valid", err)
				}
				return
			}
			if !errors.Is(err, tt.kind) {
				t.Fatalf("got %v, want %v", err, tt.kind)
			}
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(e.Error(), tt.reason) {
				t.Fatalf("got %q, want it to mention %q", err, tt.reason)
			}
		})
	}
}

func TestValidateSet(t *testing.T) {
	tests := []struct {
		name    string
		entries []Entry
		kind    error
		reason  string
	}{
		{"chain without loop", []Entry{{Term: "A", Say: "B"}, {Term: "B", Say: "C"}}, nil, ""},
		{"self reference", []Entry{{Term: "UN", Say: "U N"}, {Term: "U", Say: "you"}}, nil, ""},
		{"own term in respelling", []Entry{{Term: "Kyiv", Say: "Kyiv city"}}, nil, ""},
		{"duplicate", []Entry{{Term: "Kyiv", Say: "keev"}, {Term: "KYIV", Say: "kiev"}}, ErrDuplicate, "duplicate of entry 1"},
		{"same term other language", []Entry{{Term: "Kyiv", Say: "keev"}, {Term: "Kyiv", Lang: "de", Say: "kiew"}}, nil, ""},
		{"loop of two", []Entry{{Term: "A", Say: "B"}, {Term: "B", Say: "A"}}, ErrLoop, `"A" → "B" → "A"`},
		{"loop of three", []Entry{{Term: "x", Say: "y"}, {Term: "y", Say: "zed"}, {Term: "zed", Say: "the x"}}, ErrLoop, `"x" → "y" → "zed" → "x"`},
		{"loop through phrase", []Entry{{Term: "New York", Match: MatchPhrase, Say: "NYC"}, {Term: "NYC", Say: "new york"}}, ErrLoop, "loop"},
		{"languages apart", []Entry{{Term: "A", Lang: "en", Say: "B"}, {Term: "B", Lang: "de", Say: "A"}}, nil, ""},
		{"invalid entry has its line", []Entry{{Term: "ok", Say: "fine"}, {Term: "", Say: "x"}}, ErrInvalid, "entry 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := make([]Entry, len(tt.entries))
			for i, e := range tt.entries {
				es[i] = e.WithDefaults()
			}
			err := ValidateSet(es)
			if tt.kind == nil {
				if err != nil {
					t.Fatalf("got %v, want valid", err)
				}
				return
			}
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.reason) {
				t.Fatalf("got %v, want %v mentioning %q", err, tt.kind, tt.reason)
			}
		})
	}
}

func TestWithDefaults(t *testing.T) {
	got := Entry{Term: "  Xi \t Jinping ", Lang: " EN_gb", Say: " shee  jin ", Phonemes: "ʃiː\n dʒɪn "}.WithDefaults()
	want := Entry{Term: "Xi Jinping", Lang: "en-gb", Match: MatchWord, Case: CaseInsensitive, Say: "shee jin", Phonemes: "ʃiː dʒɪn"}
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}
