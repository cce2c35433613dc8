package render

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"aloud/internal/article"
	"aloud/internal/audio"
	"aloud/internal/proc"
	"aloud/internal/tts"
)

// toneEngine is a deterministic stand-in for a speech engine: every word
// is a burst of harmonics (pitch and level from the word's hash, with
// peaks that make the limiter work), between engine-like silences.
type toneEngine struct {
	rate   int
	calls  atomic.Int64
	failAt int64                              // fail the failAt-th call (1-based); 0 never
	onCall func(ctx context.Context, n int64) // optional hook, may block
}

func (e *toneEngine) Name() string                   { return "tone" }
func (e *toneEngine) Version() string                { return "1" }
func (e *toneEngine) Close() error                   { return nil }
func (e *toneEngine) Capabilities() tts.Capabilities { return tts.Capabilities{} }
func (e *toneEngine) Voices(context.Context) ([]tts.Voice, error) {
	return []tts.Voice{{Engine: "tone", Name: "a", Languages: []string{"en"}}}, nil
}

func (e *toneEngine) Synthesize(ctx context.Context, voice, text string) (tts.Audio, error) {
	n := e.calls.Add(1)
	if e.onCall != nil {
		e.onCall(ctx, n)
	}
	if err := ctx.Err(); err != nil {
		return tts.Audio{}, err
	}
	if n == e.failAt {
		return tts.Audio{}, errors.New("engine crashed")
	}
	a := tts.Audio{Rate: e.rate}
	a.Samples = append(a.Samples, make([]int16, e.rate/20)...)
	for _, w := range splitWords(text) {
		h := fnv.New32a()
		h.Write([]byte(text[w[0]:w[1]]))
		v := h.Sum32()
		f0 := 90 + float64(v%120)
		level := 2000 + float64(v>>8%9000)
		start := len(a.Samples)
		m := e.rate * (80 + int(v>>16%120)) / 1000
		for i := range m {
			tt := float64(i) / float64(e.rate)
			env := math.Sin(math.Pi * float64(i) / float64(m))
			var x float64
			for k := 1; k <= 6; k++ {
				x += math.Cos(2*math.Pi*f0*float64(k)*tt + 1.7*float64(k*k))
			}
			a.Samples = append(a.Samples, int16(level*env*x/3))
		}
		a.Words = append(a.Words, tts.Word{Span: w, Start: start, End: len(a.Samples)})
		a.Samples = append(a.Samples, make([]int16, e.rate/50)...)
	}
	a.Samples = append(a.Samples, make([]int16, e.rate/10)...)
	return a, nil
}

func toneRenderer(e *toneEngine) *Renderer {
	return &Renderer{Engines: tts.NewRegistry(e), Encoder: audio.NewEncoder(proc.New(2), "ffmpeg-not-needed-for-wav"), Workers: 3}
}

func testArticle(paragraphs int) article.Article {
	a := article.Article{Title: "A test of streaming", Language: "en"}
	for p := range paragraphs {
		if p%4 == 3 {
			a.Blocks = append(a.Blocks, article.Block{Type: article.Heading, Text: fmt.Sprintf("Part %d", p)})
		}
		a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph,
			Text: fmt.Sprintf("Paragraph %d opens here. It has a second sentence with several words. And a third one, %d.", p, p*7)})
	}
	return a
}

// readWAV returns the samples of a 16-bit mono WAV file as float PCM.
func readWAV(t *testing.T, path string) ([]float32, int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rate := int(binary.LittleEndian.Uint32(b[24:]))
	for p := 12; p+8 <= len(b); {
		id, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:]))
		if id == "data" {
			d := b[p+8 : p+8+size]
			out := make([]float32, len(d)/2)
			for i := range out {
				out[i] = float32(int16(binary.LittleEndian.Uint16(d[2*i:]))) / 32768
			}
			return out, rate
		}
		p += 8 + size + size%2
	}
	t.Fatal("no data chunk")
	return nil, 0
}

