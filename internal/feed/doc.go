// Package feed reads RSS 2.0 (and RSS 1.0/RDF), Atom and JSON Feed
// documents into a list of items: title, link, publication date and GUID.
//
// Feeds are read as a stream, one item at a time, and only the newest
// Options.Max items are kept (a bounded heap ordered by date, then by
// position in the document), so a feed of 100,000 items costs the memory
// of Max items, not of the whole list. Input beyond Options.MaxBytes is an
// error, as is a document that is none of the three formats. Item text is
// plain: markup in titles is stripped and white space collapsed.
package feed
