// Package ingest is the first stage of the pipeline: it turns raw input (a
// file, standard input or a URL) into an article.Article.
//
// Loader.Load dispatches on the input: "-" is standard input, http(s)://
// is fetched with the injected Fetcher, and anything whose first non-space
// byte is '<' goes to the injected HTML extractor. Everything else is read
// by ReadText, the plain-text reader for pages saved as text: a header
// ("<kicker>: <headline>", possibly repeated as separate lines), page
// furniture ("Listen to article", the audio disclaimer) that is dropped,
// paragraphs separated by blank lines, short subheadings, Markdown-style
// headings, quotes and lists, and a closing "source site-N" line.
//
// Failure modes are user input problems and come back as *InputError with
// a client-safe reason: empty input, binary data, invalid UTF-8, input over
// the size limit, an input kind not supported yet, and text without any
// sentence (which also matches article.ErrNoText).
package ingest
