package helper

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"reflect"
	"testing"

	"aloud/internal/tts"
)

func frame(vals ...any) []byte {
	var b []byte
	for _, v := range vals {
		switch v := v.(type) {
		case int:
			b = binary.LittleEndian.AppendUint32(b, uint32(v))
		case string:
			b = append(b, v...)
		case []int16:
			for _, s := range v {
				b = binary.LittleEndian.AppendUint16(b, uint16(s))
			}
		}
	}
	return b
}

func TestEncodeRequest(t *testing.T) {
	got, err := EncodeRequest("rms", "Hi ü")
	if err != nil {
		t.Fatal(err)
	}
	if want := frame(3, "rms", 5, "Hi ü"); !bytes.Equal(got, want) {
		t.Errorf("got % x, want % x", got, want)
	}
	if _, err := EncodeRequest("rms", string(make([]byte, maxText+1))); err == nil {
		t.Error("oversized text accepted")
	}
}

func TestDecodeResponse(t *testing.T) {
	pcm := []int16{0, 1000, -1000, 32767}
	for name, tc := range map[string]struct {
		in      []byte
		textLen int
		want    tts.Audio
		err     error
	}{
		"audio and words": {in: frame(0, 16000, 4, pcm, 2, 0, 2, 0, 2, 3, 5, 2, 4), textLen: 5,
			want: tts.Audio{Rate: 16000, Samples: pcm, Words: []tts.Word{{Span: [2]int{0, 2}, Start: 0, End: 2}, {Span: [2]int{3, 5}, Start: 2, End: 4}}}},
		"no words":        {in: frame(0, 22050, 4, pcm, 0), textLen: 5, want: tts.Audio{Rate: 22050, Samples: pcm}},
		"refused":         {in: frame(1, 7, "no such"), err: &RefusedError{}},
		"bad status":      {in: frame(7), err: ErrProtocol},
		"zero rate":       {in: frame(0, 0, 0, 0), err: ErrProtocol},
		"span past text":  {in: frame(0, 16000, 4, pcm, 1, 0, 9, 0, 1), textLen: 5, err: ErrProtocol},
		"span reversed":   {in: frame(0, 16000, 4, pcm, 1, 3, 2, 0, 1), textLen: 5, err: ErrProtocol},
		"time past audio": {in: frame(0, 16000, 4, pcm, 1, 0, 2, 0, 5), textLen: 5, err: ErrProtocol},
		"huge":            {in: frame(0, 16000, maxSamples+1), err: ErrProtocol},
		"truncated":       {in: frame(0, 16000, 4, pcm[:2]), err: io.ErrUnexpectedEOF},
		"empty":           {in: nil, err: io.EOF},
	} {
		got, err := DecodeResponse(bufio.NewReader(bytes.NewReader(tc.in)), tc.textLen)
		if tc.err != nil {
			var refused *RefusedError
			if _, isRefusal := tc.err.(*RefusedError); isRefusal {
				if !errors.As(err, &refused) || refused.Message != "no such" {
					t.Errorf("%s: got %v, want refusal", name, err)
				}
			} else if !errors.Is(err, tc.err) {
				t.Errorf("%s: got %v, want %v", name, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %+v, %v, want %+v", name, got, err, tc.want)
		}
	}
}

func FuzzDecodeResponse(f *testing.F) {
	f.Add(frame(0, 16000, 2, []int16{1, 2}, 1, 0, 2, 0, 2), 4)
	f.Add(frame(1, 3, "bad"), 0)
	f.Fuzz(func(t *testing.T, b []byte, textLen int) {
		if textLen < 0 || textLen > maxText {
			return
		}
		a, err := DecodeResponse(bufio.NewReader(bytes.NewReader(b)), textLen)
		if err != nil {
			return
		}
		if a.Rate <= 0 || 2*len(a.Samples) > len(b) {
			t.Fatalf("rate %d, %d samples from %d bytes", a.Rate, len(a.Samples), len(b))
		}
		for _, w := range a.Words {
			if w.Span[0] > w.Span[1] || w.Span[1] > textLen || w.Start > w.End || w.End > len(a.Samples) {
				t.Fatalf("word %+v escapes text %d / samples %d", w, textLen, len(a.Samples))
			}
		}
	})
}
