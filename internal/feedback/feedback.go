// Package feedback turns listener signals into something a newsroom can
// use: it checks a listener's report, finds the sentence heard when it was
// sent, maps player beacons onto counters and the counters onto listening
// figures. It does no I/O.
package feedback

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"aloud/internal/article"
)

// Kinds are what a listener may report.
var Kinds = []string{"pronunciation", "text", "audio", "other"}

// MaxNote is the longest note, in characters.
const MaxNote = 1000

// Report is the body of POST /api/v1/articles/{id}/feedback.
type Report struct {
	Kind    string `json:"kind"`
	Note    string `json:"note"`
	AtMs    int64  `json:"at_ms"`
	Website string `json:"website"` // honeypot: people never see it, bots fill it
}

// Check reports the first thing wrong with r, in words a listener can act on.
func (r *Report) Check() error {
	if r.Website != "" {
		return fmt.Errorf("the form was not filled in by a person")
	}
	ok := false
	for _, k := range Kinds {
		ok = ok || r.Kind == k
	}
	if !ok {
		return fmt.Errorf("kind must be one of %s, got %q", strings.Join(Kinds, ", "), r.Kind)
	}
	r.Note = strings.TrimSpace(r.Note)
	if !utf8.ValidString(r.Note) {
		return fmt.Errorf("note is not valid UTF-8")
	}
	if n := utf8.RuneCountInString(r.Note); n > MaxNote {
		return fmt.Errorf("note is %d characters; at most %d", n, MaxNote)
	}
	if r.AtMs < 0 || r.AtMs > 24*3600*1000 {
		return fmt.Errorf("at_ms must be between 0 and 86400000, got %d", r.AtMs)
	}
	return nil
}

// timeline is the part of render.Timeline a lookup needs.
type timeline struct {
	Sentences []struct {
		Part  string   `json:"part"`
		Block int      `json:"block"`
		Span  [2]int   `json:"span"`
		Ms    [2]int64 `json:"ms"`
	} `json:"sentences"`
}

// SentenceAt returns the text of the sentence heard at atMs (the last one
// that started by then), or "" when the timeline has none there. Spans
// are UTF-8 byte offsets into the title or the block.
func SentenceAt(timelineJSON []byte, a *article.Article, atMs int64) (string, error) {
	var t timeline
	if err := json.Unmarshal(timelineJSON, &t); err != nil {
		return "", fmt.Errorf("read timeline: %w", err)
	}
	best := -1
	for i, s := range t.Sentences {
		if s.Ms[0] <= atMs && s.Part != "disclosure" {
			best = i
		}
	}
	if best < 0 || a == nil {
		return "", nil
	}
	s := t.Sentences[best]
	text := a.Title
	if s.Part == "block" {
		if s.Block < 0 || s.Block >= len(a.Blocks) {
			return "", nil
		}
		text = a.Blocks[s.Block].Text
	}
	if s.Span[0] < 0 || s.Span[0] > s.Span[1] || s.Span[1] > len(text) {
		return "", nil
	}
	return text[s.Span[0]:s.Span[1]], nil
}
