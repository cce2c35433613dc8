package audio

import (
	"math"
	"runtime"
	"sync"
)

// Limiter design. The gain is computed at one control point per
// limiterBlock samples and interpolated linearly between them, which is
// cheap and smooth. The look-ahead is also the attack: gain falls along a
// ramp over about two look-aheads before a peak, never a step, so limiting
// makes no click. Release is slower so the gain does not follow the speech
// waveform (which would distort it).
const (
	limiterBlock     = 32
	limiterLookahead = 0.005 // seconds
	limiterRelease   = 0.060 // seconds, one-pole time constant
	// limiterMargin keeps the limiter's own ceiling a little below the
	// requested one: other meters (ffmpeg resamples to 48 kHz before
	// oversampling) read inter-sample peaks slightly differently; on flite
	// speech ffmpeg read up to 0.2 dB above this package.
	limiterMargin = 0.5 // dB
	// maxExtraGain caps how far Normalize raises the gain beyond the plain
	// loudness difference to make up for limiting; signals that would need
	// more are left a little quiet rather than squashed.
	maxExtraGain = 6.0 // dB
	// loudnessTolerance is how close Normalize gets to the target before
	// it stops refining; R128 allows ±1 LU for programmes like ours.
	loudnessTolerance = 0.25 // LU
	// maxPasses bounds the gain refinement in Normalize.
	maxPasses = 5
)

// NormalizeStats reports what Normalize measured and did.
type NormalizeStats struct {
	InputLUFS      float64 // integrated loudness before
	InputPeakDBTP  float64 // true peak before
	GainDB         float64 // static gain applied before limiting
	MaxReductionDB float64 // deepest limiter gain reduction (≥ 0)
	OutputLUFS     float64 // integrated loudness after
	OutputPeakDBTP float64 // true peak after
	Passes         int     // gain/limit/measure rounds
}

// Normalize scales mono pcm in place to targetLUFS integrated loudness and
// limits its true peak to peakDBTP with a look-ahead limiter, then measures
// the result again. Because limiting lowers loudness a little, the gain is
// refined (at most five passes) until the result is within 0.25 LU of the
// target. Input without measurable loudness (silence, shorter than 400 ms)
// is left untouched.
func Normalize(pcm []float32, rate int, targetLUFS, peakDBTP float64) NormalizeStats {
	var st NormalizeStats
	if rate <= 0 {
		st.InputLUFS, st.OutputLUFS = math.Inf(-1), math.Inf(-1)
		st.InputPeakDBTP, st.OutputPeakDBTP = DB(float64(absMax(pcm))), DB(float64(absMax(pcm)))
		return st
	}
	src := make([]float32, len(pcm))
	copy(src, pcm)
	nz := newNormalizer(src, rate)
	st.InputLUFS = gatedLoudness(blockPowersFromSums(nz.sums, nz.bounds))
	if math.IsInf(st.InputLUFS, -1) {
		st.InputPeakDBTP = DB(float64(nz.env.peak(absMax(src))))
		st.OutputLUFS, st.OutputPeakDBTP = st.InputLUFS, st.InputPeakDBTP
		return st
	}
	ceiling := Linear(peakDBTP - limiterMargin)

	// Limiting lowers loudness, and the more gain the more it limits, so
	// the gain is refined by the secant method on (gain, loudness). The
	// search runs on estimates; each round ends with the real thing:
	// apply, then measure.
	gain := targetLUFS - st.InputLUFS
	maxGain := gain + maxExtraGain
	var curve []float32
	for st.Passes < maxPasses {
		var lowest float32
		prevGain, prevLUFS := 0.0, st.InputLUFS
		for range 8 {
			curve, lowest = nz.limiterCurve(Linear(gain), ceiling)
			est := nz.estimateLoudness(Linear(gain), curve)
			miss := targetLUFS - est
			if math.Abs(miss) <= loudnessTolerance/2 {
				break
			}
			next := secantGain(gain, prevGain, est, prevLUFS, miss, maxGain)
			prevGain, prevLUFS = gain, est
			if next == gain {
				break
			}
			gain = next
		}
		st.Passes++
		st.GainDB = gain
		st.MaxReductionDB = -DB(float64(lowest))
		nz.apply(pcm, Linear(gain), curve)
		st.OutputLUFS = nz.loudness(pcm, Linear(gain), curve)
		miss := targetLUFS - st.OutputLUFS
		if math.Abs(miss) <= loudnessTolerance || gain >= maxGain {
			break
		}
		// The estimate was off by about miss; aim past it.
		gain = min(gain+miss, maxGain)
	}
	// Measured last, this reuses the envelope blocks the limiter computed.
	st.InputPeakDBTP = DB(float64(nz.env.peak(absMax(src))))
	// The curve is planned on the input's envelope; a gain that moves
	// within the interpolation window shifts peaks by a little. Measure the
	// output, and in the rare case it pokes over, limit it once more.
	g := float32(Linear(st.GainDB))
	out := nz.env.rescaled(pcm, func(b int) (float32, bool) {
		c, flat := nz.curveMax(curve, b)
		return g * c, flat
	})
	st.OutputPeakDBTP = DB(float64(out.peak(absMax(pcm))))
	for extra := 1; extra <= 3 && st.OutputPeakDBTP > peakDBTP-limiterMargin/2; extra++ {
		copy(src, pcm)
		again := newNormalizer(src, rate)
		curve, lowest := again.limiterCurve(1, ceiling*Linear(-0.1*float64(extra)))
		again.apply(pcm, 1, curve)
		st.MaxReductionDB = max(st.MaxReductionDB, -DB(float64(lowest)))
		st.OutputLUFS = again.loudness(pcm, 1, curve)
		st.OutputPeakDBTP = TruePeak(pcm, rate)
	}
	return st
}

