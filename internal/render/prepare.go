package render

import (
	"strings"

	"aloud/internal/article"
	"aloud/internal/lexicon"
	"aloud/internal/normalize"
	"aloud/internal/script"
)

// line is one sentence ready for the engine: where it came from in the
// written text, what is spoken, and how spoken bytes map back.
type line struct {
	script.Sentence
	spoken  string
	tokens  []normalize.Token // spans relative to Sentence.Text
	offsets [][2]int          // each token's byte span in spoken
	pause   pauseKind
}

type pauseKind int

const (
	pauseSentence pauseKind = iota
	pauseParagraph
	pauseHeading
	pauseEnd
)

// disclosures is the spoken line that says what the audio is, per
// language; the page shows the same sentence beside the player.
var disclosures = map[string]string{
	"en": "This audio version was artificially generated.",
	"de": "Diese Audioversion wurde künstlich erzeugt.",
	"fr": "Cette version audio a été générée artificiellement.",
	"es": "Esta versión de audio se ha generado artificialmente.",
	"it": "Questa versione audio è stata generata artificialmente.",
	"nl": "Deze audioversie is kunstmatig gegenereerd.",
}

// Disclosure returns the spoken disclosure for a BCP 47 language tag,
// falling back to English.
func Disclosure(lang string) string {
	if d, ok := disclosures[baseLang(lang)]; ok {
		return d
	}
	return disclosures["en"]
}

func baseLang(tag string) string {
	tag = strings.ToLower(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// prepare splits the article into sentences (title, blocks, disclosure in
// speaking order), normalizes each and decides the pause after it.
func prepare(a article.Article, disclosure, discText string, norm *normalize.Normalizer) []line {
	sents := script.Build(a)
	var disc []script.Sentence
	if disclosure != "off" {
		text := Disclosure(a.Language)
		if t := strings.TrimSpace(discText); t != "" {
			text = t
		}
		for _, sp := range script.Split(text, a.Language) {
			disc = append(disc, script.Sentence{Part: script.Part("disclosure"), Block: -1, Span: sp, Text: text[sp[0]:sp[1]]})
		}
	}
	if disclosure == "start" {
		sents = append(disc, sents...)
	} else {
		sents = append(sents, disc...)
	}
	lines := make([]line, len(sents))
	for i, s := range sents {
		// Written "[[" never reaches an engine as phoneme markup; only
		// lexicon entries produce it. Defuse keeps byte offsets.
		text := lexicon.Defuse(s.Text)
		res := asWritten(text)
		if norm != nil {
			res = norm.Normalize(text)
		}
		lines[i] = line{Sentence: s, spoken: res.Text, tokens: res.Tokens, pause: pauseAfter(a, sents, i)}
		lines[i].offsets = tokenOffsets(res)
	}
	return lines
}

// pauseAfter is longer at the end of a paragraph and longer still after the
// headline or a subheading, as a presenter would breathe.
func pauseAfter(a article.Article, sents []script.Sentence, i int) pauseKind {
	if i == len(sents)-1 {
		return pauseEnd
	}
	cur, next := sents[i], sents[i+1]
	if cur.Part == next.Part && cur.Block == next.Block {
		return pauseSentence
	}
	if cur.Part == "title" || (cur.Part == "block" && cur.Block >= 0 && cur.Block < len(a.Blocks) && a.Blocks[cur.Block].Type == article.Heading) {
		return pauseHeading
	}
	return pauseParagraph
}

// asWritten is the identity normalization for languages without rules:
// each whitespace-separated word is spoken as written.
func asWritten(text string) normalize.Result {
	var res normalize.Result
	var words []string
	start := -1
	for i, r := range text + " " {
		space := r == ' ' || r == '\t' || r == '\n' || r == '\r'
		switch {
		case !space && start < 0:
			start = i
		case space && start >= 0:
			res.Tokens = append(res.Tokens, normalize.Token{Spoken: text[start:i], Span: [2]int{start, i}})
			words = append(words, text[start:i])
			start = -1
		}
	}
	res.Text = strings.Join(words, " ")
	return res
}

// tokenOffsets finds each token's bytes in the spoken text, which joins the
// tokens' spoken forms in order.
func tokenOffsets(res normalize.Result) [][2]int {
	out := make([][2]int, len(res.Tokens))
	off := 0
	for i, t := range res.Tokens {
		start := strings.Index(res.Text[off:], t.Spoken)
		if start < 0 {
			out[i] = [2]int{-1, -1}
			continue
		}
		start += off
		off = start + len(t.Spoken)
		out[i] = [2]int{start, off}
	}
	return out
}

// wordSpan maps a byte span of the spoken text back to the written span
// (relative to the sentence text) of the tokens it overlaps.
func (l *line) wordSpan(sp [2]int) ([2]int, bool) {
	out := [2]int{-1, -1}
	for i, t := range l.tokens {
		o := l.offsets[i]
		if o[0] < 0 || o[1] <= sp[0] || o[0] >= sp[1] {
			continue
		}
		if out[0] < 0 || t.Span[0] < out[0] {
			out[0] = t.Span[0]
		}
		if t.Span[1] > out[1] {
			out[1] = t.Span[1]
		}
	}
	return out, out[0] >= 0
}
