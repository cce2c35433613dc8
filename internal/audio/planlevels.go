package audio

import (
	"context"
	"fmt"
	"runtime"
	"sync"
)

// levels is the sparse form of normalizer.levels: the limiter blocks whose
// peak level (true-peak envelope or sample, whichever is higher) exceeds
// the threshold they were collected for, in block order. Speech is far
// below its peaks most of the time, so this holds a small fraction of the
// blocks, and nothing else about the signal is kept.
type levels struct {
	thr    float32
	blocks []int32
	lv     []float32
}

func (l *levels) add(b int, v float32) {
	if n := len(l.blocks); n > 0 && int(l.blocks[n-1]) == b {
		l.lv[n-1] = max(l.lv[n-1], v)
		return
	}
	l.blocks = append(l.blocks, int32(b))
	l.lv = append(l.lv, v)
}

// max is the highest level collected (0 when none).
func (l *levels) max() float32 {
	var m float32
	for _, v := range l.lv {
		m = max(m, v)
	}
	return m
}

// chunkEnv is the true-peak envelope of one chunk of a stream, with the
// limiterBlock samples before it as history so that every position whose
// window reaches back into the previous chunk is exact. Chunks start at
// multiples of limiterBlock, which keeps envelope blocks aligned with
// limiter blocks as in the whole-signal normalizer.
type chunkEnv struct {
	c0   int64     // stream position of the chunk
	ext  []float32 // history (limiterBlock samples) then the chunk
	env  *peakEnv
	last bool // the stream's last chunk: positions past the end count
}

// valid reports whether envelope position q (ext coordinates) belongs to
// this chunk: its window lies in the chunk's data, or past the stream's end.
func (c *chunkEnv) valid(q int) bool {
	return q >= limiterBlock && (c.last || q < len(c.ext))
}

// eachStreamChunk reads s once, front to back, and calls f with the
// envelope of every chunk in order; f must not keep or change c.ext.
func eachStreamChunk(ctx context.Context, s Stream, u *upsampler, f func(c *chunkEnv) error) error {
	n := s.Len()
	r := s.Open(0, n)
	ext := make([]float32, limiterBlock+streamChunk) // history starts silent
	var env *peakEnv
	for c0 := int64(0); c0 < n; c0 += streamChunk {
		if err := ctx.Err(); err != nil {
			return err
		}
		m := int(min(int64(streamChunk), n-c0))
		ext = ext[:limiterBlock+m]
		got, err := readFull(r, ext[limiterBlock:])
		if err != nil {
			return err
		}
		if got != m {
			return fmt.Errorf("short read at sample %d: %d of %d", c0, got, m)
		}
		env = newPeakEnvReusing(u, ext, env)
		c := &chunkEnv{c0: c0, ext: ext, env: env, last: c0+int64(m) >= n}
		if err := f(c); err != nil {
			return err
		}
		copy(ext[:limiterBlock], ext[len(ext)-limiterBlock:])
	}
	return nil
}

// collectLevels scans s once and returns the levels above thr, as
// updateLevels computes them, with the same shortcut: a position at or
// below the sample peak of the limiter blocks it falls between cannot set
// a block's level, so it is only bounded, not filtered.
func collectLevels(ctx context.Context, s Stream, thr float32) (*levels, error) {
	u := newUpsampler()
	out := &levels{thr: thr}
	n := s.Len()
	var bp []float32
	err := eachStreamChunk(ctx, s, u, func(c *chunkEnv) error {
		ext, env := c.ext, c.env
		bp = bp[:0]
		for j := 0; j*limiterBlock < len(ext); j++ {
			bp = append(bp, absMax(ext[j*limiterBlock:min(len(ext), (j+1)*limiterBlock)]))
		}
		local := func(eb int) float32 {
			l := thr
			if eb-1 >= 0 && eb-1 < len(bp) {
				l = max(l, bp[eb-1])
			}
			if eb < len(bp) {
				l = max(l, bp[eb])
			}
			return l
		}
		var todo []int
		for eb, bound := range env.bounds {
			if bound > thr && (c.valid(eb*scanBlock) || c.valid(eb*scanBlock+scanBlock-1)) {
				todo = append(todo, eb)
			}
		}
		computeBlocks(env, todo, local)
		base := c.c0 - limiterBlock // stream position of ext[0]
		for _, eb := range todo {
			for k, v := range env.vals[eb] {
				q := eb*scanBlock + k
				i := q - u.delay // sample index in ext
				if !c.valid(q) || i < 0 || i >= len(ext) || base+int64(i) < 0 || base+int64(i) >= n {
					continue
				}
				if l := max(v, abs32(ext[i])); l > thr {
					out.add(int((base+int64(i))/limiterBlock), l)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// computeBlocks fills env.vals for the listed blocks, spread over one
// goroutine per CPU.
func computeBlocks(env *peakEnv, todo []int, thr func(eb int) float32) {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(todo)/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var slab []float32
			for i := w; i < len(todo); i += workers {
				env.block(todo[i], thr(todo[i]), &slab)
			}
		})
	}
	wg.Wait()
}

// streamPeakOver returns the largest envelope value of s above floor
// (true peak, or sample peak), or floor when nothing exceeds it.
func streamPeakOver(ctx context.Context, s Stream, floor float32) (float32, error) {
	u := newUpsampler()
	best := floor
	var slab []float32
	err := eachStreamChunk(ctx, s, u, func(c *chunkEnv) error {
		best = max(best, chunkPeakOver(c, max(best, absMax(c.ext[limiterBlock:])), &slab))
		return nil
	})
	return best, err
}

// chunkPeakOver returns the largest envelope value of the chunk above
// floor, or floor; slab is storage for envelope blocks (see block).
func chunkPeakOver(c *chunkEnv, floor float32, slab *[]float32) float32 {
	best := floor
	for eb, bound := range c.env.bounds {
		if bound <= best {
			continue
		}
		for k, v := range c.env.block(eb, best, slab) {
			if c.valid(eb*scanBlock + k) {
				best = max(best, v)
			}
		}
	}
	return best
}
