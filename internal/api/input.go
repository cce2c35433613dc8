package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"aloud/internal/article"
	"aloud/internal/fetch"
	"aloud/internal/ingest"
	"aloud/internal/jobs"
)

// articleRequest is every input shape of POST and PUT: {"url"},
// {"html", "url"}, {"text"}, or a structured article as `aloud extract`
// prints it; optional voice and language.
type articleRequest struct {
	URL       *string          `json:"url"`
	HTML      *string          `json:"html"`
	Text      *string          `json:"text"`
	Voice     string           `json:"voice"`
	Language  string           `json:"language"`
	Title     *string          `json:"title"`
	Kicker    string           `json:"kicker"`
	Byline    string           `json:"byline"`
	Published string           `json:"published"`
	Source    string           `json:"source"`
	Blocks    *[]article.Block `json:"blocks"`
}

// parsedArticle is a request reduced to either content to render now or
// input for the ingest job.
type parsedArticle struct {
	content *article.Article
	input   []byte
	voice   string
	lang    string
}

const maxURLLen = 2048

func (s *Server) parseArticle(w http.ResponseWriter, r *http.Request) (parsedArticle, error) {
	var req articleRequest
	if err := s.decode(w, r, &req); err != nil {
		return parsedArticle{}, err
	}
	p := parsedArticle{voice: strings.TrimSpace(req.Voice), lang: strings.TrimSpace(req.Language)}
	if len(p.voice) > 100 {
		return p, invalid("voice: longer than 100 bytes")
	}
	if p.lang != "" && (len(p.lang) > 35 || !article.ValidLanguage(p.lang)) {
		return p, invalid("language: %q is not a language tag such as en or de-AT", p.lang)
	}
	structured := req.Title != nil || req.Blocks != nil
	n := 0
	for _, present := range []bool{req.Text != nil, req.HTML != nil, structured} {
		if present {
			n++
		}
	}
	switch {
	case n > 1:
		return p, invalid("give only one of text, html or a structured article (title, blocks)")
	case req.Text != nil:
		if req.URL != nil {
			return p, invalid("url cannot be combined with text")
		}
		a, err := s.readText(*req.Text, p.lang, s.defaultLanguage(r, p.lang))
		if err != nil {
			return p, err
		}
		p.content = &a
	case structured:
		a, err := s.structuredArticle(req, s.defaultLanguage(r, p.lang))
		if err != nil {
			return p, err
		}
		p.content = &a
	case req.HTML != nil:
		if strings.TrimSpace(*req.HTML) == "" {
			return p, invalid("html is empty")
		}
		if int64(len(*req.HTML)) > ingest.DefaultHTMLMaxBytes {
			return p, errorf(http.StatusRequestEntityTooLarge, CodeTooLarge, "html: larger than the %d-byte limit", ingest.DefaultHTMLMaxBytes)
		}
		in := jobs.Input{HTML: *req.HTML}
		if req.URL != nil {
			if err := s.checkURL(*req.URL, false); err != nil {
				return p, err
			}
			in.URL = *req.URL
		}
		p.input, _ = json.Marshal(in) // plain strings cannot fail
	case req.URL != nil:
		if err := s.checkURL(*req.URL, true); err != nil {
			return p, err
		}
		p.input, _ = json.Marshal(jobs.Input{URL: *req.URL})
	default:
		return p, invalid(`the body needs one of "url", "html", "text", or a structured article with "title" and "blocks"`)
	}
	if p.content != nil && p.lang != "" {
		p.content.Language = p.lang
	}
	return p, s.checkContent(p)
}

// checkContent refuses, at the door, what the jobs would fail on later:
// an unknown voice, a language no voice speaks, too much spoken text.
func (s *Server) checkContent(p parsedArticle) error {
	lang := p.lang
	if p.content != nil {
		lang = p.content.Language
		if err := jobs.CheckLength(*p.content, s.opts.MaxSpokenChars); err != nil {
			return errorf(http.StatusRequestEntityTooLarge, CodeTooLarge, "text: %s", err.Error())
		}
	}
	if s.opts.CheckVoice == nil {
		return nil
	}
	if err := s.opts.CheckVoice(p.voice, lang); err != nil {
		if p.voice != "" {
			return invalid("voice: %s", err.Error())
		}
		return invalid("language: %s", err.Error())
	}
	return nil
}

// structuredArticle checks a structured article through article's own
// JSON reader, so the accepted shape is exactly what `aloud extract` prints.
func (s *Server) structuredArticle(req articleRequest, defaultLang string) (article.Article, error) {
	w := map[string]any{"kicker": req.Kicker, "byline": req.Byline, "published": req.Published,
		"source": req.Source, "language": req.Language}
	if req.Title != nil {
		w["title"] = *req.Title
	}
	if req.Blocks != nil {
		w["blocks"] = *req.Blocks
	}
	if req.URL != nil {
		if *req.URL != "" {
			if err := s.checkURL(*req.URL, false); err != nil {
				return article.Article{}, err
			}
		}
		w["url"] = *req.URL
	}
	b, _ := json.Marshal(w) // strings and blocks cannot fail
	var a article.Article
	if err := json.Unmarshal(b, &a); err != nil {
		return article.Article{}, invalid("structured article: %s", err.Error())
	}
	if strings.TrimSpace(a.Title) == "" && strings.TrimSpace(a.BodyText()) == "" {
		return article.Article{}, invalid("the article has no title and no text to read aloud")
	}
	if a.Language == "" {
		a.Language = defaultLang
	}
	return a, nil
}

// defaultLanguage is the language of an article that names none: its
// publication's default, else English ("" when the request names one).
func (s *Server) defaultLanguage(r *http.Request, lang string) string {
	if lang != "" {
		return ""
	}
	p, err := s.store.Reads().Publication(r.Context(), keyFrom(r).PublicationID)
	if err != nil || p.DefaultLanguage == "" {
		return "en"
	}
	return p.DefaultLanguage
}

// checkURL refuses a URL that is not absolute http(s) or carries
// credentials; a URL to be fetched also goes through the fetcher's guard
// (private, loopback and other non-public addresses unless allowed).
func (s *Server) checkURL(raw string, fetched bool) error {
	if len(raw) > maxURLLen {
		return invalid("url: longer than %d bytes", maxURLLen)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return invalid("url: must be an absolute http or https URL, got %q", raw)
	}
	if u.User != nil {
		return invalid("url: must not contain user:password")
	}
	if fetched && s.opts.CheckURL != nil {
		if err := s.opts.CheckURL(raw); err != nil {
			if errors.Is(err, fetch.ErrBlocked) {
				return invalid("url: %s is not a public internet address", u.Hostname())
			}
			return invalid("url: not a URL aloud can fetch")
		}
	}
	return nil
}

// decode reads a JSON body under the size cap, refusing unknown fields and
// trailing data.
func (s *Server) decode(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var maxErr *http.MaxBytesError
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &maxErr):
			return err
		case errors.Is(err, io.EOF):
			return invalid("request body is empty; want a JSON object")
		case errors.As(err, &syn):
			return invalid("malformed JSON at byte %d", syn.Offset)
		case errors.As(err, &typ):
			return invalid("field %q: want %s", typ.Field, typ.Type)
		case strings.HasPrefix(err.Error(), "json: unknown field"):
			return invalid("unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
		}
		return invalid("malformed JSON: %s", err.Error())
	}
	if dec.More() {
		return invalid("trailing data after the JSON object")
	}
	return nil
}
