package audio

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"aloud/internal/proc"
	"aloud/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func testTags() Tags {
	return Tags{
		Title:             "Britain held “secret” talks",
		Artist:            "site-34",
		Comment:           DefaultComment,
		Language:          "en",
		DigitalSourceType: DigitalSourceTrained,
		Chapters: []Chapter{
			{Title: "Opening", Start: 0, End: 20 * time.Second},
			{Title: "Peace negotiations", Start: 20 * time.Second, End: 35 * time.Second},
		},
	}
}

func TestID3v2Golden(t *testing.T) {
	tag, err := ID3v2(testTags())
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "id3v23.golden")
	if *update {
		if err := os.WriteFile(golden, tag, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update once)", err)
	}
	if !bytes.Equal(tag, want) {
		t.Fatalf("tag differs from %s:\ngot  %q\nwant %q", golden, tag, want)
	}
	// Structure: the synchsafe size covers exactly the frames, and the
	// frames (plain 32-bit sizes in v2.3) tile the body.
	size := int(tag[6])<<21 | int(tag[7])<<14 | int(tag[8])<<7 | int(tag[9])
	if size != len(tag)-10 {
		t.Fatalf("header size %d, body %d", size, len(tag)-10)
	}
	var ids []string
	for p := 10; p < len(tag); {
		n := int(tag[p+4])<<24 | int(tag[p+5])<<16 | int(tag[p+6])<<8 | int(tag[p+7])
		ids = append(ids, string(tag[p:p+4]))
		p += 10 + n
		if p > len(tag) {
			t.Fatalf("frame %s overruns the tag", ids[len(ids)-1])
		}
	}
	if got, want := strings.Join(ids, " "), "TIT2 TPE1 TLAN COMM TXXX CTOC CHAP CHAP"; got != want {
		t.Fatalf("frames %q, want %q", got, want)
	}
}

func TestID3v2TextEncoding(t *testing.T) {
	tests := []struct {
		in       string
		wantEnc  byte
		wantBody []byte
	}{
		{"Zürich", 0, []byte("Z\xfcrich")},
		{"“x”", 1, []byte{0xFF, 0xFE, 0x1C, 0x20, 'x', 0, 0x1D, 0x20}},
		{"", 0, nil},
	}
	for _, tc := range tests {
		enc, b := encodeText(tc.in)
		if enc != tc.wantEnc || !bytes.Equal(b, tc.wantBody) {
			t.Errorf("%q: got %d %q, want %d %q", tc.in, enc, b, tc.wantEnc, tc.wantBody)
		}
	}
	if _, err := ID3v2(Tags{Chapters: make([]Chapter, 256)}); err == nil {
		t.Error("256 chapters: got no error")
	}
}

type probe struct {
	Format struct {
		FormatName string            `json:"format_name"`
		Duration   string            `json:"duration"`
		Tags       map[string]string `json:"tags"`
	} `json:"format"`
	Streams []struct {
		CodecName  string            `json:"codec_name"`
		SampleRate string            `json:"sample_rate"`
		Channels   int               `json:"channels"`
		BitRate    string            `json:"bit_rate"`
		Tags       map[string]string `json:"tags"`
	} `json:"streams"`
	Chapters []struct {
		StartTime string            `json:"start_time"`
		EndTime   string            `json:"end_time"`
		Tags      map[string]string `json:"tags"`
	} `json:"chapters"`
}

