package audio

import (
	"math"
	"testing"
	"time"
)

// tonePiece is lead zeros, n samples of a 440 Hz tone at amplitude a
// (int16 units), then tail zeros.
func tonePiece(rate, lead, n, tail int, a float64) []int16 {
	s := make([]int16, lead+n+tail)
	for i := 0; i < n; i++ {
		s[lead+i] = int16(a * math.Sin(2*math.Pi*440*float64(i)/float64(rate)+0.3))
	}
	return s
}

// firstLoud returns the first index at or after from whose magnitude
// exceeds thr (full scale 1.0).
func firstLoud(s []float32, from int, thr float32) int {
	for i := from; i < len(s); i++ {
		if abs32(s[i]) > thr {
			return i
		}
	}
	return -1
}

func TestAssemblePausesAndSpans(t *testing.T) {
	const rate = 16000
	ms := func(d int) int { return rate * d / 1000 }
	pieces := []Piece{
		{Samples: tonePiece(rate, ms(200), ms(500), ms(300), 10000), Break: BreakHeading},
		{Samples: tonePiece(rate, ms(50), ms(400), ms(100), 10000), Break: BreakSentence},
		{Samples: tonePiece(rate, 0, ms(300), 0, 10000), Break: BreakParagraph},
		{Samples: tonePiece(rate, ms(10), ms(300), ms(500), 10000), PauseAfter: 2 * time.Second},
	}
	pcm, spans := Assemble(rate, pieces, AssembleOptions{})
	if len(spans) != len(pieces) {
		t.Fatalf("got %d spans, want %d", len(spans), len(pieces))
	}
	// Pieces with room keep 20 ms before the onset and 60 ms after the end.
	wantLen := []int{ms(20) + ms(500) + ms(60), ms(20) + ms(400) + ms(60), ms(300), ms(10) + ms(300) + ms(60)}
	wantTrim := []int{ms(180), ms(30), 0, 0}
	for i, sp := range spans {
		if got := sp.End - sp.Start; got != wantLen[i] {
			t.Errorf("piece %d: kept %d samples, want %d", i, got, wantLen[i])
		}
		if sp.Trim != wantTrim[i] {
			t.Errorf("piece %d: trim %d, want %d", i, sp.Trim, wantTrim[i])
		}
	}
	// Speech to speech: the pause of the earlier piece, whatever the
	// engines' own silence was. The fades shave a few samples off the
	// threshold crossing, hence the tolerance.
	wantPause := []int{ms(900), ms(350), ms(700)}
	tol := ms(6)
	for i, want := range wantPause {
		speechEnd := lastLoud(pcm[:spans[i].End], 1e-3)
		next := firstLoud(pcm, spans[i+1].Start, 1e-3)
		if got := next - speechEnd; got < want-tol || got > want+tol {
			t.Errorf("pause after piece %d: %d samples, want %d ±%d", i, got, want, tol)
		}
	}
	// The last piece's pause is not appended: the stream ends with it.
	if spans[3].End != len(pcm) {
		t.Errorf("stream has %d samples after the last piece", len(pcm)-spans[3].End)
	}
	// A word reported at sample k of piece 1 maps through Trim.
	if got, want := spans[1].At(ms(50)), spans[1].Start+ms(20); got != want {
		t.Errorf("At: got %d, want %d", got, want)
	}
	if got := spans[1].At(0); got != spans[1].Start {
		t.Errorf("At(0) = %d, want clamped to %d", got, spans[1].Start)
	}
}

func lastLoud(s []float32, thr float32) int {
	for i := len(s) - 1; i >= 0; i-- {
		if abs32(s[i]) > thr {
			return i + 1
		}
	}
	return -1
}

func TestAssembleNoClicks(t *testing.T) {
	const rate = 22050
	// Engines can start and stop mid-waveform; the edit must not step.
	abrupt := tonePiece(rate, 0, rate/2, 0, 30000)
	pcm, spans := Assemble(rate, []Piece{{Samples: abrupt}, {Samples: abrupt}}, AssembleOptions{})
	for i, sp := range spans {
		if pcm[sp.Start] != 0 || pcm[sp.End-1] != 0 {
			t.Errorf("piece %d: edges %g, %g; want faded to 0", i, pcm[sp.Start], pcm[sp.End-1])
		}
	}
	// No sample-to-sample step larger than the tone's own slope.
	maxStep := float32(30000.0 / 32768 * 2 * math.Pi * 440 / rate * 1.01)
	for i := 1; i < len(pcm); i++ {
		if d := abs32(pcm[i] - pcm[i-1]); d > maxStep {
			t.Fatalf("step of %.4f at sample %d, want ≤ %.4f", d, i, maxStep)
		}
	}
}

func TestAssembleEmptyAndSilentPieces(t *testing.T) {
	const rate = 16000
	pieces := []Piece{
		{Samples: tonePiece(rate, 0, 1600, 0, 8000)},
		{Samples: nil},
		{Samples: make([]int16, 3200)}, // silence only
		{Samples: tonePiece(rate, 0, 1600, 0, 8000)},
	}
	pcm, spans := Assemble(rate, pieces, AssembleOptions{})
	for _, i := range []int{1, 2} {
		if spans[i].Start != spans[i].End {
			t.Errorf("piece %d: span %+v, want empty", i, spans[i])
		}
	}
	// Three sentence pauses of 350 ms between the two tones.
	if got, want := spans[3].Start-spans[0].End, 3*rate*350/1000; got != want {
		t.Errorf("gap %d samples, want %d", got, want)
	}
	if len(pcm) != spans[3].End {
		t.Errorf("length %d, want %d", len(pcm), spans[3].End)
	}
	if pcm, spans := Assemble(rate, nil, AssembleOptions{}); len(pcm) != 0 || len(spans) != 0 {
		t.Errorf("no pieces: got %d samples, %d spans", len(pcm), len(spans))
	}
}
