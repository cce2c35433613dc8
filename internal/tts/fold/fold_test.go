package fold

import (
	"testing"
	"unicode/utf8"
)

func TestASCII(t *testing.T) {
	for _, tc := range []struct{ lang, in, want string }{
		{"en", "Dr. Müller", "Dr. Mueller"},
		{"en", "Gerhard Schröder and Jürgen Klopp", "Gerhard Schroeder and Juergen Klopp"},
		{"en", "Malargüe", "Malargwe"},
		{"en", "Agüero", "Agwero"},
		{"en", "Café Pérez in Besançon", "Cafe Perez in Besanson"},
		{"en", "Peña and Łódź", "Penya and Lodz"},
		{"en", "Straße", "Strasse"},
		{"en", "it’s “quoted” — really…", "it's \"quoted\" ,  really..."},
		{"en", "non\u00a0breaking", "non breaking"},
		{"en", "Москва", ""}, // nothing an ASCII engine can say
		{"de", "Übermäßig", "Uebermaessig"},
		{"es", "Güemes vergüenza pingüino", "Gwemes vergwenza pingwino"},
		{"tr", "Erdoğan Üsküdar", "Erdoan Uskudar"},
		{"sv", "Malmö Åre", "Malmo Ore"},
		{"", "Zürich", "Zuerich"},
		{"xx", "Zürich", "Zuerich"},
		{"en", "plain ASCII stays", "plain ASCII stays"},
	} {
		got := ASCII(tc.lang, tc.in).Text
		if got != tc.want {
			t.Errorf("ASCII(%q, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
		for i := 0; i < len(got); i++ {
			if got[i] >= utf8.RuneSelf {
				t.Errorf("ASCII(%q, %q) = %q has non-ASCII byte at %d", tc.lang, tc.in, got, i)
			}
		}
	}
}

func TestSpanMapsBack(t *testing.T) {
	in := "Dr. Müller, Malargüe."
	r := ASCII("en", in)
	// "Mueller" in "Dr. Mueller, Malargwe." is bytes 4..11.
	if got := in[r.Span([2]int{4, 11})[0]:r.Span([2]int{4, 11})[1]]; got != "Müller" {
		t.Errorf("span of Mueller maps to %q, want Müller", got)
	}
	if got := in[r.Span([2]int{13, 21})[0]:r.Span([2]int{13, 21})[1]]; got != "Malargüe" {
		t.Errorf("span of Malargwe maps to %q, want Malargüe", got)
	}
	if got := r.Span([2]int{5, 500}); got != [2]int{5, 500} {
		t.Errorf("out-of-range span: got %v, want it unchanged", got)
	}
}

func FuzzASCII(f *testing.F) {
	for _, s := range []string{"Dr. Müller", "güe", "Москва", "a\u0301", "\xff\xfe"} {
		f.Add("en", s)
	}
	f.Fuzz(func(t *testing.T, lang, s string) {
		r := ASCII(lang, s)
		for i := 0; i < len(r.Text); i++ {
			if r.Text[i] >= utf8.RuneSelf {
				t.Fatalf("non-ASCII byte in %q", r.Text)
			}
			sp := r.Span([2]int{i, i + 1})
			if sp[0] < 0 || sp[1] > len(s) || sp[0] >= sp[1] {
				t.Fatalf("byte %d maps to bad span %v of %d bytes", i, sp, len(s))
			}
		}
	})
}
