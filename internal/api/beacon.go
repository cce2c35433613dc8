package api

import (
	"net/http"

	"aloud/internal/feedback"
)

// postBeacon counts one player event (navigator.sendBeacon posts it as
// text/plain). Only counters change: no address, no listener hash.
func (s *Server) postBeacon(w http.ResponseWriter, r *http.Request) error {
	if err := take(w, s.public.beaconBy, s.public.client(r)); err != nil {
		return err
	}
	var b feedback.Beacon
	if err := decodePublic(w, r, &b); err != nil {
		return err
	}
	metrics, err := b.Metrics()
	if err != nil {
		return invalid("%s", err.Error())
	}
	a, err := s.store.Reads().PublicArticleView(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	if err := s.store.AddListenCounts(r.Context(), a.ID, metrics...); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// articleStats is GET /api/v1/articles/{id}/stats for the publication's
// own article.
func (s *Server) articleStats(w http.ResponseWriter, r *http.Request) error {
	a, err := s.store.Reads().Article(r.Context(), keyFrom(r).PublicationID, r.PathValue("id"))
	if err != nil {
		return err
	}
	c, err := s.store.Reads().ListenCounts(r.Context(), a.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, feedback.Compute(c))
	return nil
}
