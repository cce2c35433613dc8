// Package extract turns an HTML news page into an article.Article: the
// headline, kicker, byline, publication time, language, site name and
// canonical URL from what the page declares (JSON-LD NewsArticle, Open
// Graph, <html lang>, <link rel=canonical>), and the body as heading,
// paragraph, quote and list_item blocks with the page furniture dropped.
//
// Everything Extract keeps is read aloud, so it leans towards leaving a
// sentence out rather than reading a share button, a caption, a
// "Listen to article" widget, a newsletter box, related links, comments or
// a source line.
//
// The stages are:
//
//  1. decode: the charset declared in the Content-Type or a <meta> tag,
//     otherwise UTF-8 (never the WHATWG windows-1252 default, which garbles
//     pages saved as UTF-8 without a declaration); invalid bytes become
//     U+FFFD;
//  2. parse with golang.org/x/net/html and read the metadata;
//  3. prune furniture: invisible and non-text elements, and elements whose
//     class, id or role name a furniture kind (share, newsletter, related,
//     comments, captions, ads, ...);
//  4. score every element by the paragraph text it holds (a readability
//     style score, weighted by class names, link density and the page's
//     own articleBody markup) and keep the best one with its siblings of
//     similar score;
//  5. emit blocks from the kept elements and drop boilerplate lines
//     (audio disclosures, "Advertisement", source lines, sign-up calls).
//
// Failure modes: a body over Options.MaxBytes fails with *SizeError before
// parsing; a page with no article text fails with article.ErrNoText.
// Nesting deeper than maxDepth is ignored rather than recursed into, so a
// hostile page cannot exhaust the stack.
package extract
