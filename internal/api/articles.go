package api

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"aloud/internal/article"
	"aloud/internal/store"
)

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
	a, err := s.store.Reads().ArticleView(r.Context(), keyFrom(r).PublicationID, r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, s.view(a))
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
	list, next, err := s.store.Reads().ListArticleViews(r.Context(), keyFrom(r).PublicationID, limit, r.URL.Query().Get("cursor"))
	if err != nil {
		return err
	}
	out := struct {
		Articles   []articleJSON `json:"articles"`
		NextCursor string        `json:"next_cursor"`
	}{Articles: make([]articleJSON, 0, len(list)), NextCursor: next}
	for _, a := range list {
		out.Articles = append(out.Articles, s.view(a))
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

func (s *Server) view(a store.ArticleView) articleJSON {
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
		v.Audio = &audioJSON{MP3: s.audioURL(ren.Files["mp3"]), Opus: s.audioURL(ren.Files["opus"]),
			WAV: s.audioURL(ren.Files["wav"]), Timeline: s.audioURL(ren.TimelineKey), DurationSeconds: ren.Duration.Seconds()}
	}
	return v
}

// audioURL is the public, immutable URL of a blob: absolute under the
// public base URL (root-relative when none is configured).
func (s *Server) audioURL(key string) string {
	if key == "" {
		return ""
	}
	return s.opts.PublicURL + "/audio/" + key
}
