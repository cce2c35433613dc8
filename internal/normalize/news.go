package normalize

import "strings"

// Rules for forms that are frequent in news copy and ambiguous without a
// look at the neighbouring words.

// dimensionWords follow a length: "1.85m tall", "3m high".
var dimensionWords = map[string]bool{
	"tall": true, "high": true, "long": true, "wide": true, "deep": true,
	"thick": true, "away": true, "apart": true, "above": true, "below": true,
	"beneath": true, "underground": true, "underwater": true, "across": true,
	"short": true, "higher": true, "taller": true, "longer": true, "deeper": true,
	"wider": true, "lower": true, "offshore": true, "inland": true,
}

// dimensionNouns before "of" make the amount after it a length: "a
// height of 1.85m".
var dimensionNouns = map[string]bool{
	"height": true, "depth": true, "length": true, "width": true, "distance": true,
	"diameter": true, "radius": true, "altitude": true, "elevation": true,
	"span": true, "wingspan": true, "range": true, "circumference": true,
}

// metreSports are events named by a distance in metres: "the 100m
// hurdles", "400m relay".
var metreSports = map[string]bool{
	"hurdles": true, "freestyle": true, "relay": true, "sprint": true, "final": true,
	"finals": true, "heats": true, "backstroke": true, "breaststroke": true,
	"butterfly": true, "medley": true, "steeplechase": true, "dash": true,
	"race": true, "races": true, "walk": true, "record": true, "mark": true,
	"title": true, "individual": true, "semifinal": true, "semifinals": true,
}

// lengthContext reports whether the amount at word i is a length by its
// neighbours: a dimension word after it or "height of" before it.
func (st *state) lengthContext(i int) bool {
	w := st.words[i]
	if w.trail == "" && i+1 < len(st.words) && st.words[i+1].lead == "" {
		if dimensionWords[st.words[i+1].core] || metreSports[st.words[i+1].core] {
			return true
		}
	}
	if i >= 2 && st.words[i-1].core == "of" && st.words[i-1].trail == "" && st.words[i-2].trail == "" {
		return inFolded(dimensionNouns, st.words[i-2].core)
	}
	return false
}

// countAfter reports whether word i is followed by a plural count noun
// ("5m people", "2bn years"), which makes a bare "m" a million.
func (st *state) countAfter(i int) bool {
	w := st.words[i]
	if w.trail != "" || i+1 >= len(st.words) {
		return false
	}
	nx := st.words[i+1]
	if nx.lead != "" || inFolded(metreSports, nx.core) {
		return false
	}
	if countNouns[nx.core] {
		return true
	}
	c := nx.core
	if len(c) >= 3 && c[len(c)-1] == 's' && isUpperASCII(c[:len(c)-1]) {
		// "10m EVs": the plural of an acronym.
		return true
	}
	// A plural ("viewers", "doses", "iPhones", "Americans"); units and
	// "-ss" words ("across", "less") are not counts.
	if len(c) < 4 || !isAlphaWord(c) || c[len(c)-1] != 's' || c[len(c)-2] == 's' || c[len(c)-2] == 'u' {
		return false
	}
	_, unit := lookupUnit(c)
	return !unit && !dimensionWords[c]
}

// inFolded looks s up in a lower-case set without allocating.
func inFolded(set map[string]bool, s string) bool {
	var kb [24]byte
	k, ok := foldKey(s, &kb)
	return ok && set[string(k)]
}

// dayRange parses "3-5" or "14–15" (two days of a month, rising).
func dayRange(c string) (a, b string, ok bool) {
	if len(c) < 3 || !isDigitByte(c[0]) || len(c) > 12 {
		return "", "", false
	}
	k := strings.IndexAny(c, "-–")
	if k <= 0 {
		return "", "", false
	}
	dash := 1
	if c[k] != '-' {
		dash = len("–")
	}
	a, okA := dayOf(c[:k])
	b, okB := dayOf(c[k+dash:])
	if !okA || !okB || atoiSmall(a) >= atoiSmall(b) {
		return "", "", false
	}
	return a, b, true
}

