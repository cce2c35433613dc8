package audio

import (
	"context"
	"io"
	"strconv"
	"syscall"
	"testing"
	"time"

	"aloud/internal/proc"
	"aloud/internal/testenv"
)

// cpuTime is this process's user+system CPU time. The machine is shared,
// so wall time per op overstates the cost; benchmarks report both.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// threeMinutes tiles real engine speech (or, without the engine, a peaky
// synthetic signal) to three minutes.
func threeMinutes(b *testing.B, engine string) ([]float32, int) {
	b.Helper()
	pcm, rate := speech(b, engine)
	out := make([]float32, 0, 180*rate)
	for len(out) < 180*rate {
		out = append(out, pcm[:min(len(pcm), 180*rate-len(out))]...)
	}
	return out, rate
}

func benchEngines(b *testing.B, f func(b *testing.B, pcm []float32, rate int)) {
	for _, engine := range []string{"flite", "espeak-ng"} {
		pcm, rate := threeMinutes(b, engine)
		b.Run(engine, func(b *testing.B) {
			b.SetBytes(int64(len(pcm) * 2))
			c0 := cpuTime()
			f(b, pcm, rate)
			b.ReportMetric(float64(cpuTime()-c0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}

func BenchmarkIntegratedLoudness(b *testing.B) {
	benchEngines(b, func(b *testing.B, pcm []float32, rate int) {
		for b.Loop() {
			IntegratedLoudness(pcm, rate)
		}
	})
}

func BenchmarkTruePeak(b *testing.B) {
	benchEngines(b, func(b *testing.B, pcm []float32, rate int) {
		for b.Loop() {
			TruePeak(pcm, rate)
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	benchEngines(b, func(b *testing.B, pcm []float32, rate int) {
		work := make([]float32, len(pcm))
		for b.Loop() {
			copy(work, pcm)
			Normalize(work, rate, DefaultTargetLUFS, DefaultPeakDBTP)
		}
	})
}

// childCPU is the CPU time of this process's finished children (ffmpeg).
func childCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkEncodeMP3 encodes three minutes of speech, reporting wall time
// and ffmpeg's CPU time per op.
func BenchmarkEncodeMP3(b *testing.B) {
	pcm, rate := threeMinutes(b, "espeak-ng")
	ffmpeg := testenv.Binary(b, "ffmpeg")
	for _, c := range []struct{ quality, parallel int }{{-1, 1}, {-1, 2}, {DefaultMP3Quality, 1}, {DefaultMP3Quality, 2}} {
		b.Run("q="+strconv.Itoa(c.quality)+"/parallel="+strconv.Itoa(c.parallel), func(b *testing.B) {
			e := NewEncoder(proc.New(4), ffmpeg)
			e.Parallel, e.MP3Quality = c.parallel, c.quality
			c0 := childCPU()
			for b.Loop() {
				if err := e.Encode(context.Background(), pcm, rate, FormatMP3, Tags{}, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(childCPU()-c0)/float64(time.Millisecond)/float64(b.N), "ffmpeg-cpu-ms/op")
		})
	}
}
