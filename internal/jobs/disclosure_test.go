package jobs_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"testing"
	"time"

	"aloud/internal/dbtest"
	"aloud/internal/jobs"
	"aloud/internal/render"
	"aloud/internal/store"
)

// TestRenderSpeaksThePublicationsDisclosure: the render gets the
// publication's position and wording, not the process-wide setting, and a
// change of either makes a new rendition of the same text.
func TestRenderSpeaksThePublicationsDisclosure(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, st *store.Store) {
		var mu sync.Mutex
		var got []render.Request
		ren := &FakeRenderer{RenderFunc: func(ctx context.Context, req render.Request) (render.Result, error) {
			mu.Lock()
			got = append(got, req)
			mu.Unlock()
			return writeFiles(req)
		}}
		b := setup(t, st, jobs.Deps{Renderer: ren})
		last := func() render.Request {
			mu.Lock()
			defer mu.Unlock()
			return got[len(got)-1]
		}
		setPub := func(pos, text string) {
			t.Helper()
			p, err := st.Publication(context.Background(), b.pub.ID)
			if err != nil {
				t.Fatal(err)
			}
			p.Disclosure, p.DisclosureText = pos, text
			if err := st.UpdatePublication(context.Background(), p); err != nil {
				t.Fatal(err)
			}
		}
		c := content("Hello", "World.")

		setPub("start", "Read by a machine.")
		id := b.submit(t, c)
		first := b.waitStatus(t, id, store.StatusReady)
		if r := last(); r.Disclosure != "start" || r.DisclosureText != "Read by a machine." {
			t.Fatalf("render got disclosure %q %q, want the publication's start, \"Read by a machine.\"", r.Disclosure, r.DisclosureText)
		}

		prev := first.LiveRenditionID
		for i, step := range []struct{ pos, text, wantText string }{
			{"start", "Made by software.", "Made by software."}, // wording only
			{"end", "Made by software.", "Made by software."},   // position only
			{"off", "Made by software.", ""},                    // off speaks no text
			{"end", "", ""},                                     // back to the language's line
		} {
			setPub(step.pos, step.text)
			b.update(t, id, c) // same text: only the disclosure differs
			a := b.waitLive(t, id, prev)
			if r := last(); r.Disclosure != step.pos || r.DisclosureText != step.wantText {
				t.Errorf("step %d: render got %q %q, want %q %q", i, r.Disclosure, r.DisclosureText, step.pos, step.wantText)
			}
			prev = a.LiveRenditionID
		}
		if n := ren.calls.Load(); n != 5 {
			t.Errorf("%d renders, want 5 (one per disclosure)", n)
		}

		b.update(t, id, c) // nothing changed: the ready rendition stays
		if a := b.waitStatus(t, id, store.StatusReady); a.LiveRenditionID != prev || ren.calls.Load() != 5 {
			t.Errorf("unchanged resubmit: rendition %s (was %s), %d renders", a.LiveRenditionID, prev, ren.calls.Load())
		}
	})
}

func TestRenditionKeyCoversTheDisclosure(t *testing.T) {
	set := jobs.Settings{Formats: []string{"mp3"}}
	keys := map[string]jobs.Disclosure{}
	for _, d := range []jobs.Disclosure{{"start", ""}, {"end", ""}, {"off", ""}, {"start", "A."}, {"start", "B."}, {"end", "A."}} {
		k := jobs.RenditionKey("hash", "espeak:en", "1", d, set)
		if other, dup := keys[k]; dup {
			t.Errorf("disclosures %+v and %+v share a key", d, other)
		}
		keys[k] = d
	}
	// Without wording the key is the one made before publications had
	// their own, so existing ready renditions still match.
	h := sha256.New()
	for _, p := range []string{"hash", "espeak:en", "1", "mp3", "end"} {
		h.Write([]byte(p + "\x00"))
	}
	if k := jobs.RenditionKey("hash", "espeak:en", "1", jobs.Disclosure{Position: "end"}, set); k != hex.EncodeToString(h.Sum(nil)) {
		t.Errorf("key without wording changed: %s", k)
	}
}

// waitLive waits until the article is ready with a live rendition other
// than prev.
func (b *bundle) waitLive(t *testing.T, id, prev string) store.Article {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		a := b.waitStatus(t, id, store.StatusReady)
		if a.LiveRenditionID != prev {
			return a
		}
		if time.Now().After(deadline) {
			t.Fatalf("article %s: still on rendition %s", id, prev)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
