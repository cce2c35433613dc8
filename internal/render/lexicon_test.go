package render

import (
	"errors"
	"strings"
	"testing"

	"aloud/internal/article"
	"aloud/internal/lexicon"
	"aloud/internal/tts/speechhttp"
)

// TestPrepareWithLexicon: on an engine that does not read phonemes (an
// HTTP speech server), a respelling applies, a phoneme entry falls back
// to the written word, and written "[[…]]" is defused; sentences no entry
// touches are spoken exactly as without the lexicon.
func TestPrepareWithLexicon(t *testing.T) {
	eng, err := speechhttp.New(speechhttp.Options{BaseURL: "http://127.0.0.1:1", Model: "m", Voices: []string{"v"}})
	if err != nil {
		t.Fatal(err)
	}
	entries := []lexicon.Entry{{Term: "Kyiv", Say: "keev"}, {Term: "Moscow", Phonemes: "ˈmɒskaʊ"}}
	a := article.Article{Title: "News", Language: "en", Blocks: []article.Block{{Type: article.Paragraph,
		Text: "Kyiv's mayor spoke. Moscow replied. Nothing changed here. Code [[k'i:v]] stays text."}}}
	matches, err := lexiconMatches(entries, "en", eng)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := normalizerFor("en", nil)
	if err != nil {
		t.Fatal(err)
	}
	withLex, err := normalizerFor("en", matches)
	if err != nil {
		t.Fatal(err)
	}
	before, after := prepare(a, "off", "", plain), prepare(a, "off", "", withLex)
	want := map[string]string{
		"Kyiv's mayor spoke.":        "keev's mayor spoke.",
		"Moscow replied.":            "Moscow replied.",
		"Nothing changed here.":      "Nothing changed here.",
		"Code [[k'i:v]] stays text.": "",
	}
	seen := 0
	for i, l := range after {
		w, ok := want[l.Text]
		if !ok {
			continue
		}
		seen++
		if w != "" && l.spoken != w {
			t.Errorf("%q spoken %q, want %q", l.Text, l.spoken, w)
		}
		if strings.Contains(l.spoken, "[[") || strings.Contains(l.spoken, "]]") {
			t.Errorf("%q: written markup reached the engine: %q", l.Text, l.spoken)
		}
		if l.Text != "Kyiv's mayor spoke." && l.spoken != before[i].spoken {
			t.Errorf("%q changed without an entry: %q → %q", l.Text, before[i].spoken, l.spoken)
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d of the %d sentences: %+v", seen, len(want), after)
	}
	if lexiconEngine(eng) != "" {
		t.Errorf("an HTTP engine got phoneme markup")
	}
}

func TestLexiconMatchesRefusesInvalid(t *testing.T) {
	eng, err := speechhttp.New(speechhttp.Options{BaseURL: "http://127.0.0.1:1", Model: "m", Voices: []string{"v"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = lexiconMatches([]lexicon.Entry{{Term: "", Say: "x"}}, "en", eng)
	var le *lexicon.Error
	if !errors.As(err, &le) {
		t.Fatalf("empty term: err %v, want a *lexicon.Error", err)
	}
}
