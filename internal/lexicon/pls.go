package lexicon

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// PLS namespaces: the W3C's, and aloud's for what PLS cannot say (match
// and case rules, per-entry language, spell and say-as-word), carried as
// attributes that other PLS readers ignore.
const (
	PLSNamespace   = "http://www.w3.org/2005/01/pronunciation-lexicon"
	AloudNamespace = "urn:aloud:pls:1"
	// PLSMediaType is the media type of PLS documents.
	PLSMediaType = "application/pls+xml"
)

// maxElemBytes bounds one element's text: MaxTermLen characters of up to
// four bytes, plus room for indentation around them.
const maxElemBytes = 4*MaxTermLen + 256

// lexeme is one <lexeme> being read.
type lexeme struct {
	graphemes []string
	phoneme   string
	alias     string
	hasPh     bool
	hasAlias  bool
	attrs     map[string]string // aloud:* attributes
}

// ReadPLS parses a W3C Pronunciation Lexicon Specification 1.0 document
// of at most maxBytes (0 = DefaultMaxFileBytes). Each <grapheme> of a
// <lexeme> becomes an entry: its first <phoneme> (IPA only) as phonemes,
// else its first <alias> as say. Documents with a DTD or entity
// declarations are refused at the first such token (no XXE, no billion
// laughs: encoding/xml never expands them, and we stop reading there).
func ReadPLS(r io.Reader, maxBytes int64) ([]Entry, error) {
	d := xml.NewDecoder(newCapReader(r, maxBytes))
	d.Strict = true
	p := plsParser{d: d}
	if err := p.run(); err != nil {
		return nil, err
	}
	return finishImport(p.entries)
}

type plsParser struct {
	d        *xml.Decoder
	lang     string // primary subtag of the lexicon's xml:lang
	seenRoot bool
	entries  []Entry
	n        int // lexemes read
}

func (p *plsParser) run() error {
	for {
		tok, err := p.d.Token()
		if errors.Is(err, io.EOF) {
			if !p.seenRoot {
				return &Error{Kind: ErrMalformed, Reason: "no <lexicon> element"}
			}
			return nil
		}
		if err != nil {
			return fileError(err, "PLS")
		}
		switch t := tok.(type) {
		case xml.Directive:
			return &Error{Kind: ErrMalformed, Reason: "DTDs and entity declarations (<!DOCTYPE …>) are not allowed"}
		case xml.StartElement:
			if err := p.start(t); err != nil {
				return err
			}
		}
	}
}

func (p *plsParser) start(t xml.StartElement) error {
	switch {
	case !p.seenRoot:
		return p.root(t)
	case t.Name.Local == "lexeme":
		return p.lexeme(t)
	}
	// <meta>, <metadata> and foreign elements are skipped whole.
	return p.skip()
}

func (p *plsParser) root(t xml.StartElement) error {
	if t.Name.Local != "lexicon" || t.Name.Space != PLSNamespace {
		return &Error{Kind: ErrMalformed, Reason: "the root element is not a PLS <lexicon> in namespace " + PLSNamespace}
	}
	p.seenRoot = true
	for _, a := range t.Attr {
		switch {
		case a.Name.Local == "alphabet" && a.Name.Space == "" && a.Value != "ipa":
			return &Error{Kind: ErrMalformed, Reason: fmt.Sprintf("alphabet %q is not supported; use ipa", a.Value)}
		case a.Name.Local == "version" && a.Name.Space == "" && a.Value != "1.0":
			return &Error{Kind: ErrMalformed, Reason: fmt.Sprintf("PLS version %q is not supported; use 1.0", a.Value)}
		case a.Name.Local == "lang" && a.Name.Space == "http://www.w3.org/XML/1998/namespace":
			p.lang, _, _ = strings.Cut(strings.ToLower(a.Value), "-")
		}
	}
	return nil
}

// lexeme reads one <lexeme> and adds its entries.
func (p *plsParser) lexeme(t xml.StartElement) error {
	p.n++
	lx := lexeme{attrs: map[string]string{}}
	for _, a := range t.Attr {
		if a.Name.Space == AloudNamespace {
			lx.attrs[a.Name.Local] = a.Value
		}
	}
	for {
		tok, err := p.d.Token()
		if err != nil {
			return fileError(err, "PLS")
		}
		switch c := tok.(type) {
		case xml.Directive:
			return &Error{Kind: ErrMalformed, Reason: "DTDs and entity declarations are not allowed"}
		case xml.EndElement:
			return p.add(lx)
		case xml.StartElement:
			if err := p.child(&lx, c); err != nil {
				return err
			}
		}
	}
}

func (p *plsParser) child(lx *lexeme, c xml.StartElement) error {
	if c.Name.Space != PLSNamespace {
		return p.skip()
	}
	if c.Name.Local == "phoneme" {
		for _, a := range c.Attr {
			if a.Name.Local == "alphabet" && a.Value != "ipa" {
				return &Error{Kind: ErrMalformed, Line: p.n, Reason: fmt.Sprintf("phoneme alphabet %q is not supported; use ipa", a.Value)}
			}
		}
	}
	text, err := p.text()
	if err != nil {
		return err
	}
	switch c.Name.Local {
	case "grapheme":
		lx.graphemes = append(lx.graphemes, text)
	case "phoneme":
		if !lx.hasPh {
			lx.phoneme, lx.hasPh = text, true
		}
	case "alias":
		if !lx.hasAlias {
			lx.alias, lx.hasAlias = text, true
		}
	}
	return nil
}

// text reads an element's character data up to its end tag; nested
// elements are malformed in the elements we read.
func (p *plsParser) text() (string, error) {
	var b strings.Builder
	for {
		tok, err := p.d.Token()
		if err != nil {
			return "", fileError(err, "PLS")
		}
		switch c := tok.(type) {
		case xml.CharData:
			if b.Len()+len(c) > maxElemBytes {
				return "", &Error{Kind: ErrInvalid, Line: p.n, Reason: fmt.Sprintf("text is over %d characters", MaxTermLen)}
			}
			b.Write(c)
		case xml.EndElement:
			return b.String(), nil
		case xml.StartElement:
			return "", &Error{Kind: ErrMalformed, Line: p.n, Reason: fmt.Sprintf("unexpected <%s> inside a grapheme, phoneme or alias", c.Name.Local)}
		case xml.Directive:
			return "", &Error{Kind: ErrMalformed, Reason: "DTDs and entity declarations are not allowed"}
		}
	}
}

func (p *plsParser) skip() error {
	if err := p.d.Skip(); err != nil {
		return fileError(err, "PLS")
	}
	return nil
}
