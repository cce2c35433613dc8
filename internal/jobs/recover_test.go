package jobs_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"aloud/internal/dbtest"
	"aloud/internal/jobs"
	"aloud/internal/render"
	"aloud/internal/store"
)

// blockingRenderer holds every render until its context ends, and says
// when one started and why it ended.
func blockingRenderer() (*FakeRenderer, chan struct{}, chan error) {
	started, ended := make(chan struct{}, 4), make(chan error, 4)
	return &FakeRenderer{RenderFunc: func(ctx context.Context, req render.Request) (render.Result, error) {
		started <- struct{}{}
		<-ctx.Done()
		ended <- ctx.Err()
		return render.Result{}, ctx.Err()
	}}, started, ended
}

// A DELETE, or a PUT that changes the text, stops the render in progress
// (on both databases) instead of letting it run to its timeout.
func TestChangeCancelsRunningRender(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		ren, started, ended := blockingRenderer()
		b := setup(t, st, jobs.Deps{Renderer: ren})
		ctx := context.Background()

		id := b.submit(t, content("Doomed", "A render nobody will hear."))
		wait(t, started)
		if err := st.DeleteArticle(ctx, b.pub.ID, id); err != nil {
			t.Fatal(err)
		}
		wait(t, ended)
		waitFor(t, func() bool { return jobState(t, st, "cancelled") == 1 })

		id = b.submit(t, content("Changing", "The first text."))
		wait(t, started)
		b.update(t, id, content("Changing", "The second text."))
		wait(t, ended)
		wait(t, started)                                                     // the new version's render
		waitFor(t, func() bool { return jobState(t, st, "completed") == 1 }) // the superseded one
		running, err := b.client.Running(ctx)
		if err != nil || running.ByKind["render"] != 1 || running.OldestAge <= 0 || running.PastTimeout != 0 {
			t.Fatalf("running: %+v %v, want one render", running, err)
		}
		if err := st.DeleteArticle(ctx, b.pub.ID, id); err != nil {
			t.Fatal(err)
		}
		wait(t, ended)
	})
}

func wait[T any](t *testing.T, ch chan T) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(60 * time.Second):
		t.Fatal("hang guard: nothing happened within 60 s")
	}
}

func jobState(t *testing.T, st *store.Store, state string) int {
	t.Helper()
	var n int
	err := st.DB().QueryRowContext(context.Background(),
		`SELECT COUNT(*) FROM river_job WHERE kind = 'render' AND state = '`+state+`'`).Scan(&n)
	if err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	return n
}
