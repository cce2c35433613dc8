package ingest

import (
	"regexp"
	"strings"
	"time"
)

// datePrefix is the label a dateline may carry.
var datePrefix = regexp.MustCompile(`^(?i:published|updated|posted|last updated|first published|veröffentlicht|aktualisiert|stand|date|datum|erschienen)(?:\s+(?i:on|am))?\s*:?\s*`)

// dateLayouts are the date forms news pages print, tried in order.
var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02 15:04", "2006-01-02",
	time.RFC1123, time.RFC1123Z,
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "January 2, 2006, 3:04 PM", "January 2, 2006 3:04 PM",
	"Monday, January 2, 2006", "Mon, January 2, 2006", "Monday, Jan. 2, 2006", "Monday, 2 January 2006",
	"2 January 2006", "2 Jan 2006", "2. January 2006", "2. January 2006, 15:04", "2. January 2006 15:04",
	"02.01.2006", "2.1.2006", "02.01.2006, 15:04", "02.01.2006 15:04",
}

// germanMonths maps German month names to English ones for time.Parse.
var germanMonths = strings.NewReplacer("Januar ", "January ", "Jänner ", "January ", "Februar ", "February ",
	"März ", "March ", "Mai ", "May ", "Juni ", "June ", "Juli ", "July ", "Oktober ", "October ", "Dezember ", "December ")

// parseDate reads a dateline such as "Published Nov. 5, 2025" or
// "Stand: 05.11.2025, 14:30 Uhr". Times without a zone are taken as UTC.
func parseDate(s string) (time.Time, bool) {
	s = datePrefix.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "Uhr"))
	s = strings.TrimSuffix(strings.TrimSuffix(s, " UTC"), " GMT")
	s = germanMonths.Replace(s + " ")
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
