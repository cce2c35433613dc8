package normalize

import "strings"

// acronyms lists capitalised words whose reading the fallback rule would
// get wrong: true spells them (OSCE, UBS), false reads them as words.
var acronyms = map[string]bool{
	"OSCE": true, "UBS": true, "NYSE": true, "OECD": true, "UNHCR": true, "NAACP": true,
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
	"bros": {"brothers", false, 0}, "utd": {"United", false, 0},
	"incl": {"including", true, 0}, "excl": {"excluding", true, 0}, "govt": {"government", false, 0},
	"avg": {"average", true, 0}, "hwy": {"highway", false, 0}, "expy": {"expressway", false, 0},
	"ca": {"circa", true, 'N'}, "c": {"circa", true, 'N'}, "ch": {"chapter", true, 'N'},
	"pt": {"part", true, 'N'}, "sec": {"section", true, 'N'}, "art": {"article", true, 'N'},
	"est": {"established", true, 'N'}, "feat": {"featuring", true, 0},
	"pp": {"pages", true, 'N'}, "ft": {"fort", true, 'C'}, "maj": {"major", true, 'C'}, "brig": {"brigadier", true, 'C'}, "cpl": {"corporal", false, 'C'}, "pvt": {"private", false, 0},
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
	if _, known := abbreviations[string(k)]; !known && lc != "dr" && lc != "st" && lc != "ms" && lc != "co" && streetTypes[lc] == "" {
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
		if w.core != "Dr" && w.core != "St" && w.core != "dr" && w.core != "st" && !(dot || st.shout) {
			// "DR Congo", "Atari ST": capitals without a period are acronyms.
			return 0
		}
		if w.core == "dr" && !dot {
			return 0
		}
		if !closed {
			return 0
		}
		prevCap := i > 0 && (isCapitalized(st.words[i-1].core) || isOrdinalWord(st.words[i-1].core)) && st.words[i-1].trail == ""
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
	if street, ok := streetTypes[lc]; ok && len(lc) <= 4 && i > 0 && isOrdinalWord(st.words[i-1].core) && st.words[i-1].trail == "" && closed {
		// "6th ave", "42nd St."
		st.dropDot = dot
		st.emit1(street, w.cs, w.ce())
		return 1
	}
	if n := st.streetAfterName(i, lc, dot, closed); n > 0 {
		return n
	}
	if lc == "co" && w.core == "Co" && w.trail == "." && i+1 < len(st.words) && isCapitalized(next) && !sentenceStarters[next] &&
		(i == 0 || st.words[i-1].trail != "" || !isCapitalized(st.words[i-1].core) && st.words[i-1].core != "&" && st.words[i-1].core != "and") {
		// "in Co. Durham": an Irish or British county; "Smith & Co." is
		// left as written.
		st.dropDot = true
		st.emit1("County", w.cs, w.ce())
		return 1
	}
	a, ok := abbreviations[lc]
	if !ok || !closed || a.needDot && !dot && !(a.before == 'C' && undottedTitles[w.core]) {
		return 0
	}
	if (lc == "jr" || lc == "sr") && !dot && w.core != lc {
		return 0
	}
	if lc == "ft" && w.core != "Ft" {
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
		if !isCapitalized(next) && !(dot && (lc == "mr" || lc == "mrs")) {
			return 0
		}
	}
	if lc == "vol" && !dot && !startsNumber(next) && w.core == "vol" {
		// "vol" at the end of a citation is still "volume".
	}
	// Inside a sentence the period only marks the abbreviation; attach
	// keeps it at the end of the input.
	st.dropDot = dot
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

// isOrdinalWord reports whether s is written as an ordinal ("6th").
func isOrdinalWord(s string) bool {
	_, ok := dayOrdinal(s)
	return ok
}
