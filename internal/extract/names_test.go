package extract

import (
	"reflect"
	"testing"
)

func TestNameTokens(t *testing.T) {
	cases := map[string][]string{
		"socialShareBar":      {"social", "share", "bar"},
		"mw-headline":         {"mw", "headline"},
		"post__content_2":     {"post", "content"},
		"l-article__hed":      {"l", "article", "hed"},
		"HTMLParser":          {"htmlparser"},
		"":                    nil,
		"über-uns":            {"über", "uns"},
		"ad:slot/top.banner1": {"ad", "slot", "top", "banner"},
	}
	for in, want := range cases {
		if got := nameTokens(in); !reflect.DeepEqual(got, want) {
			t.Errorf("nameTokens(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNamesFurniture(t *testing.T) {
	cases := []struct {
		class, id string
		want      bool
	}{
		{"share-bar", "", true},
		{"socialShareBar", "", true},
		{"relatedposts", "", true},
		{"ad", "", true},
		{"header", "", false},      // "ad" is a whole token only
		{"last-update", "", false}, // so is "date"
		{"imagery-essay", "", false},
		{"mw-headline", "", false},
		{"", "sharing-with-a-single-developer", false}, // a slug, not a role
		{"", "sharing-tools", true},
		{"has-image", "", false}, // a state modifier
		{"embed-share", "", false},
		{"postmetadata", "", true},
		{"article-meta", "", true},
	}
	for _, c := range cases {
		if got := namesFurniture(c.class, c.id); got != c.want {
			t.Errorf("namesFurniture(%q, %q) = %v, want %v", c.class, c.id, got, c.want)
		}
	}
}
