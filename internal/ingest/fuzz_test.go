package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"aloud/internal/script"
)

func FuzzReadText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "\ufeff", "K: H\n\nK\nH\n\nListen to article\n\nx\n\nsource site-1",
		"# \n## \n>\n- \n1. ", "Foo: Listen to article\n\nText.", "Head\n\nBy \n\nA", "\xff\xfe\x00",
		"a\r\rb\r\n\r\n", "===\n---\nx\n===", "[a](b) ![c](d) **e** _f_ *g*", "Head\n\nListen\nto article",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ReadText(data, TextOptions{MaxBytes: 1 << 16})
		if err != nil {
			if _, ok := errors.AsType[*InputError](err); !ok {
				t.Fatalf("error %v is not an *InputError", err)
			}
			return
		}
		if a.Language != "en" || a.URL != "" {
			t.Fatalf("language/url: got %q %q", a.Language, a.URL)
		}
		if !hasWords(a.Title) && len(a.Blocks) == 0 {
			t.Fatalf("no error, but nothing to read")
		}
		fields := []string{a.Title, a.Kicker, a.Byline, a.Source}
		for _, b := range a.Blocks {
			fields = append(fields, b.Text)
			if !hasWords(b.Text) {
				t.Fatalf("block without words: %q", b.Text)
			}
			if strings.TrimSpace(b.Text) != b.Text || strings.Contains(b.Text, "\n") {
				t.Fatalf("block text not one trimmed line: %q", b.Text)
			}
			if b.Text == a.Title {
				t.Fatalf("headline %q repeated in blocks", a.Title)
			}
		}
		for _, s := range script.Build(a) {
			text := a.Title
			if s.Part == script.PartBlock {
				text = a.Blocks[s.Block].Text
			}
			if s.Span[0] < 0 || s.Span[1] > len(text) || text[s.Span[0]:s.Span[1]] != s.Text {
				t.Fatalf("sentence span %v does not match %q", s.Span, s.Text)
			}
		}
		for _, s := range fields {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output: %q", s)
			}
			if IsFurniture(s) {
				t.Fatalf("furniture in output: %q", s)
			}
			if strings.ContainsRune(s, 0) || strings.ContainsRune(s, '\ufeff') {
				t.Fatalf("NUL or BOM in output: %q", s)
			}
		}
	})
}