// The streamed render gives the audio the whole-article pipeline gave:
// the same timeline and duration, loudness and true peak on target, and
// the same samples up to the limiter's small differences.
func TestStreamedRenderMatchesWholeArticle(t *testing.T) {
	eng := &toneEngine{rate: 16000}
	r := toneRenderer(eng)
	a := testArticle(12)
	dir := t.TempDir()
	res, err := r.Render(context.Background(), Request{Article: a, Voice: "tone:a", Formats: []string{"wav"}, Dir: dir, Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	got, rate := readWAV(t, res.Files["wav"])

	// The whole-article way: every sentence in memory, Assemble, Normalize.
	norm, _ := normalizerFor("en", nil)
	lines := prepare(a, "", "", norm)
	pieces := make([]audio.Piece, len(lines))
	words := make([][]tts.Word, len(lines))
	for i, l := range lines {
		s, err := eng.Synthesize(context.Background(), "a", l.spoken)
		if err != nil {
			t.Fatal(err)
		}
		pieces[i], words[i] = audio.Piece{Samples: s.Samples, Break: breakOf(l.pause)}, s.Words
	}
	pcm, spans := audio.Assemble(rate, pieces, audio.AssembleOptions{})
	st := audio.Normalize(pcm, rate, TargetLUFS, CeilingTP)
	want := audio.ToInt16(pcm)
	if len(got) != len(want) {
		t.Fatalf("streamed render has %d samples, whole-article %d", len(got), len(want))
	}
	if tl := timelineOf(lines, words, spans, rate, len(pcm)).Marshal(); string(tl) != string(res.Timeline) {
		t.Fatalf("timelines differ:\n%s\n%s", res.Timeline, tl)
	}
	if d := time.Duration(len(pcm)) * time.Second / time.Duration(rate); res.Duration != d {
		t.Fatalf("duration %v, want %v", res.Duration, d)
	}
	lGot, lWant := audio.IntegratedLoudness(got, rate), audio.IntegratedLoudness(audio.FromInt16(want), rate)
	pGot := audio.TruePeak(got, rate)
	t.Logf("streamed: %.3f LUFS, %.3f dBTP; whole: %.3f LUFS, %.3f dBTP (%+v)", lGot, pGot, lWant, audio.TruePeak(audio.FromInt16(want), rate), st)
	if math.Abs(lGot-TargetLUFS) > 0.25 || math.Abs(lGot-lWant) > 0.15 || pGot > CeilingTP {
		t.Errorf("streamed loudness %.3f LUFS / peak %.3f dBTP, whole-article %.3f LUFS", lGot, pGot, lWant)
	}
	var diff, sig float64
	for i, v := range got {
		d := float64(v) - float64(want[i])/32768
		diff += d * d
		sig += float64(v) * float64(v)
	}
	// The gain searches differ within their tolerance (0.03 dB here is a
	// difference 49 dB down); a sample out of place would be near 0 dB.
	if snr := 10 * math.Log10(sig/diff); snr < 40 {
		t.Errorf("streamed and whole-article audio differ: %.1f dB signal to difference", snr)
	} else {
		t.Logf("signal to difference: %.1f dB", snr)
	}
	assertOnly(t, dir, "x.wav")
}

// assertOnly fails unless dir holds exactly the named files.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Fatalf("%s holds %v, want %v", dir, got, names)
	}
}

// No scratch file or partial output survives a render that fails or is
// cancelled, whatever stage it was in.
func TestRenderLeavesNothingOnFailure(t *testing.T) {
	t.Run("engine error", func(t *testing.T) {
		eng := &toneEngine{rate: 16000, failAt: 9}
		dir, scratch := t.TempDir(), t.TempDir()
		_, err := toneRenderer(eng).Render(context.Background(), Request{Article: testArticle(8), Voice: "tone:a", Formats: []string{"wav"}, Dir: dir, ScratchDir: scratch})
		if err == nil || !strings.Contains(err.Error(), "engine crashed") {
			t.Fatalf("got %v, want the engine's error", err)
		}
		assertOnly(t, dir)
		assertOnly(t, scratch)
	})
	t.Run("cancelled mid-synthesis", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		dir := t.TempDir()
		eng := &toneEngine{rate: 16000, onCall: func(_ context.Context, n int64) {
			if n == 20 {
				// The scratch file exists while the render runs.
				if ents, _ := os.ReadDir(dir); len(ents) != 1 || !IsScratch(ents[0].Name()) {
					t.Errorf("mid-render %s holds %v, want one scratch file", dir, ents)
				}
				cancel()
			}
		}}
		_, err := toneRenderer(eng).Render(ctx, Request{Article: testArticle(20), Voice: "tone:a", Formats: []string{"wav"}, Dir: dir})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want context.Canceled", err)
		}
		assertOnly(t, dir)
	})
	t.Run("cancelled while encoding", func(t *testing.T) {
		dir := t.TempDir()
		// An encoder that cannot run fails after the spool is written.
		r := toneRenderer(&toneEngine{rate: 16000})
		r.Encoder = audio.NewEncoder(proc.New(2), filepath.Join(t.TempDir(), "no-ffmpeg"))
		_, err := r.Render(context.Background(), Request{Article: testArticle(4), Voice: "tone:a", Formats: []string{"wav", "mp3"}, Dir: dir})
		if err == nil {
			t.Fatal("render with a missing ffmpeg succeeded")
		}
		assertOnly(t, dir)
	})
}

func TestSweepScratch(t *testing.T) {
	dir := t.TempDir()
	names := []string{".aloud-scratch-123.pcm", ".x.mp3.456.tmp", ".x.opus.7.tmp", "x.mp3", "x.timeline.json", ".aloud-scratch-9.txt", "notes.tmp"}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fresh := filepath.Join(dir, ".aloud-scratch-fresh.pcm")
	os.WriteFile(fresh, nil, 0o644)
	old := time.Now().Add(-time.Hour)
	for _, n := range names {
		os.Chtimes(filepath.Join(dir, n), old, old)
	}
	removed, err := SweepScratch(dir, 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != 3 {
		t.Errorf("removed %v, want the three stale scratch files", removed)
	}
	assertOnly(t, dir, ".aloud-scratch-9.txt", ".aloud-scratch-fresh.pcm", "notes.tmp", "x.mp3", "x.timeline.json")
	if m, _ := filepath.Match(ScratchPattern, ".aloud-scratch-123.pcm"); !m || !IsScratch(".aloud-scratch-123.pcm") {
		t.Error("ScratchPattern and IsScratch disagree")
	}
}

func TestMeasure(t *testing.T) {
	a := testArticle(10)
	s := Measure(a)
	if s.Sentences != 1+10*3+2 { // title, three per paragraph, two headings
		t.Errorf("got %d sentences", s.Sentences)
	}
	if s.Chars < 800 || s.Chars > 1000 {
		t.Errorf("got %d characters", s.Chars)
	}
	if d := s.Audio(); d < 40*time.Second || d > 2*time.Minute {
		t.Errorf("estimated %v of audio", d)
	}
}
