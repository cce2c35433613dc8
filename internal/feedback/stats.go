package feedback

import (
	"fmt"
	"math"
	"strconv"
)

// Beacon is the body of POST /api/v1/articles/{id}/beacon: one event of a
// player. Event is play, progress (Pct 25/50/75/100), speed (Rate) or
// leave (Reach: the furthest share of the audio heard, 0–1).
type Beacon struct {
	Event string  `json:"event"`
	Pct   int     `json:"pct"`
	Rate  float64 `json:"rate"`
	Reach float64 `json:"reach"`
}

// Metrics are the counters a beacon adds one to, or an error for a beacon
// that means nothing.
func (b Beacon) Metrics() ([]string, error) {
	switch b.Event {
	case "play":
		return []string{"play"}, nil
	case "progress":
		switch b.Pct {
		case 25, 50, 75, 100:
			return []string{"p" + strconv.Itoa(b.Pct)}, nil
		}
		return nil, fmt.Errorf("progress pct must be 25, 50, 75 or 100, got %d", b.Pct)
	case "speed":
		if b.Rate < 0.5 || b.Rate > 3 || math.IsNaN(b.Rate) {
			return nil, fmt.Errorf("speed rate must be between 0.5 and 3, got %g", b.Rate)
		}
		return []string{"speed", "speed_" + strconv.FormatFloat(b.Rate, 'f', 2, 64)}, nil
	case "leave":
		if b.Reach < 0 || b.Reach > 1 || math.IsNaN(b.Reach) {
			return nil, fmt.Errorf("leave reach must be between 0 and 1, got %g", b.Reach)
		}
		return []string{"reach_" + strconv.Itoa(int(math.Floor(b.Reach*10)))}, nil
	}
	return nil, fmt.Errorf("event must be play, progress, speed or leave, got %q", b.Event)
}

// Stats are an article's listening figures, from aggregates only.
type Stats struct {
	Plays          int64   `json:"plays"`
	Completions    int64   `json:"completions"`
	CompletionRate float64 `json:"completion_rate"` // completions / plays
	// MedianListenedShare is the median of how far listeners got (0–1),
	// from the reach reported when they left (to the nearest tenth).
	MedianListenedShare float64 `json:"median_listened_share"`
	// DropOff[i] is the share of listeners who left while in the i-th tenth
	// of the audio (DropOff[9] includes those who heard it all).
	DropOff      [10]float64      `json:"drop_off"`
	Milestones   map[string]int64 `json:"milestones"` // "25" … "100": listeners who got there
	SpeedChanges int64            `json:"speed_changes"`
	Sessions     int64            `json:"sessions"` // listeners who reported where they left
}

// Compute turns the counters of store.ListenCounts into Stats.
func Compute(c map[string]int64) Stats {
	s := Stats{Plays: c["play"], Completions: c["p100"], SpeedChanges: c["speed"],
		Milestones: map[string]int64{"25": c["p25"], "50": c["p50"], "75": c["p75"], "100": c["p100"]}}
	if s.Plays > 0 {
		s.CompletionRate = math.Min(1, float64(s.Completions)/float64(s.Plays))
	}
	var tenths [10]int64
	for i := 0; i <= 10; i++ {
		tenths[min(i, 9)] += c["reach_"+strconv.Itoa(i)]
	}
	for _, n := range tenths {
		s.Sessions += n
	}
	if s.Sessions == 0 {
		return s
	}
	var seen int64
	half := float64(s.Sessions) / 2
	median := -1.0
	for i, n := range tenths {
		s.DropOff[i] = float64(n) / float64(s.Sessions)
		if median < 0 && float64(seen+n) >= half {
			// Interpolate inside the tenth where the middle listener left.
			median = (float64(i) + (half-float64(seen))/float64(n)) / 10
		}
		seen += n
	}
	s.MedianListenedShare = math.Round(median*1000) / 1000
	return s
}
