// Package helper runs a pool of long-lived engine helper processes
// (helpers/*/aloud-*.c) and speaks their framed protocol over the
// processes' stdin and stdout.
//
// Every integer is a little-endian uint32. A request is
//
//	len(voice) voice len(text) text
//
// (text is UTF-8). A response starts with a status. Status 0 is followed by
//
//	rate n n×int16-samples words words×(spanStart spanEnd startSample endSample)
//
// where spans are byte offsets into the request text. Status 1 is a
// request the helper refused (for example an unknown voice) and is
// followed by len(message) message; the helper stays up. Any other
// outcome (EOF, garbage) means the helper is broken and is replaced.
package helper

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"aloud/internal/tts"
)

// Limits that keep a confused helper from making us allocate without bound.
const (
	maxText    = 1 << 20
	maxSamples = 1 << 27 // over an hour at 22 kHz
	maxWords   = 1 << 20
	maxMessage = 1 << 12
)

const (
	statusOK      = 0
	statusRefused = 1
)

// ErrProtocol is a helper response that breaks the protocol.
var ErrProtocol = errors.New("helper protocol violation")

// RefusedError is a request the helper rejected while staying healthy.
type RefusedError struct{ Message string }

func (e *RefusedError) Error() string { return e.Message }

// Codec writes requests to a helper and reads its responses. A response
// the helper refused while staying healthy is a *RefusedError; any other
// error means the helper is broken and is replaced.
type Codec interface {
	Encode(voice, text string) ([]byte, error)
	Decode(r *bufio.Reader, text string) (tts.Audio, error)
}

// Framed is the codec of helpers/protocol.h.
type Framed struct{}

// Encode implements Codec.
func (Framed) Encode(voice, text string) ([]byte, error) { return EncodeRequest(voice, text) }

// Decode implements Codec.
func (Framed) Decode(r *bufio.Reader, text string) (tts.Audio, error) {
	return DecodeResponse(r, len(text))
}

// EncodeRequest frames one request.
func EncodeRequest(voice, text string) ([]byte, error) {
	if len(text) > maxText {
		return nil, fmt.Errorf("encode request: text of %d bytes exceeds %d", len(text), maxText)
	}
	b := make([]byte, 0, 8+len(voice)+len(text))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(voice)))
	b = append(b, voice...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(text)))
	b = append(b, text...)
	return b, nil
}

// DecodeResponse reads one response to a request whose text had textLen
// bytes, checking every field against the protocol's limits.
func DecodeResponse(r *bufio.Reader, textLen int) (tts.Audio, error) {
	status, err := readU32(r)
	if err != nil {
		return tts.Audio{}, err
	}
	switch status {
	case statusOK:
	case statusRefused:
		n, err := readU32(r)
		if err != nil {
			return tts.Audio{}, err
		}
		if n > maxMessage {
			return tts.Audio{}, fmt.Errorf("refusal of %d bytes: %w", n, ErrProtocol)
		}
		msg := make([]byte, n)
		if _, err := io.ReadFull(r, msg); err != nil {
			return tts.Audio{}, fmt.Errorf("read refusal: %w", err)
		}
		return tts.Audio{}, &RefusedError{Message: string(msg)}
	default:
		return tts.Audio{}, fmt.Errorf("status %d: %w", status, ErrProtocol)
	}
	return decodeAudio(r, textLen)
}

func decodeAudio(r *bufio.Reader, textLen int) (tts.Audio, error) {
	rate, err := readU32(r)
	if err != nil {
		return tts.Audio{}, err
	}
	n, err := readU32(r)
	if err != nil {
		return tts.Audio{}, err
	}
	if rate == 0 || rate > 192000 || n > maxSamples {
		return tts.Audio{}, fmt.Errorf("rate %d, %d samples: %w", rate, n, ErrProtocol)
	}
	raw := make([]byte, 2*int(n))
	if _, err := io.ReadFull(r, raw); err != nil {
		return tts.Audio{}, fmt.Errorf("read samples: %w", err)
	}
	a := tts.Audio{Rate: int(rate), Samples: make([]int16, n)}
	for i := range a.Samples {
		a.Samples[i] = int16(binary.LittleEndian.Uint16(raw[2*i:]))
	}
	words, err := decodeWords(r, textLen, int(n))
	a.Words = words
	return a, err
}

func decodeWords(r *bufio.Reader, textLen, samples int) ([]tts.Word, error) {
	nw, err := readU32(r)
	if err != nil {
		return nil, err
	}
	if nw > maxWords {
		return nil, fmt.Errorf("%d words: %w", nw, ErrProtocol)
	}
	var words []tts.Word
	for range nw {
		var f [4]uint32
		for j := range f {
			if f[j], err = readU32(r); err != nil {
				return nil, err
			}
		}
		w := tts.Word{Span: [2]int{int(f[0]), int(f[1])}, Start: int(f[2]), End: int(f[3])}
		if w.Span[0] > w.Span[1] || w.Span[1] > textLen || w.Start > w.End || w.End > samples {
			return nil, fmt.Errorf("word %v of text %d bytes, %d samples: %w", w, textLen, samples, ErrProtocol)
		}
		words = append(words, w)
	}
	return words, nil
}

func readU32(r *bufio.Reader) (uint32, error) {
	var b [4]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return 0, fmt.Errorf("read response: %w", err)
	}
	return binary.LittleEndian.Uint32(b[:]), nil
}
