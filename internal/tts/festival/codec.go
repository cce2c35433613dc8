package festival

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"

	"aloud/internal/tts"
	"aloud/internal/tts/helper"
)

// Markers festival prints around a response.
const (
	wavMarker = "ALOUD-WAV"
	endMarker = "ALOUD-END"
)

// Limits that keep a confused festival from making us allocate without
// bound.
const (
	maxWAV    = 64 << 20 // over 15 minutes at 32 kHz
	maxLines  = 1 << 16
	maxLineSz = 4 << 10
)

// prelude defines the two functions each request calls. aloud-tok prints
// one token's span in seconds: from the end of the segment before its
// first word's first segment to the end of its last word's last segment
// (words without segments, such as punctuation, are skipped).
// aloud-say selects the voice when it changed, synthesizes, prints the
// tokens, then the WAV. It is sent with every request, so that a process
// needs no set-up and a request is self-contained.
const prelude = `(define (aloud-tok tok)
 (let ((s -1) (e 0))
  (mapcar (lambda (w)
    (let ((ws (item.feat w "R:SylStructure.daughter1.daughter1.R:Segment.p.end"))
          (we (item.feat w "R:SylStructure.daughtern.daughtern.R:Segment.end")))
     (if (> we 0) (begin (if (< s 0) (set! s ws)) (set! e we)))))
   (item.daughters tok))
  (if (> e 0) (format t "T\t%f\t%f\t%s\n" s e (item.name tok)))))
(define (aloud-say v text)
 (if (not (equal? current-voice (intern v))) (eval (list (intern (string-append "voice_" v)))))
 (let ((utt (utt.synth (eval (list 'Utterance 'Text text)))))
  (mapcar aloud-tok (utt.relation.items utt 'Token))
  (format t "` + wavMarker + `\n")
  (utt.save.wave utt "-" 'riff)))
`

// codec speaks to `festival --pipe`. Each request is the prelude, the
// call and a second expression that prints the end marker: Festival
// reports a Scheme error on stderr and goes on with the next expression,
// so a failed sentence still ends with the marker and the process stays
// usable.
type codec struct {
	names map[string]string // aloud voice name → Festival's
}

var _ helper.Codec = codec{}

// Encode implements helper.Codec.
func (c codec) Encode(voice, text string) ([]byte, error) {
	full, ok := c.names[voice]
	if !ok {
		return nil, fmt.Errorf("festival voice %q: %w", voice, tts.ErrUnknownVoice)
	}
	var b strings.Builder
	b.WriteString(prelude)
	fmt.Fprintf(&b, "(aloud-say %s %s)\n", quote(full), quote(text))
	b.WriteString(`(begin (format t "\n` + endMarker + `\n") (fflush nil))` + "\n")
	return []byte(b.String()), nil
}

// quote writes s as a Scheme string; control characters (newlines would
// end nothing, but NUL would end the string in C) become spaces.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// token is one token festival reported: its name and time in seconds.
type token struct {
	name       string
	start, end float64
}

// Decode implements helper.Codec: token lines, the WAV, the end marker.
func (c codec) Decode(r *bufio.Reader, text string) (tts.Audio, error) {
	var toks []token
	for n := 0; ; n++ {
		if n > maxLines {
			return tts.Audio{}, fmt.Errorf("festival: more than %d lines: %w", maxLines, helper.ErrProtocol)
		}
		line, err := readLine(r)
		if err != nil {
			return tts.Audio{}, err
		}
		switch {
		case line == endMarker:
			// The synthesis expression failed; its error went to stderr.
			return tts.Audio{}, &helper.RefusedError{Message: fmt.Sprintf("festival could not say %q", clip(text))}
		case line == wavMarker:
			a, err := readWAV(r)
			if err != nil {
				return tts.Audio{}, err
			}
			if err := skipToEnd(r); err != nil {
				return tts.Audio{}, err
			}
			a.Words = wordsOf(toks, text, a.Rate, len(a.Samples))
			return a, nil
		case strings.HasPrefix(line, "T\t"):
			if t, ok := parseToken(line); ok {
				toks = append(toks, t)
			}
		}
	}
}

func readLine(r *bufio.Reader) (string, error) {
	line, err := r.ReadSlice('\n')
	if err == bufio.ErrBufferFull || len(line) > maxLineSz {
		return "", fmt.Errorf("festival: line over %d bytes: %w", maxLineSz, helper.ErrProtocol)
	}
	if err != nil {
		return "", fmt.Errorf("festival: read response: %w: %w", helper.ErrProtocol, err)
	}
	return strings.TrimRight(string(line), "\r\n"), nil
}

func parseToken(line string) (token, bool) {
	f := strings.SplitN(line, "\t", 4)
	if len(f) != 4 {
		return token{}, false
	}
	s, err1 := strconv.ParseFloat(f[1], 64)
	e, err2 := strconv.ParseFloat(f[2], 64)
	if err1 != nil || err2 != nil || s < 0 || e < s {
		return token{}, false
	}
	return token{name: f[3], start: s, end: e}, true
}

// readWAV reads one RIFF file whose size field festival fills in
// correctly (it knows the length before it writes).
func readWAV(r *bufio.Reader) (tts.Audio, error) {
	var head [8]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return tts.Audio{}, fmt.Errorf("festival: read wav: %w: %w", helper.ErrProtocol, err)
	}
	size := int(binary.LittleEndian.Uint32(head[4:]))
	if string(head[:4]) != "RIFF" || size < 4 || size > maxWAV {
		return tts.Audio{}, fmt.Errorf("festival: wav header %q, size %d: %w", head[:4], size, helper.ErrProtocol)
	}
	b := make([]byte, 8+size)
	copy(b, head[:])
	if _, err := io.ReadFull(r, b[8:]); err != nil {
		return tts.Audio{}, fmt.Errorf("festival: read wav: %w: %w", helper.ErrProtocol, err)
	}
	rate, samples, err := tts.DecodeWAV(b)
	if err != nil {
		return tts.Audio{}, fmt.Errorf("festival: %w: %w", helper.ErrProtocol, err)
	}
	return tts.Audio{Rate: rate, Samples: samples}, nil
}

func skipToEnd(r *bufio.Reader) error {
	for n := 0; n < maxLines; n++ {
		line, err := readLine(r)
		if err != nil {
			return err
		}
		if line == endMarker {
			return nil
		}
	}
	return fmt.Errorf("festival: no end marker: %w", helper.ErrProtocol)
}

// wordsOf places festival's tokens in text: tokens are the text's
// whitespace-separated words without their punctuation, in order, so
// each is searched from where the previous one ended. A token not found
// (festival rewrote it) gets no word.
func wordsOf(toks []token, text string, rate, n int) []tts.Word {
	var words []tts.Word
	at := 0
	for _, t := range toks {
		i := strings.Index(text[at:], t.name)
		if t.name == "" || i < 0 {
			continue
		}
		start, end := at+i, at+i+len(t.name)
		at = end
		s, e := min(int(t.start*float64(rate)), n), min(int(t.end*float64(rate)), n)
		if len(words) > 0 {
			s = max(s, words[len(words)-1].End)
		}
		if e <= s {
			continue
		}
		words = append(words, tts.Word{Span: [2]int{start, end}, Start: s, End: e})
	}
	return words
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
