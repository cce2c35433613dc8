package ttstest

import (
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"aloud/internal/tts"
)

// BenchSynthesize times an engine on sentences with voice: "sequential"
// synthesizes them one after another (ms/sentence is the mean latency),
// "article" synthesizes all of them with one goroutine per core, as the
// renderer does (ms/article is the wall time of the whole list). Each
// sub-benchmark gets a fresh engine from newEngine and closes it at the
// end, so cpu-ms counts all CPU time, ours and the engine processes'
// (helpers are counted once they exit), including starting helpers.
func BenchSynthesize(b *testing.B, newEngine func(b *testing.B) tts.Engine, voice string, sentences []string) {
	b.Run("sequential", func(b *testing.B) {
		e := newEngine(b)
		cpu0, n := cpuTime(), 0
		for b.Loop() {
			for _, s := range sentences {
				synth(b, e, voice, s)
			}
			n++
		}
		e.Close()
		per := float64(n * len(sentences))
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/per, "ms/sentence")
		b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/per, "cpu-ms/sentence")
	})
	b.Run("article", func(b *testing.B) {
		e := newEngine(b)
		cpu0, n := cpuTime(), 0
		for b.Loop() {
			parallel(b, e, voice, sentences)
			n++
		}
		e.Close()
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(n), "ms/article")
		b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(n), "cpu-ms/article")
	})
}

func synth(b *testing.B, e tts.Engine, voice, s string) {
	if _, err := e.Synthesize(b.Context(), voice, s); err != nil {
		b.Error(err)
	}
}

// parallel synthesizes sentences with one goroutine per core.
func parallel(b *testing.B, e tts.Engine, voice string, sentences []string) {
	var wg sync.WaitGroup
	next := make(chan string)
	for range runtime.NumCPU() {
		wg.Go(func() {
			for s := range next {
				synth(b, e, voice, s)
			}
		})
	}
	for _, s := range sentences {
		next <- s
	}
	close(next)
	wg.Wait()
}

// cpuTime is the CPU time used by this process and its waited-for children.
func cpuTime() time.Duration {
	var self, kids syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids)
	d := func(tv syscall.Timeval) time.Duration { return time.Duration(tv.Nano()) }
	return d(self.Utime) + d(self.Stime) + d(kids.Utime) + d(kids.Stime)
}
