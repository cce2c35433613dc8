package speechhttp

import (
	"regexp"
	"slices"
	"strings"

	"aloud/internal/tts"
)

// kokoroLangs are the languages of Kokoro's voice name prefixes
// ("af_heart": American English, female).
var kokoroLangs = map[byte][]string{
	'a': {"en-us", "en"}, 'b': {"en-gb", "en"}, 'e': {"es"}, 'f': {"fr-fr", "fr"},
	'h': {"hi"}, 'i': {"it"}, 'j': {"ja"}, 'p': {"pt-br", "pt"}, 'z': {"zh"},
}

var (
	kokoroName = regexp.MustCompile(`^[abefhijpz][fm]_[a-z]+$`)
	piperName  = regexp.MustCompile(`^([a-z]{2,3})_([A-Z]{2})-`) // en_US-lessac-medium
)

// describe makes a voice of a server-side name. Kokoro and Piper names
// say their language (and Kokoro's the gender); others speak langs.
func describe(name string, langs []string) tts.Voice {
	v := tts.Voice{Engine: "http", Name: name, Languages: slices.Clone(langs)}
	switch {
	case kokoroName.MatchString(name):
		v.Languages = slices.Clone(kokoroLangs[name[0]])
		v.Gender = map[byte]string{'f': "female", 'm': "male"}[name[1]]
	case piperName.MatchString(name):
		m := piperName.FindStringSubmatch(name)
		v.Languages = []string{m[1] + "-" + strings.ToLower(m[2]), m[1]}
	}
	return v
}
