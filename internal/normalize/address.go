package normalize

import "strings"

// streetTypes are the last word of a street address and how it is read.
var streetTypes = map[string]string{
	"st": "Street", "street": "Street", "ave": "Avenue", "avenue": "Avenue",
	"rd": "Road", "road": "Road", "blvd": "Boulevard", "boulevard": "Boulevard",
	"dr": "Drive", "drive": "Drive", "ln": "Lane", "lane": "Lane",
	"ct": "Court", "court": "Court", "expy": "Expressway", "expressway": "Expressway",
	"hwy": "Highway", "highway": "Highway", "way": "Way", "pl": "Place",
	"place": "Place", "pkwy": "Parkway", "parkway": "Parkway", "sq": "Square",
	"square": "Square", "ter": "Terrace", "terrace": "Terrace", "cir": "Circle",
}

// compass letters before a street name.
var compass = map[string]string{"N": "North", "S": "South", "E": "East", "W": "West",
	"NE": "Northeast", "NW": "Northwest", "SE": "Southeast", "SW": "Southwest"}

// postalStates are two-letter codes read as the state's name before a ZIP
// code ("Santa Clara, CA 95051").
var postalStates = map[string]string{
	"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
	"CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
	"HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
	"KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
	"MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
	"MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
	"NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
	"ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
	"RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
	"TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
	"WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "DC": "D C",
}

// addressAt speaks "2788 San Tomas Expy" and "314 W. 42nd Street": a house
// number read in pairs, compass letters and the street type in full.
func (st *state) addressAt(i int, v num) int {
	if !v.isInt() || len(v.intg) > 5 || v.intg[0] == '0' || st.words[i].trail != "" {
		return 0
	}
	end := -1
	for j := i + 1; j < len(st.words) && j <= i+4; j++ {
		w := st.words[j]
		if w.lead != "" {
			return 0
		}
		var kb [24]byte
		k, _ := foldKey(w.core, &kb)
		if _, ok := streetTypes[string(k)]; ok && j > i+1 {
			end = j
			break
		}
		_, isOrd := dayOrdinal(w.core)
		if w.trail != "" && !(w.trail == "." && compass[w.core] != "") || !(isCapitalized(w.core) || isOrd) ||
			!isOrd && strings.ContainsAny(w.core, "0123456789") {
			// "1 A00 sq" is no street: a name with digits would pass unread.
			return 0
		}
	}
	if end < 0 {
		return 0
	}
	st.buf = appendHouseNumber(st.buf, v.intg)
	w := st.words[i]
	st.say(w.cs, w.ce())
	for j := i + 1; j <= end; j++ {
		x := st.words[j]
		var kb [24]byte
		k, _ := foldKey(x.core, &kb)
		switch {
		case j == end:
			st.emit1(streetTypes[string(k)], x.cs, x.ce())
		case compass[x.core] != "" && j < end:
			st.emit1(compass[x.core], x.cs, x.ce())
		default:
			if d, ok := dayOrdinal(x.core); ok {
				st.buf = appendOrdinal(st.buf, d)
			} else {
				st.buf = st.appendAlpha(st.buf, x.core)
			}
			st.say(x.cs, x.ce())
		}
		if j < end {
			st.attachInner(j)
		}
	}
	if strings.HasPrefix(st.words[end].trail, ".") && end+1 < len(st.words) && !isCapitalized(st.words[end+1].core) {
		st.dropDot = true
	}
	return end - i + 1
}

// attachInner keeps the punctuation of a word inside a multi-word rule,
// except a compass abbreviation's period.
func (st *state) attachInner(j int) {
	if t := st.words[j].trail; t != "" && t != "." && len(st.toks) > 0 {
		st.toks[len(st.toks)-1].Spoken += t
	}
}

// dayOrdinal parses "1st", "42nd".
func dayOrdinal(s string) (string, bool) {
	if len(s) < 3 {
		return "", false
	}
	d := s[:len(s)-2]
	if !isDigits(d) || !isOrdinalSuffix(strings.ToLower(s[len(s)-2:]), d) {
		return "", false
	}
	return d, true
}

// appendHouseNumber reads "123" as "one twenty three", "2788" as "twenty
// seven eighty eight", "708" as "seven o eight".
func appendHouseNumber(dst []string, d string) []string {
	switch len(d) {
	case 3:
		dst = append(dst, ones[d[0]-'0'])
		r := atoiSmall(d[1:])
		switch {
		case r == 0:
			return append(dst, "hundred")
		case r < 10:
			return append(dst, "o", ones[r])
		}
		return appendUnder100(dst, r)
	case 4:
		return appendYear(dst, d)
	case 5:
		return appendDigits(dst, d)
	}
	return appendCardinal(dst, d)
}

// postalAt reads "CA 95051" as "California nine five zero five one".
func (st *state) postalAt(i int) int {
	w := st.words[i]
	name, ok := postalStates[w.core]
	if !ok || i == 0 || st.words[i-1].trail != "," || w.trail != "" && w.trail != "," {
		return 0
	}
	if i+1 >= len(st.words) || w.trail == "," && isCapitalized(st.words[i-1].core) && !isDigits(st.words[i+1].core) {
		// "Galveston, TX, to" and "City, NY" at the end.
		if w.trail != "" && w.trail != "," || !isCapitalized(st.words[i-1].core) {
			return 0
		}
		for _, x := range strings.Fields(name) {
			st.emit1(x, w.cs, w.ce())
		}
		return 1
	}
	nx := st.words[i+1]
	if w.trail == "" && i == len(st.words)-1 {
		// "123 Smth St, City, NY" at the end of a line.
		for _, x := range strings.Fields(name) {
			st.emit1(x, w.cs, w.ce())
		}
		return 1
	}
	zip := nx.core
	if len(zip) == 10 && zip[5] == '-' {
		zip = zip[:5] + zip[6:]
	}
	if !isDigits(zip) || len(nx.core) != 5 && len(nx.core) != 10 || nx.lead != "" {
		return 0
	}
	for _, x := range strings.Fields(name) {
		st.emit1(x, w.cs, w.ce())
	}
	st.attachInner(i)
	st.buf = appendDigits(st.buf, zip)
	st.say(nx.cs, nx.ce())
	return 2
}
