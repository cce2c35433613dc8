package api_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"aloud/internal/api"
	"aloud/internal/dbtest"
	"aloud/internal/store"
)

func (b *bundle) feedbackCount(t *testing.T, id string) int {
	t.Helper()
	r := b.do(t, "GET", "/api/v1/feedback?article="+id, b.key, "")
	var out struct{ Feedback []map[string]any }
	r.json(t, &out)
	if r.status != 200 {
		t.Fatalf("list feedback: %d %s", r.status, r.body)
	}
	return len(out.Feedback)
}

func TestFeedbackBadInput(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{FeedbackBurst: 100})
		id := b.create(t, `{"text": `+quote(sampleText)+`}`)
		b.waitReady(t, id)
		path := "/api/v1/articles/" + id + "/feedback"
		for _, tc := range []struct {
			name, path, body, ctype string
			want                    int
		}{
			{"empty", path, "", "application/json", 400},
			{"blank", path, "  \n", "application/json", 400},
			{"100 KB", path, `{"kind":"other","note":"` + strings.Repeat("x", 100<<10) + `"}`, "application/json", 413},
			{"not JSON", path, "kind=other", "application/json", 400},
			{"form encoded", path, "kind=other", "application/x-www-form-urlencoded", 415},
			{"two values", path, `{"kind":"other"}{"kind":"other"}`, "application/json", 400},
			{"unknown field", path, `{"kind":"other","email":"a@b"}`, "application/json", 400},
			{"unknown kind", path, `{"kind":"spam"}`, "application/json", 400},
			{"honeypot", path, `{"kind":"other","website":"http://spam"}`, "application/json", 400},
			{"long note", path, `{"kind":"other","note":"` + strings.Repeat("é", 1001) + `"}`, "application/json", 400},
			{"negative time", path, `{"kind":"other","at_ms":-5}`, "application/json", 400},
			{"unknown article", "/api/v1/articles/art_nope/feedback", `{"kind":"other"}`, "application/json", 404},
		} {
			r := b.do(t, "POST", tc.path, "", tc.body, "Content-Type", tc.ctype)
			if r.status != tc.want {
				t.Errorf("%s: got %d %s, want %d", tc.name, r.status, r.body, tc.want)
			}
			if r.header.Get("Access-Control-Allow-Origin") != "*" {
				t.Errorf("%s: no CORS header", tc.name)
			}
		}
		if n := b.feedbackCount(t, id); n != 0 {
			t.Fatalf("bad input stored %d reports", n)
		}
		good := `{"kind":"pronunciation","note":"<script>alert(1)</script> Nguyễn","at_ms":1200}`
		if r := b.do(t, "POST", path, "", good, "Content-Type", "text/plain;charset=UTF-8"); r.status != 202 {
			t.Fatalf("good report: %d %s", r.status, r.body)
		}
		if r := b.do(t, "POST", path, "", good); r.status != 409 {
			t.Fatalf("same report again: %d %s, want 409", r.status, r.body)
		}
		r := b.do(t, "GET", "/api/v1/feedback?article="+id, b.key, "")
		var out struct {
			Feedback []struct {
				Kind, Note, Sentence, CreatedAt string
				AtMs                            int64 `json:"at_ms"`
			}
		}
		r.json(t, &out)
		if len(out.Feedback) != 1 || out.Feedback[0].Note != "<script>alert(1)</script> Nguyễn" || out.Feedback[0].AtMs != 1200 {
			t.Fatalf("stored: %s", r.body)
		}
		// Another publication's key cannot read them; no key is 401.
		if r := b.do(t, "GET", "/api/v1/feedback?article="+id, b.other, ""); r.status != 404 {
			t.Errorf("other publication lists feedback: %d", r.status)
		}
		if r := b.do(t, "GET", "/api/v1/feedback?article="+id, "", ""); r.status != 401 {
			t.Errorf("no key: %d", r.status)
		}
		// Preflight from a publisher's origin.
		r = b.do(t, "OPTIONS", path, "", "", "Origin", "https://news.example", "Access-Control-Request-Method", "POST")
		if r.status != 204 || r.header.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(r.header.Get("Access-Control-Allow-Methods"), "POST") {
			t.Errorf("preflight: %d %v", r.status, r.header)
		}
		// Feedback off: refused.
		if r := b.do(t, "PUT", "/api/v1/publication", b.key, `{"feedback_enabled": false}`); r.status != 200 {
			t.Fatalf("turn feedback off: %d %s", r.status, r.body)
		}
		if r := b.do(t, "POST", path, "", `{"kind":"audio"}`); r.status != 403 {
			t.Errorf("feedback while off: %d %s", r.status, r.body)
		}
		if n := b.feedbackCount(t, id); n != 1 {
			t.Fatalf("stored %d reports, want 1", n)
		}
	})
}

func TestFeedbackFloodFromOneClient(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{})
		id := b.create(t, `{"text": `+quote(sampleText)+`}`)
		b.waitReady(t, id)
		accepted, limited := 0, 0
		start := time.Now()
		for i := 0; i < 500; i++ {
			r := b.do(t, "POST", "/api/v1/articles/"+id+"/feedback", "", `{"kind":"other","note":"n`+itoa(i)+`"}`)
			switch r.status {
			case 202:
				accepted++
			case 429:
				limited++
				if r.header.Get("Retry-After") == "" {
					t.Fatal("429 without Retry-After")
				}
			default:
				t.Fatalf("post %d: %d %s", i, r.status, r.body)
			}
		}
		// The burst of 5, plus one report per 6 s refilled while the loop
		// ran (a loaded machine under -race takes seconds over it).
		allowed := 6 + int(time.Since(start)/(6*time.Second))
		if accepted > allowed || accepted+limited != 500 {
			t.Fatalf("500 posts in a burst: %d accepted (want at most %d), %d limited", accepted, allowed, limited)
		}
		if n := b.feedbackCount(t, id); n != accepted {
			t.Fatalf("stored %d, accepted %d", n, accepted)
		}
	})
}

