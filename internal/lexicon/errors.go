package lexicon

import (
	"errors"
	"fmt"
)

// Error kinds, tested with errors.Is. The HTTP layer maps ErrInvalid and
// ErrMalformed to 400/422, ErrDuplicate and ErrLoop to 409, ErrTooLarge
// to 413.
var (
	ErrInvalid   = errors.New("invalid lexicon entry")
	ErrDuplicate = errors.New("duplicate lexicon term")
	ErrLoop      = errors.New("lexicon entries form a loop")
	ErrMalformed = errors.New("malformed lexicon file")
	ErrTooLarge  = errors.New("lexicon file too large")
)

// Error is a refusal whose Reason is safe to show to a client: it names
// the field (or file line) and the problem, never internal detail.
type Error struct {
	Field  string // "term", "say", "phonemes", "match", "case", "lang", "" for a whole file
	Term   string // the entry concerned, when known
	Line   int    // 1-based number of the entry (CSV data row, PLS lexeme, list item); 0 if unknown
	Reason string
	Kind   error // one of the Err* kinds
	Err    error // wrapped detail (a parser's error), or nil
}

// Error is the client-safe message: the entry, the field, the reason.
func (e *Error) Error() string {
	msg := e.Reason
	if e.Field != "" {
		msg = e.Field + ": " + msg
	}
	if e.Term != "" {
		msg = fmt.Sprintf("%q: %s", e.Term, msg)
	}
	if e.Line > 0 {
		msg = fmt.Sprintf("entry %d: %s", e.Line, msg)
	}
	return msg
}

// Unwrap gives both the kind and the wrapped detail to errors.Is/As.
func (e *Error) Unwrap() []error {
	if e.Err != nil {
		return []error{e.Kind, e.Err}
	}
	return []error{e.Kind}
}

func invalid(field, reason string) *Error {
	return &Error{Field: field, Reason: reason, Kind: ErrInvalid}
}

// withTerm fills in the entry an error concerns, for errors raised deep
// in a conversion that did not know it.
func withTerm(err error, term string, line int) error {
	var e *Error
	if errors.As(err, &e) {
		c := *e
		if c.Term == "" {
			c.Term = term
		}
		if c.Line == 0 {
			c.Line = line
		}
		return &c
	}
	return err
}
