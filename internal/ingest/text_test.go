package ingest

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"aloud/internal/article"
)

// b builds blocks compactly: "p:text", "h:text", "q:text", "l:text".
func b(specs ...string) []article.Block {
	kinds := map[string]article.BlockType{"p": article.Paragraph, "h": article.Heading, "q": article.Quote, "l": article.ListItem}
	var out []article.Block
	for _, s := range specs {
		out = append(out, article.Block{Type: kinds[s[:1]], Text: s[2:]})
	}
	return out
}

func TestReadTextLayouts(t *testing.T) {
	tests := []struct {
		name                  string
		in                    string
		kicker, title, source string
		byline                string
		blocks                []article.Block
	}{
		{name: "seed layout",
			in:     "K word: The headline\n\nK word\nThe headline\n\nListen to article\n\nThis audio version was artificially generated. More info | Send feedback\n\nOne para.\n\nA subheading\n\nTwo para.\n\nsource site-1\n",
			kicker: "K word", title: "The headline", source: "site-1",
			blocks: b("p:One para.", "h:A subheading", "p:Two para.")},
		{name: "kicker split without copies",
			in:     "Ukraine war: Talks resume in Geneva\n\nDiplomats met again.",
			kicker: "Ukraine war", title: "Talks resume in Geneva", blocks: b("p:Diplomats met again.")},
		{name: "missing kicker",
			in:    "Talks resume in Geneva\n\nDiplomats met again.\n\nsource site-99",
			title: "Talks resume in Geneva", source: "site-99", blocks: b("p:Diplomats met again.")},
		{name: "headline repeated once",
			in:    "Talks resume\n\nTalks resume\n\nDiplomats met again.",
			title: "Talks resume", blocks: b("p:Diplomats met again.")},
		{name: "headline copy with kicker above it",
			in:     "Talks resume\n\nGeneva\nTalks resume\n\nDiplomats met again.",
			kicker: "Geneva", title: "Talks resume", blocks: b("p:Diplomats met again.")},
		{name: "kicker and headline on two lines",
			in:     "Geneva\nTalks resume after long pause\n\nDiplomats met again.",
			kicker: "Geneva", title: "Talks resume after long pause", blocks: b("p:Diplomats met again.")},
		{name: "headline directly above paragraph",
			in:    "Talks resume\nDiplomats met again in Geneva on Monday, officials said.\nThey talked for hours.",
			title: "Talks resume", blocks: b("p:Diplomats met again in Geneva on Monday, officials said. They talked for hours.")},
		{name: "no headline when first block is prose",
			in:     "Diplomats met again in Geneva.\n\nThey talked for hours.",
			blocks: b("p:Diplomats met again in Geneva.", "p:They talked for hours.")},
		{name: "wrapped first paragraph is not a headline",
			in:     "Diplomats met again in Geneva on Monday and\ntalked for hours about the ceasefire.",
			blocks: b("p:Diplomats met again in Geneva on Monday and talked for hours about the ceasefire.")},
		{name: "question headline",
			in:    "Will the talks work?\n\nNobody knows.",
			title: "Will the talks work?", blocks: b("p:Nobody knows.")},
		{name: "title only",
			in:    "Just a headline\n",
			title: "Just a headline"},
		{name: "CRLF and BOM",
			in:     "\ufeffK: Head\r\n\r\nK\r\nHead\r\n\r\nLine one\r\nline two.\r\n\r\nsource site-2\r\n",
			kicker: "K", title: "Head", source: "site-2", blocks: b("p:Line one line two.")},
		{name: "old Mac line ends",
			in:    "Head\r\rBody text.\r",
			title: "Head", blocks: b("p:Body text.")},
		{name: "markdown headings",
			in:    "# Main title\n\nIntro text.\n\n## Section one ##\n\nMore text.\n### Deep\nDeeper text.",
			title: "Main title", blocks: b("p:Intro text.", "h:Section one", "p:More text.", "h:Deep", "p:Deeper text.")},
		{name: "markdown title with kicker",
			in:     "# Climate: Record heat in July\n\nIt was hot.",
			kicker: "Climate", title: "Record heat in July", blocks: b("p:It was hot.")},
		{name: "setext headings",
			in:    "Main title\n==========\n\nIntro text.\n\nSection\n-------\n\nMore text.\n\n---\n\nEnd text.",
			title: "Main title", blocks: b("p:Intro text.", "h:Section", "p:More text.", "p:End text.")},
		{name: "byline",
			in:    "Head\n\nBy Jane Doe\n\nBody text.",
			title: "Head", byline: "Jane Doe", blocks: b("p:Body text.")},
		{name: "byline above paragraph in one block",
			in:    "Head\n\nBy Jane Doe, Reuters\nBody text goes on here for a while.",
			title: "Head", byline: "Jane Doe, Reuters", blocks: b("p:Body text goes on here for a while.")},
		{name: "German byline",
			in:    "Kopf\n\nVon Max von der Heide\n\nText.",
			title: "Kopf", byline: "Max von der Heide", blocks: b("p:Text.")},
		{name: "prose starting with By is not a byline",
			in:    "Head\n\nBy Monday, the water had gone.",
			title: "Head", blocks: b("p:By Monday, the water had gone.")},
		{name: "quotes",
			in:    "Head\n\nHe said:\n\n> First quoted line\n> continues here.\n>\n> Second quote.\n\nAfter.",
			title: "Head", blocks: b("p:He said:", "q:First quoted line continues here.", "q:Second quote.", "p:After.")},
		{name: "lists",
			in:    "Head\n\nWe need:\n- milk\n- bread\n\n* eggs\n* butter that is\n  very soft\n\n1. First step.\n2) Second step.",
			title: "Head", blocks: b("p:We need:", "l:milk", "l:bread", "l:eggs", "l:butter that is very soft", "l:1. First step.", "l:2. Second step.")},
		{name: "dash inside wrapped paragraph is not a list",
			in:    "Head\n\nThe result was clear\n- and final.",
			title: "Head", blocks: b("p:The result was clear - and final.")},
		{name: "subheading above paragraph without blank line",
			in:    "Head\n\nWhat comes next\nThe council will meet again in March to decide on the final plan.",
			title: "Head", blocks: b("h:What comes next", "p:The council will meet again in March to decide on the final plan.")},
		{name: "short line ending in colon is not a heading",
			in:    "Head\n\nThe reasons:\n\nThere are many.",
			title: "Head", blocks: b("p:The reasons:", "p:There are many.")},
		{name: "furniture anywhere",
			in:    "Head\n\nFirst.\n\nAdvertisement\n\nSecond.\n\nShare this article\nRead more\n\nThird.",
			title: "Head", blocks: b("p:First.", "p:Second.", "p:Third.")},
		{name: "German furniture and source",
			in:     "Kopf: Zeile\n\nArtikel anhören\n\nDiese Audioversion wurde künstlich erzeugt.\n\nText.\n\nQuelle: dpa",
			kicker: "Kopf", title: "Zeile", source: "dpa", blocks: b("p:Text.")},
		{name: "source with colon",
			in:    "Head\n\nText.\n\nSource: Reuters, AP",
			title: "Head", source: "Reuters, AP", blocks: b("p:Text.")},
		{name: "source line inside last block",
			in:    "Head\n\nText.\nsource site-5",
			title: "Head", source: "site-5", blocks: b("p:Text.")},
		{name: "closing prose about source code is text",
			in:    "Head\n\nText.\n\nSource code for the model is available online.",
			title: "Head", blocks: b("p:Text.", "p:Source code for the model is available online.")},
		{name: "closing sentence after Source: is text",
			in:    "Head\n\nText.\n\nSource: the study was published in Nature",
			title: "Head", blocks: b("p:Text.", "p:Source: the study was published in Nature")},
		{name: "agency codes",
			in:    "Head\n\nText.\n\nQuelle: dpa, AFP",
			title: "Head", source: "dpa, AFP", blocks: b("p:Text.")},
		{name: "copyright after source",
			in:    "Head\n\nText.\n\nsource site-3\n© 2025 Example",
			title: "Head", source: "site-3", blocks: b("p:Text.")},
		{name: "headline repeated as block later",
			in:    "Head line here\n\nText.\n\nHead line here",
			title: "Head line here", blocks: b("p:Text.")},
		{name: "invisible characters",
			in:    "Head\n\nA soft\u00adhyphen and zero\u200bwidth.",
			title: "Head", blocks: b("p:A softhyphen and zerowidth.")},
		{name: "hyphenated line break",
			in:    "Head\n\nA well-\nknown fact and a well- known gap.",
			title: "Head", blocks: b("p:A well-known fact and a well- known gap.")},
		{name: "spaces collapsed, tabs too",
			in:    "Head\n\n  Lots   of\tspace.  ",
			title: "Head", blocks: b("p:Lots of space.")},
		{name: "separator lines dropped",
			in:    "Head\n\nText.\n\n* * *\n\nMore.",
			title: "Head", blocks: b("p:Text.", "p:More.")},
		{name: "markdown inline",
			in:    "Head\n\nRead **this** and *that* on [our site](https://x.org/a).\n\n![photo](p.jpg)\n\n_5 min read_",
			title: "Head", blocks: b("p:Read this and that on our site.")},
		{name: "one paragraph per line, no blank lines",
			in: "Head\n\nThe first paragraph is long enough that no text wrapper would ever have produced it as a single line of a wrapped block.\n" +
				"The second paragraph is also a long single line and starts with a capital letter, as paragraphs do.\nShort third.",
			title: "Head", blocks: b("p:The first paragraph is long enough that no text wrapper would ever have produced it as a single line of a wrapped block.",
				"p:The second paragraph is also a long single line and starts with a capital letter, as paragraphs do.", "p:Short third.")},
		{name: "short lines are a list, not headings",
			in:    "Head\n\nWhat to pack:\n\nWater bottle\nA longer line for the camera bag\nSnacks\nMap",
			title: "Head", blocks: b("p:What to pack:", "p:Water bottle", "p:A longer line for the camera bag", "p:Snacks", "p:Map")},
		{name: "short last line is not a heading",
			in:    "Head\n\nText.\n\nMore to come",
			title: "Head", blocks: b("p:Text.", "p:More to come")},
		{name: "lower-case continuation stays joined",
			in:    "Head\n\nA short line\nand its end.",
			title: "Head", blocks: b("p:A short line and its end.")},
		{name: "CJK full stop ends a line",
			in:    "見出し\n\n以下、その手順。\nWindows10での操作方法です。",
			title: "見出し", blocks: b("p:以下、その手順。", "p:Windows10での操作方法です。")},
		{name: "long kicker confirmed by its copy",
			in:     "A kicker that is far too long to be guessed as one: Live: talks\n\nA kicker that is far too long to be guessed as one\nLive: talks\n\nBody.",
			kicker: "A kicker that is far too long to be guessed as one", title: "Live: talks", blocks: b("p:Body.")},
		{name: "copy moves the kicker split",
			in:     "Live: Ukraine: Talks go on\n\nLive: Ukraine\nTalks go on\n\nBody.",
			kicker: "Live: Ukraine", title: "Talks go on", blocks: b("p:Body.")},
		{name: "headline with full stop, confirmed by its copy",
			in:     "Talks: It is over.\n\nTalks\nIt is over.\n\nBody.",
			kicker: "Talks", title: "It is over.", blocks: b("p:Body.")},
		{name: "header and copies without blank lines",
			in:     "K: The headline\nK\nThe headline\n\nListen to article\n\nBody.",
			kicker: "K", title: "The headline", blocks: b("p:Body.")},
		{name: "furniture before the header copies",
			in:     "K: Head\n\nListen to article\n\nK\nHead\n\nPhoto: Reuters\n\nBody.\n\nSOURCE SITE-8",
			kicker: "K", title: "Head", source: "SITE-8", blocks: b("p:Body.")},
		{name: "reading time and relative dates are furniture",
			in:    "Head\n\n4 min read\n\nUpdated 2 hours ago\n\nvor 3 Stunden\n\nText.",
			title: "Head", blocks: b("p:Text.")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ReadText([]byte(tc.in), TextOptions{})
			if err != nil {
				t.Fatalf("ReadText: %v", err)
			}
			got := [4]string{a.Kicker, a.Title, a.Source, a.Byline}
			want := [4]string{tc.kicker, tc.title, tc.source, tc.byline}
			if got != want {
				t.Errorf("kicker/title/source/byline: got %q, want %q", got, want)
			}
			if !reflect.DeepEqual(a.Blocks, tc.blocks) {
				t.Errorf("blocks:\n got %q\nwant %q", a.Blocks, tc.blocks)
			}
			if a.Language != "en" || a.URL != "" {
				t.Errorf("language/url: got %q %q, want en and empty", a.Language, a.URL)
			}
		})
	}
}