// dayToDay speaks "1 to 3 June" and "5 and 6 May" as "the first to the
// third of June": the first day borrows the month of the second.
func (st *state) dayToDay(i int) int {
	if i+3 >= len(st.words) || st.words[i].core == "" || !isDigitByte(st.words[i].core[0]) {
		return 0
	}
	w := st.words[i]
	if w.trail != "" {
		return 0
	}
	conj := st.words[i+1]
	if conj.lead != "" || conj.trail != "" || conj.core != "to" && conj.core != "and" && conj.core != "until" && conj.core != "through" {
		return 0
	}
	a, ok := dayOf(w.core)
	if !ok {
		return 0
	}
	d := st.words[i+2]
	_, ok = dayOf(d.core)
	if !ok || d.lead != "" || d.trail != "" {
		return 0
	}
	m, abbr := monthOf(st.words[i+3].core)
	if m == "" || !isCapitalized(st.words[i+3].core) || st.words[i+3].lead != "" {
		return 0
	}
	if abbr && st.words[i+3].trail != "" && !strings.HasPrefix(st.words[i+3].trail, ".") {
		return 0
	}
	if i == 0 || !strings.EqualFold(st.words[i-1].core, "the") {
		st.buf = append(st.buf, "the")
	}
	st.buf = appendOrdinal(st.buf, a)
	st.say(w.cs, w.ce())
	st.emit1(conj.core, conj.cs, conj.ce())
	// The second day and its month are an ordinary day-first date.
	return 2
}

// dayRangeFirst speaks "14-15 April 1912" as "the fourteenth to the
// fifteenth of April nineteen twelve".
func (st *state) dayRangeFirst(i int) int {
	if st.words[i].core == "" || !isDigitByte(st.words[i].core[0]) {
		return 0
	}
	w := st.words[i]
	if w.trail != "" || i+1 >= len(st.words) {
		return 0
	}
	a, b, ok := dayRange(w.core)
	if !ok {
		return 0
	}
	nx := st.words[i+1]
	m, abbr := monthOf(nx.core)
	if m == "" || nx.lead != "" || !isCapitalized(nx.core) {
		return 0
	}
	if abbr && nx.trail != "" && !strings.HasPrefix(nx.trail, ".") {
		return 0
	}
	if i == 0 || !strings.EqualFold(st.words[i-1].core, "the") {
		st.buf = append(st.buf, "the")
	}
	st.buf = appendOrdinal(st.buf, a)
	st.buf = append(st.buf, "to", "the")
	st.buf = appendOrdinal(st.buf, b)
	st.buf = append(st.buf, "of", m)
	used, last := 2, nx
	if abbr && strings.HasPrefix(nx.trail, ".") {
		st.dropDot = true
	}
	if nx.trail == "" || nx.trail == "," || abbr && nx.trail == "." {
		if j := st.skipMark(i+2, ","); j < len(st.words) {
			if y, ok := yearOf(st.words[j].core); ok && st.words[j].lead == "" {
				st.buf = appendYear(st.buf, y)
				used, last = j-i+1, st.words[j]
				st.dropDot = false
			}
		}
	}
	st.say(w.cs, last.ce())
	return used
}

// monthDayRange speaks the day part after a month name when it is a range:
// "March 3-5" ("March third to fifth") or "Nov. 30-Dec. 2" ("November
// thirtieth to December second"). j is the word after the month; it
// returns the words used from j on, 0 when the form does not match.
func (st *state) monthDayRange(j int) (used int, last word) {
	nx := st.words[j]
	if nx.lead != "" {
		return 0, nx
	}
	if a, b, ok := dayRange(nx.core); ok && (nx.trail == "" || nx.trail == "," || nx.trail == "." || nx.trail == ";") {
		st.buf = appendOrdinal(st.buf, a)
		st.buf = append(st.buf, "to")
		st.buf = appendOrdinal(st.buf, b)
		return 1, nx
	}
	k := strings.IndexAny(nx.core, "-–")
	if k <= 0 || j+1 >= len(st.words) {
		return 0, nx
	}
	dash := 1
	if nx.core[k] != '-' {
		dash = len("–")
	}
	a, ok := dayOf(nx.core[:k])
	m2, abbr2 := monthOf(nx.core[k+dash:])
	if !ok || m2 == "" || !isCapitalized(nx.core[k+dash:]) || nx.trail != "" && !(abbr2 && nx.trail == ".") {
		return 0, nx
	}
	d := st.words[j+1]
	b, ok := dayOf(d.core)
	if !ok || d.lead != "" {
		return 0, nx
	}
	st.buf = appendOrdinal(st.buf, a)
	st.buf = append(st.buf, "to", m2)
	st.buf = appendOrdinal(st.buf, b)
	return 2, d
}

