package normalize

import (
	"strings"

	"aloud/internal/normalize/rule"
)

// chapterWords are followed by a Roman numeral read as a cardinal.
var chapterWords = map[string]bool{
	"chapter": true, "part": true, "book": true, "volume": true, "vol": true,
	"canto": true, "act": true, "scene": true, "section": true, "article": true,
	"phase": true, "class": true, "type": true, "series": true, "stage": true,
	"level": true, "psalm": true, "appendix": true, "no": true, "number": true,
	"story": true, "lesson": true, "letter": true, "plate": true, "figure": true,
	"table": true, "war": true, "division": true, "corps": true, "period": true,
	"vatican": true, "rocky": true, "henry": true, "league": true, "tier": true,
	"episode": true, "bowl": true, "round": true, "game": true, "unit": true,
}

// regnalNames are given names that take "the" and an ordinal: "Charles
// III" is "Charles the third".
var regnalNames = map[string]bool{
	"Louis": true, "Henry": true, "Charles": true, "George": true, "Edward": true,
	"William": true, "James": true, "Richard": true, "John": true, "Elizabeth": true,
	"Mary": true, "Francis": true, "Philip": true, "Pius": true, "Leo": true,
	"Gregory": true, "Benedict": true, "Innocent": true, "Clement": true, "Paul": true,
	"Alexander": true, "Frederick": true, "Napoleon": true, "Peter": true, "Ivan": true,
	"Nicholas": true, "Catherine": true, "Anne": true, "Victoria": true, "Henri": true,
	"Ludwig": true, "Otto": true, "Rama": true, "Ramesses": true, "Felipe": true,
	"Gustav": true, "Christian": true, "Haakon": true, "Olav": true, "Harald": true,
	"Umberto": true, "Wilhelm": true, "Friedrich": true, "Constantine": true,
	"Justinian": true, "Boris": true, "Alfonso": true, "Ferdinand": true,
	"Isabella": true, "Pedro": true, "Manuel": true, "Ptolemy": true, "Darius": true,
	"Xerxes": true, "Cyrus": true, "Rudolf": true, "Leopold": true, "Maximilian": true,
	"Sigismund": true, "Casimir": true, "Augustus": true, "Sixtus": true, "Urban": true,
	"Boniface": true, "Celestine": true, "Eugene": true, "Honorius": true,
	"Julius": true, "Martin": true, "Adrian": true, "Hadrian": true, "Stephen": true,
	"Sylvester": true, "Victor": true, "Felix": true, "Edmund": true, "Harold": true,
	"Malcolm": true, "Duncan": true, "Robert": true, "David": true, "Kenneth": true,
	"Donald": true, "Carlos": true, "Juan": true, "Amadeus": true, "Sancho": true,
	"Baldwin": true, "Conrad": true, "Lothair": true, "Pepin": true, "Philippe": true,
	"Jean": true, "Mohammed": true, "Muhammad": true, "Hassan": true, "Abdullah": true,
	"Hussein": true, "Faisal": true, "Selim": true, "Mehmed": true, "Murad": true,
	"Suleiman": true, "Bayezid": true, "Mahmud": true, "Abbas": true, "Ismail": true,
	"Tutankhamun": true, "Amenhotep": true, "Thutmose": true, "Seti": true,
	"Antiochus": true, "Seleucus": true, "Cleopatra": true, "Herod": true,
	"Innocentius": true, "Clovis": true, "Childeric": true, "Dagobert": true,
	"Knut": true, "Canute": true, "Eric": true, "Erik": true, "Magnus": true,
	"Valdemar": true, "Sverre": true, "Olaf": true, "Oscar": true, "Gustavus": true,
	"Karl": true, "Vasily": true, "Dmitry": true, "Fyodor": true, "Mikhail": true,
	"Alexis": true, "Anna": true, "Sobhuza": true, "Mswati": true, "Letsie": true,
	"Moshoeshoe": true, "Tupou": true, "Kamehameha": true, "Liliuokalani": true,
	"Edgar": true, "Aethelred": true, "Ethelred": true, "Athelstan": true, "Egbert": true,
	"Alfred": true, "Cnut": true, "Michael": true, "Isabel": true, "Theodore": true,
	"Basil": true, "Romanus": true, "Andronicus": true, "Alexius": true,
	"Sebastian": true, "Gustaf": true, "Christina": true, "Ulrika": true, "Farouk": true,
	"Fuad": true, "Idris": true, "Zog": true, "Norodom": true, "Bhumibol": true, "Mongkut": true, "Llywelyn": true, "Owain": true, "Rhodri": true,
}

