package tnscore

import "testing"

// The vectors are the README's table, verbatim.
func TestCanonicalReadmeVectors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The U N Security Council, 2 p.m.", "the un security council 2 pm"},
		{"one hundred and twenty-five metres", "one hundred twenty five meters"},
		{"Doctor Smith's '90s", "dr smiths 90s"},
		{"`` quoted `` .", "quoted"},
		{"rock and roll and one and two", "rock and roll and one two"},
	}
	for _, tt := range tests {
		if got := Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCanonicalEdges(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  ", ""},
		{"and one", "and one"},                 // no kept token before "and"
		{"one and", "one and"},                 // no token after "and"
		{"one and and two", "one and and two"}, // the token kept before the second "and" is "and"
		{"1980–1986", "1980 1986"},
		{"U.S.A.", "usa"},
		{"a b cd e f", "ab cd ef"},
		{"Müller's", "müllers"},
		{"missus Misses mister", "mrs mrs mr"},
	}
	for _, tt := range tests {
		if got := Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEqualAny(t *testing.T) {
	if !EqualAny("U N", "x", "UN") {
		t.Error("U N should equal UN")
	}
	if EqualAny("one", "two") {
		t.Error("one should not equal two")
	}
}

func TestClosed(t *testing.T) {
	tests := []struct{ in, want string }{
		{"drei und zwanzig", "dreiundzwanzig"},
		{"Zweitausend-drei", "zweitausenddrei"},
		{"e s t", "est"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Closed(tt.in); got != tt.want {
			t.Errorf("Closed(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if !EqualAnyClosed("am dritten Oktober", "x", "am dritten okto ber") {
		t.Error("spaces should not count")
	}
	if EqualAnyClosed("dritter", "dritten") {
		t.Error("endings must count")
	}
}
