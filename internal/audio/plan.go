package audio

import (
	"context"
	"math"
	"sort"
)

// Plan is a loudness correction worked out for a Stream (PlanNormalize):
// a static gain and the look-ahead limiter of Normalize, applied on the
// fly as the stream is read. Reading a Plan yields the corrected audio.
type Plan struct {
	src    Stream
	n      int64
	nb     int // limiter control points
	gain   float32
	thr    float32 // limiter threshold on the source: ceiling / gain
	lv     *levels // levels above thr (or lower)
	radius int
	rel    float32
	limits bool // some level exceeds thr
}

// newPlan returns the plan for src·gain limited to ceiling (linear), using
// levels collected at or below the threshold it needs.
func newPlan(src Stream, gain, ceiling float64, lv *levels) *Plan {
	rate := src.Rate()
	p := &Plan{
		src: src, n: src.Len(), nb: int((src.Len() + limiterBlock - 1) / limiterBlock),
		gain: float32(gain), thr: float32(ceiling / gain), lv: lv,
		radius: int(math.Ceil(limiterLookahead * float64(rate) / limiterBlock)),
		rel:    float32(1 - math.Exp(-limiterBlock/(limiterRelease*float64(rate)))),
	}
	for _, v := range lv.lv {
		if v > p.thr {
			p.limits = true
			break
		}
	}
	return p
}

// Rate is the stream's sample rate.
func (p *Plan) Rate() int { return p.src.Rate() }

// Len is the stream's length.
func (p *Plan) Len() int64 { return p.n }

// GainDB is the static gain.
func (p *Plan) GainDB() float64 { return DB(float64(p.gain)) }

// Open returns a reader of the corrected samples [lo, hi).
func (p *Plan) Open(lo, hi int64) FloatReader {
	return &planReader{src: p.src.Open(lo, hi), ap: newApplier(p, lo)}
}

type planReader struct {
	src FloatReader
	ap  *applier
}

func (r *planReader) ReadFloats(dst []float32) (int, error) {
	n, err := r.src.ReadFloats(dst)
	r.ap.apply(dst[:n])
	return n, err
}

// curveGen yields the limiter's control points curve[b] for increasing b,
// computed as limiterCurve does from the sparse levels: need, a sliding
// minimum over ±(radius+1) blocks, a one-pole release, a box average over
// ±radius. The release runs forwards only, so a generator started at
// block s begins warmBlocks earlier with the gain at rest (1); two
// trajectories of the release differ by a factor (1-rel) less every block
// and coincide once either meets a limit or snaps back to 1, so after a
// few seconds the difference is far below float precision.
type curveGen struct {
	p     *Plan
	k0    int // first block whose held value is computed
	next  int // next block whose held value is to be computed
	h     float32
	ring  []float32 // held value of block k at k mod len(ring)
	li    int       // first level whose block is within reach of next
	lastB int
	lastV float32
}

// warmSeconds is how far before its first block a generator starts.
const warmSeconds = 2.0

func newCurveGen(p *Plan, start int) *curveGen {
	warm := int(warmSeconds * float64(p.src.Rate()) / limiterBlock)
	k0 := max(0, start-warm-p.radius)
	g := &curveGen{p: p, k0: k0, next: k0, h: 1, ring: make([]float32, 2*p.radius+1), lastB: -1}
	lo := int32(k0 - p.radius - 1)
	g.li = sort.Search(len(p.lv.blocks), func(i int) bool { return p.lv.blocks[i] >= lo })
	return g
}

// held is the smallest need over blocks [k-radius-1, k+radius+1].
func (g *curveGen) held(k int) float32 {
	p := g.p
	bl, lv := p.lv.blocks, p.lv.lv
	for g.li < len(bl) && int(bl[g.li]) < k-p.radius-1 {
		g.li++
	}
	m := float32(1)
	for j := g.li; j < len(bl) && int(bl[j]) <= k+p.radius+1; j++ {
		if l := lv[j]; l > p.thr {
			m = min(m, p.thr/l)
		}
	}
	return m
}

func (g *curveGen) advance() {
	g.h += (1 - g.h) * g.p.rel
	if g.h > 1-1e-4 {
		g.h = 1
	}
	g.h = min(g.h, g.held(g.next))
	g.ring[g.next%len(g.ring)] = g.h
	g.next++
}

// curve returns curve[b]; b must not decrease between calls.
func (g *curveGen) curve(b int) float32 {
	if !g.p.limits {
		return 1
	}
	if b == g.lastB {
		return g.lastV
	}
	r := g.p.radius
	for g.next <= b+r && g.next < g.p.nb {
		g.advance()
	}
	var sum float32
	for k := b - r; k <= b+r; k++ {
		switch {
		case k < 0 && g.k0 == 0:
			// Beyond the ends the gain holds its value at the edge
			// (Normalize counts 1 there, and fixes the overshoot at an
			// edge with a second limiter; the streamed plan has none).
			sum += g.ring[0]
		case k >= g.p.nb:
			sum += g.ring[(g.p.nb-1)%len(g.ring)]
		case k < g.k0:
			sum++
		default:
			sum += g.ring[k%len(g.ring)]
		}
	}
	v := min(sum/float32(2*r+1), 1)
	g.lastB, g.lastV = b, v
	return v
}

