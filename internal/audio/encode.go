package audio

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/sync/errgroup"

	"aloud/internal/proc"
)

// Output formats.
const (
	FormatMP3  = "mp3"  // MPEG-1/2 layer III, mono, 24 kHz, 64 kbit/s CBR, ID3v2.3
	FormatOpus = "opus" // Ogg Opus, 32 kbit/s (48 kHz), Vorbis comments
	FormatWAV  = "wav"  // 16-bit PCM at the engine rate, RIFF INFO tags
)

// Encoding parameters of the formats.
const (
	mp3Rate    = 24000
	mp3Bitrate = "64k"
	// mp3MakeupDB offsets the level LAME loses: ffmpeg's ebur128 reads
	// every MP3 we tried 0.4–0.5 LU below its source, independent of
	// content (sines from 40 Hz to 3 kHz, flite and espeak-ng speech),
	// bitrate (32–128k) and rate (24 and 44.1 kHz). Peaks drop alike, so
	// the true-peak ceiling still holds.
	mp3MakeupDB = 0.4
	// lameDelay is LAME's encoder delay in output samples (576 + 529).
	lameDelay = 1105
	// opusTrimDB keeps Opus's decoded true peak under the ceiling: at
	// 32 kbit/s libopus overshoots speech peaks by about 1 dB (normalized
	// espeak-ng speech at −1.5 dBTP decoded at −1.0 dBTP after a 0.5 dB
	// trim) while losing 0.4 LU like LAME, so Opus gets a little less
	// level: about −16.9 LUFS, within R128's ±1 LU.
	opusTrimDB  = -0.7
	opusBitrate = "32k"
	opusRate    = 48000
	// opusComplexity is libopus's effort, 0–10 (default 10). On the seed
	// (2:49 of espeak-ng speech) 10 took 3.4 s of CPU, 5 took 1.2 s; for
	// speech at 32 kbit/s the difference is not audible.
	opusComplexity = "5"
)

// DefaultMP3Quality is LAME's quality 7. Encoding dominates a render's
// CPU time, and on one minute of espeak-ng speech at 64 kbit/s q7 took
// 227 ms of CPU against 462 ms for LAME's default, with a waveform SNR of
// 24.8 dB against 22.2 dB (q2: 643 ms, 21.3 dB): the default's finer
// psychoacoustic noise shaping buys nothing audible for speech at this
// bitrate.
const DefaultMP3Quality = 7

// ErrUnknownFormat is returned for a format other than mp3, opus or wav.
var ErrUnknownFormat = errors.New("unknown audio format")

// Extension returns the file extension (with dot) of a format.
func Extension(format string) (string, error) {
	switch format {
	case FormatMP3, FormatOpus, FormatWAV:
		return "." + format, nil
	}
	return "", fmt.Errorf("%w %q (want mp3, opus or wav)", ErrUnknownFormat, format)
}

// Encoder turns float PCM into finished, tagged audio files with ffmpeg.
type Encoder struct {
	runner *proc.Runner
	ffmpeg string
	// Parallel is how many ffmpeg processes one MP3 may use (0: the
	// number of CPUs). MP3 encoding dominates the wall time of a render,
	// and LAME is single-threaded, so long audio is cut at pauses into
	// that many chunks that are encoded at once and joined frame by frame.
	Parallel int
	// MP3Quality is LAME's algorithm quality, 0 (best, slowest) to 9;
	// negative keeps LAME's default. NewEncoder sets 7 (DefaultMP3Quality).
	MP3Quality int
}

// NewEncoder returns an Encoder that runs ffmpegPath (resolved once with
// proc.LookPath) through runner.
func NewEncoder(runner *proc.Runner, ffmpegPath string) *Encoder {
	return &Encoder{runner: runner, ffmpeg: ffmpegPath, MP3Quality: DefaultMP3Quality}
}

// EncodeFile encodes pcm (mono, full scale ±1.0, at rate) to path; see
// EncodeStreamFile.
func (e *Encoder) EncodeFile(ctx context.Context, pcm []float32, rate int, format string, tags Tags, path string) error {
	return e.EncodeStreamFile(ctx, Samples{PCM: pcm, SampleRate: rate}, format, tags, path)
}

