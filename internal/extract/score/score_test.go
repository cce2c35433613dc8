package score

import (
	"math"
	"path/filepath"
	"reflect"
	"testing"

	"aloud/internal/testenv"
)

func TestTokens(t *testing.T) {
	cases := map[string][]string{
		"":                                 nil,
		"Hello, world!":                    {"Hello", "world"},
		"snake_case x2 3.14":               {"snake_case", "x2", "3", "14"},
		"café naïve":                       {"café", "naïve"},
		"e\u0301t\u00e9":                   {"e", "té"}, // a combining mark separates
		"soft\u00adhyphen zero\u200bwidth": {"soft", "hyphen", "zero", "width"},
		"Москва 東京 서울":                     {"Москва", "東京", "서울"},
		"“quoted”—dash":                    {"quoted", "dash"},
	}
	for in, want := range cases {
		if got := Tokens(in); !reflect.DeepEqual(got, want) {
			t.Errorf("Tokens(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScorePage(t *testing.T) {
	cases := []struct {
		name, truth, pred string
		p, r              float64
		hasP, exact       bool
	}{
		{"identical", "a b c d e", "a b c d e", 1, 1, true, true},
		{"whitespace and punctuation ignored", "a b c d e", "a, b\n\nc d. e", 1, 1, true, true},
		{"empty prediction", "a b c d e", "", 0, 0, false, false},
		{"extra tail", "a b c d", "a b c d e", 0.5, 1, true, false},
		{"missing tail", "a b c d e", "a b c d", 1, 0.5, true, false},
		{"short texts", "a b", "a b", 1, 1, true, true},
		{"disjoint", "a b c d", "w x y z", 0, 0, true, false},
		{"case sensitive", "a b c d", "A b c d", 0, 0, true, false},
	}
	for _, c := range cases {
		got := ScorePage(c.truth, c.pred)
		if math.Abs(got.Precision-c.p) > 1e-9 || math.Abs(got.Recall-c.r) > 1e-9 ||
			got.HasPrecision != c.hasP || got.Exact != c.exact {
			t.Errorf("%s: got %+v, want p=%v r=%v hasP=%v exact=%v", c.name, got, c.p, c.r, c.hasP, c.exact)
		}
	}
}

func TestCorpusMacroAverage(t *testing.T) {
	r := Corpus([]Page{
		{Precision: 1, Recall: 0.5, HasPrecision: true},
		{Recall: 0}, // empty prediction: out of precision, in recall
		{Precision: 0.5, Recall: 1, HasPrecision: true, Exact: true},
	})
	if math.Abs(r.Precision-0.75) > 1e-9 || math.Abs(r.Recall-0.5) > 1e-9 {
		t.Fatalf("got p=%v r=%v, want 0.75 and 0.5", r.Precision, r.Recall)
	}
	if want := 2 * 0.75 * 0.5 / 1.25; math.Abs(r.F1-want) > 1e-9 {
		t.Errorf("got F1 %v, want %v", r.F1, want)
	}
	if math.Abs(r.Accuracy-1.0/3) > 1e-9 {
		t.Errorf("got accuracy %v, want 1/3", r.Accuracy)
	}
}

// TestPublishedOutputs checks the scorer against the figures the benchmark
// README publishes for each saved extractor output.
func TestPublishedOutputs(t *testing.T) {
	dir := testenv.SharedFile(t, "benchmarks/article-extraction")
	truth, err := LoadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][3]float64{
		"AutoExtract.json":         {0.984493, 0.955970, 0.970022},
		"rs_trafilatura.json":      {0.951014, 0.989665, 0.969955},
		"go_trafilatura.json":      {0.940304, 0.979880, 0.959684},
		"trafilatura.json":         {0.938289, 0.977519, 0.957503},
		"readability_js.json":      {0.913944, 0.981993, 0.946748},
		"go_readability_fork.json": {0.913952, 0.981963, 0.946738},
	}
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			out, err := LoadFile(filepath.Join(dir, "published-outputs", name))
			if err != nil {
				t.Fatal(err)
			}
			pred := make(map[string]string, len(out))
			for id, e := range out {
				pred[id] = e.Body()
			}
			got, _ := Evaluate(truth, pred)
			for i, g := range []float64{got.Precision, got.Recall, got.F1} {
				if math.Abs(g-w[i]) >= 0.0005 {
					t.Errorf("metric %d: got %.6f, want %.6f (p=%.6f r=%.6f f1=%.6f)",
						i, g, w[i], got.Precision, got.Recall, got.F1)
				}
			}
		})
	}
}

func TestEvaluateMean(t *testing.T) {
	body := func(s string) *string { return &s }
	truth := map[string]Entry{
		"a": {ArticleBody: body("one two three four five"), Title: "The  Title"},
		"b": {ArticleBody: body("six seven eight nine"), Title: "Other"},
		"c": {ArticleBody: body("ten eleven twelve thirteen"), Title: "x"},
	}
	pred := map[string]string{"a": "one two three four five", "b": "six seven eight nine ten"}
	titles := map[string]string{"a": "the title", "b": "other!", "c": "x"}
	m, _ := EvaluateMean(truth, pred, titles)
	// a: F1 1; b: P 0.5, R 1, F1 2/3; c: empty, F1 0.
	if math.Abs(m.Mean-(1+2.0/3)/3) > 1e-9 || math.Abs(m.Median-2.0/3) > 1e-9 {
		t.Errorf("mean %v median %v", m.Mean, m.Median)
	}
	if m.Under != 2 || m.Empty != 1 || m.Titles != 2 || m.Pages != 3 {
		t.Errorf("got %+v", m)
	}
}