func ffprobe(t *testing.T, path string) probe {
	t.Helper()
	bin := testenv.Binary(t, "ffprobe")
	out, err := proc.New(1).Output(context.Background(), proc.Cmd{Path: bin,
		Args: []string{"-v", "error", "-show_format", "-show_streams", "-show_chapters", "-print_format", "json", path}}, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	var p probe
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return p
}

func seconds(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// longSpeech is about a minute of real speech, long enough to be cut into
// chunks.
func longSpeech(t *testing.T) ([]float32, int) {
	t.Helper()
	pcm, rate := speech(t, "espeak-ng")
	pause := make([]float32, rate*7/10)
	return concat(pcm, pause, pcm), rate
}

func newTestEncoder(t *testing.T) *Encoder {
	t.Helper()
	return NewEncoder(proc.New(4), testenv.Binary(t, "ffmpeg"))
}

// lowerKeys makes tag lookups independent of the container's key case.
func lowerKeys(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

func checkTags(t *testing.T, got map[string]string, tags Tags) {
	t.Helper()
	got = lowerKeys(got)
	want := map[string]string{
		"title":             tags.Title,
		"artist":            tags.Artist,
		"comment":           tags.Comment,
		"digitalsourcetype": tags.DigitalSourceType,
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("tag %s: got %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
}

func checkChapters(t *testing.T, p probe, tags Tags) {
	t.Helper()
	if len(p.Chapters) != len(tags.Chapters) {
		t.Fatalf("got %d chapters, want %d", len(p.Chapters), len(tags.Chapters))
	}
	for i, c := range p.Chapters {
		w := tags.Chapters[i]
		if c.Tags["title"] != w.Title {
			t.Errorf("chapter %d title %q, want %q", i, c.Tags["title"], w.Title)
		}
		if got := seconds(t, c.StartTime); math.Abs(got-w.Start.Seconds()) > 0.001 {
			t.Errorf("chapter %d starts at %.3f s, want %.3f", i, got, w.Start.Seconds())
		}
	}
}

func TestEncodeMP3(t *testing.T) {
	pcm, rate := longSpeech(t)
	tags := testTags()
	want := float64(len(pcm)) / float64(rate)
	dir := t.TempDir()
	for _, parallel := range []int{1, 2} {
		t.Run("parallel="+strconv.Itoa(parallel), func(t *testing.T) {
			e := newTestEncoder(t)
			e.Parallel = parallel
			path := filepath.Join(dir, "p"+strconv.Itoa(parallel)+".mp3")
			if err := e.EncodeFile(context.Background(), pcm, rate, FormatMP3, tags, path); err != nil {
				t.Fatal(err)
			}
			p := ffprobe(t, path)
			if p.Format.FormatName != "mp3" || len(p.Streams) != 1 {
				t.Fatalf("format %q with %d streams", p.Format.FormatName, len(p.Streams))
			}
			s := p.Streams[0]
			if s.CodecName != "mp3" || s.SampleRate != "24000" || s.Channels != 1 || s.BitRate != "64000" {
				t.Errorf("stream %+v, want mp3 24000 Hz mono 64 kbit/s", s)
			}
			// Without a Xing frame the duration includes LAME's encoder
			// delay (1105 samples, 46 ms).
			if got := seconds(t, p.Format.Duration); math.Abs(got-want) > 0.1 {
				t.Errorf("duration %.3f s, want %.3f ±0.1", got, want)
			}
			checkTags(t, p.Format.Tags, tags)
			checkChapters(t, p, tags)
		})
	}
}

// The loudness target holds in the encoded files, as ffmpeg measures them.
func TestEncodedLoudness(t *testing.T) {
	pcm, rate := longSpeech(t)
	Normalize(pcm, rate, DefaultTargetLUFS, DefaultPeakDBTP)
	dir := t.TempDir()
	e := newTestEncoder(t)
	e.Parallel = 2
	for _, f := range []string{FormatMP3, FormatOpus, FormatWAV} {
		path := filepath.Join(dir, "a."+f)
		if err := e.EncodeFile(context.Background(), pcm, rate, f, Tags{}, path); err != nil {
			t.Fatal(err)
		}
		lufs, peak := ffmpegEBUR128File(t, path)
		t.Logf("%s: %.1f LUFS, %.1f dBTP", f, lufs, peak)
		// Opus trades a little loudness for peak headroom (opusTrimDB).
		tol := map[string]float64{FormatOpus: 1}[f]
		if tol == 0 {
			tol = 0.3
		}
		if math.Abs(lufs-DefaultTargetLUFS) > tol {
			t.Errorf("%s: %.1f LUFS, want %.0f ±%.1f", f, lufs, DefaultTargetLUFS, tol)
		}
		if peak > DefaultPeakDBTP {
			t.Errorf("%s: true peak %.1f dBTP, want ≤ %.0f", f, peak, DefaultPeakDBTP)
		}
	}
}

// decode decodes an audio file to mono float PCM at rate with ffmpeg.
func decode(t *testing.T, path string, rate int) []float32 {
	t.Helper()
	out, err := proc.New(1).Output(context.Background(), proc.Cmd{Path: testenv.Binary(t, "ffmpeg"),
		Args: []string{"-v", "error", "-i", path, "-ac", "1", "-ar", strconv.Itoa(rate), "-f", "f32le", "pipe:1"}}, 1<<28)
	if err != nil {
		t.Fatal(err)
	}
	pcm := make([]float32, len(out)/4)
	for i := range pcm {
		pcm[i] = math.Float32frombits(uint32(out[4*i]) | uint32(out[4*i+1])<<8 | uint32(out[4*i+2])<<16 | uint32(out[4*i+3])<<24)
	}
	return pcm
}

// lag returns the shift (in samples, within ±maxLag) that best aligns b to
// a over a[from:from+n]: coarsely on every 8th sample, then exactly around
// the coarse optimum (a brute-force search is too slow under -race).
func lag(a, b []float32, from, n, maxLag int) int {
	corr := func(l, step int) float64 {
		var c float64
		for i := from; i < from+n; i += step {
			if j := i + l; j >= 0 && j < len(b) {
				c += float64(a[i]) * float64(b[j])
			}
		}
		return c
	}
	search := func(lo, hi, step, sampleStep int) int {
		best, bestLag := math.Inf(-1), lo
		for l := lo; l <= hi; l += step {
			if c := corr(l, sampleStep); c > best {
				best, bestLag = c, l
			}
		}
		return bestLag
	}
	coarse := search(-maxLag, maxLag, 4, 8)
	return search(coarse-8, coarse+8, 1, 1)
}

// Chunked encoding must be indistinguishable from one pass: the cut lies
// in a pause, the decoded audio there is silent, and everything after the
// cut is where a single pass puts it.
func TestEncodeMP3ChunksJoinInPauses(t *testing.T) {
	pcm, rate := longSpeech(t)
	// Assemble's lead-in, which the encoder uses to absorb LAME's delay.
	pcm = concat(make([]float32, rate/10), pcm)
	cuts := splitAtPauses(pcm, rate, 2)
	if len(cuts) != 1 {
		t.Fatalf("got cuts %v, want one", cuts)
	}
	cut := cuts[0]
	if m := absMax(pcm[cut-rate*15/100 : cut+rate*15/100]); DB(float64(m)) > pauseDB {
		t.Fatalf("cut at %d is not in a pause: peak %.1f dBFS nearby", cut, DB(float64(m)))
	}
	dir := t.TempDir()
	var decoded [2][]float32
	for i, parallel := range []int{1, 2} {
		e := newTestEncoder(t)
		e.Parallel = parallel
		path := filepath.Join(dir, strconv.Itoa(parallel)+".mp3")
		if err := e.EncodeFile(context.Background(), pcm, rate, FormatMP3, Tags{}, path); err != nil {
			t.Fatal(err)
		}
		decoded[i] = decode(t, path, mp3Rate)
	}
	if err := newTestEncoder(t).EncodeFile(context.Background(), pcm, rate, FormatWAV, Tags{}, filepath.Join(dir, "ref.wav")); err != nil {
		t.Fatal(err)
	}
	ref := decode(t, filepath.Join(dir, "ref.wav"), mp3Rate)
	one, two := decoded[0], decoded[1]
	// The encoder delay is absorbed: one pass plays in time with the
	// source (give or take the resampler's few samples).
	l := lag(ref, one, 2*mp3Rate, mp3Rate, 3000)
	t.Logf("one pass vs source: %d samples", l)
	if abs(l) > 8 {
		t.Errorf("one-pass MP3 is %d samples off the source", l)
	}
	if d := len(two) - len(one); abs(d) > mp3Rate/10 {
		t.Errorf("chunked decodes to %d samples, one pass %d", len(two), len(one))
	}
	at := cut * mp3Rate / rate
	// Silent around the join (the decoder's overlap from the previous
	// chunk would show here as a click).
	win := two[at-mp3Rate/20 : at+mp3Rate/20]
	var e float64
	for _, v := range win {
		e += float64(v) * float64(v)
	}
	if rms := DB(math.Sqrt(e / float64(len(win)))); rms > -50 {
		t.Errorf("join at %.2f s: %.1f dBFS RMS, want silence", float64(at)/mp3Rate, rms)
	}
	// Aligned with the single pass before and after the join, to within
	// half a frame (288 samples).
	for _, from := range []int{at / 2, at + 2*mp3Rate} {
		l := lag(one, two, from, mp3Rate, 3000)
		t.Logf("lag at %d: %d", from, l)
		if abs(l) > 288 {
			t.Errorf("at %.1f s chunked audio is %d samples off the single pass", float64(from)/mp3Rate, l)
		}
	}
}

func TestEncodeOpusAndWAV(t *testing.T) {
	pcm, rate := speech(t, "flite")
	tags := testTags()
	tags.Chapters[1].End = time.Duration(len(pcm)) * time.Second / time.Duration(rate)
	dir := t.TempDir()
	e := newTestEncoder(t)

	opus := filepath.Join(dir, "a.opus")
	if err := e.EncodeFile(context.Background(), pcm, rate, FormatOpus, tags, opus); err != nil {
		t.Fatal(err)
	}
	p := ffprobe(t, opus)
	if p.Format.FormatName != "ogg" || len(p.Streams) != 1 || p.Streams[0].CodecName != "opus" {
		t.Fatalf("got %q with %+v, want ogg/opus", p.Format.FormatName, p.Streams)
	}
	// Ogg keeps the comments on the stream.
	checkTags(t, p.Streams[0].Tags, tags)
	checkChapters(t, p, tags)
	want := float64(len(pcm)) / float64(rate)
	if got := seconds(t, p.Format.Duration); math.Abs(got-want) > 0.1 {
		t.Errorf("opus duration %.3f s, want %.3f", got, want)
	}

	wav := filepath.Join(dir, "a.wav")
	if err := e.EncodeFile(context.Background(), pcm, rate, FormatWAV, tags, wav); err != nil {
		t.Fatal(err)
	}
	got, gotRate := readWAV(t, wav)
	if gotRate != rate || len(got) != len(pcm) {
		t.Fatalf("wav: %d samples at %d Hz, want %d at %d", len(got), gotRate, len(pcm), rate)
	}
	for i, v := range ToInt16(pcm) {
		if got[i] != v {
			t.Fatalf("wav sample %d: got %d, want %d", i, got[i], v)
		}
	}
	p = ffprobe(t, wav)
	if l := lowerKeys(p.Format.Tags); l["title"] != tags.Title || l["artist"] != tags.Artist || l["comment"] != tags.Comment {
		t.Errorf("wav tags %v", p.Format.Tags)
	}
}

// entries lists dir, to prove failed encodes leave nothing behind.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range des {
		names = append(names, d.Name())
	}
	return names
}

func TestEncodeFileLeavesNothingOnFailure(t *testing.T) {
	pcm := sine(16000, 45, 440, 0.3, 0)
	fake := func(script string) string {
		p := filepath.Join(t.TempDir(), "ffmpeg")
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		ffmpeg string
		ctx    context.Context
		format string
		want   string // in the error
	}{
		{"missing ffmpeg", "/nonexistent/ffmpeg", context.Background(), FormatMP3, "ffmpeg"},
		{"crash after output", fake("head -c 1000 >/dev/null; printf 'partial'; echo 'boom: encoder died' >&2; exit 3"), context.Background(), FormatMP3, "boom"},
		{"crash opus", fake("echo 'opus broke' >&2; exit 1"), context.Background(), FormatOpus, "opus broke"},
		{"canceled", fake("cat >/dev/null; sleep 5"), canceled, FormatMP3, "canceled"},
		{"unknown format", "/bin/true", context.Background(), "flac", "unknown audio format"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			e := NewEncoder(proc.New(2), tc.ffmpeg)
			e.Parallel = 1
			err := e.EncodeFile(tc.ctx, pcm, 16000, tc.format, testTags(), filepath.Join(dir, "out."+tc.format))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got error %v, want one mentioning %q", err, tc.want)
			}
			if left := entries(t, dir); len(left) != 0 {
				t.Fatalf("left behind: %v", left)
			}
		})
	}
	// Cancellation in the middle of a real encode.
	ffmpeg := testenv.Binary(t, "ffmpeg")
	dir := t.TempDir()
	ctx, stop := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer stop()
	long := sine(16000, 600, 440, 0.3, 0)
	err := NewEncoder(proc.New(2), ffmpeg).EncodeFile(ctx, long, 16000, FormatMP3, testTags(), filepath.Join(dir, "out.mp3"))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want a deadline error", err)
	}
	if left := entries(t, dir); len(left) != 0 {
		t.Fatalf("left behind: %v", left)
	}
}