// newsUnits are read after a number written apart or glued to it: "2
// pts", "10 yrs", "25bp".
var newsUnits = map[string]unit{
	"pts": {"point", "points"}, "yr": {"year", "years"}, "yrs": {"year", "years"},
	"bp": {"basis point", "basis points"}, "bps": {"basis point", "basis points"},
	"mins": {"minute", "minutes"}, "secs": {"second", "seconds"},
	"wks": {"week", "weeks"}, "mths": {"month", "months"},
	"cl":   {"centiliter", "centiliters"},
	"kcal": {"kilocalorie", "kilocalories"}, "kn": {"knot", "knots"}, "kt": {"knot", "knots"},
}

// videoLines are the heights that make "1080p" a screen format, not
// pence.
var videoLines = map[string]bool{"720": true, "1080": true, "1440": true, "2160": true, "4320": true}

// pence speaks "99p" and "45p" as pence ("one penny" for "1p"); "1080p"
// is a video format, read as "ten eighty p".
func (st *state) pence(i int, v num) bool {
	w := st.words[i]
	if v.neg || v.plus || v.commas {
		return false
	}
	if videoLines[v.intg] && !v.dot {
		st.buf = appendYear(st.buf, v.intg)
		st.buf = append(st.buf, "p")
		st.say(w.cs, w.ce())
		return true
	}
	st.buf = appendUnit(appendNum(st.buf, v), unit{"penny", "pence"}, v, false)
	st.say(w.cs, w.ce())
	return true
}

// weekdays are the abbreviations of day names used in datelines.
var weekdays = map[string]string{
	"Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday",
	"Thu": "Thursday", "Thur": "Thursday", "Thurs": "Thursday", "Fri": "Friday",
	"Sat": "Saturday", "Sun": "Sunday",
}

// dayPrepositions before an abbreviated day name make it a day.
var dayPrepositions = map[string]bool{
	"on": true, "by": true, "until": true, "till": true, "from": true, "since": true,
	"last": true, "next": true, "this": true, "before": true, "after": true, "to": true,
	"through": true, "early": true, "late": true,
}

// weekdayAt expands "Thu, 12 Oct 2023" and "Mon., Jan. 8": an abbreviated
// day name followed by a date.
func (st *state) weekdayAt(i int) int {
	if c := st.words[i].core; len(c) < 3 || len(c) > 5 || c[0] < 'F' || c[0] > 'W' || c[1] < 'a' {
		return 0
	}
	w := st.words[i]
	day, ok := weekdays[w.core]
	if !ok {
		return 0
	}
	if w.trail != "," && w.trail != "." && w.trail != ".," && w.trail != "" {
		return 0
	}
	if i > 0 && st.words[i-1].trail == "" && inFolded(dayPrepositions, st.words[i-1].core) && w.core != "Sun" {
		// "on Sat.", "until Wed": a day name after a preposition.
		// The period stays where it also ends the sentence.
		st.dropDot = strings.HasPrefix(w.trail, ".") && i+1 < len(st.words) && !isCapitalized(st.words[i+1].core)
		st.emit1(day, w.cs, w.ce())
		return 1
	}
	if i+1 >= len(st.words) || i > 0 && strings.EqualFold(st.words[i-1].core, "the") {
		// "The Sun, 12 May": the newspaper.
		return 0
	}
	j := i + 1
	if w.trail == "" {
		j = st.skipMark(st.skipMark(j, "."), ",")
	}
	if j >= len(st.words) || st.words[j].lead != "" {
		return 0
	}
	nx := st.words[j].core
	if _, isDay := dayOf(nx); !isDay {
		if m, _ := monthOf(nx); m == "" || !isCapitalized(nx) {
			return 0
		}
	}
	st.dropDot = strings.HasPrefix(w.trail, ".")
	st.emit1(day, w.cs, w.ce())
	return 1
}

// timePrepositions before "1600 hrs" make it a time of day.
var timePrepositions = map[string]bool{
	"at": true, "by": true, "until": true, "till": true, "from": true, "before": true,
	"after": true, "since": true, "around": true, "about": true,
}

