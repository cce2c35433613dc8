package script

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parenLookahead is how far (in bytes) a closing parenthesis may lie ahead
// for a stop inside parentheses to be treated as part of the sentence
// around them; an unclosed "(" must not swallow the rest of the text.
const parenLookahead = 300

// Split returns the byte spans of the sentences in text, in order, each
// trimmed of surrounding white space. lang is a BCP 47 tag choosing the
// abbreviation rules ("de" knows "z. B." and ordinals like "5. November");
// other languages get the English rules. A blank line always ends a
// sentence. Pieces holding no letter or digit (stray punctuation) are
// attached to the sentence before them, so every span is speakable.
func Split(text, lang string) [][2]int {
	r := rulesFor(lang)
	var raw [][2]int
	start, depth := 0, 0
	for i := 0; i < len(text); {
		c, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case c == '(' || c == '[':
			depth++
		case (c == ')' || c == ']') && depth > 0:
			depth--
		case c == '\n' && blankLineAt(text, i+size):
			raw = append(raw, [2]int{start, i})
			start, depth = i+size, 0
		case isTerminator(c):
			end := stopEnd(text, i)
			depth = max(0, depth-strings.Count(text[i:end], ")")-strings.Count(text[i:end], "]"))
			if spaceAt(text, end) && r.breaksAt(text, start, i, end) && !(depth > 0 && closesSoon(text, end)) {
				raw = append(raw, [2]int{start, end})
				start, depth = end, 0
			}
			i = end
			continue
		}
		i += size
	}
	raw = append(raw, [2]int{start, len(text)})
	return tidy(text, raw)
}

// stopEnd returns the end of the stop that starts at i: the run of
// terminators plus any closing quotes or brackets right after it, which
// belong to the sentence they close (`he said.” Next`).
func stopEnd(text string, i int) int {
	j := i
	for j < len(text) {
		c, size := utf8.DecodeRuneInString(text[j:])
		if !isTerminator(c) {
			break
		}
		j += size
	}
	for j < len(text) {
		c, size := utf8.DecodeRuneInString(text[j:])
		if !isCloser(c) {
			break
		}
		j += size
	}
	return j
}

// blankLineAt reports whether only horizontal space lies between i and the
// next newline, i.e. the newline before i starts a blank line.
func blankLineAt(text string, i int) bool {
	for i < len(text) {
		switch text[i] {
		case ' ', '\t', '\r':
			i++
		case '\n':
			return true
		default:
			return false
		}
	}
	return false
}

// spaceAt reports whether white space starts at i; a stop glued to the
// next character ("3.5", "example.com", "U.S.A") is never a boundary.
func spaceAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	c, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(c)
}

func closesSoon(text string, from int) bool {
	window := text[from:min(len(text), from+parenLookahead)]
	return strings.ContainsAny(window, ")]")
}

// tidy trims each piece and folds pieces without a letter or digit into a
// neighbour, so that "Wait . . ." or a lone "—" never becomes a sentence.
func tidy(text string, raw [][2]int) [][2]int {
	var out [][2]int
	pending := -1 // start of a punctuation-only piece waiting for a sentence
	for _, sp := range raw {
		s, e := trimSpan(text, sp[0], sp[1])
		if s == e {
			continue
		}
		if !hasWordChar(text[s:e]) {
			if len(out) > 0 {
				out[len(out)-1][1] = e
			} else if pending < 0 {
				pending = s
			}
			continue
		}
		if pending >= 0 {
			s, pending = pending, -1
		}
		out = append(out, [2]int{s, e})
	}
	return out
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		c, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(c) {
			break
		}
		s += size
	}
	for e > s {
		c, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(c) {
			break
		}
		e -= size
	}
	return s, e
}

func hasWordChar(s string) bool {
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			return true
		}
	}
	return false
}

func isTerminator(c rune) bool {
	switch c {
	case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '。', '！', '？':
		return true
	}
	return false
}

// isCloser lists what may follow a stop and still belong to its sentence.
// “ is included because German closes quotations with it („so“).
func isCloser(c rune) bool {
	switch c {
	case '"', '\'', '”', '’', '“', '»', '«', '›', '‹', ')', ']', '}', '」', '』':
		return true
	}
	return false
}
