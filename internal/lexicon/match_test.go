package lexicon

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func compileT(t *testing.T, lang string, entries ...Entry) *Matcher {
	t.Helper()
	for i := range entries {
		entries[i] = entries[i].WithDefaults()
	}
	if err := ValidateSet(entries); err != nil {
		t.Fatal(err)
	}
	return Compile(entries, lang)
}

// render replaces every match by its spoken tokens for engine, in
// brackets, so a table can show matches and spans at once.
func render(m *Matcher, text, engine string) string {
	var b strings.Builder
	last := 0
	for _, r := range m.Find(text) {
		b.WriteString(text[last:r.Span[0]])
		b.WriteString("{" + strings.Join(m.Spoken(r, engine), " ") + "}")
		last = r.Span[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

func TestFind(t *testing.T) {
	m := compileT(t, "en-GB",
		Entry{Term: "Kyiv", Phonemes: "ˈkiːv"},
		Entry{Term: "Xi Jinping", Match: MatchPhrase, Say: "shee jin ping"},
		Entry{Term: "Xi", Say: "shee"},
		Entry{Term: "US", Case: CaseSensitive, Spell: true},
		Entry{Term: "NATO", AsWord: true},
		Entry{Term: "U.N.", Spell: true},
		Entry{Term: "AT&T", Spell: true},
		Entry{Term: "Moscow", Lang: "en", Say: "moss co"},
		Entry{Term: "Moskau", Lang: "de", Say: "moss cow"},
		Entry{Term: "Nguyen", Case: CaseSensitive, Say: "win"},
		Entry{Term: "nguyen", Case: CaseInsensitive, Lang: "en-gb", Say: "new yen"},
		Entry{Term: "Straße", Say: "strasse"},
	)
	tests := []struct{ in, want string }{
		{"In Kyiv today.", "In {[[k'i:v]]} today."},
		{"KYIV, kyiv and (Kyiv)", "{[[k'i:v]]}, {[[k'i:v]]} and ({[[k'i:v]]})"},
		{"Kyiv's mayor, Kyiv-based", "{[[k'i:v]]}'s mayor, {[[k'i:v]]}-based"},
		{"Kyivan and AKyiv", "Kyivan and AKyiv"},
		{"Xi Jinping met Xi", "{shee jin ping} met {shee}"},
		{"Xi  \n Jinping", "{shee jin ping}"},
		{"Xi-Jinping", "{shee}-Jinping"},
		{"the US and us", "the {U S} and us"},
		{"NATO and nato", "{nato} and {nato}"},
		{"the U.N. said", "the {U N} said"},
		{"U.N.E.S.C.O.", "U.N.E.S.C.O."},
		{"AT&T's deal, AT&Tx", "{A T T}'s deal, AT&Tx"},
		{"Moscow, not Moskau", "{moss co}, not Moskau"},
		{"Nguyen and nguyen", "{win} and {new yen}"},
		{"STRASSE? Straße", "STRASSE? {strasse}"},
		{"", ""},
		{"\xff Kyiv \xfe", "\xff {[[k'i:v]]} \xfe"},
	}
	for _, tt := range tests {
		if got := render(m, tt.in, EngineEspeak); got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpokenPerEngine(t *testing.T) {
	en := compileT(t, "en-us", Entry{Term: "Kyiv", Phonemes: "ˈkiːv"}, Entry{Term: "NATO", AsWord: true})
	de := compileT(t, "de", Entry{Term: "Kyiv", Phonemes: "ˈkiːv"}, Entry{Term: "NATO", AsWord: true})
	for _, tt := range []struct {
		m                  *Matcher
		text, engine, want string
	}{
		{en, "Kyiv", EngineEspeak, "{[[k'i:v]]}"},
		{en, "Kyiv", EngineFlite, "{[[k iy1 v]]}"},
		{en, "Kyiv", "", "{Kyiv}"}, // an engine without a notation hears the written word
		{de, "Kyiv", EngineEspeak, "{Kyiv}"},
		{de, "NATO", EngineEspeak, "{nato}"},
	} {
		if got := render(tt.m, tt.text, tt.engine); got != tt.want {
			t.Errorf("%s for %s: got %q, want %q", tt.text, tt.engine, got, tt.want)
		}
	}
	// An entry that slipped past validation is read as written.
	m := Compile([]Entry{(Entry{Term: "Bach", Phonemes: "bax"}).WithDefaults()}, "en")
	if got := render(m, "Bach", EngineFlite); got != "{Bach}" {
		t.Errorf("unsayable phonemes for flite: got %q, want {Bach}", got)
	}
}

func TestFindSpans(t *testing.T) {
	m := compileT(t, "", Entry{Term: "Xi Jinping", Match: MatchPhrase, Say: "shee"})
	text := "Président Xi  Jinping."
	rs := m.Find(text)
	if len(rs) != 1 {
		t.Fatalf("got %d matches, want 1", len(rs))
	}
	if got := text[rs[0].Span[0]:rs[0].Span[1]]; got != "Xi  Jinping" || rs[0].Written != got || rs[0].Index != 0 {
		t.Fatalf("got span %v %q (written %q, index %d), want \"Xi  Jinping\"", rs[0].Span, got, rs[0].Written, rs[0].Index)
	}
}

func TestTermsAndWordKeys(t *testing.T) {
	m := compileT(t, "en", Entry{Term: "Kyiv", Say: "keev"}, Entry{Term: "Xi Jinping", Match: MatchPhrase, Say: "shee"},
		Entry{Term: "Gaza", Say: "gah za"})
	sents := []string{"Xi Jinping visited KYIV.", "Kyiv's mayor spoke.", "Nothing else."}
	if got, want := m.Terms(sents), []string{"kyiv", "xi jinping"}; !slices.Equal(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
	got := WordKeys(sents)
	want := []string{"else", "jinping", "kyiv", "mayor", "nothing", "s", "spoke", "visited", "xi"}
	if !slices.Equal(got, want) {
		t.Errorf("WordKeys = %q, want %q", got, want)
	}
	if got, want := TermWords("Xi  JINPING"), []string{"jinping", "xi"}; !slices.Equal(got, want) {
		t.Errorf("TermWords = %q, want %q", got, want)
	}
	if got, want := TermKey(" Xi \t Jinping"), "xi jinping"; got != want {
		t.Errorf("TermKey = %q, want %q", got, want)
	}
}

func TestMergePublicationWins(t *testing.T) {
	defs := []Entry{{Term: "Kyiv", Phonemes: "ˈkiːv"}, {Term: "NATO", AsWord: true}}
	pub := []Entry{{Term: "KYIV", Say: "kee iv"}}
	got := Merge(pub, defs)
	if len(got) != 2 || got[0].Say != "kee iv" || got[1].Term != "NATO" {
		t.Fatalf("Merge = %+v", got)
	}
}

func TestVersion(t *testing.T) {
	a := []Entry{{Term: "Kyiv", Say: "keev"}, {Term: "NATO", AsWord: true}}
	b := []Entry{{Term: "NATO", AsWord: true, Match: MatchWord}, {Term: "Kyiv ", Say: "keev"}}
	if Version(a) != Version(b) {
		t.Errorf("order or defaults changed the version: %s vs %s", Version(a), Version(b))
	}
	c := []Entry{{Term: "Kyiv", Say: "keef"}, {Term: "NATO", AsWord: true}}
	if Version(a) == Version(c) {
		t.Errorf("a changed respelling kept version %s", Version(a))
	}
	d := []Entry{{Term: "Kyiv", Say: "keev", Case: CaseSensitive}, {Term: "NATO", AsWord: true}}
	if Version(a) == Version(d) {
		t.Errorf("a changed case rule kept version %s", Version(a))
	}
	if Version(nil) != "0" {
		t.Errorf("empty lexicon version %q, want 0", Version(nil))
	}
	if v := Version(a); !strings.HasPrefix(v, "lx1-") || len(v) != 24 {
		t.Errorf("version %q: want lx1- and 20 hex digits", v)
	}
}

// BenchmarkFind finds 5,000 entries in a news paragraph: the cost is per
// token of text, not per entry.
func BenchmarkFind(b *testing.B) {
	var entries []Entry
	for i := range 5000 {
		entries = append(entries, Entry{Term: fmt.Sprintf("Name%d", i), Say: "x"}.WithDefaults())
	}
	entries = append(entries, Entry{Term: "Kyiv", Say: "keev"}.WithDefaults())
	m := Compile(entries, "en")
	text := strings.Repeat("The mayor of Kyiv said on Tuesday that Name42 and Name4999 would attend the talks. ", 10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if len(m.Find(text)) != 30 {
			b.Fatal("wrong match count")
		}
	}
}

func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{
		"plain":             "plain",
		"say [[k'i:v]] now": "say [ k'i:v]  now",
		"[[[x]]]":           "[ [x] ]",
		"a[b]c":             "a[b]c",
		"\xff[[\xfe]]":      "\xff[ \xfe] ",
	} {
		got := Defuse(in)
		if got != want || len(got) != len(in) {
			t.Errorf("Defuse(%q) = %q, want %q (same length)", in, got, want)
		}
	}
}
