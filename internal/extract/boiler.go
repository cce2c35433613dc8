package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"aloud/internal/article"
	"aloud/internal/ingest"
)

// boilerplate matches whole short blocks that are page furniture rather
// than article text. Each pattern is anchored at both ends so a sentence
// that merely mentions, say, an advertisement is kept.
var boilerplate = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
	`advertisements?`, `advert`, `advertising`, `\[\w+[^\]]*\].*\[/\w+\]`, `anzeige`, `publicidad`, `pubblicità`, `publicité`, `реклама`,
	`(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)`,
	`continue reading(?: (?:below|the main story|the story))?`,
	`listen to (?:this )?(?:article|story)(?: \d+ min(?:utes?)?)?`, `listen`, `play`, `pause`, `stop`,
	`(?:change |playback )?speed`, `\d(?:[.,]\d+)?\s?x`, `\d{1,2}:\d{2}(?: ?/ ?\d{1,2}:\d{2})?`,
	`this audio version was (?:artificially|automatically) generated.*`,
	`(?:this )?(?:article|audio)(?: version)? (?:is|was) (?:read|generated|narrated) by (?:an? )?(?:ai|artificial intelligence|automated voice).*`,
	`more info(?: \| send feedback)?`, `send feedback`, `powered by .{0,40}`,
	`artikel (?:anhören|vorlesen)(?: \d+ min(?:\.|uten)?)?`, `anhören`, `vorlesen`, `diese audio-?version wurde (?:künstlich|automatisch) (?:erzeugt|generiert).*`,
	`mehr infos?(?: \| feedback senden)?`, `feedback (?:senden|geben)`, `quellen?:\s*[^.!?]{1,40}\.?`, `quelle`, `mehr zum thema`, `werbung`, `(?:artikel )?teilen`,
	`(?:ai|automatically|artificially|computer)[- ]generated (?:audio|voice|version|speech).{0,100}`,
	`(?:the )?audio (?:(?:is|was) )?(?:generated|created|produced) (?:by|with|using) .{0,100}`,
	`(?:voiced|narrated|read) by (?:an? )?(?:ai|artificial|automated|synthetic|computer).{0,100}`,
	`sources?:? site-\d+`, `sources?:?\s+[^.!?]{1,40}`,
	`share(?: this)?(?: (?:article|story|page|post))?(?: on \w+)?`, `share on \w+`,
	`(?:sign up|subscribe)(?: (?:for|to))? (?:our|the) [\w ]{0,40}newsletters?.{0,80}`,
	`(?:sign up|subscribe)(?: now)?`, `(?:sign up|register) (?:here|now|for free).{0,60}`,
	`(?:get|receive) (?:our|the) [\w ]{0,40}newsletter.{0,80}`,
	`(?:also )?read (?:more|next|also)(?::.{0,150})?`, `(?:also|further) read(?:ing)?:? .{0,150}`, `more on (?:this|the) (?:topic|story|subject)`, `related(?: articles| stories| content| coverage| posts)?`, `related(?: \w+){0,2}:.{0,150}`,
	`(?:more|most) (?:read|popular)(?: .{0,40})?`, `see also:? .{0,150}`,
	`(?:photo|image|picture|video|illustration)(?: credit)?: .{0,100}`,
	`\(?(?:photo|image|foto|bild|picture)s?(?: by)?:? [^.]{0,60}\)?`,
	`©.{0,120}`, `copyright .{0,120}`, `all rights reserved\.?`,
	`(?:follow|like) us on .{0,80}`, `click here .{0,80}`,
	// Credits and calls to action that close an article.
	`\(?(?:additional )?reporting by .{0,250}`,
	`follow (?:us|him|her|them|\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?) on (?:twitter|facebook|instagram|x\b).{0,200}`,
	`follow .{0,60} on (?:twitter|facebook|instagram|x\b).{0,200}`, `follow .{0,80} at https?://.{0,100}`,
	`more .{0,40}: https?://\S+.{0,100}`, `see more:? .{0,150}`,
	`have a (?:news )?tip\?.{0,200}`, `got a (?:news )?tip\?.{0,200}`, `subscribe to .{0,150}`,
	`join (?:our|the) .{0,40}(?:forums?|community|conversation|discussion).{0,200}`,
	`we use cookies.{0,300}`, `accept(?: all)?(?: cookies)?`,
	`comments?(?: \(\d+\))?`, `\d+ comments?`, `leave a (?:comment|reply)`, `show comments`,
	`tags?: .{0,200}`, `topics?: .{0,200}`, `filed under:? .{0,200}`,
	`(?:published|updated|posted)(?: on)?:? .{0,60}\d{4}.{0,20}`,
	`\d+ min(?:ute)?s? read`, `print(?: this article)?`, `e-?mail(?: this article)?`,
	`loading\.*`, `close`, `menu`, `skip to (?:main )?content`,
	// Bylines and date lines that sit inside the article container.
	`(?:(?:published|updated|stand|aktualisiert)?:? ?)?\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:,? (?:um )?\d{1,2}[:.]\d{2}(?: ?(?:uhr|h|[ap]\.?m\.?))?)?`,
	`\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?)?`,
	`\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\s*[-–|·•]\s*.{0,100}`,
	`(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?(?:\d{1,2}\.? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (?:\d{1,2},? )?\d{4}(?:,? (?:at )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?)?`,
}, "|") + `)$`)