// applier multiplies samples by gain·curve, interpolating the curve
// linearly between control points at block centres exactly as
// normalizer.apply does (including its running sum of the step), from
// any starting position.
type applier struct {
	p     *Plan
	gen   *curveGen
	pos   int64 // position of the next sample
	ivEnd int64 // end of the current interpolation interval
	c     float32
	step  float32
}

const half = limiterBlock / 2

func newApplier(p *Plan, pos int64) *applier {
	first := 0
	if pos >= half {
		first = int((pos - half) / limiterBlock)
	}
	a := &applier{p: p, gen: newCurveGen(p, first), pos: pos, ivEnd: -1}
	return a
}

// enter sets up the interpolation interval holding a.pos.
func (a *applier) enter() {
	p, pos := a.p, a.pos
	g := p.gain
	if pos < half {
		a.ivEnd, a.c, a.step = min(half, p.n), a.gen.curve(0)*g, 0
		return
	}
	b := int((pos - half) / limiterBlock)
	if b+1 >= p.nb {
		a.ivEnd, a.c, a.step = p.n, a.gen.curve(p.nb-1)*g, 0
		return
	}
	lo := int64(b)*limiterBlock + half
	a.ivEnd = min(lo+limiterBlock, p.n)
	c0, c1 := a.gen.curve(b), a.gen.curve(b+1)
	if c0 == c1 {
		a.c, a.step = c0*g, 0
		return
	}
	a.step = (c1 - c0) / limiterBlock * g
	a.c = c0 * g
	for j := lo; j < pos; j++ {
		a.c += a.step
	}
}

func (a *applier) apply(x []float32) {
	for len(x) > 0 {
		if a.pos >= a.ivEnd {
			a.enter()
		}
		k := int(min(int64(len(x)), a.ivEnd-a.pos))
		if a.step == 0 {
			c := a.c
			for i := range x[:k] {
				x[i] *= c
			}
		} else {
			c, step := a.c, a.step
			for i := range x[:k] {
				x[i] *= c
				c += step
			}
			a.c = c
		}
		x = x[k:]
		a.pos += int64(k)
	}
}

// PlanNormalize works out, in a few streamed passes over src, the gain and
// limiter that bring it to targetLUFS with true peaks at most peakDBTP:
// the correction of Normalize, computed without holding the signal. in
// is the Meter that measured src while it was written (MeterOf measures a
// stream). The passes: one collecting the levels of the blocks that could
// need limiting, then one per gain tried, each applying the limiter and
// measuring loudness and true peak; between passes the gain is searched
// on estimates (the limiter's gain curve weighted by each 100 ms
// segment's energy), corrected by what the last pass measured, so one or
// two passes usually do. Memory is a chunk of samples plus 8 bytes per
// 100 ms and per limited block.
func PlanNormalize(ctx context.Context, src Stream, in *Meter, targetLUFS, peakDBTP float64) (*Plan, NormalizeStats, error) {
	inputLUFS := in.Loudness()
	st := NormalizeStats{InputLUFS: inputLUFS, OutputLUFS: inputLUFS, InputPeakDBTP: dbOrInf(in.SamplePeak())}
	st.OutputPeakDBTP = st.InputPeakDBTP
	if math.IsInf(inputLUFS, -1) || src.Rate() <= 0 {
		// Nothing measurable: leave it alone.
		return newPlan(src, 1, math.MaxFloat32, &levels{}), st, nil
	}
	gain := targetLUFS - inputLUFS
	maxGain := gain + maxExtraGain
	ceilingDB := peakDBTP - limiterMargin
	// Levels are collected for a little more gain than the plain loudness
	// difference (and a slightly lower ceiling, for the retries below);
	// a gain beyond that collects again.
	const cover, lowest = 2.0, 0.3
	var lv *levels
	coveredDB := math.Inf(-1)
	planFor := func(g float64) (*Plan, error) {
		if g > coveredDB {
			coveredDB = min(g+cover, maxGain)
			var err error
			if lv, err = collectLevels(ctx, src, float32(Linear(ceilingDB-lowest-coveredDB))); err != nil {
				return nil, err
			}
		}
		return newPlan(src, Linear(g), Linear(ceilingDB), lv), nil
	}
	limit := float32(Linear(peakDBTP - limiterMargin/2))
	var plan *Plan
	var peak float32
	// The first gain comes from estimates; later ones from the secant
	// through the passes' real measurements (the first step taking the
	// estimate's slope).
	gain, err := searchGain(gain, maxGain, targetLUFS, in, planFor)
	if err != nil {
		return nil, st, err
	}
	prevGain, prevLUFS := math.NaN(), 0.0
	for st.Passes < maxPasses {
		if plan, err = planFor(gain); err != nil {
			return nil, st, err
		}
		lufs, pk, err := plan.measure(ctx, inputLUFS, limit)
		if err != nil {
			return nil, st, err
		}
		st.Passes++
		st.GainDB, st.OutputLUFS, peak = gain, lufs, pk
		miss := targetLUFS - lufs
		if math.Abs(miss) <= loudnessTolerance/2 || gain >= maxGain || !plan.limits {
			break
		}
		var slope float64
		if math.IsNaN(prevGain) {
			const d = 0.5
			next, err := planFor(gain + d)
			if err != nil {
				return nil, st, err
			}
			slope = (next.estimate(in) - plan.estimate(in)) / d
		} else {
			slope = (lufs - prevLUFS) / (gain - prevGain)
		}
		slope = min(max(slope, 0.25), 1)
		prevGain, prevLUFS = gain, lufs
		gain = min(gain+miss/slope, maxGain)
	}
	// Interpolating the curve between control points can let a peak
	// poke over by a hair; then limit a little lower.
	for extra := 1; extra <= 3 && peak > limit; extra++ {
		plan = newPlan(src, Linear(st.GainDB), Linear(ceilingDB-lowest*float64(extra)/3), lv)
		lufs, pk, err := plan.measure(ctx, inputLUFS, limit)
		if err != nil {
			return nil, st, err
		}
		st.OutputLUFS, peak = lufs, pk
	}
	st.OutputPeakDBTP = DB(float64(peak))
	if m := lv.max(); m > 0 {
		st.InputPeakDBTP = DB(float64(m))
	}
	if plan.limits {
		st.MaxReductionDB = -DB(float64(plan.thr / lv.max()))
	}
	return plan, st, nil
}

