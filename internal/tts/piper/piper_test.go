package piper

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"aloud/internal/proc"
	"aloud/internal/testenv"
	"aloud/internal/tts"
	"aloud/internal/tts/helper"
)

// No Piper model can be fetched here, so these tests check aloud's side:
// the models it accepts, the command line and the line protocol, against
// a shell script standing in for Piper (as proc's tests do).

func writeModel(t *testing.T, dir, name, config string) string {
	t.Helper()
	p := filepath.Join(dir, name+".onnx")
	if err := os.WriteFile(p, []byte("not a real model"), 0o644); err != nil {
		t.Fatal(err)
	}
	if config != "" {
		if err := os.WriteFile(p+".json", []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

const enConfig = `{"audio": {"sample_rate": 22050}, "language": {"code": "en_US"}, "espeak": {"voice": "en-us"}}`

func wav(rate, n int) []byte {
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	le(uint32(36 + 2*n))
	b.WriteString("WAVEfmt ")
	for _, v := range []any{uint32(16), uint16(1), uint16(1), uint32(rate), uint32(2 * rate), uint16(2), uint16(16)} {
		le(v)
	}
	b.WriteString("data")
	le(uint32(2 * n))
	for i := range n {
		le(int16(i))
	}
	return b.Bytes()
}

// fakePiper writes a script that answers --version with version, records
// its arguments and stdin lines in dir, and answers each line by copying
// a WAV into --output_dir and printing its path, as Piper does.
func fakePiper(t *testing.T, dir, version string) string {
	t.Helper()
	sh := testenv.Binary(t, "sh")
	if err := os.WriteFile(filepath.Join(dir, "fixture.wav"), wav(22050, 2205), 0o644); err != nil {
		t.Fatal(err)
	}
	script := "#!" + sh + `
if [ "$1" = --version ]; then echo '` + version + `'; exit 0; fi
printf '%s\n' "$@" > '` + dir + `/args'
while [ $# -gt 0 ]; do [ "$1" = --output_dir ] && od=$2; shift; done
n=0
while IFS= read -r line; do
	printf '%s\n' "$line" >> '` + dir + `/lines'
	n=$((n+1))
	cp '` + dir + `/fixture.wav' "$od/$n.wav"
	echo "$od/$n.wav"
done
`
	p := filepath.Join(dir, "piper")
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSynthesizeThroughTheLineProtocol(t *testing.T) {
	dir := t.TempDir()
	model := writeModel(t, dir, "en_US-test-medium", enConfig)
	e, err := New(proc.New(4), Options{Path: fakePiper(t, dir, "1.2.0"), Models: []string{model}, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	vs, _ := e.Voices(t.Context())
	if len(vs) != 1 || vs[0].ID() != "piper:en_US-test-medium" || strings.Join(vs[0].Languages, ",") != "en-us,en" {
		t.Errorf("voices %+v", vs)
	}
	if e.Version() != "piper-1.2.0" || e.Capabilities().SampleRate != 22050 {
		t.Errorf("version %q, capabilities %+v", e.Version(), e.Capabilities())
	}
	text := "--help \"quoted\"\nand a second line"
	a, err := e.Synthesize(t.Context(), "en_US-test-medium", text)
	if err != nil {
		t.Fatal(err)
	}
	if a.Rate != 22050 || len(a.Samples) != 2205 {
		t.Errorf("rate %d, %d samples; want 22050, 2205", a.Rate, len(a.Samples))
	}
	if _, err := e.Synthesize(t.Context(), "en_US-test-medium", "Again."); err != nil {
		t.Fatal(err)
	}
	e.Close()
	gotArgs, _ := os.ReadFile(filepath.Join(dir, "args"))
	if want := strings.Join(args(model, e.tmp), "\n") + "\n"; string(gotArgs) != want {
		t.Errorf("args %q, want %q", gotArgs, want)
	}
	lines, _ := os.ReadFile(filepath.Join(dir, "lines"))
	if !strings.Contains(string(lines), `"text":"--help \"quoted\" and a second line"`) || strings.Count(string(lines), "\n") != 2 {
		t.Errorf("stdin lines %q", lines)
	}
	if _, err := os.Stat(e.tmp); !os.IsNotExist(err) {
		t.Errorf("Close left %s behind", e.tmp)
	}
	if _, err := e.Synthesize(t.Context(), "other", "x"); !errors.Is(err, tts.ErrUnknownVoice) {
		t.Errorf("unknown voice: got %v", err)
	}
}

func TestNewRefuses(t *testing.T) {
	dir := t.TempDir()
	good := writeModel(t, dir, "good", enConfig)
	noConfig := writeModel(t, dir, "bare", "")
	badConfig := writeModel(t, dir, "bad", `{"audio": {}}`)
	piper := fakePiper(t, dir, "1.2.0")
	notPiper := fakePiper(t, t.TempDir(), "Piper 0.2.902 (GTK mouse configuration)")
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"no model", Options{Path: piper}, "ALOUD_PIPER_MODELS"},
		{"missing model", Options{Path: piper, Models: []string{filepath.Join(dir, "gone.onnx")}}, "no such file"},
		{"not onnx", Options{Path: piper, Models: []string{filepath.Join(dir, "fixture.wav")}}, "want a .onnx"},
		{"no config", Options{Path: piper, Models: []string{noConfig}}, "MODEL.onnx.json"},
		{"config without rate", Options{Path: piper, Models: []string{badConfig}}, "no language or sample rate"},
		{"same model twice", Options{Path: piper, Models: []string{good, good}}, "two models"},
		{"not piper", Options{Path: notPiper, Models: []string{good}}, "is it Piper?"},
	} {
		if _, err := New(proc.New(2), tc.opts); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", tc.name, err, tc.want)
		}
	}
}

func TestDecodeRefusesForeignPaths(t *testing.T) {
	c := codec{dir: t.TempDir()}
	for _, answer := range []string{"/etc/passwd\n", c.dir + "/../x.wav\n", "", "garbage"} {
		_, err := c.Decode(bufio.NewReader(strings.NewReader(answer)), "x")
		if !errors.Is(err, helper.ErrProtocol) {
			t.Errorf("answer %q: got %v, want ErrProtocol", answer, err)
		}
	}
}
