package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"net/http"
	"time"
)

// jobKinds are reported in aloud_queue_depth even when zero.
var jobKinds = []string{"ingest", "render", "publish", "poll_feed"}

// healthz says the process is alive; it touches nothing.
func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) error {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

// readyz says whether the process can do its work: the database answers
// and the engines and ffmpeg were found.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	checks := map[string]string{"database": "ok"}
	status := http.StatusOK
	if err := s.store.Ping(ctx); err != nil {
		checks["database"], status = err.Error(), http.StatusServiceUnavailable
	}
	if s.opts.Parts != nil {
		for part, state := range s.opts.Parts() {
			checks[part] = state
		}
	}
	if s.opts.Ready != nil {
		checks["pipeline"] = "ok"
		if err := s.opts.Ready(ctx); err != nil {
			checks["pipeline"], status = err.Error(), http.StatusServiceUnavailable
		}
	}
	writeJSON(w, status, map[string]any{"ready": status == http.StatusOK, "checks": checks})
	return nil
}

func (s *Server) metricsPage(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	depth, err := s.store.QueueDepth(ctx)
	if err != nil {
		depth = nil // still serve the in-process metrics
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.Write(w, depth, jobKinds)
	if s.opts.Running != nil {
		if running, err := s.opts.Running(ctx); err == nil {
			WriteRunning(w, running, jobKinds)
		}
	}
	return nil
}

//go:embed openapi.json
var openAPIDoc []byte

// openAPIETag is the document's content hash, so caches revalidate cheaply.
var openAPIETag = func() string {
	sum := sha256.Sum256(openAPIDoc)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}()

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("ETag", openAPIETag)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "public, max-age=300")
	http.ServeContent(w, r, "openapi.json", time.Time{}, bytes.NewReader(openAPIDoc))
	return nil
}

func (s *Server) notFound(_ http.ResponseWriter, r *http.Request) error {
	return errorf(http.StatusNotFound, CodeNotFound, "no such endpoint: %s %s", r.Method, r.URL.Path)
}
