package store

import (
	"context"
	"fmt"
)

// QueueDepth counts River jobs waiting to run (available, scheduled or
// retryable) per kind, for the aloud_queue_depth metric. River's tables
// are read, never written, here.
func (c conn) QueueDepth(ctx context.Context) (map[string]int, error) {
	rows, err := c.query(ctx, `SELECT kind, COUNT(*) FROM river_job
		WHERE state IN ('available', 'scheduled', 'retryable') GROUP BY kind`)
	if err != nil {
		return nil, fmt.Errorf("queue depth: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var kind string
		var n int
		if err := rows.Scan(&kind, &n); err != nil {
			return nil, fmt.Errorf("queue depth: %w", err)
		}
		out[kind] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("queue depth: %w", err)
	}
	return out, nil
}
