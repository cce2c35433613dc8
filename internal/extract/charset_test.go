package extract

import (
	"testing"
	"unicode/utf8"
)

func TestSniffCharset(t *testing.T) {
	cases := []struct {
		name, ctype, body, want string
	}{
		{"BOM beats the header", "text/html; charset=iso-8859-2", "\xef\xbb\xbf<p>x</p>", "utf-8"},
		{"header beats valid UTF-8", "text/html; charset=iso-8859-1", "<p>caf\xc3\xa9</p>", "windows-1252"},
		{"unknown header label falls through", "text/html; charset=bogus", "<p>café</p>", "utf-8"},
		{"valid UTF-8 beats the meta", "", "<meta charset=shift_jis><p>日本</p>", "utf-8"},
		{"meta when not UTF-8", "", "<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>", "shift_jis"},
		{"meta cannot declare UTF-16", "", "<meta charset=utf-16><p>\xe9t\xe9</p>", "utf-8"},
		{"no declaration, legacy bytes", "", "<p>\xe9t\xe9</p>", "windows-1252"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got, _ := sniffCharset([]byte(c.body), c.ctype); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

// FuzzDecode checks that any bytes and content type decode to valid UTF-8
// without a panic.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("<meta charset=gb2312><p>\xd0\xc2</p>"), "")
	f.Add([]byte("\xff\xfe<\x00p\x00"), "")
	f.Add([]byte("<p>caf\xe9</p>"), "text/html; charset=iso-8859-1")
	f.Add([]byte("\xef\xbb\xbf"), "text/html; charset=")
	f.Fuzz(func(t *testing.T, body []byte, ctype string) {
		s, err := decode(body, ctype)
		if err == nil && !utf8.ValidString(s) {
			t.Errorf("decode(%q, %q) is not valid UTF-8", body, ctype)
		}
	})
}
