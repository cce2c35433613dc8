package audio

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"

	"aloud/internal/proc"
	"aloud/internal/testenv"
)

// speechText is long enough (~40 s of speech) for stable gated loudness.
const speechText = `The council approved the new budget on Tuesday evening after a long debate.
Supporters said the plan would repair roads, open two libraries and hire more teachers.
Critics warned that the city could not afford the cost of the program over the next ten years.
The mayor promised to publish every contract online, and said the first projects would begin in the spring.
Residents who attended the meeting asked for more time to study the details before the final vote.
A second hearing is planned for next month, when the council will also discuss the water supply.`

// readWAV decodes a 16-bit PCM mono WAV file as written by espeak-ng and
// flite.
func readWAV(t testing.TB, path string) ([]int16, int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		t.Fatalf("%s: not a WAV file", path)
	}
	var rate, channels, bits int
	for p := 12; p+8 <= len(b); {
		id := string(b[p : p+4])
		size := int(binary.LittleEndian.Uint32(b[p+4:]))
		body := b[p+8:]
		if size > len(body) || size < 0 {
			size = len(body)
		}
		switch id {
		case "fmt ":
			channels = int(binary.LittleEndian.Uint16(body[2:]))
			rate = int(binary.LittleEndian.Uint32(body[4:]))
			bits = int(binary.LittleEndian.Uint16(body[14:]))
		case "data":
			if channels != 1 || bits != 16 {
				t.Fatalf("%s: %d channels, %d bits; want mono 16-bit", path, channels, bits)
			}
			s := make([]int16, size/2)
			for i := range s {
				s[i] = int16(binary.LittleEndian.Uint16(body[2*i:]))
			}
			return s, rate
		}
		p += 8 + size + size%2
	}
	t.Fatalf("%s: no data chunk", path)
	return nil, 0
}

// speechCache keeps each engine's rendering of speechText for the whole
// test binary: several tests need it and synthesis is slow under load.
var speechCache struct {
	sync.Mutex
	pcm  map[string][]float32
	rate map[string]int
}

// speech synthesizes speechText with a real engine ("espeak-ng" or
// "flite") and returns a fresh copy of its PCM and its sample rate.
func speech(t testing.TB, engine string) ([]float32, int) {
	t.Helper()
	bin := testenv.Binary(t, engine)
	speechCache.Lock()
	defer speechCache.Unlock()
	if pcm, ok := speechCache.pcm[engine]; ok {
		return append([]float32(nil), pcm...), speechCache.rate[engine]
	}
	out := filepath.Join(t.TempDir(), "speech.wav")
	var args []string
	switch engine {
	case "espeak-ng":
		args = []string{"-v", "en-us", "-w", out, speechText}
	case "flite":
		args = []string{"-voice", "rms", "-t", speechText, "-o", out}
	default:
		t.Fatalf("unknown engine %q", engine)
	}
	if err := proc.New(1).Run(context.Background(), proc.Cmd{Path: bin, Args: args}); err != nil {
		t.Fatal(err)
	}
	s, rate := readWAV(t, out)
	if speechCache.pcm == nil {
		speechCache.pcm, speechCache.rate = map[string][]float32{}, map[string]int{}
	}
	speechCache.pcm[engine], speechCache.rate[engine] = FromInt16(s), rate
	return FromInt16(s), rate
}

var (
	reIntegrated = regexp.MustCompile(`(?s)Summary:.*?I:\s+(-?[0-9.]+|-inf) LUFS`)
	reTruePeak   = regexp.MustCompile(`(?s)Summary:.*?True peak:\s+Peak:\s+(-?[0-9.]+|-inf) dBFS`)
)

// ffmpegEBUR128 measures pcm with ffmpeg's own ebur128 filter and returns
// its integrated loudness (LUFS) and true peak (dBTP).
func ffmpegEBUR128(t testing.TB, pcm []float32, rate int) (lufs, peak float64) {
	t.Helper()
	var in bytes.Buffer
	if err := binary.Write(&in, binary.LittleEndian, pcm); err != nil {
		t.Fatal(err)
	}
	return ebur128(t, &in, "-f", "f32le", "-ar", strconv.Itoa(rate), "-ac", "1", "-i", "pipe:0")
}

// ffmpegEBUR128File measures an audio file as ffmpegEBUR128 does.
func ffmpegEBUR128File(t testing.TB, path string) (lufs, peak float64) {
	t.Helper()
	return ebur128(t, nil, "-i", path)
}

func ebur128(t testing.TB, stdin io.Reader, input ...string) (lufs, peak float64) {
	t.Helper()
	bin := testenv.Binary(t, "ffmpeg")
	// ffmpeg prints the ebur128 summary on stderr, which proc keeps only
	// for errors, so the log goes to a report file (FFREPORT) instead.
	report := filepath.Join(t.TempDir(), "ebur128.log")
	cmd := proc.Cmd{
		Path: bin,
		Args: append(append([]string{"-hide_banner", "-nostats"}, input...),
			"-filter_complex", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"),
		Stdin: stdin,
		Env:   append(os.Environ(), "FFREPORT=file="+report+":level=32"),
	}
	if err := proc.New(1).Run(context.Background(), cmd); err != nil {
		t.Fatal(err)
	}
	log, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("AUDIO_DEBUG") != "" {
		t.Logf("%s", log)
	}
	// ffmpeg configures the graph once while probing and prints an empty
	// summary for it; the real one is the last.
	if i := bytes.LastIndex(log, []byte("Summary:")); i >= 0 {
		log = log[i:]
	}
	m := reIntegrated.FindSubmatch(log)
	p := reTruePeak.FindSubmatch(log)
	if m == nil || p == nil {
		t.Fatalf("no ebur128 summary in ffmpeg output:\n%s", log)
	}
	return parseDB(t, string(m[1])), parseDB(t, string(p[1]))
}

func parseDB(t testing.TB, s string) float64 {
	t.Helper()
	if s == "-inf" {
		return math.Inf(-1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// sine returns seconds of a sine of frequency f, amplitude a and phase ph.
func sine(rate int, seconds, f, a, ph float64) []float32 {
	n := int(seconds * float64(rate))
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(a * math.Sin(2*math.Pi*f*float64(i)/float64(rate)+ph))
	}
	return s
}
