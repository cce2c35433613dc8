package espeak

import (
	"reflect"
	"testing"

	"aloud/internal/tts"
)

func TestParseVoices(t *testing.T) {
	out := `Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  af              --/M      Afrikaans          gmw/af               
 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
 5  en-gb-x-rp      --/F      English_(Received_Pronunciation) gmw/en-GB-x-rp       (en-gb 4)(en 5)
 5  yue             --/M      Chinese_(Cantonese) sit/yue              (zh-yue 5)(zh 8)
 5  yue             --/M      Chinese_(Cantonese,_latin_as_Jyutping) sit/yue-Latn-jyutping (zh-yue 5)(zh 8)
`
	want := []tts.Voice{
		{Engine: "espeak", Name: "af", Languages: []string{"af"}, Gender: "male"},
		{Engine: "espeak", Name: "en-us", Languages: []string{"en-us", "en"}, Gender: "male"},
		{Engine: "espeak", Name: "en-gb-x-rp", Languages: []string{"en-gb-x-rp", "en-gb", "en"}, Gender: "female"},
		{Engine: "espeak", Name: "yue", Languages: []string{"yue", "zh-yue", "zh"}, Gender: "male"},
	}
	if got := parseVoices(out); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestParseVersion(t *testing.T) {
	for in, want := range map[string]string{
		"eSpeak NG text-to-speech: 1.51  Data at: /usr/lib/x86_64-linux-gnu/espeak-ng-data\n": "espeak-ng-1.51",
		"eSpeak NG text-to-speech: 1.52.0  Data at: /x\n":                                     "espeak-ng-1.52.0",
		"garbage": "espeak-ng-unknown",
	} {
		if got := parseVersion(in); got != want {
			t.Errorf("parseVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPreferredVoice(t *testing.T) {
	out := ` 5  fr-be           --/M      French_(Belgium)   roa/fr-BE            (fr 8)
 5  fr-fr           --/M      French_(France)    roa/fr               (fr 5)
 5  pt              --/M      Portuguese_(Portugal) roa/pt               (pt-pt 5)
 5  pt-br           --/M      Portuguese_(Brazil) roa/pt-BR            (pt 6)
`
	_, best := parseVoiceTable(out)
	for lang, want := range map[string]string{"fr": "fr-fr", "fr-be": "fr-be", "pt": "pt", "pt-pt": "pt", "pt-br": "pt-br"} {
		if got := best[lang]; got != want {
			t.Errorf("voice for %s = %q, want %q", lang, got, want)
		}
	}
}

func FuzzParseVoices(f *testing.F) {
	f.Add(" 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)\n")
	f.Add(" 5  en-gb-x-rp      --/F      X gmw/x (en-gb 4)(en 5)(\n 5 a b c d ((( 9)\n")
	f.Fuzz(func(t *testing.T, out string) {
		vs, best := parseVoiceTable(out)
		seen := map[string]bool{}
		for _, v := range vs {
			if v.Name == "" || seen[v.Name] || len(v.Languages) == 0 || v.Languages[0] != v.Name {
				t.Fatalf("bad voice %+v", v)
			}
			seen[v.Name] = true
		}
		for lang, name := range best {
			if !seen[name] {
				t.Fatalf("preferred voice %q for %q is not listed", name, lang)
			}
		}
	})
}
