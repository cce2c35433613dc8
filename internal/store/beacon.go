package store

import (
	"context"
	"fmt"
)

// AddListenCounts adds one to each of the article's named counters (a
// beacon's metrics: "play", "p25", "reach_7", …). Counters are aggregates:
// nothing says who listened.
func (c conn) AddListenCounts(ctx context.Context, articleID string, metrics ...string) error {
	for _, m := range metrics {
		_, err := c.exec(ctx, `INSERT INTO listen_counts (article_id, metric, n) VALUES (?, ?, 1)
			ON CONFLICT (article_id, metric) DO UPDATE SET n = listen_counts.n + 1`, articleID, m)
		if err != nil {
			return fmt.Errorf("add listen count %s/%s: %w", articleID, m, err)
		}
	}
	return nil
}

// ListenCounts returns every counter of the article, metric → count.
func (c conn) ListenCounts(ctx context.Context, articleID string) (map[string]int64, error) {
	rows, err := c.query(ctx, `SELECT metric, n FROM listen_counts WHERE article_id = ?`, articleID)
	if err != nil {
		return nil, fmt.Errorf("listen counts %s: %w", articleID, err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var m string
		var n int64
		if err := rows.Scan(&m, &n); err != nil {
			return nil, fmt.Errorf("listen counts %s: %w", articleID, err)
		}
		out[m] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listen counts %s: %w", articleID, err)
	}
	return out, nil
}
