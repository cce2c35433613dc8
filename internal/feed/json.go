package feed

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

type jsonItem struct {
	ID            any    `json:"id"` // spec says string; some feeds use numbers
	URL           string `json:"url"`
	ExternalURL   string `json:"external_url"`
	Title         string `json:"title"`
	DatePublished string `json:"date_published"`
	DateModified  string `json:"date_modified"`
}

// parseJSON streams a JSON Feed, decoding one item at a time.
func parseJSON(r io.Reader, k *keeper) (*Feed, error) {
	d := json.NewDecoder(r)
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("json feed: %w", ErrFormat)
	}
	f := &Feed{Format: "json"}
	version := ""
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return nil, fmt.Errorf("parse json feed: %w", err)
		}
		key, _ := tok.(string)
		switch key {
		case "items":
			if err := jsonItems(d, k); err != nil {
				return nil, err
			}
			continue
		case "version":
			err = d.Decode(&version)
		case "title":
			err = d.Decode(&f.Title)
		case "home_page_url":
			err = d.Decode(&f.Link)
		default:
			err = skipValue(d)
		}
		if err != nil {
			return nil, fmt.Errorf("parse json feed %q: %w", key, err)
		}
	}
	if !strings.Contains(version, "jsonfeed.org") {
		return nil, fmt.Errorf("json without a jsonfeed.org version: %w", ErrFormat)
	}
	f.Title = plain(f.Title)
	return f, nil
}

func jsonItems(d *json.Decoder, k *keeper) error {
	if tok, err := d.Token(); err != nil || tok != json.Delim('[') {
		return fmt.Errorf("json feed items: %w", errors.Join(ErrFormat, err))
	}
	for d.More() {
		var x jsonItem
		if err := d.Decode(&x); err != nil {
			return fmt.Errorf("parse json feed item %d: %w", k.seen+1, err)
		}
		it := Item{Title: plain(x.Title), Link: firstOf(x.URL, x.ExternalURL)}
		switch id := x.ID.(type) {
		case string:
			it.GUID = id
		case float64:
			it.GUID = strconv.FormatFloat(id, 'f', -1, 64)
		}
		if it.GUID == "" {
			it.GUID = it.Link
		}
		it.Published = parseDate(firstOf(x.DatePublished, x.DateModified))
		k.add(it)
	}
	_, err := d.Token() // closing ]
	if err != nil {
		return fmt.Errorf("parse json feed items: %w", err)
	}
	return nil
}

// skipValue reads past one JSON value without keeping it.
func skipValue(d *json.Decoder) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}
