// Command speakbench compares `aloud speak` with the bare baseline: the same
// engine and voice synthesizing the same text in one call to a WAV file,
// then one ffmpeg call encoding it to MP3. It prints wall and CPU time (the
// CPU of each process and every descendant it waited for) and the ratios.
// It then renders the seed's body repeated (10× and 40× by default, about
// 25 and 100 minutes of audio) and prints the same per minute of audio,
// with the peak memory of aloud itself and of its children (rss.go).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

type sample struct{ wall, cpu time.Duration }

func main() {
	aloud := flag.String("aloud", "bin/aloud", "aloud binary")
	seed := flag.String("seed", "../shared/seeds/000_26680a95212ca344.txt", "article to render")
	runs := flag.Int("runs", 5, "timed runs per configuration on the seed (after one warm-up)")
	sizes := flag.String("sizes", "10:1,40:3", "long articles as REPEATS:RUNS (the seed's body repeated), comma-separated; empty for none")
	voices := flag.String("voices", "flite:rms,espeak:en-us", "comma-separated voices")
	flag.Parse()
	if err := run(*aloud, *seed, *runs, *sizes, strings.Split(*voices, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "speakbench:", err)
		os.Exit(1)
	}
}

// longRun is one size of long article and how many runs it gets.
type longRun struct{ repeat, runs int }

func parseSizes(s string) ([]longRun, error) {
	var out []longRun
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		r, n, _ := strings.Cut(f, ":")
		rep, err1 := strconv.Atoi(r)
		runs, err2 := strconv.Atoi(n)
		if err1 != nil || err2 != nil || rep < 1 || runs < 1 {
			return nil, fmt.Errorf("bad -sizes entry %q (want REPEATS:RUNS)", f)
		}
		out = append(out, longRun{rep, runs})
	}
	return out, nil
}

// row is one line of the memory/per-minute table.
type row struct {
	voice          string
	repeat         int
	audio          time.Duration
	speak          sample
	self, kids, ks int64
}

