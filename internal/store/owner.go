package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Owner liveness. Every process that runs jobs holds a lock named after
// its River client ID for as long as it lives; the operating system (for
// SQLite, a flock on a file next to the database) or PostgreSQL (a session
// advisory lock, released when the connection drops) frees it the moment
// the process dies, kill -9 and OOM included. A job still "running" whose
// owner holds no lock is orphaned and can be run again at once, instead of
// waiting for River's rescuer.

// ownerLockSpace is the first key of aloud's two-key advisory locks.
const ownerLockSpace = 0x616c6f75 // "alou"

// HoldOwner takes the liveness lock of owner; release frees it.
func (s *Store) HoldOwner(ctx context.Context, owner string) (release func(), err error) {
	if s.d == SQLite {
		return holdFileLock(s.ownerFile(owner))
	}
	c, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("hold owner lock: %w", err)
	}
	if _, err := c.ExecContext(ctx, `SELECT pg_advisory_lock($1, $2)`, ownerLockSpace, ownerKey(owner)); err != nil {
		c.Close()
		return nil, fmt.Errorf("hold owner lock: %w", err)
	}
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		c.ExecContext(ctx, `SELECT pg_advisory_unlock($1, $2)`, ownerLockSpace, ownerKey(owner))
		c.Close()
	}, nil
}

// OwnerAlive reports whether owner still holds its liveness lock.
func (s *Store) OwnerAlive(ctx context.Context, owner string) (bool, error) {
	if s.d == SQLite {
		return fileLockHeld(s.ownerFile(owner))
	}
	var held bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_locks
		WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = $1 AND objid = $2
		AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))`,
		ownerLockSpace, ownerKey(owner)).Scan(&held)
	if err != nil {
		return false, fmt.Errorf("check owner lock: %w", err)
	}
	return held, nil
}

// ownerKey is the second advisory-lock key: a hash of the owner, kept
// positive because pg_locks shows keys as unsigned oids.
func ownerKey(owner string) int64 {
	h := fnv.New32a()
	h.Write([]byte(owner))
	return int64(h.Sum32() & 0x7fffffff)
}

func (s *Store) ownerFile(owner string) string {
	safe := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == 0 {
			return '_'
		}
		return r
	}, owner)
	return filepath.Join(s.path+".owners", safe+".lock")
}

func holdFileLock(path string) (func(), error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("hold owner lock: %w", err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("hold owner lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, fmt.Errorf("hold owner lock %s: %w", path, err)
	}
	return func() {
		os.Remove(path)
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// fileLockHeld tries the lock: taking it means its holder is gone (the
// file is then removed); a missing file means the owner never was here or
// exited cleanly.
func fileLockHeld(path string) (bool, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("check owner lock: %w", err)
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("check owner lock: %w", err)
	}
	os.Remove(path)
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false, nil
}

// RunningJob is a River job in state running, as the reclaimer sees it.
type RunningJob struct {
	ID          int64
	Kind        string
	Attempt     int
	MaxAttempts int
	AttemptedAt time.Time
	Owner       string // the River client running it (last of attempted_by)
	Args        []byte
}

// RunningJobs lists River's running jobs. River's tables are read here and
// written only by ReclaimJob.
func (c conn) RunningJobs(ctx context.Context) ([]RunningJob, error) {
	owner := `attempted_by[array_length(attempted_by, 1)]`
	if c.d == SQLite {
		owner = `json_extract(attempted_by, '$[#-1]')`
	}
	rows, err := c.query(ctx, `SELECT id, kind, attempt, max_attempts, attempted_at, COALESCE(`+owner+`, ''), args
		FROM river_job WHERE state = 'running' ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("running jobs: %w", err)
	}
	defer rows.Close()
	var out []RunningJob
	for rows.Next() {
		var j RunningJob
		var at sql.Null[time.Time]
		if err := rows.Scan(&j.ID, &j.Kind, &j.Attempt, &j.MaxAttempts, &at, &j.Owner, &j.Args); err != nil {
			return nil, fmt.Errorf("running jobs: %w", err)
		}
		j.AttemptedAt = at.V
		out = append(out, j)
	}
	return out, rows.Err()
}

// ReclaimJob makes a running job whose owner died available again, as
// River's rescuer would after its delay; it reports whether it did (another
// process may have been first).
func (c conn) ReclaimJob(ctx context.Context, id int64) (bool, error) {
	res, err := c.exec(ctx, `UPDATE river_job SET state = 'available' WHERE id = ? AND state = 'running'`, id)
	if err != nil {
		return false, fmt.Errorf("reclaim job %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}
