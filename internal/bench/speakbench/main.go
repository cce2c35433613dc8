// Command speakbench compares `aloud speak` with the bare baseline: the same
// engine and voice synthesizing the same text in one call to a WAV file,
// then one ffmpeg call encoding it to MP3. It prints wall and CPU time (the
// CPU of each process and every descendant it waited for) and the ratios.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

type sample struct{ wall, cpu time.Duration }

func main() {
	aloud := flag.String("aloud", "bin/aloud", "aloud binary")
	seed := flag.String("seed", "../shared/seeds/000_26680a95212ca344.txt", "article to render")
	runs := flag.Int("runs", 5, "timed runs per configuration (after one warm-up)")
	voices := flag.String("voices", "flite:rms,espeak:en-us", "comma-separated voices")
	flag.Parse()
	if err := run(*aloud, *seed, *runs, strings.Split(*voices, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "speakbench:", err)
		os.Exit(1)
	}
}

func run(aloud, seed string, runs int, voices []string) error {
	if _, err := os.Stat(seed); err != nil {
		return fmt.Errorf("seed article not found (is ../shared present?): %w", err)
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
	wav, mp3 := filepath.Join(tmp, "base.wav"), filepath.Join(tmp, "base.mp3")
	out := filepath.Join(tmp, "aloud.mp3")
	fmt.Printf("speakbench: %s, %d bytes of spoken text, median of %d runs after 1 warm-up, %d CPUs\n\n",
		filepath.Base(seed), len(text), runs, cpus())
	fmt.Printf("%-14s %-9s %9s %9s %9s %9s\n", "voice", "what", "wall s", "cpu s", "synth s", "encode s")
	for _, v := range voices {
		synth := baselineSynth(v, txt, wav)
		if synth == nil {
			return fmt.Errorf("unknown voice %q", v)
		}
		encode := []string{"ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", wav, "-ac", "1", "-ar", "24000", "-c:a", "libmp3lame", "-b:a", "64k", mp3}
		speak := []string{aloud, "speak", "--no-cache", "--disclosure", "off", "--voice", v, "-o", out, seed}
		var base, enc, syn, al []sample
		for i := 0; i <= runs; i++ {
			s1, err := timeCmd(synth)
			if err != nil {
				return err
			}
			s2, err := timeCmd(encode)
			if err != nil {
				return err
			}
			s3, err := timeCmd(speak)
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
		b, a := median(base), median(al)
		fmt.Printf("%-14s %-9s %9.3f %9.3f %9.3f %9.3f\n", v, "baseline", b.wall.Seconds(), b.cpu.Seconds(), median(syn).wall.Seconds(), median(enc).wall.Seconds())
		fmt.Printf("%-14s %-9s %9.3f %9.3f\n", v, "aloud", a.wall.Seconds(), a.cpu.Seconds())
		fmt.Printf("%-14s %-9s %8.2fx %8.2fx   (must ≤1.0x wall, ≤1.6x cpu; target ≤0.8x, ≤1.3x)\n\n", v, "ratio",
			a.wall.Seconds()/b.wall.Seconds(), a.cpu.Seconds()/b.cpu.Seconds())
	}
	return nil
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
