package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aloud/internal/article"
)

func TestHTMLAndTextHaveTheirOwnLimits(t *testing.T) {
	dir := t.TempDir()
	para := "A sentence of a long article that goes on. "
	text := []byte("Headline\n\n" + strings.Repeat(para, (3<<20)/len(para)))
	page := []byte("<html><body><p>" + strings.Repeat(para, (3<<20)/len(para)) + "</p></body></html>")
	huge := append([]byte("<html><body>"), bytes.Repeat([]byte("x"), 6<<20)...)
	var htmlCalls int
	l := &Loader{HTML: func(body []byte, _, _ string) (article.Article, error) {
		htmlCalls++
		return article.Article{Title: "t", Blocks: []article.Block{{Type: article.Paragraph, Text: "ok."}}}, nil
	}}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if _, err := l.Load(context.Background(), write("page.html", page), nil); err != nil || htmlCalls != 1 {
		t.Fatalf("3 MB page: got err %v, %d extractor calls; want it extracted", err, htmlCalls)
	}
	_, err := l.Load(context.Background(), write("text.txt", text), nil)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "2 MB") {
		t.Fatalf("3 MB text: got %v, want the 2 MB text limit", err)
	}
	_, err = l.Load(context.Background(), write("huge.html", huge), nil)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "5 MB") {
		t.Fatalf("6 MB page: got %v, want the 5 MB HTML limit", err)
	}
	_, err = l.Load(context.Background(), "-", bytes.NewReader(huge))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "5 MB") {
		t.Fatalf("6 MB page on stdin: got %v, want the 5 MB HTML limit", err)
	}
}
