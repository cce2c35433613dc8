package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"aloud/internal/article"
)

// TextOptions configure ReadText.
type TextOptions struct {
	Language string // BCP 47 tag of the text; "" means "en"
	// NoDefaultLanguage leaves Language empty when unset, for the Loader
	// to settle (publication default, detection).
	NoDefaultLanguage bool
	MaxBytes          int64  // size limit; 0 means DefaultMaxBytes, negative means none
	MaxBytesHint      string // how the user raises the limit, named in the error
}

// ReadText reads a plain-text article (see the package doc for the layout)
// into an Article with an empty URL. It fails with an *InputError for
// input that is too large, empty, binary or not UTF-8, and for text with
// no sentence in it (errors.Is(err, article.ErrNoText)).
func ReadText(data []byte, opts TextOptions) (article.Article, error) {
	limit := opts.MaxBytes
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	if err := checkSize(int64(len(data)), limit, opts.MaxBytesHint); err != nil {
		return article.Article{}, err
	}
	text, err := decode(data)
	if err != nil {
		return article.Article{}, err
	}
	a := parseText(text)
	a.Language = opts.Language
	if a.Language == "" && !opts.NoDefaultLanguage {
		a.Language = "en"
	}
	if !hasWords(a.Title) && len(a.Blocks) == 0 {
		return article.Article{}, inputErr(ErrNoText, "input holds no text to read aloud")
	}
	return a, nil
}

// parseText applies the layout rules in order: furniture and rules out,
// blocks at blank lines, the source line off the end, the header and
// byline off the top, then each block classified.
func parseText(text string) article.Article {
	var a article.Article
	blocks := groupBlocks(prepareLines(text))
	blocks, a.Source = takeSource(blocks)
	blocks = takeHeader(&a, blocks)
	blocks = takeMeta(&a, blocks)
	var ps []parsed
	for _, b := range blocks {
		ps = append(ps, parseBlock(b)...)
	}
	a.Blocks = dropRepeats(settleHeadings(ps), a)
	return a
}

// prepareLines trims every line, blanks out furniture and horizontal
// rules, and turns Setext underlines ("Title\n=====") into "#" headings.
func prepareLines(text string) []string {
	raw := strings.Split(text, "\n")
	out := make([]string, 0, len(raw))
	for _, l := range raw {
		l = strings.TrimSpace(l)
		if l != "" {
			if l = strings.TrimSpace(stripInline(l)); l == "" {
				continue // an image line: drop it without splitting the paragraph
			}
		}
		if IsFurniture(l) {
			l = ""
		}
		if c, ok := ruleLine(l); ok {
			n := len(out)
			if (c == '=' || c == '-') && n > 0 && out[n-1] != "" && (n == 1 || out[n-2] == "") && !isMarkdownHeading(out[n-1]) {
				out[n-1] = map[rune]string{'=': "# ", '-': "## "}[c] + out[n-1]
			}
			l = ""
		}
		out = append(out, l)
	}
	return out
}

// ruleLine reports a line made of one repeated mark (---, ===, * * *),
// which is layout, not text.
func ruleLine(l string) (rune, bool) {
	var mark rune
	n := 0
	for _, r := range l {
		switch {
		case r == ' ':
			continue
		case mark == 0 && strings.ContainsRune("-=*_~•·", r):
			mark = r
		case r != mark:
			return 0, false
		}
		n++
	}
	return mark, n >= 3
}

// groupBlocks splits lines into blocks at blank lines.
func groupBlocks(lines []string) [][]string {
	var blocks [][]string
	var cur []string
	for _, l := range lines {
		if l == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return blocks
}

// dropRepeats removes blocks that repeat the headline, that turn out to be
// furniture once their lines are joined, or that hold nothing speakable.
func dropRepeats(blocks []article.Block, a article.Article) []article.Block {
	title := normLine(a.Title)
	full := normLine(a.Kicker + ": " + a.Title)
	out := blocks[:0]
	for _, b := range blocks {
		n := normLine(b.Text)
		if (title != "" && (n == title || n == full)) || IsFurniture(b.Text) || !hasWords(b.Text) {
			continue
		}
		out = append(out, b)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func hasWords(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func wordCount(s string) int { return len(strings.Fields(s)) }

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// endsStop reports whether s ends with a full stop, question or
// exclamation mark, looking through closing quotes and brackets.
func endsStop(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’“»«)]}›‹", r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…。！？", r)
}

// endsSentence reports whether s ends with closing punctuation, looking
// through closing quotes and brackets: `necessary.”` ends a sentence.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’“»«)]}›‹", r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:;,。！？", r)
}
