package rule

import (
	"strings"
	"testing"
)

// table is a tiny language: "Dr." is "doctor" (reading its period), and
// "a b" is one rule over two words.
func table() *Engine {
	return New([]Rule{
		{Name: "pair", Match: func(t *Text, i int) (Match, bool) {
			if i+1 < len(t.Words) && t.Words[i].Core == "a" && t.Words[i+1].Core == "b" {
				return Match{N: 2, Tokens: Say(t.Words[i].CS, t.Words[i+1].CE(), "ay bee")}, true
			}
			return Match{}, false
		}},
		{Name: "doctor", Match: func(t *Text, i int) (Match, bool) {
			w := t.Words[i]
			if w.Core == "Dr" && strings.HasPrefix(w.Trail, ".") {
				return Match{N: 1, Tokens: Say(w.CS, w.CE(), "doctor"), Flags: Dot}, true
			}
			return Match{}, false
		}},
		{Name: "bracketed", Match: func(t *Text, i int) (Match, bool) {
			// "(1)" is read as "one", brackets and all.
			w := t.Words[i]
			if w.Core == "1" && strings.HasPrefix(w.Lead, "(") {
				return Match{N: 1, Tokens: Say(w.CS, w.CE(), "one"), ReadLead: "(", ReadTrail: ")"}, true
			}
			return Match{}, false
		}},
		{Name: "wild", Match: func(t *Text, i int) (Match, bool) {
			// Out-of-range spans and empty tokens are repaired by the engine.
			if t.Words[i].Core == "x" {
				return Match{N: 1, Tokens: []Token{{Spoken: "ex", Span: [2]int{-5, 1 << 20}}, {Spoken: ""}}}, true
			}
			return Match{}, false
		}},
	})
}

func TestRun(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Dr. Who", "doctor Who"},
		{"see Dr.", "see doctor."},
		{"(a b), c", "(ay bee), c"},
		{"„Zitat“ , x!", "\"Zitat\" , ex!"},
		{"a", "a"},
		{"... --", "... --"},
		{"\xff a b", "ay bee"},
		{"see (1) now", "see one now"},
		{"see (1), now", "see one), now"}, // ReadTrail is the whole trail or nothing
		{"(\"1\")", "\"one\")"},
	} {
		toks := table().Run(c.in)
		if got := Join(toks); got != c.want {
			t.Errorf("Run(%q) = %q, want %q", c.in, got, c.want)
		}
		Check(t, c.in, toks)
	}
}

// Check fails t when toks break the span contract: in order, inside the
// input, none empty.
func Check(t testing.TB, in string, toks []Token) {
	t.Helper()
	prev := [2]int{0, 0}
	for i, tk := range toks {
		s, e := tk.Span[0], tk.Span[1]
		if s < 0 || e > len(in) || s > e || s < prev[0] || e < prev[1] || tk.Spoken == "" {
			t.Fatalf("%q: token %d %q span %v (previous %v)", in, i, tk.Spoken, tk.Span, prev)
		}
		prev = tk.Span
	}
}

func FuzzRun(f *testing.F) {
	for _, s := range []string{"", "Dr. a b", "x", "((a)) b.", "\xff", "a\u00a0b"} {
		f.Add(s)
	}
	e := table()
	f.Fuzz(func(t *testing.T, in string) {
		Check(t, in, e.Run(in))
	})
}