func TestReadTextPublished(t *testing.T) {
	tests := map[string]time.Time{
		"Published Nov. 5, 2025":         time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC),
		"Updated: 2025-11-05T14:30:00Z":  time.Date(2025, 11, 5, 14, 30, 0, 0, time.UTC),
		"Stand: 05.11.2025, 14:30 Uhr":   time.Date(2025, 11, 5, 14, 30, 0, 0, time.UTC),
		"5. November 2025":               time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC),
		"By Jane Doe · 2 March 2024":     time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC),
		"November 5, 2025":               time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC),
		"Veröffentlicht am 1. März 2024": time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
	}
	for line, want := range tests {
		t.Run(line, func(t *testing.T) {
			a, err := ReadText([]byte("Head\n\n"+line+"\n\nBody text."), TextOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !a.Published.Equal(want) {
				t.Errorf("published: got %v, want %v", a.Published, want)
			}
			if len(a.Blocks) != 1 || a.Blocks[0].Text != "Body text." {
				t.Errorf("blocks: got %q, want only the body", a.Blocks)
			}
		})
	}
}

func TestReadTextOptions(t *testing.T) {
	a, err := ReadText([]byte("Kopf\n\nText."), TextOptions{Language: "de-AT"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Language != "de-AT" {
		t.Errorf("language: got %q, want de-AT", a.Language)
	}
	// UTF-16 with a byte order mark is converted rather than refused.
	utf16le := []byte{0xFF, 0xFE, 'H', 0, 'i', 0, '\n', 0, '\n', 0, 'O', 0, 'k', 0, '.', 0}
	a, err = ReadText(utf16le, TextOptions{})
	if err != nil {
		t.Fatalf("utf-16: %v", err)
	}
	if a.Title != "Hi" || len(a.Blocks) != 1 || a.Blocks[0].Text != "Ok." {
		t.Errorf("utf-16: got %q %q", a.Title, a.Blocks)
	}
	big := []byte(strings.Repeat("Words here. ", 100))
	if _, err := ReadText(big, TextOptions{MaxBytes: -1}); err != nil {
		t.Errorf("no limit: got %v", err)
	}
}

func TestReadTextErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     []byte
		max    int64
		kind   error
		reason string
	}{
		{"empty", nil, 0, ErrEmpty, "input is empty"},
		{"only space", []byte(" \n\t\r\n "), 0, ErrEmpty, "only white space"},
		{"only BOM", []byte("\ufeff"), 0, ErrEmpty, "white space"},
		{"NUL bytes", []byte("PK\x03\x04\x00\x00text"), 0, ErrBinary, "binary"},
		{"control characters", []byte("ab\x01\x02\x03\x04\x05\x06cd"), 0, ErrBinary, "binary"},
		{"mostly invalid", []byte("\xff\xfe\xfd\xfc\xfb\xc0\xc1 abc"), 0, ErrBinary, "binary"},
		{"latin-1", []byte("Caf\xe9 au lait is good."), 0, ErrEncoding, "offset 3"},
		{"too large", []byte(strings.Repeat("x", 1025)), 1024, ErrTooLarge, "1 KB size limit"},
		{"too large default", make([]byte, DefaultMaxBytes+1), 0, ErrTooLarge, "2 MB size limit"},
		{"punctuation only", []byte("...\n\n!!!\n\n---"), 0, article.ErrNoText, "no text"},
		{"furniture only", []byte("Listen to article\n\nShare\n\nsource site-4"), 0, article.ErrNoText, "no text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadText(tc.in, TextOptions{MaxBytes: tc.max})
			if !errors.Is(err, tc.kind) {
				t.Fatalf("got %v, want kind %v", err, tc.kind)
			}
			ie, ok := errors.AsType[*InputError](err)
			if !ok {
				t.Fatalf("got %T, want *InputError", err)
			}
			if !strings.Contains(ie.Reason, tc.reason) {
				t.Errorf("reason: got %q, want it to contain %q", ie.Reason, tc.reason)
			}
			for _, other := range []error{ErrEmpty, ErrBinary, ErrEncoding, ErrTooLarge, ErrNoText, ErrUnsupported} {
				if other != tc.kind && errors.Is(err, other) {
					t.Errorf("error %v also matches %v", err, other)
				}
			}
		})
	}
}

func TestGermanFurniture(t *testing.T) {
	for _, s := range []string{"Artikel anhören", "Diese Audioversion wurde künstlich erzeugt.", "Mehr Infos",
		"Feedback senden", "Mehr Infos | Feedback senden", "Quelle", "Anzeige", "Mehr zum Thema"} {
		if !IsFurniture(s) {
			t.Errorf("IsFurniture(%q) = false", s)
		}
	}
	for _, s := range []string{"Die Anzeige wurde zurückgezogen.", "Mehr zum Thema Energie folgt im Herbst."} {
		if IsFurniture(s) {
			t.Errorf("IsFurniture(%q) = true", s)
		}
	}
}
