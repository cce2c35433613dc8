package audio

import "math"

// Limiter timing. The look-ahead is also the attack: gain falls along a
// smooth ramp over about two look-aheads before a peak, never a step, so
// limiting makes no click. Release is slower so the gain does not follow the
// speech waveform (which would distort it).
const (
	limiterLookahead = 0.005 // seconds
	limiterRelease   = 0.060 // seconds, one-pole time constant
	// limiterMargin keeps the limiter's own ceiling a little below the
	// requested one: other meters (ffmpeg resamples to 48 kHz before
	// oversampling) read inter-sample peaks slightly differently.
	limiterMargin = 0.5 // dB
	// maxExtraGain caps how far Normalize raises the gain beyond the plain
	// loudness difference to make up for limiting; signals that would need
	// more are left a little quiet rather than squashed.
	maxExtraGain = 6.0 // dB
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
}

// Normalize scales mono pcm in place to targetLUFS integrated loudness and
// limits its true peak to peakDBTP with a look-ahead limiter, then measures
// the result again. Because limiting lowers loudness a little, the gain is
// refined (at most five passes) until the result is within 0.1 LU of the
// target. Input without measurable loudness (silence, shorter than 400 ms)
// is left untouched.
func Normalize(pcm []float32, rate int, targetLUFS, peakDBTP float64) NormalizeStats {
	st := NormalizeStats{
		InputLUFS:     IntegratedLoudness(pcm, rate),
		InputPeakDBTP: TruePeak(pcm, rate),
	}
	if math.IsInf(st.InputLUFS, -1) || rate <= 0 {
		st.OutputLUFS, st.OutputPeakDBTP = st.InputLUFS, st.InputPeakDBTP
		return st
	}
	orig := make([]float32, len(pcm))
	copy(orig, pcm)
	u := newUpsampler(rate)
	env := newPeakEnv(u, orig)
	ceiling := Linear(peakDBTP - limiterMargin)

	// Limiting lowers loudness, and the more gain the more it limits, so
	// the gain is refined by the secant method on (gain, loudness).
	gain := targetLUFS - st.InputLUFS
	prevGain, prevLUFS := 0.0, st.InputLUFS
	for pass := 0; pass < maxPasses; pass++ {
		st.GainDB = gain
		st.MaxReductionDB = limit(env, orig, pcm, rate, Linear(gain), ceiling)
		st.OutputLUFS = IntegratedLoudness(pcm, rate)
		miss := targetLUFS - st.OutputLUFS
		if math.Abs(miss) <= 0.1 {
			break
		}
		slope := 1.0
		if d := gain - prevGain; d != 0 {
			slope = (st.OutputLUFS - prevLUFS) / d
		}
		// Each dB of gain adds at most a dB of loudness; a floor keeps a
		// heavily limited signal from asking for absurd gain.
		slope = min(max(slope, 0.25), 1)
		prevGain, prevLUFS = gain, st.OutputLUFS
		gain = min(gain+miss/slope, targetLUFS-st.InputLUFS+maxExtraGain)
		if gain == prevGain {
			break
		}
	}
	// The limiter works on per-sample envelopes of a smoothly varying gain;
	// in rare cases the product still pokes over. Limit the output again
	// (unity gain) until the true peak is within bounds.
	st.OutputPeakDBTP = TruePeak(pcm, rate)
	for pass := 0; pass < 3 && st.OutputPeakDBTP > peakDBTP-limiterMargin/2; pass++ {
		copy(orig, pcm)
		red := limit(newPeakEnv(u, orig), orig, pcm, rate, 1, ceiling*Linear(-0.1*float64(pass+1)))
		st.MaxReductionDB = max(st.MaxReductionDB, red)
		st.OutputPeakDBTP = TruePeak(pcm, rate)
		st.OutputLUFS = IntegratedLoudness(pcm, rate)
	}
	return st
}

// limit writes src·gain into dst, reducing the gain smoothly wherever the
// true peak would exceed ceiling (linear). It returns the deepest reduction
// in dB.
func limit(e *peakEnv, src, dst []float32, rate int, gain, ceiling float64) float64 {
	n := len(src)
	// need[i] is the largest gain factor (≤1) that keeps sample i's true
	// peak envelope under the ceiling. Most speech is far below the peak,
	// so whole blocks are dismissed by their bound before any filtering.
	need := make([]float32, n)
	for i := range need {
		need[i] = 1
	}
	any := false
	lowest := float32(1)
	delay := e.u.delay
	for b, bound := range e.bounds {
		if float64(bound)*gain <= ceiling {
			continue
		}
		for k, v := range e.block(b) {
			i := b*scanBlock + k - delay
			if i < 0 || i >= n {
				continue
			}
			env := max(math.Abs(float64(src[i])), float64(v)) * gain
			if env > ceiling {
				g := float32(ceiling / env)
				need[i] = g
				any = true
				lowest = min(lowest, g)
			}
		}
	}
	if !any {
		g := float32(gain)
		for i, v := range src {
			dst[i] = v * g
		}
		return 0
	}

	radius := max(1, int(limiterLookahead*float64(rate)))
	// A sliding minimum over ±radius followed by a box average over
	// ±radius never exceeds need[i] at any i: every value averaged for i
	// is a minimum over a window that contains i.
	env := slidingMin(need, radius)
	// One-pole release: the gain may rise only slowly after a peak, but
	// may fall at once (the box average then rounds the fall off).
	rel := float32(1 - math.Exp(-1/(limiterRelease*float64(rate))))
	h := float32(1)
	for i, m := range env {
		h += (1 - h) * rel
		if m < h {
			h = m
		}
		env[i] = h
	}
	boxAverage(env, radius, func(i int, g float64) {
		dst[i] = float32(float64(src[i]) * gain * g)
	})
	return -DB(float64(lowest))
}

// slidingMin returns out[i] = min(a[i-r .. i+r]) (clamped to the slice)
// with a monotonic deque in O(n).
func slidingMin(a []float32, r int) []float32 {
	n := len(a)
	out := make([]float32, n)
	size := 2*r + 2
	dq := make([]int, size) // ring buffer of indices with increasing values
	head, tail := 0, 0      // dq[head%size .. tail%size)
	for j := 0; j < n+r; j++ {
		if j < n {
			v := a[j]
			for tail > head && a[dq[(tail-1)%size]] >= v {
				tail--
			}
			dq[tail%size] = j
			tail++
		}
		if i := j - r; i >= 0 {
			for dq[head%size] < i-r {
				head++
			}
			out[i] = a[dq[head%size]]
		}
	}
	return out
}

// boxAverage calls emit(i, mean(a[i-r .. i+r])) for every i, treating
// positions outside the slice as 1 (no gain reduction).
func boxAverage(a []float32, r int, emit func(i int, v float64)) {
	n := len(a)
	w := float64(2*r + 1)
	at := func(k int) float64 {
		if k < 0 || k >= n {
			return 1
		}
		return float64(a[k])
	}
	var sum float64
	for k := -r; k <= r; k++ {
		sum += at(k)
	}
	for i := 0; i < n; i++ {
		emit(i, sum/w)
		sum += at(i+r+1) - at(i-r)
	}
}
