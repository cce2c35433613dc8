package lexicon

import (
	"errors"
	"fmt"
	"io"
)

// DefaultMaxFileBytes is the import size cap when the caller gives none.
const DefaultMaxFileBytes = 5 << 20

// MaxFileEntries caps the entries of one imported file, so a file under
// the byte cap still cannot make an unbounded lexicon.
const MaxFileEntries = 50000

// capReader fails with ErrTooLarge as soon as more than max bytes have
// been read, so an oversized body is refused without reading it whole.
type capReader struct {
	r    io.Reader
	left int64
	max  int64
}

func newCapReader(r io.Reader, max int64) *capReader {
	if max <= 0 {
		max = DefaultMaxFileBytes
	}
	return &capReader{r: io.LimitReader(r, max+1), left: max, max: max}
}

// Read passes reads through until the cap is passed.
func (c *capReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return 0, c.tooLarge()
	}
	return n, err
}

func (c *capReader) tooLarge() error {
	return &Error{Kind: ErrTooLarge, Reason: fmt.Sprintf("file is over %d bytes", c.max)}
}

// fileError turns a reader's error into the refusal a client sees,
// keeping ErrTooLarge from the capReader.
func fileError(err error, format string) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Kind: ErrMalformed, Reason: "not a valid " + format + " file", Err: err}
}

// finishImport validates imported entries as a whole and counts them.
func finishImport(entries []Entry) ([]Entry, error) {
	if err := ValidateSet(entries); err != nil {
		return nil, err
	}
	return entries, nil
}
