package lexicon

import (
	"errors"
	"strings"
	"testing"
)

func TestToEspeakAndFlite(t *testing.T) {
	tests := []struct{ ipa, espeak, flite string }{
		{"ˈkiːv", "k'i:v", "k iy1 v"},
		{"kiːv", "ki:v", "k iy1 v"}, // flite stresses the first vowel of an unstressed word
		{"ˈmɒskaʊ", "m'0skaU", "m aa1 s k aw0"},
		{"ˌɪlɪˈnɔɪ", ",IlIn'OI", "ih0 l ih0 n oy1"},
		{"ʃiː dʒɪnˈpɪŋ", "Si: dZInp'IN", "sh iy1 jh ih0 n p ih1 ng"},
		{"t͡ʃaɪ", "tSaI", "ch ay1"},
		{"ˈbʌtn̩", "b'Vtn-", "b ah1 t ax0 n"},
		{"ˈwʊstɚ", "w'Ust3", "w uh1 s t er0"},
		{"ˈhɪə", "h'i@", "hh ih1 r"},
		{"ˈhæp.i", "h'api", "hh ae1 p iy0"},
		{"əˈbaʊt", "@b'aUt", "ax0 b aw1 t"},
		{"ə", "@", "ah1"}, // flite has no stressed schwa
		{"ˈɡɑːzə", "g'A:z@", "g aa1 z ax0"},
		{"pʰɪn", "pIn", "p ih1 n"}, // aspiration is ignored
	}
	for _, tt := range tests {
		e, err := ToEspeak(tt.ipa)
		if err != nil || e != tt.espeak {
			t.Errorf("ToEspeak(%q) = %q, %v; want %q", tt.ipa, e, err, tt.espeak)
		}
		f, err := ToFlite(tt.ipa)
		if err != nil || f != tt.flite {
			t.Errorf("ToFlite(%q) = %q, %v; want %q", tt.ipa, f, err, tt.flite)
		}
	}
}

func TestIPARefusals(t *testing.T) {
	tests := []struct {
		ipa            string
		espeak, flite  bool // accepted
		reasonContains string
	}{
		{"bax", true, false, `flite cannot say "x"`},
		{"ˈiç", true, false, `flite cannot say "ç"`},
		{"ˈmylɐ", false, false, "cannot be said"},
		{"ʁɔ̃", false, false, "cannot be said"},
		{"kiv1", false, false, "not in the IPA alphabet"},
		{"", false, false, "empty"},
	}
	for _, tt := range tests {
		_, errE := ToEspeak(tt.ipa)
		_, errF := ToFlite(tt.ipa)
		if (errE == nil) != tt.espeak || (errF == nil) != tt.flite {
			t.Errorf("%q: espeak err %v, flite err %v; want espeak ok=%v flite ok=%v", tt.ipa, errE, errF, tt.espeak, tt.flite)
			continue
		}
		err := errF
		if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.reasonContains) {
			t.Errorf("%q: got %v, want ErrInvalid mentioning %q", tt.ipa, err, tt.reasonContains)
		}
	}
}

func TestMarkup(t *testing.T) {
	if got, _ := EspeakMarkup("ˈkiːv"); got != "[[k'i:v]]" {
		t.Errorf("EspeakMarkup = %q", got)
	}
	if got, _ := FliteMarkup("ˈkiːv"); got != "[[k iy1 v]]" {
		t.Errorf("FliteMarkup = %q", got)
	}
	if got, _ := FliteAddendaLine("Kyiv", "ˈkiːv"); got != "kyiv : k iy1 v" {
		t.Errorf("FliteAddendaLine = %q", got)
	}
}
