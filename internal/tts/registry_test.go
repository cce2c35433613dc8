package tts_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"aloud/internal/tts"
)

func newRegistry(withFlite bool) *tts.Registry {
	espeak := &fakeEngine{name: "espeak", voices: voicesOf("espeak", "de", "en-us", "en-gb", "fr-fr", "fr-be", "pt-br"),
		prefer: map[string]string{"fr": "fr-fr", "en": "en-gb"}}
	if !withFlite {
		return tts.NewRegistry(espeak)
	}
	flite := &fakeEngine{name: "flite", voices: voicesOf("flite", "rms", "slt")}
	return tts.NewRegistry(flite, espeak)
}

func TestDefaultVoice(t *testing.T) {
	for _, tc := range []struct {
		lang      string
		withFlite bool
		want      string
	}{
		{"en", true, "flite:rms"},
		{"en-GB", true, "flite:rms"},
		{"en_US", true, "flite:rms"},
		{"en", false, "espeak:en-us"},
		{"en-GB", false, "espeak:en-gb"},
		{"de", true, "espeak:de"},
		{"de-AT", true, "espeak:de"},
		{"fr", true, "espeak:fr-fr"},
		{"fr-BE", true, "espeak:fr-be"},
		{"pt-BR", true, "espeak:pt-br"},
		{"tlh", true, ""},
		{"", true, ""},
	} {
		if got := newRegistry(tc.withFlite).DefaultVoice(tc.lang); got != tc.want {
			t.Errorf("DefaultVoice(%q) with flite=%v = %q, want %q", tc.lang, tc.withFlite, got, tc.want)
		}
	}
}

func TestLookup(t *testing.T) {
	r := newRegistry(true)
	e, name, err := r.Lookup("flite:rms")
	if err != nil || e.Name() != "flite" || name != "rms" {
		t.Errorf("Lookup(flite:rms) = %v, %q, %v", e, name, err)
	}
	for _, id := range []string{"espeak:de", "Espeak:DE"} {
		e, name, err = r.Lookup(id)
		if err != nil || e.Name() != "espeak" || name != "de" {
			t.Errorf("Lookup(%s) = %v, %q, %v", id, e, name, err)
		}
	}
	for _, id := range []string{"flite:nosuch", "espeak:rms", "nosuch:rms", "rms", "", "flite:", "flite:rms extra"} {
		_, _, err := r.Lookup(id)
		if !errors.Is(err, tts.ErrUnknownVoice) {
			t.Errorf("Lookup(%q): got %v, want ErrUnknownVoice", id, err)
			continue
		}
		if !strings.Contains(err.Error(), "flite:rms, flite:slt, espeak:de") {
			t.Errorf("Lookup(%q) error %q does not list the valid voices", id, err)
		}
	}
}

func TestLookupNoVoices(t *testing.T) {
	broken := &fakeEngine{name: "espeak", VoicesFn: func(context.Context) ([]tts.Voice, error) {
		return nil, errors.New("espeak-ng not found")
	}}
	_, _, err := tts.NewRegistry(broken).Lookup("espeak:de")
	if !errors.Is(err, tts.ErrUnknownVoice) || !strings.Contains(err.Error(), "espeak-ng not found") {
		t.Errorf("got %v, want ErrUnknownVoice naming why no voices are installed", err)
	}
}

func TestParseVoice(t *testing.T) {
	for id, want := range map[string][2]string{
		"flite:rms":      {"flite", "rms"},
		"espeak:en-us":   {"espeak", "en-us"},
		"espeak:en:x":    {"espeak", "en:x"},
		"flite":          {},
		":rms":           {},
		"flite:":         {},
		"flite:r ms":     {},
		"espeak:de\x00x": {},
	} {
		e, n, err := tts.ParseVoice(id)
		if want == ([2]string{}) {
			if !errors.Is(err, tts.ErrUnknownVoice) {
				t.Errorf("ParseVoice(%q): got %v, want ErrUnknownVoice", id, err)
			}
			continue
		}
		if err != nil || e != want[0] || n != want[1] {
			t.Errorf("ParseVoice(%q) = %q, %q, %v, want %q, %q", id, e, n, err, want[0], want[1])
		}
	}
}

func TestVoiceID(t *testing.T) {
	if got := (tts.Voice{Engine: "espeak", Name: "de"}).ID(); got != "espeak:de" {
		t.Errorf("ID() = %q, want espeak:de", got)
	}
}

func TestVoiceForUnknownLanguage(t *testing.T) {
	r := newRegistry(true)
	if id, err := r.VoiceFor("de-AT"); err != nil || id != "espeak:de" {
		t.Errorf("VoiceFor(de-AT) = %q, %v; want espeak:de", id, err)
	}
	_, err := r.VoiceFor("tlh")
	if !errors.Is(err, tts.ErrNoVoiceForLanguage) {
		t.Fatalf("VoiceFor(tlh): got %v, want ErrNoVoiceForLanguage", err)
	}
	for _, want := range []string{`"tlh"`, "de (espeak:de)", "en (flite:rms, 2 voices)", "fr (espeak:fr-fr, 2 voices)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}

func TestDefaultVoiceOtherEngines(t *testing.T) {
	other := &fakeEngine{name: "http", voices: []tts.Voice{{Engine: "http", Name: "kokoro", Languages: []string{"ja"}}}}
	r := tts.NewRegistry(other)
	if got := r.DefaultVoice("ja-JP"); got != "http:kokoro" {
		t.Errorf("DefaultVoice(ja-JP) = %q, want http:kokoro", got)
	}
}
