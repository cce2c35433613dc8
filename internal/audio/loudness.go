package audio

import "math"

// Loudness constants from ITU-R BS.1770-4 and EBU R128.
const (
	// DefaultTargetLUFS is the EBU R128 / podcast target for speech.
	DefaultTargetLUFS = -16.0
	// DefaultPeakDBTP is the highest true peak Normalize lets through.
	DefaultPeakDBTP = -1.0

	absoluteGateLUFS = -70.0
	relativeGateLU   = -10.0
	// loudnessOffset is the −0.691 dB in L = −0.691 + 10·log10(z); it makes
	// a 997 Hz sine at 0 dBFS read −3.01 LUFS.
	loudnessOffset = -0.691
)

// biquad is one second-order IIR section, a0 normalised to 1.
type biquad struct{ b0, b1, b2, a1, a2 float64 }

// kWeighting returns the two BS.1770 K-weighting stages (the high-shelf
// "pre-filter" and the RLB high-pass) designed for rate by the bilinear
// transform of the analog prototypes, so the response matches the standard
// at 16 or 22.05 kHz as well as at the 48 kHz the standard tabulates. The
// prototype parameters are those that reproduce the 48 kHz table exactly
// (as in libebur128).
func kWeighting(rate int) (shelf, highpass biquad) {
	fs := float64(rate)

	f0, gain, q := 1681.974450955533, 3.999843853973347, 0.7071752369554196
	k := math.Tan(math.Pi * f0 / fs)
	vh := math.Pow(10, gain/20)
	vb := math.Pow(vh, 0.4996667741545416)
	a0 := 1 + k/q + k*k
	shelf = biquad{
		b0: (vh + vb*k/q + k*k) / a0,
		b1: 2 * (k*k - vh) / a0,
		b2: (vh - vb*k/q + k*k) / a0,
		a1: 2 * (k*k - 1) / a0,
		a2: (1 - k/q + k*k) / a0,
	}

	f0, q = 38.13547087602444, 0.5003270373238773
	k = math.Tan(math.Pi * f0 / fs)
	a0 = 1 + k/q + k*k
	highpass = biquad{
		b0: 1, b1: -2, b2: 1,
		a1: 2 * (k*k - 1) / a0,
		a2: (1 - k/q + k*k) / a0,
	}
	return shelf, highpass
}

// kState is the transposed direct form II state of the two K-weighting
// sections.
type kState struct{ s1, s2, t1, t2 float64 }

// kFilter is the K-weighting cascade for one sample rate.
type kFilter struct{ p, h biquad }

// run K-weights x starting from st and returns the sum of squares.
func (f *kFilter) run(st *kState, x []float32) float64 {
	p, h := f.p, f.h
	s1, s2, t1, t2 := st.s1, st.s2, st.t1, st.t2
	var acc float64
	for _, x := range x {
		// In digital silence the shelf's state would decay into subnormal
		// floats within a few hundred samples, and arithmetic on those is
		// very slow (espeak-ng's pauses made the whole pass 3× slower). A
		// constant 1e-18 keeps every state at a normal value; the
		// high-pass removes it, so it adds nothing measurable.
		v := float64(x) + 1e-18
		y := p.b0*v + s1
		s1 = p.b1*v - p.a1*y + s2
		s2 = p.b2*v - p.a2*y
		z := y + t1 // h.b0 == 1
		t1 = -2*y - h.a1*z + t2
		t2 = y - h.a2*z
		acc += z * z
	}
	*st = kState{s1, s2, t1, t2}
	return acc
}

// kWarmup is how long a K-weighting state started from zero needs to
// converge to the true one: the slowest part, the 38 Hz critically damped
// high-pass, decays as t·e^(−2π·38·t), below 1e-20 after 0.25 s.
const kWarmup = 0.25 // seconds

// segmentBounds returns the sample boundaries of the complete 100 ms
// segments of n samples. Gating blocks are 400 ms with 75% overlap, i.e.
// four consecutive segments, so segment energies serve every block.
func segmentBounds(n, rate int) []int {
	if rate <= 0 {
		return nil
	}
	nseg := int(int64(n) * 10 / int64(rate))
	if nseg == 0 {
		return nil
	}
	bounds := make([]int, nseg+1)
	for i := range bounds {
		bounds[i] = int(int64(i) * int64(rate) / 10)
	}
	return bounds
}

