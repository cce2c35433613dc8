package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aloud/internal/testenv"
)

// runApp runs aloud in-process and returns stdout, stderr and the error.
func runApp(t *testing.T, ctx context.Context, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: os.Getenv}
	err := Run(ctx, args, env)
	return out.String(), errb.String(), err
}

// requireSpeechTools skips (or fails under strict mode) without the engines
// and ffmpeg that speak needs.
func requireSpeechTools(t *testing.T) {
	t.Helper()
	testenv.Binary(t, "ffmpeg")
	testenv.Binary(t, "flite")
	testenv.Binary(t, "espeak-ng")
}

// noFilesLeft asserts dir holds nothing, not even temp files.
func noFilesLeft(t *testing.T, dir string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if len(names) > 0 {
		t.Fatalf("got files %v left behind, want none", names)
	}
}

func TestSpeakBadInput(t *testing.T) {
	requireSpeechTools(t)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := bytes.Repeat([]byte("All work and no play makes a long article. "), 50<<20/43)
	tests := []struct {
		name, want string
		args       []string
	}{
		{"empty", "empty", []string{write("empty.txt", nil)}},
		{"binary", "binary", []string{write("bin.txt", []byte("\x00\x01\x02\x03\xff\xfe PNG\x00\x00"))}},
		{"invalid utf-8", "UTF-8", []string{write("bad.txt", []byte("Headline\n\nCaf\xe9 au lait is served.\n"))}},
		{"50 MB", "limit", []string{write("big.txt", big)}},
		{"no sentences", "no text", []string{write("punct.txt", []byte("...\n\n---\n\n!!!\n"))}},
		{"unknown voice", "unknown voice", []string{"--voice", "flite:nobody", write("ok.txt", []byte("Headline\n\nA sentence to speak.\n"))}},
		{"bad voice syntax", "engine:name", []string{"--voice", "rms", write("ok2.txt", []byte("Headline\n\nA sentence to speak.\n"))}},
		{"missing file", "no such file", []string{filepath.Join(dir, "nope.txt")}},
		{"format contradiction", "contradicts", []string{"--format", "opus", "-o", filepath.Join(dir, "x.mp3"), write("ok3.txt", []byte("Headline\n\nText.\n"))}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, "out.mp3")
			args := append([]string{"speak", "--no-cache", "-o", out}, tc.args...)
			_, _, err := runApp(t, context.Background(), "", args...)
			if err == nil {
				t.Fatalf("got success, want an error mentioning %q", tc.want)
			}
			line := ErrorLine(err)
			if !strings.Contains(strings.ToLower(line), strings.ToLower(tc.want)) {
				t.Fatalf("got %q, want it to mention %q", line, tc.want)
			}
			if strings.Contains(line, "\n") || len(line) > 600 {
				t.Fatalf("error is not one short line: %q", line)
			}
			if ExitCode(err) == 0 {
				t.Fatal("got exit code 0")
			}
			noFilesLeft(t, dir)
		})
	}
}

func TestSpeakFFmpegCrashLeavesNothing(t *testing.T) {
	requireSpeechTools(t)
	fake := t.TempDir()
	// A stand-in ffmpeg that dies the way a real crash looks to us.
	script := "#!/bin/sh\necho 'Segmentation fault (simulated)' >&2\nkill -SEGV $$\n"
	if err := os.WriteFile(filepath.Join(fake, "ffmpeg"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", fake+string(os.PathListSeparator)+os.Getenv("PATH"))
	dir := t.TempDir()
	in := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(in, []byte("Headline here\n\nOne sentence. Two sentences.\n"), 0o644)
	_, _, err := runApp(t, context.Background(), "", "speak", "--no-cache", "-o", filepath.Join(dir, "a.mp3"), in)
	if err == nil || !strings.Contains(ErrorLine(err), "ffmpeg") {
		t.Fatalf("got %v, want an ffmpeg error", err)
	}
	noFilesLeft(t, dir)
}

func TestSpeakMissingTools(t *testing.T) {
	requireSpeechTools(t)
	in := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(in, []byte("Headline here\n\nOne sentence.\n"), 0o644)
	dir := t.TempDir()
	t.Setenv("PATH", t.TempDir()) // nothing on PATH: no ffmpeg, no engines
	t.Setenv("ALOUD_LIBEXEC", t.TempDir())
	_, _, err := runApp(t, context.Background(), "", "speak", "--no-cache", "-o", filepath.Join(dir, "a.mp3"), in)
	if err == nil || !strings.Contains(ErrorLine(err), "not found") {
		t.Fatalf("got %v, want a not-found error", err)
	}
	noFilesLeft(t, dir)
}

func TestSpeakMissingEngines(t *testing.T) {
	requireSpeechTools(t)
	ffmpeg := testenv.Binary(t, "ffmpeg")
	in := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(in, []byte("Headline here\n\nOne sentence.\n"), 0o644)
	bin := t.TempDir()
	if err := os.Symlink(ffmpeg, filepath.Join(bin, "ffmpeg")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin) // ffmpeg only: neither flite nor espeak-ng nor their helpers
	t.Setenv("ALOUD_LIBEXEC", t.TempDir())
	dir := t.TempDir()
	_, _, err := runApp(t, context.Background(), "", "speak", "--no-cache", "-o", filepath.Join(dir, "a.mp3"), in)
	if err == nil || !strings.Contains(ErrorLine(err), "no speech engine") {
		t.Fatalf("got %v, want a no-engine error", err)
	}
	noFilesLeft(t, dir)
}

func TestSpeakInterrupted(t *testing.T) {
	requireSpeechTools(t)
	seed := testenv.Seed(t)
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, _, err := runApp(t, ctx, "", "speak", "--no-cache", "--voice", "espeak:en-us", "-o", filepath.Join(dir, "s.mp3"), seed)
	if !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want the cancellation", err)
	}
	noFilesLeft(t, dir)
}

func TestSpeakFlagsAfterInputAndStdout(t *testing.T) {
	requireSpeechTools(t)
	dir := t.TempDir()
	tl := filepath.Join(dir, "t.json")
	out, _, err := runApp(t, context.Background(), "Short headline\n\nA short article body.\n",
		"speak", "-", "--no-cache", "--voice", "espeak:en-us", "--format", "wav", "-o", "-", "--timeline", tl)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "RIFF") {
		t.Fatalf("got %q…, want a WAV on stdout", out[:min(len(out), 8)])
	}
	if _, err := os.Stat(tl); err != nil {
		t.Fatalf("timeline not written: %v", err)
	}
}