// wireTime speaks a four-digit 24-hour time before a time zone, as news
// wires write it: "0900 GMT" ("oh nine hundred"), "1430 GMT".
func (st *state) wireTime(i int, v num) int {
	w := st.words[i]
	if !v.isInt() || len(v.intg) != 4 || w.trail != "" || i+1 >= len(st.words) {
		return 0
	}
	nx := st.words[i+1]
	if nx.core == "hours" || nx.core == "hrs" {
		// "at 1600 hrs" is a time; "1600 hours of video" a duration.
		if i == 0 || !inFolded(timePrepositions, st.words[i-1].core) {
			return 0
		}
	} else if !timeZones[nx.core] && nx.core != "local" {
		return 0
	}
	h, m := atoiSmall(v.intg[:2]), atoiSmall(v.intg[2:])
	if h > 23 || m > 59 {
		return 0
	}
	if h < 10 {
		st.buf = append(st.buf, "o", ones[h])
	} else {
		st.buf = appendUnder100(st.buf, h)
	}
	switch {
	case m == 0:
		st.buf = append(st.buf, "hundred")
	case m < 10:
		st.buf = append(st.buf, "o", ones[m])
	default:
		st.buf = appendUnder100(st.buf, m)
	}
	if nx.core == "hours" || nx.core == "hrs" {
		st.buf = append(st.buf, "hours")
		st.say(w.cs, nx.ce())
		return 2
	}
	st.say(w.cs, w.ce())
	return 1
}

// feetInches speaks `6'2"` as "six feet two inches"; rest is what follows
// the feet ("'2"); the inch mark is in the word's trailing punctuation or
// in rest.
func (st *state) feetInches(i int, v num, rest string) bool {
	w := st.words[i]
	if !v.isInt() || len(v.intg) > 1 {
		return false
	}
	size := len(firstRune(rest))
	if size == 0 || !strings.HasPrefix(rest, "'") && !strings.HasPrefix(rest, "’") && !strings.HasPrefix(rest, "′") {
		return false
	}
	in := rest[size:]
	mark := ""
	for _, q := range []string{"\"", "″", "”", "''"} {
		if strings.HasSuffix(in, q) {
			in, mark = strings.TrimSuffix(in, q), q
			break
		}
	}
	trail := w.trail
	if mark == "" {
		for _, q := range []string{"\"", "″", "”"} {
			if strings.HasPrefix(trail, q) {
				mark, trail = q, trail[len(q):]
				break
			}
		}
	}
	if mark == "" || !isDigits(in) || len(in) > 2 || atoiSmall(in) > 11 {
		return false
	}
	st.buf = appendCardinal(st.buf, v.intg)
	st.buf = append(st.buf, "feet")
	if atoiSmall(in) > 0 {
		st.buf = appendUnit(appendCardinal(st.buf, in), unit{"inch", "inches"}, num{intg: in}, false)
	}
	st.words[i].trail = trail
	st.say(w.cs, w.ce())
	return true
}

// monthThenDay reports whether word j is a capitalised month name followed
// by a day: the end of "Nov. 30 - Dec. 2".
func (st *state) monthThenDay(j int) bool {
	w := st.words[j]
	m, abbr := monthOf(w.core)
	if m == "" || !isCapitalized(w.core) || w.lead != "" || j+1 >= len(st.words) {
		return false
	}
	k := j + 1
	if abbr && w.trail == "" {
		k = st.skipMark(k, ".")
	} else if w.trail != "" && !(abbr && w.trail == ".") {
		return false
	}
	if k >= len(st.words) {
		return false
	}
	_, ok := dayOf(st.words[k].core)
	return ok
}

// scoreWords around "A-B" make it a score or a vote, read "A to B" even
// when B is shorter ("won 101-99", "a 100-1 outsider").
var scoreWords = map[string]bool{
	"won": true, "beat": true, "lost": true, "defeated": true, "win": true,
	"wins": true, "victory": true, "loss": true, "defeat": true, "lead": true,
	"led": true, "trailed": true, "score": true, "scored": true, "vote": true,
	"voted": true, "passed": true, "margin": true, "draw": true, "outsider": true,
	"odds": true, "shot": true, "favourite": true, "favorite": true, "by": true,
}

func (st *state) scoreContext(i int) bool {
	if i > 0 && st.words[i-1].trail == "" && inFolded(scoreWords, st.words[i-1].core) {
		return true
	}
	return i+1 < len(st.words) && st.words[i].trail == "" && scoreWords[st.words[i+1].core]
}

// dialVerbs before a short number make it a phone number read digit by
// digit: "call 999", "dialled 112".
var dialVerbs = map[string]bool{
	"call": true, "called": true, "calling": true, "calls": true, "dial": true,
	"dialled": true, "dialed": true, "dialling": true, "dialing": true,
	"ring": true, "rang": true, "phone": true, "phoned": true, "text": true,
}

