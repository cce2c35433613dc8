package normalize

import "testing"

// The English cases of issue 12, compared exactly.
func TestIssue12English(t *testing.T) {
	n := newEN(t)
	for _, c := range []struct{ in, want string }{
		// Fractions after a preposition are dates only with evidence.
		{"simmer for 1/2 an hour", "simmer for one half an hour"},
		{"add 3/4 cup", "add three quarters cup"},
		{"on 1/3 of the land", "on one third of the land"},
		{"by 1/4 mile", "by one quarter mile"},
		{"on 11/12 the", "on November twelfth the"},
		{"for 11/12", "for November twelfth"},
		{"11/12", "eleven twelfths"},
		// A year's possessive.
		{"in 1999's budget", "in nineteen ninety nine's budget"},
		{"the 12's", "the twelve's"},
		// Square and cubic metres written with digits.
		{"280 m2", "two hundred eighty square meters"},
		{"50 m3 of water", "fifty cubic meters of water"},
		// A dateline run into the next sentence keeps its word.
		{"Sept. 28-We went", "September twenty eighth, We went"},
		{"Nov. 30-Dec. 2", "November thirtieth to December second"},
		// A lone name with a numeral, in a sentence about rule.
		{"Rameses II ruled Egypt.", "Rameses the second ruled Egypt."},
		{"the tomb of Seti I", "the tomb of Seti the first"},
		{"a dog called Splinter II", "a dog called Splinter two"},
		{"Final Fantasy VII ruled the charts", "Final Fantasy seven ruled the charts"},
		// Acronym possessives and plurals spelled for every engine.
		{"the EU's plan", "the E U's plan"},
		{"CEOs said", "C E O's said"},
		{"the US's debt", "the U S's debt"},
		{"two DVDs", "two D V D's"},
		{"NATO's chief", "NATO's chief"},
		{"HOUSE PLANS", "HOUSE PLANS"},
	} {
		if got := n.Normalize(c.in).Text; got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestDateOrder: the publication's setting, or the language's and
// region's default, decides how "11/12" and "10/06/2005" are read.
func TestDateOrder(t *testing.T) {
	for _, c := range []struct {
		lang  string
		order DateOrder
		in    string
		want  string
	}{
		{"en", DateOrderDefault, "on 11/12", "on November twelfth"},
		{"en-US", DateOrderDefault, "on 10/06/2005", "on October sixth two thousand five"},
		{"en-GB", DateOrderDefault, "on 11/12", "on the eleventh of December"},
		{"en-AU", DateOrderDefault, "on 10/06/2005", "on the tenth of June two thousand five"},
		{"en", DayFirst, "on 11/12", "on the eleventh of December"},
		{"en-GB", MonthFirst, "on 11/12", "on November twelfth"},
		{"en-GB", DateOrderDefault, "on 25/12", "on the twenty fifth of December"},
		{"en-GB", DateOrderDefault, "on 12/25", ""}, // no such day-first date: not a date
	} {
		n, err := New(Options{Lang: c.lang, DateOrder: c.order})
		if err != nil {
			t.Fatal(err)
		}
		got := n.Normalize(c.in).Text
		if c.want == "" {
			if got == "on December twenty fifth" || got == "on the twenty fifth of December" {
				t.Errorf("%s %v: %q read as a date: %q", c.lang, c.order, c.in, got)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%s %v: Normalize(%q) = %q, want %q", c.lang, c.order, c.in, got, c.want)
		}
	}
	for in, want := range map[string]DateOrder{"": DateOrderDefault, "day-first": DayFirst, "MDY": MonthFirst} {
		if got, ok := ParseDateOrder(in); !ok || got != want {
			t.Errorf("ParseDateOrder(%q) = %v, %v", in, got, ok)
		}
	}
	if _, ok := ParseDateOrder("sideways"); ok {
		t.Error("ParseDateOrder accepted sideways")
	}
	if DefaultDateOrder("de") != DayFirst || DefaultDateOrder("en-US") != MonthFirst || DefaultDateOrder("en-latn-gb") != DayFirst {
		t.Error("DefaultDateOrder")
	}
}
