//go:build e2e

package ingest

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode"

	"aloud/internal/script"
	"aloud/internal/testenv"
)

// TestCorpusTextLayouts wraps each article body of the extraction
// benchmark's ground truth (181 real articles in many languages) in one of
// the plain-text page layouts and checks that the reader recovers the
// header and source, drops the furniture and keeps every word of the body,
// and that the splitter's spans hold on all of it.
func TestCorpusTextLayouts(t *testing.T) {
	path := testenv.SharedFile(t, "benchmarks/article-extraction/ground-truth.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var gt map[string]struct{ ArticleBody string }
	if err := json.Unmarshal(data, &gt); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	sameBlocks := 0
	for i, id := range ids {
		body := gt[id].ArticleBody
		title := "Headline number " + id[:6]
		page, kicker := layout(i, title, body)
		a, err := ReadText([]byte(page), TextOptions{})
		if err != nil {
			t.Errorf("%s (layout %d): %v", id[:8], i%4, err)
			continue
		}
		if a.Title != title || a.Kicker != kicker || a.Source != fmt.Sprintf("site-%d", i) {
			t.Errorf("%s (layout %d): got kicker %q title %q source %q", id[:8], i%4, a.Kicker, a.Title, a.Source)
		}
		if wantBy := map[bool]string{true: "Jane Doe"}[i%4 == 3]; a.Byline != wantBy {
			t.Errorf("%s (layout %d): byline %q, want %q", id[:8], i%4, a.Byline, wantBy)
		}
		for _, b := range a.Blocks {
			if IsFurniture(b.Text) || strings.Contains(b.Text, "Listen to article") {
				t.Errorf("%s: furniture block %q", id[:8], b.Text)
			}
		}
		invisible := strings.NewReplacer("\u00ad", "", "\u200b", "", "\u2060", "")
		if w, g := words(invisible.Replace(body)), words(a.BodyText()); w != g {
			t.Errorf("%s (layout %d): body words differ at %q", id[:8], i%4, firstDiff(w, g))
		}
		for _, s := range script.Build(a) {
			text := a.Title
			if s.Part == script.PartBlock {
				text = a.Blocks[s.Block].Text
			}
			if s.Span[0] < 0 || s.Span[1] > len(text) || text[s.Span[0]:s.Span[1]] != s.Text {
				t.Fatalf("%s: sentence span %v does not match its text", id[:8], s.Span)
			}
		}
		if paragraphs(body) == paragraphs(a.BodyText()) {
			sameBlocks++
		}
	}
	t.Logf("%d of %d bodies kept their exact paragraph structure", sameBlocks, len(ids))
}

// layout renders a body in one of four page shapes: the seed's, one with
// no kicker and no furniture, one with CRLF and a BOM, and a Markdown one
// with a byline.
func layout(i int, title, body string) (page, kicker string) {
	src := fmt.Sprintf("source site-%d", i)
	switch i % 4 {
	case 0:
		kicker = "Some kicker"
		page = kicker + ": " + title + "\n\n" + kicker + "\n" + title + "\n\nListen to article\n\n" +
			"This audio version was artificially generated. More info | Send feedback\n\n" + body + "\n\n" + src + "\n"
	case 1:
		page = title + "\n\n" + body + "\n\n" + src
	case 2:
		kicker = "Another kicker"
		page = "\ufeff" + strings.ReplaceAll(kicker+": "+title+"\n\nListen to article\n\n"+body+"\n\n"+src+"\n", "\n", "\r\n")
	case 3:
		page = "# " + title + "\n\nBy Jane Doe\n\n" + body + "\n\nShare this article\n\n" + src + "\n"
	}
	return page, kicker
}

func words(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

func paragraphs(s string) string {
	var out []string
	for _, p := range strings.Split(s, "\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n")
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[max(0, i-30):min(len(a), i+30)]
}
