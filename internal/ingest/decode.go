package ingest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// DefaultMaxBytes is the input size limit when none is configured: far
// more than any article, far less than a file given by mistake.
const DefaultMaxBytes = 2 << 20

// DefaultHTMLMaxBytes is the default limit of HTML input, as the fetcher's body cap.
const DefaultHTMLMaxBytes = 5 << 20

// maxControlShare is the share of control characters above which text is
// taken for binary data even without a NUL byte.
const maxControlShare = 0.05

// maxInvalidShare is the share of bytes that are not UTF-8 above which
// input is binary rather than text in a legacy encoding such as Latin-1,
// where only accented letters are invalid.
const maxInvalidShare = 0.3

// checkSize rejects input over max bytes (max <= 0 means no limit). hint,
// if set, tells the user how to raise the limit.
func checkSize(n, max int64, hint string) error {
	if max <= 0 || n <= max {
		return nil
	}
	reason := fmt.Sprintf("input is larger than the %s size limit", formatBytes(max))
	if hint != "" {
		reason += " (" + hint + ")"
	}
	return inputErr(ErrTooLarge, reason)
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d-byte", n)
}

// decode turns raw bytes into clean UTF-8 text with "\n" line ends: the
// BOM is dropped, UTF-16 with a BOM is converted, and empty, binary or
// mis-encoded input is refused with a distinct error each.
func decode(data []byte) (string, error) {
	if len(data) == 0 {
		return "", inputErr(ErrEmpty, "input is empty")
	}
	if s, ok := decodeUTF16(data); ok {
		data = []byte(s)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, 0) >= 0 || controlShare(data) > maxControlShare {
		return "", inputErr(ErrBinary, "input looks like binary data, not text")
	}
	if !utf8.Valid(data) {
		if invalidShare(data) > maxInvalidShare {
			return "", inputErr(ErrBinary, "input looks like binary data, not text")
		}
		off := firstInvalid(data)
		return "", inputErr(ErrEncoding, fmt.Sprintf("input is not valid UTF-8 (bad byte at offset %d); convert it to UTF-8", off))
	}
	text := cleanText(string(data))
	if strings.TrimSpace(text) == "" {
		return "", inputErr(ErrEmpty, "input holds only white space")
	}
	return text, nil
}

// decodeUTF16 converts text that starts with a UTF-16 byte order mark.
func decodeUTF16(data []byte) (string, bool) {
	var order binary.ByteOrder
	switch {
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		order = binary.LittleEndian
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		order = binary.BigEndian
	default:
		return "", false
	}
	if len(data)%2 != 0 {
		return "", false
	}
	units := make([]uint16, 0, len(data)/2-1)
	for i := 2; i+1 < len(data); i += 2 {
		units = append(units, order.Uint16(data[i:]))
	}
	return string(utf16.Decode(units)), true
}

// controlShare is the share of bytes that are C0 controls other than the
// white space text uses.
func controlShare(data []byte) float64 {
	n := 0
	for _, b := range data {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v' || b == 0x7f {
			n++
		}
	}
	return float64(n) / float64(len(data))
}

func invalidShare(data []byte) float64 {
	bad := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			bad++
		}
		i += size
	}
	return float64(bad) / float64(len(data))
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// cleanText normalises line ends to "\n", turns the few remaining control
// characters into spaces and drops invisible characters (zero-width space,
// soft hyphen, stray BOMs) that would only confuse splitting and speech.
func cleanText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteByte('\n')
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\f' || r == '\v' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte('\n')
		case r == '\u200b' || r == '\u00ad' || r == '\ufeff' || r == '\u2060':
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
