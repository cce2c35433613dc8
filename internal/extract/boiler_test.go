package extract

import (
	"reflect"
	"testing"

	"aloud/internal/article"
)

func TestCleanBlocks(t *testing.T) {
	p := func(s string) article.Block { return article.Block{Type: article.Paragraph, Text: s} }
	h := func(s string) article.Block { return article.Block{Type: article.Heading, Text: s} }
	keep := []article.Block{
		p("The council said the newsletter it sends to residents would now also be printed."),
		p("Advertisements for the new service will run on local radio from Monday, the council said."),
		p("Sources close to the mayor said the decision was taken on Friday evening after a long debate."),
		p("By the end of the year, the town hopes to have paid off most of the debt."),
		h("By the numbers"),
		p("Contact tracing at schools will start on Monday"),
		p("Related research suggests that sleep matters more than we thought"),
		p("The image courtesy of the museum shows the crater in great detail."),
		h("What happens next"),
		p("The ferry will keep running until a new operator is found."),
	}
	drop := []article.Block{
		p("Listen to article"), p("Listen to this article 4 min"),
		p("This audio version was artificially generated. More info | Send feedback"),
		p("More info | Send feedback"), p("Advertisement"), p("Story continues below advertisement"),
		p("source site-34"), p("Source: dpa"), p("By Jane Doe and John Roe"), p("Von Lena Berger"),
		p("29.11.2026, 10:15 Uhr"), p("November 19, 2019 at 10:15 am"),
		p("Sign up for our newsletter and get the day's news in your inbox."),
		p("Get our free morning briefing delivered every day."),
		p("Read more: Storm damages harbour wall"), p("Also read: New ferry timetable"),
		p("(Reporting by Ann Lee; Editing by Tom Brown)"), p("Jane Doe contributed to this report."),
		p("Follow us on Twitter for more news."), p("Photo: Tom Reed"), p("© 2026 Example News"),
		p("Tags: ferry, council"), p("[button link=x]Send us your review[/button]"),
		p("Share this article"), p("5 min read"), p("Harbour town votes"), // the title
		p("Related post: Pickled sprouts"), p("Contact Jane Doe at jane@example.com"),
	}
	comments := []article.Block{p("Comments (2)"), p("Great news for the island, finally!"), p("Who pays for it?")}
	related := []article.Block{h("Related articles"), p("Ferry fares to rise"), p("New harbour master named")}

	var in []article.Block
	for i, b := range keep {
		in = append(in, b)
		if i < len(drop) {
			in = append(in, drop[i])
		}
	}
	in = append(in, drop[len(keep):]...)
	in = append(in, h("Harbour town votes"))
	in = append(in, related...)
	in = append(in, h("Background"), p("The pier was built in 1901."))
	in = append(in, comments...)

	got := cleanBlocks(in, "Harbour town votes")
	want := append(append([]article.Block(nil), keep...), h("Background"), p("The pier was built in 1901."))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%v\nwant\n%v", got, want)
	}
}

// TestApparatus checks that references and footnotes under their heading
// are not read, while a "Notes:" line opening a post's own points is.
func TestApparatus(t *testing.T) {
	p := func(s string) article.Block { return article.Block{Type: article.Paragraph, Text: s} }
	h := func(s string) article.Block { return article.Block{Type: article.Heading, Text: s} }
	li := func(s string) article.Block { return article.Block{Type: article.ListItem, Text: s} }
	in := []article.Block{
		p("Notes:"), li("Notice the attribute we added to the script tag that loads the library;"),
		h("References"), li("Hay, Jennifer (2008). Dialects of English. Edinburgh University Press. ISBN 978-0-7486-2529-1."),
		h("External links"), li("Official website"),
	}
	got := cleanBlocks(in, "")
	want := in[:2]
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
