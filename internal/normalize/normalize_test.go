package normalize

import (
	"errors"
	"strings"
	"testing"
	"time"

	"aloud/internal/normalize/tnscore"
)

func newEN(t testing.TB) *Normalizer {
	t.Helper()
	n, err := New(Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The issue's examples, compared exactly (not canonicalised) so that case
// and attached punctuation are checked too.
func TestNormalizeIssueExamples(t *testing.T) {
	n := newEN(t)
	tests := []struct{ in, want string }{
		{"13,000", "thirteen thousand"},
		{"-2", "minus two"},
		{"1.2m", "one point two million"},
		{"the 21st and 2nd", "the twenty first and second"},
		{"$4.2bn", "four point two billion dollars"},
		{"€240 million", "two hundred forty million euros"},
		{"£18,000", "eighteen thousand pounds"},
		{"¥30B", "thirty billion yen"},
		{"96 mm", "ninety six millimeters"},
		{"3.4 metres", "three point four metres"},
		{"25%", "twenty five percent"},
		{"−5 °C", "minus five degrees Celsius"},
		{"100 km/h", "one hundred kilometers per hour"},
		{"Nov. 30", "November thirtieth"},
		{"5 November 2023", "the fifth of November twenty twenty three"},
		{"2023-11-05", "the fifth of November twenty twenty three"},
		{"the 1990s", "the nineteen nineties"},
		{"the '90s", "the nineties"},
		{"in 1871", "in eighteen seventy one"},
		{"1871 residents", "one thousand eight hundred seventy one residents"},
		{"10:30 a.m.", "ten thirty A.M."},
		{"at 4:45 p.m. EST today", "at four forty five P.M E S T today"},
		{"14:00", "fourteen o'clock"},
		{"2010–2015", "twenty ten to twenty fifteen"},
		{"25-30%", "twenty five to thirty percent"},
		{"3/4 of it", "three quarters of it"},
		{"Charles III", "Charles the third"},
		{"World War II", "World War two"},
		{"call +1 123-123-5678", "call plus one, one two three, one two three, five six seven eight"},
		{"see www.example.com", "see www dot example dot com"},
		{"mail a.b@example.org", "mail a dot b at example dot org"},
		{"@aloud", "at aloud"},
		{"Dr. Smith", "doctor Smith"},
		{"St. Louis", "saint Louis"},
		{"Sept. 5", "September fifth"},
		{"Q1", "Q one"},
		{"No. 10", "number ten"},
		{"the UN said", "the U N said"},
		{"the OSCE said", "the O S C E said"},
		{"NATO and UNESCO", "NATO and UNESCO"},
		{"UBS shares", "U B S shares"},
		{"Hello, world.", "Hello, world."},
		{"Is it 5?", "Is it five?"},
		{"in Ukraine,” the paper said", "in Ukraine,\" the paper said"},
		{"It’s 5 o’clock.", "It's five o'clock."},
	}
	for _, tt := range tests {
		if got := n.Normalize(tt.in).Text; got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Cases checked with the benchmark comparison, where case and the
// reading of letters do not matter.
func TestNormalizeCanonical(t *testing.T) {
	n := newEN(t)
	tests := []struct{ in, want string }{
		{"January 22 , 2001 .", "january twenty second two thousand one"},
		{"Retrieved 24 March 2012 .", "retrieved the twenty fourth of march twenty twelve"},
		{"$ 90 billion", "ninety billion dollars"},
		{"$20.50", "twenty dollars fifty cents"},
		{"$0.02", "two cents"},
		{"£2.01", "two pounds one penny"},
		{"$1", "one dollar"},
		{"1/2", "one half"},
		{"5/16", "five sixteenths"},
		{"0.001", "zero point zero zero one"},
		{"1°C", "one degree celsius"},
		{"1:59 p.m.", "one fifty nine pm"},
		{"5pm-7pm", "five pm to seven pm"},
		{"Louis XIV. raised", "louis the fourteenth raised"},
		{"CHAPTER XXXIV.", "chapter thirty four"},
		{"1980-1986", "nineteen eighty to nineteen eighty six"},
		{"mid-1980s", "mid nineteen eighties"},
		{"covid-19", "covid nineteen"},
		{"U.S. troops", "us troops"},
		{"Mrs. Norris", "mrs norris"},
		{"Elm St. It was", "elm street it was"},
		{"ISBN 978-0-19-960563-7", "isbn nine seven eight o one nine nine six o five six three seven"},
		{"Sam & Max", "sam and max"},
		{"24/7 news and the 9/11 attacks", "twenty four seven news and the nine eleven attacks"},
		{"£2.5m-£3m", "two point five million pounds to three million pounds"},
		{"a $10-15m deal", "a ten to fifteen million dollars deal"},
		{"the 2023/24 season", "the twenty twenty three twenty four season"},
		{"10 000 people", "ten thousand people"},
		{"FY2023", "f y twenty twenty three"},
		{"21st-century", "twenty first century"},
		{"It hit 40C.", "it hit forty degrees celsius"},
		{"Call 020 7946 0958", "call zero two zero seven nine four six zero nine five eight"},
		{"Mr. and Mrs. Smith", "mister and missus smith"},
		{"2788 San Tomas Expy, Santa Clara, CA 95051", "twenty seven eighty eight san tomas expressway santa clara california nine five zero five one"},
		{"growth in 2Q22", "growth in the second quarter of twenty two"},
		{"HOT AND COLD BATHS, 50 CENTS.", "hot and cold baths fifty cents"},
		{"Theodosius III. dismissed him", "theodosius the third dismissed him"},
		{"Super Bowl LVIII", "super bowl fifty eight"},
		{"CHAPTER II--MARIUS", "chapter two marius"},
		{"APRIL 1.-This", "april first this"},
		{"in 743 B.C.", "in seven forty three b c"},
		{"at 7:00 P. M., set out", "at seven p m set out"},
		{"Kansas City, Mo., said", "kansas city missouri said"},
		{"September 11 , 1805 .", "september eleventh eighteen o five"},
		{"1980s-90s", "nineteen eighties to nineties"},
		{"(123) 123-5678", "one two three one two three five six seven eight"},
		{"<breathing/> 12", "<breathing/> twelve"},
	}
	for _, tt := range tests {
		got := n.Normalize(tt.in).Text
		if tnscore.Canonical(got) != tnscore.Canonical(tt.want) {
			t.Errorf("Normalize(%q) = %q, want ≈ %q", tt.in, got, tt.want)
		}
	}
}

func TestNewLanguages(t *testing.T) {
	for _, l := range []string{"", "en", "EN", "en-GB", "en-US", "de", "de-AT", "de_CH"} {
		if _, err := New(Options{Lang: l}); err != nil {
			t.Errorf("New(%q): %v", l, err)
		}
	}
	for _, l := range []string{"fr", "english", "deu"} {
		if _, err := New(Options{Lang: l}); !errors.Is(err, ErrUnsupportedLanguage) {
			t.Errorf("New(%q) error = %v, want ErrUnsupportedLanguage", l, err)
		}
	}
}

func TestGermanDispatch(t *testing.T) {
	n, err := New(Options{Lang: "de-DE", Lexicon: []Entry{{Term: "Kyjiw", Respelling: "Kiew"}}})
	if err != nil {
		t.Fatal(err)
	}
	in := "Am 3. Oktober 2023 in Kyjiw."
	res := n.Normalize(in)
	if want := "Am dritten Oktober zweitausenddreiundzwanzig in Kiew."; res.Text != want {
		t.Errorf("German = %q, want %q", res.Text, want)
	}
	checkResult(t, in, res)
}

func TestLexiconBeforeRules(t *testing.T) {
	n, err := New(Options{Lexicon: []Entry{
		{Term: "Nguyen", Respelling: "win"},
		{Term: "Xi Jinping", Respelling: "shee jin ping"},
		{Term: "UN", Respelling: "United Nations"},
		{Term: "Kyiv", Phonemes: "k'i:v"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"Mr. Nguyen met Xi Jinping.", "mister win met shee jin ping."},
		{"the UN, today", "the United Nations, today"},
		{"nguyen", "win"},
		{"Nguyens", "Nguyens"}, // whole words only
		{"in Kyiv", "in [[k'i:v]]"},
	}
	for _, tt := range tests {
		if got := n.Normalize(tt.in).Text; got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpans(t *testing.T) {
	n := newEN(t)
	in := "On Nov. 30, UBS paid $4.2bn (25%)."
	res := n.Normalize(in)
	checkResult(t, in, res)
	// "$4.2bn" must map to the written amount.
	found := false
	for _, tok := range res.Tokens {
		if tok.Spoken == "billion" {
			found = true
			if w := in[tok.Span[0]:tok.Span[1]]; w != "$4.2bn" {
				t.Errorf("span of billion = %q, want $4.2bn", w)
			}
		}
	}
	if !found {
		t.Errorf("no billion token in %q", res.Text)
	}
}

// checkResult asserts the invariants every result must hold.
func checkResult(t testing.TB, in string, res Result) {
	t.Helper()
	prev := [2]int{0, 0}
	parts := make([]string, 0, len(res.Tokens))
	for i, tok := range res.Tokens {
		s, e := tok.Span[0], tok.Span[1]
		if s < 0 || e > len(in) || s > e {
			t.Fatalf("token %d %q span %v outside input of %d bytes", i, tok.Spoken, tok.Span, len(in))
		}
		if s < prev[0] || e < prev[1] {
			t.Fatalf("token %d %q span %v before previous %v", i, tok.Spoken, tok.Span, prev)
		}
		if tok.Spoken == "" {
			t.Fatalf("token %d is empty", i)
		}
		prev = tok.Span
		parts = append(parts, tok.Spoken)
	}
	if got := strings.Join(parts, " "); got != res.Text {
		t.Fatalf("Text %q is not the joined tokens %q", res.Text, got)
	}
}

func TestEmptyAndSpaces(t *testing.T) {
	n := newEN(t)
	for _, in := range []string{"", " ", "\t\n"} {
		if got := n.Normalize(in); got.Text != "" || len(got.Tokens) != 0 {
			t.Errorf("Normalize(%q) = %+v, want empty", in, got)
		}
	}
}

func TestPassThrough(t *testing.T) {
	in := " a\tbb  c\n"
	res := passThrough(in)
	checkResult(t, in, res)
	if res.Text != "a bb c" {
		t.Errorf("passThrough = %q", res.Text)
	}
}

// Long lines of patterns that make look-ahead rules rescan must still
// finish quickly (the rules are bounded, so this is linear) and keep the
// invariants.
func TestLongAdversarialLines(t *testing.T) {
	n := newEN(t)
	for _, unit := range []string{"+1 ", "(", ")", "<a>", "1-", "a--", "(1) ", "IV ", "$1-", "Jan. 1, ", "1/2 ", "—", "12,", "www.", "a.b@"} {
		in := strings.Repeat(unit, 100_000/len(unit))
		start := time.Now()
		res := n.Normalize(in)
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%q×%d took %v", unit, 100_000/len(unit), d)
		}
		checkResult(t, in, res)
	}
}

func TestConcurrentUse(t *testing.T) {
	n := newEN(t)
	in := "On Nov. 30, UBS paid $4.2bn (25%) at 10:30 a.m."
	want := n.Normalize(in).Text
	done := make(chan string)
	for g := 0; g < 8; g++ {
		go func() {
			var got string
			for k := 0; k < 50; k++ {
				got = n.Normalize(in).Text
			}
			done <- got
		}()
	}
	for g := 0; g < 8; g++ {
		if got := <-done; got != want {
			t.Errorf("concurrent result %q, want %q", got, want)
		}
	}
}
