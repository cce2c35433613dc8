package audio

import (
	"encoding/binary"
	"testing"
)

// FuzzMP3Frames: the frame walker never panics, and what it accepts tiles
// the input exactly with valid frames.
func FuzzMP3Frames(f *testing.F) {
	f.Add([]byte{0xFF, 0xF3, 0x84, 0xC4}) // MPEG-2 L3 64 kbit/s 24 kHz header
	f.Add(append([]byte{0xFF, 0xF3, 0x84, 0xC4}, make([]byte, 188)...))
	f.Add([]byte("ID3\x03\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		offs, _, err := mp3Frames(b)
		if err != nil {
			return
		}
		if len(b) > 0 && (len(offs) < 2 || offs[0] != 0 || offs[len(offs)-1] != len(b)) {
			t.Fatalf("offsets %v do not tile %d bytes", offs, len(b))
		}
		for i := 0; i+1 < len(offs); i++ {
			fr, err := parseMP3Frame(b[offs[i]:])
			if err != nil || offs[i]+fr.size != offs[i+1] {
				t.Fatalf("frame %d at %d: %+v, %v", i, offs[i], fr, err)
			}
		}
	})
}

// FuzzAssemble: any pieces give spans in order, inside the stream, with
// every kept sample taken from its piece.
func FuzzAssemble(f *testing.F) {
	f.Add([]byte{0, 0, 1, 2, 3, 0}, uint8(3), uint16(16000))
	f.Add([]byte{}, uint8(1), uint16(8000))
	f.Fuzz(func(t *testing.T, raw []byte, npieces uint8, rate uint16) {
		if rate < 100 {
			return
		}
		n := int(npieces%8) + 1
		pieces := make([]Piece, n)
		samples := make([]int16, len(raw)/2)
		for i := range samples {
			samples[i] = int16(binary.LittleEndian.Uint16(raw[2*i:]))
		}
		for i := range pieces {
			lo, hi := i*len(samples)/n, (i+1)*len(samples)/n
			pieces[i] = Piece{Samples: samples[lo:hi], Break: Break(i % 3)}
		}
		pcm, spans := Assemble(int(rate), pieces, AssembleOptions{})
		prev := 0
		for i, s := range spans {
			if s.Start < prev || s.End < s.Start || s.End > len(pcm) {
				t.Fatalf("span %d %+v after %d in %d samples", i, s, prev, len(pcm))
			}
			if s.Trim < 0 || s.Trim+(s.End-s.Start) > len(pieces[i].Samples) {
				t.Fatalf("span %d %+v does not fit its %d samples", i, s, len(pieces[i].Samples))
			}
			prev = s.End
		}
	})
}
