package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"time"

	"aloud/internal/feedback"
	"aloud/internal/store"
)

// maxPublicBody caps feedback and beacon bodies: a note of 1,000
// characters in any script fits with room to spare.
const maxPublicBody = 8 << 10

// postFeedback is the player's "Send feedback": public, rate-limited per
// listener and per article, stored once however often it is resent.
func (s *Server) postFeedback(w http.ResponseWriter, r *http.Request) error {
	client := s.public.client(r)
	if err := take(w, s.public.feedbackBy, client); err != nil {
		return err
	}
	var rep feedback.Report
	if err := decodePublic(w, r, &rep); err != nil {
		return err
	}
	if err := rep.Check(); err != nil {
		return invalid("%s", err.Error())
	}
	a, err := s.store.Reads().PublicArticleView(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	pub, err := s.store.Reads().Publication(r.Context(), a.PublicationID)
	if err != nil {
		return err
	}
	if !pub.FeedbackOn {
		return errorf(http.StatusForbidden, "feedback_off", "this publication does not take feedback")
	}
	if err := take(w, s.public.feedbackOn, a.ID); err != nil {
		return err
	}
	f := store.Feedback{PublicationID: a.PublicationID, ArticleID: a.ID, Kind: rep.Kind, Note: rep.Note,
		AtMs: rep.AtMs, ClientHash: client, DedupeKey: dedupeKey(client, rep)}
	if a.Rendition != nil && a.Rendition.TimelineKey != "" {
		f.Sentence = s.sentenceAt(r, a, rep.AtMs)
	}
	if err := s.store.AddFeedback(r.Context(), &f); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return errorf(http.StatusConflict, CodeConflict, "this feedback was already received")
		}
		return err
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"id": f.ID, "status": "received"})
	return nil
}

// sentenceAt is the sentence heard at atMs, or "" when the timeline cannot
// be read (the report is worth keeping without it).
func (s *Server) sentenceAt(r *http.Request, a store.ArticleView, atMs int64) string {
	f, err := s.blobs.Open(r.Context(), a.Rendition.TimelineKey)
	if err != nil {
		return ""
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, 16<<20))
	if err != nil {
		return ""
	}
	text, _ := feedback.SentenceAt(b, a.Content, atMs)
	return text
}

// dedupeKey is the same for the same report from the same listener on the
// same day, so a double click or a resent form is stored once.
func dedupeKey(client string, rep feedback.Report) string {
	sum := sha256.Sum256([]byte(client + "\x00" + rep.Kind + "\x00" + rep.Note + "\x00" + strconv.FormatInt(rep.AtMs/1000, 10)))
	return hex.EncodeToString(sum[:16])
}

// decodePublic reads a small JSON body sent as application/json or, from
// navigator.sendBeacon, text/plain.
func decodePublic(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && mt != "text/plain") {
			return errorf(http.StatusUnsupportedMediaType, CodeInvalidRequest, "send JSON (application/json or text/plain)")
		}
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxPublicBody))
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return invalid("the body is empty; send a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return invalid("the body is not the JSON object expected: %v", err)
	}
	if dec.More() {
		return invalid("the body holds more than one JSON value")
	}
	return nil
}

type feedbackJSON struct {
	ID        string `json:"id"`
	ArticleID string `json:"article_id"`
	Kind      string `json:"kind"`
	Note      string `json:"note"`
	AtMs      int64  `json:"at_ms"`
	Sentence  string `json:"sentence"`
	CreatedAt string `json:"created_at"`
}

// listFeedback is GET /api/v1/feedback?article=ID: the reports about one
// of the publication's articles, newest first.
func (s *Server) listFeedback(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	id := q.Get("article")
	if id == "" {
		return invalid("article is required: /api/v1/feedback?article=ID")
	}
	limit := 100
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 1000 {
			return invalid("limit must be an integer from 1 to 1000, got %q", l)
		}
		limit = n
	}
	pub := keyFrom(r).PublicationID
	if _, err := s.store.Reads().Article(r.Context(), pub, id); err != nil {
		return err
	}
	list, err := s.store.Reads().ListFeedback(r.Context(), pub, id, limit)
	if err != nil {
		return err
	}
	out := make([]feedbackJSON, 0, len(list))
	for _, f := range list {
		out = append(out, feedbackJSON{ID: f.ID, ArticleID: f.ArticleID, Kind: f.Kind, Note: f.Note, AtMs: f.AtMs,
			Sentence: f.Sentence, CreatedAt: f.CreatedAt.Format(time.RFC3339)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"feedback": out})
	return nil
}
