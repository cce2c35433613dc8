// Package rule is the small engine every language's normalizer runs on:
// the input is cut into words (leading punctuation, a core, trailing
// punctuation), and an ordered table of rules is tried at each word. A
// rule reads the words, never writes them, and returns what it says: the
// spoken tokens with the written spans they come from, how many words it
// consumed, and flags for the engine (such as "I read the period after
// this word"). Rules therefore cannot signal each other through shared
// state; what one rule needs to know about its neighbours it reads from
// the words.
//
// The engine attaches prosody punctuation (. , ; : ? !) and quotes to the
// neighbouring spoken tokens, passes words no rule matched through as
// written, and guarantees that token spans are in order and inside the
// input. Time is linear in the input as long as each rule looks at a
// bounded number of words.
package rule

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one spoken unit and the byte span [start,end) of the written
// input it came from.
type Token struct {
	Spoken string
	Span   [2]int
}

// Word is one whitespace-separated chunk of the input.
type Word struct {
	Start, End int    // the whole chunk in the input
	Lead       string // leading punctuation: quotes, brackets
	Core       string // what the rules read
	Trail      string // trailing punctuation: . , ; : ! ? quotes, brackets
	CS         int    // byte offset of Core in the input
}

// CE is the end offset of the core.
func (w Word) CE() int { return w.CS + len(w.Core) }

// Flags tell the engine how to treat the punctuation around a match.
type Flags uint8

const (
	// Dot: the rule read the period that opens the trailing punctuation of
	// its last word (an abbreviation "Dr.", an ordinal "3."). The engine
	// drops it unless the word ends the input.
	Dot Flags = 1 << iota
)

// Match is what a rule says at a position.
type Match struct {
	N      int // words consumed, at least 1
	Tokens []Token
	Flags  Flags
	// ReadLead is a prefix of the first word's lead punctuation that the
	// rule read ("(" of "(123) 555-0100"); it is not attached again.
	ReadLead string
	// ReadTrail is the last word's whole trail punctuation when the rule
	// read it (the ")" of "(123)"); it is not attached again.
	ReadTrail string
}

// Text is the input of one call, split into words. Rules only read it.
type Text struct {
	Src   string
	Words []Word
	// Shout is set when most words are in capitals (a heading or a
	// shouted line): their words are read, not spelled.
	Shout bool
}

// Func tries a rule at word i.
type Func func(t *Text, i int) (Match, bool)

// Rule is one entry of a language's ordered table.
type Rule struct {
	Name  string
	Match Func
}

// Engine runs an ordered rule table. It holds only read-only data, so it
// is safe for concurrent use.
type Engine struct {
	rules []Rule
}

// New returns an engine that tries rules in order; the first match wins.
func New(rules []Rule) *Engine { return &Engine{rules: rules} }

// Run returns the spoken tokens of src. Invalid UTF-8 is read as spaces;
// spans still refer to src. A rule that panics is a bug: Run does not
// recover (callers that must never fail wrap it, fuzz targets do not).
func (e *Engine) Run(src string) []Token {
	if !utf8.ValidString(src) {
		src = scrubUTF8(src)
	}
	t := &Text{Src: src, Words: Split(src)}
	t.Shout = shouting(t.Words)
	out := make([]Token, 0, len(t.Words)+len(t.Words)/4)
	for i := 0; i < len(t.Words); {
		m := e.at(t, i)
		out = attach(out, t, i, m)
		i += m.N
	}
	return out
}

// at tries the rules at word i; a word no rule takes passes through.
func (e *Engine) at(t *Text, i int) Match {
	w := t.Words[i]
	if w.Core != "" {
		for _, r := range e.rules {
			if m, ok := r.Match(t, i); ok && m.N >= 1 && i+m.N <= len(t.Words) {
				return m
			}
		}
		return Match{N: 1, Tokens: []Token{{Spoken: w.Core, Span: [2]int{w.CS, w.CE()}}}}
	}
	return Match{N: 1}
}

