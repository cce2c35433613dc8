package store_test

import (
	"context"
	"errors"
	"testing"

	"aloud/internal/article"
	"aloud/internal/dbtest"
	"aloud/internal/store"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Daily Planet":      "daily-planet",
		"  Die Zeit ":       "die-zeit",
		"Le Monde / Europe": "le-monde-europe",
		"Süddeutsche":       "süddeutsche",
		"!!!":               "",
	} {
		if got := store.Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPublicationSettings(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, err := s.CreatePublication(ctx, "Daily Planet")
		if err != nil {
			t.Fatal(err)
		}
		if p.Slug != "daily-planet" || !p.FeedbackOn || p.Disclosure != "start" || p.DefaultLanguage != "en" {
			t.Fatalf("new publication defaults: %+v", p)
		}
		// A different name with the same slug gets a suffixed one.
		q, err := s.CreatePublication(ctx, "daily planet")
		if err != nil || q.Slug == p.Slug || q.Slug[:12] != "daily-planet" {
			t.Fatalf("clashing slug: %+v %v", q, err)
		}
		p.Slug, p.DefaultLanguage, p.Disclosure, p.DisclosureText = "planet", "de", "end", "KI-Stimme."
		p.MoreInfoURL, p.FeedbackOn, p.AccentColor = "https://example.com/ai", false, "#aa3300"
		if err := s.UpdatePublication(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := s.PublicationBySlug(ctx, "planet")
		if err != nil || got.ID != p.ID || got.DefaultLanguage != "de" || got.Disclosure != "end" ||
			got.DisclosureText != "KI-Stimme." || got.MoreInfoURL != p.MoreInfoURL || got.FeedbackOn || got.AccentColor != "#aa3300" {
			t.Fatalf("after update: %+v %v", got, err)
		}
		q.Slug = "planet"
		if err := s.UpdatePublication(ctx, q); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("taking another's slug: got %v, want ErrConflict", err)
		}
		if _, err := s.PublicationBySlug(ctx, "daily-planet"); !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("old slug: got %v, want ErrNotFound", err)
		}
	})
}

func TestFeedbackAndListenCounts(t *testing.T) {
	t.Parallel()
	dbtest.Run(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, _ := s.EnsurePublication(ctx, "daily")
		other, _ := s.EnsurePublication(ctx, "weekly")
		a := store.Article{PublicationID: p.ID}
		if err := s.CreateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
		f := store.Feedback{PublicationID: p.ID, ArticleID: a.ID, Kind: "pronunciation", Note: "<b>Nguyễn</b> 🙂",
			AtMs: 1234, Sentence: "Hello.", ClientHash: "h", DedupeKey: "k1"}
		if err := s.AddFeedback(ctx, &f); err != nil {
			t.Fatal(err)
		}
		dup := f
		if err := s.AddFeedback(ctx, &dup); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("same dedupe key: got %v, want ErrConflict", err)
		}
		list, err := s.Reads().ListFeedback(ctx, p.ID, a.ID, 10)
		if err != nil || len(list) != 1 || list[0].Note != f.Note || list[0].AtMs != 1234 || list[0].Sentence != "Hello." {
			t.Fatalf("list: %+v %v", list, err)
		}
		if list, _ := s.ListFeedback(ctx, other.ID, a.ID, 10); len(list) != 0 {
			t.Fatalf("another publication sees %d reports", len(list))
		}

		if err := s.AddListenCounts(ctx, a.ID, "play", "reach_3"); err != nil {
			t.Fatal(err)
		}
		if err := s.AddListenCounts(ctx, a.ID, "play"); err != nil {
			t.Fatal(err)
		}
		c, err := s.ListenCounts(ctx, a.ID)
		if err != nil || c["play"] != 2 || c["reach_3"] != 1 || len(c) != 2 {
			t.Fatalf("counts: %v %v", c, err)
		}
		v, err := s.PublicArticleView(ctx, a.ID)
		if err != nil || v.PublicationID != p.ID {
			t.Fatalf("public view: %+v %v", v, err)
		}
		if err := s.DeleteArticle(ctx, p.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		if c, _ := s.ListenCounts(ctx, a.ID); len(c) != 0 {
			t.Fatalf("counts outlive their article: %v", c)
		}
	})
}
