package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"aloud/internal/article"
	"aloud/internal/dbtest"
	"aloud/internal/store"
)

func sample(title string) article.Article {
	return article.Article{Title: title, Language: "en", URL: "https://example.com/a",
		Blocks: []article.Block{{Type: article.Paragraph, Text: "First paragraph."}}}
}

func TestPublicationsAndKeys(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, err := s.EnsurePublication(ctx, "daily")
		if err != nil {
			t.Fatal(err)
		}
		again, err := s.EnsurePublication(ctx, "daily")
		if err != nil || again.ID != p.ID {
			t.Fatalf("second EnsurePublication: got %v %v, want id %s", again.ID, err, p.ID)
		}
		if _, err := s.CreatePublication(ctx, "daily"); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("duplicate publication: got %v, want ErrConflict", err)
		}
		p.MoreInfo, p.DefaultVoices = "Read by a machine.", map[string]string{"en": "flite:rms"}
		if err := s.UpdatePublication(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := s.Publication(ctx, p.ID)
		if err != nil || got.MoreInfo != p.MoreInfo || got.DefaultVoices["en"] != "flite:rms" {
			t.Fatalf("publication after update: got %+v %v", got, err)
		}

		k, secret, err := s.CreateAPIKey(ctx, p.ID, "cms")
		if err != nil {
			t.Fatal(err)
		}
		if len(secret) < 40 {
			t.Fatalf("secret %q is too short for 256 bits", secret)
		}
		var stored int
		if err := s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM api_keys WHERE key_hash = '`+store.HashKey(secret)+`'`).Scan(&stored); err != nil || stored != 1 {
			t.Fatalf("key stored by hash: got %d %v, want 1", stored, err)
		}
		byS, err := s.APIKeyBySecret(ctx, secret)
		if err != nil || byS.ID != k.ID || byS.PublicationID != p.ID {
			t.Fatalf("APIKeyBySecret: got %+v %v", byS, err)
		}
		if _, err := s.APIKeyBySecret(ctx, secret+"x"); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("wrong secret: got %v, want ErrNotFound", err)
		}
		other, _ := s.EnsurePublication(ctx, "weekly")
		if err := s.RevokeAPIKey(ctx, other.ID, k.ID); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("revoke by another publication: got %v, want ErrNotFound", err)
		}
		if err := s.RevokeAPIKey(ctx, p.ID, k.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.APIKeyBySecret(ctx, secret); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("revoked key: got %v, want ErrNotFound", err)
		}
		keys, err := s.ListAPIKeys(ctx, p.ID)
		if err != nil || len(keys) != 1 || keys[0].RevokedAt.IsZero() {
			t.Fatalf("ListAPIKeys: got %+v %v, want one revoked key", keys, err)
		}
	})
}

func TestArticlesVersionsAndTenancy(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, _ := s.EnsurePublication(ctx, "daily")
		other, _ := s.EnsurePublication(ctx, "weekly")
		a := store.Article{PublicationID: p.ID, Voice: "flite:rms", IdempotencyKey: "req-1"}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		dup := store.Article{PublicationID: p.ID, IdempotencyKey: "req-1"}
		if err := s.CreateArticle(ctx, &dup); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("reused idempotency key: got %v, want ErrConflict", err)
		}
		byKey, err := s.ArticleByIdempotencyKey(ctx, p.ID, "req-1")
		if err != nil || byKey.ID != a.ID {
			t.Fatalf("ArticleByIdempotencyKey: got %v %v, want %s", byKey.ID, err, a.ID)
		}
		if _, err := s.Article(ctx, other.ID, a.ID); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("another publication's article: got %v, want ErrNotFound", err)
		}

		v1, created, err := s.PutVersion(ctx, a.ID, sample("Title"))
		if err != nil || !created {
			t.Fatalf("first PutVersion: created=%v %v", created, err)
		}
		meta := sample("Title")
		meta.URL = "https://example.com/moved" // not spoken
		v1b, created, err := s.PutVersion(ctx, a.ID, meta)
		if err != nil || created || v1b.ID != v1.ID || v1b.Content.URL != meta.URL {
			t.Fatalf("metadata-only PutVersion: got id %s created=%v url %q %v, want id %s, not created, url kept", v1b.ID, created, v1b.Content.URL, err, v1.ID)
		}
		v2, created, err := s.PutVersion(ctx, a.ID, sample("New title"))
		if err != nil || !created || v2.ID == v1.ID {
			t.Fatalf("changed PutVersion: got id %s created=%v %v", v2.ID, created, err)
		}
		if err := s.SetCurrentVersion(ctx, a.ID, v2.ID, "en"); err != nil {
			t.Fatal(err)
		}
		got, err := s.Article(ctx, p.ID, a.ID)
		if err != nil || got.CurrentVersionID != v2.ID || got.Status != store.StatusQueued {
			t.Fatalf("article after SetCurrentVersion: got %+v %v", got, err)
		}
		ver, err := s.Version(ctx, v2.ID)
		if err != nil || ver.Content.Title != "New title" || len(ver.Content.Blocks) != 1 {
			t.Fatalf("Version: got %+v %v", ver, err)
		}
		if err := s.DeleteArticle(ctx, other.ID, a.ID); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("delete by another publication: got %v, want ErrNotFound", err)
		}
		if err := s.DeleteArticle(ctx, p.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Version(ctx, v2.ID); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("version after article delete: got %v, want ErrNotFound (cascade)", err)
		}
	})
}

func TestListArticlesPages(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, _ := s.EnsurePublication(ctx, "daily")
		var ids []string
		for range 5 {
			a := store.Article{PublicationID: p.ID}
			if err := s.CreateArticle(ctx, &a); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, a.ID)
		}
		seen := map[string]bool{}
		var order []store.Article
		cursor := ""
		for page := 0; ; page++ {
			got, next, err := s.ListArticles(ctx, p.ID, 2, cursor)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range got {
				if seen[a.ID] {
					t.Fatalf("article %s listed twice", a.ID)
				}
				seen[a.ID] = true
				order = append(order, a)
			}
			if next == "" {
				break
			}
			if page > 5 {
				t.Fatal("pagination does not end")
			}
			cursor = next
		}
		if len(seen) != len(ids) {
			t.Fatalf("listed %d articles, want %d", len(seen), len(ids))
		}
		for i := 1; i < len(order); i++ {
			if order[i].CreatedAt.After(order[i-1].CreatedAt) {
				t.Fatalf("list is not newest first at %d", i)
			}
		}
		if _, _, err := s.ListArticles(ctx, p.ID, 2, "!!"); !errors.Is(err, store.ErrBadCursor) {
			t.Fatalf("bad cursor: got %v, want ErrBadCursor", err)
		}
	})
}

func TestRenditions(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, _ := s.EnsurePublication(ctx, "daily")
		a := store.Article{PublicationID: p.ID}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		v, _, _ := s.PutVersion(ctx, a.ID, sample("T"))
		r, created, err := s.EnsureRendition(ctx, store.Rendition{ArticleID: a.ID, VersionID: v.ID, Key: "k1", Voice: "flite:rms", LexiconVersion: "0"})
		if err != nil || !created || r.Status != store.StatusQueued {
			t.Fatalf("EnsureRendition: got %+v created=%v %v", r, created, err)
		}
		r2, created, err := s.EnsureRendition(ctx, store.Rendition{ArticleID: a.ID, VersionID: v.ID, Key: "k1", Voice: "flite:rms"})
		if err != nil || created || r2.ID != r.ID {
			t.Fatalf("second EnsureRendition: got %s created=%v %v, want %s", r2.ID, created, err, r.ID)
		}
		err = s.WithTx(ctx, func(tx *store.Tx) error {
			if err := tx.FinishRendition(ctx, r.ID, store.Finished{Files: map[string]string{"mp3": "abc.mp3"}, TimelineKey: "abc.json", Duration: 1500 * time.Millisecond, Voice: "flite:slt"}); err != nil {
				return err
			}
			return tx.SetLiveRendition(ctx, a.ID, r.ID)
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Rendition(ctx, r.ID)
		if err != nil || got.Status != store.StatusReady || got.Files["mp3"] != "abc.mp3" || got.Duration != 1500*time.Millisecond || got.Voice != "flite:slt" {
			t.Fatalf("rendition after finish: got %+v %v", got, err)
		}
		refs, err := s.ReferencedBlobs(ctx)
		if err != nil || !refs["abc.mp3"] || !refs["abc.json"] || len(refs) != 2 {
			t.Fatalf("ReferencedBlobs: got %v %v", refs, err)
		}
		art, _ := s.Article(ctx, p.ID, a.ID)
		if art.Status != store.StatusReady || art.LiveRenditionID != r.ID {
			t.Fatalf("article after publish: got %+v", art)
		}
		if err := s.SetCurrentVersion(ctx, a.ID, v.ID, "en"); err != nil {
			t.Fatal(err)
		}
		view, err := s.ArticleView(ctx, p.ID, a.ID)
		if err != nil || view.Content == nil || view.Content.Title != "T" || view.Rendition == nil ||
			view.Rendition.Files["mp3"] != "abc.mp3" || view.Rendition.Voice != "flite:slt" {
			t.Fatalf("ArticleView: got %+v %v", view, err)
		}
		list, _, err := s.ListArticleViews(ctx, p.ID, 10, "")
		if err != nil || len(list) != 1 || list[0].Rendition == nil || list[0].Rendition.Duration != 1500*time.Millisecond {
			t.Fatalf("ListArticleViews: got %+v %v", list, err)
		}
		other, _ := s.EnsurePublication(ctx, "weekly")
		if _, err := s.ArticleView(ctx, other.ID, a.ID); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("another publication's view: got %v, want ErrNotFound", err)
		}
	})
}

func TestWithTxRollsBack(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		boom := errors.New("boom")
		err := s.WithTx(ctx, func(tx *store.Tx) error {
			if _, err := tx.CreatePublication(ctx, "ghost"); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("WithTx: got %v, want boom", err)
		}
		if _, err := s.PublicationByName(ctx, "ghost"); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("publication after rollback: got %v, want ErrNotFound", err)
		}
	})
}

func TestFeeds(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, _ := s.EnsurePublication(ctx, "daily")
		other, _ := s.EnsurePublication(ctx, "weekly")
		f := store.Feed{PublicationID: p.ID, URL: "https://example.com/rss", Interval: 15 * time.Minute}
		if err := s.CreateFeed(ctx, &f); err != nil {
			t.Fatal(err)
		}
		dup := store.Feed{PublicationID: p.ID, URL: f.URL, Interval: time.Minute}
		if err := s.CreateFeed(ctx, &dup); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("duplicate feed: got %v, want ErrConflict", err)
		}
		if _, err := s.Feed(ctx, other.ID, f.ID); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("another publication's feed: got %v, want ErrNotFound", err)
		}
		f.ETag, f.Failures, f.LastPolledAt, f.NextPollAt = `"v1"`, 2, time.Now(), time.Now().Add(time.Hour)
		if err := s.RecordPoll(ctx, f); err != nil {
			t.Fatal(err)
		}
		got, err := s.FeedByID(ctx, f.ID)
		if err != nil || got.ETag != `"v1"` || got.Failures != 2 || got.Interval != 15*time.Minute || got.LastPolledAt.IsZero() {
			t.Fatalf("feed after poll: got %+v %v", got, err)
		}
		added, err := s.AddFeedItem(ctx, f.ID, "guid-1", "")
		if err != nil || !added {
			t.Fatalf("first AddFeedItem: %v %v", added, err)
		}
		added, err = s.AddFeedItem(ctx, f.ID, "guid-1", "")
		if err != nil || added {
			t.Fatalf("second AddFeedItem: got added=%v %v, want false", added, err)
		}
		list, err := s.ListFeeds(ctx, p.ID)
		if err != nil || len(list) != 1 {
			t.Fatalf("ListFeeds: got %d %v", len(list), err)
		}
		if err := s.DeleteFeed(ctx, p.ID, f.ID); err != nil {
			t.Fatal(err)
		}
		if seen, _ := s.FeedItemSeen(ctx, f.ID, "guid-1"); seen {
			t.Fatal("feed items survive their feed's deletion")
		}
	})
}

func TestReadsSeeCommittedData(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, _ := s.EnsurePublication(ctx, "daily")
		a := store.Article{PublicationID: p.ID}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		v, err := s.Reads().ArticleView(ctx, p.ID, a.ID)
		if err != nil || v.ID != a.ID {
			t.Fatalf("read after write: got %+v %v", v, err)
		}
		if s.Dialect() == store.SQLite {
			if _, err := s.Reads().CreatePublication(ctx, "nope"); err == nil {
				t.Fatal("a write through the SQLite read pool succeeded; want it refused")
			}
		}
	})
}
