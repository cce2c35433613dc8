package render

import (
	"strings"
	"testing"

	"aloud/internal/article"
	"aloud/internal/audio"
	"aloud/internal/normalize"
	"aloud/internal/script"
	"aloud/internal/tts"
)

func TestAudioRoundTrip(t *testing.T) {
	a := tts.Audio{Rate: 16000, Samples: []int16{0, 1, -1, 32767, -32768}, Words: []tts.Word{{Span: [2]int{0, 3}, Start: 0, End: 4}}}
	got, err := decodeAudio(encodeAudio(a))
	if err != nil {
		t.Fatal(err)
	}
	if got.Rate != a.Rate || len(got.Samples) != 5 || got.Samples[4] != -32768 || got.Words[0] != a.Words[0] {
		t.Fatalf("got %+v, want %+v", got, a)
	}
	for _, bad := range [][]byte{nil, []byte("ALD1"), append(encodeAudio(a), 0), []byte("XXXX000000000000")} {
		if _, err := decodeAudio(bad); err == nil {
			t.Fatalf("decoded corrupt entry %q", bad)
		}
	}
}

func TestWordSpanMapsBackToWrittenText(t *testing.T) {
	n, err := normalize.New(normalize.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	text := "It cost $3.5bn in 2023."
	res := n.Normalize(text)
	l := line{spoken: res.Text, tokens: res.Tokens, offsets: tokenOffsets(res)}
	// Every spoken word maps into the written text.
	for i, w := range splitWords(res.Text) {
		sp, ok := l.wordSpan(w)
		if !ok {
			t.Fatalf("spoken word %d %q of %q maps nowhere", i, res.Text[w[0]:w[1]], res.Text)
		}
		if sp[0] < 0 || sp[1] > len(text) || sp[0] >= sp[1] {
			t.Fatalf("span %v outside %q", sp, text)
		}
	}
	// "billion" comes from "$3.5bn".
	i := strings.Index(res.Text, "billion")
	if i < 0 {
		t.Fatalf("no 'billion' in %q", res.Text)
	}
	sp, _ := l.wordSpan([2]int{i, i + len("billion")})
	if got := text[sp[0]:sp[1]]; got != "$3.5bn" {
		t.Fatalf("got %q, want $3.5bn", got)
	}
}

func TestAsWritten(t *testing.T) {
	res := asWritten("  Grüße aus\tBerlin. ")
	if res.Text != "Grüße aus Berlin." {
		t.Fatalf("got %q", res.Text)
	}
	if len(res.Tokens) != 3 || res.Tokens[2].Span != [2]int{14, 21} {
		t.Fatalf("got tokens %+v", res.Tokens)
	}
}

func TestPausesAndChapters(t *testing.T) {
	a := article.Article{Title: "Title", Language: "en", Blocks: []article.Block{
		{Type: article.Paragraph, Text: "One. Two."},
		{Type: article.Heading, Text: "Sub"},
		{Type: article.Paragraph, Text: "Three."},
	}}
	lines := prepare(a, "end", "", nil)
	var parts []string
	var pauses []pauseKind
	for _, l := range lines {
		parts = append(parts, string(l.Part))
		pauses = append(pauses, l.pause)
	}
	wantParts := []string{"title", "block", "block", "block", "block", "disclosure"}
	wantPauses := []pauseKind{pauseHeading, pauseSentence, pauseParagraph, pauseHeading, pauseParagraph, pauseEnd}
	for i := range wantParts {
		if parts[i] != wantParts[i] || pauses[i] != wantPauses[i] {
			t.Fatalf("got parts %v pauses %v, want %v %v", parts, pauses, wantParts, wantPauses)
		}
	}
	spans := make([]audio.Span, len(lines))
	for i := range spans {
		spans[i] = audio.Span{Start: i * 1000, End: i*1000 + 800}
	}
	chs := chaptersOf(a, lines, spans, 1000, 6000)
	if len(chs) != 2 || chs[1].Title != "Sub" || chs[1].Start.Seconds() != 3 || chs[1].End.Seconds() != 6 || chs[0].End != chs[1].Start {
		t.Fatalf("got chapters %+v", chs)
	}
	if start := prepare(a, "start", "", nil); start[0].Part != script.PartDisclosure {
		t.Fatalf("disclosure=start: got first part %q", start[0].Part)
	}
	if off := prepare(a, "off", "", nil); off[len(off)-1].Part == script.PartDisclosure {
		t.Fatal("disclosure=off still speaks the disclosure")
	}
}

func TestDisclosureCustomText(t *testing.T) {
	a := article.Article{Title: "Titel", Language: "de", Blocks: []article.Block{{Type: article.Paragraph, Text: "Eins."}}}
	var got []string
	for _, l := range prepare(a, "start", "  Gelesen von einer Maschine. Mehr unter /info.  ", nil) {
		if l.Part == script.PartDisclosure {
			got = append(got, l.Text)
		}
	}
	if len(got) != 2 || got[0] != "Gelesen von einer Maschine." || got[1] != "Mehr unter /info." {
		t.Fatalf("custom disclosure spoken as %q", got)
	}
	if l := prepare(a, "end", "", nil); l[len(l)-1].Text != Disclosure("de") {
		t.Fatalf("no custom text: last line %q, want the language's line", l[len(l)-1].Text)
	}
}

func TestDisclosureLanguages(t *testing.T) {
	if Disclosure("de-AT") != "Diese Audioversion wurde künstlich erzeugt." {
		t.Fatalf("got %q for de-AT", Disclosure("de-AT"))
	}
	if Disclosure("xx") != Disclosure("en") {
		t.Fatal("unknown language does not fall back to English")
	}
}

func splitWords(s string) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, [2]int{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}
