package espeak

import (
	"strconv"
	"strings"

	"aloud/internal/tts"
)

// parseVoices reads `espeak-ng --voices`:
//
//	Pty Language       Age/Gender VoiceName          File                 Other Languages
//	 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
//
// A voice is named by its language code, as on espeak-ng's command line;
// where two voices share a code (yue) the first one wins, which is the
// one `espeak-ng -v CODE` picks.
func parseVoices(out string) []tts.Voice {
	vs, _ := parseVoiceTable(out)
	return vs
}

// parseVoiceTable also returns, for every language, the voice espeak-ng
// prefers for it: the lowest priority number in the Other Languages
// column ("fr-fr" has "(fr 5)", "fr-be" "(fr 8)"), a voice's own code
// beating every other.
func parseVoiceTable(out string) ([]tts.Voice, map[string]string) {
	var vs []tts.Voice
	seen := map[string]bool{}
	best := map[string]string{}
	prio := map[string]int{}
	prefer := func(lang, voice string, p int) {
		if old, ok := prio[lang]; !ok || p < old {
			best[lang], prio[lang] = voice, p
		}
	}
	for line := range strings.Lines(out) {
		f := strings.Fields(line)
		if len(f) < 5 || f[0] == "Pty" {
			continue
		}
		name := strings.ToLower(f[1])
		if seen[name] {
			continue
		}
		seen[name] = true
		prefer(name, name, -1)
		langs := []string{name}
		for _, o := range otherLanguages(strings.Join(f[5:], " ")) {
			if o.code != name {
				langs = append(langs, o.code)
				prefer(o.code, name, o.prio)
			}
		}
		vs = append(vs, tts.Voice{Engine: "espeak", Name: name, Languages: langs, Gender: gender(f[2])})
	}
	return vs, best
}

type otherLanguage struct {
	code string
	prio int
}

// otherLanguages parses the Other Languages column: "(en-gb 4)(en 5)".
func otherLanguages(col string) []otherLanguage {
	var out []otherLanguage
	for part := range strings.SplitSeq(col, ")") {
		code, p, _ := strings.Cut(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "(")), " ")
		if code == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			n = 100 // unknown priority: usable, but last
		}
		out = append(out, otherLanguage{strings.ToLower(code), n})
	}
	return out
}

func gender(ageGender string) string {
	_, g, _ := strings.Cut(ageGender, "/")
	switch g {
	case "M":
		return "male"
	case "F":
		return "female"
	}
	return ""
}
