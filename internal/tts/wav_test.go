package tts_test

import (
	"encoding/binary"
	"errors"
	"slices"
	"testing"

	"aloud/internal/tts"
)

// wav builds a WAV file; dataSize < 0 writes the real size.
func wav(format, channels, bits uint16, rate uint32, samples []int16, dataSize int64, extra []byte) []byte {
	le := binary.LittleEndian
	var b []byte
	b = append(b, "RIFF"...)
	b = le.AppendUint32(b, 0xFFFFFFFF)
	b = append(b, "WAVEfmt "...)
	b = le.AppendUint32(b, 16)
	b = le.AppendUint16(b, format)
	b = le.AppendUint16(b, channels)
	b = le.AppendUint32(b, rate)
	b = le.AppendUint32(b, rate*uint32(channels)*uint32(bits)/8)
	b = le.AppendUint16(b, channels*bits/8)
	b = le.AppendUint16(b, bits)
	b = append(b, extra...)
	b = append(b, "data"...)
	if dataSize < 0 {
		dataSize = int64(2 * len(samples))
	}
	b = le.AppendUint32(b, uint32(dataSize))
	for _, s := range samples {
		b = le.AppendUint16(b, uint16(s))
	}
	return b
}

func TestDecodeWAV(t *testing.T) {
	pcm := []int16{0, 1, -1, 32767, -32768}
	list := append([]byte("LIST"), 3, 0, 0, 0, 'a', 'b', 'c', 0) // odd chunk, padded
	for name, tc := range map[string]struct {
		in       []byte
		rate     int
		samples  []int16
		wantFail bool
	}{
		"plain":           {in: wav(1, 1, 16, 16000, pcm, -1, nil), rate: 16000, samples: pcm},
		"streamed size":   {in: wav(1, 1, 16, 22050, pcm, 0x7FFFF000, nil), rate: 22050, samples: pcm},
		"extra chunk":     {in: wav(1, 1, 16, 8000, pcm, -1, list), rate: 8000, samples: pcm},
		"odd data":        {in: append(wav(1, 1, 16, 8000, pcm, 11, nil), 7), rate: 8000, samples: pcm},
		"stereo":          {in: wav(1, 2, 16, 16000, pcm, -1, nil), wantFail: true},
		"float":           {in: wav(3, 1, 32, 16000, nil, -1, nil), wantFail: true},
		"8 bit":           {in: wav(1, 1, 8, 16000, nil, -1, nil), wantFail: true},
		"zero rate":       {in: wav(1, 1, 16, 0, pcm, -1, nil), wantFail: true},
		"not riff":        {in: []byte("hello world, this is not a wav"), wantFail: true},
		"empty":           {wantFail: true},
		"header only":     {in: wav(1, 1, 16, 16000, nil, -1, nil)[:36], wantFail: true},
		"data before fmt": {in: append([]byte("RIFF\xff\xff\xff\xffWAVEdata\x02\x00\x00\x00"), 1, 0), wantFail: true},
	} {
		rate, samples, err := tts.DecodeWAV(tc.in)
		if tc.wantFail {
			if !errors.Is(err, tts.ErrBadWAV) {
				t.Errorf("%s: got %v, want ErrBadWAV", name, err)
			}
			continue
		}
		if err != nil || rate != tc.rate || !slices.Equal(samples, tc.samples) {
			t.Errorf("%s: got %d, %v, %v, want %d, %v", name, rate, samples, err, tc.rate, tc.samples)
		}
	}
}

func FuzzDecodeWAV(f *testing.F) {
	f.Add(wav(1, 1, 16, 16000, []int16{1, 2, 3}, -1, nil))
	f.Add(wav(1, 1, 16, 16000, []int16{1, 2, 3}, 0xFFFFFFFF, nil))
	f.Add([]byte("RIFF\x00\x00\x00\x00WAVE"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rate, samples, err := tts.DecodeWAV(b)
		if err != nil {
			return
		}
		if rate <= 0 || 2*len(samples) > len(b) {
			t.Errorf("rate %d, %d samples from %d bytes", rate, len(samples), len(b))
		}
	})
}
