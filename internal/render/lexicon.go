package render

import (
	"fmt"

	"aloud/internal/lexicon"
	"aloud/internal/normalize"
	"aloud/internal/tts"
)

// lexiconEngine is the engine name the lexicon's Spoken is given: the
// engine's own when it reads phoneme markup aloud does produce for it,
// otherwise "", for which a phoneme entry says the written word. Only
// espeak-ng qualifies today: flite's helper does not read phones yet, so
// on flite a phoneme-only entry falls back to the written word (a
// respelling, spell-out or as-word entry works on every engine).
func lexiconEngine(eng tts.Engine) string {
	if eng.Capabilities().PhonemeInput && eng.Name() == lexicon.EngineEspeak {
		return lexicon.EngineEspeak
	}
	return ""
}

// lexiconMatches compiles the article's lexicon for its language and
// engine into normalize's hook; nil without entries. Entries are checked
// again here (they come from the store or an import that validated them)
// so that a broken one is a clear error, not a silent mispronunciation.
func lexiconMatches(entries []lexicon.Entry, lang string, eng tts.Engine) (func(string) []normalize.LexiconMatch, error) {
	if len(entries) == 0 {
		return nil, nil
	}
	clean := make([]lexicon.Entry, len(entries))
	for i, e := range entries {
		clean[i] = e.WithDefaults()
		if err := lexicon.Validate(clean[i]); err != nil {
			return nil, fmt.Errorf("lexicon entry %q: %w", e.Term, err)
		}
	}
	m := lexicon.Compile(clean, lang)
	engine := lexiconEngine(eng)
	return func(s string) []normalize.LexiconMatch {
		found := m.Find(s)
		if len(found) == 0 {
			return nil
		}
		out := make([]normalize.LexiconMatch, len(found))
		for i, r := range found {
			out[i] = normalize.LexiconMatch{Span: r.Span, Spoken: m.Spoken(r, engine)}
		}
		return out
	}, nil
}
