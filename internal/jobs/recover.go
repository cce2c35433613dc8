package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"aloud/internal/store"
)

// newOwnerID names this process's River client: unique per process, so
// that its liveness lock (store.HoldOwner) says whether it still runs.
func newOwnerID() string {
	host, _ := os.Hostname()
	host = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.' {
			return r
		}
		return '_'
	}, host)
	if len(host) > 40 {
		host = host[:40]
	}
	b := make([]byte, 4)
	rand.Read(b)
	return fmt.Sprintf("aloud-%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b))
}

// reclaimLoop runs Reclaim every interval until ctx ends.
func (c *Client) reclaimLoop(ctx context.Context) {
	t := time.NewTicker(c.cfg.ReclaimInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		c.recover(ctx)
	}
}

// recover reclaims the jobs and sweeps the scratch dirs of dead processes.
func (c *Client) recover(ctx context.Context) {
	if _, err := c.Reclaim(ctx); err != nil && ctx.Err() == nil {
		c.deps.Logger.Warn("reclaim of orphaned jobs failed", slog.String("error", err.Error()))
	}
	if n, err := c.SweepScratch(ctx); err != nil && ctx.Err() == nil {
		c.deps.Logger.Warn("sweep of stale scratch files failed", slog.String("error", err.Error()))
	} else if n > 0 {
		c.deps.Logger.Info("removed scratch dirs of dead processes", slog.Int("dirs", n))
	}
}

// SweepScratch removes the render scratch dirs of processes that died
// (kill -9 mid-render leaves a partial MP3 and Opus behind).
func (c *Client) SweepScratch(ctx context.Context) (int, error) {
	var failed error
	n, err := c.deps.Blobs.CleanScratch(ctx, func(owner string) bool {
		if owner == c.owner {
			return true
		}
		alive, err := c.deps.Store.OwnerAlive(ctx, owner)
		if err != nil {
			failed = err
			return true // unsure: keep
		}
		return alive
	})
	if err == nil {
		err = failed
	}
	return n, err
}

// Reclaim makes every running job whose process died available again and
// returns how many it reclaimed. A killed render is thus retried within
// seconds of any worker (re)starting, instead of after River's rescue
// delay, which must stay longer than the longest render. A job on its last
// attempt is left to River's rescuer, which discards it.
func (c *Client) Reclaim(ctx context.Context) (int, error) {
	st := c.deps.Store
	running, err := st.RunningJobs(ctx)
	if err != nil {
		return 0, err
	}
	alive := map[string]bool{c.owner: true}
	n := 0
	for _, j := range running {
		live, seen := alive[j.Owner]
		if !seen {
			if live, err = st.OwnerAlive(ctx, j.Owner); err != nil {
				return n, err
			}
			alive[j.Owner] = live
		}
		if live || j.Owner == "" || j.Attempt >= j.MaxAttempts {
			continue
		}
		ok, err := st.ReclaimJob(ctx, j.ID)
		if err != nil {
			return n, err
		}
		if ok {
			n++
			c.deps.Logger.Info("reclaimed a job whose worker died", slog.String("kind", j.Kind),
				slog.Int64("job_id", j.ID), slog.String("owner", j.Owner), slog.Int("attempt", j.Attempt))
		}
	}
	return n, nil
}

// RunningStats describe the jobs running now, for the stuck-work metrics.
type RunningStats struct {
	ByKind      map[string]int
	OldestAge   time.Duration // of the longest-running job; 0 when none runs
	PastTimeout int           // running longer than their own timeout (hung or orphaned)
}

// Running reads the running jobs of every process.
func (c *Client) Running(ctx context.Context) (RunningStats, error) {
	running, err := c.deps.Store.RunningJobs(ctx)
	if err != nil {
		return RunningStats{}, err
	}
	s := RunningStats{ByKind: map[string]int{}}
	now := time.Now()
	for _, j := range running {
		s.ByKind[j.Kind]++
		if j.AttemptedAt.IsZero() {
			continue
		}
		age := now.Sub(j.AttemptedAt)
		s.OldestAge = max(s.OldestAge, age)
		if age > c.timeoutOf(j) {
			s.PastTimeout++
		}
	}
	return s, nil
}

// timeoutOf is the timeout the job's worker gives it.
func (c *Client) timeoutOf(j store.RunningJob) time.Duration {
	switch j.Kind {
	case RenderArgs{}.Kind():
		var a RenderArgs
		_ = json.Unmarshal(j.Args, &a) // bad args: the floor
		return c.renderTimeout(a.Sentences)
	case IngestArgs{}.Kind():
		return ingestTimeout
	}
	return c.cfg.RenderTimeout
}
