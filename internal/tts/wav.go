package tts

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrBadWAV is engine output that is not mono 16-bit PCM WAV.
var ErrBadWAV = errors.New("not a mono 16-bit PCM WAV")

// DecodeWAV reads the mono 16-bit PCM WAV that the engines' CLIs write. It
// tolerates a data chunk whose size field is wrong or 0xFFFFFFFF, which
// engines write when they stream the WAV and cannot seek back.
func DecodeWAV(b []byte) (rate int, samples []int16, err error) {
	if len(b) < 12 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return 0, nil, fmt.Errorf("decode wav header: %w", ErrBadWAV)
	}
	haveFmt := false
	for p := 12; p+8 <= len(b); {
		id, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:p+8]))
		body := b[p+8:]
		switch id {
		case "fmt ":
			if len(body) < 16 || size < 16 {
				return 0, nil, fmt.Errorf("decode wav fmt chunk: %w", ErrBadWAV)
			}
			format, channels := binary.LittleEndian.Uint16(body[0:2]), binary.LittleEndian.Uint16(body[2:4])
			bits := binary.LittleEndian.Uint16(body[14:16])
			rate = int(binary.LittleEndian.Uint32(body[4:8]))
			if format != 1 || channels != 1 || bits != 16 || rate <= 0 {
				return 0, nil, fmt.Errorf("decode wav format %d, %d channels, %d bits: %w", format, channels, bits, ErrBadWAV)
			}
			haveFmt = true
		case "data":
			if !haveFmt {
				return 0, nil, fmt.Errorf("decode wav data before fmt: %w", ErrBadWAV)
			}
			if size < 0 || size > len(body) {
				size = len(body)
			}
			samples = make([]int16, size/2)
			for i := range samples {
				samples[i] = int16(binary.LittleEndian.Uint16(body[2*i:]))
			}
			return rate, samples, nil
		}
		if size < 0 || size > len(body) {
			break
		}
		p += 8 + size + size&1 // chunks are padded to even sizes
	}
	return 0, nil, fmt.Errorf("decode wav: no data chunk: %w", ErrBadWAV)
}
