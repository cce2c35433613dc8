package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"aloud/internal/article"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestGolden extracts every testdata/*.html page and compares the article
// JSON with its .golden file.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range pages {
		t.Run(filepath.Base(path), func(t *testing.T) {
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Extract(body, "https://example.test/page", "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(path, ".html") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestNewsFurniture checks the fixture with the seed's kind of furniture
// field by field, so a wrong golden file cannot hide a regression.
func TestNewsFurniture(t *testing.T) {
	body, err := os.ReadFile(filepath.Join("testdata", "news.html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(body, "https://courier.example/some/path?utm=1", "text/html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := article.Article{
		Title: "Harbour town votes to keep its ferry", Kicker: "After a long night", Byline: "Mara Quill",
		Source: "The Coastal Courier", URL: "https://courier.example/news/harbour-ferry-vote", Language: "en-GB",
	}
	if a.Title != want.Title || a.Kicker != want.Kicker || a.Byline != want.Byline ||
		a.Source != want.Source || a.URL != want.URL || a.Language != want.Language {
		t.Errorf("got metadata %+v, want %+v", a, want)
	}
	if !a.Published.Equal(time.Date(2024, 5, 14, 6, 30, 0, 0, time.UTC)) {
		t.Errorf("got published %v", a.Published)
	}
	text := a.BodyText()
	for _, bad := range []string{"Listen", "artificially generated", "More info", "Share", "Photo",
		"ferry leaving", "newsletter", "Subscribe", "Advertisement", "source site", "Related",
		"Ferry fares", "Comments", "Great news", "Most read", "cookies", "©", "Mara Quill",
		"After a long night", "Harbour town votes", "Council"} {
		if strings.Contains(text, bad) {
			t.Errorf("body keeps furniture %q:\n%s", bad, text)
		}
	}
	wantTypes := []article.BlockType{article.Paragraph, article.Paragraph, article.Heading, article.Paragraph,
		article.Quote, article.ListItem, article.ListItem, article.Paragraph}
	if len(a.Blocks) != len(wantTypes) {
		t.Fatalf("got %d blocks, want %d:\n%s", len(a.Blocks), len(wantTypes), text)
	}
	for i, b := range a.Blocks {
		if b.Type != wantTypes[i] {
			t.Errorf("block %d: got %s, want %s (%q)", i, b.Type, wantTypes[i], b.Text)
		}
	}
}

// TestUnmarkedFurniture is the seed's kind of furniture with meaningless
// class names (unmarked.html) or none at all, inside the article's own
// container (inline.html): only text, structure and form controls give
// it away.
func TestUnmarkedFurniture(t *testing.T) {
	cases := []struct {
		file, title, kicker, lang, first, last string
		blocks                                 int
		banned                                 []string
	}{
		{"unmarked.html", "Mill owners agree to open the weirs", "After years of dispute", "en",
			"The owners of the last four", "since 1871.", 6,
			[]string{"Listen", "min", "artificially", "feedback", "newsletter", "inbox", "Sign up",
				"Also read", "Dry summer", "source", "More on this topic", "Salmon counts", "Comments",
				"grandfather", "©", "After years", "Home"}},
		{"inline.html", "Pässe bleiben gesperrt", "Lawinengefahr", "de",
			"Nach den starken Schneefällen", "zwei Tagen Arbeit pro Pass.", 5,
			[]string{"Lawinengefahr", "Von Lena", "10:15", "Listen", "artificially", "More info",
				"Newsletter", "Read more", "Wie Lawinen", "Related", "Neuer Rekord", "source",
				"Comments", "Endlich", "Hubschrauber für"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Extract(body, "", "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.title || a.Kicker != c.kicker || a.Language != c.lang {
				t.Errorf("got title %q kicker %q language %q, want %q %q %q",
					a.Title, a.Kicker, a.Language, c.title, c.kicker, c.lang)
			}
			text := a.BodyText()
			for _, bad := range c.banned {
				if strings.Contains(text, bad) {
					t.Errorf("body keeps furniture %q:\n%s", bad, text)
				}
			}
			if len(a.Blocks) != c.blocks || !strings.HasPrefix(text, c.first) || !strings.HasSuffix(text, c.last) {
				t.Errorf("got %d blocks, want the %d of the article:\n%s", len(a.Blocks), c.blocks, text)
			}
		})
	}
}

// TestBrokenJSONLD checks that a script-rendered page whose only text is a
// JSON-LD articleBody that does not parse (comments, stray braces) still
// yields the article.
func TestBrokenJSONLD(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{
  "@context": "https://schema.org", "@type": "NewsArticle",
  "headline": "Telescope finds water vapour",
  "articleBody": "Scientists on the summit confirmed the find.The plume reached two hundred kilometres into space, they said.",
  "publisher": {"name": "Example"} },
  // trailing comment the JSON parser rejects
}</script></head><body><div id="app"></div><script>render()</script></body></html>`
	a, err := Extract([]byte(page), "", "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Scientists on the summit confirmed the find. The plume reached two hundred kilometres into space, they said."
	if a.Title != "Telescope finds water vapour" || a.BodyText() != want {
		t.Errorf("got title %q body %q, want %q", a.Title, a.BodyText(), want)
	}
}

// TestSectionHeadings checks headings that open related stories or
// comments: in a box of their own the box goes; in the middle of the
// article's own container only the teasers go and the article resumes.
func TestSectionHeadings(t *testing.T) {
	p1 := "<p>The first paragraph of the article, long enough to count as real article text here.</p>"
	p2 := "<p>The second paragraph of the article, which also runs long enough to count as text.</p>"
	p3 := "<p>The third paragraph comes after the box and must be read, as the article continues here.</p>"
	cases := map[string]struct {
		page string
		want int
	}{
		"markup, any words": {`<div class="post"><h1>T</h1>` + p1 + p2 +
			`<div><h3 class="relatedpoststitle">Você pode gostar...</h3><p>Outra mensagem de outro artigo, que não faz parte deste texto e não deve ser lida em voz alta.</p><p>Mais uma mensagem de outro artigo, que também não deve ser lida em voz alta por ninguém.</p></div></div>`, 2},
		"box mid-article":     {`<div class="c1"><h1>T</h1>` + p1 + `<div class="x"><h3>Related</h3><ul><li><a href="/a">Storm damages harbour wall</a></li><li><a href="/b">New ferry timetable</a></li></ul></div>` + p2 + p3 + `</div>`, 3},
		"heading mid-article": {`<div class="c1"><h1>T</h1>` + p1 + `<h3>More on this story</h3><p>Storm damages harbour wall</p><p>New ferry timetable</p>` + p2 + p3 + `</div>`, 3},
		"comments at the end": {`<div class="c1"><h1>T</h1>` + p1 + p2 + `<h2>Comments (2)</h2><p>Great news for the island, finally some sense from the council after all these years!</p><p>Who is going to pay for all of this in the end, I wonder, certainly not the yacht owners.</p></div>`, 2},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			a, err := Extract([]byte("<html><body>"+c.page+"</body></html>"), "", "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			text := a.BodyText()
			if len(a.Blocks) != c.want || !strings.HasPrefix(text, "The first paragraph") {
				t.Errorf("got %d blocks, want %d:\n%s", len(a.Blocks), c.want, text)
			}
			for _, bad := range []string{"Outra", "Storm", "ferry", "Great news", "Who is", "Related", "More on"} {
				if strings.Contains(text, bad) {
					t.Errorf("body keeps %q:\n%s", bad, text)
				}
			}
		})
	}
}

func TestLinkEdges(t *testing.T) {
	cases := map[string]string{
		`<p>何が困るかといえば、パスワード管理ソフト<a href="/k">KeePass</a>の起動ショートカットキーと同じなのです。</p>`:                                               "何が困るかといえば、パスワード管理ソフト KeePass の起動ショートカットキーと同じなのです。",
		`<p>The search giant <a href="/g">Google</a>'s new phone went on sale on Monday in <a href="/x">ten</a> countries.</p>`: "The search giant Google's new phone went on sale on Monday in ten countries.",
	}
	for in, want := range cases {
		a, err := Extract([]byte(in), "", "", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := a.BodyText(); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestCharsets(t *testing.T) {
	cases := []struct {
		name, contentType, body, want string
	}{
		{"undeclared is utf-8", "", "<p>“Curly” quotes and café in a paragraph long enough to count.</p>", "“Curly” quotes and café"},
		{"meta windows-1252", "", "<meta charset=windows-1252><p>\x93Curly\x94 quotes and caf\xe9 in a paragraph long enough.</p>", "“Curly” quotes and café"},
		{"header wins", "text/html; charset=iso-8859-1", "<p>caf\xe9 au lait, served in a paragraph that is long enough.</p>", "café au lait"},
		{"stray bytes in a UTF-8 page", "", "<p>café and bad \xff\xfe bytes inside a paragraph that is long enough to keep.</p>", "bad \uFFFD bytes"},
		{"undeclared and not UTF-8 is windows-1252", "", "<p>\x93Curly\x94 quotes and caf\xe9 in a paragraph long enough.</p>", "“Curly” quotes and café"},
		{"valid UTF-8 beats a meta gb2312", "", "<meta charset=gb2312><p>腾讯网 科技 新电脑已可利用记忆自学, in a paragraph that is long enough.</p>", "新电脑已可利用记忆自学"},
		{"meta gb2312 on GBK bytes", "", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>\xd0\xc2\xb5\xe7\xc4\xd4, in a paragraph that is long enough to be kept.</p>", "新电脑"},
		{"UTF-16 by its BOM", "", "\xff\xfe<\x00p\x00>\x00h\x00\xe9\x00l\x00l\x00o\x00 \x00w\x00o\x00r\x00l\x00d\x00,\x00 \x00a\x00g\x00a\x00i\x00n\x00.\x00", "héllo world"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Extract([]byte(c.body), "", c.contentType, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := a.BodyText(); !strings.Contains(got, c.want) {
				t.Errorf("got %q, want it to contain %q", got, c.want)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	t.Run("20 MB page", func(t *testing.T) {
		big := bytes.Repeat([]byte("<p>word word word word.</p>\n"), 20<<20/28)
		_, err := Extract(big, "", "", Options{})
		var se *SizeError
		if !errors.As(err, &se) || se.Limit != DefaultMaxBytes || !strings.Contains(err.Error(), "5242880-byte limit") {
			t.Fatalf("got %v, want a SizeError naming the 5242880-byte limit", err)
		}
		_, err = Extract(big[:1<<20], "", "", Options{MaxBytes: 1 << 19})
		if !errors.As(err, &se) || se.Limit != 1<<19 {
			t.Fatalf("got %v, want the configured limit 524288", err)
		}
	})
	t.Run("10000 levels of nesting", func(t *testing.T) {
		deep := strings.Repeat("<div>", 10000) + "<p>" + strings.Repeat("Deep text sits here. ", 10) + "</p>" + strings.Repeat("</div>", 10000)
		start := time.Now()
		a, err := Extract([]byte(deep), "", "", Options{})
		if err != nil {
			t.Fatalf("got %v, want the deep paragraph", err)
		}
		if !strings.Contains(a.BodyText(), "Deep text sits here.") {
			t.Errorf("got %q, want the deep paragraph", a.BodyText())
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("took %v", d)
		}
	})
	t.Run("script only", func(t *testing.T) {
		_, err := Extract([]byte(`<html><head><script>document.write("hello world, this is text")</script></head><body><script>var a = "<p>not text</p>";</script></body></html>`), "", "", Options{})
		if !errors.Is(err, article.ErrNoText) || err.Error() != "no article text found" {
			t.Fatalf("got %v, want article.ErrNoText", err)
		}
	})
	t.Run("empty and binary", func(t *testing.T) {
		for _, in := range [][]byte{nil, []byte("   "), {0, 1, 2, 0xff, 0xfe, 0x89, 'P', 'N', 'G'}} {
			if _, err := Extract(in, "", "", Options{}); !errors.Is(err, article.ErrNoText) {
				t.Errorf("%q: got %v, want ErrNoText", in, err)
			}
		}
	})
}

func FuzzExtract(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"<p>x</p>"}</script>`))
	f.Add([]byte("<table><tr><td><p>cell<td>x</table><h1>a<span class=kicker>k</span></h1>"))
	f.Fuzz(func(t *testing.T, in []byte) {
		a, err := Extract(in, "https://example.test/", "", Options{MaxBytes: 1 << 16})
		if err != nil {
			return
		}
		for i, b := range a.Blocks {
			if strings.TrimSpace(b.Text) == "" || b.Text != strings.TrimSpace(b.Text) {
				t.Errorf("block %d has empty or untrimmed text %q", i, b.Text)
			}
			if !utf8.ValidString(b.Text) {
				t.Errorf("block %d is not valid UTF-8", i)
			}
			if strings.Contains(b.Text, "\n") {
				t.Errorf("block %d holds a line break", i)
			}
		}
	})
}

func TestStripCode(t *testing.T) {
	cases := map[string]string{
		`<p>a</p><script>var x = "<p>no</p>";</script><p>b</p>`: `<p>a</p><script></script><p>b</p>`,
		`<SCRIPT type="text/javascript">x()</SCRIPT>`:           `<SCRIPT type="text/javascript"></SCRIPT>`,
		`<style>p{}</style><strong>kept</strong>`:               `<style></style><strong>kept</strong>`,
		`<script type="application/ld+json">{"a":1}</script>`:   `<script type="application/ld+json">{"a":1}</script>`,
		`<p>unterminated <script>never closed`:                  `<p>unterminated <script>never closed`,
		`<section><span>plain</span></section>`:                 `<section><span>plain</span></section>`,
	}
	for in, want := range cases {
		if got := stripCode(in); got != want {
			t.Errorf("stripCode(%q) = %q, want %q", in, got, want)
		}
	}
}
