package ingest

import (
	"regexp"
	"strings"
)

// Markdown inline syntax that would otherwise be read out as symbols.
var (
	mdImage  = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink   = regexp.MustCompile(`\[([^\]]+)\]\([^)\s]+(?:\s+"[^"]*")?\)`)
	mdStrong = regexp.MustCompile(`(\*\*|__)([^\s*_](?:[^*]*?[^\s*_])?)(\*\*|__)`)
	mdEm     = regexp.MustCompile(`(^|[\s(\["“‘'])\*([^\s*](?:[^*]*?[^\s*])?)\*`)
	mdEmU    = regexp.MustCompile(`(^|[\s(\["“‘'])_([^\s_](?:[^_]*?[^\s_])?)_($|[\s).,;:!?"”’'])`)
)

// stripInline removes Markdown images and emphasis marks and keeps only
// the text of links. "* item" bullets are left alone: an emphasis mark is
// never followed by a space.
func stripInline(l string) string {
	if !strings.ContainsAny(l, "*_[") {
		return l
	}
	l = mdImage.ReplaceAllString(l, "")
	l = mdLink.ReplaceAllString(l, "$1")
	l = mdStrong.ReplaceAllStringFunc(l, func(m string) string {
		sm := mdStrong.FindStringSubmatch(m)
		if sm[1] != sm[3] {
			return m
		}
		return sm[2]
	})
	l = mdEmU.ReplaceAllString(l, "$1$2$3")
	return mdEm.ReplaceAllString(l, "$1$2")
}