func run(aloud, seed string, runs int, sizes string, voices []string) error {
	if _, err := os.Stat(seed); err != nil {
		return fmt.Errorf("seed article not found (is ../shared present?): %w", err)
	}
	long, err := parseSizes(sizes)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "speakbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	text, err := spokenText(aloud, seed)
	if err != nil {
		return err
	}
	txt := filepath.Join(tmp, "text.txt")
	if err := os.WriteFile(txt, []byte(text), 0o644); err != nil {
		return err
	}
	articles := map[int]string{1: seed}
	for _, l := range long {
		if articles[l.repeat], err = repeated(seed, tmp, l.repeat); err != nil {
			return err
		}
	}
	wav, mp3 := filepath.Join(tmp, "base.wav"), filepath.Join(tmp, "base.mp3")
	out := filepath.Join(tmp, "aloud.mp3")
	fmt.Printf("speakbench: %s, %d bytes of spoken text, median of %d runs after 1 warm-up, %d CPUs\n\n",
		filepath.Base(seed), len(text), runs, cpus())
	fmt.Printf("%-14s %-9s %9s %9s %9s %9s\n", "voice", "what", "wall s", "cpu s", "synth s", "encode s")
	var rows []row
	for _, v := range voices {
		synth := baselineSynth(v, txt, wav)
		if synth == nil {
			return fmt.Errorf("unknown voice %q", v)
		}
		encode := []string{"ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", wav, "-ac", "1", "-ar", "24000", "-c:a", "libmp3lame", "-b:a", "64k", mp3}
		speak := func(article string) []string {
			return []string{aloud, "speak", "--no-cache", "--disclosure", "off", "--voice", v, "-o", out, article}
		}
		var base, enc, syn []sample
		var al []usage
		for i := 0; i <= runs; i++ {
			s1, err := timeCmd(synth)
			if err != nil {
				return err
			}
			s2, err := timeCmd(encode)
			if err != nil {
				return err
			}
			s3, err := runMeasured(speak(seed))
			if err != nil {
				return err
			}
			if i == 0 {
				continue // warm-up: page cache, engine data files
			}
			syn, enc = append(syn, s1), append(enc, s2)
			base = append(base, sample{s1.wall + s2.wall, s1.cpu + s2.cpu})
			al = append(al, s3)
		}
		b, a := median(base), medianUsage(al)
		fmt.Printf("%-14s %-9s %9.3f %9.3f %9.3f %9.3f\n", v, "baseline", b.wall.Seconds(), b.cpu.Seconds(), median(syn).wall.Seconds(), median(enc).wall.Seconds())
		fmt.Printf("%-14s %-9s %9.3f %9.3f\n", v, "aloud", a.wall.Seconds(), a.cpu.Seconds())
		fmt.Printf("%-14s %-9s %8.2fx %8.2fx   (must ≤1.0x wall, ≤1.6x cpu; target ≤0.8x, ≤1.3x)\n\n", v, "ratio",
			a.wall.Seconds()/b.wall.Seconds(), a.cpu.Seconds()/b.cpu.Seconds())
		dur, err := audioDuration(out)
		if err != nil {
			return err
		}
		rows = append(rows, rowOf(v, 1, dur, al))
		for _, l := range long {
			var us []usage
			for range l.runs {
				u, err := runMeasured(speak(articles[l.repeat]))
				if err != nil {
					return err
				}
				us = append(us, u)
			}
			dur, err := audioDuration(out)
			if err != nil {
				return err
			}
			r := rowOf(v, l.repeat, dur, us)
			rows = append(rows, r)
			fmt.Fprintf(os.Stderr, "speakbench: %s %dx: %v of audio, wall %.1f s, cpu %.1f s, aloud %.1f MB\n",
				v, l.repeat, dur.Round(time.Second), r.speak.wall.Seconds(), r.speak.cpu.Seconds(), mb(r.self))
		}
	}
	printRows(rows)
	return nil
}

func rowOf(voice string, repeat int, audio time.Duration, us []usage) row {
	m := medianUsage(us)
	r := row{voice: voice, repeat: repeat, audio: audio, speak: sample{m.wall, m.cpu}}
	for _, u := range us { // memory: the worst run
		r.self, r.kids, r.ks = max(r.self, u.self), max(r.kids, u.kids), max(r.ks, u.kidsSum)
	}
	return r
}

func printRows(rows []row) {
	fmt.Printf("aloud speak per minute of audio (median wall/CPU; peak memory of the worst run, MB):\n")
	fmt.Printf("%-14s %6s %8s %8s %8s %10s %10s %8s %10s %10s\n", "voice", "size", "audio", "wall s", "cpu s", "wall s/min", "cpu s/min", "aloud MB", "child MB", "children MB")
	first := map[string]row{}
	for _, r := range rows {
		min := r.audio.Minutes()
		fmt.Printf("%-14s %5dx %8s %8.2f %8.2f %10.3f %10.3f %8.1f %10.1f %10.1f\n", r.voice, r.repeat, r.audio.Round(time.Second),
			r.speak.wall.Seconds(), r.speak.cpu.Seconds(), r.speak.wall.Seconds()/min, r.speak.cpu.Seconds()/min,
			mb(r.self), mb(r.kids), mb(r.ks))
		if r.repeat == 1 {
			first[r.voice] = r
			continue
		}
		f := first[r.voice]
		perMin := func(d time.Duration, a time.Duration) float64 { return d.Seconds() / a.Minutes() }
		fmt.Printf("%-14s %6s wall/min %.2fx and cpu/min %.2fx of the seed's (must ≤ 1.0x)\n", "", "",
			perMin(r.speak.wall, r.audio)/perMin(f.speak.wall, f.audio), perMin(r.speak.cpu, r.audio)/perMin(f.speak.cpu, f.audio))
	}
	fmt.Printf("(aloud MB: VmHWM of aloud itself; must ≤ 150 MB at 40x, target ≤ 60 MB on the seed and ≤ 80 MB at 40x.\n" +
		" child MB: the largest VmHWM of one helper or ffmpeg; children MB: the largest sum of the children's RSS at one time.)\n")
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }

