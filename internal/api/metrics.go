package api

import (
	"aloud/internal/jobs"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Metrics are the service's Prometheus metrics, written by hand in the
// text exposition format (no client library needed for four families).
// It implements jobs.Observer.
type Metrics struct {
	mu       sync.Mutex
	requests map[[2]string]*histogram // route, code
	jobs     map[[2]string]uint64     // kind, state
	render   *histogram
}

// NewMetrics returns empty metrics.
func NewMetrics() *Metrics {
	return &Metrics{requests: map[[2]string]*histogram{}, jobs: map[[2]string]uint64{}, render: newHistogram(renderBuckets)}
}

var (
	httpBuckets   = []float64{0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}
	renderBuckets = []float64{0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600}
)

// ObserveRequest records one HTTP request.
func (m *Metrics) ObserveRequest(route string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := [2]string{route, strconv.Itoa(code)}
	h := m.requests[k]
	if h == nil {
		h = newHistogram(httpBuckets)
		m.requests[k] = h
	}
	h.observe(d.Seconds())
}

// JobFinished counts a job outcome.
func (m *Metrics) JobFinished(kind, state string, _ time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.jobs[[2]string{kind, state}]++
}

// RenderFinished records one pipeline run.
func (m *Metrics) RenderFinished(d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.render.observe(d.Seconds())
}

// Write renders every family; queueDepth is read from the database by the
// caller at scrape time (nil when unavailable).
func (m *Metrics) Write(w io.Writer, queueDepth map[string]int, jobKinds []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP aloud_http_request_duration_seconds HTTP request latency by route and status code.")
	fmt.Fprintln(w, "# TYPE aloud_http_request_duration_seconds histogram")
	for _, k := range sortedKeys(m.requests) {
		m.requests[k].write(w, "aloud_http_request_duration_seconds", fmt.Sprintf(`route=%s,code=%s`, quote(k[0]), quote(k[1])))
	}
	fmt.Fprintln(w, "# HELP aloud_jobs_total Jobs finished by kind and outcome (completed, failed, cancelled).")
	fmt.Fprintln(w, "# TYPE aloud_jobs_total counter")
	for _, k := range sortedKeys(m.jobs) {
		fmt.Fprintf(w, "aloud_jobs_total{kind=%s,state=%s} %d\n", quote(k[0]), quote(k[1]), m.jobs[k])
	}
	fmt.Fprintln(w, "# HELP aloud_render_seconds Time the speech pipeline took per rendition.")
	fmt.Fprintln(w, "# TYPE aloud_render_seconds histogram")
	m.render.write(w, "aloud_render_seconds", "")
	if queueDepth != nil {
		fmt.Fprintln(w, "# HELP aloud_queue_depth Jobs waiting to run by kind.")
		fmt.Fprintln(w, "# TYPE aloud_queue_depth gauge")
		for _, kind := range jobKinds {
			fmt.Fprintf(w, "aloud_queue_depth{kind=%s} %d\n", quote(kind), queueDepth[kind])
		}
	}
}

// WriteRunning renders the stuck-work gauges from the running jobs of
// every process, read at scrape time.
func WriteRunning(w io.Writer, r jobs.RunningStats, jobKinds []string) {
	fmt.Fprintln(w, "# HELP aloud_jobs_running Jobs running now, in any process, by kind.")
	fmt.Fprintln(w, "# TYPE aloud_jobs_running gauge")
	for _, kind := range jobKinds {
		fmt.Fprintf(w, "aloud_jobs_running{kind=%s} %d\n", quote(kind), r.ByKind[kind])
	}
	fmt.Fprintln(w, "# HELP aloud_oldest_running_job_seconds Age of the longest-running job (0 when none runs).")
	fmt.Fprintln(w, "# TYPE aloud_oldest_running_job_seconds gauge")
	fmt.Fprintf(w, "aloud_oldest_running_job_seconds %g\n", r.OldestAge.Seconds())
	fmt.Fprintln(w, "# HELP aloud_jobs_past_timeout Jobs still running past their own timeout: hung, or orphaned by a dead process.")
	fmt.Fprintln(w, "# TYPE aloud_jobs_past_timeout gauge")
	fmt.Fprintf(w, "aloud_jobs_past_timeout %d\n", r.PastTimeout)
}

type histogram struct {
	bounds []float64
	counts []uint64 // per bound, not cumulative
	sum    float64
	n      uint64
}

func newHistogram(bounds []float64) *histogram {
	return &histogram{bounds: bounds, counts: make([]uint64, len(bounds))}
}

func (h *histogram) observe(v float64) {
	h.sum += v
	h.n++
	for i, b := range h.bounds {
		if v <= b {
			h.counts[i]++
			return
		}
	}
}

func (h *histogram) write(w io.Writer, name, labels string) {
	sep := ""
	if labels != "" {
		sep = ","
	}
	var cum uint64
	for i, b := range h.bounds {
		cum += h.counts[i]
		fmt.Fprintf(w, "%s_bucket{%s%sle=\"%s\"} %d\n", name, labels, sep, strconv.FormatFloat(b, 'g', -1, 64), cum)
	}
	fmt.Fprintf(w, "%s_bucket{%s%sle=\"+Inf\"} %d\n", name, labels, sep, h.n)
	if labels != "" {
		labels = "{" + labels + "}"
	}
	fmt.Fprintf(w, "%s_sum%s %s\n", name, labels, strconv.FormatFloat(h.sum, 'g', -1, 64))
	fmt.Fprintf(w, "%s_count%s %d\n", name, labels, h.n)
}

// quote escapes a label value per the exposition format.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func sortedKeys[V any](m map[[2]string]V) [][2]string {
	keys := make([][2]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int {
		if c := strings.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return strings.Compare(a[1], b[1])
	})
	return keys
}
