package store_test

import (
	"context"
	"testing"

	"aloud/internal/dbtest"
	"aloud/internal/store"
)

// A held owner lock is seen as alive from the same database, and dead
// once released; an owner that never ran is dead.
func TestOwnerLiveness(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		release, err := st.HoldOwner(ctx, "aloud-test-1")
		if err != nil {
			t.Fatal(err)
		}
		for owner, want := range map[string]bool{"aloud-test-1": true, "aloud-test-2": false} {
			if alive, err := st.OwnerAlive(ctx, owner); err != nil || alive != want {
				t.Fatalf("%s: alive %v %v, want %v", owner, alive, err, want)
			}
		}
		release()
		if alive, err := st.OwnerAlive(ctx, "aloud-test-1"); err != nil || alive {
			t.Fatalf("after release: alive %v %v", alive, err)
		}
		if _, err := st.RunningJobs(ctx); err != nil {
			t.Fatal(err)
		}
	})
}
