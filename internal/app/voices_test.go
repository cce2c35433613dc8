package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aloud/internal/testenv"
	"aloud/internal/tts"
)

func TestVoicesCommand(t *testing.T) {
	testenv.Binary(t, "flite")
	testenv.Binary(t, "espeak-ng")
	for _, tc := range []struct {
		args    []string
		want    []string // lines that must appear, each as a prefix of a line
		wantErr string
	}{
		{args: nil, want: []string{"flite:rms ", "flite:slt ", "espeak:en-us ", "espeak:de "}},
		{args: []string{"--lang", "de"}, want: []string{"espeak:de "}},
		{args: []string{"--lang", "fr"}, want: []string{"espeak:fr-fr "}},
		{args: []string{"--lang", "tlh"}, wantErr: `language "tlh": no installed voice speaks the language; installed voices speak`},
		{args: []string{"-o", "x.mp3"}, wantErr: "-o needs --sample"},
		{args: []string{"extra"}, wantErr: "unexpected argument"},
	} {
		var out, errOut bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
		err := Run(context.Background(), append([]string{"voices"}, tc.args...), env)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("voices %v: got %v, want error containing %q", tc.args, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("voices %v: %v (stderr %q)", tc.args, err, errOut.String())
		}
		lines := strings.Split(out.String(), "\n")
		for _, w := range tc.want {
			found := false
			for _, l := range lines {
				found = found || strings.HasPrefix(l, w)
			}
			if !found {
				t.Errorf("voices %v: no line starting %q in\n%s", tc.args, w, out.String())
			}
		}
		if len(tc.args) > 0 && strings.Contains(out.String(), "flite:") {
			t.Errorf("voices %v lists flite voices:\n%s", tc.args, out.String())
		}
	}
}

// TestVoicesShowsCapabilities checks the columns: gender, licence and
// capabilities of each engine.
func TestVoicesShowsCapabilities(t *testing.T) {
	testenv.Binary(t, "flite")
	testenv.Binary(t, "espeak-ng")
	var out, errOut bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	if err := Run(context.Background(), []string{"voices"}, env); err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(out.String(), "\n")
	for _, col := range []string{"VOICE", "GENDER", "LANGUAGES", "CAPABILITIES", "LICENCE"} {
		if !strings.Contains(head, col) {
			t.Errorf("header %q lacks %s", head, col)
		}
	}
	for _, want := range []string{"BSD-style", "GPL-3.0-or-later", "phonemes,22050 Hz"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("voices output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestVoicesSample(t *testing.T) {
	testenv.Binary(t, "flite")
	testenv.Binary(t, "ffmpeg")
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	path := filepath.Join(dir, "rms.wav")
	if err := Run(context.Background(), []string{"voices", "--sample", "flite:rms", "-o", path}, env); err != nil {
		t.Fatalf("%v (stderr %q)", err, errOut.String())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rate, samples, err := tts.DecodeWAV(b)
	if err != nil || rate < 16000 || len(samples) < 3*rate {
		t.Errorf("sample: rate %d, %d samples, %v; want at least 16 kHz and over 3 s", rate, len(samples), err)
	}
	if _, err := os.Stat(strings.TrimSuffix(path, ".wav") + ".timeline.json"); err == nil {
		t.Errorf("a sample wrote a timeline")
	}
	err = Run(context.Background(), []string{"voices", "--sample", "flite:nobody", "-o", filepath.Join(dir, "x.mp3")}, env)
	if err == nil || !strings.Contains(err.Error(), "unknown voice") {
		t.Errorf("unknown voice: got %v", err)
	}
}