// tenthNames are the regnal names that reached a tenth ruler, so a lone
// "X" after them is a numeral.
var tenthNames = map[string]bool{
	"Louis": true, "Charles": true, "Pius": true, "Leo": true, "Gregory": true,
	"Clement": true, "Innocent": true, "Benedict": true, "Alfonso": true,
	"Christian": true, "John": true, "Stephen": true, "Rama": true,
}

// regnalTitles before a name mark a regnal number: "King Zog I".
var regnalTitles = map[string]bool{
	"King": true, "Queen": true, "Pope": true, "Emperor": true, "Empress": true,
	"Tsar": true, "Czar": true, "Tsarina": true, "Sultan": true, "Pharaoh": true,
	"Prince": true, "Princess": true, "Duke": true, "Duchess": true, "Earl": true,
	"Count": true, "Countess": true, "Shah": true, "Kaiser": true, "Emir": true,
	"Khan": true, "Patriarch": true, "Caliph": true, "Margrave": true, "Elector": true,
}

// romanValue parses a canonical Roman numeral (1 to 3999).
func romanValue(s string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total > 3999 || toRoman(total) != s {
		return 0
	}
	return total
}

func toRoman(n int) string {
	syms := []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
		{50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}
	var b strings.Builder
	for _, x := range syms {
		for n >= x.v {
			b.WriteString(x.s)
			n -= x.v
		}
	}
	return b.String()
}

// roman speaks Roman numerals in names and titles: "Charles III" →
// "Charles the third", "World War II" → "World War two", "Chapter IV" →
// "Chapter four", a heading "VIII." → "eight". It is a rule of the
// shared engine's shape (package rule).
func roman(t *rule.Text, i int) (rule.Match, bool) {
	w := t.Words[i]
	c := w.Core
	suffix := ""
	for _, suf := range []string{".'s", "'s", ".’s", "’s"} {
		if strings.HasSuffix(c, suf) {
			c, suffix = c[:len(c)-len(suf)], "'s"
			break
		}
	}
	ordinal := false
	if len(c) > 2 && (strings.HasSuffix(c, "th") || strings.HasSuffix(c, "st") || strings.HasSuffix(c, "nd") || strings.HasSuffix(c, "rd")) && strings.Trim(c[:len(c)-2], "IVXL") == "" {
		// "the IVth": an ordinal.
		c, ordinal = c[:len(c)-2], true
	}
	if c == "" || strings.Trim(c, "IVXLCDM") != "" {
		return rule.Match{}, false
	}
	v := romanValue(c)
	if v == 0 {
		return rule.Match{}, false
	}
	var prev string
	prevOK := i > 0 && t.Words[i-1].Trail == ""
	if i > 0 {
		prev = t.Words[i-1].Core
	}
	var said []string
	m := rule.Match{N: 1}
	simple := strings.Trim(c, "IVX") == "" || len(c) >= 4 && strings.Trim(c, "IVXL") == ""
	digits := itoa(v)
	if ordinal {
		return rule.Match{N: 1, Tokens: rule.Say(w.CS, w.CE(), appendOrdinal(nil, digits)...)}, true
	}
	regnal := prevOK && (regnalNames[titleCase(prev)] || i > 1 && regnalTitles[t.Words[i-2].Core] && isCapitalized(prev) ||
		isCapitalized(prev) && (strings.HasSuffix(prev, "ius") || strings.HasSuffix(prev, "ian")) ||
		len(c) >= 2 && loneName(t, i-1) && regnalContext(t, i))
	switch {
	case regnal && (len(c) > 1 || c == "I" || c == "V" || c == "X" && (tenthNames[prev] || i > 1 && regnalTitles[t.Words[i-2].Core])):
		// A lone "X" needs a title or a name that had a tenth ("Pius X",
		// "King Zog X"): "Malcolm X" is a letter.
		said = append(said, "the")
		said = appendOrdinal(said, digits)
		if c == "I" && strings.HasPrefix(w.Trail, ".") && i+1 < len(t.Words) && !isCapitalized(t.Words[i+1].Core) {
			m.Flags = rule.Dot
		}
	case prevOK && chapterWords[strings.ToLower(prev)] && (isCapitalized(prev) || len(c) > 1) && !(c == "X" && strings.EqualFold(prev, "series")):
		// "Series X" is a product name ("Xbox Series X").
		said = appendCardinal(said, digits)
	case len(c) >= 2 && simple && prevOK && isCapitalized(prev) && !isUpperASCII(prev) && c != "IV" || len(c) >= 2 && simple && prevOK && isCapitalized(prev) && t.Shout:
		said = appendCardinal(said, digits)
	case c == "II" || c == "III" || len(c) >= 3 && simple:
		// Never an English word or a usual acronym.
		said = appendCardinal(said, digits)
	case simple && i == 0 && (len(t.Words) == 1 || strings.HasPrefix(w.Trail, ".")) && len(c) > 1:
		said = appendCardinal(said, digits)
	default:
		return rule.Match{}, false
	}
	if suffix != "" {
		said[len(said)-1] += suffix
	}
	m.Tokens = rule.Say(w.CS, w.CE(), said...)
	return m, true
}