const harbourPage = `<!doctype html><html lang="en"><head><title>Harbour news</title>
<meta property="og:title" content="Ferry timetable changes next week"></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Ferry timetable changes next week</h1>
<p>The harbour authority said on Monday that the morning ferry will leave ten minutes earlier from next week.</p>
<p>Commuters were told to check the new timetable, which is posted at the terminal and online.</p>
</article><footer>Share this article</footer></body></html>`

func newsServer(t *testing.T) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>
<item><title>Old</title><link>%[1]s/news/old-story</link><pubDate>Mon, 02 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>Ferry</title><link>%[1]s/news/ferry-timetable</link><pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate></item>
</channel></rss>`, srv.URL)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, harbourPage)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSpeakURL(t *testing.T) {
	requireSpeechTools(t)
	srv := newsServer(t)
	host := strings.TrimPrefix(srv.URL, "http://")
	dir := t.TempDir()
	out := filepath.Join(dir, "page.mp3")
	// Refused without the allow-list: the server is on loopback.
	if _, _, err := runApp(t, context.Background(), "", "speak", "--no-cache", "-o", out, srv.URL+"/news/ferry"); err == nil {
		t.Fatal("loopback URL fetched without --allow-host")
	}
	noFilesLeft(t, dir)
	_, _, err := runApp(t, context.Background(), "", "speak", "--no-cache", "--voice", "espeak:en-us", "--allow-host", host, "-o", out, srv.URL+"/news/ferry")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "page.timeline.json"))
	if err != nil || !strings.Contains(string(b), `"part":"title"`) {
		t.Fatalf("timeline %s, err %v", b, err)
	}
}

func TestSpeakFeedLatest(t *testing.T) {
	requireSpeechTools(t)
	srv := newsServer(t)
	host := strings.TrimPrefix(srv.URL, "http://")
	dir := t.TempDir()
	_, _, err := runApp(t, context.Background(), "", "speak", "--no-cache", "--voice", "espeak:en-us", "--allow-host", host,
		"--feed", srv.URL+"/feed.xml", "--latest", "1", "-o", dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ferry-timetable.mp3", "ferry-timetable.timeline.json"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Fatalf("newest item not rendered: %v", err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "old-story.mp3")); err == nil {
		t.Fatal("rendered more than --latest 1 items")
	}
}

func TestSpeakGermanUsesEspeakAndGermanDisclosure(t *testing.T) {
	requireSpeechTools(t)
	in := filepath.Join(t.TempDir(), "de.txt")
	os.WriteFile(in, []byte("Politik: Neue Regeln für Fähren\n\nPolitik\nNeue Regeln für Fähren\n\nDie Regierung will die Regeln ändern. Das sagte der Minister am 5. November.\n\nsource site-9\n"), 0o644)
	dir := t.TempDir()
	out := filepath.Join(dir, "de.mp3")
	_, stderr, err := runApp(t, context.Background(), "", "speak", "--no-cache", "--lang", "de", "-o", out, in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "voice espeak:de") {
		t.Fatalf("summary %q, want the German espeak voice", stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "de.timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	disc := "Diese Audioversion wurde künstlich erzeugt."
	if !strings.Contains(string(b), fmt.Sprintf(`"part":"disclosure","block":-1,"span":[0,%d]`, len(disc))) {
		t.Fatalf("timeline %s lacks the German disclosure sentence", b)
	}
}
