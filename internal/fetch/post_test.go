package fetch

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestPost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || r.Header.Get("X-Test") != "1" {
			http.Error(w, "wrong request", http.StatusBadRequest)
			return
		}
		if string(b) == "fail" {
			http.Error(w, "model not loaded", http.StatusServiceUnavailable)
			return
		}
		w.Write(append([]byte("echo:"), b...))
	}))
	defer srv.Close()
	h := http.Header{"X-Test": {"1"}}
	if _, err := New(Config{}).Post(t.Context(), srv.URL, "application/json", []byte("x"), h); !errors.Is(err, ErrBlocked) {
		t.Errorf("loopback without allowing it: got %v, want ErrBlocked", err)
	}
	f := New(Config{AllowHosts: []string{"127.0.0.1"}})
	resp, err := f.Post(t.Context(), srv.URL, "application/json", []byte("hi"), h)
	if err != nil || string(resp.Body) != "echo:hi" {
		t.Fatalf("got %v, %v; want echo:hi", resp, err)
	}
	_, err = f.Post(t.Context(), srv.URL, "application/json", []byte("fail"), h)
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 503 || !strings.Contains(err.Error(), "model not loaded") {
		t.Errorf("got %v, want status 503 with the server's message", err)
	}
}