// attach appends m's tokens with the lead punctuation of its first word
// and the trail punctuation of its last.
func attach(out []Token, t *Text, i int, m Match) []Token {
	wa, wb := t.Words[i], t.Words[i+m.N-1]
	lead, trail := wa.Lead, wb.Trail
	if m.ReadLead != "" {
		lead = strings.TrimPrefix(lead, m.ReadLead)
	}
	if m.ReadTrail != "" && trail == m.ReadTrail {
		trail = ""
	}
	lead = quoteFix(lead)
	if m.Flags&Dot != 0 && strings.HasPrefix(trail, ".") && (i+m.N < len(t.Words) || len(trail) > 1) {
		trail = trail[1:]
	}
	trail = quoteFix(trail)
	toks := clampSpans(m.Tokens, wa.Start, wb.End)
	if len(toks) == 0 {
		if p := lead + trail; p != "" {
			out = append(out, Token{Spoken: p, Span: [2]int{wa.Start, wb.End}})
		}
		return out
	}
	first := len(out)
	out = append(out, toks...)
	if lead != "" {
		out[first].Spoken = lead + out[first].Spoken
	}
	out[first].Span[0] = min(out[first].Span[0], wa.Start)
	last := &out[len(out)-1]
	last.Spoken += trail
	if wb.Trail != "" {
		last.Span[1] = max(last.Span[1], wb.End)
	}
	return out
}

// clampSpans keeps a rule's spans inside its words and in order, and
// drops empty tokens, so no rule can break the span contract.
func clampSpans(toks []Token, lo, hi int) []Token {
	kept := toks[:0:0]
	prev := [2]int{lo, lo}
	for _, tk := range toks {
		if tk.Spoken == "" {
			continue
		}
		s, e := min(max(tk.Span[0], prev[0]), hi), min(max(tk.Span[1], prev[1]), hi)
		if e < s {
			e = s
		}
		tk.Span = [2]int{s, e}
		prev = tk.Span
		kept = append(kept, tk)
	}
	return kept
}

// Say makes tokens of spoken words, each spanning [start,end). Every
// argument may hold several words separated by spaces.
func Say(start, end int, spoken ...string) []Token {
	var toks []Token
	for _, s := range spoken {
		for _, w := range strings.Fields(s) {
			toks = append(toks, Token{Spoken: w, Span: [2]int{start, end}})
		}
	}
	return toks
}

// Join is the spoken text of tokens, separated by single spaces.
func Join(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Spoken)
	}
	return b.String()
}

// quoteFix turns typographic quotes into ASCII ones, which every engine
// reads as quotes or apostrophes.
func quoteFix(p string) string {
	if p == "" {
		return p
	}
	return quoteReplacer.Replace(p)
}

var quoteReplacer = strings.NewReplacer("“", "\"", "”", "\"", "„", "\"", "‚", "'", "‘", "'", "’", "'", "«", "\"", "»", "\"", "…", "...")

// scrubUTF8 replaces every byte of an invalid sequence by a space,
// keeping offsets.
func scrubUTF8(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			b[i] = ' '
		}
		i += size
	}
	return string(b)
}

// shouting reports a line mostly in capitals: at least four words of two
// letters or more, six in ten of them upper case.
func shouting(words []Word) bool {
	upper, alpha := 0, 0
	for _, w := range words {
		if utf8.RuneCountInString(w.Core) < 2 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w.Core)
		if !unicode.IsLetter(r) {
			continue
		}
		alpha++
		if strings.ToUpper(w.Core) == w.Core {
			upper++
		}
	}
	return alpha >= 4 && upper*10 >= alpha*6
}

// IsSpace reports the separators between words.
func IsSpace(r rune) bool { return unicode.IsSpace(r) }

// Lexicon is a rule that replaces whole words or phrases (Term, matched
// on word cores, case-sensitively) by their spoken form; it goes first in
// a table so a publisher's entries win over every other rule.
func Lexicon(entries map[string]string) Rule {
	type entry struct {
		words  []string
		spoken string
	}
	byFirst := map[string][]entry{}
	for term, spoken := range entries {
		ws := strings.Fields(term)
		if len(ws) == 0 || strings.TrimSpace(spoken) == "" {
			continue
		}
		byFirst[ws[0]] = append(byFirst[ws[0]], entry{ws, spoken})
	}
	return Rule{Name: "lexicon", Match: func(t *Text, i int) (Match, bool) {
		best := -1
		var said string
		for _, e := range byFirst[t.Words[i].Core] {
			if len(e.words) <= best || i+len(e.words) > len(t.Words) {
				continue
			}
			ok := true
			for k, w := range e.words {
				tw := t.Words[i+k]
				if tw.Core != w || k > 0 && tw.Lead != "" || k < len(e.words)-1 && tw.Trail != "" {
					ok = false
					break
				}
			}
			if ok {
				best, said = len(e.words), e.spoken
			}
		}
		if best < 0 {
			return Match{}, false
		}
		last := t.Words[i+best-1]
		return Match{N: best, Tokens: Say(t.Words[i].CS, last.CE(), said)}, true
	}}
}
