package api

import (
	"errors"
	"net/http"
	"path"
	"strings"

	"aloud/internal/blob"
)

var contentTypes = map[string]string{
	".mp3":  "audio/mpeg",
	".opus": "audio/ogg; codecs=opus",
	".ogg":  "audio/ogg",
	".wav":  "audio/wav",
	".json": "application/json",
}

// audio serves a blob at its content-addressed URL with http.ServeContent
// (ranges, HEAD, conditional requests). The name is the content's hash, so
// the response never changes and may be cached forever.
func (s *Server) audio(w http.ResponseWriter, r *http.Request) error {
	key := r.PathValue("key")
	if !blob.ValidKey(key) {
		return errorf(http.StatusNotFound, CodeNotFound, "no such audio")
	}
	f, err := s.blobs.Open(r.Context(), key)
	if errors.Is(err, blob.ErrNotFound) {
		return errorf(http.StatusNotFound, CodeNotFound, "no such audio")
	}
	if err != nil {
		return err
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", contentTypes[path.Ext(key)])
	h.Set("ETag", `"`+strings.TrimSuffix(key, path.Ext(key))+`"`)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("Access-Control-Allow-Origin", "*") // players embed it on other sites
	http.ServeContent(w, r, key, f.ModTime(), f)
	return nil
}
