package script

import (
	"reflect"
	"testing"

	"aloud/internal/article"
)

func sentences(text, lang string) []string {
	var out []string
	for _, sp := range Split(text, lang) {
		out = append(out, text[sp[0]:sp[1]])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"two", "en", "One sentence. Another one.", []string{"One sentence.", "Another one."}},
		{"title abbreviations", "en", "Dr. Smith met Mr. Jones and Mrs. Brown. They talked.",
			[]string{"Dr. Smith met Mr. Jones and Mrs. Brown.", "They talked."}},
		{"U.S. mid sentence", "en", "The U.S. Army said so. It left.", []string{"The U.S. Army said so.", "It left."}},
		{"U.S. at end", "en", "He moved to the U.S. The move was hard.", []string{"He moved to the U.S.", "The move was hard."}},
		{"month before day", "en", "It happened on Nov. 5 in Paris. Nobody knew.", []string{"It happened on Nov. 5 in Paris.", "Nobody knew."}},
		{"decimal", "en", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"i.e. and e.g.", "en", "Some fruit, i.e. apples, e.g. Gala. Done.", []string{"Some fruit, i.e. apples, e.g. Gala.", "Done."}},
		{"initials", "en", "J. R. R. Tolkien wrote it. John F. Kennedy read it.", []string{"J. R. R. Tolkien wrote it.", "John F. Kennedy read it."}},
		{"closing quote", "en", "“We stay,” he said. “Next week.” Then he left.", []string{"“We stay,” he said.", "“Next week.”", "Then he left."}},
		{"quote after period", "en", "he said.” Next came more.", []string{"he said.”", "Next came more."}},
		{"straight quotes", "en", `He said "stop." Then he left.`, []string{`He said "stop."`, "Then he left."}},
		{"question in quote then lowercase", "en", "“Really?” she asked. Yes.", []string{"“Really?” she asked.", "Yes."}},
		{"ellipsis lowercase", "en", "Wait... what happened? Nothing.", []string{"Wait... what happened?", "Nothing."}},
		{"ellipsis upper", "en", "He paused … Then he spoke.", []string{"He paused …", "Then he spoke."}},
		{"spaced ellipsis", "en", "Wait . . . then it came. Done.", []string{"Wait . . . then it came.", "Done."}},
		{"dash after stop", "en", "It ended. — The next day came.", []string{"It ended.", "— The next day came."}},
		{"interrobang", "en", "What?! No way! Fine.", []string{"What?!", "No way!", "Fine."}},
		{"parentheses", "en", "He left (see Fig. 3). Then he came back.", []string{"He left (see Fig. 3).", "Then he came back."}},
		{"sentence in parentheses", "en", "He left. (He was tired.) Then he came back.", []string{"He left.", "(He was tired.)", "Then he came back."}},
		{"stop inside parentheses", "en", "The group (founded in 1990. It grew fast) won.", []string{"The group (founded in 1990. It grew fast) won."}},
		{"unclosed parenthesis", "en", "The group (founded. It grew. Then more.", []string{"The group (founded.", "It grew.", "Then more."}},
		{"numbered list", "en", "1. Buy milk", []string{"1. Buy milk"}},
		{"inline numbered list", "en", "Steps: 1. Open the box. 2. Remove the device.", []string{"Steps: 1. Open the box.", "2. Remove the device."}},
		{"number after abbreviation ends sentence", "en", "It was on Nov. 5. The end.", []string{"It was on Nov. 5.", "The end."}},
		{"de date after sentence", "de", "Er kam. 5. November war kalt.", []string{"Er kam.", "5. November war kalt."}},
		{"numbered line", "en", "Intro.\n1. First\n2. Second", []string{"Intro.", "1. First\n2. Second"}},
		{"number ends sentence", "en", "The total was 42. The rest was lost.", []string{"The total was 42.", "The rest was lost."}},
		{"no terminal punctuation", "en", "Peace negotiations not part of the talks", []string{"Peace negotiations not part of the talks"}},
		{"surrounding space", "en", "  Hello there.   Bye.  ", []string{"Hello there.", "Bye."}},
		{"empty", "en", "", nil},
		{"punctuation only", "en", " --- ... ", nil},
		{"stray punctuation joins", "en", "Hello. ... World.", []string{"Hello. ...", "World."}},
		{"blank line", "en", "First line\n\nSecond line", []string{"First line", "Second line"}},
		{"a.m.", "en", "We met at 9 a.m. The meeting ran long.", []string{"We met at 9 a.m.", "The meeting ran long."}},
		{"Inc. before name", "en", "Apple Inc. Chief Tim spoke. Shares rose.", []string{"Apple Inc. Chief Tim spoke.", "Shares rose."}},
		{"no. before number", "en", "He was No. 1 in the list. Then he fell.", []string{"He was No. 1 in the list.", "Then he fell."}},
		{"domain", "en", "Visit example.com today. Or not.", []string{"Visit example.com today.", "Or not."}},
		{"seed style quote", "en", "deemed “absolutely necessary.” The British government",
			[]string{"deemed “absolutely necessary.”", "The British government"}},
		{"percent", "en", "Stocks fell 1.8%. Lowe’s reports later.", []string{"Stocks fell 1.8%.", "Lowe’s reports later."}},
		{"year in parentheses", "en", "They won (in 2004.) Olfactory receptors came next.", []string{"They won (in 2004.)", "Olfactory receptors came next."}},
		{"dateline state", "en", "HAYWARD, Calif. (AP) — The Latest news.", []string{"HAYWARD, Calif. (AP) — The Latest news."}},
		{"quoted no", "en", "Tell yourself “no.” That’s why it works.", []string{"Tell yourself “no.”", "That’s why it works."}},
		{"domain at end", "en", "Read it on Wday.ru. Then decide.", []string{"Read it on Wday.ru.", "Then decide."}},
		{"de z. B.", "de", "Es gibt z. B. Äpfel. Und Birnen.", []string{"Es gibt z. B. Äpfel.", "Und Birnen."}},
		{"de z.B.", "de", "Es gibt z.B. Äpfel. Und Birnen.", []string{"Es gibt z.B. Äpfel.", "Und Birnen."}},
		{"de Nr.", "de", "Er trug die Nr. 7 und lief. Dann fiel er.", []string{"Er trug die Nr. 7 und lief.", "Dann fiel er."}},
		{"de ordinal", "de", "Am 5. November kam er. Er blieb.", []string{"Am 5. November kam er.", "Er blieb."}},
		{"de ordinal noun", "de", "Er wurde beim 3. Rennen Zweiter. Das war gut.", []string{"Er wurde beim 3. Rennen Zweiter.", "Das war gut."}},
		{"de number ends", "de", "Er kam auf Platz 3. Das war gut.", []string{"Er kam auf Platz 3.", "Das war gut."}},
		{"de year ends", "de", "Das war 1990. Später nicht mehr.", []string{"Das war 1990.", "Später nicht mehr."}},
		{"de quote", "de", "Er sagte: „Nein.“ Dann ging er.", []string{"Er sagte: „Nein.“", "Dann ging er."}},
		{"de month abbreviation", "de", "Am 2. Mär. 2003 kam er. Er blieb.", []string{"Am 2. Mär. 2003 kam er.", "Er blieb."}},
		{"de Dr.", "de", "Dr. Müller kam. Sie ging.", []string{"Dr. Müller kam.", "Sie ging."}},
		{"en ordinal is a stop", "en", "He finished 5. November was cold.", []string{"He finished 5.", "November was cold."}},
		{"de-AT uses German", "de-AT", "Es gibt z. B. Äpfel. Und Birnen.", []string{"Es gibt z. B. Äpfel.", "Und Birnen."}},
		{"unicode", "en", "Café “crème” costs €3.50. Naïve déjà vu.", []string{"Café “crème” costs €3.50.", "Naïve déjà vu."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sentences(tc.text, tc.lang)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestSplitSpansAreBytes(t *testing.T) {
	text := "Ünïcödé fïrst. Sëcond “quoted.” Thïrd"
	got := Split(text, "en")
	want := [][2]int{{0, 19}, {20, 41}, {42, 48}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestBuild(t *testing.T) {
	a := article.Article{
		Title:    "Talks held. Officials say",
		Kicker:   "Not spoken",
		Language: "en",
		Blocks: []article.Block{
			{Type: article.Paragraph, Text: "First one. Second one."},
			{Type: article.Heading, Text: "A heading"},
			{Type: article.Paragraph, Text: "  "},
			{Type: article.Quote, Text: "Quoted."},
		},
	}
	got := Build(a)
	want := []Sentence{
		{PartTitle, -1, [2]int{0, 11}, "Talks held."},
		{PartTitle, -1, [2]int{12, 25}, "Officials say"},
		{PartBlock, 0, [2]int{0, 10}, "First one."},
		{PartBlock, 0, [2]int{11, 22}, "Second one."},
		{PartBlock, 1, [2]int{0, 9}, "A heading"},
		{PartBlock, 3, [2]int{0, 7}, "Quoted."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

func TestUTF16Offsets(t *testing.T) {
	text := "a€😀b" // 1 + 3 + 4 + 1 bytes; 1 + 1 + 2 + 1 units
	got := UTF16Offsets(text, 9, 0, 1, 4, 8, 2, -3, 100)
	want := []int{5, 0, 1, 2, 4, 1, 0, 5}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}
