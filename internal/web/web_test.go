package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"aloud/internal/article"
	"aloud/internal/store"
	"aloud/internal/web"
)

const evil = `<img src=x onerror=alert(1)>`

// pageStore is a Store with one publication and its articles in memory:
// these tests are about the templates; the browser suite runs the real
// store.
type pageStore struct {
	pub      store.Publication
	articles map[string]store.ArticleView
}

func (s *pageStore) PublicArticleView(_ context.Context, id string) (store.ArticleView, error) {
	if v, ok := s.articles[id]; ok {
		return v, nil
	}
	return store.ArticleView{}, article.ErrNotFound
}

func (s *pageStore) Publication(context.Context, string) (store.Publication, error) {
	return s.pub, nil
}

func (s *pageStore) PublicationBySlug(_ context.Context, slug string) (store.Publication, error) {
	if slug == s.pub.Slug {
		return s.pub, nil
	}
	return store.Publication{}, article.ErrNotFound
}

func (s *pageStore) LatestReadyArticleID(context.Context) (string, error) { return "art_ready", nil }

func newPages(t *testing.T) (*httptest.Server, *pageStore) {
	t.Helper()
	content := &article.Article{Title: evil + " “Title” 🙂", Kicker: evil, Byline: evil, Source: evil, URL: "javascript:alert(1)",
		Language: "en", Blocks: []article.Block{{Type: article.Paragraph, Text: evil},
			{Type: article.Heading, Text: "Sub " + evil}, {Type: article.ListItem, Text: "one"}, {Type: article.ListItem, Text: "two"}}}
	de := *content
	de.Language, de.Title = "de", "Nachrichten"
	st := &pageStore{
		pub: store.Publication{ID: "pub_1", Name: "Daily " + evil, Slug: "daily", DefaultLanguage: "en", Disclosure: "start",
			FeedbackOn: true, AccentColor: "#aa3300", DefaultVoices: map[string]string{"en": "flite:rms"}},
		articles: map[string]store.ArticleView{
			"art_ready": {Article: store.Article{ID: "art_ready", PublicationID: "pub_1", Status: store.StatusReady}, Content: content,
				Rendition: &store.Rendition{Files: map[string]string{"mp3": "abc.mp3"}, TimelineKey: "abc.json", Duration: 83 * time.Second}},
			"art_wait": {Article: store.Article{ID: "art_wait", PublicationID: "pub_1", Status: store.StatusRendering}, Content: content},
			"art_de": {Article: store.Article{ID: "art_de", PublicationID: "pub_1", Status: store.StatusReady}, Content: &de,
				Rendition: &store.Rendition{Files: map[string]string{"mp3": "d.mp3"}, TimelineKey: "d.json", Duration: time.Second}},
		}}
	h, err := web.New(st, web.Options{PublicURL: "https://audio.example.com/"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, st
}

func get(t *testing.T, url string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestArticlePageEscapesEverything(t *testing.T) {
	srv, _ := newPages(t)
	resp, body := get(t, srv.URL+"/a/art_ready")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if strings.Contains(body, "<img") || strings.Contains(body, "javascript:") {
		t.Fatalf("article-derived markup reached the page:\n%s", body)
	}
	for _, want := range []string{
		`&lt;img src=x onerror=alert(1)&gt;`, `Listen to article`, // the player's name is in its strings
		`This audio version was artificially generated. <a href="https://audio.example.com/about-audio/daily?lang=en">More info</a>`,
		`data-aloud-feedback>Send feedback</button>`, `<aloud-player article="art_ready" no-disclosure><audio controls preload="auto" src="https://audio.example.com/audio/abc.mp3"></audio></aloud-player>`,
		`<h1 data-aloud-title>`, `<p data-aloud-block="0">`, `<h2 data-aloud-block="1">`, `<ul><li data-aloud-block="2">one</li>`,
		`<li data-aloud-block="3">two</li></ul>`, `type="application/json+oembed"`, `trainedAlgorithmicMedia`,
		`"@type":"AudioObject"`, `"contentUrl":"https://audio.example.com/audio/abc.mp3"`, `"duration":"PT1M23S"`,
		`style="--aloud-accent: #aa3300"`, `src="https://audio.example.com/player.js"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' https://audio.example.com;") {
		t.Errorf("CSP %q", csp)
	}
}

func TestArticleNotReadyAndUnknown(t *testing.T) {
	srv, _ := newPages(t)
	_, body := get(t, srv.URL+"/a/art_wait")
	if !strings.Contains(body, "Audio is being prepared") || strings.Contains(body, "<aloud-player") || !strings.Contains(body, `data-aloud-block="0"`) {
		t.Errorf("not-ready page:\n%s", body)
	}
	for _, path := range []string{"/a/art_nope", "/a/" + evil, "/nothing/here", "/embed/art_nope"} {
		resp, body := get(t, srv.URL+path)
		if resp.StatusCode != 404 || !strings.Contains(body, "There is no article at this address.") || strings.Contains(body, "<img") {
			t.Errorf("%s: %d %s", path, resp.StatusCode, body)
		}
	}
	resp, body := get(t, srv.URL+"/embed/art_nope.json")
	if resp.StatusCode != 404 || !strings.Contains(body, `"not_found"`) {
		t.Errorf("unknown embed JSON: %d %s", resp.StatusCode, body)
	}
}

func TestEmbedJSONAndOEmbed(t *testing.T) {
	srv, _ := newPages(t)
	resp, body := get(t, srv.URL+"/embed/art_ready.json")
	var d struct {
		Status, Timeline, Feedback, Beacon, Page string
		Audio                                    struct{ MP3 string }
		Disclosure                               struct {
			Position, Text string
			MoreInfo       string `json:"more_info"`
		}
		Strings map[string]string
	}
	if err := json.Unmarshal([]byte(body), &d); err != nil || resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Fatalf("embed JSON: %v %v %s", err, resp.Header, body)
	}
	if d.Status != "ready" || d.Audio.MP3 != "https://audio.example.com/audio/abc.mp3" || d.Timeline != "https://audio.example.com/audio/abc.json" ||
		d.Feedback != "https://audio.example.com/api/v1/articles/art_ready/feedback" || d.Page != "https://audio.example.com/a/art_ready" ||
		d.Disclosure.Position != "start" || d.Strings["listen"] != "Listen to article" {
		t.Errorf("embed JSON: %+v", d)
	}
	_, body = get(t, srv.URL+"/embed/art_ready")
	if !strings.Contains(body, `<aloud-player article="art_ready"></aloud-player>`) || strings.Contains(body, "<img") {
		t.Errorf("iframe embed:\n%s", body)
	}
	resp, body = get(t, srv.URL+"/oembed?format=json&url=https://audio.example.com/a/art_ready")
	var o map[string]any
	if err := json.Unmarshal([]byte(body), &o); err != nil || o["version"] != "1.0" || o["type"] != "rich" ||
		!strings.Contains(o["html"].(string), `src="https://audio.example.com/embed/art_ready"`) || strings.Contains(o["html"].(string), "<img") {
		t.Errorf("oEmbed: %d %s", resp.StatusCode, body)
	}
	for url, want := range map[string]int{"/oembed?url=https://elsewhere.example/a/art_ready": 404,
		"/oembed?url=https://audio.example.com/a/art_nope": 404, "/oembed?format=xml&url=https://audio.example.com/a/art_ready": 501} {
		if resp, _ := get(t, srv.URL+url); resp.StatusCode != want {
			t.Errorf("%s: %d, want %d", url, resp.StatusCode, want)
		}
	}
}

func TestAboutPageLanguages(t *testing.T) {
	srv, _ := newPages(t)
	_, en := get(t, srv.URL+"/about-audio/daily?lang=en")
	_, de := get(t, srv.URL+"/about-audio/daily?lang=de")
	if !strings.Contains(en, "How this audio was made") || !strings.Contains(en, "a pronunciation lexicon") ||
		!strings.Contains(en, "en: flite:rms") || strings.Contains(en, "<img") {
		t.Errorf("English about page:\n%s", en)
	}
	if !strings.Contains(de, `<html lang="de">`) || !strings.Contains(de, "Wie dieses Audio entsteht") || !strings.Contains(de, "Aussprachelexikon") {
		t.Errorf("German about page:\n%s", de)
	}
	// A German article links to the German page and speaks German.
	_, page := get(t, srv.URL+"/a/art_de")
	if !strings.Contains(page, "Diese Audioversion wurde künstlich erzeugt.") || !strings.Contains(page, "about-audio/daily?lang=de") ||
		!strings.Contains(page, "Feedback senden") {
		t.Errorf("German article page lacks German disclosure")
	}
	if resp, _ := get(t, srv.URL+"/about-audio/nope"); resp.StatusCode != 404 {
		t.Errorf("unknown publication: %d", resp.StatusCode)
	}
}

func TestPlayerScript(t *testing.T) {
	srv, _ := newPages(t)
	plain, gz, err := web.PlayerScript()
	if err != nil {
		t.Fatal(err)
	}
	if gz > 25<<10 {
		t.Errorf("player.js is %d bytes gzipped; the limit is 25 KB", gz)
	}
	for _, banned := range []string{"document.cookie", "http://", "https://", "import("} {
		if bytes.Contains(plain, []byte(banned)) {
			t.Errorf("player.js contains %q (no cookies, no third-party requests)", banned)
		}
	}
	resp, body := get(t, srv.URL+"/player.js", "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" || len(body) != gz || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("gzip response: %v, %d bytes", resp.Header, len(body))
	}
	zr, err := gzip.NewReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if un, _ := io.ReadAll(zr); !bytes.Equal(un, plain) {
		t.Error("gzipped script differs from the plain one")
	}
	if resp, body := get(t, srv.URL+"/player.js"); resp.Header.Get("Content-Encoding") != "" || body != string(plain) {
		t.Error("client without gzip got a compressed script")
	}
	if resp, _ := get(t, srv.URL+"/player.js", "If-None-Match", resp.Header.Get("ETag")); resp.StatusCode != 304 {
		t.Errorf("revalidation: %d", resp.StatusCode)
	}
}

func TestIndexLinksTheLatestArticle(t *testing.T) {
	srv, _ := newPages(t)
	resp, body := get(t, srv.URL+"/")
	if resp.StatusCode != 200 || !strings.Contains(body, `href="https://audio.example.com/a/art_ready"`) ||
		!strings.Contains(body, `href="https://audio.example.com/api/v1/openapi.json"`) {
		t.Errorf("index: %d\n%s", resp.StatusCode, body)
	}
}

func TestCachedPageFollowsChanges(t *testing.T) {
	srv, st := newPages(t)
	for range 2 {
		if _, body := get(t, srv.URL+"/a/art_wait"); !strings.Contains(body, "Audio is being prepared") {
			t.Fatal("not-ready page lacks its notice")
		}
	}
	v := st.articles["art_wait"]
	v.Status, v.LiveRenditionID, v.UpdatedAt = store.StatusReady, "ren_1", time.Now()
	v.Rendition = &store.Rendition{Files: map[string]string{"mp3": "new.mp3"}, TimelineKey: "new.json", Duration: time.Second}
	st.articles["art_wait"] = v
	if _, body := get(t, srv.URL+"/a/art_wait"); !strings.Contains(body, "audio/new.mp3") || strings.Contains(body, `class="preparing"`) {
		t.Fatalf("page after the audio arrived:\n%s", body)
	}
}

func TestPublicationSettingsShape(t *testing.T) {
	for _, tc := range []struct {
		position string
		feedback bool
		check    func(body string) bool
	}{
		{"end", true, func(b string) bool {
			return strings.Index(b, `class="disclosure"`) > strings.Index(b, `data-aloud-block="3"`)
		}},
		{"off", true, func(b string) bool { return !strings.Contains(b, `class="disclosure"`) }},
		{"start", false, func(b string) bool {
			return strings.Contains(b, `class="disclosure"`) && !strings.Contains(b, "data-aloud-feedback") && strings.Contains(b, `"feedback":""`)
		}},
	} {
		srv, st := newPages(t)
		st.pub.Disclosure, st.pub.FeedbackOn, st.pub.DisclosureText, st.pub.MoreInfoURL = tc.position, tc.feedback, "Read by a machine.", "https://example.com/ai"
		_, body := get(t, srv.URL+"/a/art_ready")
		if !tc.check(body) || (tc.position != "off" && !strings.Contains(body, `Read by a machine. <a href="https://example.com/ai">More info</a>`)) {
			t.Errorf("disclosure %s, feedback %v:\n%s", tc.position, tc.feedback, body)
		}
	}
}
