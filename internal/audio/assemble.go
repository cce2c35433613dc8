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
// span at the current position and still its pause. It is the whole-slice
// form of Assembler, which long articles use to stream.
func Assemble(rate int, pieces []Piece, opts AssembleOptions) ([]float32, []Span) {
	if len(pieces) == 0 {
		return nil, nil
	}
	a := NewAssembler(rate, opts)
	var out []float32
	spans := make([]Span, len(pieces))
	for i, p := range pieces {
		pl := a.Add(p)
		out = pl.AppendFloat(out)
		spans[i] = pl.Span
	}
	return out, spans
}

// Assembler places pieces one after the other, as Assemble does, without
// holding the stream: each Add says where its piece goes, and the caller
// writes it wherever it likes (a spool file, a meter). Memory stays that
// of one piece however long the article.
type Assembler struct {
	o                  AssembleOptions
	rate               int
	thr                int32
	keepLead, keepTail int
	fade               int
	pos                int // samples placed so far
	n                  int // pieces placed
	prevPause          int // pause after the previous piece, in samples
	prevTail           int // silence kept after the previous piece's speech
}

// NewAssembler returns an Assembler for pieces at rate.
func NewAssembler(rate int, opts AssembleOptions) *Assembler {
	o := opts.withDefaults()
	return &Assembler{
		o: o, rate: rate,
		thr:      int32(math.Round(Linear(o.SilenceDB) * 32768)),
		keepLead: samplesOf(o.KeepLead, rate), keepTail: samplesOf(o.KeepTail, rate),
		fade: samplesOf(o.Fade, rate),
	}
}

// Placed is one piece in the stream: Gap samples of silence, then Samples
// (the kept part of the piece, before fading) with Fade samples faded in
// at the start and out at the end (see FadeGain). Span is where Samples
// land in the stream.
type Placed struct {
	Gap     int
	Samples []int16
	Fade    int
	Span    Span
}

// Len is the number of samples placed so far (the stream's length).
func (a *Assembler) Len() int { return a.pos }

// Add places the next piece. The pause before it is measured from speech
// to speech, so the margins kept on both sides count towards it. The
// returned Samples alias p.Samples.
func (a *Assembler) Add(p Piece) Placed {
	var lo, hi, lead, tail int
	if slo, shi := speechBounds(p.Samples, a.thr); slo < shi {
		lo, hi = max(0, slo-a.keepLead), min(len(p.Samples), shi+a.keepTail)
		lead, tail = slo-lo, hi-shi
	}
	var gap int
	if a.n == 0 {
		gap = max(0, samplesOf(a.o.LeadIn, a.rate))
	} else {
		gap = max(0, a.prevPause-a.prevTail-lead)
	}
	start := a.pos + gap
	a.pos = start + hi - lo
	a.n++
	a.prevPause, a.prevTail = samplesOf(a.o.pause(p), a.rate), tail
	return Placed{Gap: gap, Samples: p.Samples[lo:hi], Fade: min(a.fade, (hi-lo)/2),
		Span: Span{Start: start, End: a.pos, Trim: lo}}
}

// AppendFloat appends the placed piece, its gap included, as float PCM.
func (pl Placed) AppendFloat(dst []float32) []float32 {
	dst = append(dst, make([]float32, pl.Gap)...)
	start := len(dst)
	for _, v := range pl.Samples {
		dst = append(dst, float32(v)/32768)
	}
	fadeEdges(dst[start:], pl.Fade)
	return dst
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
		g := FadeGain(i, n)
		s[i] *= g
		s[len(s)-1-i] *= g
	}
}

// FadeGain is the gain of the i-th of n fade samples (counted from the
// edit), rising from 0 along a raised cosine.
func FadeGain(i, n int) float32 {
	return float32(0.5 - 0.5*math.Cos(math.Pi*float64(i)/float64(n)))
}
