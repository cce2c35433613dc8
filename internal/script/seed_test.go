package script_test

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"aloud/internal/ingest"
	"aloud/internal/script"
	"aloud/internal/testenv"
)

// TestSeedSentences splits the seed article and checks the shape of every
// sentence: each body sentence ends at a stop (closing quote included),
// none starts in lower case or with a closing quote, and the quoted
// sentences the seed is full of stay whole.
func TestSeedSentences(t *testing.T) {
	data, err := os.ReadFile(testenv.Seed(t))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ingest.ReadText(data, ingest.TextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sents := script.Build(a)
	if len(sents) != 26 {
		t.Errorf("got %d sentences, want 26 (1 title, 1 heading, 24 in paragraphs)", len(sents))
	}
	for _, s := range sents {
		first, _ := utf8.DecodeRuneInString(s.Text)
		if unicode.IsLower(first) || strings.ContainsRune("”’)", first) {
			t.Errorf("sentence starts badly: %q", s.Text)
		}
		if s.Part == script.PartBlock && a.Blocks[s.Block].Type == "paragraph" &&
			!strings.HasSuffix(s.Text, ".") && !strings.HasSuffix(s.Text, ".”") {
			t.Errorf("sentence does not end at a stop: %q", s.Text)
		}
	}
	want := map[string]bool{
		"“We are in no way dividing up parts of the country or making peace agreements for anyone.”": false,
		"A spokesman for the British Foreign Office confirmed this to the British newspaper “i”.":    false,
		"“That makes sense,” he told the newspaper.":                                                 false,
	}
	for _, s := range sents {
		if _, ok := want[s.Text]; ok {
			want[s.Text] = true
		}
	}
	for s, found := range want {
		if !found {
			t.Errorf("sentence not split out whole: %q", s)
		}
	}
}
