package main

import (
	"math"
	"strings"
	"testing"
)

func TestRespell(t *testing.T) {
	for _, tc := range []struct {
		lang, in, want string
		ok             bool
	}{
		{"en", "The E U's fund.", "The ee you's fund.", true},
		{"en", "the EU's fund", "the ee you's fund", true},
		{"en", "Several CEOs of firms", "Several see ee ohs of firms", true},
		{"en", "the A A, warned", "the eigh eigh, warned", true},
		{"en", "A spokesman said I agree", "A spokesman said I agree", true},
		{"en", "about 25,000 passengers", "about 25,000 passengers", false},
		{"de", "des ADAC warnten", "des ah deh ah zeh warnten", true},
	} {
		got, ok := respell(tc.lang, tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("respell(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestWordErrorRate(t *testing.T) {
	ref := words("The E U's fund rose by Dr. Müller's count.")
	for hyp, want := range map[string]float64{
		"the e u's fund rose by dr mueller's count": 0,
		"the e u's fund rose by dr mueller's":       1.0 / 9,
		"a e u's fund rows by dr mueller's count":   2.0 / 9,
		"": 1,
	} {
		if got := wordErrorRate(ref, words(hyp)); math.Abs(got-want) > 1e-9 {
			t.Errorf("WER(%q) = %.3f, want %.3f (ref %q)", hyp, got, want, strings.Join(ref, " "))
		}
	}
}
