package web

import (
	"context"
	"net/url"

	"aloud/internal/article"
	"aloud/internal/store"
)

// playerData is everything the player needs about one article: the JSON
// of /embed/{id}.json, also inlined into /a/{id} to save a request.
type playerData struct {
	ID          string         `json:"id"`
	Status      string         `json:"status"` // ready, preparing or failed
	Title       string         `json:"title"`
	Publication string         `json:"publication"`
	Lang        string         `json:"lang"`
	Page        string         `json:"page"`
	Audio       audioData      `json:"audio"`
	Timeline    string         `json:"timeline"`
	Duration    float64        `json:"duration"`
	Disclosure  disclosureData `json:"disclosure"`
	Feedback    string         `json:"feedback"` // POST URL, "" when feedback is off
	Beacon      string         `json:"beacon"`
	Accent      string         `json:"accent"`
	Artwork     string         `json:"artwork"`
	Strings     Strings        `json:"strings"`
}

type audioData struct {
	MP3  string `json:"mp3,omitempty"`
	Opus string `json:"opus,omitempty"`
}

type disclosureData struct {
	Position string `json:"position"` // start, end or off
	Text     string `json:"text"`
	MoreInfo string `json:"more_info"` // URL of "More info"
}

// loaded is an article with its publication and chosen language.
type loaded struct {
	view store.ArticleView
	pub  store.Publication
	art  article.Article // empty before the first ingest
	s    Strings
	lang string
}

func (h *Handler) load(ctx context.Context, id string) (loaded, error) {
	v, err := h.store.PublicArticleView(ctx, id)
	if err != nil {
		return loaded{}, err
	}
	p, err := h.pubs.get(ctx, h.store, v.PublicationID)
	if err != nil {
		return loaded{}, err
	}
	l := loaded{view: v, pub: p}
	if v.Content != nil {
		l.art = *v.Content
	}
	tag := l.art.Language
	if tag == "" {
		tag = v.Language
	}
	if tag == "" {
		tag = p.DefaultLanguage
	}
	l.s, l.lang = stringsFor(tag)
	return l, nil
}

func (h *Handler) abs(path string) string { return h.opts.PublicURL + path }

func (h *Handler) pageURL(id string) string { return h.abs("/a/" + url.PathEscape(id)) }

// aboutURL is where "More info" leads: the publication's override, or our
// page in the article's language.
func (h *Handler) aboutURL(l loaded) string {
	if l.pub.MoreInfoURL != "" {
		return l.pub.MoreInfoURL
	}
	return h.abs("/about-audio/" + url.PathEscape(l.pub.Slug) + "?lang=" + l.lang)
}

func (h *Handler) data(l loaded) playerData {
	id := url.PathEscape(l.view.ID)
	d := playerData{ID: l.view.ID, Status: "preparing", Title: l.art.Title, Publication: l.pub.Name, Lang: l.lang,
		Page: h.pageURL(l.view.ID), Beacon: h.abs("/api/v1/articles/" + id + "/beacon"), Accent: l.pub.AccentColor,
		Artwork: h.abs("/artwork.svg"), Strings: l.s,
		Disclosure: disclosureData{Position: l.pub.Disclosure, Text: l.s.Disclosure, MoreInfo: h.aboutURL(l)}}
	if l.pub.DisclosureText != "" {
		d.Disclosure.Text = l.pub.DisclosureText
	}
	if l.pub.FeedbackOn {
		d.Feedback = h.abs("/api/v1/articles/" + id + "/feedback")
	}
	if r := l.view.Rendition; r != nil {
		d.Status = "ready"
		d.Audio = audioData{MP3: h.blobURL(r.Files["mp3"]), Opus: h.blobURL(r.Files["opus"])}
		d.Timeline = h.blobURL(r.TimelineKey)
		d.Duration = r.Duration.Seconds()
	} else if l.view.Status == store.StatusFailed {
		d.Status = "failed"
	}
	return d
}

func (h *Handler) blobURL(key string) string {
	if key == "" {
		return ""
	}
	return h.abs("/audio/" + key)
}
