// Package ingest is the first stage of the pipeline: it turns raw input (a
// file, standard input or a URL) into an article.Article.
//
// Loader.Load dispatches on the input: "-" is standard input, http(s)://
// is fetched with the injected Fetcher, and anything whose first non-space
// byte is '<' (or whose content type says HTML) goes to the injected HTML
// extractor. Everything else is read by ReadText, the plain-text reader
// for article pages saved as text:
//
//   - a header: "<kicker>: <headline>", a bare headline, "# Headline", or
//     "Kicker\nHeadline"; copies of it repeated below are dropped, and they
//     settle where the kicker ends;
//   - page furniture ("Listen to article", the audio disclaimer, share
//     buttons, reading times, picture credits), dropped wherever it stands;
//   - a byline ("By Jane Doe", "Von …") and a dateline near the top;
//   - blocks separated by blank lines: paragraphs (wrapped lines joined
//     with a space), subheadings (short lines without closing punctuation,
//     or Markdown "## …"), "> " quotes and "- ", "* ", "1. " list items;
//   - a closing "source site-N" (or "Source: …", "Quelle: …") line, which
//     becomes Article.Source.
//
// Line breaks inside a block are told apart by shape: greedy wrapping never
// breaks a line before a word that would have fitted, so such a break (or a
// block of ragged short lines) separates units rather than wrapping one.
//
// Failure modes are problems with the user's input and come back as
// *InputError with a client-safe reason and a kind for errors.Is: empty
// input, binary data, invalid UTF-8, input over the size limit, an input
// kind not supported yet, and text without any sentence (article.ErrNoText).
// UTF-8 with or without a BOM, UTF-16 with a BOM, and CRLF or CR line ends
// are all accepted.
package ingest
