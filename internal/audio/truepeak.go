package audio

import (
	"cmp"
	"math"
	"slices"
)

// tapsPerPhase is the length of each polyphase branch. BS.1770-4 Annex 2
// uses 12 taps per phase, but such a short filter rolls off well below
// Nyquist, and engines at 16 kHz put real energy near 8 kHz: after limiting
// to a 12-tap meter, ffmpeg read peaks 0.9 dB higher. 32 taps keep the pass
// band flat to about 0.9·Nyquist.
const tapsPerPhase = 32

// oversampling is the true-peak oversampling factor, the 4× of BS.1770-4.
// Measured on limited flite speech, 8× read peaks only 0.007 dB higher,
// for twice the work.
func oversampling(rate int) int { return 4 }

// upsampler is a polyphase interpolating FIR: phase p of output position n
// is Σ_j x[n-T+1+j]·phases[p][j].
type upsampler struct {
	factor int
	phases [][]float32
	// gain bounds |output| / max|input window| over all phases; blocks
	// whose inputs are too small to beat a known peak even at this gain
	// can be skipped without computing them.
	gain float64
	// groupGain[p][k] is Σ|tap| of phase p over taps 4k..4k+3, for the
	// block bounds in peakEnv.
	groupGain [][]float32
	// delay is the filter's group delay in input samples, rounded.
	delay int
}

func newUpsampler(rate int) *upsampler {
	l := oversampling(rate)
	n := l * tapsPerPhase
	c := float64(n-1) / 2
	const beta = 7.0 // Kaiser window: ~70 dB stop band, enough for a peak meter
	h := make([]float64, n)
	for m := range h {
		t := (float64(m) - c) / float64(l)
		w := float64(m) - c
		r := w / (c + 1)
		h[m] = sinc(t) * besselI0(beta*math.Sqrt(1-r*r)) / besselI0(beta)
	}
	u := &upsampler{factor: l, phases: make([][]float32, l), delay: int(math.Round(c / float64(l)))}
	for p := 0; p < l; p++ {
		ph := make([]float32, tapsPerPhase)
		var sum, abs float64
		for k := 0; k < tapsPerPhase; k++ {
			sum += h[p+k*l]
		}
		for k := 0; k < tapsPerPhase; k++ {
			// Unity DC gain per phase, then reversed so that index j
			// multiplies x[n-T+1+j] (ascending time).
			v := h[p+k*l] / sum
			ph[tapsPerPhase-1-k] = float32(v)
			abs += math.Abs(v)
		}
		u.phases[p] = ph
		u.gain = max(u.gain, abs)
	}
	u.groupGain = make([][]float32, l)
	for p, ph := range u.phases {
		u.groupGain[p] = make([]float32, tapsPerPhase/4)
		for k := range u.groupGain[p] {
			var g float64
			for _, v := range ph[4*k : 4*k+4] {
				g += math.Abs(float64(v))
			}
			// A hair of headroom absorbs float32 rounding in the filter.
			u.groupGain[p][k] = float32(g * 1.0001)
		}
	}
	return u
}

func sinc(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Sin(math.Pi*x) / (math.Pi * x)
}

// besselI0 is the modified Bessel function of the first kind, order 0, by
// its power series (converges quickly for the β used here).
func besselI0(x float64) float64 {
	sum, term := 1.0, 1.0
	for k := 1; k < 50; k++ {
		term *= (x / (2 * float64(k))) * (x / (2 * float64(k)))
		sum += term
		if term < sum*1e-16 {
			break
		}
	}
	return sum
}

// scanBlock is the number of output positions handled together: small
// enough that quiet stretches of speech are skipped, large enough to
// amortise the bound computation. It must be a multiple of 4.
const scanBlock = 32

// peakEnv computes the interpolated peak envelope of a signal lazily, block
// by block: a cheap upper bound per block lets callers skip the filtering
// wherever the signal cannot reach the level they care about.
//
// Output position q covers the L interpolated points computed from
// x[q-T+1 .. q]; the points are centred about u.delay samples before q.
type peakEnv struct {
	u      *upsampler
	n      int         // number of output positions: len(pcm)+T-1
	xp     []float32   // pcm with T-1 zeros before and enough zeros after
	bounds []float32   // per block, ≥ every |interpolated value| in it
	vals   [][]float32 // per block, per output position; nil until computed
}