// trailing matches furniture recognised by how a line ends: captions that
// escaped their <figure> (crediting the image) and contributor notes. It
// runs only on lines holding one of trailingWords, since patterns that
// start anywhere in a line are slow to reject.
var (
	trailing      = regexp.MustCompile(`(?i)^(?:.{0,200}\((?:photo|image|picture|credit|foto|bild|illustration)s?(?: credit)?:? [^()]{1,80}\)|.{0,150}(?:photo|image|picture) (?:credit|courtesy)(?: of)?:? [^.,]{1,40}|.{0,250} contributed (?:to )?(?:this|the) (?:report|story|article)\.?\)?)$`)
	trailingWords = []string{"photo", "image", "picture", "credit", "foto", "bild", "illustration", "courtesy", "contributed"}
)

func isTrailing(bare string) bool {
	lower := strings.ToLower(bare)
	for _, w := range trailingWords {
		if strings.Contains(lower, w) {
			return trailing.MatchString(bare)
		}
	}
	return false
}

// namedLines are furniture lines built around a person's name; they are
// matched case-sensitively, so that "By the numbers" or "Contact tracing
// at schools…" are not taken for a byline or a reporter's address.
var namedLines = regexp.MustCompile(`^(?:(?:[Bb]y|[Vv]on|[Pp]ar|[Dd]i|[Pp]or|[Dd]oor) (?:\p{Lu}[\p{L}.'’-]*\s?){1,4}(?:(?:,| and| und| et| &) (?:\p{Lu}[\p{L}.'’-]*\s?){1,4})*(?:[,|·•–-] .{0,40})?|(?:[Ee]-?mail|[Rr]each|[Cc]ontact|[Ww]rite to) (?:the )?(?:reporters?|writers?|authors?|editors?|\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?) (?:at|on|via) .{0,200})$`)

// sectionEnd matches headings that start a run of furniture (comments,
// related articles) rather than a section of the article.
var sectionEnd = regexp.MustCompile(`(?i)^(?:\d+ )?(?:related(?: articles| stories| content| coverage| posts)?|more (?:.{0,30}(?:stor(?:y|ies)|articles?|news|reads|topic|subject)|from .{1,40})|most (?:read|popular|viewed)|recommended(?: for you)?|you (?:may|might) also like|read (?:more|next|also)|trending(?: now)?|popular|latest (?:news|stories)|mehr zum thema|das könnte sie auch interessieren|meistgelesen(?:e artikel)?|weitere artikel|lire aussi|à lire aussi|leggi anche)(?: \(\d+\))?$`)

// apparatus matches the headings of what follows an encyclopedia or blog
// article (references, footnotes, links): lists to look things up in,
// not text to listen to. Only headings count: a "Notes:" line in a post
// may open its own points.
var apparatus = regexp.MustCompile(`(?i)^(?:references|notes and references|citations|footnotes|bibliography|` +
	`further reading|external links|see also|sources and references|einzelnachweise|weblinks|` +
	`références|notes et références|voir aussi|referencias|enlaces externos|véase también)$`)

// Marker blocks stand in the block list for a heading that opens comments
// (sectionStop) or related stories (relatedStop); cleanBlocks drops them
// and what follows.
const (
	sectionStop = "\x00comments"
	relatedStop = "\x00related"
)

// commentsLabel matches a plain line that opens a comment section.
var commentsLabel = regexp.MustCompile(`(?i)^(?:\d+ )?(?:comments?|reader comments|leave a (?:comment|reply)|join the (?:conversation|discussion)|(?:leser)?kommentare|commentaires|comentarios|commenti)(?: \(\d+\))?$`)