// normalizer holds what the gain passes share: the input, its K-weighted
// segment energies and its lazily computed true-peak envelope.
type normalizer struct {
	rate   int
	src    []float32
	u      *upsampler
	env    *peakEnv
	f      *kFilter
	sums   []float64 // K-weighted energy of src per 100 ms segment
	bounds []int     // segment boundaries
	// blockE is the K-weighted energy of src per limiterBlock samples,
	// for estimating the loudness of a gain curve without filtering.
	blockE []float64
	// levels[b] is the peak level of limiter block b where it exceeds
	// levelThr (see updateLevels).
	levels    []float32
	levelThr  float32
	blockPeak []float32 // sample peak per limiter block
	// Scratch for limiterCurve.
	need, held, curve []float32
}

func newNormalizer(src []float32, rate int) *normalizer {
	u := newUpsampler()
	nz := &normalizer{rate: rate, src: src, u: u, f: newKFilter(rate)}
	// The envelope's bounds and the filter pass are independent; the
	// envelope is built alongside.
	envDone := make(chan struct{})
	go func() {
		nz.env = newPeakEnv(u, src)
		close(envDone)
	}()
	defer func() { <-envDone }()
	nz.bounds = segmentBounds(len(src), rate)
	nz.sums = make([]float64, max(0, len(nz.bounds)-1))
	nz.blockE = make([]float64, (len(src)+limiterBlock-1)/limiterBlock)
	// One filter pass, cut at every block and segment boundary, yields
	// both the exact segment energies and the block energies.
	var st kState
	seg := 0
	for pos := 0; pos < len(src); {
		end := min((pos/limiterBlock+1)*limiterBlock, len(src))
		if seg < len(nz.sums) {
			end = min(end, nz.bounds[seg+1])
		}
		e := nz.f.run(&st, src[pos:end])
		nz.blockE[pos/limiterBlock] += e
		if seg < len(nz.sums) {
			nz.sums[seg] += e
			if end == nz.bounds[seg+1] {
				seg++
			}
		}
		pos = end
	}
	return nz
}

// estimateLoudness estimates the integrated loudness of src·gain·curve
// from block energies: within a 32-sample block the curve is nearly
// constant, so the K-weighted output energy is nearly curve² times the
// input's. It costs one multiply per block instead of a filter pass, so
// the gain search runs on estimates and only the result is measured.
func (nz *normalizer) estimateLoudness(gain float64, curve []float32) float64 {
	g2 := gain * gain
	sums := make([]float64, len(nz.sums))
	for seg := range sums {
		lo, hi := nz.bounds[seg], nz.bounds[seg+1]
		if curve == nil || nz.untouched(curve, lo, hi) {
			sums[seg] = nz.sums[seg] * g2
			continue
		}
		// Blocks are assigned to the segment holding their first sample.
		var e float64
		for b := (lo + limiterBlock - 1) / limiterBlock; b*limiterBlock < hi; b++ {
			c := float64(curve[b])
			e += c * c * nz.blockE[b]
		}
		sums[seg] = e * g2
	}
	return gatedLoudness(blockPowersFromSums(sums, nz.bounds))
}

