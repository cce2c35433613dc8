package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"aloud/internal/article"
)

// Limits that tell a headline or kicker from a paragraph.
const (
	maxHeadlineLen   = 250 // bytes
	maxKickerWords   = 8
	maxKickerLen     = 80
	maxBylineWords   = 12
	maxSubheadLen    = 140
	maxSubheadWords  = 16
	maxSourceValWord = 8
)

// sourceLine matches the closing attribution: "source site-34",
// "Source: Reuters", "Quelle: dpa". Without a colon only one or two
// tokens may follow, so "Source code is on GitHub" stays text.
var (
	sourceColon = regexp.MustCompile(`^(?i:source|sources|quelle|quellen|fuente|fonte)\s*:\s*(.+?)\.?$`)
	sourceBare  = regexp.MustCompile(`^(?i:source|quelle)\s+(\S+(?:\s\S+)?)$`)
	copyright   = regexp.MustCompile(`^(?i:©|\(c\)\s|copyright\b)`)
)

// takeSource removes the closing "source …" line (and copyright lines
// after it) and returns its value.
func takeSource(blocks [][]string) ([][]string, string) {
	for len(blocks) > 0 {
		last := blocks[len(blocks)-1]
		line := last[len(last)-1]
		src, ok := sourceValue(line)
		isCopy := copyright.MatchString(line) && len(line) < maxSubheadLen
		if !ok && !isCopy {
			return blocks, ""
		}
		last = last[:len(last)-1]
		if len(last) == 0 {
			blocks = blocks[:len(blocks)-1]
		} else {
			blocks[len(blocks)-1] = last
		}
		if ok {
			return blocks, src
		}
	}
	return blocks, ""
}

func sourceValue(line string) (string, bool) {
	for _, re := range []*regexp.Regexp{sourceBare, sourceColon} {
		if m := re.FindStringSubmatch(line); m != nil {
			v := strings.TrimSpace(m[1])
			if v != "" && wordCount(v) <= maxSourceValWord && !strings.HasSuffix(v, ".") && nameLike(v) {
				return v, true
			}
		}
	}
	return "", false
}

// nameLike reports whether v reads as the name of a source ("site-34",
// "Reuters, AP", "dpa/AFP") rather than a sentence ("Source: the study
// was published in Nature"): a single token, or words that are
// capitalised, short agency codes or joiners.
func nameLike(v string) bool {
	ws := strings.Fields(v)
	if len(ws) == 1 {
		return true
	}
	for _, w := range ws {
		w = strings.Trim(w, ",;/&()")
		if w == "" || startsUpper(w) || nameJoiners[strings.ToLower(w)] || utf8.RuneCountInString(w) <= 3 {
			continue
		}
		return false
	}
	return true
}

// takeHeader finds the headline (and kicker) at the top and removes it,
// together with the copies of it that pages repeat below the first line.
func takeHeader(a *article.Article, blocks [][]string) [][]string {
	if len(blocks) == 0 {
		return blocks
	}
	first := blocks[0]
	l0, md := first[0], false
	if h, ok := markdownHeading(l0); ok {
		l0, md = h, true
	}
	rest := append([][]string{first[1:]}, blocks[1:]...)
	if !md && !headlineLike(l0, first) && !repeatedBelow(l0, rest) {
		return blocks
	}
	if k, t, ok := splitKicker(l0); ok {
		a.Kicker, a.Title = k, t
	} else {
		a.Title = l0
	}
	rest = dropHeaderCopies(a, l0, rest)
	if a.Kicker == "" && !md && len(first) == 2 && len(rest) > 0 && len(rest[0]) == 1 {
		// "Kicker\nHeadline" as the first two lines, with no "K: H" line.
		if kickerLike(l0) && headlineLike(rest[0][0], rest[0]) && startsUpper(rest[0][0]) && !isMarkdownHeading(rest[0][0]) {
			a.Kicker, a.Title = l0, rest[0][0]
			rest = rest[1:]
		}
	}
	return nonEmpty(rest)
}

