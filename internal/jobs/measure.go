package jobs

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"aloud/internal/article"
	"aloud/internal/render"
)

// Measure sizes a without normalizing or synthesizing anything: the
// sentences the render will speak (which size its timeout) and their
// characters.
func Measure(a article.Article) render.Size { return render.Measure(a) }

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
