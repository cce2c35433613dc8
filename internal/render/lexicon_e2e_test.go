//go:build e2e

package render

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"aloud/internal/article"
	"aloud/internal/lexicon"
	"aloud/internal/testenv"
)

// seedArticle is the seed as an article: its first line the title, its
// paragraphs the blocks.
func seedArticle(t *testing.T) article.Article {
	t.Helper()
	seed, err := os.ReadFile(testenv.Seed(t))
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(seed)), "\n\n")
	a := article.Article{Title: paras[0], Language: "en"}
	for _, p := range paras[1:] {
		a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph, Text: p})
	}
	return a
}

// TestE2ELexiconRerendersOnlyTouchedSentences renders the seed with
// espeak-ng twice on one sentence cache, without a lexicon and then with
// an entry for "Moscow" in phonemes: the second render synthesizes
// exactly the sentences containing "Moscow" (their spoken form now holds
// the phonemes, their audio differs), and every other sentence comes from
// the cache with the very bytes the first render stored.
func TestE2ELexiconRerendersOnlyTouchedSentences(t *testing.T) {
	r := espeakRenderer(t, 0)
	a := seedArticle(t)
	const voiceID = "espeak:en-us"
	entries := []lexicon.Entry{{Term: "Moscow", Phonemes: "ˈmɒskaʊ"}}
	eng, voice, err := r.Engines.Lookup(voiceID)
	if err != nil {
		t.Fatal(err)
	}
	spoken := func(entries []lexicon.Entry) []line {
		m, err := lexiconMatches(entries, a.Language, eng)
		if err != nil {
			t.Fatal(err)
		}
		n, err := normalizerFor(a.Language, m)
		if err != nil {
			t.Fatal(err)
		}
		return prepare(a, "end", "", n)
	}
	before, after := spoken(nil), spoken(entries)
	render := func(entries []lexicon.Entry) Result {
		res, err := r.Render(context.Background(), Request{Article: a, Voice: voiceID, Formats: []string{"wav"}, Dir: t.TempDir(), Lexicon: entries})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	// A sentence said twice in one article (the seed quotes the
	// disclosure line) is synthesized once.
	distinct := map[string]bool{}
	for _, l := range before {
		distinct[l.spoken] = true
	}
	first := render(nil)
	if first.Sentences != len(before) || first.Synthesized != len(distinct) {
		t.Fatalf("first render: %d sentences, %d synthesized; want %d, %d", first.Sentences, first.Synthesized, len(before), len(distinct))
	}
	stored := make([][]byte, len(before))
	for i, l := range before {
		b, ok, err := r.Cache.Get(SentenceKey(eng, voice, a.Language, l.spoken))
		if err != nil || !ok {
			t.Fatalf("sentence %d not cached after the first render: %v", i+1, err)
		}
		stored[i] = b
	}
	second := render(entries)

	touched := 0
	for i, l := range after {
		has := strings.Contains(l.Text, "Moscow")
		if has {
			touched++
		}
		if changed := l.spoken != before[i].spoken; changed != has {
			t.Errorf("sentence %d %q: spoken form changed %v, contains Moscow %v\n  before %q\n  after  %q", i+1, l.Text, changed, has, before[i].spoken, l.spoken)
		}
		b, ok, err := r.Cache.Get(SentenceKey(eng, voice, a.Language, l.spoken))
		if err != nil || !ok {
			t.Fatalf("sentence %d not cached after the second render: %v", i+1, err)
		}
		if same := bytes.Equal(b, stored[i]); same == has {
			t.Errorf("sentence %d %q: audio identical %v, contains Moscow %v", i+1, l.Text, same, has)
		}
		if has && !strings.Contains(l.spoken, "[[m'0skaU]]") {
			t.Errorf("sentence %d: no phonemes in %q", i+1, l.spoken)
		}
	}
	t.Logf("%d sentences; second render: %d synthesized, %d cached; %d contain Moscow", second.Sentences, second.Synthesized, second.CacheHits, touched)
	if touched == 0 || second.Synthesized != touched || second.CacheHits != second.Sentences-touched {
		t.Errorf("second render synthesized %d and took %d from the cache of %d; %d sentences contain Moscow", second.Synthesized, second.CacheHits, second.Sentences, touched)
	}
	if second.SpokenHash == first.SpokenHash {
		t.Errorf("spoken hash unchanged by the lexicon")
	}
}
