package normalize

import (
	"strings"
)

// clock is a parsed "10:30", "10:30:15", "5pm", "1:00a.m".
type clock struct {
	h, m, s   int
	hasM      bool
	hasS      bool
	ampm      string // "A.M" / "P.M" / ""
	zone      string
	minDigits string
}

// timeZones are read letter by letter after a time.
var timeZones = map[string]bool{
	"EST": true, "EDT": true, "CST": true, "CDT": true, "MST": true,
	"MDT": true, "PST": true, "PDT": true, "GMT": true, "UTC": true,
	"BST": true, "CET": true, "CEST": true, "ET": true, "PT": true,
	"CT": true, "MT": true, "IST": true, "JST": true, "AEST": true,
	"AEDT": true, "HKT": true, "SGT": true, "WET": true, "EET": true,
}

// ampmOf recognises "am", "a.m", "A.M", "pm", "p.m"; the trailing period
// was already peeled off. It is spoken as "A.M": espeak reads a spaced
// "A M" as "uh em", and flite and espeak both read "A.M" right without
// the pause a final period would add.
func ampmOf(s string) string {
	switch strings.ToLower(strings.ReplaceAll(s, ".", "")) {
	case "am":
		return "A.M"
	case "pm":
		return "P.M"
	}
	return ""
}

// parseClock reads "h:mm[:ss]" or "h[.mm]" followed by an optional am/pm
// suffix. dotOK allows "1.59 p.m.".
func parseClock(s string, needAmpm bool) (clock, bool) {
	var c clock
	j := 0
	for j < len(s) && j < 2 && isDigitByte(s[j]) {
		j++
	}
	if j == 0 || j < len(s) && isDigitByte(s[j]) {
		return c, false
	}
	c.h = atoiSmall(s[:j])
	rest := s[j:]
	if len(rest) >= 3 && (rest[0] == ':' || rest[0] == '.') && isDigitByte(rest[1]) && isDigitByte(rest[2]) && (len(rest) == 3 || !isDigitByte(rest[3])) {
		if rest[0] == '.' {
			needAmpm = true
		}
		c.m, c.hasM, c.minDigits = atoiSmall(rest[1:3]), true, rest[1:3]
		rest = rest[3:]
		if len(rest) >= 3 && rest[0] == ':' && isDigitByte(rest[1]) && isDigitByte(rest[2]) && (len(rest) == 3 || !isDigitByte(rest[3])) {
			c.s, c.hasS = atoiSmall(rest[1:3]), true
			rest = rest[3:]
		}
	} else {
		needAmpm = true
	}
	if rest != "" {
		c.ampm = ampmOf(rest)
		if c.ampm == "" {
			return c, false
		}
	}
	if c.h > 24 || c.m > 59 || c.s > 59 || needAmpm && c.ampm == "" {
		return c, false
	}
	if c.ampm != "" && (c.h == 0 || c.h > 12) {
		return c, false
	}
	return c, true
}

// timeAt reports whether word i starts a time.
func (st *state) timeAt(i int) bool {
	c := st.words[i].core
	if _, ok := parseClock(c, false); ok {
		return true
	}
	if _, ok := parseClock(c, true); ok {
		return true
	}
	// "5 pm", "10.30 a.m.", "7:00 P. M."
	if i+1 < len(st.words) && st.words[i].trail == "" && st.ampmAt(i+1) != "" {
		if _, ok := parseClock(c+"am", true); ok {
			return true
		}
	}
	return false
}

// timeWords speaks the time at word i with a following am/pm word and
// time zone, and returns the words used.
func (st *state) timeWords(i int) int {
	w := st.words[i]
	used := 1
	c, ok := parseClock(w.core, false)
	if !ok {
		c, ok = parseClock(w.core, true)
	}
	last := w
	if !ok || c.ampm == "" && i+1 < len(st.words) && w.trail == "" && st.ampmAt(i+1) != "" {
		c2, ok2 := parseClock(w.core+"am", true)
		if ok2 {
			c = c2
			c.ampm = st.ampmAt(i + 1)
			used = 2
			if ampmOf(st.words[i+1].core) == "" {
				used = 3 // "P. M."
			}
			last = st.words[i+used-1]
		}
	}
	if strings.HasSuffix(strings.ToLower(strings.ReplaceAll(last.core, ".", "")), "m") && c.ampm != "" {
		st.dropDot = true
	}
	// Time zone: attached ("p.m.est") is rare; a following word is usual.
	if j := i + used; j < len(st.words) && last.trail == "" || j < len(st.words) && c.ampm != "" && strings.HasPrefix(last.trail, ".") && len(last.trail) == 1 {
		z := strings.ToUpper(strings.ReplaceAll(st.words[j].core, ".", ""))
		if timeZones[z] {
			c.zone = z
			used++
			last = st.words[j]
			st.dropDot = false
		}
	}
	st.buf = appendClock(st.buf, c)
	if k := i + used; k < len(st.words) && startsNumber(st.words[k].core) && (strings.HasSuffix(last.trail, "-") || strings.HasSuffix(last.trail, "–")) {
		// "3 p.m.-5 p.m.": the dash between two times is "to".
		st.buf = append(st.buf, "to")
		st.words[k-1].trail = strings.TrimRight(strings.TrimRight(last.trail, "-"), "–")
		st.dropDot = true
	}
	st.say(w.cs, last.ce())
	return used
}

// appendClock speaks a clock time: "ten thirty A M", "one o'clock",
// "ten oh five", "one hour one minute and one second".
func appendClock(dst []string, c clock) []string {
	if c.hasS {
		dst = appendUnder100(dst, c.h)
		dst = append(dst, plural(c.h, "hour", "hours"))
		dst = appendUnder100(dst, c.m)
		dst = append(dst, plural(c.m, "minute", "minutes"), "and")
		dst = appendUnder100(dst, c.s)
		return append(dst, plural(c.s, "second", "seconds"))
	}
	dst = appendUnder100(dst, c.h)
	switch {
	case !c.hasM || c.m == 0:
		if c.ampm == "" {
			dst = append(dst, "o'clock")
		}
	case c.m < 10:
		dst = append(dst, "oh", ones[c.m])
	default:
		dst = appendUnder100(dst, c.m)
	}
	if c.ampm != "" {
		dst = append(dst, c.ampm)
	}
	if c.zone != "" {
		dst = appendLetters(dst, c.zone)
	}
	return dst
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ampmAt reads "pm", "p.m." or the spaced "P. M." starting at word j.
func (st *state) ampmAt(j int) string {
	if a := ampmOf(st.words[j].core); a != "" {
		return a
	}
	w := st.words[j]
	if j+1 < len(st.words) && w.trail == "." && (strings.EqualFold(w.core, "a") || strings.EqualFold(w.core, "p")) && strings.EqualFold(st.words[j+1].core, "m") {
		return ampmOf(w.core + "m")
	}
	return ""
}
