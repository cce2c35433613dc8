package normalize

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"aloud/internal/normalize/de"
	"aloud/internal/normalize/rule"
)

// Token is one spoken unit and the byte span [start,end) of the written
// input it came from. Several tokens may share a span ("1984" gives
// "nineteen", "eighty", "four", all spanning the four digits). It is the
// rule engine's token, shared by every language.
type Token = rule.Token

// Result is the spoken form of one input. Text is the spoken tokens joined
// by single spaces.
type Result struct {
	Text   string
	Tokens []Token
}

// Entry is one publisher lexicon entry. It replaces Term (matched as whole
// words, before any rule runs) with Respelling, or, when Respelling is
// empty, with Phonemes wrapped in espeak's phoneme brackets "[[...]]".
type Entry struct {
	Term       string
	Respelling string
	Phonemes   string
}

// Options configure a Normalizer. Lang is "" or "en" (or "en-*") for
// English, "de" (or "de-*") for German; other languages give
// ErrUnsupportedLanguage.
type Options struct {
	Lang    string
	Lexicon []Entry
	// DateOrder says how "11/12" is read when the text gives no other
	// evidence; the zero value is the language's and region's default
	// (DefaultDateOrder).
	DateOrder DateOrder
}

// ErrUnsupportedLanguage is returned by New for a language without rules.
var ErrUnsupportedLanguage = errors.New("unsupported language")

// Normalizer turns written English into its spoken form. It holds only
// read-only tables after New, so it is safe for concurrent use.
type Normalizer struct {
	lex lexicon
	// rules is the rule engine of a language built on package rule
	// (German); nil for English, which runs its own pass.
	rules *rule.Engine
	dmy   bool // DateOrder resolved: day first
	// scratch recycles the per-call word lists, which are never handed
	// to callers; sync.Pool makes this safe across goroutines.
	scratch sync.Pool
}

// New builds a Normalizer for opts.
func New(opts Options) (*Normalizer, error) {
	n := &Normalizer{lex: newLexicon(opts.Lexicon)}
	order := opts.DateOrder
	if order == DateOrderDefault {
		order = DefaultDateOrder(opts.Lang)
	}
	n.dmy = order == DayFirst
	switch base := langBase(opts.Lang); base {
	case "", "en":
		return n, nil
	case "de":
		n.rules = de.New(lexiconRule(opts.Lexicon))
		return n, nil
	}
	return nil, fmt.Errorf("normalize %q: %w", opts.Lang, ErrUnsupportedLanguage)
}

// Languages are the languages New accepts (base codes).
var Languages = []string{"en", "de"}

// langBase is the lower-case base code of a BCP 47 tag ("de-AT" → "de").
func langBase(tag string) string {
	l := strings.ToLower(tag)
	if k := strings.IndexAny(l, "-_"); k >= 0 {
		l = l[:k]
	}
	return l
}

// Normalize returns the spoken form of s. Invalid UTF-8 is treated as
// spaces for matching; spans still refer to s. It never panics: should a
// rule fail on some input, the words are passed through as written (the
// fuzz target runs the rules without this net, so such bugs are found).
func (n *Normalizer) Normalize(s string) (res Result) {
	defer func() {
		if recover() != nil {
			res = passThrough(s)
		}
	}()
	return n.normalize(s)
}

