package lexicon

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aloud/internal/proc"
	"aloud/internal/testenv"
)

func output(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := proc.New(2).Output(context.Background(), proc.Cmd{Path: bin, Args: args}, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// Every espeak mnemonic in the table must be a phoneme of espeak-ng's
// English voice: espeak-ng silently drops unknown mnemonics, so each one
// must change what "[[b…@]]" sounds like (its IPA transcription).
func TestEspeakSaysEveryPhone(t *testing.T) {
	t.Parallel()
	bin := testenv.Binary(t, "espeak-ng")
	base := output(t, bin, "-v", "en-us", "-q", "--ipa", "[[b@]]")
	seen := map[string]bool{}
	for _, p := range phones {
		if seen[p.espeak] || p.espeak == "" {
			continue
		}
		seen[p.espeak] = true
		got := output(t, bin, "-v", "en-us", "-q", "--ipa", "[[b"+p.espeak+"@]]")
		if got == base {
			t.Errorf("espeak-ng ignores mnemonic %q (for IPA %q): [[b%s@]] reads %q like [[b@]]", p.espeak, p.ipa, p.espeak, got)
		}
	}
}

// espeak-ng reads the converted notation back as the IPA we started from
// (its own transcription, stress before the vowel).
func TestEspeakReadsConvertedIPA(t *testing.T) {
	bin := testenv.Binary(t, "espeak-ng")
	for _, tt := range []struct{ ipa, want string }{
		{"ˈkiːv", "kˈiːv"},
		{"ʃiː dʒɪnˈpɪŋ", "ʃiː dʒɪnpˈɪŋ"},
		{"ˈɡɑːzə", "ɡˈɑːzə"},
		{"ˈθʌndɚ", "θˈʌndɚ"},
	} {
		m, err := EspeakMarkup(tt.ipa)
		if err != nil {
			t.Fatal(err)
		}
		if got := output(t, bin, "-v", "en-us", "-q", "--ipa", m); got != tt.want {
			t.Errorf("espeak-ng --ipa %s = %q, want %q", m, got, tt.want)
		}
	}
}

// flite must accept every phone of the table and the default lexicon in a
// lexicon addenda and say exactly those phones. The words are made up, so
// flite's letter-to-sound rules could not produce the same phones by
// chance; a refused addenda entry would fall back to them.
func TestFliteAcceptsEveryPhone(t *testing.T) {
	t.Parallel()
	bin := testenv.Binary(t, "flite")
	var ipas []string
	for _, p := range phones {
		if p.flite != "" {
			ipas = append(ipas, "b"+p.ipa)
		}
	}
	defs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range defs {
		if e.Phonemes != "" {
			ipas = append(ipas, e.Phonemes)
		}
	}
	// Pronounceable made-up words: flite spells out words it finds
	// unpronounceable before it looks them up.
	syllables := []string{"ka", "te", "ri", "mo", "lu", "sa", "ne", "vo", "di", "pa", "ge"}
	if len(ipas) > len(syllables)*len(syllables) {
		t.Fatal("too few made-up words")
	}
	var lex strings.Builder
	var words, want []string
	for i, ipa := range ipas {
		word := "zo" + syllables[i/len(syllables)%len(syllables)] + syllables[i%len(syllables)] + "n"
		line, err := FliteAddendaLine(word, ipa)
		if err != nil {
			t.Fatalf("%q: %v", ipa, err)
		}
		lex.WriteString(line + "\n")
		phones, _ := ToFlite(ipa)
		// -ps prints phones without stress digits, and "ah" as "aa" (the
		// voices' phone set merges them).
		var said []string
		for _, p := range strings.Fields(phones) {
			p = strings.TrimRight(p, "01")
			if p == "ah" {
				p = "aa"
			}
			said = append(said, p)
		}
		words = append(words, word)
		want = append(want, strings.Join(said, " "))
	}
	file := filepath.Join(t.TempDir(), "addenda.lex")
	if err := os.WriteFile(file, []byte(lex.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// One flite run says every word as its own sentence; -ps prints the
	// segments of all of them, a pause between sentences.
	out := output(t, bin, "-add_lex", file, "-ps", "-t", strings.Join(words, ". ")+".", "none")
	inner, ok := strings.CutPrefix(strings.Join(strings.Fields(out), " "), "pau ")
	inner, ok2 := strings.CutSuffix(inner, " pau")
	if !ok || !ok2 {
		t.Fatalf("flite -ps output %q does not start and end with a pause", out)
	}
	gotWords := strings.Split(inner, " pau ")
	if len(gotWords) != len(want) {
		t.Fatalf("flite said %d words, want %d: %s", len(gotWords), len(want), out)
	}
	for i := range want {
		if gotWords[i] != want[i] {
			t.Errorf("flite says %s (IPA %q) as %q, want %q", words[i], ipas[i], gotWords[i], want[i])
		}
	}
}
