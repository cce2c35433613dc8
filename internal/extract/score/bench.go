package score

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// Entry is one page of a ground-truth or prediction file.
type Entry struct {
	ArticleBody *string `json:"articleBody"`
	URL         string  `json:"url,omitempty"`
	Title       string  `json:"title,omitempty"`
}

// Body is the entry's text; a missing or null body is empty.
func (e Entry) Body() string {
	if e.ArticleBody == nil {
		return ""
	}
	return *e.ArticleBody
}

// LoadFile reads a ground-truth or prediction file: either the bare
// id → entry mapping or one wrapped as {"output": {...}}.
func LoadFile(path string) (map[string]Entry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read benchmark file: %w", err)
	}
	var wrapped struct {
		Output map[string]Entry `json:"output"`
	}
	if err := json.Unmarshal(b, &wrapped); err == nil && wrapped.Output != nil {
		return wrapped.Output, nil
	}
	var bare map[string]Entry
	if err := json.Unmarshal(b, &bare); err != nil {
		return nil, fmt.Errorf("decode benchmark file %s: %w", path, err)
	}
	return bare, nil
}

// Evaluate scores predictions against truth over truth's keys; a page
// missing from pred counts as an empty prediction.
func Evaluate(truth map[string]Entry, pred map[string]string) (Result, map[string]Page) {
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([]Page, 0, len(ids))
	byID := make(map[string]Page, len(ids))
	for _, id := range ids {
		p := ScorePage(truth[id].Body(), pred[id])
		pages = append(pages, p)
		byID[id] = p
	}
	return Corpus(pages), byID
}