// passThrough is the written text as tokens, one per whitespace-separated
// word.
func passThrough(s string) Result {
	var toks []Token
	start := -1
	for i, r := range s + " " {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			if start >= 0 {
				toks = append(toks, Token{Spoken: s[start:i], Span: [2]int{start, i}})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Spoken
	}
	return Result{Text: strings.Join(parts, " "), Tokens: toks}
}

func (n *Normalizer) normalize(s string) Result {
	if n.rules != nil {
		toks := n.rules.Run(s)
		return Result{Text: rule.Join(toks), Tokens: toks}
	}
	st := state{n: n, src: s}
	if sc, ok := n.scratch.Get().(*scratch); ok {
		st.words, st.buf = sc.words[:0], sc.buf[:0]
	}
	if !utf8.ValidString(s) {
		st.src = scrubUTF8(s)
	}
	st.split()
	st.run()
	res := st.result()
	if cap(st.words) <= 1<<16 {
		// Very long inputs do not pin their large buffers in the pool.
		clear(st.words)
		clear(st.buf[:cap(st.buf)])
		n.scratch.Put(&scratch{words: st.words[:0], buf: st.buf[:0]})
	}
	return res
}

// scrubUTF8 replaces every byte of an invalid sequence by a space, keeping
// byte offsets identical to the input.
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

// scratch holds reusable buffers of one Normalize call.
type scratch struct {
	words []word
	buf   []string
}

// state is the work of one Normalize call; nothing in it is shared.
type state struct {
	n     *Normalizer
	src   string
	words []word
	toks  []Token
	buf   []string // scratch for spoken words of the current rule
	shout bool     // most words are upper case: do not spell them
	near  bool     // the current word has capitalised neighbours
	// dropDot is set by a rule that consumed the abbreviation period at
	// the start of the current word's trailing punctuation.
	dropDot bool
	// yearPairAt is 1 + the index of a word that ends a spaced year range
	// ("2003 - 04"), read as the last two digits of a year; 0 for none.
	yearPairAt int
	// view is the words as the rule engine sees them, for the classes
	// already moved onto it (bridge.go); built on first use.
	view *rule.Text
}

func (st *state) result() Result {
	size := 0
	for _, t := range st.toks {
		size += len(t.Spoken) + 1
	}
	var b strings.Builder
	b.Grow(size)
	for i, t := range st.toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Spoken)
	}
	return Result{Text: b.String(), Tokens: st.toks}
}

// run walks the words; each rule consumes one or more of them and emits
// tokens, then the leading and trailing punctuation is attached.
func (st *state) run() {
	st.toks = make([]Token, 0, len(st.words)+len(st.words)/4)
	for i := 0; i < len(st.words); {
		first := len(st.toks)
		st.dropDot = false
		st.near = st.words[i].shout
		used := st.rule(i)
		if used < 1 {
			used = 1
		}
		st.attach(first, i, i+used-1)
		i += used
	}
}

// emit adds spoken words that all come from src[start:end].
func (st *state) emit(ws []string, start, end int) {
	for _, w := range ws {
		if w != "" {
			st.toks = append(st.toks, Token{Spoken: w, Span: [2]int{start, end}})
		}
	}
}

// say emits st.buf for the span and clears it.
func (st *state) say(start, end int) {
	st.emit(st.buf, start, end)
	st.buf = st.buf[:0]
}

func (st *state) emit1(w string, start, end int) {
	if w != "" {
		st.toks = append(st.toks, Token{Spoken: w, Span: [2]int{start, end}})
	}
}

// attach glues the lead punctuation of word a and the trailing punctuation
// of word b to the tokens the rule emitted, so prosody marks survive.
func (st *state) attach(first, a, b int) {
	wa, wb := st.words[a], st.words[b]
	lead := quoteFix(wa.lead)
	trail := wb.trail
	if st.dropDot && strings.HasPrefix(trail, ".") {
		// An abbreviation period is kept only where it also ends the
		// sentence (last word of the input).
		// A word that usually opens a sentence after it ("5 p.m. The
		// talks") shows the period ends one too.
		ends := len(trail) == 1 && b+1 < len(st.words) && sentenceStarters[st.words[b+1].core] && st.words[b+1].core != "I"
		if (b != len(st.words)-1 || len(trail) > 1) && !ends {
			trail = trail[1:]
		}
	}
	trail = quoteFix(trail)
	if len(st.toks) == first {
		if p := lead + trail; p != "" {
			st.emit1(p, wa.start, wb.end)
		}
		return
	}
	if lead != "" {
		t := &st.toks[first]
		t.Spoken = lead + t.Spoken
		t.Span[0] = wa.start
	} else if st.toks[first].Span[0] > wa.start && wa.lead == "" {
		st.toks[first].Span[0] = min(st.toks[first].Span[0], wa.start)
	}
	last := &st.toks[len(st.toks)-1]
	if trail != "" {
		last.Spoken += trail
	}
	if wb.trail != "" && last.Span[1] < wb.end {
		last.Span[1] = wb.end
	}
}

// quoteFix turns typographic quotes into ASCII ones, which every engine
// and the scorer read as quotes or apostrophes.
func quoteFix(p string) string {
	if p == "" || isASCII(p) {
		return p
	}
	return quoteReplacer.Replace(p)
}

// quoteReplacer is read-only after package initialisation.
var quoteReplacer = strings.NewReplacer("“", "\"", "”", "\"", "‘", "'", "’", "'", "«", "\"", "»", "\"", "…", "...")

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
