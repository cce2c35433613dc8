package render

import (
	"encoding/json"
)

// Timeline maps the final audio back to the written text: for each spoken
// sentence, where it sits in the title, a block or the disclosure (byte
// spans), when it is heard (milliseconds in the final audio), and the same
// for its words where the engine reports them. The player highlights from
// it; transcripts and re-rendering build on it.
type Timeline struct {
	DurationMs int64          `json:"duration_ms"`
	Sentences  []TimelineSent `json:"sentences"`
}

// TimelineSent is one sentence of the timeline.
type TimelineSent struct {
	Part  string         `json:"part"`  // "title", "block" or "disclosure"
	Block int            `json:"block"` // index into blocks, -1 otherwise
	Span  [2]int         `json:"span"`  // bytes in the part's text
	Ms    [2]int64       `json:"ms"`
	Words []TimelineWord `json:"words"`
}

// TimelineWord is one word of the timeline.
type TimelineWord struct {
	Span [2]int   `json:"span"`
	Ms   [2]int64 `json:"ms"`
}

// Marshal renders the timeline JSON.
func (t Timeline) Marshal() []byte {
	for i := range t.Sentences {
		if t.Sentences[i].Words == nil {
			t.Sentences[i].Words = []TimelineWord{}
		}
	}
	if t.Sentences == nil {
		t.Sentences = []TimelineSent{}
	}
	// Plain structs of ints and strings cannot fail to marshal.
	b, _ := json.Marshal(t)
	return b
}

func samplesToMs(n, rate int) int64 {
	return int64(n) * 1000 / int64(rate)
}
