package normalize

import "strings"

// acronyms lists capitalised words whose reading the fallback rule would
// get wrong: true spells them (OSCE, UBS), false reads them as words.
var acronyms = map[string]bool{
	"OSCE": true, "UBS": true, "OECD": true, "UNHCR": true, "NAACP": true,
	"ACLU": true, "AFP": true, "IAEA": true, "USSR": true, "NYPD": true,
	"LAPD": true, "HSBC": true, "BBVA": true, "ESPN": true, "NCAA": true,
	"IOC": true, "WHO": true, "IMF": true, "ECB": true, "USDA": true,
	"ABC": true, "AP": true, "EU": true, "UN": true, "US": true, "UK": true,
	"NATO": false, "UNESCO": false, "UNICEF": false, "NASA": false,
	"FIFA": false, "UEFA": false, "AIDS": false, "ASEAN": false,
	"NAFTA": false, "OPEC": false, "COVID": false, "SARS": false,
	"MERS": false, "ISIS": false, "CERN": false, "NOAA": false,
	"FEMA": false, "OSHA": false, "DARPA": false, "BRICS": false,
	"LIBOR": false, "NASDAQ": false, "FTSE": false, "DAX": false,
	"IKEA": false, "LASER": false, "RADAR": false, "SCUBA": false,
	"GIF": false, "PIN": false, "SIM": false, "SWAT": false, "ICE": false,
	"NIMBY": false, "WASP": false, "UNAIDS": false, "UNRWA": false,
	"INTERPOL": false, "EUROPOL": false, "FRONTEX": false, "MOMA": false,
	"SEAL": false, "SEALS": false, "CAT": false, "HUD": false, "ESA": false,
	"OK": false, "TV": true, "I": false, "A": false, "PEN": false,
}

// abbr is one abbreviation: its expansion and where it applies.
type abbr struct {
	say     string
	needDot bool // only when written with its period
	before  byte // 'N': a number must follow; 'C': a capitalised word must follow
}

var abbreviations = map[string]abbr{
	"mr": {"mister", false, 'C'}, "mrs": {"missus", false, 'C'},
	"messrs": {"messieurs", false, 'C'},
	"prof":   {"professor", true, 'C'}, "gen": {"general", true, 'C'}, "lt": {"lieutenant", true, 'C'},
	"col": {"colonel", true, 'C'}, "capt": {"captain", true, 'C'}, "sgt": {"sergeant", true, 'C'},
	"gov": {"governor", true, 'C'}, "sen": {"senator", true, 'C'}, "rep": {"representative", true, 'C'},
	"rev": {"reverend", true, 'C'}, "hon": {"honorable", true, 0}, "pres": {"president", true, 'C'},
	"supt": {"superintendent", true, 'C'}, "cmdr": {"commander", true, 'C'}, "adm": {"admiral", true, 'C'},
	"jr": {"junior", false, 0}, "sr": {"senior", false, 0},
	"vs": {"versus", false, 0}, "etc": {"etcetera", true, 0}, "approx": {"approximately", true, 0},
	"fig": {"figure", true, 'N'}, "vol": {"volume", false, 0}, "no": {"number", false, 'N'},
	"nos": {"numbers", true, 'N'}, "corp": {"corporation", true, 0}, "inc": {"incorporated", true, 0},
	"ltd": {"limited", false, 0}, "ave": {"avenue", true, 0}, "blvd": {"boulevard", false, 0},
	"mt": {"mount", true, 'C'}, "dept": {"department", false, 0}, "univ": {"university", true, 0},
	"bros": {"brothers", false, 0}, "hwy": {"highway", false, 0}, "expy": {"expressway", false, 0},
	"ca": {"circa", true, 'N'}, "c": {"circa", true, 'N'}, "ch": {"chapter", true, 'N'},
	"pt": {"part", true, 'N'}, "sec": {"section", true, 'N'}, "art": {"article", true, 'N'},
	"est": {"established", true, 'N'}, "feat": {"featuring", true, 0},
	"pp": {"pages", true, 'N'}, "cpl": {"corporal", false, 'C'}, "pvt": {"private", false, 0},
}

