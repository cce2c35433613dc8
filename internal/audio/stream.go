package audio

import (
	"context"
	"io"
	"math"
)

// FloatReader reads float PCM; it returns io.EOF (and 0) at the end.
type FloatReader interface {
	ReadFloats(dst []float32) (int, error)
}

// Stream is mono float PCM that can be read more than once, from any
// position: a spool on disk, a slice in memory, or either seen through a
// normalization Plan. Encoders and the loudness passes read it in chunks,
// so its length does not set their memory.
type Stream interface {
	Rate() int
	Len() int64
	// Open returns a reader of samples [lo, hi), 0 ≤ lo ≤ hi ≤ Len().
	Open(lo, hi int64) FloatReader
}

// Samples is a Stream over a slice in memory.
type Samples struct {
	PCM        []float32
	SampleRate int
}

// Rate is the sample rate.
func (s Samples) Rate() int { return s.SampleRate }

// Len is the number of samples.
func (s Samples) Len() int64 { return int64(len(s.PCM)) }

// Open returns a reader of samples [lo, hi).
func (s Samples) Open(lo, hi int64) FloatReader { return &sliceReader{s.PCM[lo:hi]} }

type sliceReader struct{ p []float32 }

func (r *sliceReader) ReadFloats(dst []float32) (int, error) {
	if len(r.p) == 0 {
		return 0, io.EOF
	}
	n := copy(dst, r.p)
	r.p = r.p[n:]
	return n, nil
}

// readFull fills dst from r unless the stream ends first.
func readFull(r FloatReader, dst []float32) (int, error) {
	n := 0
	for n < len(dst) {
		k, err := r.ReadFloats(dst[n:])
		n += k
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// streamChunk is how many samples the streaming passes handle at a time
// (a multiple of limiterBlock and scanBlock): big enough to amortise the
// per-chunk work, small enough to stay a fraction of a megabyte.
const streamChunk = 1 << 15

// Meter measures the integrated loudness of a stream written to it in
// pieces of any size: it keeps the K-weighted energy of every 100 ms
// segment (8 bytes per 100 ms of audio), not the audio.
type Meter struct {
	f    *kFilter
	st   kState
	rate int
	pos  int64 // samples written
	acc  float64
	sums []float64
	peak float32 // sample peak
}

// NewMeter returns a Meter for audio at rate.
func NewMeter(rate int) *Meter { return &Meter{f: newKFilter(rate), rate: rate} }

// bound is the end of 100 ms segment k.
func (m *Meter) bound(k int) int64 { return int64(k+1) * int64(m.rate) / 10 }

// Write adds samples.
func (m *Meter) Write(pcm []float32) {
	m.peak = max(m.peak, absMax(pcm))
	for len(pcm) > 0 {
		end := m.bound(len(m.sums))
		k := int(min(int64(len(pcm)), end-m.pos))
		m.acc += m.f.run(&m.st, pcm[:k])
		m.pos += int64(k)
		pcm = pcm[k:]
		if m.pos == end {
			m.sums = append(m.sums, m.acc)
			m.acc = 0
		}
	}
}

// Loudness is the integrated loudness (LUFS) of everything written, as
// IntegratedLoudness would measure it.
func (m *Meter) Loudness() float64 {
	return gatedLoudness(blockPowersFromSums(m.sums, m.bounds()))
}

func (m *Meter) bounds() []int {
	bounds := make([]int, len(m.sums)+1)
	for k := range bounds {
		bounds[k] = int(int64(k) * int64(m.rate) / 10)
	}
	return bounds
}

// MeterOf measures a whole stream.
func MeterOf(ctx context.Context, s Stream) (*Meter, error) {
	m := NewMeter(s.Rate())
	r := s.Open(0, s.Len())
	buf := make([]float32, streamChunk)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n, err := r.ReadFloats(buf)
		m.Write(buf[:n])
		if err == io.EOF {
			return m, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// SamplePeak is the largest absolute sample written.
func (m *Meter) SamplePeak() float32 { return m.peak }

// dbOrInf is DB for a float32 amplitude.
func dbOrInf(a float32) float64 {
	if a <= 0 {
		return math.Inf(-1)
	}
	return DB(float64(a))
}
