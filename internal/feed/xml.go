package feed

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

type xmlLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Text string `xml:",chardata"`
}

// xmlItem covers an RSS <item> and an Atom <entry>.
type xmlItem struct {
	Title     string    `xml:"title"`
	Links     []xmlLink `xml:"link"`
	GUID      string    `xml:"guid"`
	ID        string    `xml:"id"`
	PubDate   string    `xml:"pubDate"`
	Published string    `xml:"published"`
	Updated   string    `xml:"updated"`
	Date      string    `xml:"date"` // dc:date
}

func (x *xmlItem) item() Item {
	it := Item{Title: plain(x.Title), GUID: strings.TrimSpace(firstOf(x.GUID, x.ID))}
	it.Link = pickLink(x.Links)
	for _, d := range []string{x.PubDate, x.Published, x.Date, x.Updated} {
		if t := parseDate(d); !t.IsZero() {
			it.Published = t
			break
		}
	}
	if it.GUID == "" {
		it.GUID = it.Link
	}
	return it
}

// pickLink prefers an Atom rel=alternate link, then any href, then the
// RSS element text.
func pickLink(links []xmlLink) string {
	best := ""
	for _, l := range links {
		href := strings.TrimSpace(l.Href)
		switch {
		case href != "" && (l.Rel == "" || l.Rel == "alternate"):
			return href
		case best == "" && strings.TrimSpace(l.Text) != "":
			best = strings.TrimSpace(l.Text)
		}
	}
	return best
}

func firstOf(v ...string) string {
	for _, s := range v {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// parseXML streams an RSS or Atom document, decoding one item at a time.
func parseXML(r io.Reader, k *keeper) (*Feed, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	f := &Feed{}
	var seen headSeen
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse feed xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			consumed, err := f.start(d, t, depth+1, k, &seen)
			if err != nil {
				return nil, err
			}
			if !consumed {
				depth++
			}
		case xml.EndElement:
			depth--
		}
	}
	if f.Format == "" {
		return nil, ErrFormat
	}
	return f, nil
}

// headSeen records which feed-level fields were read.
type headSeen struct{ title, link bool }

// start handles one start tag at the given depth (1 = root) and reports
// whether it consumed the element through its end tag.
func (f *Feed) start(d *xml.Decoder, t xml.StartElement, depth int, k *keeper, seen *headSeen) (bool, error) {
	name := t.Name.Local
	switch {
	case depth == 1:
		switch name {
		case "rss", "RDF":
			f.Format = "rss"
		case "feed":
			f.Format = "atom"
		default:
			return false, fmt.Errorf("root element <%s>: %w", name, ErrFormat)
		}
	case name == "item" || name == "entry":
		var x xmlItem
		if err := d.DecodeElement(&x, &t); err != nil {
			return false, fmt.Errorf("parse feed item %d: %w", k.seen+1, err)
		}
		k.add(x.item())
		return true, nil
	case name == "title" && !seen.title && depth <= 3:
		var s string
		if err := d.DecodeElement(&s, &t); err != nil {
			return false, fmt.Errorf("parse feed title: %w", err)
		}
		f.Title, seen.title = plain(s), true
		return true, nil
	case name == "link" && !seen.link && depth <= 3:
		var l xmlLink
		if err := d.DecodeElement(&l, &t); err != nil {
			return false, fmt.Errorf("parse feed link: %w", err)
		}
		if f.Link = pickLink([]xmlLink{l}); f.Link != "" {
			seen.link = true
		}
		return true, nil
	}
	return false, nil
}
