package api

import (
	"net/http"
	"time"

	"aloud/internal/store"
)

type feedJSON struct {
	ID              string `json:"id"`
	URL             string `json:"url"`
	IntervalSeconds int64  `json:"interval_seconds"`
	Failures        int    `json:"failures"`
	LastError       string `json:"last_error"`
	LastPolledAt    string `json:"last_polled_at"`
	NextPollAt      string `json:"next_poll_at"`
	CreatedAt       string `json:"created_at"`
}

func toFeedJSON(f store.Feed) feedJSON {
	out := feedJSON{ID: f.ID, URL: f.URL, IntervalSeconds: int64(f.Interval / time.Second), Failures: f.Failures,
		LastError: f.LastError, NextPollAt: f.NextPollAt.Format(time.RFC3339), CreatedAt: f.CreatedAt.Format(time.RFC3339)}
	if !f.LastPolledAt.IsZero() {
		out.LastPolledAt = f.LastPolledAt.Format(time.RFC3339)
	}
	return out
}

func (s *Server) createFeed(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		URL             string `json:"url"`
		IntervalSeconds int64  `json:"interval_seconds"`
	}
	if err := s.decode(w, r, &req); err != nil {
		return err
	}
	if err := s.checkURL(req.URL, true); err != nil {
		return err
	}
	interval := s.opts.FeedInterval
	if req.IntervalSeconds != 0 {
		if req.IntervalSeconds < 60 || req.IntervalSeconds > 7*24*3600 {
			return invalid("interval_seconds must be between 60 and 604800, got %d", req.IntervalSeconds)
		}
		interval = time.Duration(req.IntervalSeconds) * time.Second
	}
	f := store.Feed{PublicationID: keyFrom(r).PublicationID, URL: req.URL, Interval: interval}
	err := s.store.WithTx(r.Context(), func(tx *store.Tx) error {
		if err := tx.CreateFeed(r.Context(), &f); err != nil {
			return err
		}
		return s.jobs.EnqueuePoll(r.Context(), tx, f.ID)
	})
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/feeds/"+f.ID)
	writeJSON(w, http.StatusCreated, toFeedJSON(f))
	return nil
}

func (s *Server) listFeeds(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.ListFeeds(r.Context(), keyFrom(r).PublicationID)
	if err != nil {
		return err
	}
	out := struct {
		Feeds []feedJSON `json:"feeds"`
	}{Feeds: make([]feedJSON, 0, len(list))}
	for _, f := range list {
		out.Feeds = append(out.Feeds, toFeedJSON(f))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) getFeed(w http.ResponseWriter, r *http.Request) error {
	f, err := s.store.Feed(r.Context(), keyFrom(r).PublicationID, r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toFeedJSON(f))
	return nil
}

func (s *Server) deleteFeed(w http.ResponseWriter, r *http.Request) error {
	if err := s.store.DeleteFeed(r.Context(), keyFrom(r).PublicationID, r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
