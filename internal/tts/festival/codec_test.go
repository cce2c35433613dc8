package festival

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"

	"aloud/internal/tts"
	"aloud/internal/tts/helper"
)

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:                  `"plain"`,
		`say "hi" \ bye`:         `"say \"hi\" \\ bye"`,
		"line\nbreak\x00nul\x7f": `"line break nul "`,
		`(aloud-say) ; comment`:  `"(aloud-say) ; comment"`,
	} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestEncodeUnknownVoice(t *testing.T) {
	c := codec{names: map[string]string{"us_slt_hts": "cmu_us_slt_arctic_hts"}}
	if _, err := c.Encode("nope", "x"); !errors.Is(err, tts.ErrUnknownVoice) {
		t.Errorf("got %v, want ErrUnknownVoice", err)
	}
	b, err := c.Encode("us_slt_hts", `he said "x"`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `(aloud-say "cmu_us_slt_arctic_hts" "he said \"x\"")`) {
		t.Errorf("request lacks the call:\n%s", b)
	}
}

// wav is a mono 16-bit RIFF of n samples at rate.
func wav(rate, n int) []byte {
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	le(uint32(36 + 2*n))
	b.WriteString("WAVEfmt ")
	le(uint32(16))
	le(uint16(1))
	le(uint16(1))
	le(uint32(rate))
	le(uint32(2 * rate))
	le(uint16(2))
	le(uint16(16))
	b.WriteString("data")
	le(uint32(2 * n))
	for i := range n {
		le(int16(i % 100))
	}
	return b.Bytes()
}

func TestDecode(t *testing.T) {
	text := "Dr. Mueller said hi."
	var in bytes.Buffer
	in.WriteString("stray output\nT\t0.100000\t0.400000\tDr\nT\t0.400000\t0.900000\tMueller\n")
	in.WriteString("T\t0.900000\t1.200000\tsaid\nT\tbad\t1\tx\nT\t1.200000\t1.500000\thi\n" + wavMarker + "\n")
	in.Write(wav(1000, 2000))
	in.WriteString("\n" + endMarker + "\n")
	a, err := codec{}.Decode(bufio.NewReader(&in), text)
	if err != nil {
		t.Fatal(err)
	}
	if a.Rate != 1000 || len(a.Samples) != 2000 {
		t.Errorf("rate %d, %d samples; want 1000, 2000", a.Rate, len(a.Samples))
	}
	want := []tts.Word{
		{Span: [2]int{0, 2}, Start: 100, End: 400},
		{Span: [2]int{4, 11}, Start: 400, End: 900},
		{Span: [2]int{12, 16}, Start: 900, End: 1200},
		{Span: [2]int{17, 19}, Start: 1200, End: 1500},
	}
	if len(a.Words) != len(want) {
		t.Fatalf("words %v, want %v", a.Words, want)
	}
	for i := range want {
		if a.Words[i] != want[i] {
			t.Errorf("word %d = %+v, want %+v", i, a.Words[i], want[i])
		}
	}
}

func TestDecodeFailures(t *testing.T) {
	for name, tc := range map[string]struct {
		in      []byte
		refused bool
	}{
		"scheme error":  {in: []byte("T\t0\t1\tx\n\n" + endMarker + "\n"), refused: true},
		"eof":           {in: []byte("T\t0\t1\tx\n")},
		"not riff":      {in: []byte(wavMarker + "\nJUNKJUNKJUNK")},
		"huge riff":     {in: append([]byte(wavMarker+"\nRIFF"), 0xff, 0xff, 0xff, 0x7f)},
		"truncated wav": {in: append([]byte(wavMarker+"\n"), wav(1000, 100)[:60]...)},
		"no end marker": {in: append([]byte(wavMarker+"\n"), wav(1000, 10)...)},
		"endless line":  {in: bytes.Repeat([]byte("x"), 70000)},
	} {
		_, err := codec{}.Decode(bufio.NewReader(bytes.NewReader(tc.in)), "x")
		var refused *helper.RefusedError
		switch {
		case err == nil:
			t.Errorf("%s: no error", name)
		case tc.refused != errors.As(err, &refused):
			t.Errorf("%s: got %v, want refused=%v", name, err, tc.refused)
		case !tc.refused && !errors.Is(err, helper.ErrProtocol):
			t.Errorf("%s: got %v, want ErrProtocol", name, err)
		}
	}
}

func TestListVoices(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"us/cmu_us_slt_arctic_hts", "english/kal_diphone", "klingon/worf_hts"} {
		if err := os.MkdirAll(dir+"/"+p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	vs, names, err := listVoices(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]tts.Voice{}
	for _, v := range vs {
		got[v.Name] = v
	}
	if v := got["us_slt_hts"]; v.Gender != "female" || v.Languages[0] != "en-us" || names["us_slt_hts"] != "cmu_us_slt_arctic_hts" {
		t.Errorf("us_slt_hts = %+v (festival name %q)", v, names["us_slt_hts"])
	}
	if v := got["kal_diphone"]; v.Gender != "male" || v.Languages[0] != "en" {
		t.Errorf("kal_diphone = %+v", v)
	}
	if v := got["worf_hts"]; v.Languages[0] != "klingon" {
		t.Errorf("worf_hts = %+v", v)
	}
	if _, _, err := listVoices(t.TempDir()); err == nil || !strings.Contains(err.Error(), "install-deps") {
		t.Errorf("empty voices dir: got %v, want an error pointing to install-deps", err)
	}
}
