package api

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"aloud/internal/store"
)

// handlerFunc is a handler with a single error exit: the adapter renders
// the error once.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// route registers a public handler.
func (s *Server) route(pattern string, h handlerFunc) {
	s.mux.Handle(pattern, s.adapt(pattern, h))
}

// authed registers a handler behind the bearer key and its rate limit.
func (s *Server) authed(pattern string, h handlerFunc) {
	s.mux.Handle(pattern, s.adapt(pattern, func(w http.ResponseWriter, r *http.Request) error {
		key, err := s.authenticate(r)
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="aloud"`)
			return err
		}
		if wait, ok := s.limiter.allow(key.ID); !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			return errorf(http.StatusTooManyRequests, CodeRateLimited, "rate limit exceeded; retry in %s", wait.Round(time.Millisecond))
		}
		return h(w, r.WithContext(context.WithValue(r.Context(), keyCtx{}, key)))
	}))
}

// adapt turns a handlerFunc into an http.Handler that renders errors,
// recovers panics, logs server faults and records the request metric.
func (s *Server) adapt(route string, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			if p := recover(); p != nil {
				s.fail(rec, r, fmt.Errorf("panic: %s", fmt.Sprint(p)))
			}
			s.metrics.ObserveRequest(route, rec.status, time.Since(start))
		}()
		if err := h(rec, r); err != nil {
			s.fail(rec, r, err)
		}
	})
}

func (s *Server) fail(w *statusRecorder, r *http.Request, err error) {
	e := toError(err)
	if e.Status >= 500 {
		s.log.Error("request failed", slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", e.Status), slog.String("error", err.Error()))
	}
	if w.wrote {
		return // too late for an error body
	}
	writeError(w, e)
}

type keyCtx struct{}

// keyFrom is the authenticated key of the request.
func keyFrom(r *http.Request) store.APIKey {
	k, _ := r.Context().Value(keyCtx{}).(store.APIKey)
	return k
}

func (s *Server) authenticate(r *http.Request) (store.APIKey, error) {
	h := r.Header.Get("Authorization")
	scheme, secret, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
		return store.APIKey{}, errorf(http.StatusUnauthorized, CodeUnauthorized, "missing bearer key (Authorization: Bearer KEY)")
	}
	secret = strings.TrimSpace(secret)
	if k, ok := s.keys.get(secret); ok {
		return k, nil
	}
	k, err := s.store.Reads().APIKeyBySecret(r.Context(), secret)
	if err != nil {
		if store.IsUnavailable(err) {
			return store.APIKey{}, err
		}
		if e := toError(err); e.Status == http.StatusNotFound {
			return store.APIKey{}, errorf(http.StatusUnauthorized, CodeUnauthorized, "invalid or revoked key")
		}
		return store.APIKey{}, err
	}
	s.keys.put(secret, k)
	return k, nil
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusRecorder) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }
