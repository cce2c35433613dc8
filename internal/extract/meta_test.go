package extract

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestMetadata(t *testing.T) {
	cases := []struct {
		name, page                               string
		title, kicker, byline, source, lang, url string
		published                                time.Time
	}{
		{"h1 agrees with og:title", `<html lang="fr"><head><meta property="og:title" content="Le pont rouvre | Le Journal"></head><body><h1>Le pont rouvre</h1></body></html>`,
			"Le pont rouvre", "", "", "example.test", "fr", "https://example.test/a", time.Time{}},
		{"section label h1 loses", `<head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"Deals of the day on consoles","author":{"@type":"Person","name":"Ann Lee"},"datePublished":"2024-02-03T04:05:06Z","publisher":{"name":"Game News"}}]}</script></head><body><h1>Games</h1></body>`,
			"Deals of the day on consoles", "", "Ann Lee", "Game News", "", "https://example.test/a", time.Date(2024, 2, 3, 4, 5, 6, 0, time.UTC)},
		{"kicker in h1, canonical", `<head><link rel="canonical" href="https://news.example/x"><meta property="og:locale" content="de_DE"></head><body><h1><span class="kicker">Wetter</span> Sturm zieht auf</h1></body>`,
			"Sturm zieht auf", "Wetter", "", "news.example", "de-DE", "https://news.example/x", time.Time{}},
		{"dateline is no kicker", `<body><div>November 19, 2019 / 12:21 AM</div><h1>Oil prices fall again</h1></body>`,
			"Oil prices fall again", "", "", "example.test", "", "https://example.test/a", time.Time{}},
		{"meta author and time element", `<head><meta name="author" content="Kim Park"></head><body><h1>Title here</h1><time datetime="2023-07-08">8 July</time></body>`,
			"Title here", "", "Kim Park", "example.test", "", "https://example.test/a", time.Date(2023, 7, 8, 0, 0, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(c.page))
			if err != nil {
				t.Fatal(err)
			}
			a := newPage(doc).metadata("https://example.test/a")
			if !plausibleKicker(a.Kicker, a.Title, a.Source) {
				a.Kicker = ""
			}
			if a.Title != c.title || a.Kicker != c.kicker || a.Byline != c.byline || a.Source != c.source ||
				a.Language != c.lang || a.URL != c.url || !a.Published.Equal(c.published) {
				t.Errorf("got %q %q %q %q %q %q %v,\nwant %q %q %q %q %q %q %v", a.Title, a.Kicker, a.Byline,
					a.Source, a.Language, a.URL, a.Published, c.title, c.kicker, c.byline, c.source, c.lang, c.url, c.published)
			}
		})
	}
}
