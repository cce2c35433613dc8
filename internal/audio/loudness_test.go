package audio

import (
	"math"
	"testing"
)

// The BS.1770-4 table gives the K-weighting coefficients at 48 kHz; the
// rate-generic design must reproduce them.
func TestKWeightingMatchesBS1770Table(t *testing.T) {
	p, h := kWeighting(48000)
	tests := []struct {
		name      string
		got, want float64
	}{
		{"pre b0", p.b0, 1.53512485958697},
		{"pre b1", p.b1, -2.69169618940638},
		{"pre b2", p.b2, 1.19839281085285},
		{"pre a1", p.a1, -1.69065929318241},
		{"pre a2", p.a2, 0.73248077421585},
		{"rlb a1", h.a1, -1.99004745483398},
		{"rlb a2", h.a2, 0.99007225036621},
	}
	for _, tc := range tests {
		if math.Abs(tc.got-tc.want) > 1e-9 {
			t.Errorf("%s: got %.14f, want %.14f", tc.name, tc.got, tc.want)
		}
	}
}

// A 997 Hz sine at 0 dBFS reads −3.01 LUFS by the definition of the scale.
func TestIntegratedLoudnessSine(t *testing.T) {
	for _, rate := range []int{8000, 11025, 16000, 22050, 24000, 44100, 48000} {
		for _, ampDB := range []float64{0, -6, -23, -40} {
			got := IntegratedLoudness(sine(rate, 5, 997, Linear(ampDB), 0), rate)
			want := -3.01 + ampDB
			if math.Abs(got-want) > 0.05 {
				t.Errorf("rate %d, %g dBFS: got %.3f LUFS, want %.2f", rate, ampDB, got, want)
			}
		}
	}
}

func TestIntegratedLoudnessGates(t *testing.T) {
	const rate = 16000
	loud := sine(rate, 10, 997, Linear(-20), 0)
	ref := IntegratedLoudness(loud, rate)
	tests := []struct {
		name string
		pcm  []float32
		want float64
	}{
		// Silence is below the absolute gate and must not dilute speech.
		{"silence gated", concat(loud, make([]float32, 10*rate)), ref},
		// −45 dBFS is more than 10 LU under the ungated mean: relative gate.
		{"quiet gated", concat(loud, sine(rate, 10, 997, Linear(-45), 0)), ref},
		// −25 dBFS is within 10 LU, so it counts: the mean of the powers.
		{"near kept", concat(loud, sine(rate, 10, 997, Linear(-25), 0)),
			powerToLUFS((lufsToPower(ref) + lufsToPower(ref-5)) / 2)},
		{"too short", loud[:rate*3/10], math.Inf(-1)},
		{"digital silence", make([]float32, 5*rate), math.Inf(-1)},
		{"below absolute gate", sine(rate, 5, 997, Linear(-75), 0), math.Inf(-1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := IntegratedLoudness(tc.pcm, rate)
			if math.IsInf(tc.want, -1) {
				if !math.IsInf(got, -1) {
					t.Fatalf("got %.3f, want -Inf", got)
				}
				return
			}
			// Transition blocks straddle both halves, hence 0.15 LU.
			if math.Abs(got-tc.want) > 0.15 {
				t.Fatalf("got %.3f LUFS, want %.3f", got, tc.want)
			}
		})
	}
}

func TestTruePeak(t *testing.T) {
	for _, rate := range []int{16000, 22050, 48000} {
		// A quarter-rate sine at 45° never samples its crest: every sample
		// is ±0.707 (−3.01 dBFS) while the waveform reaches 1.0 (0 dBTP).
		pcm := sine(rate, 1, float64(rate)/4, 1, math.Pi/4)
		got := TruePeak(pcm, rate)
		if sp := DB(float64(absMax(pcm))); math.Abs(sp+3.01) > 0.01 {
			t.Fatalf("rate %d: sample peak %.3f, want -3.01", rate, sp)
		}
		// 4× at 48 kHz may under-read this worst case by up to 0.17 dB.
		if got < -0.25 || got > 0.1 {
			t.Errorf("rate %d: quarter-rate sine: got %.3f dBTP, want 0 (±0.25)", rate, got)
		}
		// An in-band 1 kHz tone: true peak equals its amplitude.
		got = TruePeak(sine(rate, 1, 1000, 0.5, 0.3), rate)
		if math.Abs(got-DB(0.5)) > 0.05 {
			t.Errorf("rate %d: 1 kHz: got %.3f dBTP, want %.3f", rate, got, DB(0.5))
		}
	}
	if got := TruePeak(make([]float32, 100), 16000); !math.IsInf(got, -1) {
		t.Errorf("silence: got %.3f, want -Inf", got)
	}
}

