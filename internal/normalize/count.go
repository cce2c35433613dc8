package normalize

import (
	"strings"
)

// yearPrepositions are words after which a four-digit number is a year.
var yearPrepositions = map[string]bool{
	"in": true, "since": true, "by": true, "from": true, "until": true,
	"till": true, "to": true, "of": true, "after": true, "before": true,
	"during": true, "circa": true, "c.": true, "ca.": true, "year": true,
	"early": true, "late": true, "mid": true, "summer": true, "winter": true,
	"spring": true, "autumn": true, "fall": true, "between": true, "and": true,
	"the": true, "around": true, "about": true, "through": true, "born": true,
}

// isYear decides whether a four-digit integer is read as a year.
func (st *state) isYear(i int, digits string) bool {
	if len(digits) != 4 || digits[0] == '0' {
		return false
	}
	n := atoiSmall(digits)
	if n < 1000 || n > 2099 {
		return false
	}
	if i > 0 && yearPrepositions[strings.ToLower(st.words[i-1].core)] {
		return true
	}
	if i+1 < len(st.words) && st.words[i].trail == "" && countNouns[st.words[i+1].core] {
		// "1871 residents": a count of things, not a year.
		return false
	}
	return true
}

// countNouns are plural nouns that make a preceding four-digit number a
// count rather than a year.
var countNouns = map[string]bool{
	"residents": true, "people": true, "persons": true, "members": true, "workers": true,
	"employees": true, "jobs": true, "students": true, "children": true, "men": true,
	"women": true, "soldiers": true, "troops": true, "votes": true, "voters": true,
	"cases": true, "deaths": true, "homes": true, "houses": true, "units": true,
	"copies": true, "miles": true, "feet": true, "acres": true, "tons": true,
	"tonnes": true, "pounds": true, "dollars": true, "euros": true, "years": true,
	"days": true, "hours": true, "minutes": true, "seconds": true, "points": true,
	"games": true, "goals": true, "yards": true, "pages": true, "words": true,
	"cars": true, "vehicles": true, "seats": true, "beds": true, "patients": true,
	"inhabitants": true, "families": true, "households": true, "species": true,
	"items": true, "visitors": true, "passengers": true, "fans": true,
	"spectators": true, "participants": true, "customers": true, "users": true,
	"subscribers": true, "followers": true, "athletes": true, "players": true,
	"schools": true, "companies": true, "firms": true, "stores": true, "shops": true,
	"refugees": true, "migrants": true, "prisoners": true, "civilians": true,
	"officers": true, "police": true, "staff": true, "teachers": true, "doctors": true,
	"nurses": true, "troopers": true, "sailors": true, "ships": true, "aircraft": true,
	"planes": true, "flights": true, "meters": true, "metres": true, "kilometers": true,
	"kilometres": true, "villages": true, "buildings": true, "rooms": true,
	"apartments": true, "animals": true, "birds": true, "trees": true, "books": true,
	"signatures": true, "complaints": true, "arrests": true, "infections": true,
	"youth": true, "youths": true, "individuals": true, "delegates": true,
	"degrees": true, "fathoms": true, "inches": true, "leagues": true, "gallons": true,
	"barrels": true, "bushels": true, "francs": true, "guineas": true, "shillings": true,
	"rupees": true, "marks": true, "crowns": true, "ounces": true, "horses": true,
	"cattle": true, "sheep": true, "guns": true, "rifles": true, "cannon": true,
}

func isLowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// isEra reports whether s is an era marker written after a year.
func isEra(s string) bool {
	switch s {
	case "BC", "B.C", "AD", "A.D", "BCE", "B.C.E", "CE", "C.E":
		return true
	}
	return false
}

// mixedFraction speaks "2 1/2" as "two and a half" and "4 1/2 lbs" as
// "four and a half pounds".
func (st *state) mixedFraction(i int, v num) int {
	w := st.words[i]
	if !v.isInt() || w.trail != "" || i+1 >= len(st.words) {
		return 0
	}
	nx := st.words[i+1]
	a, b, ok := strings.Cut(nx.core, "/")
	if !ok || nx.lead != "" || !isDigits(a) || !isDigits(b) || len(a) > 2 || len(b) > 2 || b == "0" || atoiSmall(a) >= atoiSmall(b) {
		return 0
	}
	st.buf = appendCardinal(st.buf, v.intg)
	st.buf = append(st.buf, "and")
	switch {
	case a == "1" && b == "2":
		st.buf = append(st.buf, "a", "half")
	case a == "1" && b == "4":
		st.buf = append(st.buf, "a", "quarter")
	default:
		st.fraction(a, b, w.cs, nx.ce())
		st.buf = st.buf[:0]
	}
	used, last := 2, nx
	if nx.trail == "" && i+2 < len(st.words) {
		if u, ok := lookupUnit(st.words[i+2].core); ok && len(st.words[i+2].core) > 1 {
			st.buf = append(st.buf, u.many)
			used, last = 3, st.words[i+2]
		}
	}
	st.say(w.cs, last.ce())
	return used
}

// quarterOf recognises the "2Q22" form of a fiscal quarter and returns the
// two-digit year.
func quarterOf(v num, rest string) (string, bool) {
	if !v.isInt() || len(v.intg) != 1 || v.intg[0] < '1' || v.intg[0] > '4' {
		return "", false
	}
	if len(rest) != 3 || rest[0] != 'Q' || !isDigits(rest[1:]) {
		return "", false
	}
	return rest[1:], true
}
