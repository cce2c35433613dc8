// Package script is the split stage of the pipeline: it cuts an article's
// title and block texts into sentences, each with a byte span into the text
// it came from, so later stages (normalize, synthesize, the timeline and the
// player) can point back at the written words.
//
// Input is an article.Article; output is []Sentence in speaking order
// (title first, then every block). Splitting never fails: text without a
// letter or digit simply yields no sentences, and any other text yields at
// least one. Spans are byte offsets into UTF-8 text; UTF16Offsets converts
// them at the browser edge, where JavaScript counts UTF-16 code units.
//
// The splitter is rule-based rather than statistical so that it is
// predictable and cheap: a full stop ends a sentence unless the word before
// it is a known abbreviation, an initial, a number inside a decimal or an
// ordinal (German), or the next word starts in lower case.
package script