// endingDigits reads the tail of a card or account number digit by
// digit: "a card ending in 8876".
func (st *state) endingDigits(i int, v num) bool {
	w := st.words[i]
	if !v.isInt() || len(v.intg) < 2 || len(v.intg) > 6 || i < 3 {
		return false
	}
	p, pp := st.words[i-1], st.words[i-2]
	if p.trail != "" || pp.trail != "" || p.core != "in" && p.core != "with" || pp.core != "ending" || !codeNouns[st.words[i-3].core] {
		return false
	}
	st.buf = appendDigits(st.buf, v.intg)
	st.say(w.cs, w.ce())
	return true
}

// codeNouns name things identified by a number ("a card ending in 8876";
// "a season ending in 2010" is a year).
var codeNouns = map[string]bool{
	"card": true, "cards": true, "account": true, "number": true, "numbers": true,
	"phone": true, "plate": true, "plates": true, "code": true, "ID": true, "digits": true,
	"registration": true, "serial": true,
}

// serviceNumber reads emergency and service numbers digit by digit: "911"
// always (as in "a 911 call") unless things are counted ("911 people"),
// other three-digit numbers after a dialling verb ("call 999").
func (st *state) serviceNumber(i int, v num) bool {
	w := st.words[i]
	if !v.isInt() || len(v.intg) != 3 || v.intg[0] == '0' {
		return false
	}
	if v.intg == "911" {
		if w.trail == "" && i+1 < len(st.words) && countNouns[st.words[i+1].core] {
			return false
		}
	} else if i == 0 || st.words[i-1].trail != "" || !inFolded(dialVerbs, st.words[i-1].core) {
		return false
	}
	st.buf = appendDigits(st.buf, v.intg)
	st.say(w.cs, w.ce())
	return true
}

// undottedTitles are title abbreviations that British copy writes without
// a period ("Sgt Smith", "Mt Everest"); title case only, so "SEN" or
// "rev" stay as written.
var undottedTitles = map[string]bool{
	"Prof": true, "Lt": true, "Col": true, "Capt": true, "Sgt": true, "Gov": true,
	"Sen": true, "Rev": true, "Supt": true, "Cmdr": true, "Adm": true, "Maj": true,
	"Brig": true, "Mt": true, "mt": true, "Ft": true,
}

// dimensionBy reads the "x" of "10 x 12" (sizes, dimensions) as "by".
func (st *state) dimensionBy(i int) bool {
	w := st.words[i]
	if i == 0 || i+1 >= len(st.words) || w.lead != "" || w.trail != "" {
		return false
	}
	prev, next := st.words[i-1], st.words[i+1]
	if prev.trail != "" || next.lead != "" || !endsWithDigit(prev.core) || !startsNumber(next.core) {
		return false
	}
	st.emit1("by", w.cs, w.ce())
	return true
}

// splitPossessive handles a number followed by a detached "'s" ("the
// 1950 's", "Lead 21 's"), as tokenized text writes it: a decade, or the
// number with its ending.
func (st *state) splitPossessive(i int, v num) int {
	w := st.words[i]
	if !v.isInt() || w.trail != "" || i+1 >= len(st.words) {
		return 0
	}
	nx := st.words[i+1]
	if nx.core != "s" || nx.lead != "'" && nx.lead != "’" {
		return 0
	}
	if (len(v.intg) == 2 || len(v.intg) == 4) && strings.HasSuffix(v.intg, "0") {
		st.buf = appendDecade(st.buf, v.intg)
	} else {
		st.buf = appendNum(st.buf, v)
		st.buf[len(st.buf)-1] += "'s"
	}
	st.say(w.cs, nx.ce())
	return 2
}

// ratioWords after "A:B" make it a ratio or a score, not a time.
var ratioWords = map[string]bool{
	"ratio": true, "majority": true, "margin": true, "odds": true, "win": true,
	"victory": true, "lead": true, "defeat": true, "loss": true, "vote": true,
	"scoreline": true, "draw": true, "aggregate": true,
}

// ratioAt speaks "a 3:1 ratio" and "a 2:1 win" as "three to one".
func (st *state) ratioAt(i int) bool {
	w := st.words[i]
	if w.trail != "" || i+1 >= len(st.words) || !ratioWords[st.words[i+1].core] || st.words[i+1].lead != "" {
		return false
	}
	a, b, ok := strings.Cut(w.core, ":")
	if !ok || !isDigits(a) || !isDigits(b) || len(a) > 3 || len(b) > 3 || a[0] == '0' && len(a) > 1 {
		return false
	}
	st.buf = appendCardinal(st.buf, a)
	st.buf = append(st.buf, "to")
	st.buf = appendCardinal(st.buf, b)
	st.say(w.cs, w.ce())
	return true
}

