package lexicon

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sampleEntries cover every kind and rule, and text that needs escaping.
func sampleEntries() []Entry {
	es := []Entry{
		{Term: "Kyiv", Phonemes: "ˈkiːv"},
		{Term: "Xi Jinping", Match: MatchPhrase, Say: "shee jin ping"},
		{Term: "US", Case: CaseSensitive, Spell: true},
		{Term: "NATO", AsWord: true},
		{Term: "AT&T", Lang: "en-us", Spell: true},
		{Term: "Bach", Lang: "de", Say: "bahch"},
		{Term: `"Quoted", term`, Match: MatchPhrase, Say: `say "it" & that`},
	}
	for i := range es {
		es[i] = es[i].WithDefaults()
	}
	return es
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestPLSExportGoldenAndRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := WritePLS(&b, sampleEntries(), "en"); err != nil {
		t.Fatal(err)
	}
	golden(t, "export.pls.golden", b.Bytes())
	got, err := ReadPLS(bytes.NewReader(b.Bytes()), 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, sampleEntries()) {
		t.Fatalf("round trip:\ngot  %+v\nwant %+v", got, sampleEntries())
	}
}

func TestCSVExportGoldenAndRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, sampleEntries()); err != nil {
		t.Fatal(err)
	}
	golden(t, "export.csv.golden", b.Bytes())
	got, err := ReadCSV(bytes.NewReader(b.Bytes()), 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, sampleEntries()) {
		t.Fatalf("round trip:\ngot  %+v\nwant %+v", got, sampleEntries())
	}
}

