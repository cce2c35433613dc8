package audio

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"sort"
)

// Spool keeps an assembled stream on disk instead of in memory: 16-bit
// samples as the engines made them (two bytes a sample rather than four),
// with the fades of every edit remembered and re-applied on reading, so
// that what is read back is exactly the float stream Assemble would have
// built. Writing is sequential; reading (ReadFloat) is random access and
// safe from several goroutines once writing has finished (Finish).
type Spool struct {
	f     *os.File
	w     *bufio.Writer
	rate  int
	n     int64
	fades []fadeRegion
	zero  []byte
	meter *Meter
	buf   []float32
	raw   []byte
}

// fadeRegion is one placed piece's kept samples [start, end) and the
// length of the fade at each end.
type fadeRegion struct {
	start, end int64
	n          int
}

// NewSpool writes a stream at rate into f, which the caller created (and
// removes: the spool does not know where scratch files belong). Every
// placed piece is also measured for loudness on the way (Meter).
func NewSpool(f *os.File, rate int) *Spool {
	return &Spool{f: f, w: bufio.NewWriterSize(f, 1<<16), rate: rate, zero: make([]byte, 4096), meter: NewMeter(rate)}
}

// Rate is the stream's sample rate.
func (s *Spool) Rate() int { return s.rate }

// Len is the number of samples written.
func (s *Spool) Len() int64 { return s.n }

// Meter is the loudness meter fed with everything written.
func (s *Spool) Meter() *Meter { return s.meter }

// Write appends one placed piece: its gap of silence, then its samples.
func (s *Spool) Write(pl Placed) error {
	for g := 2 * pl.Gap; g > 0; {
		k := min(g, len(s.zero))
		if _, err := s.w.Write(s.zero[:k]); err != nil {
			return fmt.Errorf("spool: %w", err)
		}
		g -= k
	}
	s.raw = s.raw[:0]
	for _, v := range pl.Samples {
		s.raw = binary.LittleEndian.AppendUint16(s.raw, uint16(v))
	}
	if _, err := s.w.Write(s.raw); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	start := s.n + int64(pl.Gap)
	end := start + int64(len(pl.Samples))
	if pl.Fade > 0 {
		s.fades = append(s.fades, fadeRegion{start, end, pl.Fade})
	}
	s.n = end
	// The meter sees the float stream, fades included, piece by piece.
	s.buf = pl.AppendFloat(s.buf[:0])
	s.meter.Write(s.buf)
	if cap(s.buf) > 1<<20 {
		s.buf, s.raw = nil, nil // one very long piece should not pin its buffers
	}
	return nil
}

// Finish flushes what was written; reading may start.
func (s *Spool) Finish() error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	return nil
}

// ReadFloat fills dst with samples [off, off+len(dst)) as float PCM.
func (s *Spool) ReadFloat(off int64, dst []float32, raw []byte) error {
	if off < 0 || off+int64(len(dst)) > s.n {
		return fmt.Errorf("spool: read [%d, %d) outside %d samples", off, off+int64(len(dst)), s.n)
	}
	raw = raw[:2*len(dst)]
	if _, err := s.f.ReadAt(raw, 2*off); err != nil && err != io.EOF {
		return fmt.Errorf("spool: %w", err)
	}
	for i := range dst {
		dst[i] = float32(int16(binary.LittleEndian.Uint16(raw[2*i:]))) / 32768
	}
	// Re-apply the fades of the pieces overlapping [off, end).
	end := off + int64(len(dst))
	k := sort.Search(len(s.fades), func(i int) bool { return s.fades[i].end > off })
	for ; k < len(s.fades) && s.fades[k].start < end; k++ {
		r := s.fades[k]
		for i := 0; i < r.n; i++ {
			g := FadeGain(i, r.n)
			if p := r.start + int64(i); p >= off && p < end {
				dst[p-off] *= g
			}
			if p := r.end - 1 - int64(i); p >= off && p < end {
				dst[p-off] *= g
			}
		}
	}
	return nil
}

// Open returns a reader of samples [lo, hi).
func (s *Spool) Open(lo, hi int64) FloatReader {
	return &spoolReader{s: s, pos: lo, end: hi}
}

type spoolReader struct {
	s        *Spool
	pos, end int64
	raw      []byte
}

func (r *spoolReader) ReadFloats(dst []float32) (int, error) {
	n := int(min(int64(len(dst)), r.end-r.pos))
	if n <= 0 {
		return 0, io.EOF
	}
	if len(r.raw) < 2*n {
		r.raw = make([]byte, 2*n)
	}
	if err := r.s.ReadFloat(r.pos, dst[:n], r.raw); err != nil {
		return 0, err
	}
	r.pos += int64(n)
	return n, nil
}
