package normalize

import (
	"strings"

	"aloud/internal/normalize/rule"
)

// English is moving onto the shared rule engine (package rule) one
// semiotic class at a time. A class that has moved is a rule.Func: it
// reads a rule.Text view of the words and returns what it says; pure runs
// it from the English pass and turns its Match into tokens, so the moved
// and the not yet moved rules run in one pass with identical results.
// Moved so far: telephone, electronic (URLs and e-mail addresses), roman.

// pure runs engine rule f at word i and returns the words it consumed (0
// when it did not match).
func (st *state) pure(f rule.Func, i int) int {
	m, ok := f(st.textView(i), i)
	if !ok || m.N < 1 || i+m.N > len(st.words) {
		return 0
	}
	for _, tk := range m.Tokens {
		st.emit1(tk.Spoken, tk.Span[0], tk.Span[1])
	}
	if m.Flags&rule.Dot != 0 {
		st.dropDot = true
	}
	if m.ReadLead != "" {
		st.words[i].lead = strings.TrimPrefix(st.words[i].lead, m.ReadLead)
	}
	if last := &st.words[i+m.N-1]; m.ReadTrail != "" && last.trail == m.ReadTrail {
		last.trail = ""
	}
	return m.N
}

// viewAhead is how many words after the current one a moved rule may
// read; their view is refreshed before each call, because rules not yet
// moved still edit the punctuation of the words they consume.
const viewAhead = 8

// viewBehind is how many words before the current one a moved rule may
// read the punctuation of ("Charles III": is "Charles" followed by a
// mark?); words further back are read for their cores only, which no
// rule edits.
const viewBehind = 3

// textView returns the words as a rule.Text, built once per call and
// refreshed from word i on.
func (st *state) textView(i int) *rule.Text {
	if st.view == nil {
		st.view = &rule.Text{Src: st.src, Words: make([]rule.Word, len(st.words)), Shout: st.shout}
		for k := range st.words {
			st.view.Words[k] = viewWord(st.words[k])
		}
		return st.view
	}
	for k := max(0, i-viewBehind); k < len(st.words) && k <= i+viewAhead; k++ {
		st.view.Words[k] = viewWord(st.words[k])
	}
	return st.view
}

func viewWord(w word) rule.Word {
	return rule.Word{Start: w.start, End: w.end, Lead: w.lead, Core: w.core, Trail: w.trail, CS: w.cs}
}
