// Package extract turns an HTML news page into an article.Article: the
// headline, kicker, byline, publication time, language, site name and
// canonical URL from what the page declares (JSON-LD NewsArticle, Open
// Graph, <html lang>, <link rel=canonical>), and the body as heading,
// paragraph, quote and list_item blocks with the page furniture dropped.
//
// Everything Extract keeps is read aloud, so it leans towards leaving a
// line out rather than reading a share button, a caption, a "Listen to
// article" widget, a newsletter box, related links, comments or a source
// line.
//
// The stages are:
//
//  1. prepare: decode the charset declared in the Content-Type or a <meta>
//     tag, otherwise UTF-8 (never the WHATWG windows-1252 default, which
//     garbles pages saved as UTF-8 without a declaration), with invalid
//     bytes as U+FFFD; empty <script> and <style> bodies (JSON-LD is kept)
//     so the parser does not tokenize them; flatten nesting deeper than
//     the parser accepts;
//  2. parse with golang.org/x/net/html and read the metadata, salvaging
//     the string fields of JSON-LD that does not parse;
//  3. prune: invisible and non-text elements, small boxes around buttons
//     and form fields (sign-up boxes, audio players, share bars), and
//     elements whose class or id names a furniture kind, unless they hold
//     the article itself;
//  4. choose the content: a readability-style paragraph score, with class
//     names weighed in proportion to the text they label and damped by
//     link density; the best element keeps its siblings of similar score
//     or paragraph shape, and the article is followed into repeated
//     chunks and same-markup twins;
//  5. emit blocks: table rows as lines, teaser lists and link-only runs
//     dropped, and then whole lines that are furniture by their text
//     (audio disclosures, "Advertisement", source, byline and date lines,
//     sign-up pitches, closing credits) and sections under headings such
//     as "Comments" or "Related".
//
// When the markup yields less than half the text of the page's JSON-LD
// articleBody (pages rendered by script), the articleBody is used.
//
// Failure modes: a body over Options.MaxBytes fails with *SizeError before
// parsing; a page with no article text fails with article.ErrNoText.
// Nesting deeper than maxDepth is ignored rather than recursed into, so a
// hostile page cannot exhaust the stack.
package extract
