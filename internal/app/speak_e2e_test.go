//go:build e2e

package app

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"aloud/internal/render"
	"aloud/internal/testenv"
	"aloud/internal/tts/ttstest"
)

// TestE2ESpeakSeed renders the seed with the default voice and with
// espeak-ng and checks what a listener and a podcast app would see.
func TestE2ESpeakSeed(t *testing.T) {
	requireSpeechTools(t)
	seed := testenv.Seed(t)
	if os.Getenv("ALOUD_LIBEXEC") == "" {
		// Outside make, build the helpers that report word timings.
		ttstest.Helper(t, "aloud-flite")
		t.Setenv("ALOUD_LIBEXEC", filepath.Dir(ttstest.Helper(t, "aloud-espeak")))
	}
	for _, voice := range []string{"", "espeak:en-us"} {
		name := voice
		if name == "" {
			name = "default"
		}
		t.Run(name, func(t *testing.T) {
			dir, cacheDir := t.TempDir(), t.TempDir()
			out := filepath.Join(dir, "seed.mp3")
			args := []string{"speak", "--cache", cacheDir, "-o", out, seed}
			if voice != "" {
				args = append(args, "--voice", voice)
			}
			_, stderr, err := runApp(t, context.Background(), "", args...)
			if err != nil {
				t.Fatalf("speak: %v\n%s", err, stderr)
			}
			checkDuration(t, out, 120, 300)
			checkLoudness(t, out)
			checkTags(t, out)
			checkTimeline(t, filepath.Join(dir, "seed.timeline.json"))

			// A second run of the unchanged article synthesizes nothing.
			_, stderr, err = runApp(t, context.Background(), "", args...)
			if err != nil {
				t.Fatalf("second speak: %v", err)
			}
			m := regexp.MustCompile(`(\d+) sentences, (\d+)/(\d+) from cache`).FindStringSubmatch(stderr)
			if m == nil || m[2] != m[1] {
				t.Fatalf("second run summary %q, want every sentence from the cache", stderr)
			}
		})
	}
}

func ffprobeJSON(t *testing.T, path string, what ...string) map[string]any {
	t.Helper()
	args := append([]string{"-v", "error", "-print_format", "json"}, what...)
	out, err := exec.Command("ffprobe", append(args, path)...).Output()
	if err != nil {
		t.Fatalf("ffprobe: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func checkDuration(t *testing.T, path string, lo, hi float64) {
	t.Helper()
	f := ffprobeJSON(t, path, "-show_format")["format"].(map[string]any)
	d, _ := strconv.ParseFloat(f["duration"].(string), 64)
	if d < lo || d > hi {
		t.Fatalf("got duration %.1f s, want %v–%v s", d, lo, hi)
	}
}

func checkLoudness(t *testing.T, path string) {
	t.Helper()
	out, err := exec.Command("ffmpeg", "-nostats", "-hide_banner", "-i", path, "-filter_complex", "ebur128=peak=true", "-f", "null", "-").CombinedOutput()
	if err != nil {
		t.Fatalf("ffmpeg ebur128: %v", err)
	}
	s := string(out)
	i := strings.LastIndex(s, "Summary:")
	if i < 0 {
		t.Fatalf("no ebur128 summary in %q", s)
	}
	lufs := regexp.MustCompile(`I:\s+(-?[\d.]+) LUFS`).FindStringSubmatch(s[i:])
	peak := regexp.MustCompile(`Peak:\s+(-?[\d.]+|-inf) dBFS`).FindStringSubmatch(s[i:])
	if lufs == nil || peak == nil {
		t.Fatalf("cannot parse ebur128 summary %q", s[i:])
	}
	l, _ := strconv.ParseFloat(lufs[1], 64)
	p, _ := strconv.ParseFloat(peak[1], 64)
	if l < -17 || l > -15 {
		t.Fatalf("got integrated loudness %.1f LUFS, want −16 ±1", l)
	}
	// MP3 decoding adds a little overshoot; the PCM was limited to −1 dBTP.
	if p > -0.5 {
		t.Fatalf("got true peak %.1f dBTP, want ≤ −1 (−0.5 with codec overshoot)", p)
	}
}

func checkTags(t *testing.T, path string) {
	t.Helper()
	m := ffprobeJSON(t, path, "-show_format", "-show_chapters")
	tags, _ := m["format"].(map[string]any)["tags"].(map[string]any)
	want := map[string]string{
		"title":             "Britain held secret talks with Russia",
		"artist":            "site-34",
		"DigitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
	}
	for k, v := range want {
		if tags[k] != v {
			t.Errorf("tag %s: got %v, want %q (all tags %v)", k, tags[k], v, tags)
		}
	}
	found := false
	for k, v := range tags {
		if strings.HasPrefix(strings.ToLower(k), "comment") && v == "This audio version was artificially generated." {
			found = true
		}
	}
	if !found {
		t.Errorf("no comment tag with the disclosure in %v", tags)
	}
	chs, _ := m["chapters"].([]any)
	if len(chs) != 2 {
		t.Fatalf("got %d chapters, want 2 (opening, one subheading): %v", len(chs), chs)
	}
	second := chs[1].(map[string]any)["tags"].(map[string]any)["title"]
	if second != "Peace negotiations not part of the talks" {
		t.Errorf("got second chapter %v, want the subheading", second)
	}
}

func checkTimeline(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var tl render.Timeline
	if err := json.Unmarshal(b, &tl); err != nil {
		t.Fatal(err)
	}
	if tl.DurationMs < 120000 || len(tl.Sentences) < 20 {
		t.Fatalf("got timeline of %d ms and %d sentences", tl.DurationMs, len(tl.Sentences))
	}
	var last int64
	words := 0
	for i, s := range tl.Sentences {
		if s.Ms[0] < last || s.Ms[1] < s.Ms[0] || s.Ms[1] > tl.DurationMs {
			t.Fatalf("sentence %d times %v out of order (previous end %d)", i, s.Ms, last)
		}
		last = s.Ms[1]
		words += len(s.Words)
	}
	if tl.Sentences[0].Part != "title" || tl.Sentences[len(tl.Sentences)-1].Part != "disclosure" {
		t.Fatalf("got parts %q … %q, want title first and the disclosure last", tl.Sentences[0].Part, tl.Sentences[len(tl.Sentences)-1].Part)
	}
	if words == 0 {
		t.Fatal("no word timings in the timeline")
	}
}
