package score

import (
	"sort"
	"strings"
)

// F1 is the page's harmonic mean of precision and recall; 0 for a page
// with no true positives.
func (p Page) F1() float64 {
	if p.Precision+p.Recall == 0 {
		return 0
	}
	return 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
}

// PageMean is the summary of the second benchmark's metric
// (../shared/benchmarks/article-extraction-readability/README.md): the
// same per-page scores, reported as the mean and median page F1.
type PageMean struct {
	Pages  int
	Mean   float64
	Median float64
	Under  int // pages with F1 under 0.8
	Empty  int // pages whose prediction has no tokens
	Titles int // exact title matches, case and white space folded
}

// EvaluateMean scores predictions by page F1. titles may be nil; when
// given, its entries are compared with each truth entry's Title.
func EvaluateMean(truth map[string]Entry, pred, titles map[string]string) (PageMean, map[string]Page) {
	_, byID := Evaluate(truth, pred)
	m := PageMean{Pages: len(byID)}
	f1s := make([]float64, 0, len(byID))
	for id, p := range byID {
		f := p.F1()
		f1s = append(f1s, f)
		m.Mean += f
		if f < 0.8 {
			m.Under++
		}
		if len(Tokens(pred[id])) == 0 {
			m.Empty++
		}
		if titles != nil && SameTitle(truth[id].Title, titles[id]) {
			m.Titles++
		}
	}
	if len(f1s) == 0 {
		return m, byID
	}
	m.Mean /= float64(len(f1s))
	sort.Float64s(f1s)
	if n := len(f1s); n%2 == 1 {
		m.Median = f1s[n/2]
	} else {
		m.Median = (f1s[n/2-1] + f1s[n/2]) / 2
	}
	return m, byID
}

// SameTitle compares titles with case and runs of white space folded.
func SameTitle(a, b string) bool {
	return strings.Join(strings.Fields(strings.ToLower(a)), " ") ==
		strings.Join(strings.Fields(strings.ToLower(b)), " ")
}
