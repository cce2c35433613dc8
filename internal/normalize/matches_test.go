package normalize

import (
	"testing"

	lex "aloud/internal/lexicon"
)

// matcherFor adapts a compiled lexicon to Options.Matches, as the
// renderer does.
func matcherFor(t testing.TB, lang, engine string, entries ...lex.Entry) func(string) []LexiconMatch {
	t.Helper()
	for i := range entries {
		entries[i] = entries[i].WithDefaults()
		if err := lex.Validate(entries[i]); err != nil {
			t.Fatalf("entry %q: %v", entries[i].Term, err)
		}
	}
	m := lex.Compile(entries, lang)
	return func(s string) []LexiconMatch {
		var out []LexiconMatch
		for _, r := range m.Find(s) {
			out = append(out, LexiconMatch{Span: r.Span, Spoken: m.Spoken(r, engine)})
		}
		return out
	}
}

func TestMatches(t *testing.T) {
	kyiv := lex.Entry{Term: "Kyiv", Say: "keev"}
	tests := []struct {
		name    string
		lang    string
		engine  string
		entries []lex.Entry
		in      string
		want    string
	}{
		{"respelling", "en", "espeak", []lex.Entry{kyiv}, "Kyiv is calm.", "keev is calm."},
		{"possessive keeps the rest", "en", "espeak", []lex.Entry{kyiv}, "Kyiv's mayor", "keev's mayor"},
		{"hyphen keeps the rest", "en", "espeak", []lex.Entry{kyiv}, "Kyiv-based firms", "keev based firms"},
		{"punctuation kept", "en", "espeak", []lex.Entry{kyiv}, `"Kyiv," he said`, `"keev," he said`},
		{"inside a word: no match", "en", "espeak", []lex.Entry{kyiv}, "Kyivstar grew", "Kyivstar grew"},
		{"case sensitive", "en", "espeak", []lex.Entry{{Term: "US", Case: lex.CaseSensitive, Say: "you ess"}}, "US and us", "you ess and us"},
		{"phrase covers words", "en", "espeak", []lex.Entry{{Term: "New York", Match: lex.MatchPhrase, Say: "noo york"}}, "In New York today", "In noo york today"},
		{"spell", "en", "espeak", []lex.Entry{{Term: "NASA", Spell: true}}, "NASA said", "N A S A said"},
		{"as word", "en", "espeak", []lex.Entry{{Term: "BBC", AsWord: true}}, "the BBC reported", "the bbc reported"},
		{"phonemes espeak", "en", "espeak", []lex.Entry{{Term: "Moscow", Phonemes: "ˈmɒskaʊ"}}, "Moscow replied", "[[m'0skaU]] replied"},
		{"lang filter", "en", "espeak", []lex.Entry{{Term: "Kyiv", Lang: "de", Say: "kiew"}}, "Kyiv", "Kyiv"},
		{"before number rules", "en", "espeak", []lex.Entry{{Term: "G7", Say: "gee seven"}}, "The G7 met 3 times", "The gee seven met three times"},
		{"german respelling", "de", "espeak", []lex.Entry{{Term: "Kyjiw", Say: "Kiew"}}, "In Kyjiw am 3. Oktober", "In Kiew am dritten Oktober"},
		{"german possessive", "de", "espeak", []lex.Entry{{Term: "Kyjiw", Say: "Kiew"}}, "Kyjiw's Bürgermeister", "Kiew's Bürgermeister"},
		{"german phrase", "de", "espeak", []lex.Entry{{Term: "Olaf Scholz", Match: lex.MatchPhrase, Say: "Olaf Scholtz"}}, "Olaf Scholz sagte", "Olaf Scholtz sagte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := New(Options{Lang: tt.lang, Matches: matcherFor(t, tt.lang, tt.engine, tt.entries...)})
			if err != nil {
				t.Fatal(err)
			}
			got := n.Normalize(tt.in)
			if got.Text != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got.Text, tt.want)
			}
			checkSpans(t, tt.in, got.Tokens)
		})
	}
}

// checkSpans asserts the span contract: in order and inside the input.
func checkSpans(t *testing.T, in string, toks []Token) {
	t.Helper()
	prev := 0
	for _, tk := range toks {
		if tk.Span[0] < prev || tk.Span[1] < tk.Span[0] || tk.Span[1] > len(in) {
			t.Errorf("token %q span %v out of order or range (input %d bytes)", tk.Spoken, tk.Span, len(in))
		}
		prev = tk.Span[0]
	}
}

// TestMatchesSpan checks a match's tokens carry its written span, so the
// timeline highlights the written word.
func TestMatchesSpan(t *testing.T) {
	in := "Talks in Kyiv's centre"
	n, err := New(Options{Matches: matcherFor(t, "en", "espeak", lex.Entry{Term: "Kyiv", Say: "keev"})})
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range n.Normalize(in).Tokens {
		if tk.Spoken == "keev's" && tk.Span != [2]int{9, 13} {
			t.Errorf("keev's span = %v, want [9 13]", tk.Span)
		}
	}
}

// TestMatchesOncePerInput: the hook runs once per Normalize call.
func TestMatchesOncePerInput(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		calls := 0
		n, err := New(Options{Lang: lang, Matches: func(string) []LexiconMatch { calls++; return nil }})
		if err != nil {
			t.Fatal(err)
		}
		n.Normalize("one two three. Four five.")
		if calls != 1 {
			t.Errorf("%s: Matches called %d times, want 1", lang, calls)
		}
	}
}

// FuzzNormalizeMatches runs English and German with a lexicon hook over
// arbitrary text: spans stay in order and inside the input, no token is
// empty, and no rule panics (run without the recover net).
func FuzzNormalizeMatches(f *testing.F) {
	for _, s := range []string{
		"Kyiv's mayor", "Kyiv-based", "(Kyiv)", "U.S.-Kyiv talks", "New York, New York.",
		"NASA's G7 BBC", "\"Moscow,\" he said", "In Kyjiw am 3. Oktober", "Kyiv Kyiv\xffKyiv",
		"G7-Gipfel", "'Kyiv'", "New\nYork", "Moscow's 1990s", "#Kyiv @Kyiv kyiv.com",
	} {
		f.Add(s)
	}
	entries := []lex.Entry{
		{Term: "Kyiv", Say: "keev"}, {Term: "New York", Match: lex.MatchPhrase, Say: "noo york"},
		{Term: "NASA", Spell: true}, {Term: "BBC", AsWord: true}, {Term: "G7", Say: "gee seven"},
		{Term: "Moscow", Phonemes: "ˈmɒskaʊ"}, {Term: "Kyjiw", Say: "Kiew"},
	}
	var ns []*Normalizer
	for _, lang := range []string{"en", "de"} {
		n, err := New(Options{Lang: lang, Matches: matcherFor(f, lang, "espeak", entries...)})
		if err != nil {
			f.Fatal(err)
		}
		ns = append(ns, n)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, n := range ns {
			checkResult(t, in, n.normalize(in))
		}
	})
}
