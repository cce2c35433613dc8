package ingest

import (
	"regexp"
	"strings"
	"unicode"
)

// furnitureLines are whole lines of page chrome that text copied from a
// news page carries (audio player labels, share buttons, ad markers), in
// the normalised form of normLine. They are dropped wherever they stand.
var furnitureLines = map[string]bool{
	"listen to article": true, "listen to this article": true, "listen to the article": true,
	"listen": true, "listen now": true, "play": true, "pause": true, "audio": true,
	"hear this article": true, "more info | send feedback": true, "more info": true,
	"send feedback": true, "give feedback": true, "feedback": true,
	"share": true, "share this article": true, "share article": true, "share this": true,
	"share on facebook": true, "share on twitter": true, "share on x": true, "tweet": true,
	"email": true, "e-mail": true, "print": true, "copy link": true, "link copied": true,
	"advertisement": true, "ad": true, "sponsored": true, "sponsored content": true, "paid content": true,
	"read more": true, "read also": true, "also read": true, "see also": true, "related": true,
	"related articles": true, "related stories": true, "more on this topic": true,
	"skip to content": true, "skip to main content": true, "subscribe": true, "sign up": true,
	"sign up for our newsletter": true, "newsletter": true, "comments": true, "show comments": true,
	"artikel anhören": true, "anhören": true, "vorlesen": true, "artikel vorlesen": true,
	"audio anhören": true, "teilen": true, "artikel teilen": true, "anzeige": true, "werbung": true,
	"mehr zum thema": true, "auch interessant": true, "lesen sie auch": true, "lesen sie mehr": true,
	"mehr infos | feedback senden": true, "feedback senden": true, "mehr infos": true,
	"mehr informationen": true, "drucken": true, "kommentare": true, "link kopieren": true,
	"quelle": true, "quellen": true, "feedback geben": true, "mehr info": true,
}

// furniturePrefixes start lines that are chrome whatever follows them.
var furniturePrefixes = []string{
	"this audio version was artificially generated",
	"this audio version was generated",
	"this article was read by an ai",
	"diese audioversion wurde künstlich erzeugt",
	"diese audioversion wurde künstlich generiert",
	"diese audio-version wurde künstlich",
	"listen to article ",
	"listen to this article ",
	"artikel anhören ",
}

// readingTime matches "5 min read", "Reading time: 3 minutes", "Lesezeit: 4 Min.".
var readingTime = regexp.MustCompile(`^(\d+\s*(min|mins|minutes?|minuten)\.?\s*(read|lesezeit)?|(reading time|lesezeit|lesedauer)\s*:?\s*\d+\s*(min|mins|minutes?|minuten)\.?)$`)

// pictureCredit matches caption credit lines such as "Photo: Reuters" or
// "Bild: dpa", which only make sense next to a picture.
var pictureCredit = regexp.MustCompile(`^(photo|photos|image|images|picture|pictures|foto|fotos|bild|bilder|credit|credits|grafik|graphic)\s*:\s*\S.{0,50}$`)

// relativeTime matches "Updated 2 hours ago" or "vor 3 Stunden": page
// chrome that is stale the moment the text is saved.
var relativeTime = regexp.MustCompile(`^((updated|published|posted|last updated)\s+)?(\d+|an?|one|a few)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$|^((aktualisiert|veröffentlicht)\s+)?vor\s+(\d+|einer|einem|wenigen)\s+(sekunden|minuten?|stunden?|tagen?|wochen?)$`)

// maxFurnitureLen bounds the prefix rule: a long line that happens to begin
// like a disclaimer is article text.
const maxFurnitureLen = 160

// IsFurniture reports whether a whole line (or block) is page furniture
// rather than article text.
func IsFurniture(line string) bool {
	n := normLine(line)
	if n == "" {
		return false
	}
	if furnitureLines[n] || readingTime.MatchString(n) || pictureCredit.MatchString(n) || relativeTime.MatchString(n) {
		return true
	}
	if len(n) > maxFurnitureLen {
		return false
	}
	for _, p := range furniturePrefixes {
		if strings.HasPrefix(n, p) || n+" " == p {
			return true
		}
	}
	return false
}

// normLine is the comparison form of a line: lower case, single spaces,
// without Markdown heading marks, bullets or trailing punctuation.
func normLine(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimLeft(s, "#>*•- ")
	return strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '.' || r == ':' || r == '!' || r == '|' || r == '›' || r == '»' || r == '→'
	})
}
