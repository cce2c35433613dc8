package feedback

import (
	"strconv"
	"strings"
	"testing"

	"aloud/internal/article"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		r    Report
		want string
	}{
		{Report{Kind: "pronunciation", Note: " Nguyễn ", AtMs: 10}, ""},
		{Report{Kind: "other"}, ""},
		{Report{}, "kind must be one of"},
		{Report{Kind: "spam"}, "kind must be one of"},
		{Report{Kind: "text", Website: "x"}, "not filled in by a person"},
		{Report{Kind: "text", Note: strings.Repeat("é", MaxNote+1)}, "at most 1000"},
		{Report{Kind: "text", AtMs: -1}, "at_ms"},
	} {
		err := tc.r.Check()
		if (tc.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%+v: got %v, want %q", tc.r, err, tc.want)
		}
	}
}

func TestSentenceAt(t *testing.T) {
	a := &article.Article{Title: "Tōkyō “news” 🙂", Blocks: []article.Block{{Text: "Ein Satz. Zweiter „Satz“ 🙂 hier."}}}
	tl := []byte(`{"sentences":[
		{"part":"title","block":-1,"span":[0,` + strconv.Itoa(len(a.Title)) + `],"ms":[0,900]},
		{"part":"block","block":0,"span":[0,9],"ms":[1000,2000]},
		{"part":"block","block":0,"span":[10,` + strconv.Itoa(len(a.Blocks[0].Text)) + `],"ms":[2300,4000]},
		{"part":"disclosure","block":-1,"span":[0,5],"ms":[4500,6000]},
		{"part":"block","block":7,"span":[0,5],"ms":[7000,8000]}]}`)
	for at, want := range map[int64]string{0: a.Title, 1500: "Ein Satz.", 2200: "Ein Satz.",
		2300: "Zweiter „Satz“ 🙂 hier.", 5000: "Zweiter „Satz“ 🙂 hier.", 7500: ""} {
		got, err := SentenceAt(tl, a, at)
		if err != nil || got != want {
			t.Errorf("at %d: got %q %v, want %q", at, got, err, want)
		}
	}
	if _, err := SentenceAt([]byte("{"), a, 0); err == nil {
		t.Error("broken timeline: no error")
	}
}

func TestBeaconAndStats(t *testing.T) {
	c := map[string]int64{}
	add := func(b Beacon) {
		t.Helper()
		m, err := b.Metrics()
		if err != nil {
			t.Fatalf("%+v: %v", b, err)
		}
		for _, k := range m {
			c[k]++
		}
	}
	for i := 0; i < 4; i++ {
		add(Beacon{Event: "play"})
		add(Beacon{Event: "progress", Pct: 25})
	}
	add(Beacon{Event: "progress", Pct: 100})
	add(Beacon{Event: "speed", Rate: 1.5})
	for _, r := range []float64{0.05, 0.3, 0.35, 1} {
		add(Beacon{Event: "leave", Reach: r})
	}
	s := Compute(c)
	if s.Plays != 4 || s.Completions != 1 || s.CompletionRate != 0.25 || s.SpeedChanges != 1 || s.Sessions != 4 {
		t.Fatalf("stats %+v", s)
	}
	if s.DropOff[0] != 0.25 || s.DropOff[3] != 0.5 || s.DropOff[9] != 0.25 {
		t.Fatalf("drop-off %v", s.DropOff)
	}
	// Two of four left by the end of the 0.3–0.4 tenth's first half.
	if s.MedianListenedShare != 0.35 {
		t.Fatalf("median %v, want 0.35", s.MedianListenedShare)
	}
	for _, b := range []Beacon{{Event: "x"}, {Event: "progress", Pct: 30}, {Event: "speed", Rate: 9}, {Event: "leave", Reach: 2}} {
		if _, err := b.Metrics(); err == nil {
			t.Errorf("%+v: no error", b)
		}
	}
	if s := Compute(nil); s.Plays != 0 || s.MedianListenedShare != 0 {
		t.Fatalf("empty stats %+v", s)
	}
}
