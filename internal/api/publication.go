package api

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"aloud/internal/store"
)

// publicationJSON is the publication's settings as GET and PUT
// /api/v1/publication show and take them.
type publicationJSON struct {
	ID                 string            `json:"id"`
	Name               string            `json:"name"`
	Slug               string            `json:"slug"`
	DefaultLanguage    string            `json:"default_language"`
	DefaultVoices      map[string]string `json:"default_voices"`
	DisclosurePosition string            `json:"disclosure_position"`
	DisclosureText     string            `json:"disclosure_text"`
	MoreInfoURL        string            `json:"more_info_url"`
	FeedbackEnabled    bool              `json:"feedback_enabled"`
	AccentColor        string            `json:"accent_color"`
	AboutURL           string            `json:"about_url"` // where "More info" leads
}

func (s *Server) publicationView(p store.Publication) publicationJSON {
	about := p.MoreInfoURL
	if about == "" {
		about = s.opts.PublicURL + "/about-audio/" + url.PathEscape(p.Slug)
	}
	voices := p.DefaultVoices
	if voices == nil {
		voices = map[string]string{}
	}
	return publicationJSON{ID: p.ID, Name: p.Name, Slug: p.Slug, DefaultLanguage: p.DefaultLanguage,
		DefaultVoices: voices, DisclosurePosition: p.Disclosure, DisclosureText: p.DisclosureText,
		MoreInfoURL: p.MoreInfoURL, FeedbackEnabled: p.FeedbackOn, AccentColor: p.AccentColor, AboutURL: about}
}

func (s *Server) getPublication(w http.ResponseWriter, r *http.Request) error {
	p, err := s.store.Publication(r.Context(), keyFrom(r).PublicationID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, s.publicationView(p))
	return nil
}

// publicationPatch is a PUT body: absent fields keep their value.
type publicationPatch struct {
	Name               *string            `json:"name"`
	Slug               *string            `json:"slug"`
	DefaultLanguage    *string            `json:"default_language"`
	DefaultVoices      *map[string]string `json:"default_voices"`
	DisclosurePosition *string            `json:"disclosure_position"`
	DisclosureText     *string            `json:"disclosure_text"`
	MoreInfoURL        *string            `json:"more_info_url"`
	FeedbackEnabled    *bool              `json:"feedback_enabled"`
	AccentColor        *string            `json:"accent_color"`
}

var (
	slugRE  = regexp.MustCompile(`^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$`)
	langRE  = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	colorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	voiceRE = regexp.MustCompile(`^[a-z]+:[A-Za-z0-9_+.-]+$`)
)

func (s *Server) putPublication(w http.ResponseWriter, r *http.Request) error {
	var patch publicationPatch
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&patch); err != nil {
		if toError(err).Status == http.StatusRequestEntityTooLarge {
			return err
		}
		return invalid("body is not a publication settings object: %v", err)
	}
	var p store.Publication
	err := s.store.WithTx(r.Context(), func(tx *store.Tx) error {
		var err error
		if p, err = tx.Publication(r.Context(), keyFrom(r).PublicationID); err != nil {
			return err
		}
		if err := patch.apply(&p); err != nil {
			return err
		}
		return tx.UpdatePublication(r.Context(), p)
	})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, s.publicationView(p))
	return nil
}

// apply checks every given field and copies it into p.
func (c publicationPatch) apply(p *store.Publication) error {
	if c.Name != nil {
		n := strings.TrimSpace(*c.Name)
		if n == "" || utf8.RuneCountInString(n) > 200 {
			return invalid("name must be 1 to 200 characters")
		}
		p.Name = n
	}
	if c.Slug != nil {
		if !slugRE.MatchString(*c.Slug) || len(*c.Slug) > 100 {
			return invalid("slug must be lower-case letters and digits in words joined by single hyphens, got %q", *c.Slug)
		}
		p.Slug = *c.Slug
	}
	if c.DefaultLanguage != nil {
		if !langRE.MatchString(*c.DefaultLanguage) {
			return invalid("default_language must be a BCP 47 tag such as en or de-AT, got %q", *c.DefaultLanguage)
		}
		p.DefaultLanguage = *c.DefaultLanguage
	}
	if c.DefaultVoices != nil {
		for lang, v := range *c.DefaultVoices {
			if !langRE.MatchString(lang) || !voiceRE.MatchString(v) {
				return invalid("default_voices maps a language (en) to engine:voice (flite:rms), got %q: %q", lang, v)
			}
		}
		p.DefaultVoices = *c.DefaultVoices
	}
	if c.DisclosurePosition != nil {
		switch *c.DisclosurePosition {
		case "start", "end", "off":
		default:
			return invalid("disclosure_position must be start, end or off, got %q", *c.DisclosurePosition)
		}
		p.Disclosure = *c.DisclosurePosition
	}
	if c.DisclosureText != nil {
		if utf8.RuneCountInString(*c.DisclosureText) > 500 {
			return invalid("disclosure_text is over 500 characters")
		}
		p.DisclosureText = strings.TrimSpace(*c.DisclosureText)
	}
	if c.MoreInfoURL != nil {
		if u, err := url.Parse(*c.MoreInfoURL); *c.MoreInfoURL != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "") {
			return invalid("more_info_url must be an http(s) URL or empty, got %q", *c.MoreInfoURL)
		}
		p.MoreInfoURL = *c.MoreInfoURL
	}
	if c.FeedbackEnabled != nil {
		p.FeedbackOn = *c.FeedbackEnabled
	}
	if c.AccentColor != nil {
		if *c.AccentColor != "" && !colorRE.MatchString(*c.AccentColor) {
			return invalid("accent_color must be #rrggbb or empty, got %q", *c.AccentColor)
		}
		p.AccentColor = strings.ToLower(*c.AccentColor)
	}
	return nil
}