// limiterCurve returns the limiter's gain (≤ 1) at the centre of every
// limiterBlock-sample block for src·gain to stay under ceiling, and the
// lowest value; nil when no limiting is needed. The returned slice is
// reused by the next call.
func (nz *normalizer) limiterCurve(gain, ceiling float64) ([]float32, float32) {
	thr := float32(ceiling / gain)
	nz.updateLevels(thr)
	nb := len(nz.levels)
	if cap(nz.need) < nb {
		nz.need, nz.held, nz.curve = make([]float32, nb), make([]float32, nb), make([]float32, nb)
	}
	need, held, curve := nz.need[:nb], nz.held[:nb], nz.curve[:nb]
	// need[b] is the largest gain keeping every sample of block b and its
	// interpolated neighbours under the ceiling.
	any := false
	lowest := float32(1)
	for b, l := range nz.levels {
		need[b] = 1
		if l > thr {
			need[b] = thr / l
			lowest = min(lowest, need[b])
			any = true
		}
	}
	if !any {
		return nil, 1
	}

	radius := int(math.Ceil(limiterLookahead * float64(nz.rate) / limiterBlock))
	// A sliding minimum over ±(radius+1) blocks followed by a box average
	// over ±radius leaves every control point at or below the need of its
	// own block and both neighbours, so the linear interpolation between
	// two control points never exceeds the need of the samples between.
	for b := range held {
		m := float32(1)
		for _, v := range need[max(0, b-radius-1):min(nb, b+radius+2)] {
			m = min(m, v)
		}
		held[b] = m
	}
	// One-pole release: the gain may rise only slowly after a peak but may
	// fall at once (the box average then rounds the fall off). Close to 1
	// it snaps to exactly 1 (a −80 dB step, inaudible), so untouched
	// stretches stay exactly untouched.
	rel := float32(1 - math.Exp(-limiterBlock/(limiterRelease*float64(nz.rate))))
	h := float32(1)
	for b, m := range held {
		h += (1 - h) * rel
		if h > 1-1e-4 {
			h = 1
		}
		h = min(h, m)
		held[b] = h
	}
	w := float32(2*radius + 1)
	for b := range curve {
		var sum float32
		for k := b - radius; k <= b+radius; k++ {
			if k < 0 || k >= nb {
				sum++
			} else {
				sum += held[k]
			}
		}
		// A window of exact ones sums to exactly w, so untouched
		// stretches keep a curve of exactly 1.
		curve[b] = min(sum/w, 1)
	}
	return curve, lowest
}

// apply writes src·gain·curve into dst. The curve is linear between
// control points at block centres and flat before the first and after the
// last.
func (nz *normalizer) apply(dst []float32, gain float64, curve []float32) {
	g := float32(gain)
	src := nz.src
	dst = dst[:len(src)]
	if curve == nil {
		for i, v := range src {
			dst[i] = v * g
		}
		return
	}
	const half = limiterBlock / 2
	flat := func(lo, hi int, c float32) {
		c *= g
		for i := lo; i < hi; i++ {
			dst[i] = src[i] * c
		}
	}
	n := len(src)
	flat(0, min(half, n), curve[0])
	for b := 0; b+1 < len(curve); b++ {
		lo := b*limiterBlock + half
		if lo >= n {
			return
		}
		hi := min(lo+limiterBlock, n)
		c0, c1 := curve[b], curve[b+1]
		if c0 == c1 {
			flat(lo, hi, c0)
			continue
		}
		step := (c1 - c0) / limiterBlock * g
		c := c0 * g
		for i := lo; i < hi; i++ {
			dst[i] = src[i] * c
			c += step
		}
	}
	if last := (len(curve)-1)*limiterBlock + half; last < n {
		flat(last, n, curve[len(curve)-1])
	}
}

