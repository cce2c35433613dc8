package lexicon

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// checkImported holds for whatever an import accepts: every entry is
// valid, the set is, and exporting then importing gives the same entries.
func checkImported(t *testing.T, got []Entry, write func(*bytes.Buffer, []Entry) error, read func(*bytes.Buffer) ([]Entry, error)) {
	t.Helper()
	if err := ValidateSet(got); err != nil {
		t.Fatalf("accepted an invalid lexicon: %v", err)
	}
	var b bytes.Buffer
	if err := write(&b, got); err != nil {
		t.Fatal(err)
	}
	again, err := read(&b)
	if err != nil {
		t.Fatalf("re-import of the export: %v\n%s", err, b.String())
	}
	if !slices.Equal(got, again) {
		t.Fatalf("round trip changed the entries:\n%+v\n%+v", got, again)
	}
}

func FuzzReadPLS(f *testing.F) {
	var b bytes.Buffer
	_ = WritePLS(&b, sampleEntries(), "en")
	f.Add(b.String())
	f.Add(plsHead + `<lexeme><grapheme>Kyiv</grapheme><phoneme>ˈkiːv</phoneme></lexeme></lexicon>`)
	f.Add(`<!DOCTYPE x [<!ENTITY a "b">]>` + plsHead + `</lexicon>`)
	f.Fuzz(func(t *testing.T, doc string) {
		got, err := ReadPLS(strings.NewReader(doc), 1<<16)
		if err != nil {
			return
		}
		checkImported(t, got,
			func(b *bytes.Buffer, es []Entry) error { return WritePLS(b, es, "en") },
			func(b *bytes.Buffer) ([]Entry, error) { return ReadPLS(b, 0) })
	})
}

func FuzzReadCSV(f *testing.F) {
	var b bytes.Buffer
	_ = WriteCSV(&b, sampleEntries())
	f.Add(b.String())
	f.Add("term,say\nKyiv,keev\n")
	f.Add("term,phonemes,lang\nKyiv,ˈkiːv,en\n")
	f.Fuzz(func(t *testing.T, doc string) {
		got, err := ReadCSV(strings.NewReader(doc), 1<<16)
		if err != nil {
			return
		}
		checkImported(t, got,
			func(b *bytes.Buffer, es []Entry) error { return WriteCSV(b, es) },
			func(b *bytes.Buffer) ([]Entry, error) { return ReadCSV(b, 0) })
	})
}

// FuzzFind checks the matcher on any text: spans are in order, inside the
// text, on the written text they claim, never overlapping.
func FuzzFind(f *testing.F) {
	d, _ := Default()
	m := Compile(append(sampleEntries(), d...), "")
	f.Add("The U.S. and the UN met in Kyiv's centre; Xi Jinping spoke.")
	f.Add("AT&T\xffUS")
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, r := range m.Find(text) {
			if r.Span[0] < last || r.Span[1] <= r.Span[0] || r.Span[1] > len(text) || text[r.Span[0]:r.Span[1]] != r.Written {
				t.Fatalf("bad span %v after %d in %q", r.Span, last, text)
			}
			last = r.Span[1]
			for _, eng := range []string{EngineEspeak, EngineFlite} {
				if len(m.Spoken(r, eng)) == 0 && r.Entry.Kind() != KindSpell && r.Entry.Kind() != KindAsWord {
					t.Fatalf("no spoken form for %q", r.Written)
				}
			}
		}
	})
}

func FuzzToEngines(f *testing.F) {
	f.Add("ˈkiːv")
	f.Add("t͡ʃaɪ ˌn̩ː")
	f.Fuzz(func(t *testing.T, ipa string) {
		if e, err := ToEspeak(ipa); err == nil && (strings.Contains(e, "]]") || strings.Contains(e, "[[")) {
			t.Fatalf("espeak notation %q breaks out of its brackets", e)
		}
		if f, err := ToFlite(ipa); err == nil {
			for _, p := range strings.Fields(f) {
				if !fliteVowels[strings.TrimRight(p, "01")] && !fliteConsonants[p] || p == "ax1" {
					t.Fatalf("flite phone %q of %q is not in flite's phone set", p, ipa)
				}
			}
		}
	})
}
