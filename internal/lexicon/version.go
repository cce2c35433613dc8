package lexicon

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
)

// Version is the lexicon's content hash, for the rendition key: the same
// entries in any order give the same version, and any change to a term,
// rule or pronunciation gives another. An empty lexicon is "0", the
// version renditions had before lexicons existed, so their keys do not
// change.
func Version(entries []Entry) string {
	if len(entries) == 0 {
		return "0"
	}
	lines := make([]string, len(entries))
	for i, e := range entries {
		lines[i] = canonical(e.WithDefaults())
	}
	slices.Sort(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return "lx1-" + hex.EncodeToString(h.Sum(nil))[:20]
}

// canonical is one entry as a line of quoted fields, so no field's text
// can be confused with a separator.
func canonical(e Entry) string {
	return strings.Join([]string{
		strconv.Quote(e.Term), strconv.Quote(e.Lang), string(e.Match), string(e.Case),
		strconv.Quote(e.Say), strconv.Quote(e.Phonemes), strconv.FormatBool(e.Spell), strconv.FormatBool(e.AsWord),
	}, "\t")
}
