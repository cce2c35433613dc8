package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"aloud/internal/api"
	"aloud/internal/blob"
	"aloud/internal/dbtest"
	"aloud/internal/jobs"
)

// BenchmarkGetArticle is the API's hot read (GET /api/v1/articles/{id})
// over loopback HTTP, as servebench drives it; run with -cpuprofile to see
// where a request's CPU goes.
func BenchmarkGetArticle(b *testing.B) {
	for _, d := range dbtest.Dialects {
		b.Run(d.String(), func(b *testing.B) {
			url := dbtest.URL(b, d)
			st := dbtest.Open(b, url)
			blobs, err := blob.NewLocal(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			jc, err := jobs.New(jobs.Deps{Store: st, Blobs: blobs}, jobs.Config{})
			if err != nil {
				b.Fatal(err)
			}
			srv := httptest.NewServer(api.New(st, jc, blobs, api.NewMetrics(), nil,
				api.Options{RateLimit: 1e9, RateBurst: 1e9}).Handler())
			defer srv.Close()
			p, err := st.EnsurePublication(context.Background(), "bench")
			if err != nil {
				b.Fatal(err)
			}
			_, key, err := st.CreateAPIKey(context.Background(), p.ID, "bench")
			if err != nil {
				b.Fatal(err)
			}
			text := "A headline\n\n" + strings.Repeat("A sentence of an article body that goes on for a while. ", 120)
			body, _ := json.Marshal(map[string]string{"text": text})
			req, _ := http.NewRequest("POST", srv.URL+"/api/v1/articles", strings.NewReader(string(body)))
			req.Header.Set("Authorization", "Bearer "+key)
			resp, err := srv.Client().Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var created struct{ ID string }
			json.NewDecoder(resp.Body).Decode(&created)
			resp.Body.Close()
			if resp.StatusCode != 202 {
				b.Fatalf("create: %d", resp.StatusCode)
			}
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
			b.ResetTimer()
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req, _ := http.NewRequest("GET", srv.URL+"/api/v1/articles/"+created.ID, nil)
					req.Header.Set("Authorization", "Bearer "+key)
					resp, err := client.Do(req)
					if err != nil {
						b.Error(err)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						b.Errorf("get: %d", resp.StatusCode)
						return
					}
				}
			})
		})
	}
}
