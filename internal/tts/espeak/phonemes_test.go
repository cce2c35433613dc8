package espeak

import (
	"testing"
)

// TestPhonemeInput: both modes read "[[…]]" as espeak-ng phoneme
// mnemonics (a lexicon entry's phonemes), not as text: the word then
// lasts about as long as the written word, while the same characters
// with the brackets broken (as aloud defuses written text) are read
// letter by letter and last far longer. Both modes give the same length.
func TestPhonemeInput(t *testing.T) {
	got := map[string]int{}
	for mode, helperMode := range modes() {
		t.Run(mode, func(t *testing.T) {
			e := newEngine(t, helperMode)
			dur := func(text string) int {
				a, err := e.Synthesize(t.Context(), "en-us", text)
				if err != nil {
					t.Fatalf("%q: %v", text, err)
				}
				return len(a.Samples) * 1000 / a.Rate
			}
			word, phon, text := dur("Moscow"), dur("[[m'0skaU]]"), dur("[ m'0skaU] ]")
			t.Logf("%s: Moscow %d ms, [[m'0skaU]] %d ms, defused %d ms", mode, word, phon, text)
			if phon > word*3/2 || phon*2 > text {
				t.Errorf("%s: [[m'0skaU]] lasts %d ms (written word %d ms, as text %d ms): not read as phonemes", mode, phon, word, text)
			}
			got[mode] = phon
		})
	}
	if d := got["cli"] - got["helper"]; d > 50 || d < -50 {
		t.Errorf("phoneme input lasts %d ms in the CLI and %d ms in the helper", got["cli"], got["helper"])
	}
}