// dropHeaderCopies removes lines right after the header line that repeat
// it: the kicker and headline on their own lines, or the whole line again.
// A short line directly followed by the headline is taken as the kicker.
func dropHeaderCopies(a *article.Article, l0 string, rest [][]string) [][]string {
	for range 4 {
		lines := leadingLines(rest, 2)
		if len(lines) == 0 {
			break
		}
		n0, title, kicker := normLine(lines[0]), normLine(a.Title), normLine(a.Kicker)
		switch {
		case len(lines) == 2 && normLine(lines[0]+": "+lines[1]) == normLine(l0) && hasWords(lines[1]):
			// The copies show where the kicker ends, whatever its length.
			a.Kicker, a.Title = stripHeading(lines[0]), stripHeading(lines[1])
			rest = dropLines(rest, 2)
		case n0 == title || n0 == normLine(l0):
			rest = dropLines(rest, 1)
		case len(lines) == 2 && normLine(lines[1]) == title && (n0 == kicker || a.Kicker == "" && kickerLike(stripHeading(lines[0]))):
			a.Kicker = stripHeading(lines[0])
			rest = dropLines(rest, 2)
		case kicker != "" && n0 == kicker:
			rest = dropLines(rest, 1)
		default:
			return rest
		}
	}
	return rest
}

// repeatedBelow reports whether the lines after l0 repeat it (whole, or
// split into kicker and headline): proof that l0 is the header even when
// it does not look like one, say a headline ending in a full stop.
func repeatedBelow(l0 string, rest [][]string) bool {
	lines := leadingLines(rest, 2)
	if len(lines) == 0 || !hasWords(l0) {
		return false
	}
	n0, full := normLine(lines[0]), normLine(l0)
	if n0 == full {
		return true
	}
	if len(lines) == 2 && normLine(lines[0]+": "+lines[1]) == full {
		return true
	}
	k, t, ok := splitKicker(l0)
	return ok && (n0 == normLine(t) || n0 == normLine(k) && len(lines) == 2 && normLine(lines[1]) == normLine(t))
}

// headlineLike reports whether line, the first line of block, reads as a
// headline: short, not ending like a sentence, and set on a line of its
// own rather than wrapped into the paragraph below it.
func headlineLike(line string, block []string) bool {
	if len(line) > maxHeadlineLen || !hasWords(line) || endsLikeProse(line) {
		return false
	}
	if len(block) < 2 || block[0] != line {
		return true
	}
	return hardBreak(block, 0, blockWidth(block))
}

// endsLikeProse is true for a line ending in a full stop, comma, colon or
// semicolon; headlines may end in "?" or "!", never in those.
func endsLikeProse(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’“»«)]", r)
	})
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".,:;", r)
}

// splitKicker splits "<kicker>: <headline>" when the part before the
// colon is short enough to be a kicker.
func splitKicker(line string) (kicker, title string, ok bool) {
	i := strings.Index(line, ": ")
	if i <= 0 {
		return "", "", false
	}
	k, t := strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+2:])
	if !kickerLike(k) || !hasWords(t) || IsFurniture(t) {
		return "", "", false
	}
	return k, t, true
}

func kickerLike(s string) bool {
	return s != "" && hasWords(s) && wordCount(s) <= maxKickerWords && len(s) <= maxKickerLen &&
		!strings.ContainsAny(s, "!?") && !strings.Contains(s, ". ") && !endsLikeProse(s) && !IsFurniture(s)
}

func startsUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return !unicode.IsLower(r)
		}
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// leadingLines returns up to n lines from the start of blocks.
func leadingLines(blocks [][]string, n int) []string {
	var out []string
	for _, b := range blocks {
		for _, l := range b {
			if len(out) == n {
				return out
			}
			out = append(out, l)
		}
	}
	return out
}

// dropLines removes the first n lines, dropping blocks they empty.
func dropLines(blocks [][]string, n int) [][]string {
	for n > 0 && len(blocks) > 0 {
		k := min(n, len(blocks[0]))
		blocks[0] = blocks[0][k:]
		n -= k
		if len(blocks[0]) == 0 {
			blocks = blocks[1:]
		}
	}
	return blocks
}

func nonEmpty(blocks [][]string) [][]string {
	out := blocks[:0]
	for _, b := range blocks {
		if len(b) > 0 {
			out = append(out, b)
		}
	}
	return out
}
