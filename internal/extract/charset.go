package extract

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

// metaPrescan is how far into the page a <meta> charset is looked for.
// WHATWG stops at 1,024 bytes; real pages put long <head>s first, so we
// look further.
const metaPrescan = 4096

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)`)

// sniffCharset names the encoding of an HTML page, following the WHATWG
// order: a byte order mark, then the charset of the HTTP Content-Type,
// then a <meta> charset in the page's first bytes, then the default.
//
// Two documented deviations: a page that is valid UTF-8 is read as UTF-8
// even when a <meta> tag names another charset (pages converted to UTF-8
// keep their old declaration far more often than legacy text happens to
// be valid UTF-8); and with no declaration the default is UTF-8 unless
// the bytes are not UTF-8 at all, when it is windows-1252, the WHATWG
// default, rather than a page of U+FFFD.
func sniffCharset(body []byte, contentType string) (name string, bom int) {
	switch {
	case bytes.HasPrefix(body, []byte("\xef\xbb\xbf")):
		return "utf-8", 3
	case bytes.HasPrefix(body, []byte("\xfe\xff")):
		return "utf-16be", 2
	case bytes.HasPrefix(body, []byte("\xff\xfe")):
		return "utf-16le", 2
	}
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			if _, n := charset.Lookup(params["charset"]); n != "" {
				return n, 0
			}
		}
	}
	valid := utf8.Valid(body)
	if valid {
		return "utf-8", 0
	}
	if m := metaCharset.FindSubmatch(body[:min(len(body), metaPrescan)]); m != nil {
		if _, n := charset.Lookup(string(m[1])); n != "" {
			if strings.HasPrefix(n, "utf-16") {
				n = "utf-8" // WHATWG: a <meta> cannot declare UTF-16
			}
			return n, 0
		}
	}
	if mostlyUTF8(body) {
		return "utf-8", 0
	}
	return "windows-1252", 0
}

// mostlyUTF8 reports whether the non-ASCII bytes of body hold a fair
// share of valid UTF-8 sequences: a UTF-8 page with a few stray bytes, which are better
// shown as U+FFFD than the whole page read as windows-1252.
func mostlyUTF8(body []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(body); {
		if body[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size <= 1 {
			bad++
		} else {
			good++
		}
		i += size
	}
	// Legacy text rarely forms a valid UTF-8 sequence by accident.
	return good > 0 && 4*good >= bad
}

// decode converts body to UTF-8 in the encoding sniffCharset names;
// bytes invalid in it become U+FFFD.
func decode(body []byte, contentType string) (string, error) {
	name, bom := sniffCharset(body, contentType)
	body = body[bom:]
	enc, _ := charset.Lookup(name)
	if enc == nil || name == "utf-8" {
		if utf8.Valid(body) {
			return string(body), nil
		}
		return strings.ToValidUTF8(string(body), "\uFFFD"), nil
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), body)
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	if !utf8.Valid(out) {
		return strings.ToValidUTF8(string(out), "\uFFFD"), nil
	}
	return string(out), nil
}
