// Package normalize is the pipeline stage between sentence splitting and
// synthesis: it turns written text into the words a news presenter would
// say. New dispatches by language: English runs the pass in this package;
// German (package de) runs on the shared rule engine of package rule, an
// ordered table of rules that each return spoken tokens with their spans
// instead of writing shared state. English examples: "$4.2bn" → "four
// point two billion dollars", "Nov. 30" → "November thirtieth", "UN" →
// "U N", "Charles III" → "Charles the third"; German: "am 3. Oktober" →
// "am dritten Oktober".
//
// Input is one sentence (or any line) of text; output is a Result whose
// Text is the spoken form and whose Tokens map every spoken word back to
// the byte span of the written text it came from, so the player can
// highlight what is being read and the lexicon can target a word. Spans
// are in order and inside the input; several tokens may share one span.
//
// The rules are deterministic and run in one left-to-right pass over
// whitespace-separated words (a rule may look ahead a few words, e.g. for
// "January 22, 2001" or "10:30 a.m. EST"), so time is linear in the input.
// A publisher lexicon (Options.Lexicon) is applied before the rules, as
// whole-word matches.
//
// Punctuation that shapes prosody (. , ; : ? !) and quotes stay attached to
// the neighbouring spoken word; typographic quotes become ASCII ones.
// Words that pass through keep their case.
//
// Failure modes: there are no errors at run time. Text the rules do not
// recognise passes through unchanged; invalid UTF-8 is treated as
// spaces for matching (callers that need to reject it check validity
// first, as `aloud normalize` does). Accuracy is measured against public
// benchmarks by `make bench-tn` (see tnbench and tnscore).
package normalize
