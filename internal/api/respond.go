package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"aloud/internal/article"
	"aloud/internal/ingest"
	"aloud/internal/store"
)

// Error codes of the API's error body.
const (
	CodeInvalidRequest = "invalid_request"
	CodeUnauthorized   = "unauthorized"
	CodeNotFound       = "not_found"
	CodeTooLarge       = "too_large"
	CodeRateLimited    = "rate_limited"
	CodeConflict       = "conflict"
	CodeUnavailable    = "unavailable"
	CodeInternal       = "internal"
)

// Error is a failure a client may see: a status, a code and a client-safe
// message, apart from the wrapped detail that is only logged.
type Error struct {
	Status  int
	Code    string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

func errorf(status int, code, format string, a ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, a...)}
}

func invalid(format string, a ...any) *Error {
	return errorf(http.StatusBadRequest, CodeInvalidRequest, format, a...)
}

// toError maps every error kind to its HTTP status and code: the one place
// that does.
func toError(err error) *Error {
	var apiErr *Error
	var maxErr *http.MaxBytesError
	var inErr *ingest.InputError
	switch {
	case errors.As(err, &apiErr):
		return apiErr
	case errors.As(err, &maxErr):
		return &Error{http.StatusRequestEntityTooLarge, CodeTooLarge, fmt.Sprintf("request body is over the %d-byte limit", maxErr.Limit), err}
	case errors.As(err, &inErr) && errors.Is(err, ingest.ErrTooLarge):
		return &Error{http.StatusRequestEntityTooLarge, CodeTooLarge, inErr.Reason, err}
	case errors.As(err, &inErr):
		return &Error{http.StatusBadRequest, CodeInvalidRequest, inErr.Reason, err}
	case errors.Is(err, article.ErrNoText):
		return &Error{http.StatusBadRequest, CodeInvalidRequest, "the article has no text to read aloud", err}
	case errors.Is(err, article.ErrNotFound):
		return &Error{http.StatusNotFound, CodeNotFound, "not found", err}
	case errors.Is(err, store.ErrConflict):
		return &Error{http.StatusConflict, CodeConflict, "already exists", err}
	case errors.Is(err, store.ErrBadCursor):
		return &Error{http.StatusBadRequest, CodeInvalidRequest, "cursor is not one this server returned", err}
	case store.IsUnavailable(err):
		return &Error{http.StatusServiceUnavailable, CodeUnavailable, "the database is unavailable; retry shortly", err}
	}
	return &Error{http.StatusInternalServerError, CodeInternal, "internal error", err}
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, e *Error) {
	var b errorBody
	b.Error.Code, b.Error.Message = e.Code, e.Message
	writeJSON(w, e.Status, b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client hung up; nothing to do
}
