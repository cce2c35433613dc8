package jobs

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"aloud/internal/article"
	"aloud/internal/script"
)

// Size is the cheap measure of an article that bounds its render: the
// sentences the pipeline will speak and their characters.
type Size struct {
	Sentences int
	Chars     int
}

// Measure sizes a without normalizing or synthesizing anything. (It counts
// what the render will split; internal/render's own measure replaces it
// once available.)
func Measure(a article.Article) Size {
	texts := make([]string, 0, len(a.Blocks)+1)
	texts = append(texts, a.Title)
	for _, b := range a.Blocks {
		texts = append(texts, b.Text)
	}
	var s Size
	for _, t := range texts {
		s.Chars += utf8.RuneCountInString(t)
		s.Sentences += len(script.Split(t, a.Language))
	}
	return s
}

// ErrTooLong marks an article with more spoken text than the limit.
var ErrTooLong = errors.New("article too long")

// TooLongError says how long the article is and what the limit is; its
// message is safe to show to the client.
type TooLongError struct {
	Chars, Limit int
}

func (e *TooLongError) Error() string {
	return fmt.Sprintf("the article has %d characters of spoken text, over the limit of %d per article (about %s of audio)",
		e.Chars, e.Limit, hoursOf(e.Limit))
}

func (e *TooLongError) Unwrap() error { return ErrTooLong }

// CheckLength refuses an article longer than limit characters (0: no
// limit). It counts characters before splitting, so a huge article costs
// one pass over its text.
func CheckLength(a article.Article, limit int) error {
	if limit <= 0 {
		return nil
	}
	n := utf8.RuneCountInString(a.Title)
	for _, b := range a.Blocks {
		n += utf8.RuneCountInString(b.Text)
	}
	if n > limit {
		return &TooLongError{Chars: n, Limit: limit}
	}
	return nil
}

// hoursOf is the audio length of n characters at 15 characters a second.
func hoursOf(n int) string {
	mins := n / 15 / 60
	if mins < 120 {
		return fmt.Sprintf("%d minutes", mins)
	}
	return fmt.Sprintf("%.1f hours", float64(mins)/60)
}