// repeated writes the seed with its body repeated n times: the head (the
// title lines and the player furniture) and the closing source line once.
func repeated(seed, dir string, n int) (string, error) {
	b, err := os.ReadFile(seed)
	if err != nil {
		return "", err
	}
	blocks := strings.Split(strings.TrimSpace(strings.ReplaceAll(string(b), "\r\n", "\n")), "\n\n")
	head := 2
	for i, bl := range blocks {
		if strings.HasPrefix(bl, "This audio version") {
			head = i + 1
			break
		}
	}
	tail := len(blocks)
	if strings.HasPrefix(blocks[tail-1], "source ") {
		tail--
	}
	if head >= tail {
		return "", fmt.Errorf("%s: no body to repeat", seed)
	}
	parts := append([]string{}, blocks[:head]...)
	for range n {
		parts = append(parts, blocks[head:tail]...)
	}
	parts = append(parts, blocks[tail:]...)
	p := filepath.Join(dir, fmt.Sprintf("seed-%dx.txt", n))
	return p, os.WriteFile(p, []byte(strings.Join(parts, "\n\n")+"\n"), 0o644)
}

// audioDuration reads duration_ms from the timeline written next to out.
func audioDuration(out string) (time.Duration, error) {
	b, err := os.ReadFile(strings.TrimSuffix(out, filepath.Ext(out)) + ".timeline.json")
	if err != nil {
		return 0, err
	}
	var tl struct {
		DurationMs int64 `json:"duration_ms"`
	}
	if err := json.Unmarshal(b, &tl); err != nil {
		return 0, err
	}
	return time.Duration(tl.DurationMs) * time.Millisecond, nil
}

func medianUsage(us []usage) usage {
	s := make([]sample, len(us))
	for i, u := range us {
		s[i] = sample{u.wall, u.cpu}
	}
	m := median(s)
	return usage{wall: m.wall, cpu: m.cpu}
}

// spokenText is what the baseline speaks: the title, a blank line, then the
// body exactly as `aloud extract --format text` prints it.
func spokenText(aloud, seed string) (string, error) {
	js, err := exec.Command(aloud, "extract", "--format", "json", seed).Output()
	if err != nil {
		return "", fmt.Errorf("aloud extract: %w", err)
	}
	title := jsonString(js, "title")
	body, err := exec.Command(aloud, "extract", "--format", "text", seed).Output()
	if err != nil {
		return "", fmt.Errorf("aloud extract: %w", err)
	}
	return title + "\n\n" + string(body), nil
}

func baselineSynth(voice, txt, wav string) []string {
	engine, name, _ := strings.Cut(voice, ":")
	switch engine {
	case "flite":
		return []string{"flite", "-voice", name, "-f", txt, "-o", wav}
	case "espeak":
		return []string{"espeak-ng", "-v", name, "-f", txt, "-w", wav}
	}
	return nil
}

func timeCmd(argv []string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return sample{}, fmt.Errorf("%s: %w: %s", strings.Join(argv, " "), err, stderr.String())
	}
	wall := time.Since(start)
	st := cmd.ProcessState
	return sample{wall: wall, cpu: st.UserTime() + st.SystemTime()}, nil
}

func median(s []sample) sample {
	w := make([]sample, len(s))
	copy(w, s)
	sort.Slice(w, func(i, j int) bool { return w[i].wall < w[j].wall })
	m := w[len(w)/2]
	sort.Slice(w, func(i, j int) bool { return w[i].cpu < w[j].cpu })
	m.cpu = w[len(w)/2].cpu
	return m
}