// loneName reports whether word j is a single capitalised name, not part
// of a longer title ("Rameses II", "Tutankhamun's" father "Seti I"; but
// "Final Fantasy VII", "World War II" and "Chapter IV" are titles and
// numbered things): the word before it is not capitalised, or it opens
// the text or a clause.
func loneName(t *rule.Text, j int) bool {
	w := t.Words[j]
	if !isCapitalized(w.Core) || isUpperASCII(w.Core) || len(w.Core) < 3 || !isAlphaWord(w.Core) ||
		chapterWords[strings.ToLower(w.Core)] || sentenceStarters[w.Core] || t.Shout {
		return false
	}
	if j == 0 || t.Words[j-1].Trail != "" || w.Lead != "" {
		return true
	}
	p := t.Words[j-1].Core
	return !isCapitalized(p) || sentenceStarters[p] || strings.EqualFold(p, "the")
}

// regnalWords in a sentence are the evidence that a lone name with a
// numeral is a ruler ("Rameses II ruled", "the tomb of Seti I"), not a
// boat, a dog or a sequel ("Splinter II", "Wakiva II").
var regnalWords = map[string]bool{
	"king": true, "kings": true, "queen": true, "pharaoh": true, "pharaohs": true, "emperor": true,
	"empress": true, "pope": true, "tsar": true, "czar": true, "sultan": true, "reign": true,
	"reigned": true, "ruled": true, "ruler": true, "rulers": true, "throne": true, "dynasty": true,
	"crowned": true, "coronation": true, "succeeded": true, "successor": true, "monarch": true,
	"kingdom": true, "empire": true, "abdicated": true, "tomb": true, "mummy": true, "royal": true,
	"regent": true, "heir": true, "dynastic": true, "conquered": true, "ascended": true,
}

// regnalContext reports whether the words around i (a sentence's worth,
// bounded so that time stays linear) name rule or royalty.
func regnalContext(t *rule.Text, i int) bool {
	for _, w := range t.Words[max(0, i-25):min(len(t.Words), i+25)] {
		if len(w.Core) >= 4 && regnalWords[strings.ToLower(w.Core)] {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// titleCase turns "CHARLES" into "Charles" for name lookups.
func titleCase(s string) string {
	if len(s) < 2 || !isUpperASCII(s) {
		return s
	}
	return s[:1] + strings.ToLower(s[1:])
}