// peakySignal resembles raw engine speech: glottal-like pulse trains in
// syllables of uneven strength, about −20 LUFS with peaks near full scale,
// so reaching −16 LUFS needs the limiter on the strongest syllables only.
func peakySignal(rate int, seconds float64) []float32 {
	levels := []float64{1, 0.45, 0.6, 0.3, 0.7, 0.5, 0.85, 0.4, 0.55}
	n := int(seconds * float64(rate))
	s := make([]float32, n)
	var peak float64
	for i := range s {
		tt := float64(i) / float64(rate)
		syl := int(tt * 4) // 4 syllables/s
		env := math.Sin(math.Pi * (tt*4 - float64(syl)))
		env *= env * levels[syl%len(levels)]
		// Harmonics in cosine phase add up to pulses with a crest factor
		// of about 12 dB; the pitch glides so pulses do not repeat exactly.
		f0 := 110 + 20*math.Sin(2*math.Pi*0.7*tt)
		var v float64
		for h := 1.0; h <= 8; h++ {
			v += math.Cos(2 * math.Pi * f0 * h * tt)
		}
		s[i] = float32(v * env)
		peak = math.Max(peak, math.Abs(v*env))
	}
	for i := range s {
		s[i] = float32(float64(s[i]) / peak * 0.98)
	}
	return s
}

func TestNormalize(t *testing.T) {
	for _, rate := range []int{16000, 22050, 48000} {
		pcm := peakySignal(rate, 8)
		before := append([]float32(nil), pcm...)
		st := Normalize(pcm, rate, DefaultTargetLUFS, DefaultPeakDBTP)
		t.Logf("rate %d: %+v", rate, st)
		if st.InputPeakDBTP < -1 || st.GainDB < 3 {
			t.Fatalf("rate %d: test signal not peaky enough: %+v", rate, st)
		}
		if got := IntegratedLoudness(pcm, rate); math.Abs(got-DefaultTargetLUFS) > loudnessTolerance || math.Abs(got-st.OutputLUFS) > 1e-9 {
			t.Errorf("rate %d: loudness %.3f (stats %.3f), want %.1f ±%.2f", rate, got, st.OutputLUFS, DefaultTargetLUFS, loudnessTolerance)
		}
		if got := TruePeak(pcm, rate); got > DefaultPeakDBTP || got != st.OutputPeakDBTP {
			t.Errorf("rate %d: true peak %.3f (stats %.3f), want ≤ %.1f", rate, got, st.OutputPeakDBTP, DefaultPeakDBTP)
		}
		if st.MaxReductionDB <= 0 {
			t.Errorf("rate %d: limiter never engaged: %+v", rate, st)
		}
		// No clicks: the applied gain (output/input) must change smoothly.
		// A step would show as a jump between neighbouring samples.
		prev := -1.0
		var worst float64
		for i := range pcm {
			if math.Abs(float64(before[i])) < 1e-2 {
				prev = -1
				continue
			}
			g := float64(pcm[i]) / float64(before[i])
			if prev >= 0 {
				worst = math.Max(worst, math.Abs(g-prev))
			}
			prev = g
		}
		// The steepest the limiter may turn is a full drop spread over its
		// attack (2×5 ms); a click would be a jump of the whole drop at once.
		if limit := Linear(st.GainDB) / (2 * limiterLookahead * float64(rate)); worst > limit {
			t.Errorf("rate %d: gain jumps by %.5f between samples, want ≤ %.5f", rate, worst, limit)
		}
	}
}

func TestNormalizeSilenceUntouched(t *testing.T) {
	pcm := make([]float32, 16000)
	pcm[100] = 1e-6
	st := Normalize(pcm, 16000, DefaultTargetLUFS, DefaultPeakDBTP)
	if !math.IsInf(st.InputLUFS, -1) || pcm[100] != 1e-6 {
		t.Fatalf("silence changed: %+v, sample %g", st, pcm[100])
	}
}

// Real speech from both engines, measured by ffmpeg's own ebur128 filter.
func TestLoudnessMatchesFFmpeg(t *testing.T) {
	for _, engine := range []string{"espeak-ng", "flite"} {
		t.Run(engine, func(t *testing.T) {
			pcm, rate := speech(t, engine)
			ffI, ffTP := ffmpegEBUR128(t, pcm, rate)
			gotI, gotTP := IntegratedLoudness(pcm, rate), TruePeak(pcm, rate)
			t.Logf("%s @ %d Hz: ours %.2f LUFS %.2f dBTP, ffmpeg %.2f LUFS %.2f dBTP", engine, rate, gotI, gotTP, ffI, ffTP)
			if math.Abs(gotI-ffI) > 0.3 {
				t.Errorf("integrated: got %.2f LUFS, ffmpeg %.2f", gotI, ffI)
			}
			if math.Abs(gotTP-ffTP) > 0.5 {
				t.Errorf("true peak: got %.2f dBTP, ffmpeg %.2f", gotTP, ffTP)
			}

			st := Normalize(pcm, rate, DefaultTargetLUFS, DefaultPeakDBTP)
			ffI, ffTP = ffmpegEBUR128(t, pcm, rate)
			t.Logf("normalized: %+v; ffmpeg %.2f LUFS %.2f dBTP", st, ffI, ffTP)
			if math.Abs(ffI-DefaultTargetLUFS) > 1 {
				t.Errorf("after Normalize ffmpeg reads %.2f LUFS, want %.0f ±1", ffI, DefaultTargetLUFS)
			}
			if ffTP > DefaultPeakDBTP {
				t.Errorf("after Normalize ffmpeg reads %.2f dBTP, want ≤ %.0f", ffTP, DefaultPeakDBTP)
			}
		})
	}
}

func concat(parts ...[]float32) []float32 {
	var out []float32
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
