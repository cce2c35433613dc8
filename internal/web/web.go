// Package web is the listener's side of aloud: the article page /a/{id}
// with read-along, the embeddable player (/player.js defines
// <aloud-player>), the iframe embed and its oEmbed, the "how this audio was
// made" page and the start page. Templates and static files are embedded
// in the binary; every article-derived string goes through html/template.
package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"aloud/internal/article"
	"aloud/internal/store"
)

//go:embed templates/*.html static/*
var files embed.FS

// Store is what the pages read.
type Store interface {
	PublicArticleView(ctx context.Context, id string) (store.ArticleView, error)
	Publication(ctx context.Context, id string) (store.Publication, error)
	PublicationBySlug(ctx context.Context, slug string) (store.Publication, error)
	LatestReadyArticleID(ctx context.Context) (string, error)
}

// Options configure the pages.
type Options struct {
	PublicURL string // base of every absolute URL, no trailing slash
	Log       *slog.Logger
}

// Handler serves the pages.
type Handler struct {
	store Store
	opts  Options
	tmpl  *template.Template
	mux   *http.ServeMux
	js    asset // player.js, with its gzipped form
	css   string
	pubs  *pubCache
	pages *pageCache
}

type asset struct {
	plain, gz []byte
	etag      string
}

// New parses the templates and loads the static files.
func New(st Store, opts Options) (*Handler, error) {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	opts.PublicURL = strings.TrimRight(opts.PublicURL, "/")
	tmpl, err := template.New("").Funcs(template.FuncMap{"lower": strings.ToLower}).ParseFS(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	js, err := files.ReadFile("static/player.js")
	if err != nil {
		return nil, err
	}
	css, err := files.ReadFile("static/page.css")
	if err != nil {
		return nil, err
	}
	h := &Handler{store: st, opts: opts, tmpl: tmpl, mux: http.NewServeMux(), js: newAsset(js), css: string(css),
		pubs: newPubCache(2 * time.Second), pages: newPageCache()}
	h.routes()
	return h, nil
}

func newAsset(b []byte) asset {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	sum := sha256.Sum256(b)
	return asset{plain: b, gz: buf.Bytes(), etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
}

// PlayerScript is player.js as served, and its gzipped size (make bench
// reports it).
func PlayerScript() (plain []byte, gzipped int, err error) {
	b, err := files.ReadFile("static/player.js")
	if err != nil {
		return nil, 0, err
	}
	return b, len(newAsset(b).gz), nil
}

func (h *Handler) routes() {
	h.mux.HandleFunc("GET /{$}", h.index)
	h.mux.HandleFunc("GET /a/{id}", h.articlePage)
	h.mux.HandleFunc("GET /embed/{id}", h.embed)
	h.mux.HandleFunc("GET /oembed", h.oembed)
	h.mux.HandleFunc("GET /about-audio/{publication}", h.about)
	h.mux.HandleFunc("GET /player.js", h.playerJS)
	h.mux.HandleFunc("GET /artwork.svg", h.artwork)
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { h.notFound(w, r, english, "en") })
}

// ServeHTTP serves the pages.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// securityHeaders go on every HTML page: nothing but our own origin may
// run or load there, and audio comes from the public URL.
func (h *Handler) securityHeaders(w http.ResponseWriter, frame bool) {
	hd := w.Header()
	self := "'self'"
	if h.opts.PublicURL != "" {
		self += " " + h.opts.PublicURL
	}
	csp := "default-src 'none'; script-src " + self + "; style-src 'self' 'unsafe-inline'; img-src " + self +
		" data:; media-src " + self + "; connect-src " + self + "; form-action 'none'; base-uri 'none'"
	if !frame {
		csp += "; frame-ancestors 'self'"
		hd.Set("X-Frame-Options", "SAMEORIGIN")
	}
	hd.Set("Content-Security-Policy", csp)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "strict-origin-when-cross-origin")
}

func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) []byte {
	var buf bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		h.opts.Log.Error("render page", slog.String("page", name), slog.String("path", r.URL.Path), slog.String("error", err.Error()))
		http.Error(w, "internal error", http.StatusInternalServerError)
		return nil
	}
	writeHTML(w, status, buf.Bytes())
	return buf.Bytes()
}

func writeHTML(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

type notFoundPage struct {
	S    Strings
	Lang string
	CSS  template.CSS
}

func (h *Handler) notFound(w http.ResponseWriter, r *http.Request, s Strings, lang string) {
	h.securityHeaders(w, false)
	h.render(w, r, http.StatusNotFound, "notfound.html", notFoundPage{S: s, Lang: lang, CSS: template.CSS(h.css)})
}

// fail answers a lookup error: 404 page for a missing article, 503 when
// the database is away, 500 otherwise.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return // the client left; nobody to answer
	case errors.Is(err, article.ErrNotFound):
		h.notFound(w, r, english, "en")
	case store.IsUnavailable(err):
		w.Header().Set("Retry-After", "5")
		http.Error(w, "the database is unavailable; retry shortly", http.StatusServiceUnavailable)
	default:
		h.opts.Log.Error("page failed", slog.String("path", r.URL.Path), slog.String("error", err.Error()))
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
}