// segmentEnergies K-weights pcm and returns the sum of squares of every
// complete 100 ms segment together with the segment boundaries.
func segmentEnergies(pcm []float32, rate int) (sums []float64, bounds []int) {
	bounds = segmentBounds(len(pcm), rate)
	if bounds == nil {
		return nil, nil
	}
	f := newKFilter(rate)
	sums = make([]float64, len(bounds)-1)
	var st kState
	for seg := range sums {
		sums[seg] = f.run(&st, pcm[bounds[seg]:bounds[seg+1]])
	}
	return sums, bounds
}

func newKFilter(rate int) *kFilter {
	p, h := kWeighting(rate)
	return &kFilter{p, h}
}

// blockPowersFromSums returns the mean square of every complete 400 ms
// gating block from 100 ms segment energies.
func blockPowersFromSums(sums []float64, bounds []int) []float64 {
	if len(sums) < 4 {
		return nil
	}
	z := make([]float64, len(sums)-3)
	for j := range z {
		e := sums[j] + sums[j+1] + sums[j+2] + sums[j+3]
		z[j] = e / float64(bounds[j+4]-bounds[j])
	}
	return z
}

// blockPowers returns the mean square of every complete 400 ms gating block.
func blockPowers(pcm []float32, rate int) []float64 {
	return blockPowersFromSums(segmentEnergies(pcm, rate))
}

func powerToLUFS(z float64) float64 {
	if z <= 0 {
		return math.Inf(-1)
	}
	return loudnessOffset + 10*math.Log10(z)
}

func lufsToPower(l float64) float64 { return math.Pow(10, (l-loudnessOffset)/10) }

// gatedLoudness applies the absolute and the relative gate to block powers.
func gatedLoudness(z []float64) float64 {
	absGate := lufsToPower(absoluteGateLUFS)
	var sum float64
	var n int
	for _, v := range z {
		if v > absGate {
			sum += v
			n++
		}
	}
	if n == 0 {
		return math.Inf(-1)
	}
	relGate := sum / float64(n) * math.Pow(10, relativeGateLU/10)
	gate := max(absGate, relGate)
	sum, n = 0, 0
	for _, v := range z {
		if v > gate {
			sum += v
			n++
		}
	}
	if n == 0 {
		return math.Inf(-1)
	}
	return powerToLUFS(sum / float64(n))
}

// IntegratedLoudness returns the BS.1770-4 gated integrated loudness of mono
// pcm (full scale ±1.0) in LUFS. Mono counts as one front channel (weight
// 1.0), as ffmpeg's ebur128 filter does. It returns -Inf for input shorter
// than one 400 ms block or with no block above the −70 LUFS gate.
func IntegratedLoudness(pcm []float32, rate int) float64 {
	return gatedLoudness(blockPowers(pcm, rate))
}

// DB converts a linear amplitude to decibels (dBFS for samples, dBTP for
// true peaks); 0 becomes -Inf.
func DB(amplitude float64) float64 {
	if amplitude <= 0 {
		return math.Inf(-1)
	}
	return 20 * math.Log10(amplitude)
}

// Linear converts decibels to a linear amplitude factor.
func Linear(db float64) float64 { return math.Pow(10, db/20) }

// FromInt16 converts engine samples to float PCM at full scale ±1.0.
func FromInt16(s []int16) []float32 {
	out := make([]float32, len(s))
	for i, v := range s {
		out[i] = float32(v) / 32768
	}
	return out
}

// ToInt16 converts float PCM to 16-bit samples with rounding and clipping.
func ToInt16(pcm []float32) []int16 {
	out := make([]int16, len(pcm))
	for i, v := range pcm {
		x := math.Round(float64(v) * 32768)
		if x > 32767 {
			x = 32767
		} else if x < -32768 {
			x = -32768
		}
		out[i] = int16(x)
	}
	return out
}
