package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"aloud/internal/article"
	"aloud/internal/jobs"
	"aloud/internal/store"
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
	if len(p.voice) > 100 || len(p.lang) > 35 {
		return p, invalid("voice or language is too long")
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
		a, err := s.readText(*req.Text, p.lang)
		if err != nil {
			return p, err
		}
		p.content = &a
	case structured:
		a, err := structuredArticle(req)
		if err != nil {
			return p, err
		}
		p.content = &a
	case req.HTML != nil:
		if strings.TrimSpace(*req.HTML) == "" {
			return p, invalid("html is empty")
		}
		in := jobs.Input{HTML: *req.HTML}
		if req.URL != nil {
			if err := checkURL(*req.URL); err != nil {
				return p, err
			}
			in.URL = *req.URL
		}
		p.input, _ = json.Marshal(in) // plain strings cannot fail
	case req.URL != nil:
		if err := checkURL(*req.URL); err != nil {
			return p, err
		}
		p.input, _ = json.Marshal(jobs.Input{URL: *req.URL})
	default:
		return p, invalid(`the body needs one of "url", "html", "text", or a structured article with "title" and "blocks"`)
	}
	if p.content != nil && p.lang != "" {
		p.content.Language = p.lang
	}
	return p, nil
}

// structuredArticle checks a structured article through article's own
// JSON reader, so the accepted shape is exactly what `aloud extract` prints.
func structuredArticle(req articleRequest) (article.Article, error) {
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
			if err := checkURL(*req.URL); err != nil {
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
		a.Language = "en"
	}
	return a, nil
}