func TestPublicationSettingsAPI(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{PublicURL: "https://audio.example.com"})
		var p map[string]any
		r := b.do(t, "GET", "/api/v1/publication", b.key, "")
		r.json(t, &p)
		if r.status != 200 || p["slug"] != "daily" || p["feedback_enabled"] != true || p["disclosure_position"] != "start" ||
			p["about_url"] != "https://audio.example.com/about-audio/daily" {
			t.Fatalf("GET publication: %d %s", r.status, r.body)
		}
		for _, bad := range []string{`{"slug":"Has Space"}`, `{"slug":"-x"}`, `{"disclosure_position":"middle"}`,
			`{"accent_color":"red"}`, `{"more_info_url":"javascript:alert(1)"}`, `{"default_language":"english"}`,
			`{"default_voices":{"en":"rm -rf"}}`, `{"name":""}`, `{"colour":"#fff"}`, `not json`} {
			if r := b.do(t, "PUT", "/api/v1/publication", b.key, bad); r.status != 400 {
				t.Errorf("PUT %s: %d %s, want 400", bad, r.status, r.body)
			}
		}
		if r := b.do(t, "PUT", "/api/v1/publication", b.key, `{"slug":"weekly"}`); r.status != 409 {
			t.Errorf("taking weekly's slug: %d %s", r.status, r.body)
		}
		r = b.do(t, "PUT", "/api/v1/publication", b.key, `{"name":"Die Zeitung","slug":"zeitung","default_language":"de",
			"default_voices":{"de":"espeak:de"},"disclosure_position":"end","disclosure_text":"KI-Stimme.","accent_color":"#AA3300"}`)
		r.json(t, &p)
		if r.status != 200 || p["name"] != "Die Zeitung" || p["slug"] != "zeitung" || p["accent_color"] != "#aa3300" ||
			p["about_url"] != "https://audio.example.com/about-audio/zeitung" || p["feedback_enabled"] != true {
			t.Fatalf("PUT publication: %d %s", r.status, r.body)
		}
		// Audio URLs are absolute under the public URL.
		id := b.create(t, `{"text": `+quote(sampleText)+`}`)
		if a := b.waitReady(t, id); !strings.HasPrefix(a.Audio.MP3, "https://audio.example.com/audio/") {
			t.Fatalf("audio URL %q is not under the public URL", a.Audio.MP3)
		}
		// An article that names no language gets the publication's.
		var art map[string]any
		b.do(t, "GET", "/api/v1/articles/"+id, b.key, "").json(t, &art)
		if art["language"] != "de" {
			t.Fatalf("article without a language: %v, want the publication's de", art["language"])
		}
	})
}

func TestBeaconsAndStats(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		b := setup(t, st, api.Options{})
		id := b.create(t, `{"text": `+quote(sampleText)+`}`)
		b.waitReady(t, id)
		beacon := func(body string) int {
			return b.do(t, "POST", "/api/v1/articles/"+id+"/beacon", "", body, "Content-Type", "text/plain;charset=UTF-8").status
		}
		for _, body := range []string{`{"event":"play"}`, `{"event":"play"}`, `{"event":"progress","pct":25}`,
			`{"event":"progress","pct":100}`, `{"event":"speed","rate":1.5}`, `{"event":"leave","reach":0.42}`, `{"event":"leave","reach":1}`} {
			if s := beacon(body); s != http.StatusNoContent {
				t.Fatalf("beacon %s: %d", body, s)
			}
		}
		for _, body := range []string{``, `{"event":"buy"}`, `{"event":"progress","pct":33}`, `{"event":"leave","reach":7}`, `[]`} {
			if s := beacon(body); s != 400 {
				t.Errorf("beacon %q: %d, want 400", body, s)
			}
		}
		if s := b.do(t, "POST", "/api/v1/articles/art_nope/beacon", "", `{"event":"play"}`).status; s != 404 {
			t.Errorf("beacon for unknown article: %d", s)
		}
		var s struct {
			Plays               int64
			CompletionRate      float64   `json:"completion_rate"`
			MedianListenedShare float64   `json:"median_listened_share"`
			DropOff             []float64 `json:"drop_off"`
		}
		r := b.do(t, "GET", "/api/v1/articles/"+id+"/stats", b.key, "")
		r.json(t, &s)
		if r.status != 200 || s.Plays != 2 || s.CompletionRate != 0.5 || len(s.DropOff) != 10 || s.DropOff[4] != 0.5 || s.DropOff[9] != 0.5 {
			t.Fatalf("stats: %d %s", r.status, r.body)
		}
		if r := b.do(t, "GET", "/api/v1/articles/"+id+"/stats", b.other, ""); r.status != 404 {
			t.Errorf("other publication's stats: %d", r.status)
		}
	})
}

func itoa(n int) string { return strconv.Itoa(n) }
