package audio

import (
	"math"
	"time"
)

// Break says what ends a piece, which sets the pause after it.
type Break int

// Breaks, from the shortest pause to the longest.
const (
	BreakSentence  Break = iota // between sentences of a paragraph
	BreakParagraph              // after the last sentence of a paragraph
	BreakHeading                // after a title or subheading
)

// Piece is one synthesized sentence (or title, or disclosure).
type Piece struct {
	Samples []int16
	// Break picks the pause after the piece from AssembleOptions; a
	// positive PauseAfter overrides it. The last piece gets no pause.
	Break      Break
	PauseAfter time.Duration
}

// Span locates a piece in the assembled stream, in samples: [Start, End)
// holds its kept audio. Trim is the number of the piece's own leading
// samples dropped as silence, so sample k of Piece.Samples (for instance a
// word boundary reported by the engine) lands at Start-Trim+k, clamped to
// [Start, End].
type Span struct {
	Start, End int
	Trim       int
}

// At maps sample k of the piece's own samples into the stream.
func (s Span) At(k int) int { return min(max(s.Start-s.Trim+k, s.Start), s.End) }

// AssembleOptions tunes Assemble; zero values take the defaults.
type AssembleOptions struct {
	// Pauses between pieces. The pause is the whole silence between the
	// speech of two pieces, including the edges kept by trimming.
	Sentence, Paragraph, Heading time.Duration // default 350, 700, 900 ms
	// Silence threshold for trimming, in dB below full scale (default −50).
	SilenceDB float64
	// Audio kept before the first and after the last sample above the
	// threshold, so soft onsets (f, h, s) and decays are not cut
	// (defaults 20 ms and 60 ms).
	KeepLead, KeepTail time.Duration
	// Fade is the raised-cosine fade at every edit (default 5 ms).
	Fade time.Duration
	// LeadIn is silence before the first piece (default 100 ms; negative
	// for none). Besides sounding less abrupt, it gives the MP3 encoder
	// silence to absorb its delay into (see Encoder), so that MP3 audio
	// plays exactly at the stream's timestamps.
	LeadIn time.Duration
}

func (o AssembleOptions) withDefaults() AssembleOptions {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.Sentence, 350*time.Millisecond)
	def(&o.Paragraph, 700*time.Millisecond)
	def(&o.Heading, 900*time.Millisecond)
	def(&o.KeepLead, 20*time.Millisecond)
	def(&o.KeepTail, 60*time.Millisecond)
	def(&o.Fade, 5*time.Millisecond)
	if o.LeadIn == 0 {
		o.LeadIn = 100 * time.Millisecond
	}
	if o.SilenceDB == 0 {
		o.SilenceDB = -50
	}
	return o
}

func (o AssembleOptions) pause(p Piece) time.Duration {
	if p.PauseAfter > 0 {
		return p.PauseAfter
	}
	switch p.Break {
	case BreakParagraph:
		return o.Paragraph
	case BreakHeading:
		return o.Heading
	default:
		return o.Sentence
	}
}

func samplesOf(d time.Duration, rate int) int {
	return int(math.Round(d.Seconds() * float64(rate)))
}

// Assemble joins the pieces into one stream at rate: each piece is trimmed
// of the engine's leading and trailing silence (keeping short margins),
// faded in and out so no edit clicks, and followed by its pause. It returns
// the stream as float PCM (full scale ±1.0, ready for Normalize) and each
// piece's span. A piece that is empty or entirely silent gets an empty
// span at the current position and still its pause.
func Assemble(rate int, pieces []Piece, opts AssembleOptions) ([]float32, []Span) {
	if len(pieces) == 0 {
		return nil, nil
	}
	o := opts.withDefaults()
	thr := int32(math.Round(Linear(o.SilenceDB) * 32768))
	keepLead, keepTail := samplesOf(o.KeepLead, rate), samplesOf(o.KeepTail, rate)
	fade := samplesOf(o.Fade, rate)

	// A cut keeps [lo, hi) of a piece; lead and tail are the margins of
	// silence it keeps around the speech.
	type cut struct{ lo, hi, lead, tail int }
	cuts := make([]cut, len(pieces))
	total := 0
	for i, p := range pieces {
		var c cut
		if slo, shi := speechBounds(p.Samples, thr); slo < shi {
			c.lo, c.hi = max(0, slo-keepLead), min(len(p.Samples), shi+keepTail)
			c.lead, c.tail = slo-c.lo, c.hi-shi
		}
		cuts[i] = c
		lo, hi := c.lo, c.hi
		total += hi - lo
		if i < len(pieces)-1 {
			total += samplesOf(o.pause(p), rate)
		}
	}

	lead := max(0, samplesOf(o.LeadIn, rate))
	total += lead
	out := make([]float32, lead, total)
	spans := make([]Span, len(pieces))
	for i, p := range pieces {
		c := cuts[i]
		// The pause is measured from speech to speech, so the margins
		// kept on both sides count towards it.
		if i > 0 {
			gap := samplesOf(o.pause(pieces[i-1]), rate) - cuts[i-1].tail - c.lead
			out = append(out, make([]float32, max(0, gap))...)
		}
		start := len(out)
		for _, v := range p.Samples[c.lo:c.hi] {
			out = append(out, float32(v)/32768)
		}
		fadeEdges(out[start:], fade)
		spans[i] = Span{Start: start, End: len(out), Trim: c.lo}
	}
	return out, spans
}

// speechBounds returns [lo, hi): from the first to just past the last
// sample whose magnitude exceeds thr; lo == hi when there is none.
func speechBounds(s []int16, thr int32) (int, int) {
	lo := 0
	for lo < len(s) && abs16(s[lo]) <= thr {
		lo++
	}
	hi := len(s)
	for hi > lo && abs16(s[hi-1]) <= thr {
		hi--
	}
	return lo, hi
}

func abs16(v int16) int32 {
	x := int32(v)
	if x < 0 {
		return -x
	}
	return x
}

// fadeEdges applies a raised-cosine fade-in and fade-out of n samples (at
// most half the slice each), so the cut ends of a piece start and stop at
// zero instead of stepping.
func fadeEdges(s []float32, n int) {
	n = min(n, len(s)/2)
	for i := 0; i < n; i++ {
		g := float32(0.5 - 0.5*math.Cos(math.Pi*float64(i)/float64(n)))
		s[i] *= g
		s[len(s)-1-i] *= g
	}
}