// A sign-up pitch placed between paragraphs names what is offered and
// asks for the reader's address, in either order.
var (
	pitchOffer = regexp.MustCompile(`(?i)newsletter|inbox|briefing|e-?mail updates|\b\d+ issues\b`)
	pitchAsk   = regexp.MustCompile(`(?i)sign(?:ing)? up|subscribe|delivered|register|\bget\b|receive|anmelden|abonnieren`)
)

func isPitch(t string) bool {
	return len(t) < 220 && pitchOffer.MatchString(t) && pitchAsk.MatchString(t)
}

// skipMode is what cleanBlocks does after a furniture section starts.
type skipMode int

const (
	keepAll      skipMode = iota
	toHeading             // comments: nothing is article until the next heading
	whileTeasers          // related stories: short lines and list items, until prose resumes
)

// proseLen is the length from which a paragraph ending like a sentence,
// after a related-stories label, reads as the article resuming rather
// than a teaser.
const proseLen = 80

// endsProse reports text ending like a sentence (a teaser's "…" does not).
func endsProse(t string) bool {
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.HasSuffix(t, "...") && strings.ContainsRune(".!?\"”’)", last)
}

// cleanBlocks drops furniture lines, furniture sections and the repeated
// headline.
func cleanBlocks(in []article.Block, title string) []article.Block {
	out := in[:0]
	mode := keepAll
	for i, b := range in {
		t := strings.TrimSpace(b.Text)
		bare := strings.Trim(t, " .:|•·-–—›»")
		if b.Type == article.Heading {
			mode = keepAll
			switch {
			case t == sectionStop || isLabel(bare, commentsLabel):
				mode = toHeading
				continue
			case t == relatedStop || isLabel(bare, sectionEnd) || isLabel(bare, apparatus):
				mode = whileTeasers
				continue
			}
		} else if isLabel(bare, commentsLabel) {
			// A comment section labelled by a plain line.
			mode = toHeading
			continue
		} else if isLabel(bare, sectionEnd) && i+1 < len(in) && in[i+1].Type == article.ListItem {
			// "More stories" over a list.
			mode = whileTeasers
			continue
		}
		switch mode {
		case toHeading:
			continue
		case whileTeasers:
			if b.Type != article.Paragraph || len(t) < proseLen || !endsProse(t) {
				continue
			}
			mode = keepAll
		}
		if !hasWord(t) || strings.EqualFold(t, title) || isFurnitureLine(t, bare) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// joinFragments joins a paragraph that stops mid-sentence with the next
// one when that reads on (a lower-case word or a comma): markup that
// closed a paragraph around a formula or an inline widget must not be
// read as two broken sentences with a pause between them.
func joinFragments(in []article.Block) []article.Block {
	out := in[:0]
	for _, b := range in {
		if n := len(out); n > 0 && b.Type == article.Paragraph && out[n-1].Type == article.Paragraph &&
			!endsProse(out[n-1].Text) && readsOn(b.Text) {
			sep := " "
			if strings.IndexAny(b.Text[:1], ",;:.)") == 0 {
				sep = ""
			}
			out[n-1].Text += sep + b.Text
			continue
		}
		out = append(out, b)
	}
	return out
}

// readsOn reports text that continues a sentence: it starts with a
// lower-case letter or with punctuation that cannot open one.
func readsOn(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r) || strings.ContainsRune(",;:)", r)
}

func isFurnitureLine(t, bare string) bool {
	if len(t) >= 300 {
		return false
	}
	return boilerplate.MatchString(bare) || namedLines.MatchString(bare) || isTrailing(bare) || ingest.IsFurniture(t) ||
		isPitch(t) || isDateLine(t)
}

var (
	yearRE  = regexp.MustCompile(`\b(?:19|20)\d{2}\b`)
	clockRE = regexp.MustCompile(`(?i)\b\d{1,2}(?::\d{2}|h\d{2}|\.\d{2} ?uhr)\b`)
)

// isDateLine reports a short line holding a year and a clock time, in
// any language ("segunda-feira, 22 de janeiro de 2018 às 0:13"): a
// timestamp, not a sentence.
func isDateLine(t string) bool {
	return len(t) < 70 && !endsSentence(t) && yearRE.MatchString(t) && clockRE.MatchString(t)
}

// hasWord reports whether t holds a letter or digit; blocks of only
// punctuation or invisible characters (U+200B) have nothing to read.
func hasWord(t string) bool {
	return strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}

// isLabel matches a short label line against re; long lines are prose and
// are not run through the pattern at all.
func isLabel(bare string, re *regexp.Regexp) bool {
	return len(bare) < 100 && re.MatchString(bare)
}
