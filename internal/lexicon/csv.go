package lexicon

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// CSVHeader is the first line of aloud's lexicon CSV files. Columns may
// come in any order on import; term and one action column are required.
var CSVHeader = []string{"term", "lang", "match", "case", "say", "phonemes", "spell", "as_word"}

// ReadCSV parses a lexicon CSV (RFC 4180, a header row naming the
// columns) of at most maxBytes (0 = DefaultMaxFileBytes). Every entry is
// validated; the first problem is returned as an *Error naming its line.
func ReadCSV(r io.Reader, maxBytes int64) ([]Entry, error) {
	cr := csv.NewReader(newCapReader(r, maxBytes))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{Kind: ErrMalformed, Reason: "file is empty; the first line names the columns"}
		}
		return nil, fileError(err, "CSV")
	}
	cols, err := csvColumns(header)
	if err != nil {
		return nil, err
	}
	var entries []Entry
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fileError(err, "CSV")
		}
		if len(entries) == MaxFileEntries {
			return nil, &Error{Kind: ErrTooLarge, Reason: fmt.Sprintf("file has over %d entries", MaxFileEntries)}
		}
		e, err := csvEntry(cols, rec)
		if err == nil {
			err = Validate(e)
		}
		if err != nil {
			return nil, withTerm(err, e.Term, n)
		}
		entries = append(entries, e)
	}
	return finishImport(entries)
}

// csvColumns maps column names to their positions.
func csvColumns(header []string) (map[string]int, error) {
	cols := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !slices.Contains(CSVHeader, h) {
			return nil, &Error{Kind: ErrMalformed, Line: 1, Reason: fmt.Sprintf("unknown column %q; columns are %s", h, strings.Join(CSVHeader, ","))}
		}
		if _, dup := cols[h]; dup {
			return nil, &Error{Kind: ErrMalformed, Line: 1, Reason: fmt.Sprintf("column %q appears twice", h)}
		}
		cols[h] = i
	}
	if _, ok := cols["term"]; !ok {
		return nil, &Error{Kind: ErrMalformed, Line: 1, Reason: "no term column"}
	}
	return cols, nil
}

func csvEntry(cols map[string]int, rec []string) (Entry, error) {
	get := func(name string) string {
		if i, ok := cols[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	e := Entry{Term: get("term"), Lang: get("lang"), Match: Match(strings.TrimSpace(get("match"))),
		Case: Case(strings.TrimSpace(get("case"))), Say: get("say"), Phonemes: get("phonemes")}
	var err error
	if e.Spell, err = parseBool(get("spell")); err != nil {
		return e, invalid("spell", err.Error())
	}
	if e.AsWord, err = parseBool(get("as_word")); err != nil {
		return e, invalid("as_word", err.Error())
	}
	return e.WithDefaults(), nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "false", "0", "no":
		return false, nil
	case "true", "1", "yes":
		return true, nil
	}
	return false, fmt.Errorf("%q is not true or false", s)
}

// WriteCSV writes entries as a lexicon CSV with CSVHeader, in the order
// given.
func WriteCSV(w io.Writer, entries []Entry) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("write lexicon csv: %w", err)
	}
	for _, e := range entries {
		e = e.WithDefaults()
		rec := []string{e.Term, e.Lang, string(e.Match), string(e.Case), e.Say, e.Phonemes,
			boolField(e.Spell), boolField(e.AsWord)}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write lexicon csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write lexicon csv: %w", err)
	}
	return nil
}

func boolField(b bool) string {
	if b {
		return strconv.FormatBool(b)
	}
	return ""
}