// abbreviation expands titles and short forms: "Dr.", "St.", "No. 10".
func (st *state) abbreviation(i int) int {
	w := st.words[i]
	var kb [24]byte
	k, ok := foldKey(w.core, &kb)
	if !ok || len(k) > 7 {
		return 0
	}
	lc := string(k) // short: abbreviations are at most seven letters
	if _, known := abbreviations[string(k)]; !known && lc != "dr" && lc != "st" && lc != "ms" {
		if _, state := usStates[titleCase(w.core)]; !state {
			return 0
		}
	}
	dot := strings.HasPrefix(w.trail, ".")
	var next string
	if i+1 < len(st.words) {
		next = st.words[i+1].core
	}
	closed := w.trail == "" || dot || w.trail == ","
	switch lc {
	case "dr", "st":
		if w.core != "Dr" && w.core != "St" && w.core != "DR" && w.core != "ST" && w.core != "dr" && w.core != "st" {
			return 0
		}
		if lc == "st" && (w.core == "ST" || w.core == "st") && !dot {
			return 0
		}
		if !closed {
			return 0
		}
		prevCap := i > 0 && isCapitalized(st.words[i-1].core) && st.words[i-1].trail == ""
		nextCap := isCapitalized(next) && (w.trail == "." || w.trail == "") && !(dot && sentenceStarters[next])
		say := ""
		switch {
		case prevCap && !nextCap, prevCap && dot && i+1 < len(st.words) && !isCapitalized(next):
			say = map[string]string{"dr": "Drive", "st": "Street"}[lc]
		case nextCap:
			say = map[string]string{"dr": "doctor", "st": "saint"}[lc]
		case prevCap:
			say = map[string]string{"dr": "Drive", "st": "Street"}[lc]
		default:
			return 0
		}
		if dot && i+1 < len(st.words) && isCapitalized(next) && prevCap && (say == "Street" || say == "Drive") {
			// "Elm St. It was": the period also ends the sentence.
			st.dropDot = false
		} else {
			st.dropDot = dot
		}
		st.emit1(say, w.cs, w.ce())
		return 1
	}
	if n := st.stateName(i); n > 0 {
		return n
	}
	if w.core == "Ms" && closed && isCapitalized(next) {
		// Title case only: lower-case "ms" is milliseconds or a manuscript.
		st.dropDot = dot
		st.emit1("miz", w.cs, w.ce())
		return 1
	}
	a, ok := abbreviations[lc]
	if !ok || !closed || a.needDot && !dot {
		return 0
	}
	if (lc == "jr" || lc == "sr") && !dot && w.core != lc {
		return 0
	}
	if len(lc) == 1 && w.core != "c" {
		return 0
	}
	switch a.before {
	case 'N':
		if !startsNumber(next) || w.trail != "" && !dot {
			return 0
		}
		if lc == "no" && w.core == "no" && !dot {
			return 0
		}
	case 'C':
		if !isCapitalized(next) {
			return 0
		}
	}
	if lc == "vol" && !dot && !startsNumber(next) && w.core == "vol" {
		// "vol" at the end of a citation is still "volume".
	}
	st.dropDot = dot && (i+1 < len(st.words) && !isCapitalized(next) || a.before != 0)
	for _, x := range strings.Fields(a.say) {
		st.emit1(x, w.cs, w.ce())
	}
	return 1
}

