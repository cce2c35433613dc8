package render

import (
	"time"
	"unicode/utf8"

	"aloud/internal/article"
	"aloud/internal/script"
)

// Size is how much speech an article holds, known before any rendering.
type Size struct {
	Sentences int // sentences to synthesize (title and blocks; not the disclosure)
	Chars     int // characters (runes) of those sentences, as written
}

// Measure sizes an article cheaply (it splits sentences, as Render will,
// but normalizes and synthesizes nothing), so that a service can refuse an
// article that is too long at the door and give a render a timeout that
// fits it.
func Measure(a article.Article) Size {
	var s Size
	for _, sent := range script.Build(a) {
		s.Sentences++
		s.Chars += utf8.RuneCountInString(sent.Text)
	}
	return s
}

// Rough speaking rates behind Audio, from the seed (2,802 characters in
// 27 sentences: 2:38 with espeak-ng, 3:08 with flite).
const (
	charsPerSecond = 16.0
	pausePerLine   = 450 * time.Millisecond
)

// Audio estimates the length of the rendered audio: characters at a
// typical speaking rate plus a pause per sentence. It is a rough figure
// (engines and voices differ by ±25%), for sizing limits and timeouts,
// not for display.
func (s Size) Audio() time.Duration {
	speech := time.Duration(float64(s.Chars) / charsPerSecond * float64(time.Second))
	return speech + time.Duration(s.Sentences)*pausePerLine
}
