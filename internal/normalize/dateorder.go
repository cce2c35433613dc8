package normalize

import "strings"

// DateOrder is how an all-numeric date with slashes ("11/12/2024") is
// read: month first (US) or day first (most of the world).
type DateOrder uint8

const (
	DateOrderDefault DateOrder = iota // by language and region
	MonthFirst                        // 11/12 is November 12
	DayFirst                          // 11/12 is 11 December
)

// ParseDateOrder reads a setting: "", "default", "month-first" ("mdy"),
// "day-first" ("dmy").
func ParseDateOrder(s string) (DateOrder, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "default", "auto":
		return DateOrderDefault, true
	case "month-first", "mdy":
		return MonthFirst, true
	case "day-first", "dmy":
		return DayFirst, true
	}
	return DateOrderDefault, false
}

// monthFirstRegions write the month first.
var monthFirstRegions = map[string]bool{"us": true, "ph": true, "fm": true, "mh": true, "pw": true, "as": true, "gu": true, "pr": true, "vi": true, "um": true}

// DefaultDateOrder is the order for a language tag: English without a
// region and en-US (and the few other month-first regions) read month
// first, everything else day first.
func DefaultDateOrder(tag string) DateOrder {
	l := strings.ToLower(strings.ReplaceAll(tag, "_", "-"))
	base, region, _ := strings.Cut(l, "-")
	if region != "" {
		if k := strings.IndexByte(region, '-'); k >= 0 && len(region) > 2 {
			// "en-latn-us": the region is the last two-letter subtag.
			region = region[strings.LastIndexByte(region, '-')+1:]
		}
	}
	if base == "" || base == "en" {
		if region == "" || monthFirstRegions[region] {
			return MonthFirst
		}
		return DayFirst
	}
	return DayFirst
}