// searchGain finds the gain whose estimated loudness is within a tenth of the tolerance of the target (estimates are cheap;
// passes are not), by the secant method on
// (gain, loudness) as Normalize does, starting from gain.
func searchGain(gain, maxGain, targetLUFS float64, in *Meter, planFor func(float64) (*Plan, error)) (float64, error) {
	prevGain, prevLUFS := 0.0, in.Loudness()
	for range 12 {
		plan, err := planFor(gain)
		if err != nil {
			return 0, err
		}
		est := plan.estimate(in)
		miss := targetLUFS - est
		if math.Abs(miss) <= loudnessTolerance/10 || !plan.limits {
			break
		}
		next := secantGain(gain, prevGain, est, prevLUFS, miss, maxGain)
		prevGain, prevLUFS = gain, est
		if next == gain {
			break
		}
		gain = next
	}
	return gain, nil
}

// estimate is the plan's output loudness estimated without reading the
// audio: each 100 ms segment's input energy times the gain squared and
// the mean square of the limiter's curve over the segment.
func (p *Plan) estimate(in *Meter) float64 {
	if !p.limits {
		return in.Loudness() + DB(float64(p.gain))
	}
	g2 := float64(p.gain) * float64(p.gain)
	gen := newCurveGen(p, 0)
	sums := make([]float64, len(in.sums))
	for seg := range sums {
		lo, hi := in.bound(seg-1), in.bound(seg)
		var acc float64
		n := 0
		for b := int((lo + limiterBlock - 1) / limiterBlock); int64(b)*limiterBlock < hi && b < p.nb; b++ {
			c := float64(gen.curve(b))
			acc += c * c
			n++
		}
		mean := 1.0
		if n > 0 {
			mean = acc / float64(n)
		}
		sums[seg] = in.sums[seg] * g2 * mean
	}
	return gatedLoudness(blockPowersFromSums(sums, in.bounds()))
}

// measure returns the plan's output loudness and its true peak if that
// exceeds limit (otherwise the sample peak, which is all the caller needs
// then). Without limiting the output is the input scaled, so loudness
// follows without a pass, and no level (true-peak envelope) exceeds the
// ceiling.
func (p *Plan) measure(ctx context.Context, inputLUFS float64, limit float32) (float64, float32, error) {
	if !p.limits {
		return inputLUFS + DB(float64(p.gain)), p.thr * p.gain, nil
	}
	m := NewMeter(p.src.Rate())
	u := newUpsampler()
	var slab []float32
	err := eachStreamChunk(ctx, p, u, func(c *chunkEnv) error {
		m.Write(c.ext[limiterBlock:])
		if pk := chunkPeakOver(c, max(limit, m.SamplePeak()), &slab); pk > limit {
			m.peak = max(m.peak, pk)
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	return m.Loudness(), m.SamplePeak(), nil
}
