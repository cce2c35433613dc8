package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

type aboutPage struct {
	S       Strings
	Lang    string
	CSS     template.CSS
	Name    string
	Intro   string
	Voices  []string // "en: flite:rms"
	Contact string
}

// about is /about-audio/{publication}: how the audio was made, in the
// language the article's "More info" link asked for.
func (h *Handler) about(w http.ResponseWriter, r *http.Request) {
	p, err := h.store.PublicationBySlug(r.Context(), r.PathValue("publication"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	tag := r.URL.Query().Get("lang")
	if tag == "" {
		tag = p.DefaultLanguage
	}
	s, lang := stringsFor(tag)
	page := aboutPage{S: s, Lang: lang, CSS: template.CSS(h.css), Name: p.Name, Intro: fmt.Sprintf(s.AboutEngine, p.Name)}
	for l, v := range p.DefaultVoices {
		page.Voices = append(page.Voices, l+": "+v)
	}
	sort.Strings(page.Voices)
	h.securityHeaders(w, false)
	h.render(w, r, http.StatusOK, "about.html", page)
}

// index is the start page: what this is, the newest article and the API.
func (h *Handler) index(w http.ResponseWriter, r *http.Request) {
	id, err := h.store.LatestReadyArticleID(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.securityHeaders(w, false)
	h.render(w, r, http.StatusOK, "index.html", struct {
		CSS      template.CSS
		Article  string
		OpenAPI  string
		PlayerJS string
	}{template.CSS(h.css), h.pageURLOr(id), h.abs("/api/v1/openapi.json"), h.abs("/player.js")})
}

func (h *Handler) pageURLOr(id string) string {
	if id == "" {
		return ""
	}
	return h.pageURL(id)
}

// playerJS serves the player script, gzipped when the client takes it.
// Its URL is fixed (publishers embed it), so caches revalidate hourly.
func (h *Handler) playerJS(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Type", "text/javascript; charset=utf-8")
	hd.Set("Cache-Control", "public, max-age=3600")
	hd.Set("ETag", h.js.etag)
	hd.Set("Vary", "Accept-Encoding")
	hd.Set("Access-Control-Allow-Origin", "*")
	hd.Set("X-Content-Type-Options", "nosniff")
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, h.js.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := h.js.plain
	if acceptsGzip(r.Header.Get("Accept-Encoding")) {
		hd.Set("Content-Encoding", "gzip")
		body = h.js.gz
	}
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

var gzipRE = regexp.MustCompile(`(^|[\s,])gzip\s*(,|;\s*q=(1|0?\.\d*[1-9]))`)

func acceptsGzip(ae string) bool { return gzipRE.MatchString(ae + ",") }

// artwork is the Media Session artwork: a speaker on the accent colour.
func (h *Handler) artwork(w http.ResponseWriter, r *http.Request) {
	b, _ := files.ReadFile("static/artwork.svg")
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Write(b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func atoiOr(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return def
	}
	return n
}
