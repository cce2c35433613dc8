// Package article holds the core nouns of aloud (articles and their blocks)
// and the sentinel errors shared by every stage. It does no I/O.
package article

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"time"
)

// BlockType says how a block is read and shown.
type BlockType string

// The block types an extractor may produce.
const (
	Heading   BlockType = "heading"
	Paragraph BlockType = "paragraph"
	Quote     BlockType = "quote"
	ListItem  BlockType = "list_item"
)

// Block is one unit of article body text.
type Block struct {
	Type BlockType `json:"type"`
	Text string    `json:"text"`
}

// Article is the extracted, furniture-free article. The headline is in
// Title and never repeated in Blocks.
type Article struct {
	Title     string
	Kicker    string
	Byline    string
	Published time.Time // zero when unknown
	Source    string
	URL       string
	Language  string // BCP 47
	Blocks    []Block
}

// ErrNotFound is returned when a requested thing does not exist.
var ErrNotFound = errors.New("not found")

// ErrNoText is returned when input holds no article text to speak.
var ErrNoText = errors.New("no article text found")

// wire is the exact JSON shape `aloud extract --format json` prints:
// every key always present, empty strings rather than nulls.
type wire struct {
	Title     string  `json:"title"`
	Kicker    string  `json:"kicker"`
	Byline    string  `json:"byline"`
	Published string  `json:"published"`
	Source    string  `json:"source"`
	URL       string  `json:"url"`
	Language  string  `json:"language"`
	Blocks    []Block `json:"blocks"`
}

// MarshalJSON writes the article in the public extract shape.
func (a Article) MarshalJSON() ([]byte, error) {
	w := wire{Title: a.Title, Kicker: a.Kicker, Byline: a.Byline, Source: a.Source,
		URL: a.URL, Language: a.Language, Blocks: a.Blocks}
	if !a.Published.IsZero() {
		w.Published = a.Published.Format(time.RFC3339)
	}
	if w.Blocks == nil {
		w.Blocks = []Block{}
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the public extract shape.
func (a *Article) UnmarshalJSON(b []byte) error {
	var w wire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*a = Article{Title: w.Title, Kicker: w.Kicker, Byline: w.Byline, Source: w.Source,
		URL: w.URL, Language: w.Language, Blocks: w.Blocks}
	if w.Published != "" {
		t, err := time.Parse(time.RFC3339, w.Published)
		if err != nil {
			return fmt.Errorf("published: %w", err)
		}
		a.Published = t
	}
	for i, bl := range a.Blocks {
		switch bl.Type {
		case Heading, Paragraph, Quote, ListItem:
		default:
			return fmt.Errorf("blocks[%d]: unknown type %q", i, bl.Type)
		}
	}
	return nil
}

// BodyText is the blocks' text separated by blank lines: the form
// `aloud extract --format text` prints and the extraction benchmark scores.
func (a Article) BodyText() string {
	n := 0
	for _, b := range a.Blocks {
		n += len(b.Text) + 2
	}
	buf := make([]byte, 0, n)
	for i, b := range a.Blocks {
		if i > 0 {
			buf = append(buf, '\n', '\n')
		}
		buf = append(buf, b.Text...)
	}
	return string(buf)
}

// languageTag is a loose BCP 47 shape check: enough to catch typos such
// as "english" without a registry of every tag.
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$`)

// ValidLanguage reports whether tag has the shape of a BCP 47 language tag
// such as en, de-AT or zh-Hant-TW.
func ValidLanguage(tag string) bool { return languageTag.MatchString(tag) }
