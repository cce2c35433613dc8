package ingest

import (
	"os"
	"strings"
	"testing"

	"aloud/internal/article"
	"aloud/internal/testenv"
)

func TestSeed(t *testing.T) {
	data, err := os.ReadFile(testenv.Seed(t))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ReadText(data, TextOptions{})
	if err != nil {
		t.Fatalf("ReadText: %v", err)
	}
	if got, want := a.Kicker, "In “absolutely necessary” cases"; got != want {
		t.Errorf("kicker: got %q, want %q", got, want)
	}
	if got, want := a.Title, "Britain held secret talks with Russia"; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}
	if got, want := a.Source, "site-34"; got != want {
		t.Errorf("source: got %q, want %q", got, want)
	}
	if a.Language != "en" || a.URL != "" || a.Byline != "" || !a.Published.IsZero() {
		t.Errorf("language/url/byline/published: got %q %q %q %v, want en and empty", a.Language, a.URL, a.Byline, a.Published)
	}
	var paras, heads []string
	for _, b := range a.Blocks {
		switch b.Type {
		case article.Paragraph:
			paras = append(paras, b.Text)
		case article.Heading:
			heads = append(heads, b.Text)
		default:
			t.Errorf("unexpected block type %q: %q", b.Type, b.Text)
		}
	}
	if len(paras) != 7 {
		t.Errorf("got %d paragraphs, want 7: %q", len(paras), paras)
	}
	if len(heads) != 1 || heads[0] != "Peace negotiations not part of the talks" {
		t.Errorf("headings: got %q, want [\"Peace negotiations not part of the talks\"]", heads)
	}
	if a.Blocks[4].Type != article.Heading {
		t.Errorf("block 4: got %q, want the heading between paragraphs 4 and 5", a.Blocks[4].Type)
	}
	all := strings.Join([]string{a.Title, a.Kicker, a.Byline, a.Source, a.BodyText()}, "\n")
	for _, f := range []string{"Listen to article", "artificially generated", "More info", "Send feedback", "source site"} {
		if strings.Contains(all, f) {
			t.Errorf("furniture %q left in the article", f)
		}
	}
	if strings.Contains(a.BodyText(), a.Title) {
		t.Errorf("headline repeated in blocks")
	}
	if !strings.HasPrefix(paras[0], "Since the start of the Russian invasion") || !strings.HasSuffix(paras[6], "ending the war.”") {
		t.Errorf("first/last paragraph: got %q … %q", paras[0][:40], paras[6])
	}
}
