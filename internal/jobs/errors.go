package jobs

import (
	"errors"

	"aloud/internal/article"
	"aloud/internal/feed"
	"aloud/internal/fetch"
	"aloud/internal/ingest"
	"aloud/internal/render"
	"aloud/internal/tts"
)

// ErrBadInput marks stored input a job cannot use (for example an ingest
// input that is not the JSON the API writes).
var ErrBadInput = errors.New("unusable job input")

// IsPermanent reports errors no retry can fix: input with no text, an
// unknown voice,
// undecodable or oversized input, addresses the fetcher refuses, and HTTP
// client errors other than 408 and 429.
func IsPermanent(err error) bool {
	var ie *ingest.InputError
	var se *fetch.StatusError
	var fs *feed.SizeError
	switch {
	case errors.Is(err, ErrBadInput), errors.Is(err, ErrTooLong), errors.Is(err, article.ErrNoText), errors.As(err, &ie),
		errors.Is(err, render.ErrNothingToSay), errors.Is(err, tts.ErrUnknownVoice),
		errors.Is(err, fetch.ErrInvalidURL), errors.Is(err, fetch.ErrScheme), errors.Is(err, fetch.ErrCredentials),
		errors.Is(err, fetch.ErrURLTooLong), errors.Is(err, fetch.ErrBlocked), errors.Is(err, fetch.ErrTooLarge),
		errors.Is(err, feed.ErrFormat), errors.As(err, &fs):
		return true
	case errors.As(err, &se):
		return se.Code >= 400 && se.Code < 500 && se.Code != 408 && se.Code != 429
	}
	return false
}

// clientMessage is the error an article shows its API client: the input
// error's reason, or the error without the hints meant for an operator
// (flags, variables), which the log keeps.
func clientMessage(err error) string {
	var be *fetch.BlockedError
	switch {
	case errors.As(err, &be):
		return "the URL's address is not a public internet address"
	case errors.Is(err, fetch.ErrTooLarge):
		return "the page is larger than the size limit"
	case errors.Is(err, tts.ErrUnknownVoice):
		return "the voice is not installed"
	}
	if reason, ok := ingest.IsInputError(err); ok {
		return reason
	}
	return err.Error()
}
