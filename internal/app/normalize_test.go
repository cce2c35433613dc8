package app

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func runCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	err := Run(context.Background(), args, env)
	return out.String(), errb.String(), err
}

func TestNormalizeCommand(t *testing.T) {
	tests := []struct {
		name, in, want, wantErr string
		code                    int
	}{
		{"lines kept in order", "The UN met at 10:30 a.m.\n\nIt cost $5.\n", "The U N met at ten thirty A.M.\n\nIt cost five dollars.\n", "", 0},
		{"no final newline", "2 cats", "two cats\n", "", 0},
		{"crlf", "3 dogs\r\n", "three dogs\n", "", 0},
		{"empty input", "", "", "", 0},
		{"invalid utf-8", "1 a\n\xff\xfe 2\n3 c\n", "one a\n\nthree c\n", "line 2", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := runCmd(t, tt.in, "normalize")
			if out != tt.want {
				t.Errorf("stdout = %q, want %q", out, tt.want)
			}
			if code := ExitCode(err); code != tt.code {
				t.Errorf("exit code = %d (%v), want %d", code, err, tt.code)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr = %q, want it to mention %q", errOut, tt.wantErr)
			}
		})
	}
}

func TestNormalizeCommandLang(t *testing.T) {
	if _, _, err := runCmd(t, "1\n", "normalize", "--lang", "en"); err != nil {
		t.Fatalf("--lang en: %v", err)
	}
	out, _, err := runCmd(t, "Am 3. Oktober\n\n1\n", "normalize", "--lang", "de")
	if err != nil || out != "Am dritten Oktober\n\neins\n" {
		t.Fatalf("--lang de: %q, %v; want one line per input line", out, err)
	}
	_, _, err = runCmd(t, "1\n", "normalize", "--lang", "fr")
	if ExitCode(err) != 2 || !strings.Contains(err.Error(), "not supported") || !strings.Contains(err.Error(), "en, de") {
		t.Fatalf("--lang fr: err %v (exit %d), want a usage error naming the supported languages", err, ExitCode(err))
	}
	if _, _, err := runCmd(t, "", "normalize", "extra"); ExitCode(err) != 2 {
		t.Fatalf("positional argument: exit %d, want 2", ExitCode(err))
	}
}
