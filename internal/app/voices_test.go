package app

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"aloud/internal/testenv"
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
		{args: []string{"--lang", "tlh"}, wantErr: `no installed voice speaks "tlh"`},
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