// taxCode speaks US code sections with lettered parts, "401(k)" ("four oh
// one k") and "501(c)(3)" ("five oh one c three").
func (st *state) taxCode(c string, off int) bool {
	k := strings.IndexByte(c, '(')
	if k != 3 || !isDigits(c[:3]) || c[0] == '0' || len(c) < 6 || c[5] != ')' || c[4] < 'a' || c[4] > 'z' {
		return false
	}
	rest := c[6:]
	sub := ""
	if rest != "" {
		if len(rest) < 3 || rest[0] != '(' || rest[len(rest)-1] != ')' || !isDigits(rest[1:len(rest)-1]) {
			return false
		}
		sub = rest[1 : len(rest)-1]
	}
	st.buf = append(st.buf, ones[c[0]-'0'])
	if c[1] == '0' {
		st.buf = append(st.buf, "oh", ones[c[2]-'0'])
	} else {
		st.buf = appendUnder100(st.buf, atoiSmall(c[1:3]))
	}
	st.buf = append(st.buf, c[4:5])
	if sub != "" {
		st.buf = appendCardinal(st.buf, sub)
	}
	st.say(off, off+len(c))
	return true
}

// streetAfterName reads a street abbreviation after a capitalised name:
// "Abbey Rd.", "Fifth Ave." ("St." and "Dr." have their own rule).
func (st *state) streetAfterName(i int, lc string, dot, closed bool) int {
	w := st.words[i]
	street, ok := streetTypes[lc]
	if !ok || lc == "st" || lc == "dr" || !closed || i == 0 || len(lc) > 4 || strings.EqualFold(street, w.core) || !isCapitalized(w.core) {
		return 0
	}
	prev := st.words[i-1]
	if prev.trail != "" || !isCapitalized(prev.core) || !dot && w.core != titleCase(lc) {
		return 0
	}
	// The period stays where it also ends the sentence.
	st.dropDot = dot && i+1 < len(st.words) && !isCapitalized(st.words[i+1].core)
	st.emit1(street, w.cs, w.ce())
	return 1
}

// doctorate speaks "Ph.D." as letters ("e.g." is read as letters by
// the dotted rule, as the benchmarks expect).
func (st *state) doctorate(c string, w word) bool {
	if c == "Ph.D" || c == "Ph.D." || c == "Ph.Ds" || c == "Ph.D.s" {
		st.buf = append(st.buf, "P", "h", "D")
		if strings.HasSuffix(c, "s") {
			st.buf[len(st.buf)-1] = "Ds"
		}
		st.dropDot = strings.HasPrefix(w.trail, ".")
		st.say(w.cs, w.ce())
		return true
	}
	return false
}

// shoutedUnits are unit symbols that copy sometimes writes in capitals
// ("20 KM"); only these, as "PC" or "MS" in capitals mean other things.
var shoutedUnits = map[string]bool{
	"KM": true, "CM": true, "MM": true, "FT": true, "MI": true, "KMS": true,
	"LBS": true, "LB": true, "OZ": true, "MG": true, "ML": true, "KPH": true,
	"KMH": true, "HRS": true, "MINS": true, "YDS": true,
}

// monthPrepositions before an abbreviated month alone make it the month:
// "in Aug.", "since Sept.".
var monthPrepositions = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "from": true, "by": true,
	"of": true, "early": true, "late": true, "mid": true, "through": true, "last": true,
	"next": true, "during": true, "before": true, "after": true, "to": true, "and": true,
	"or": true, "between": true, "this": true, "the": true,
}

// bareMonth expands an abbreviated month with its period and no day or
// year after it: "inflation in Aug." is "in August".
func (st *state) bareMonth(i int, m string, abbr bool) int {
	w := st.words[i]
	if !abbr || !strings.HasPrefix(w.trail, ".") || !isCapitalized(w.core) || i == 0 || st.words[i-1].trail != "" || !inFolded(monthPrepositions, st.words[i-1].core) {
		return 0
	}
	// The period stays where it also ends the sentence.
	st.dropDot = i+1 < len(st.words) && !isCapitalized(st.words[i+1].core)
	st.emit1(m, w.cs, w.ce())
	return 1
}
