package extract

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestVisibleByline(t *testing.T) {
	cases := []struct {
		in, name string
		date     time.Time
	}{
		{"By Staff Reporter · 12 March 2024, 14:05", "Staff Reporter", time.Date(2024, 3, 12, 14, 5, 0, 0, time.UTC)},
		{"By Jane Doe and John Roe | March 5, 2023 at 2:30 p.m.", "Jane Doe and John Roe", time.Date(2023, 3, 5, 14, 30, 0, 0, time.UTC)},
		{"Von Lena Berger, 03.02.2021 um 9.15 Uhr", "Lena Berger", time.Date(2021, 2, 3, 9, 15, 0, 0, time.UTC)},
		{"by Joshua Sokol May 20, 2019", "Joshua Sokol", time.Date(2019, 5, 20, 0, 0, 0, 0, time.UTC)},
		{"By the numbers: how the city voted", "", time.Time{}},
		{"Bypass closed", "", time.Time{}},
	}
	for _, c := range cases {
		name, date := visibleByline(c.in)
		if name != c.name || !date.Equal(c.date) {
			t.Errorf("visibleByline(%q) = %q %v, want %q %v", c.in, name, date, c.name, c.date)
		}
	}
}

// TestBylineFromPage covers a page that declares nothing: the byline and
// date come from what the reader sees.
func TestBylineFromPage(t *testing.T) {
	cases := []struct {
		name, page, byline string
		published          time.Time
	}{
		{"visible byline line", `<body><article><h1>Bridge reopens</h1><p class="meta">By Staff Reporter · 12 March 2024, 14:05</p><p>Text.</p></article></body>`,
			"Staff Reporter", time.Date(2024, 3, 12, 14, 5, 0, 0, time.UTC)},
		{"author element and time", `<body><span class="article-author"><a rel="author" href="/p/kim">Kim Park</a></span><time datetime="2023-07-08T10:00:00Z">8 July</time></body>`,
			"Kim Park", time.Date(2023, 7, 8, 10, 0, 0, 0, time.UTC)},
		{"meta beats the visible line", `<head><meta name="author" content="Ann Lee"><meta property="article:published_time" content="2022-01-02T03:04:05Z"></head><body><p>By Someone Else · 1 May 2020</p></body>`,
			"Ann Lee", time.Date(2022, 1, 2, 3, 4, 5, 0, time.UTC)},
		{"profile URL is no byline", `<head><meta property="article:author" content="https://example.test/ann"></head><body><div class="author-box">Last Updated: January 7, 2025</div></body>`,
			"", time.Time{}},
		{"itemprop date", `<body><span itemprop="datePublished" content="2019-11-20">Nov 20</span></body>`,
			"", time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(c.page))
			if err != nil {
				t.Fatal(err)
			}
			d := collectDeclared(doc)
			if got, pub := d.byline(), d.published(); got != c.byline || !pub.Equal(c.published) {
				t.Errorf("got %q %v, want %q %v", got, pub, c.byline, c.published)
			}
		})
	}
}

func FuzzVisibleByline(f *testing.F) {
	f.Add("By Staff Reporter · 12 March 2024, 14:05")
	f.Add("by A 31 February 2024 at 12:99 pm")
	f.Fuzz(func(t *testing.T, s string) {
		name, _ := visibleByline(s)
		if name != "" && !strings.Contains(collapse(s), name) {
			t.Errorf("visibleByline(%q) = %q, not part of the line", s, name)
		}
	})
}
