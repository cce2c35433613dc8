package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// Post sends body to rawURL under the same guards, limits and timeouts
// as Get, for the HTTP APIs aloud calls (a speech server). Headers in
// header are added to the request. A non-2xx answer is a *StatusError
// carrying the start of the server's message.
func (f *Fetcher) Post(ctx context.Context, rawURL, contentType string, body []byte, header http.Header) (*Response, error) {
	resp, err := f.post(ctx, rawURL, contentType, body, header)
	if err != nil {
		return nil, fmt.Errorf("post %s: %w", redact(rawURL), err)
	}
	return resp, nil
}

func (f *Fetcher) post(ctx context.Context, rawURL, contentType string, body []byte, header http.Header) (*Response, error) {
	u, err := f.parseURL(rawURL)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	for k, vs := range header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	req.Header.Set("Content-Type", contentType)
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, classify(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// The start of the server's explanation, for the operator.
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return nil, &StatusError{Code: resp.StatusCode, Message: strings.TrimSpace(string(msg))}
	}
	out, err := f.read(resp)
	if errors.Is(err, ErrTooLarge) {
		return nil, err // a limit, not a connection failure: callers must not retry it
	}
	if err != nil {
		return nil, classify(err)
	}
	return out, nil
}
