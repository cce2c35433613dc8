package api_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"aloud/internal/api"
	"aloud/internal/dbtest"
	"aloud/internal/store"
)

// A key revoked behind the server's back (another process) keeps working
// for at most the key cache's TTL; unknown keys are never cached.
func TestKeyCacheTTL(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		var mu sync.Mutex
		now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
		advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
		b := setup(t, st, api.Options{Now: clock, KeyCacheTTL: 2 * time.Second})
		ctx := context.Background()
		p, err := st.EnsurePublication(ctx, "cached")
		if err != nil {
			t.Fatal(err)
		}
		k, secret, err := st.CreateAPIKey(ctx, p.ID, "t")
		if err != nil {
			t.Fatal(err)
		}
		if r := b.do(t, "GET", "/api/v1/articles", secret, ""); r.status != 200 {
			t.Fatalf("fresh key: got %d", r.status)
		}
		if err := st.RevokeAPIKey(ctx, p.ID, k.ID); err != nil {
			t.Fatal(err)
		}
		if r := b.do(t, "GET", "/api/v1/articles", secret, ""); r.status != 200 {
			t.Fatalf("within the TTL: got %d, want 200 (cached)", r.status)
		}
		advance(2 * time.Second)
		if r := b.do(t, "GET", "/api/v1/articles", secret, ""); r.status != 401 {
			t.Fatalf("after the TTL: got %d, want 401", r.status)
		}
		if r := b.do(t, "GET", "/api/v1/articles", "nope", ""); r.status != 401 {
			t.Fatalf("unknown key: got %d, want 401", r.status)
		}
	})
}
