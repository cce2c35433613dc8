package script

import "aloud/internal/article"

// Part names which text of the article a sentence belongs to.
type Part string

// The parts a sentence can come from, in speaking order.
const (
	PartTitle      Part = "title"
	PartBlock      Part = "block"
	PartDisclosure Part = "disclosure"
)

// Sentence is one sentence of an article with its position in the text of
// its part. Span is in bytes, trimmed of surrounding white space, and Text
// is exactly that slice of the part's text.
type Sentence struct {
	Part  Part
	Block int // index into Article.Blocks; -1 unless Part is PartBlock
	Span  [2]int
	Text  string
}

// Build splits the article into sentences: the title's first, then each
// block's in order. The kicker and byline are not spoken, so they are not
// part of the script.
func Build(a article.Article) []Sentence {
	var out []Sentence
	add := func(part Part, block int, text string) {
		for _, sp := range Split(text, a.Language) {
			out = append(out, Sentence{Part: part, Block: block, Span: sp, Text: text[sp[0]:sp[1]]})
		}
	}
	add(PartTitle, -1, a.Title)
	for i, b := range a.Blocks {
		add(PartBlock, i, b.Text)
	}
	return out
}
