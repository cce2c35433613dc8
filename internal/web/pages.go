package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"aloud/internal/article"
)

// articlePage is the model of /a/{id}.
type articlePage struct {
	S          Strings
	Lang       string
	CSS        template.CSS
	ID         string
	Kicker     string
	Title      string
	Byline     string
	Source     string
	SourceURL  string
	Status     string
	Blocks     []blockView
	Disclosure disclosureData
	Feedback   bool
	Accent     string
	Data       playerData
	JSONLD     map[string]any
	OEmbed     string
	Canonical  string
	PlayerJS   string
}

// blockView is one block as the page shows it; list items are grouped
// into lists. Index is the block's index in the timeline.
type blockView struct {
	Tag       string // h2, p, blockquote or li
	Index     int
	Text      string
	OpenList  bool
	CloseList bool
}

func blockViews(blocks []article.Block) []blockView {
	out := make([]blockView, len(blocks))
	for i, b := range blocks {
		v := blockView{Tag: "p", Index: i, Text: b.Text}
		switch b.Type {
		case article.Heading:
			v.Tag = "h2"
		case article.Quote:
			v.Tag = "blockquote"
		case article.ListItem:
			v.Tag = "li"
			v.OpenList = i == 0 || blocks[i-1].Type != article.ListItem
			v.CloseList = i == len(blocks)-1 || blocks[i+1].Type != article.ListItem
		}
		out[i] = v
	}
	return out
}

var accentRE = regexp.MustCompile(`^#[0-9a-f]{6}$`)

func (h *Handler) articlePage(w http.ResponseWriter, r *http.Request) {
	l, err := h.load(r.Context(), r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.securityHeaders(w, false)
	w.Header().Set("Cache-Control", "no-cache")
	st := stamp(l)
	if body, ok := h.pages.get(l.view.ID, st); ok {
		writeHTML(w, http.StatusOK, body)
		return
	}
	d := h.data(l)
	p := articlePage{S: l.s, Lang: l.lang, CSS: template.CSS(h.css), ID: l.view.ID, Kicker: l.art.Kicker,
		Title: l.art.Title, Byline: l.art.Byline, Source: l.art.Source, Status: d.Status,
		Blocks: blockViews(l.art.Blocks), Disclosure: d.Disclosure, Feedback: d.Feedback != "", Data: d,
		Canonical: d.Page, PlayerJS: h.abs("/player.js"),
		OEmbed: h.abs("/oembed?format=json&url=" + url.QueryEscape(d.Page))}
	if accentRE.MatchString(l.pub.AccentColor) {
		p.Accent = l.pub.AccentColor
	}
	if u, err := url.Parse(l.art.URL); err == nil && (u.Scheme == "https" || u.Scheme == "http") {
		p.SourceURL = u.String()
	}
	p.JSONLD = jsonLD(l, d, p.SourceURL)
	if p.Title == "" {
		p.Title = l.s.Preparing
	}
	if body := h.render(w, r, http.StatusOK, "article.html", p); body != nil {
		h.pages.put(l.view.ID, st, body)
	}
}

// jsonLD describes the audio as schema.org AudioObject, marked as made by
// a trained algorithm (IPTC digital source type).
func jsonLD(l loaded, d playerData, sourceURL string) map[string]any {
	ld := map[string]any{
		"@context": "https://schema.org", "@type": "AudioObject",
		"name": l.art.Title, "inLanguage": l.lang, "url": d.Page,
		"description":       d.Disclosure.Text,
		"digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
		"publisher":         map[string]any{"@type": "Organization", "name": l.pub.Name},
	}
	if d.Audio.MP3 != "" {
		ld["contentUrl"], ld["encodingFormat"] = d.Audio.MP3, "audio/mpeg"
		ld["duration"] = isoDuration(d.Duration)
	}
	if sourceURL != "" {
		ld["isBasedOn"] = map[string]any{"@type": "NewsArticle", "headline": l.art.Title, "url": sourceURL}
	}
	return ld
}

func isoDuration(sec float64) string {
	d := time.Duration(sec * float64(time.Second)).Round(time.Second)
	return fmt.Sprintf("PT%dM%dS", int(d.Minutes()), int(d.Seconds())%60)
}

// embed is /embed/{id} (the player alone, for an iframe) and
// /embed/{id}.json (the player's data, for <aloud-player> on any origin).
func (h *Handler) embed(w http.ResponseWriter, r *http.Request) {
	id, isJSON := strings.CutSuffix(r.PathValue("id"), ".json")
	if isJSON {
		w.Header().Set("Access-Control-Allow-Origin", "*")
	}
	l, err := h.load(r.Context(), id)
	if err != nil {
		if isJSON {
			writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]string{"code": "not_found", "message": "no such article"}})
			return
		}
		h.fail(w, r, err)
		return
	}
	d := h.data(l)
	w.Header().Set("Cache-Control", "public, max-age=30")
	if isJSON {
		writeJSON(w, http.StatusOK, d)
		return
	}
	h.securityHeaders(w, true)
	h.render(w, r, http.StatusOK, "embed.html", struct {
		S        Strings
		Lang     string
		Title    string
		Data     playerData
		PlayerJS string
	}{l.s, l.lang, l.art.Title, d, h.abs("/player.js")})
}

// oembed answers oEmbed 1.0 for article-page URLs with a rich iframe.
func (h *Handler) oembed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		http.Error(w, "only format=json is supported", http.StatusNotImplemented)
		return
	}
	id, ok := strings.CutPrefix(q.Get("url"), h.abs("/a/"))
	if !ok || id == "" || strings.ContainsAny(id, "/?#") {
		http.Error(w, "url must be an article page of this server ("+h.abs("/a/ID")+")", http.StatusNotFound)
		return
	}
	l, err := h.load(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	width, height := 640, 150
	if mw := atoiOr(q.Get("maxwidth"), width); mw > 0 && mw < width {
		width = max(mw, 280)
	}
	src := h.abs("/embed/" + url.PathEscape(l.view.ID))
	html := fmt.Sprintf(`<iframe src="%s" title="%s" width="%d" height="%d" style="border:0;max-width:100%%" loading="lazy" allow="autoplay"></iframe>`,
		template.HTMLEscapeString(src), template.HTMLEscapeString(l.s.Player+": "+l.art.Title), width, height)
	w.Header().Set("Access-Control-Allow-Origin", "*")
	writeJSON(w, http.StatusOK, map[string]any{"version": "1.0", "type": "rich", "title": l.art.Title,
		"provider_name": "aloud", "provider_url": h.abs("/"), "author_name": l.pub.Name,
		"html": html, "width": width, "height": height, "cache_age": 3600})
}
