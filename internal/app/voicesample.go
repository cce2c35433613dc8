package app

import (
	"context"
	"fmt"
	"strings"

	"aloud/internal/article"
	"aloud/internal/config"
	"aloud/internal/tts"
)

// samples are the sentences `aloud voices --sample` speaks, by language;
// they hold a number, an abbreviation and a name, as news does.
var samples = map[string]string{
	"en": "This is how aloud reads the news with this voice. On March 3, the E.U. agreed on a plan worth 4.5 billion euros, Dr. Müller said.",
	"de": "So liest aloud die Nachrichten mit dieser Stimme. Am 3. März einigte sich die EU auf einen Plan im Wert von 4,5 Milliarden Euro.",
	"fr": "Voici comment aloud lit les nouvelles avec cette voix.",
	"es": "Así lee aloud las noticias con esta voz.",
	"it": "Ecco come aloud legge le notizie con questa voce.",
	"nl": "Zo leest aloud het nieuws voor met deze stem.",
}

// sampleVoice renders a short sample of voice id to out ("" names it
// after the voice; "-" is stdout), in the voice's first language.
func sampleVoice(ctx context.Context, env Env, cfg config.Config, id, out string) error {
	if out == "" {
		out = strings.NewReplacer(":", "-", "/", "-").Replace(id) + "-sample.mp3"
	}
	cfg.Disclosure, cfg.CacheDir = "off", "off"
	o := speakOptions{out: out, voice: id, noCache: true, cfg: cfg}
	if err := o.resolve(id); err != nil {
		return err
	}
	o.timeline = "" // a sample needs no read-along
	deps, err := newSpeakDeps(env, o)
	if err != nil {
		return err
	}
	defer deps.Close()
	if _, _, err := deps.pipe.voices.Lookup(id); err != nil {
		return err
	}
	lang := "en"
	for _, v := range deps.pipe.voices.Voices() {
		if strings.EqualFold(v.ID(), id) && len(v.Languages) > 0 {
			lang = v.Languages[0]
		}
	}
	text, ok := samples[primaryLang(lang)]
	if !ok {
		text = samples["en"]
	}
	art := article.Article{
		Title: voiceTitle(id, lang), Language: lang,
		Blocks: []article.Block{{Type: article.Paragraph, Text: text}},
	}
	return speakArticle(ctx, env, deps, o, art)
}

func voiceTitle(id, lang string) string {
	_, name, _ := tts.ParseVoice(id)
	if primaryLang(lang) == "de" {
		return fmt.Sprintf("Die Stimme %s.", name)
	}
	return fmt.Sprintf("The voice %s.", name)
}

func primaryLang(tag string) string {
	p, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return p
}