// EncodeStreamFile encodes s to path. The file appears only complete: it
// is written to a temporary file in the same directory (named
// ".NAME.*.tmp"), synced, closed and renamed; on any error or
// cancellation the temporary file is removed and path is untouched.
func (e *Encoder) EncodeStreamFile(ctx context.Context, s Stream, format string, tags Tags, path string) (err error) {
	if _, err := Extension(format); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("encode %s: %w", format, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := e.EncodeStream(ctx, s, format, tags, bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// A cancellation that raced with the last write still wins: the
	// caller asked for no output.
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("encode %s: %w", format, err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Encode encodes pcm to w (for `-o -`). On error, w may have received
// part of the output.
func (e *Encoder) Encode(ctx context.Context, pcm []float32, rate int, format string, tags Tags, w io.Writer) error {
	return e.EncodeStream(ctx, Samples{PCM: pcm, SampleRate: rate}, format, tags, w)
}

// EncodeStream encodes s to w, reading s in chunks: memory does not grow
// with the audio's length. On error, w may have received part of the
// output.
func (e *Encoder) EncodeStream(ctx context.Context, s Stream, format string, tags Tags, w io.Writer) error {
	if rate := s.Rate(); rate <= 0 {
		return fmt.Errorf("encode %s: invalid sample rate %d", format, rate)
	}
	var err error
	switch format {
	case FormatMP3:
		err = e.encodeMP3(ctx, s, tags, w)
	case FormatOpus:
		err = e.encodeOpus(ctx, s, tags, w)
	case FormatWAV:
		err = writeWAV(w, s, tags)
	default:
		_, err = Extension(format)
		return err
	}
	if err != nil {
		return fmt.Errorf("encode %s: %w", format, err)
	}
	return nil
}

// s16le converts float PCM, scaled by gain, to the little-endian 16-bit
// bytes ffmpeg reads, appending to b.
func s16le(b []byte, pcm []float32, gain float64) []byte {
	for _, v := range pcm {
		x := math.Round(float64(v) * 32768 * gain)
		x = min(max(x, -32768), 32767)
		b = binary.LittleEndian.AppendUint16(b, uint16(int16(x)))
	}
	return b
}

// s16Reader reads a stream range as s16le bytes (ffmpeg's stdin).
type s16Reader struct {
	r       FloatReader
	gain    float64
	f       []float32
	b       []byte
	pending []byte
}

func newS16Reader(r FloatReader, gain float64) *s16Reader {
	return &s16Reader{r: r, gain: gain, f: make([]float32, 8192)}
}

func (r *s16Reader) Read(p []byte) (int, error) {
	if len(r.pending) == 0 {
		n, err := r.r.ReadFloats(r.f)
		if n == 0 {
			if err == nil {
				err = io.ErrNoProgress
			}
			return 0, err
		}
		r.b = s16le(r.b[:0], r.f[:n], r.gain)
		r.pending = r.b
	}
	k := copy(p, r.pending)
	r.pending = r.pending[k:]
	return k, nil
}

// inputArgs reads raw PCM from stdin.
func inputArgs(rate int) []string {
	return []string{
		"-hide_banner", "-loglevel", "error",
		// Raw mono 16-bit PCM at the engine's rate on stdin: no probing.
		"-f", "s16le", "-ar", strconv.Itoa(rate), "-ac", "1", "-i", "pipe:0",
	}
}

// mp3Args encodes stdin to raw MP3 frames on stdout.
func mp3Args(rate, quality int) []string {
	args := inputArgs(rate)
	// Mono, 24 kHz, 64 kbit/s CBR: transparent for speech, small files.
	args = append(args, "-ac", "1", "-ar", strconv.Itoa(mp3Rate), "-c:a", "libmp3lame", "-b:a", mp3Bitrate)
	if quality >= 0 {
		args = append(args, "-compression_level", strconv.Itoa(quality))
	}
	// No ID3 (ours goes in front) and no Xing frame (a pipe cannot be
	// rewound to fill it in; CBR duration follows from the size).
	return append(args, "-id3v2_version", "0", "-write_xing", "0", "-f", "mp3", "pipe:1")
}

func (e *Encoder) encodeMP3(ctx context.Context, s Stream, tags Tags, w io.Writer) error {
	tag, err := ID3v2(tags)
	if err != nil {
		return err
	}
	rate := s.Rate()
	// LAME delays its output by lameDelay samples (measured: decoded
	// audio lags the source by exactly 1105 samples at 24 kHz), and raw
	// frames carry no Info tag that would tell players to skip them. When
	// the stream starts with at least that much digital silence (Assemble
	// puts 100 ms there), drop it so that the decoded MP3 lines up with
	// the stream's timestamps and the timeline.
	from := int64(0)
	if d := int64(math.Round(lameDelay * float64(rate) / mp3Rate)); s.Len() > d {
		head := make([]float32, d)
		if _, err := readFull(s.Open(0, d), head); err != nil {
			return err
		}
		if absMax(head) == 0 {
			from = d
		}
	}
	parallel := e.Parallel
	if parallel <= 0 {
		parallel = runtime.NumCPU()
	}
	cuts, err := streamCuts(s, from, parallel)
	if err != nil {
		return err
	}
	if _, err := w.Write(tag); err != nil {
		return err
	}
	if len(cuts) == 0 {
		// One process, streamed straight through.
		return e.runner.Run(ctx, proc.Cmd{Path: e.ffmpeg, Args: mp3Args(rate, e.MP3Quality),
			Stdin: newS16Reader(s.Open(from, s.Len()), Linear(mp3MakeupDB)), Stdout: w})
	}
	bounds := append(append([]int64{from}, cuts...), s.Len())
	return e.encodeMP3Chunks(ctx, s, bounds, parallel, w)
}

// encodeMP3Chunks encodes the pieces of s between bounds, parallel at a
// time, and writes their frames to w in order, trimmed so that the
// pieces join in time. At most parallel+1 pieces are running or waiting
// to be written, and a piece is at most maxChunk long, so memory stays a
// few megabytes whatever the length.
//
// Each ffmpeg/LAME run adds its encoder delay in front and pads its end
// to a whole frame, so a chunk decodes to more samples than it was given.
// Every chunk but the last ends in the middle of a pause, so dropping
// that surplus (rounded to whole frames) from its silent tail keeps every
// later chunk where the timeline expects it, to within half a frame
// (12 ms). Dropping trailing frames is safe because the bit reservoir only
// reaches backwards, and each chunk starts with an empty reservoir.
func (e *Encoder) encodeMP3Chunks(ctx context.Context, s Stream, bounds []int64, parallel int, w io.Writer) error {
	rate := s.Rate()
	n := len(bounds) - 1
	done := make([]chan []byte, n)
	for k := range done {
		done[k] = make(chan []byte, 1)
	}
	slots := make(chan struct{}, parallel+1)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		for k := 0; k < n; k++ {
			select {
			case slots <- struct{}{}:
			case <-gctx.Done():
				return gctx.Err()
			}
			g.Go(func() error {
				b, err := e.encodeMP3Chunk(gctx, s, bounds[k], bounds[k+1], k == n-1, rate)
				if err != nil {
					return err
				}
				done[k] <- b
				return nil
			})
		}
		return nil
	})
	g.Go(func() error {
		for k := 0; k < n; k++ {
			select {
			case b := <-done[k]:
				if _, err := w.Write(b); err != nil {
					return err
				}
				<-slots
			case <-gctx.Done():
				return gctx.Err()
			}
		}
		return nil
	})
	return g.Wait()
}

func (e *Encoder) encodeMP3Chunk(ctx context.Context, s Stream, lo, hi int64, last bool, rate int) ([]byte, error) {
	var buf bytes.Buffer
	err := e.runner.Run(ctx, proc.Cmd{Path: e.ffmpeg, Args: mp3Args(rate, e.MP3Quality),
		Stdin: newS16Reader(s.Open(lo, hi), Linear(mp3MakeupDB)), Stdout: &buf})
	if err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if last {
		return b, nil
	}
	offs, f, err := mp3Frames(b)
	if err != nil {
		return nil, err
	}
	nframes := len(offs) - 1
	want := float64(hi-lo) * float64(f.rate) / float64(rate)
	drop := int(math.Round((float64(nframes*f.samples) - want) / float64(f.samples)))
	drop = min(max(drop, 0), nframes-1)
	return b[:offs[nframes-drop]], nil
}

// Chunking parameters: chunks shorter than minChunk are not worth a
// process start, and none is longer than maxChunk (so that a waiting
// chunk's frames stay small in memory); cuts go into pauses of at least
// minPause (the sentence pause is 350 ms; a cut drops at most ~100 ms of
// its tail half), searched within cutSearch of the ideal position.
const (
	minChunk  = 20.0  // seconds
	maxChunk  = 300.0 // seconds
	minPause  = 0.3   // seconds
	cutSearch = 20.0  // seconds
	pauseDB   = -50.0
)

// splitAtPauses returns up to n-1 sample positions, each in the middle of
// a pause near an equal division of pcm, or nil when pcm is too short to
// split.
func splitAtPauses(pcm []float32, rate, n int) []int {
	cuts, _ := streamCuts(Samples{PCM: pcm, SampleRate: rate}, 0, n)
	out := make([]int, len(cuts))
	for i, c := range cuts {
		out[i] = int(c)
	}
	return out
}

// streamCuts returns the chunk boundaries (stream positions) for encoding
// s from position from: as many chunks as CPUs (more for audio longer
// than CPUs × maxChunk), each cut in the middle of a pause near an equal
// division, or none when the audio is too short to split.
func streamCuts(s Stream, from int64, parallel int) ([]int64, error) {
	rate := s.Rate()
	secs := float64(s.Len()-from) / float64(rate)
	n := min(parallel, int(secs/minChunk))
	if n < 2 {
		return nil, nil
	}
	n = max(n, int(math.Ceil(secs/maxChunk)))
	// 10 ms windows, quiet when no sample reaches −50 dBFS.
	win := rate / 100
	quiet := make([]bool, (s.Len()-from)/int64(win))
	thr := float32(Linear(pauseDB))
	r := s.Open(from, from+int64(len(quiet)*win))
	buf := make([]float32, win*256)
	for i := 0; i < len(quiet); {
		k := min(256, len(quiet)-i)
		if _, err := readFull(r, buf[:k*win]); err != nil {
			return nil, err
		}
		for j := range k {
			quiet[i+j] = absMax(buf[j*win:(j+1)*win]) < thr
		}
		i += k
	}
	// Runs of quiet windows at least minPause long, as [start, end).
	type run struct{ lo, hi int }
	var runs []run
	need := int(math.Ceil(minPause * 100))
	for i := 0; i < len(quiet); {
		if !quiet[i] {
			i++
			continue
		}
		j := i
		for j < len(quiet) && quiet[j] {
			j++
		}
		if j-i >= need {
			runs = append(runs, run{i, j})
		}
		i = j
	}
	var cuts []int64
	for k := 1; k < n; k++ {
		target := k * len(quiet) / n
		best, bestDist := -1, int(cutSearch*100)+1
		// Runs are in order: start the search near the target.
		i := sort.Search(len(runs), func(i int) bool { return (runs[i].lo+runs[i].hi)/2 >= target-bestDist })
		for ; i < len(runs); i++ {
			mid := (runs[i].lo + runs[i].hi) / 2
			if mid > target+bestDist {
				break
			}
			if d := abs(mid - target); d < bestDist {
				best, bestDist = mid, d
			}
		}
		if best < 0 {
			continue
		}
		pos := from + int64(best*win)
		if len(cuts) == 0 || pos > cuts[len(cuts)-1] {
			cuts = append(cuts, pos)
		}
	}
	return cuts, nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// opusArgs encodes stdin to Ogg Opus on stdout with the metadata and
// chapters from an ffmetadata document.
func opusArgs(rate int, meta string) []string {
	args := inputArgs(rate)
	// ffmetadata as a second input, inline as a data: URI so that no
	// temporary file is needed; it carries the tags and the chapters.
	args = append(args, "-f", "ffmetadata", "-i", "data:text/plain;base64,"+base64.StdEncoding.EncodeToString([]byte(meta)),
		"-map", "0:a", "-map_metadata", "1", "-map_chapters", "1")
	// Opus always runs at 48 kHz inside; 32 kbit/s is plenty for speech.
	return append(args, "-ac", "1", "-ar", strconv.Itoa(opusRate), "-c:a", "libopus", "-b:a", opusBitrate,
		"-compression_level", opusComplexity, "-f", "ogg", "pipe:1")
}

func (e *Encoder) encodeOpus(ctx context.Context, s Stream, tags Tags, w io.Writer) error {
	return e.runner.Run(ctx, proc.Cmd{Path: e.ffmpeg, Args: opusArgs(s.Rate(), ffmetadata(tags)),
		Stdin: newS16Reader(s.Open(0, s.Len()), Linear(opusTrimDB)), Stdout: w})
}

// ffmetadata renders tags in ffmpeg's metadata file format; the Ogg muxer
// turns them into Vorbis comments (TITLE, ARTIST, COMMENT, LANGUAGE,
// DIGITALSOURCETYPE, CHAPTERnnn/CHAPTERnnnNAME).
func ffmetadata(t Tags) string {
	var b strings.Builder
	b.WriteString(";FFMETADATA1\n")
	kv := func(k, v string) {
		if v != "" {
			b.WriteString(k + "=" + ffmetaEscape(v) + "\n")
		}
	}
	kv("title", t.Title)
	kv("artist", t.Artist)
	kv("comment", t.Comment)
	kv("language", t.Language)
	kv("DigitalSourceType", t.DigitalSourceType)
	for _, c := range t.Chapters {
		b.WriteString("\n[CHAPTER]\nTIMEBASE=1/1000\n")
		b.WriteString("START=" + strconv.FormatInt(c.Start.Milliseconds(), 10) + "\n")
		b.WriteString("END=" + strconv.FormatInt(c.End.Milliseconds(), 10) + "\n")
		kv("title", c.Title)
	}
	return b.String()
}

// ffmetaEscape backslash-escapes the characters special in ffmetadata.
func ffmetaEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '=', ';', '#', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeWAV writes 16-bit mono PCM in a RIFF/WAVE file with a LIST/INFO
// chunk (INAM title, IART artist, ICMT comment). It needs no ffmpeg: the
// format is the samples themselves.
func writeWAV(w io.Writer, s Stream, t Tags) error {
	rate := s.Rate()
	var info bytes.Buffer
	sub := func(id, v string) {
		if v == "" {
			return
		}
		b := append([]byte(v), 0)
		info.WriteString(id)
		binary.Write(&info, binary.LittleEndian, uint32(len(b)))
		info.Write(b)
		if len(b)%2 == 1 {
			info.WriteByte(0)
		}
	}
	sub("INAM", t.Title)
	sub("IART", t.Artist)
	sub("ICMT", t.Comment)
	size := 2 * s.Len()
	var list []byte
	if info.Len() > 0 {
		list = append([]byte("LIST"), binary.LittleEndian.AppendUint32(nil, uint32(4+info.Len()))...)
		list = append(list, "INFO"...)
		list = append(list, info.Bytes()...)
	}
	riff := 4 + (8 + 16) + int64(len(list)) + 8 + size
	if riff > math.MaxUint32 {
		return fmt.Errorf("wav: %d bytes of audio is too long for RIFF", size)
	}
	h := []byte("RIFF")
	h = binary.LittleEndian.AppendUint32(h, uint32(riff))
	h = append(h, "WAVEfmt "...)
	h = binary.LittleEndian.AppendUint32(h, 16)
	h = binary.LittleEndian.AppendUint16(h, 1) // PCM
	h = binary.LittleEndian.AppendUint16(h, 1) // mono
	h = binary.LittleEndian.AppendUint32(h, uint32(rate))
	h = binary.LittleEndian.AppendUint32(h, uint32(rate*2))
	h = binary.LittleEndian.AppendUint16(h, 2)
	h = binary.LittleEndian.AppendUint16(h, 16)
	h = append(h, list...)
	h = append(h, "data"...)
	h = binary.LittleEndian.AppendUint32(h, uint32(size))
	if _, err := w.Write(h); err != nil {
		return err
	}
	_, err := io.Copy(w, newS16Reader(s.Open(0, s.Len()), 1))
	return err
}
