package extract

import (
	"reflect"
	"testing"

	"aloud/internal/article"
)

// TestCleanBlocksGerman drops the furniture of German news pages and
// keeps sentences that merely mention the same words.
func TestCleanBlocksGerman(t *testing.T) {
	p := func(s string) article.Block { return article.Block{Type: article.Paragraph, Text: s} }
	keep := []article.Block{
		p("Die Anzeige gegen den Bürgermeister wurde am Montag zurückgezogen."),
		p("Quellen zufolge will der Konzern bis Jahresende 300 Stellen streichen."),
		p("Wer das Hörspiel anhören will, braucht ein Abonnement."),
		p("Mehr zum Thema Energie will die Regierung im Herbst vorlegen."),
	}
	drop := []article.Block{
		p("Artikel anhören"), p("Artikel anhören 4 Min."),
		p("Diese Audioversion wurde künstlich erzeugt. Mehr Infos | Feedback senden"),
		p("Mehr Infos | Feedback senden"), p("Feedback senden"), p("Mehr Infos"),
		p("Quelle: dpa"), p("Quelle"), p("Anzeige"), p("Mehr zum Thema"), p("Artikel teilen"),
	}
	var in []article.Block
	for i, b := range drop {
		in = append(in, b)
		if i < len(keep) {
			in = append(in, keep[i])
		}
	}
	if got := cleanBlocks(in, "Titel"); !reflect.DeepEqual(got, keep) {
		t.Errorf("got\n%v\nwant\n%v", got, keep)
	}
}
