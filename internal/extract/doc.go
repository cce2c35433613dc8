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
//  1. prepare: sniff the charset in the WHATWG order (BOM, Content-Type,
//     then <meta>), except that valid UTF-8 wins over a contradicting
//     <meta> and an undeclared page is UTF-8 unless its bytes are plainly
//     windows-1252; empty <script> and <style> bodies (JSON-LD is kept);
//     flatten nesting deeper than the parser accepts;
//  2. parse with golang.org/x/net/html and read the metadata: the headline
//     from the declared titles, the <title> minus the site name and the
//     <h1>s; byline and date from JSON-LD, <meta>, <time> and the visible
//     "By NAME · DATE" line;
//  3. prune: invisible and non-text elements (short inline MathML stays),
//     small boxes around buttons and form fields, and elements whose
//     class or id tokens name a furniture kind, unless they hold the
//     article itself or sit inside a sentence;
//  4. choose the content: a readability-style paragraph score, with class
//     names weighed in proportion to the text they label and damped by
//     link density; the best element keeps its siblings of similar score
//     or paragraph shape, and the article is followed into repeated
//     chunks and same-markup twins;
//  5. emit blocks: table rows as lines, teaser lists and link-only runs
//     dropped (never the content root itself), then whole lines that are
//     furniture by their text and sections under headings such as
//     "Comments" or "Related"; paragraphs cut mid-sentence are joined.
//
// When the markup yields less than half the text of the page's JSON-LD
// articleBody (pages rendered by script), the articleBody is used; when
// it yields under 250 letters, the largest block of prose or the pruned
// page is tried.
//
// Failure modes: a body over Options.MaxBytes fails with *SizeError before
// parsing; a page with no article text fails with article.ErrNoText.
// Nesting deeper than maxDepth is ignored rather than recursed into, so a
// hostile page cannot exhaust the stack.
package extract
