package audio

import (
	"context"
	"math"
	"os"
	"testing"
)

// readAll reads a whole stream into memory (tests only).
func readAll(t testing.TB, s Stream) []float32 {
	t.Helper()
	out := make([]float32, s.Len())
	n, err := readFull(s.Open(0, s.Len()), out)
	if err != nil || int64(n) != s.Len() {
		t.Fatalf("read %d of %d samples: %v", n, s.Len(), err)
	}
	return out
}

func meterOf(t testing.TB, s Stream) *Meter {
	t.Helper()
	m, err := MeterOf(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The streamed correction meets the same targets as Normalize on the
// same signals, and reading any range of a plan gives the same samples
// as reading it whole (the limiter's state is rebuilt at every start).
func TestPlanNormalizeMatchesNormalize(t *testing.T) {
	for _, rate := range []int{16000, 22050, 48000} {
		src := peakySignal(rate, 8)
		ref := append([]float32(nil), src...)
		want := Normalize(ref, rate, DefaultTargetLUFS, DefaultPeakDBTP)
		in := Samples{PCM: src, SampleRate: rate}
		plan, st, err := PlanNormalize(context.Background(), in, meterOf(t, in), DefaultTargetLUFS, DefaultPeakDBTP)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("rate %d: streamed %+v\n             whole %+v", rate, st, want)
		out := readAll(t, plan)
		if got := IntegratedLoudness(out, rate); math.Abs(got-DefaultTargetLUFS) > loudnessTolerance || math.Abs(got-st.OutputLUFS) > 1e-6 {
			t.Errorf("rate %d: loudness %.3f (stats %.3f), want %.1f ±%.2f", rate, got, st.OutputLUFS, DefaultTargetLUFS, loudnessTolerance)
		}
		if got := TruePeak(out, rate); got > DefaultPeakDBTP || st.OutputPeakDBTP > DefaultPeakDBTP {
			t.Errorf("rate %d: true peak %.3f (stats %.3f), want ≤ %.1f", rate, got, st.OutputPeakDBTP, DefaultPeakDBTP)
		}
		if st.MaxReductionDB <= 0 {
			t.Errorf("rate %d: limiter never engaged: %+v", rate, st)
		}
		// The gain search differs (passes over the stream against
		// estimates in memory); the result may differ by its tolerance.
		if math.Abs(st.OutputLUFS-want.OutputLUFS) > loudnessTolerance/2 || math.Abs(st.GainDB-want.GainDB) > 0.25 {
			t.Errorf("rate %d: gain %.3f dB for %.3f LUFS, whole-signal Normalize %.3f dB for %.3f LUFS", rate, st.GainDB, st.OutputLUFS, want.GainDB, want.OutputLUFS)
		}
		for _, r := range [][2]int64{{0, 100}, {1000, 1037}, {int64(rate) * 3, int64(rate)*5 + 17}, {int64(len(src)) - 50, int64(len(src))}} {
			part := make([]float32, r[1]-r[0])
			if _, err := readFull(plan.Open(r[0], r[1]), part); err != nil {
				t.Fatal(err)
			}
			for i, v := range part {
				if d := math.Abs(float64(v - out[r[0]+int64(i)])); d > 1e-6 {
					t.Fatalf("rate %d: sample %d read from %d is %g, read whole %g", rate, r[0]+int64(i), r[0], v, out[r[0]+int64(i)])
				}
			}
		}
	}
}

func TestPlanNormalizeQuietAndSilent(t *testing.T) {
	// Quiet speech-like signal that needs no limiting: pure gain.
	src := peakySignal(16000, 4)
	for i := range src {
		src[i] *= 0.01
	}
	in := Samples{PCM: src, SampleRate: 16000}
	plan, st, err := PlanNormalize(context.Background(), in, meterOf(t, in), -30, DefaultPeakDBTP)
	if err != nil {
		t.Fatal(err)
	}
	out := readAll(t, plan)
	if got := IntegratedLoudness(out, 16000); math.Abs(got+30) > 0.01 || st.Passes != 1 {
		t.Errorf("loudness %.3f after %d passes, want -30 in one", got, st.Passes)
	}
	silent := Samples{PCM: make([]float32, 16000), SampleRate: 16000}
	plan, _, err = PlanNormalize(context.Background(), silent, meterOf(t, silent), -16, -1)
	if err != nil {
		t.Fatal(err)
	}
	if absMax(readAll(t, plan)) != 0 {
		t.Error("silence is no longer silent")
	}
}

func TestPlanNormalizeCancelled(t *testing.T) {
	src := peakySignal(16000, 8)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := Samples{PCM: src, SampleRate: 16000}
	if _, _, err := PlanNormalize(ctx, in, meterOf(t, in), -16, -1); err == nil {
		t.Fatal("cancelled PlanNormalize succeeded")
	}
}

func TestMeterMatchesIntegratedLoudness(t *testing.T) {
	src := peakySignal(22050, 5)
	m := NewMeter(22050)
	for i := 0; i < len(src); i += 777 {
		m.Write(src[i:min(len(src), i+777)])
	}
	if got, want := m.Loudness(), IntegratedLoudness(src, 22050); math.Abs(got-want) > 1e-9 {
		t.Fatalf("meter %.12f, whole %.12f", got, want)
	}
}

// What a spool gives back is exactly what Assemble builds in memory,
// fades included, read whole or from any position.
func TestSpoolMatchesAssemble(t *testing.T) {
	const rate = 16000
	ms := func(d int) int { return rate * d / 1000 }
	pieces := []Piece{
		{Samples: tonePiece(rate, ms(200), ms(500), ms(300), 10000), Break: BreakHeading},
		{Samples: tonePiece(rate, ms(50), ms(400), ms(100), 20000)},
		{Samples: nil},
		{Samples: tonePiece(rate, 0, 3, 0, 10000), Break: BreakParagraph},
		{Samples: tonePiece(rate, ms(10), ms(300), ms(500), 30000)},
	}
	want, spans := Assemble(rate, pieces, AssembleOptions{})
	f, err := os.CreateTemp(t.TempDir(), "spool")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sp := NewSpool(f, rate)
	asm := NewAssembler(rate, AssembleOptions{})
	for i, p := range pieces {
		pl := asm.Add(p)
		if pl.Span != spans[i] {
			t.Fatalf("piece %d: span %+v, Assemble %+v", i, pl.Span, spans[i])
		}
		if err := sp.Write(pl); err != nil {
			t.Fatal(err)
		}
	}
	if err := sp.Finish(); err != nil {
		t.Fatal(err)
	}
	got := readAll(t, sp)
	if len(got) != len(want) {
		t.Fatalf("spool holds %d samples, Assemble made %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("sample %d: spool %g, Assemble %g", i, got[i], want[i])
		}
	}
	for _, lo := range []int64{0, 1, int64(spans[1].Start) + 3, int64(spans[4].End) - 7} {
		part := make([]float32, min(1000, int64(len(want))-lo))
		if _, err := readFull(sp.Open(lo, lo+int64(len(part))), part); err != nil {
			t.Fatal(err)
		}
		for i, v := range part {
			if v != want[lo+int64(i)] {
				t.Fatalf("read from %d: sample %d is %g, want %g", lo, lo+int64(i), v, want[lo+int64(i)])
			}
		}
	}
	if got, want := sp.Meter().Loudness(), IntegratedLoudness(want, rate); math.Abs(got-want) > 1e-9 {
		t.Fatalf("spool's meter %.6f, IntegratedLoudness %.6f", got, want)
	}
}
