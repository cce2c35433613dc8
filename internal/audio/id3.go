package audio

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"time"
	"unicode/utf16"
)

// DigitalSourceTrained is the IPTC digital source type of audio made by a
// trained model, which every rendition carries.
const DigitalSourceTrained = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"

// DefaultComment is the disclosure written into every file's comment.
const DefaultComment = "This audio version was artificially generated."

// Chapter is one navigation point, a span of the final audio.
type Chapter struct {
	Title      string
	Start, End time.Duration
}

// Tags is the metadata written into an encoded file.
type Tags struct {
	Title    string // TIT2 / title
	Artist   string // TPE1 / artist: the article's source
	Comment  string // COMM / comment; typically DefaultComment
	Language string // BCP 47 (e.g. "en", "de"); TLAN and the COMM language
	// DigitalSourceType is the IPTC URI (TXXX:DigitalSourceType).
	DigitalSourceType string
	Chapters          []Chapter
}

// maxChapters is what a CTOC frame can list (its entry count is one byte).
const maxChapters = 255

// ID3v2 renders tags as an ID3v2.3 tag to put in front of MP3 frames: TIT2,
// TPE1, TLAN, COMM, TXXX:DigitalSourceType, and one CHAP per chapter under
// a top-level ordered CTOC, which is how podcast apps and ffprobe find
// chapters. Text that is not Latin-1 is written as UTF-16 with a BOM.
func ID3v2(t Tags) ([]byte, error) {
	var body bytes.Buffer
	add := func(id string, payload []byte) {
		var h [10]byte
		copy(h[:4], id)
		// ID3v2.3 frame sizes are plain 32-bit (v2.4 made them synchsafe).
		binary.BigEndian.PutUint32(h[4:8], uint32(len(payload)))
		body.Write(h[:])
		body.Write(payload)
	}
	if t.Title != "" {
		add("TIT2", textFrame(t.Title))
	}
	if t.Artist != "" {
		add("TPE1", textFrame(t.Artist))
	}
	lang := iso6392(t.Language)
	if t.Language != "" {
		add("TLAN", textFrame(lang))
	}
	if t.Comment != "" {
		// COMM: encoding, language, short description, text.
		enc, text := encodeText(t.Comment)
		_, desc := encodeTextAs("", enc)
		p := append([]byte{enc}, lang...)
		p = append(p, desc...)
		p = append(p, terminator(enc)...)
		add("COMM", append(p, text...))
	}
	if t.DigitalSourceType != "" {
		add("TXXX", userText("DigitalSourceType", t.DigitalSourceType))
	}
	if n := len(t.Chapters); n > 0 {
		if n > maxChapters {
			return nil, fmt.Errorf("id3: %d chapters, at most %d fit a table of contents", n, maxChapters)
		}
		// CTOC: element ID, flags (top-level 0x02 | ordered 0x01), entry
		// count, child element IDs; then the table's own title.
		toc := append([]byte("toc\x00"), 0x03, byte(n))
		for i := range t.Chapters {
			toc = append(toc, chapterID(i)...)
			toc = append(toc, 0)
		}
		add("CTOC", toc)
		for i, c := range t.Chapters {
			// CHAP: element ID, start and end in ms, start and end byte
			// offsets (all ones: unused, times rule), sub-frames.
			p := append([]byte(chapterID(i)), 0)
			p = binary.BigEndian.AppendUint32(p, uint32(c.Start.Milliseconds()))
			p = binary.BigEndian.AppendUint32(p, uint32(c.End.Milliseconds()))
			p = binary.BigEndian.AppendUint32(p, 0xFFFFFFFF)
			p = binary.BigEndian.AppendUint32(p, 0xFFFFFFFF)
			title := textFrame(c.Title)
			var h [10]byte
			copy(h[:4], "TIT2")
			binary.BigEndian.PutUint32(h[4:8], uint32(len(title)))
			p = append(p, h[:]...)
			add("CHAP", append(p, title...))
		}
	}
	if body.Len() >= 1<<28 {
		return nil, fmt.Errorf("id3: tag of %d bytes is too large", body.Len())
	}
	out := make([]byte, 10, 10+body.Len())
	copy(out, "ID3\x03\x00\x00") // version 2.3.0, no flags
	// The tag size is synchsafe: 7 bits per byte, so no byte of it can
	// look like an MP3 frame sync.
	n := body.Len()
	out[6], out[7], out[8], out[9] = byte(n>>21&0x7F), byte(n>>14&0x7F), byte(n>>7&0x7F), byte(n&0x7F)
	return append(out, body.Bytes()...), nil
}

func chapterID(i int) string { return fmt.Sprintf("ch%d", i) }

// textFrame is the payload of a T??? frame: encoding byte and text.
func textFrame(s string) []byte {
	enc, b := encodeText(s)
	return append([]byte{enc}, b...)
}

// userText is a TXXX payload: encoding, description, terminator, value.
func userText(desc, value string) []byte {
	enc, _ := encodeText(desc + value)
	_, d := encodeTextAs(desc, enc)
	_, v := encodeTextAs(value, enc)
	p := append([]byte{enc}, d...)
	p = append(p, terminator(enc)...)
	return append(p, v...)
}

// encodeText picks ISO-8859-1 (0x00) when every rune fits, else UTF-16
// with a byte order mark (0x01), the only two encodings ID3v2.3 knows.
func encodeText(s string) (byte, []byte) {
	for _, r := range s {
		if r > 0xFF {
			return encodeTextAs(s, 1)
		}
	}
	return encodeTextAs(s, 0)
}

func encodeTextAs(s string, enc byte) (byte, []byte) {
	if enc == 0 {
		b := make([]byte, 0, len(s))
		for _, r := range s {
			b = append(b, byte(r))
		}
		return 0, b
	}
	b := []byte{0xFF, 0xFE} // little-endian BOM
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return 1, b
}

func terminator(enc byte) []byte {
	if enc == 1 {
		return []byte{0, 0}
	}
	return []byte{0}
}

// iso6392 maps a BCP 47 tag's primary language to the ISO 639-2 code ID3
// uses; "XXX" is ID3's unknown.
func iso6392(tag string) string {
	primary := tag
	for i, r := range tag {
		if r == '-' || r == '_' {
			primary = tag[:i]
			break
		}
	}
	codes := map[string]string{
		"en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "nl": "nld",
		"pt": "por", "pl": "pol", "sv": "swe", "da": "dan", "no": "nor", "nb": "nob",
		"fi": "fin", "cs": "ces", "ru": "rus", "uk": "ukr", "tr": "tur", "el": "ell",
	}
	if c, ok := codes[primary]; ok {
		return c
	}
	if len(primary) == 3 {
		return primary
	}
	return "XXX"
}
