package api

import (
	"net/http"
	"time"

	"aloud/internal/store"
)

type keyJSON struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Key       string `json:"key,omitempty"` // only in the response that creates it
	CreatedAt string `json:"created_at"`
	RevokedAt string `json:"revoked_at,omitempty"`
}

func toKeyJSON(k store.APIKey) keyJSON {
	out := keyJSON{ID: k.ID, Name: k.Name, CreatedAt: k.CreatedAt.Format(time.RFC3339)}
	if !k.RevokedAt.IsZero() {
		out.RevokedAt = k.RevokedAt.Format(time.RFC3339)
	}
	return out
}

func (s *Server) createKey(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Name string `json:"name"`
	}
	if err := s.decode(w, r, &req); err != nil {
		return err
	}
	if len(req.Name) > 100 {
		return invalid("name is longer than 100 bytes")
	}
	k, secret, err := s.store.CreateAPIKey(r.Context(), keyFrom(r).PublicationID, req.Name)
	if err != nil {
		return err
	}
	out := toKeyJSON(k)
	out.Key = secret
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusCreated, out)
	return nil
}

func (s *Server) listKeys(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.ListAPIKeys(r.Context(), keyFrom(r).PublicationID)
	if err != nil {
		return err
	}
	out := struct {
		Keys []keyJSON `json:"keys"`
	}{Keys: make([]keyJSON, 0, len(list))}
	for _, k := range list {
		out.Keys = append(out.Keys, toKeyJSON(k))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) revokeKey(w http.ResponseWriter, r *http.Request) error {
	if err := s.store.RevokeAPIKey(r.Context(), keyFrom(r).PublicationID, r.PathValue("id")); err != nil {
		return err
	}
	s.keys.drop(r.PathValue("id"))
	w.WriteHeader(http.StatusNoContent)
	return nil
}
