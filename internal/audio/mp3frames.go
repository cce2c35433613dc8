package audio

import (
	"errors"
	"fmt"
)

// mp3Frame describes one MPEG audio layer III frame header.
type mp3Frame struct {
	size    int // bytes, header included
	samples int // PCM samples per channel the frame decodes to
	rate    int
}

var (
	mp3Bitrates = [2][16]int{
		// MPEG-1 layer III, then MPEG-2/2.5 layer III, in kbit/s.
		{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0},
		{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0},
	}
	mp3Rates = [3][3]int{
		{44100, 48000, 32000}, // MPEG-1
		{22050, 24000, 16000}, // MPEG-2
		{11025, 12000, 8000},  // MPEG-2.5
	}
	errNotMP3 = errors.New("not an MPEG layer III frame")
)

// parseMP3Frame decodes the 4-byte header at the start of b.
func parseMP3Frame(b []byte) (mp3Frame, error) {
	if len(b) < 4 || b[0] != 0xFF || b[1]&0xE0 != 0xE0 {
		return mp3Frame{}, errNotMP3
	}
	version := (b[1] >> 3) & 3 // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
	layer := (b[1] >> 1) & 3   // 1 = layer III
	brIdx := b[2] >> 4
	srIdx := (b[2] >> 2) & 3
	pad := int(b[2]>>1) & 1
	if version == 1 || layer != 1 || brIdx == 0 || brIdx == 15 || srIdx == 3 {
		return mp3Frame{}, errNotMP3
	}
	v := map[byte]int{3: 0, 2: 1, 0: 2}[version]
	rate := mp3Rates[v][srIdx]
	br := mp3Bitrates[min(v, 1)][brIdx] * 1000
	if v == 0 {
		return mp3Frame{size: 144*br/rate + pad, samples: 1152, rate: rate}, nil
	}
	return mp3Frame{size: 72*br/rate + pad, samples: 576, rate: rate}, nil
}

// mp3Frames splits a raw MP3 stream (no tags) into frame offsets and
// returns the offsets of each frame start, plus the stream's end.
func mp3Frames(b []byte) ([]int, mp3Frame, error) {
	var offs []int
	var first mp3Frame
	for p := 0; p < len(b); {
		f, err := parseMP3Frame(b[p:])
		if err != nil {
			return nil, first, fmt.Errorf("mp3 frame at byte %d: %w", p, err)
		}
		if p+f.size > len(b) {
			return nil, first, fmt.Errorf("mp3 frame at byte %d: truncated", p)
		}
		if len(offs) == 0 {
			first = f
		}
		offs = append(offs, p)
		p += f.size
	}
	return append(offs, len(b)), first, nil
}