func checkURL(raw string) error {
	if len(raw) > maxURLLen {
		return invalid("url is longer than %d bytes", maxURLLen)
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return invalid("url must be an absolute http or https URL, got %q", raw)
	}
	if u.User != nil {
		return invalid("url must not contain user:password")
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

type acceptedJSON struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

func (s *Server) createArticle(w http.ResponseWriter, r *http.Request) error {
	p, err := s.parseArticle(w, r)
	if err != nil {
		return err
	}
	key := keyFrom(r)
	idem := strings.TrimSpace(r.Header.Get("Idempotency-Key"))
	if len(idem) > 200 {
		return invalid("Idempotency-Key is longer than 200 bytes")
	}
	var a store.Article
	err = s.store.WithTx(r.Context(), func(tx *store.Tx) error {
		if idem != "" {
			prev, err := tx.ArticleByIdempotencyKey(r.Context(), key.PublicationID, idem)
			if err == nil {
				a = prev
				return nil
			}
			if !errors.Is(err, article.ErrNotFound) {
				return err
			}
		}
		a = store.Article{PublicationID: key.PublicationID, Voice: p.voice, Language: p.lang, Input: p.input, IdempotencyKey: idem}
		if err := tx.CreateArticle(r.Context(), &a); err != nil {
			return err
		}
		return s.submit(r, tx, a, p)
	})
	if errors.Is(err, store.ErrConflict) && idem != "" { // a concurrent request with the same key won
		a, err = s.store.ArticleByIdempotencyKey(r.Context(), key.PublicationID, idem)
	}
	if err != nil {
		return err
	}
	if a, err = s.store.Article(r.Context(), key.PublicationID, a.ID); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/articles/"+a.ID)
	writeJSON(w, http.StatusAccepted, acceptedJSON{ID: a.ID, Status: string(a.Status)})
	return nil
}

// submit hands parsed input to the job system inside tx.
func (s *Server) submit(r *http.Request, tx *store.Tx, a store.Article, p parsedArticle) error {
	if p.content != nil {
		return s.jobs.SubmitContent(r.Context(), tx, a, *p.content)
	}
	return s.jobs.EnqueueIngest(r.Context(), tx, a.ID)
}

func (s *Server) putArticle(w http.ResponseWriter, r *http.Request) error {
	p, err := s.parseArticle(w, r)
	if err != nil {
		return err
	}
	key := keyFrom(r)
	id := r.PathValue("id")
	var a store.Article
	err = s.store.WithTx(r.Context(), func(tx *store.Tx) error {
		cur, err := tx.Article(r.Context(), key.PublicationID, id)
		if err != nil {
			return err
		}
		if p.voice != "" {
			cur.Voice = p.voice
		}
		if p.lang != "" {
			cur.Language = p.lang
		}
		if err := tx.SetArticleInput(r.Context(), cur.ID, p.input, cur.Voice, cur.Language); err != nil {
			return err
		}
		if err := s.submit(r, tx, cur, p); err != nil {
			return err
		}
		a, err = tx.Article(r.Context(), key.PublicationID, id)
		return err
	})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusAccepted, acceptedJSON{ID: a.ID, Status: string(a.Status)})
	return nil
}

func (s *Server) deleteArticle(w http.ResponseWriter, r *http.Request) error {
	if err := s.store.DeleteArticle(r.Context(), keyFrom(r).PublicationID, r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) error {
	a, err := s.store.ArticleView(r.Context(), keyFrom(r).PublicationID, r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, view(a))
	return nil
}

func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) error {
	limit := 20
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 100 {
			return invalid("limit must be an integer from 1 to 100, got %q", l)
		}
		limit = n
	}
	list, next, err := s.store.ListArticleViews(r.Context(), keyFrom(r).PublicationID, limit, r.URL.Query().Get("cursor"))
	if err != nil {
		return err
	}
	out := struct {
		Articles   []articleJSON `json:"articles"`
		NextCursor string        `json:"next_cursor"`
	}{Articles: make([]articleJSON, 0, len(list)), NextCursor: next}
	for _, a := range list {
		out.Articles = append(out.Articles, view(a))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// articleJSON is the flat article object: status, the extract fields,
// voice, times and, once there is audio, its URLs.
type articleJSON struct {
	ID        string          `json:"id"`
	Status    string          `json:"status"`
	Error     string          `json:"error"`
	Title     string          `json:"title"`
	Kicker    string          `json:"kicker"`
	Byline    string          `json:"byline"`
	Published string          `json:"published"`
	Source    string          `json:"source"`
	URL       string          `json:"url"`
	Language  string          `json:"language"`
	Blocks    []article.Block `json:"blocks"`
	Voice     string          `json:"voice"`
	CreatedAt string          `json:"created_at"`
	UpdatedAt string          `json:"updated_at"`
	Audio     *audioJSON      `json:"audio,omitempty"`
}

type audioJSON struct {
	MP3             string  `json:"mp3,omitempty"`
	Opus            string  `json:"opus,omitempty"`
	WAV             string  `json:"wav,omitempty"`
	Timeline        string  `json:"timeline,omitempty"`
	DurationSeconds float64 `json:"duration_seconds"`
}

func view(a store.ArticleView) articleJSON {
	v := articleJSON{ID: a.ID, Status: string(a.Status), Error: a.Error, Language: a.Language, Voice: a.Voice,
		Blocks: []article.Block{}, CreatedAt: a.CreatedAt.Format(time.RFC3339), UpdatedAt: a.UpdatedAt.Format(time.RFC3339)}
	if c := a.Content; c != nil {
		v.Title, v.Kicker, v.Byline, v.Source, v.URL, v.Language = c.Title, c.Kicker, c.Byline, c.Source, c.URL, c.Language
		if !c.Published.IsZero() {
			v.Published = c.Published.Format(time.RFC3339)
		}
		if c.Blocks != nil {
			v.Blocks = c.Blocks
		}
	}
	if ren := a.Rendition; ren != nil {
		if ren.Voice != "" {
			v.Voice = ren.Voice
		}
		v.Audio = &audioJSON{MP3: audioURL(ren.Files["mp3"]), Opus: audioURL(ren.Files["opus"]),
			WAV: audioURL(ren.Files["wav"]), Timeline: audioURL(ren.TimelineKey), DurationSeconds: ren.Duration.Seconds()}
	}
	return v
}

// audioURL is the public, immutable, root-relative URL of a blob.
func audioURL(key string) string {
	if key == "" {
		return ""
	}
	return "/audio/" + key
}
