package fetch

import (
	"errors"
	"fmt"
)

// Sentinel kinds of fetch failure; test with errors.Is.
var (
	ErrInvalidURL       = errors.New("invalid URL")
	ErrScheme           = errors.New("only http and https URLs are fetched")
	ErrCredentials      = errors.New("URLs with user:password are refused")
	ErrURLTooLong       = fmt.Errorf("URL longer than %d bytes", MaxURLLength)
	ErrBlocked          = errors.New("address refused: not a public internet address (allow it with --allow-host)")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrTooLarge         = errors.New("response body too large")
	ErrTimeout          = errors.New("timed out")
	ErrConnect          = errors.New("connection failed")
	ErrStatus           = errors.New("unexpected HTTP status")
)

// SizeError is a body over the configured limit.
type SizeError struct{ Limit int64 }

func (e *SizeError) Error() string {
	return fmt.Sprintf("response body over the %d-byte limit (raise fetch MaxBytes to accept it)", e.Limit)
}

// Unwrap makes errors.Is(err, ErrTooLarge) hold.
func (e *SizeError) Unwrap() error { return ErrTooLarge }

// StatusError is a non-2xx, non-304 answer. Message is the start of the
// body where the caller read it (Post does, for API errors).
type StatusError struct {
	Code    int
	Message string
}

func (e *StatusError) Error() string {
	if e.Message != "" {
		return fmt.Sprintf("HTTP status %d: %q", e.Code, e.Message)
	}
	return fmt.Sprintf("HTTP status %d", e.Code)
}

// Unwrap makes errors.Is(err, ErrStatus) hold.
func (e *StatusError) Unwrap() error { return ErrStatus }

// BlockedError names the refused address and its range.
type BlockedError struct {
	Addr, Range string
}

func (e *BlockedError) Error() string {
	return fmt.Sprintf("%s is a %s address: %s", e.Addr, e.Range, ErrBlocked.Error())
}

// Unwrap makes errors.Is(err, ErrBlocked) hold.
func (e *BlockedError) Unwrap() error { return ErrBlocked }
