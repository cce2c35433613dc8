package tts

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Registry resolves voice IDs to engines and picks a language's default
// voice. It is read-only after NewRegistry and safe for concurrent use.
type Registry struct {
	engines map[string]Engine
	voices  []Voice // every voice of every engine, in engine order
	errs    error   // engines whose voices could not be listed
}

// NewRegistry indexes the voices of engines. Engines answer Voices from
// memory (ours list them in New), so this does no I/O worth cancelling;
// that is why it takes no context.
func NewRegistry(engines ...Engine) *Registry {
	r := &Registry{engines: make(map[string]Engine, len(engines))}
	var errs []error
	for _, e := range engines {
		r.engines[e.Name()] = e
		vs, err := e.Voices(context.Background())
		if err != nil {
			errs = append(errs, fmt.Errorf("list %s voices: %w", e.Name(), err))
			continue
		}
		r.voices = append(r.voices, vs...)
	}
	r.errs = errors.Join(errs...)
	return r
}

// Voices lists every installed voice.
func (r *Registry) Voices() []Voice { return slices.Clone(r.voices) }

// Engines lists the registered engines in no particular order.
func (r *Registry) Engines() []Engine {
	out := make([]Engine, 0, len(r.engines))
	for _, e := range r.engines {
		out = append(out, e)
	}
	return out
}

// Lookup resolves "engine:name" to its engine and the engine's voice name.
// An unknown voice is ErrUnknownVoice with the valid IDs in the message.
func (r *Registry) Lookup(id string) (Engine, string, error) {
	engine, name, err := ParseVoice(id)
	if err != nil {
		return nil, "", fmt.Errorf("%w; valid voices: %s", err, r.validList())
	}
	// Voice and engine names are lower case; "espeak:DE" means espeak:de.
	engine, name = strings.ToLower(engine), strings.ToLower(name)
	e, ok := r.engines[engine]
	if ok && r.has(engine, name) {
		return e, name, nil
	}
	return nil, "", fmt.Errorf("voice %q: %w; valid voices: %s", id, ErrUnknownVoice, r.validList())
}

// DefaultVoice is the voice for a BCP 47 language tag: flite:rms for
// English (flite scores far better than espeak-ng on intelligibility),
// otherwise the espeak-ng voice for the tag or its primary language
// ("de-AT" → "espeak:de", "fr" → "espeak:fr-fr"), otherwise the first
// voice of any engine that speaks it. It returns "" when no installed
// voice speaks lang.
func (r *Registry) DefaultVoice(lang string) string {
	tag := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	primary, _, _ := strings.Cut(tag, "-")
	if primary == "en" && r.has("flite", "rms") {
		return "flite:rms"
	}
	if tag == "en" {
		tag = "en-us" // espeak-ng's own choice for "en" is British
	}
	if id := r.espeakVoice(tag, primary); id != "" {
		return id
	}
	// Any other engine's voice for the language (festival, Piper, a
	// neural server), in engine order.
	for _, l := range []string{tag, primary} {
		for _, v := range r.voices {
			if l != "" && slices.Contains(v.Languages, l) {
				return v.ID()
			}
		}
	}
	return ""
}

// espeakVoice is espeak-ng's voice for tag or its primary language.
func (r *Registry) espeakVoice(tag, primary string) string {
	e, ok := r.engines["espeak"]
	if !ok {
		return ""
	}
	for _, l := range []string{tag, primary} {
		if l == "" {
			continue
		}
		if r.has("espeak", l) {
			return "espeak:" + l
		}
		if c, ok := e.(languageChooser); ok {
			if name, ok := c.VoiceFor(l); ok && r.has("espeak", name) {
				return "espeak:" + name
			}
		}
	}
	return ""
}

// languageChooser is an engine that knows which of its voices it prefers
// for a language (espeak-ng ranks them).
type languageChooser interface {
	VoiceFor(lang string) (name string, ok bool)
}

func (r *Registry) has(engine, name string) bool {
	for _, v := range r.voices {
		if v.Engine == engine && v.Name == name {
			return true
		}
	}
	return false
}

func (r *Registry) validList() string {
	ids := make([]string, 0, len(r.voices))
	for _, v := range r.voices {
		ids = append(ids, v.ID())
	}
	if len(ids) == 0 {
		msg := "none installed (run scripts/install-deps)"
		if r.errs != nil {
			msg += ": " + r.errs.Error()
		}
		return msg
	}
	// espeak alone has over a hundred voices: name a few, point to the rest,
	// so the error stays one readable line.
	const shown = 8
	if len(ids) > shown {
		return strings.Join(ids[:shown], ", ") + fmt.Sprintf(", … (%d in all; run 'aloud voices')", len(ids))
	}
	return strings.Join(ids, ", ")
}

// ErrNoVoiceForLanguage is text in a language no installed voice speaks.
var ErrNoVoiceForLanguage = errors.New("no installed voice speaks the language")

// VoiceFor is DefaultVoice with an error, naming the language and the
// languages (each with a voice) that are installed, when no voice speaks
// lang.
func (r *Registry) VoiceFor(lang string) (string, error) {
	if id := r.DefaultVoice(lang); id != "" {
		return id, nil
	}
	return "", fmt.Errorf("language %q: %w; installed voices speak %s", lang, ErrNoVoiceForLanguage, r.languageList())
}

// languageList names every primary language with one of its voices:
// "en (flite:rms, 9 voices), de (espeak:de), …".
func (r *Registry) languageList() string {
	if len(r.voices) == 0 {
		return r.validList()
	}
	count := map[string]int{}
	first := map[string]string{}
	var order []string
	for _, v := range r.voices {
		seen := map[string]bool{}
		for _, l := range v.Languages {
			p, _, _ := strings.Cut(l, "-")
			if seen[p] {
				continue
			}
			seen[p] = true
			if count[p] == 0 {
				order = append(order, p)
				first[p] = v.ID()
			}
			count[p]++
		}
	}
	slices.Sort(order)
	parts := make([]string, 0, len(order))
	for _, p := range order {
		voice := first[p]
		if d := r.DefaultVoice(p); d != "" {
			voice = d
		}
		if count[p] > 1 {
			voice += fmt.Sprintf(", %d voices", count[p])
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", p, voice))
	}
	// espeak-ng alone speaks over a hundred languages: then name them all
	// by code only, and the voices with 'aloud voices'.
	const detailed = 12
	if len(parts) > detailed {
		return fmt.Sprintf("%d languages: %s (their voices: run 'aloud voices --lang TAG')", len(order), strings.Join(order, " "))
	}
	return strings.Join(parts, ", ")
}