func newPeakEnv(u *upsampler, pcm []float32) *peakEnv {
	const t = tapsPerPhase
	n := len(pcm) + t - 1
	nb := (n + scanBlock - 1) / scanBlock
	// Blocks read xp[bB : bB+B+T-1]; round up to whole 4-sample chunks.
	xp := make([]float32, nb*scanBlock+t+8)
	copy(xp[t-1:], pcm)
	e := &peakEnv{u: u, n: n, xp: xp, bounds: make([]float32, nb), vals: make([][]float32, nb)}

	// m4[c] is max|xp[4c..4c+3]|; tap group k (taps 4k..4k+3) of block b
	// reads chunks b·B/4+k .. b·B/4+k+B/4, so it sees the sliding maximum
	// w[c] of B/4+1 chunks. Weighting each group by its own tap mass gives a
	// bound far tighter than max|x|·Σ|h|: a quiet block next to a loud one
	// only pays for its small outer taps.
	// The maxima are taken on the IEEE bit patterns with the sign bit
	// cleared: for finite non-negative floats integer order is float order,
	// and integer max compiles to branch-free code.
	m4 := make([]uint32, len(xp)/4)
	for c := range m4 {
		x := xp[4*c : 4*c+4 : 4*c+4]
		m4[c] = max(absBits(x[0]), absBits(x[1]), absBits(x[2]), absBits(x[3]))
	}
	const span = scanBlock/4 + 1
	groups := t / 4
	w := make([]float32, nb*scanBlock/4+groups)
	for c := range w {
		var m uint32
		for _, v := range m4[c:min(c+span, len(m4))] {
			m = max(m, v)
		}
		w[c] = math.Float32frombits(m)
	}
	for b := range e.bounds {
		// Per phase, then the largest: summing per-group maxima over
		// phases would count the central taps twice.
		var sum float32
		c0 := b * scanBlock / 4
		wb := w[c0 : c0+groups]
		for _, gg := range u.groupGain {
			var s float32
			for k, g := range gg[:len(wb)] {
				s += g * wb[k]
			}
			sum = max(sum, s)
		}
		// Also cover the raw samples, so callers can treat a block whose
		// bound is low as entirely quiet.
		for _, v := range w[c0 : c0+groups] {
			sum = max(sum, v)
		}
		e.bounds[b] = sum
	}
	return e
}

// block returns the envelope values of block b, computing them once.
func (e *peakEnv) block(b int) []float32 {
	if v := e.vals[b]; v != nil {
		return v
	}
	lo, hi := b*scanBlock, min((b+1)*scanBlock, e.n)
	v := make([]float32, hi-lo)
	for q := lo; q < hi; q++ {
		v[q-lo] = float32(e.u.peakAt(e.xp, q+tapsPerPhase-1))
	}
	e.vals[b] = v
	return v
}

// peakAt returns the largest |interpolated value| over all phases at output
// position n of the padded signal xp (n ≥ tapsPerPhase-1).
func (u *upsampler) peakAt(xp []float32, n int) float64 {
	w := xp[n-tapsPerPhase+1 : n+1 : n+1]
	var best float32
	for _, ph := range u.phases {
		ph = ph[:len(w)]
		var a0, a1, a2, a3 float32
		for j := 0; j+3 < len(w); j += 4 {
			a0 += w[j] * ph[j]
			a1 += w[j+1] * ph[j+1]
			a2 += w[j+2] * ph[j+2]
			a3 += w[j+3] * ph[j+3]
		}
		y := (a0 + a1) + (a2 + a3)
		if y < 0 {
			y = -y
		}
		if y > best {
			best = y
		}
	}
	return float64(best)
}

// TruePeak returns the true peak of mono pcm in dBTP: the largest absolute
// value of the signal oversampled (≥4×) with a polyphase FIR, and never less
// than the sample peak. Silence gives -Inf.
func TruePeak(pcm []float32, rate int) float64 {
	return DB(truePeakLinear(pcm, rate))
}

func truePeakLinear(pcm []float32, rate int) float64 {
	peak := float64(absMax(pcm))
	if peak == 0 {
		return 0
	}
	e := newPeakEnv(newUpsampler(rate), pcm)
	// Visit the blocks that could beat the sample peak, most promising
	// first, and stop at the first whose bound cannot beat the best so far.
	var cand []int
	for b, bound := range e.bounds {
		if float64(bound) > peak {
			cand = append(cand, b)
		}
	}
	slices.SortFunc(cand, func(a, b int) int { return cmp.Compare(e.bounds[b], e.bounds[a]) })
	for _, b := range cand {
		if float64(e.bounds[b]) <= peak {
			break
		}
		for _, v := range e.block(b) {
			peak = max(peak, float64(v))
		}
	}
	return peak
}

func absBits(v float32) uint32 { return math.Float32bits(v) &^ (1 << 31) }

func absMax(s []float32) float32 {
	var m uint32
	for _, v := range s {
		m = max(m, absBits(v))
	}
	return math.Float32frombits(m)
}
