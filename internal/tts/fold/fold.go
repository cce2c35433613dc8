// Package fold rewrites text into plain ASCII for engines that cannot say
// anything else (flite and festival read bytes, not Unicode: "Dr. Müller"
// is heard "doctor em-ler"). Each letter becomes what a reader of the
// text's language would say for it ("ü" is "ue" in German names, "güe"
// is "gwe" in Spanish ones), and every folded byte keeps a map back to
// the original, so that word timings still point at the written words.
//
// Folding happens in the engine layer (tts.Speak), not in normalize: the
// normalizer's output is for every engine, and neural or espeak-ng voices
// say "Müller" better than "Mueller".
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Version names the tables; it goes into the version of engines that
// fold, so a change of table invalidates their cached sentences.
const Version = "fold1"

// Result is folded text and the way back to the original's bytes.
type Result struct {
	Text string
	// start[i] and end[i] are the original byte span of the letter that
	// folded byte i came from.
	start, end []int
}

// Span maps a byte span of the folded text back to the original text. A
// span outside the folded text is returned unchanged.
func (r Result) Span(sp [2]int) [2]int {
	if sp[0] < 0 || sp[1] > len(r.start) || sp[0] >= sp[1] {
		return sp
	}
	return [2]int{r.start[sp[0]], r.end[sp[1]-1]}
}

// ASCII folds text written in the BCP 47 language lang ("de", "en-GB";
// "" means English) to ASCII.
func ASCII(lang, text string) Result {
	t := tableFor(lang)
	var b strings.Builder
	b.Grow(len(text))
	r := Result{start: make([]int, 0, len(text)), end: make([]int, 0, len(text))}
	emit := func(s string, from, to int) {
		b.WriteString(s)
		for range len(s) {
			r.start, r.end = append(r.start, from), append(r.end, to)
		}
	}
	for i := 0; i < len(text); {
		if seq, out, ok := t.sequence(text[i:]); ok {
			emit(out, i, i+len(seq))
			i += len(seq)
			continue
		}
		if text[i] < utf8.RuneSelf {
			emit(text[i:i+1], i, i+1)
			i++
			continue
		}
		c, size := utf8.DecodeRuneInString(text[i:])
		emit(t.letter(c), i, i+size)
		i += size
	}
	r.Text = b.String()
	return r
}

// letter folds one non-ASCII rune: the language's table, then the common
// one, then the letter without its accents, else nothing (flite would
// say nothing for it either, or worse, spell its bytes).
func (t table) letter(c rune) string {
	if s, ok := t.letters[c]; ok {
		return s
	}
	if s, ok := common[c]; ok {
		return s
	}
	if unicode.IsSpace(c) {
		return " "
	}
	lower := unicode.IsLower(c)
	var out []byte
	for _, d := range norm.NFD.String(string(c)) {
		if d < utf8.RuneSelf {
			out = append(out, byte(d))
		}
	}
	if len(out) == 0 {
		return ""
	}
	s := string(out)
	if lower {
		s = strings.ToLower(s)
	}
	return s
}

// sequence finds the longest of the language's multi-letter rules at the
// start of s.
func (t table) sequence(s string) (seq, out string, ok bool) {
	for _, r := range t.sequences {
		if strings.HasPrefix(s, r[0]) {
			return r[0], r[1], true
		}
		if up := upperFirst(r[0]); strings.HasPrefix(s, up) {
			return up, upperFirst(r[1]), true
		}
	}
	return "", "", false
}

func upperFirst(s string) string {
	c, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(c)) + s[size:]
}
