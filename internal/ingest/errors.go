package ingest

import (
	"errors"

	"aloud/internal/article"
)

// Kinds of input problems; an *InputError matches its kind with errors.Is.
var (
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary input")
	ErrEncoding    = errors.New("invalid text encoding")
	ErrTooLarge    = errors.New("input too large")
	ErrUnsupported = errors.New("unsupported input")
	// ErrNoText is article.ErrNoText, so callers outside ingest need not
	// import this package to recognise it.
	ErrNoText = article.ErrNoText
)

// InputError is a problem with the input the user gave, as opposed to a
// failure of aloud itself. Reason is safe to show to a client (an API
// caller or the CLI user); Err carries the detail for logs.
type InputError struct {
	Kind   error  // one of the Err* kinds above
	Reason string // one client-safe line, e.g. "input is not valid UTF-8 (byte 12)"
	Err    error  // underlying cause, if any; may hold paths or system detail
}

func (e *InputError) Error() string {
	if e.Err != nil {
		return e.Reason + ": " + e.Err.Error()
	}
	return e.Reason
}

// Unwrap returns the underlying cause.
func (e *InputError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrBinary) and friends true for their kind.
func (e *InputError) Is(target error) bool { return target == e.Kind }

func inputErr(kind error, reason string) *InputError {
	return &InputError{Kind: kind, Reason: reason}
}