// sentenceStarters are capitalised words that more likely open a new
// sentence than continue a name ("Elm St. It was").
var sentenceStarters = map[string]bool{"It": true, "The": true, "He": true, "She": true,
	"They": true, "We": true, "A": true, "An": true, "In": true, "On": true, "This": true,
	"That": true, "There": true, "I": true, "But": true, "And": true, "His": true, "Her": true}

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
// "Chapter four", a heading "VIII." → "eight".
func (st *state) roman(i int) bool {
	w := st.words[i]
	c := w.core
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
		return false
	}
	v := romanValue(c)
	if v == 0 {
		return false
	}
	var prev string
	prevOK := i > 0 && st.words[i-1].trail == ""
	if i > 0 {
		prev = st.words[i-1].core
	}
	simple := strings.Trim(c, "IVX") == "" || len(c) >= 4 && strings.Trim(c, "IVXL") == ""
	digits := itoa(v)
	if ordinal {
		st.buf = appendOrdinal(st.buf, digits)
		st.say(w.cs, w.ce())
		return true
	}
	regnal := prevOK && (regnalNames[titleCase(prev)] || i > 1 && regnalTitles[st.words[i-2].core] && isCapitalized(prev) ||
		isCapitalized(prev) && (strings.HasSuffix(prev, "ius") || strings.HasSuffix(prev, "ian")))
	switch {
	case regnal && (len(c) > 1 || c == "I" || c == "V" || c == "X"):
		st.buf = append(st.buf, "the")
		st.buf = appendOrdinal(st.buf, digits)
		if c == "I" && strings.HasPrefix(w.trail, ".") && i+1 < len(st.words) && !isCapitalized(st.words[i+1].core) {
			st.dropDot = true
		}
	case prevOK && chapterWords[strings.ToLower(prev)] && (isCapitalized(prev) || len(c) > 1):
		st.buf = appendCardinal(st.buf, digits)
	case len(c) >= 2 && simple && prevOK && isCapitalized(prev) && !isUpperASCII(prev) && c != "IV" || len(c) >= 2 && simple && prevOK && isCapitalized(prev) && st.shout:
		st.buf = appendCardinal(st.buf, digits)
	case c == "II" || c == "III" || len(c) >= 3 && simple:
		// Never an English word or a usual acronym.
		st.buf = appendCardinal(st.buf, digits)
	case simple && i == 0 && (len(st.words) == 1 || strings.HasPrefix(w.trail, ".")) && len(c) > 1:
		st.buf = appendCardinal(st.buf, digits)
	default:
		return false
	}
	if suffix != "" {
		st.buf[len(st.buf)-1] += suffix
	}
	st.say(w.cs, w.ce())
	return true
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

// usStates are the AP-style abbreviations news copy writes after a city
// ("Kansas City, Mo."), read as the state's name.
var usStates = map[string]string{
	"Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
	"Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
	"Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas",
	"Kans": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland",
	"Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota",
	"Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana", "Neb": "Nebraska",
	"Nev": "Nevada", "Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania",
	"Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont", "Va": "Virginia",
	"Wash": "Washington", "Wis": "Wisconsin", "Wyo": "Wyoming",
	"N.H": "New Hampshire", "N.J": "New Jersey", "N.M": "New Mexico",
	"N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota",
	"R.I": "Rhode Island", "S.C": "South Carolina", "S.D": "South Dakota",
	"W.Va": "West Virginia", "D.C": "D C",
}

// stateName reads "Mo." after "Kansas City," as "Missouri".
func (st *state) stateName(i int) int {
	w := st.words[i]
	if i == 0 || !strings.HasPrefix(w.trail, ".") {
		return 0
	}
	name, ok := usStates[titleCase(w.core)]
	prev := st.words[i-1]
	if !ok || prev.trail != "," || !isCapitalized(prev.core) {
		return 0
	}
	st.dropDot = i+1 < len(st.words)
	for _, x := range strings.Fields(name) {
		st.emit1(x, w.cs, w.ce())
	}
	return 1
}

// titleCase turns "CHARLES" into "Charles" for name lookups.
func titleCase(s string) string {
	if len(s) < 2 || !isUpperASCII(s) {
		return s
	}
	return s[:1] + strings.ToLower(s[1:])
}
