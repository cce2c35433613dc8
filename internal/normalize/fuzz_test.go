package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"", "13,000", "$4.2bn", "€240 million", "−5 °C", "Nov. 30", "2023-11-05",
		"10:30 a.m. EST", "2010–2015", "+1 (123) 123-5678", "a.b@c.com",
		"http://x.org/a-1", "Charles III", "U.S.", "1/2", "'90s", "#1 @x",
		"124,444,234,854,823,834,553", "9999999999999999999999999999999999999",
		"1-2=5", "\xff\xfe", "--", "$", "$-", "1:", "12:60", ".5", "-.5", "1..2",
		"25-30%", "4 1/2 lbs", "JAN 15 2020", "CHAPTER II--MARIUS", "$50-$",
		".5th-2nd", "-.5-1st", "(123) 123-5678", "<pitch=-.3>1</pitch>", "APRIL 1.-This",
		"1.-", "--.-x", "a—", "5pm-7 pm", "19,1674", "Kansas City, Mo.",
		"Nov. 30-Dec. 2", "3-5 March 2024", "1.85m tall", "5m people",
		"6'2\"", "5′11″", "Thu, 12 Oct", "0900 GMT", "99p", "Nov. 30 - Dec. 2",
		"2003 - 04", "$5 million-a-year", "F-16s", "call 999", "2 million sq km",
		"10 x 12", "1950 's", "Mt Everest", "3:1 ratio", "Boeing 737", "Airbus A320",
		"7-9pm", "No.1", "Nos.", "1 to 3 June", "SEK 5bn", "401(k)", "501(c)(", "501(c)()", "on Sat.", "On Mon. we", "Abbey Rd.", "Co. Durham", "Ph.D.s", "20-25C", "±0.5", "‘80s", "20 KM", "card ending in 88", "a.m., I", "at 1600 hrs", "in Aug.", "9.58s",
	} {
		f.Add(s)
	}
	n, err := New(Options{Lexicon: []Entry{{Term: "x y", Respelling: "ex why"}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		res := n.normalize(in) // without the recover net, so panics surface
		checkResult(t, in, res)
		if !utf8.ValidString(in) {
			return
		}
		// Every digit must be spoken; only markup ("<pitch=-.3>") and
		// ARPAbet ("AH0") pass through as written, on purpose.
		for _, tok := range res.Tokens {
			w := in[tok.Span[0]:tok.Span[1]]
			if hasASCIIDigit(tok.Spoken) && !strings.Contains(w, "<") && !isArpabet(strings.Trim(tok.Spoken, "[],.;:!?\"'")) {
				t.Fatalf("%q: written %q spoken as %q", in, w, tok.Spoken)
			}
		}
	})
}

func hasASCIIDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}