func TestExtension(t *testing.T) {
	for f, want := range map[string]string{"mp3": ".mp3", "opus": ".opus", "wav": ".wav"} {
		if got, err := Extension(f); err != nil || got != want {
			t.Errorf("%s: got %q, %v", f, got, err)
		}
	}
	if _, err := Extension("ogg"); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("ogg: got %v, want ErrUnknownFormat", err)
	}
}

// Text outside Latin-1 goes into ID3 as UTF-16 and must read back intact.
func TestEncodeMP3UTF16Tags(t *testing.T) {
	pcm := sine(16000, 3, 440, 0.2, 0)
	tags := Tags{Title: "Переговоры „geheim“", Artist: "сайт-34", Comment: "Эта аудиоверсия создана искусственно.", Language: "ru",
		DigitalSourceType: DigitalSourceTrained, Chapters: []Chapter{{Title: "Начало", Start: 0, End: time.Second}, {Title: "Мир “x”", Start: time.Second, End: 3 * time.Second}}}
	p := filepath.Join(t.TempDir(), "u.mp3")
	if err := newTestEncoder(t).EncodeFile(context.Background(), pcm, 16000, FormatMP3, tags, p); err != nil {
		t.Fatal(err)
	}
	pr := ffprobe(t, p)
	checkTags(t, pr.Format.Tags, tags)
	checkChapters(t, pr, tags)
}
