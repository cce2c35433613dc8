// Package lexicon is the pronunciation lexicon: entries that tell aloud
// how to say a term ("Kyiv" → "keev"), their validation, a compiled
// matcher that finds them in written text, the conversion of IPA phonemes
// to each engine's notation (espeak-ng's "[[…]]" mnemonics and flite's
// CMU phone set), the global default lexicon shipped with aloud, import
// and export as W3C PLS 1.0 and CSV, and the lexicon version hash that
// goes into the rendition key.
//
// Entries match the written text before the normalization rules run, as
// the normalizer's lexicon hook does: a Matcher returns replacements with
// the byte span of the written text they replace, so every spoken token
// keeps pointing at what the listener reads.
//
// Failure modes: every bad entry gives an *Error naming the field and the
// problem in words a client may see (empty, too long, regex-like,
// duplicate, looping chain, phonemes outside the IPA alphabet or not
// sayable by an engine); a PLS or CSV file that is malformed, too large or
// uses DTDs/entities gives an *Error as well, read no further than needed.
// The package does no I/O of its own beyond the readers it is handed.
package lexicon
