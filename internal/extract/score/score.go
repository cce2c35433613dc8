// Package score implements the metric of the article-extraction benchmark
// (see ../shared/benchmarks/article-extraction/README.md): 4-token shingles,
// per-page precision and recall, macro averages over pages and F1 as the
// harmonic mean of the two averages. It is used by the extractor's corpus
// test and by the check that it reproduces the published figures.
package score

import (
	"strings"
	"unicode"
)

// shingleSize is the number of tokens per shingle in the benchmark metric.
const shingleSize = 4

// Page is the score of one prediction against its ground truth.
type Page struct {
	Precision float64
	Recall    float64
	// HasPrecision is false when the prediction has no shingles: such a
	// page is left out of the precision average, as upstream does.
	HasPrecision bool
	// Exact is true when the token sequences are equal.
	Exact bool
}

// Result is a corpus-level score.
type Result struct {
	Precision float64
	Recall    float64
	F1        float64
	Accuracy  float64
	Pages     int
}

// Tokens splits text into maximal runs of letters, numbers and underscores.
// Everything else, combining marks and zero-width characters included,
// separates tokens.
func Tokens(text string) []string {
	var toks []string
	start := -1
	for i, r := range text {
		word := r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			toks = append(toks, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, text[start:])
	}
	return toks
}

// shingles is the multiset of overlapping 4-token sequences of toks; a
// text of 1 to 3 tokens is one shorter shingle.
func shingles(toks []string) map[string]int {
	m := make(map[string]int)
	if len(toks) == 0 {
		return m
	}
	if len(toks) < shingleSize {
		m[strings.Join(toks, "\x00")]++
		return m
	}
	for i := 0; i+shingleSize <= len(toks); i++ {
		m[strings.Join(toks[i:i+shingleSize], "\x00")]++
	}
	return m
}

// ScorePage compares one prediction with its ground truth.
func ScorePage(truth, pred string) Page {
	tt, pt := Tokens(truth), Tokens(pred)
	ts, ps := shingles(tt), shingles(pt)
	tp, nt, np := 0, 0, 0
	for k, c := range ts {
		nt += c
		tp += min(c, ps[k])
	}
	for _, c := range ps {
		np += c
	}
	fp, fn := np-tp, nt-tp
	p := Page{Exact: equalTokens(tt, pt), HasPrecision: np > 0}
	switch {
	case fp == 0 && fn == 0:
		p.Precision, p.Recall, p.HasPrecision = 1, 1, true
	case np == 0:
		p.Recall = 0
	default:
		p.Precision = float64(tp) / float64(tp+fp)
		p.Recall = float64(tp) / float64(tp+fn)
	}
	return p
}

// Corpus macro-averages page scores: F1 is the harmonic mean of the mean
// precision and the mean recall, not the mean of per-page F1 values.
func Corpus(pages []Page) Result {
	r := Result{Pages: len(pages)}
	np, exact := 0, 0
	for _, p := range pages {
		if p.HasPrecision {
			r.Precision += p.Precision
			np++
		}
		r.Recall += p.Recall
		if p.Exact {
			exact++
		}
	}
	if np > 0 {
		r.Precision /= float64(np)
	}
	if len(pages) > 0 {
		r.Recall /= float64(len(pages))
		r.Accuracy = float64(exact) / float64(len(pages))
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