// updateLevels makes nz.levels[b] the peak level (true-peak envelope or
// sample, whichever is higher) of limiter block b wherever it exceeds thr.
// Levels do not depend on the gain, so they are kept between calls and
// only recomputed when a lower threshold (more gain) asks for more detail.
// Most speech is far below the peak, so envelope blocks are dismissed by
// their bound first.
func (nz *normalizer) updateLevels(thr float32) {
	n := len(nz.src)
	if nz.levels == nil {
		nz.levels = make([]float32, (n+limiterBlock-1)/limiterBlock)
		nz.levelThr = math.MaxFloat32
	}
	if thr >= nz.levelThr {
		return
	}
	// The filtering, block by block, is spread over one goroutine per
	// CPU; the levels are then gathered in one cheap serial pass.
	var todo []int
	for eb, bound := range nz.env.bounds {
		if bound > thr {
			todo = append(todo, eb)
		}
	}
	// A limiter block only needs its maximum, and the curve at any sample
	// is held under the need of its own block and both neighbours. So in
	// envelope block eb, whose positions belong to limiter blocks eb-1 and
	// eb, a position at or below the larger sample peak of those two
	// blocks cannot matter: that peak already sets the level of a block
	// within one of it. Only inter-sample overs need exact filtering.
	if nz.blockPeak == nil {
		nz.blockPeak = make([]float32, len(nz.levels))
		for b := range nz.blockPeak {
			nz.blockPeak[b] = absMax(nz.src[b*limiterBlock : min(n, (b+1)*limiterBlock)])
		}
	}
	local := func(eb int) float32 {
		l := thr
		if b := eb - 1; b >= 0 && b < len(nz.blockPeak) {
			l = max(l, nz.blockPeak[b])
		}
		if eb < len(nz.blockPeak) {
			l = max(l, nz.blockPeak[eb])
		}
		return l
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(todo)/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var slab []float32
			for i := w; i < len(todo); i += workers {
				nz.env.block(todo[i], local(todo[i]), &slab)
			}
		})
	}
	wg.Wait()
	delay := nz.u.delay
	for _, eb := range todo {
		for k, v := range nz.env.vals[eb] {
			i := eb*scanBlock + k - delay
			if i < 0 || i >= n {
				continue
			}
			// v < 0 marks a position known to stay ≤ thr.
			if l := max(v, abs32(nz.src[i])); l > thr {
				nz.levels[i/limiterBlock] = max(nz.levels[i/limiterBlock], l)
			}
		}
	}
	nz.levelThr = thr
}

// curveMax is the largest curve value applied to any sample that envelope
// block b reads (samples bB-T+1 .. bB+B-1), and whether the curve is flat
// (the same value everywhere) there.
func (nz *normalizer) curveMax(curve []float32, b int) (float32, bool) {
	if curve == nil {
		return 1, true
	}
	lo, hi := b*scanBlock-tapsPerPhase+1, b*scanBlock+scanBlock-1
	// Sample i interpolates control points ⌊(i-B/2)/B⌋ and the next.
	first := max(0, floorDiv(lo-limiterBlock/2, limiterBlock))
	last := min(len(curve)-1, floorDiv(hi-limiterBlock/2, limiterBlock)+1)
	first = min(first, len(curve)-1)
	lo0 := curve[first]
	m, flat := lo0, true
	for _, c := range curve[first : max(last, first)+1] {
		m = max(m, c)
		flat = flat && c == lo0
	}
	return m, flat
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// untouched reports whether the curve is exactly 1 for samples [lo, hi).
func (nz *normalizer) untouched(curve []float32, lo, hi int) bool {
	// Samples in block b interpolate control points b-1, b and b+1.
	for b := max(0, lo/limiterBlock-1); b <= min(len(curve)-1, (hi-1)/limiterBlock+1); b++ {
		if curve[b] != 1 {
			return false
		}
	}
	return true
}

// loudness measures the integrated loudness of out = src·gain·curve. By
// linearity of the K-weighting, a segment whose samples (and the filter's
// memory before them) the limiter did not touch has exactly gain² times
// the input's energy; only touched stretches are filtered again, starting
// kWarmup seconds early so the filter state has converged.
func (nz *normalizer) loudness(out []float32, gain float64, curve []float32) float64 {
	g2 := gain * gain
	sums := make([]float64, len(nz.sums))
	warm := int(kWarmup*float64(nz.rate)) + 1
	var st kState
	filteredTo := -1 // out has been filtered up to here with state st
	for seg := range sums {
		lo, hi := nz.bounds[seg], nz.bounds[seg+1]
		if curve == nil || nz.untouched(curve, max(0, lo-warm), hi) {
			sums[seg] = nz.sums[seg] * g2
			continue
		}
		if filteredTo != lo {
			st = kState{}
			from := max(0, lo-warm)
			nz.f.run(&st, out[from:lo])
		}
		sums[seg] = nz.f.run(&st, out[lo:hi])
		filteredTo = hi
	}
	return gatedLoudness(blockPowersFromSums(sums, nz.bounds))
}

// secantGain is the next gain to try, in dB, when gain gave an estimated
// loudness miss dB short of the target and prevGain gave prevLUFS: a secant
// step whose slope is clamped because each dB of gain adds at most a dB of
// loudness, and a floor keeps a heavily limited signal from asking for
// absurd gain; never above maxGain.
func secantGain(gain, prevGain, est, prevLUFS, miss, maxGain float64) float64 {
	slope := 1.0
	if d := gain - prevGain; d != 0 {
		slope = (est - prevLUFS) / d
	}
	slope = min(max(slope, 0.25), 1)
	return min(gain+miss/slope, maxGain)
}
