package tnbench

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"aloud/internal/normalize/tnscore"
)

// GermanReport holds the scores on the German benchmark files.
type GermanReport struct {
	Classes   []Score
	PerClass  Score // all line files together
	WithAudio Score // test_cases_normalize_with_audio.txt, any variant
	Identity  float64
}

// RunGerman scores f on dir/de. The German files are "spoken~written"
// (the other way round from English), and outputs are compared with
// tnscore.EqualAnyClosed: closed numbers match the benchmark's open ones.
func RunGerman(dir string, f Func) (GermanReport, error) {
	var r GermanReport
	files, err := filepath.Glob(filepath.Join(dir, "de", "test_cases_*.txt"))
	if err != nil {
		return r, fmt.Errorf("list German cases: %w", err)
	}
	if len(files) == 0 {
		return r, fmt.Errorf("no German cases under %s", filepath.Join(dir, "de"))
	}
	sort.Strings(files)
	r.PerClass.Name = "German per-class (all lines)"
	idRight := 0
	for _, path := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "test_cases_"), ".txt")
		if name == "normalize_with_audio" {
			cases, err := readBlocks(path)
			if err != nil {
				return r, err
			}
			r.WithAudio = scoreClosed("German normalize_with_audio (any variant)", cases, f)
			continue
		}
		cases, err := readLines(path)
		if err != nil {
			return r, err
		}
		for k, c := range cases {
			// spoken~written: the last field is the input.
			cases[k] = testCase{written: c.want[len(c.want)-1], want: []string{c.written}}
		}
		s := scoreClosed(name, cases, f)
		r.Classes = append(r.Classes, s)
		r.PerClass.Right += s.Right
		r.PerClass.Total += s.Total
		r.PerClass.Failures = append(r.PerClass.Failures, s.Failures...)
		idRight += scoreClosed(name, cases, func(s string) string { return s }).Right
	}
	if r.PerClass.Total > 0 {
		r.Identity = 100 * float64(idRight) / float64(r.PerClass.Total)
	}
	return r, nil
}

func scoreClosed(name string, cases []testCase, f Func) Score {
	s := Score{Name: name, Total: len(cases)}
	for _, c := range cases {
		got := f(c.written)
		if tnscore.EqualAnyClosed(got, c.want...) {
			s.Right++
			continue
		}
		s.Failures = append(s.Failures, Failure{Written: c.written, Got: got, Want: c.want})
	}
	return s
}

// Print writes the German table and up to sample failures per set.
func (r GermanReport) Print(w io.Writer, sample int) {
	fmt.Fprintf(w, "%-40s %8s %7s\n", "German set (spaces removed)", "right", "acc")
	for _, s := range r.Classes {
		fmt.Fprintf(w, "  %-38s %4d/%-4d %6.1f%%\n", s.Name, s.Right, s.Total, s.Percent())
	}
	fmt.Fprintf(w, "%-40s %4d/%-4d %6.1f%%   identity %.1f%%\n", r.PerClass.Name, r.PerClass.Right, r.PerClass.Total, r.PerClass.Percent(), r.Identity)
	fmt.Fprintf(w, "%-40s %4d/%-4d %6.1f%%\n", r.WithAudio.Name, r.WithAudio.Right, r.WithAudio.Total, r.WithAudio.Percent())
	for _, s := range []Score{r.PerClass, r.WithAudio} {
		if sample == 0 || len(s.Failures) == 0 {
			continue
		}
		fmt.Fprintf(w, "\nfailures in %s (%d, showing up to %d):\n", s.Name, len(s.Failures), sample)
		for k, f := range s.Failures {
			if k == sample {
				break
			}
			fmt.Fprintf(w, "  in:   %s\n  got:  %s\n  want: %s\n", f.Written, f.Got, strings.Join(f.Want, " | "))
		}
	}
}