// A PLS written elsewhere: no aloud attributes, several graphemes, a
// metadata block, the first of several pronunciations.
func TestReadForeignPLS(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
      alphabet="ipa" xml:lang="en-US">
  <metadata><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">News</dc:title></metadata>
  <lexeme>
    <grapheme>Kyiv</grapheme>
    <grapheme>Kiev</grapheme>
    <phoneme>ˈkiːv</phoneme>
    <phoneme>kiˈɛf</phoneme>
  </lexeme>
  <lexeme>
    <grapheme>W3C</grapheme>
    <alias>World Wide Web Consortium</alias>
  </lexeme>
  <lexeme><grapheme>Des Moines</grapheme><phoneme alphabet="ipa">dɪ ˈmɔɪn</phoneme></lexeme>
</lexicon>`
	got, err := ReadPLS(strings.NewReader(doc), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Term: "Kyiv", Lang: "en", Match: MatchWord, Case: CaseInsensitive, Phonemes: "ˈkiːv"},
		{Term: "Kiev", Lang: "en", Match: MatchWord, Case: CaseInsensitive, Phonemes: "ˈkiːv"},
		{Term: "W3C", Lang: "en", Match: MatchWord, Case: CaseInsensitive, Say: "World Wide Web Consortium"},
		{Term: "Des Moines", Lang: "en", Match: MatchPhrase, Case: CaseInsensitive, Phonemes: "dɪ ˈmɔɪn"},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

// countingReader counts the bytes handed out, to prove a refusal stops
// reading.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

const plsHead = `<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en">`

func TestReadPLSRefusals(t *testing.T) {
	t.Parallel()
	huge := plsHead + strings.Repeat("<lexeme><grapheme>"+strings.Repeat("a", 190)+"</grapheme><alias>b</alias></lexeme>", 80000) + "</lexicon>" // 20 MB
	tests := []struct {
		name   string
		doc    string
		kind   error
		reason string
	}{
		{"xxe", `<?xml version="1.0"?><!DOCTYPE lexicon [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + plsHead +
			`<lexeme><grapheme>&xxe;</grapheme><alias>x</alias></lexeme></lexicon>`, ErrMalformed, "DTDs"},
		{"billion laughs", `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>` + plsHead +
			`<lexeme><grapheme>&lol2;</grapheme><alias>x</alias></lexeme></lexicon>`, ErrMalformed, "DTDs"},
		{"undeclared entity", plsHead + `<lexeme><grapheme>&lol;</grapheme><alias>x</alias></lexeme></lexicon>`, ErrMalformed, "not a valid PLS"},
		{"20 MB", huge, ErrTooLarge, "over 5242880 bytes"},
		{"not xml", "Kyiv,keev", ErrMalformed, "no <lexicon>"},
		{"truncated", plsHead + `<lexeme><grapheme>Kyiv`, ErrMalformed, "not a valid PLS"},
		{"wrong root", `<lexicon xmlns="urn:other"/>`, ErrMalformed, "root element"},
		{"x-sampa", strings.Replace(plsHead, `"ipa"`, `"x-sampa"`, 1) + `</lexicon>`, ErrMalformed, `alphabet "x-sampa"`},
		{"phoneme x-sampa", plsHead + `<lexeme><grapheme>a</grapheme><phoneme alphabet="x-sampa">{</phoneme></lexeme></lexicon>`, ErrMalformed, "x-sampa"},
		{"no grapheme", plsHead + `<lexeme><alias>x</alias></lexeme></lexicon>`, ErrInvalid, "no <grapheme>"},
		{"no pronunciation", plsHead + `<lexeme><grapheme>x</grapheme></lexeme></lexicon>`, ErrInvalid, "no <phoneme> or <alias>"},
		{"bad phonemes", plsHead + `<lexeme><grapheme>Kyiv</grapheme><phoneme>k'i:v</phoneme></lexeme></lexicon>`, ErrInvalid, "entry 1: \"Kyiv\": phonemes"},
		{"duplicate", plsHead + `<lexeme><grapheme>a</grapheme><grapheme>A</grapheme><alias>x</alias></lexeme></lexicon>`, ErrDuplicate, "duplicate"},
		{"loop", plsHead + `<lexeme><grapheme>a</grapheme><alias>b</alias></lexeme><lexeme><grapheme>b</grapheme><alias>a</alias></lexeme></lexicon>`, ErrLoop, "loop"},
		{"nested markup", plsHead + `<lexeme><grapheme>a<b/></grapheme><alias>x</alias></lexeme></lexicon>`, ErrMalformed, "unexpected <b>"},
		{"latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?>` + plsHead + `</lexicon>`, ErrMalformed, "not a valid PLS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cr := &countingReader{r: strings.NewReader(tt.doc)}
			_, err := ReadPLS(cr, 0)
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.reason) {
				t.Fatalf("got %v, want %v mentioning %q", err, tt.kind, tt.reason)
			}
			if cr.n > DefaultMaxFileBytes+64<<10 {
				t.Fatalf("read %d bytes, want at most the cap and one buffer", cr.n)
			}
		})
	}
}

func TestReadCSVRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, doc string
		kind      error
		reason    string
	}{
		{"empty", "", ErrMalformed, "empty"},
		{"unknown column", "term,pronunciation\nKyiv,keev\n", ErrMalformed, `unknown column "pronunciation"`},
		{"no term column", "say\nkeev\n", ErrMalformed, "no term column"},
		{"bad quote", "term,say\n\"Kyiv,keev\n", ErrMalformed, "not a valid CSV"},
		{"bad bool", "term,spell\nBBC,maybe\n", ErrInvalid, `entry 1: "BBC": spell`},
		{"regex term", "term,say\nKy.*,keev\n", ErrInvalid, "entry 1"},
		{"duplicate", "term,say\nKyiv,keev\nkyiv,kiev\n", ErrDuplicate, "entry 2"},
		{"too large", "term,say\n" + strings.Repeat("Kyiv,keev\n", 600000), ErrTooLarge, "over"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(tt.doc), 0)
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.reason) {
				t.Fatalf("got %v, want %v mentioning %q", err, tt.kind, tt.reason)
			}
		})
	}
}

func TestReadCSVColumnsAnyOrder(t *testing.T) {
	got, err := ReadCSV(strings.NewReader("\ufeffsay,TERM\nkeev,Kyiv\n"), 0)
	want := []Entry{{Term: "Kyiv", Match: MatchWord, Case: CaseInsensitive, Say: "keev"}}
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("got %+v %v, want %+v", got, err, want)
	}
}

func TestDefaultLexicon(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(d) < 30 {
		t.Fatalf("got %d default entries, want a list of common names and acronyms", len(d))
	}
	m := Compile(d, "en")
	got := render(m, "The WHO and the US told the BBC who told us about NATO and Kyiv.", EngineFlite)
	want := "The {W H O} and the {U S} told the {B B C} who told us about {nato} and {[[k iy1 v]]}."
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if len(Compile(d, "de").index) != 0 {
		t.Fatal("English defaults apply to German text")
	}
}
