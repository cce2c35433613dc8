package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestPickTitle(t *testing.T) {
	cases := []struct {
		name, head, body, want string
	}{
		{"og:title over the document title", `<title>A fire at the docks - Port News</title><meta property="og:title" content="Fire at the docks">`,
			`<h1>Fire at the docks</h1>`, "Fire at the docks"},
		{"site name off the <title> by og:site_name", `<title>Ferry keeps running | The Courier</title><meta property="og:site_name" content="The Courier">`,
			``, "Ferry keeps running"},
		{"site name off a declared title the h1 confirms", `<meta property="og:title" content="Le pont rouvre | Le Journal">`,
			`<h1>Le pont rouvre</h1>`, "Le pont rouvre"},
		{"site name first", `<title>Salon.com - The sharing economy is a lie</title>`, `<h1>Salon</h1>`, "The sharing economy is a lie"},
		{"section h1 loses to the <title>", `<title>Babies who eat peanuts early may avoid allergy</title>`,
			`<h1>Allergies Health Center</h1>`, "Babies who eat peanuts early may avoid allergy"},
		{"a <title> that is the site name gives way to the h1", `<title>Daily Planet</title><meta property="og:site_name" content="Daily Planet">`,
			`<h1>Storm closes the bridge</h1>`, "Storm closes the bridge"},
		{"kicker prefix confirmed by the h1", `<title>Rivers: Mill owners agree to open the weirs</title>`,
			`<h1>Mill owners agree to open the weirs</h1>`, "Mill owners agree to open the weirs"},
		{"short title extended by the h1", `<title>Café notes</title>`, `<h1>Café notes from a small town</h1>`, "Café notes from a small town"},
		{"long head kept, short tail dropped", `<title>Lorem ipsum dolor sit amet – My website</title>`, ``, "Lorem ipsum dolor sit amet"},
		{"short head keeps the whole title", `<title>Mozilla - Wikipedia</title>`, ``, "Mozilla - Wikipedia"},
		{"hyphen inside a word is no separator", `<title>COVID-19 cases rise again in the north</title>`, ``, "COVID-19 cases rise again in the north"},
		{"generic og:title loses to an agreeing <title> and h1", `<title>Space ship breaks up over Siberia</title><meta property="og:title" content="Yahoo News - Latest News &amp; Headlines">`,
			`<h1>Space ship breaks up over Siberia</h1>`, "Space ship breaks up over Siberia"},
		{"JSON-LD name closer to the <title> than its headline", `<title>Hermitian matrix - Wikipedia</title><script type="application/ld+json"><![CDATA[{"@type":"Article","name":"Hermitian matrix","headline":"matrix equal to its conjugate-transpose"}]]></script>`,
			``, "Hermitian matrix"},
		{"space-separated properties", `<title>Title Element</title><meta property="x:title dc:title" content="Preferred title">`, ``, "Preferred title"},
		{"a two-word <title> is a section name", `<title>Harbour news</title>`, `<h1>Ferry keeps running</h1>`, "Ferry keeps running"},
		{"a logo h1 is not the headline", `<title>Outside the web: standalone binaries · V8</title>`,
			`<h1>V8</h1><h1>Outside the web: standalone binaries</h1>`, "Outside the web: standalone binaries"},
		{"a segment holding the site name and more is not the site name", `<title>Ferry trip (2) @ Anna's blog :: Blogs</title><meta property="og:site_name" content="Anna's blog">`,
			``, "Ferry trip (2) @ Anna's blog"},
		{"svg icon titles are not the document title", ``, `<svg><title>arrow-down</title></svg><h1>Bridge reopens</h1>`, "Bridge reopens"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><head>" + c.head + "</head><body>" + c.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := pickTitle(collectDeclared(doc), "https://www.salon.com/a"); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// FuzzCleanTitle checks that cleaning a <title> never panics and only
// ever returns part of the title or one of the <h1>s.
func FuzzCleanTitle(f *testing.F) {
	f.Add("Ferry keeps running | The Courier", "Ferry keeps running", "the courier")
	f.Add("a - b - c", "b", "")
	f.Add("Rivers: Mill owners", "Mill owners", "x")
	f.Add(" | - ::  » ", "", "|")
	f.Fuzz(func(t *testing.T, title, h1, site string) {
		h1s := []string{collapse(h1)}
		got := cleanTitle(title, []string{strings.ToLower(collapse(site))}, h1s)
		if !strings.Contains(collapse(title), got) && got != h1s[0] {
			t.Errorf("cleanTitle(%q) = %q: neither part of the title nor the h1", title, got)
		}
	})
}
