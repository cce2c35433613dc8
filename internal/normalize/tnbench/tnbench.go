// Package tnbench scores a normalizer on the English text-normalization
// benchmark in ../shared/benchmarks/text-normalization/ (NeMo per-class
// files, GoogleTN and LibriTTS sentences) with the comparison of tnscore.
// It reads files, so it lives apart from the pure normalize package.
package tnbench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"aloud/internal/normalize/tnscore"
)

// Func is the normalizer under test.
type Func func(written string) string

// Failure is one case the normalizer got wrong.
type Failure struct {
	Written string
	Got     string
	Want    []string
}

// Score is the result on one set.
type Score struct {
	Name     string
	Right    int
	Total    int
	Failures []Failure
}

// Percent is the accuracy in percent.
func (s Score) Percent() float64 {
	if s.Total == 0 {
		return 0
	}
	return 100 * float64(s.Right) / float64(s.Total)
}

// Report holds every set's score.
type Report struct {
	Classes    []Score // one per en/test_cases_<class>.txt (line files)
	PerClass   Score   // all line files together
	WithAudio  Score   // test_cases_normalize_with_audio.txt, any variant
	GoogleTN   Score
	LibriTTS   Score
	EngConf    Score              // hand-labelled ambiguous cases: right when equal to a ~~1 variant
	Identities map[string]float64 // identity-baseline accuracy per set name
}

// Run scores f on the English benchmark under dir (the folder holding
// README.md, en/ and de/).
func Run(dir string, f Func) (Report, error) {
	var r Report
	r.Identities = map[string]float64{}
	identity := func(s string) string { return s }
	en := filepath.Join(dir, "en")
	files, err := filepath.Glob(filepath.Join(en, "test_cases_*.txt"))
	if err != nil {
		return r, fmt.Errorf("list cases: %w", err)
	}
	sort.Strings(files)
	r.PerClass.Name = "per-class (all lines)"
	var idRight, idTotal int
	for _, path := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "test_cases_"), ".txt")
		if name == "normalize_with_audio" {
			cases, err := readBlocks(path)
			if err != nil {
				return r, err
			}
			r.WithAudio = score("normalize_with_audio (any variant)", cases, f)
			continue
		}
		cases, err := readLines(path)
		if err != nil {
			return r, err
		}
		s := score(name, cases, f)
		r.Classes = append(r.Classes, s)
		r.PerClass.Right += s.Right
		r.PerClass.Total += s.Total
		r.PerClass.Failures = append(r.PerClass.Failures, s.Failures...)
		id := score(name, cases, identity)
		idRight += id.Right
		idTotal += id.Total
	}
	if idTotal > 0 {
		r.Identities[r.PerClass.Name] = 100 * float64(idRight) / float64(idTotal)
	}
	for _, set := range []struct {
		file string
		dst  *Score
	}{{"GoogleTN.json", &r.GoogleTN}, {"LibriTTS.json", &r.LibriTTS}} {
		cases, err := readJSONL(filepath.Join(en, "eval-sets", set.file))
		if err != nil {
			return r, err
		}
		*set.dst = score(set.file, cases, f)
		r.Identities[set.file] = score(set.file, cases, identity).Percent()
	}
	conf, err := readEngConf(filepath.Join(en, "eval-sets", "EngConf.txt"))
	if err != nil {
		return r, err
	}
	r.EngConf = score("EngConf.txt (any ~~1 variant)", conf, f)
	r.Identities[r.EngConf.Name] = score(r.EngConf.Name, conf, identity).Percent()
	return r, nil
}

// readEngConf reads blocks of "written~~RAW" followed by "variant~~1"
// (acceptable) and "variant~~0" (wrong) lines; "#" lines are the header.
func readEngConf(path string) ([]testCase, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read EngConf: %w", err)
	}
	var cases []testCase
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "":
		case strings.HasSuffix(line, "~~RAW"):
			cases = append(cases, testCase{written: strings.TrimSuffix(line, "~~RAW")})
		case strings.HasSuffix(line, "~~1") && len(cases) > 0:
			c := &cases[len(cases)-1]
			c.want = append(c.want, strings.TrimSuffix(line, "~~1"))
		}
	}
	return cases, nil
}

// testCase is one written input and its accepted spoken forms.
type testCase struct {
	written string
	want    []string
}

func score(name string, cases []testCase, f Func) Score {
	s := Score{Name: name, Total: len(cases)}
	for _, c := range cases {
		got := f(c.written)
		if tnscore.EqualAny(got, c.want...) {
			s.Right++
			continue
		}
		s.Failures = append(s.Failures, Failure{Written: c.written, Got: got, Want: c.want})
	}
	return s
}

// readLines reads "written~spoken[~spoken...]" lines.
func readLines(path string) ([]testCase, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	var cases []testCase
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		parts := strings.Split(line, "~")
		if len(parts) < 2 {
			continue
		}
		cases = append(cases, testCase{written: parts[0], want: parts[1:]})
	}
	return cases, nil
}

// readBlocks reads the block format: a "~written" line, then variants.
func readBlocks(path string) ([]testCase, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read blocks: %w", err)
	}
	var cases []testCase
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "~") {
			cases = append(cases, testCase{written: strings.TrimLeft(line, "~")})
			continue
		}
		if len(cases) > 0 {
			cases[len(cases)-1].want = append(cases[len(cases)-1].want, line)
		}
	}
	return cases, nil
}

// readJSONL reads {"text","gt_normalized"} lines.
func readJSONL(path string) ([]testCase, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open eval set: %w", err)
	}
	defer fh.Close()
	var cases []testCase
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
			GT   string `json:"gt_normalized"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("decode %s: %w", filepath.Base(path), err)
		}
		cases = append(cases, testCase{written: rec.Text, want: []string{rec.GT}})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("scan %s: %w", filepath.Base(path), err)
	}
	return cases, nil
}

// Published figures on GoogleTN, for the table.
const published = "published on GoogleTN: NeMo regex TN 81%, Balacoon rules 89%, NeMo Duplex 98.36%, NeMo T5 99.48%"

// Print writes the table and up to sample failures per set.
func (r Report) Print(w io.Writer, sample int) {
	fmt.Fprintf(w, "%-40s %8s %7s\n", "set", "right", "acc")
	for _, s := range r.Classes {
		fmt.Fprintf(w, "  %-38s %4d/%-4d %6.1f%%\n", s.Name, s.Right, s.Total, s.Percent())
	}
	row := func(s Score, id string) {
		fmt.Fprintf(w, "%-40s %4d/%-4d %6.1f%%   identity %s\n", s.Name, s.Right, s.Total, s.Percent(), id)
	}
	row(r.PerClass, fmt.Sprintf("%.1f%% (README: 13%%)", r.Identities[r.PerClass.Name]))
	row(r.WithAudio, "-")
	row(r.GoogleTN, fmt.Sprintf("%.1f%% (README: 52.6%%)", r.Identities["GoogleTN.json"]))
	row(r.LibriTTS, fmt.Sprintf("%.1f%% (README: 8.9%%)", r.Identities["LibriTTS.json"]))
	row(r.EngConf, fmt.Sprintf("%.1f%%", r.Identities[r.EngConf.Name]))
	fmt.Fprintln(w, published)
	for _, s := range []Score{r.PerClass, r.WithAudio, r.GoogleTN, r.LibriTTS, r.EngConf} {
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
