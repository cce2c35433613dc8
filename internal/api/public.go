package api

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// publicLimits guard the routes the player calls without a key: a token
// bucket per listener and one per article, so that one client cannot
// flood an article's feedback and a crowd cannot flood one article.
//
// A listener is known only by a salted hash of its address. The salt is
// random and replaced every UTC day, so hashes of different days cannot be
// linked and nothing stored identifies anyone.
type publicLimits struct {
	now           func() time.Time
	feedbackBy    *limiter // per client
	feedbackOn    *limiter // per article
	beaconBy      *limiter // per client
	mu            sync.Mutex
	seed          []byte
	day           string
	salt          []byte
	lastSweep     time.Time
	sweepInterval time.Duration
}

func newPublicLimits(now func() time.Time, seed []byte, feedbackBurst int) *publicLimits {
	if feedbackBurst <= 0 {
		feedbackBurst = 5
	}
	return &publicLimits{now: now, seed: seed,
		feedbackBy:    newLimiter(10.0/60, feedbackBurst, now), // a burst, then one per 6 s
		feedbackOn:    newLimiter(1, 60, now),
		beaconBy:      newLimiter(2, 30, now),
		sweepInterval: time.Hour}
}

// client is the listener's hash for today.
func (p *publicLimits) client(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	t := p.now().UTC()
	day := t.Format(time.DateOnly)
	p.mu.Lock()
	if p.day != day {
		p.day, p.salt = day, make([]byte, 32)
		if p.seed != nil { // tests: reproducible salts
			sum := sha256.Sum256(append(append([]byte{}, p.seed...), day...))
			p.salt = sum[:]
		} else {
			rand.Read(p.salt)
		}
	}
	salt := p.salt
	if t.Sub(p.lastSweep) > p.sweepInterval { // forget idle buckets
		p.lastSweep = t
		for _, l := range []*limiter{p.feedbackBy, p.feedbackOn, p.beaconBy} {
			l.forgetIdle(t, p.sweepInterval)
		}
	}
	p.mu.Unlock()
	sum := sha256.Sum256(append(append([]byte{}, salt...), host...))
	return hex.EncodeToString(sum[:12])
}

// take asks l for a token under key, or answers 429 with Retry-After.
func take(w http.ResponseWriter, l *limiter, key string) error {
	if wait, ok := l.allow(key); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
		return errorf(http.StatusTooManyRequests, CodeRateLimited, "too many requests; retry in %s", wait.Round(time.Second))
	}
	return nil
}

// cors registers a public route the player calls from a publisher's
// origin: any origin, no credentials, and an answer to the preflight.
func (s *Server) cors(pattern string, h handlerFunc) {
	method, path, _ := strings.Cut(pattern, " ")
	s.route(pattern, func(w http.ResponseWriter, r *http.Request) error {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		return h(w, r)
	})
	s.route("OPTIONS "+path, func(w http.ResponseWriter, r *http.Request) error {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Allow-Methods", method+", OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Content-Type")
		h.Set("Access-Control-Max-Age", "86400")
		w.WriteHeader(http.StatusNoContent)
		return nil
	})
}

// metered records the request metric for a handler outside the API.
func (s *Server) metered(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		s.metrics.ObserveRequest(route, rec.status, time.Since(start))
	})
}
