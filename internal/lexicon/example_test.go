package lexicon_test

import (
	"fmt"

	"aloud/internal/lexicon"
)

func ExampleMatcher_Find() {
	entries := []lexicon.Entry{
		{Term: "Kyiv", Phonemes: "ˈkiːv"},
		{Term: "Xi Jinping", Match: lexicon.MatchPhrase, Say: "shee jin ping"},
		{Term: "BBC", Case: lexicon.CaseSensitive, Spell: true},
	}
	for i := range entries {
		entries[i] = entries[i].WithDefaults()
	}
	if err := lexicon.ValidateSet(entries); err != nil {
		fmt.Println(err)
		return
	}
	m := lexicon.Compile(entries, "en")
	text := "Xi Jinping told the BBC about Kyiv's future."
	for _, r := range m.Find(text) {
		fmt.Printf("%q %v espeak=%q flite=%q\n", r.Written, r.Span,
			m.Spoken(r, lexicon.EngineEspeak), m.Spoken(r, lexicon.EngineFlite))
	}
	fmt.Println("version", lexicon.Version(entries)[:4])
	// Output:
	// "Xi Jinping" [0 10] espeak=["shee" "jin" "ping"] flite=["shee" "jin" "ping"]
	// "BBC" [20 23] espeak=["B" "B" "C"] flite=["B" "B" "C"]
	// "Kyiv" [30 34] espeak=["[[k'i:v]]"] flite=["[[k iy1 v]]"]
	// version lx1-
}
