package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"aloud/internal/fetch"
)

func ExampleFetcher_Get() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, "hello")
	}))
	defer srv.Close()

	// A local test server is refused unless its host is allowed.
	_, err := fetch.New(fetch.Config{}).Get(context.Background(), srv.URL, nil)
	fmt.Println(errors.Is(err, fetch.ErrBlocked))

	f := fetch.New(fetch.Config{AllowHosts: []string{"127.0.0.1"}, UserAgent: fetch.UserAgent("1.0")})
	resp, err := f.Get(context.Background(), srv.URL, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.Status, string(resp.Body), resp.ETag)

	again, err := f.Get(context.Background(), srv.URL, &fetch.Conditional{ETag: resp.ETag})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(again.Status, again.NotModified)
	// Output:
	// true
	// 200 hello "v1"
	// 304 true
}
