package blob_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aloud/internal/blob"
)

func setup(t *testing.T) *blob.Local {
	t.Helper()
	l, err := blob.NewLocal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestPutIsContentAddressedAndIdempotent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	l := setup(t)
	k1, err := l.Put(ctx, strings.NewReader("hello"), "mp3")
	if err != nil {
		t.Fatal(err)
	}
	want := "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824.mp3"
	if k1 != want {
		t.Fatalf("key: got %s, want %s", k1, want)
	}
	k2, err := l.Put(ctx, strings.NewReader("hello"), ".MP3")
	if err != nil || k2 != k1 {
		t.Fatalf("second put: got %s %v, want %s", k2, err, k1)
	}
	f, err := l.Open(ctx, k1)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	if string(b) != "hello" || f.Size() != 5 {
		t.Fatalf("content: got %q size %d", b, f.Size())
	}
}

func TestOpenRejectsBadKeys(t *testing.T) {
	t.Parallel()
	l := setup(t)
	for _, k := range []string{"../etc/passwd", "abc.mp3", strings.Repeat("a", 64) + ".mp3/../x", ""} {
		if _, err := l.Open(context.Background(), k); !errors.Is(err, blob.ErrBadKey) {
			t.Errorf("Open(%q): got %v, want ErrBadKey", k, err)
		}
	}
	missing := strings.Repeat("a", 64) + ".mp3"
	if _, err := l.Open(context.Background(), missing); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("Open(missing): got %v, want ErrNotFound", err)
	}
}

func TestGCKeepsReferencedAndYoung(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	l := setup(t)
	keep, _ := l.Put(ctx, bytes.NewReader([]byte("referenced")), "mp3")
	old, _ := l.Put(ctx, bytes.NewReader([]byte("orphan")), "mp3")
	young, _ := l.Put(ctx, bytes.NewReader([]byte("just rendered")), "opus")
	past := time.Now().Add(-2 * time.Hour)
	for _, k := range []string{keep, old} {
		if err := os.Chtimes(filepath.Join(l.Dir(), k[:2], k), past, past); err != nil {
			t.Fatal(err)
		}
	}
	n, err := blob.GC(ctx, l, map[string]bool{keep: true}, time.Hour, time.Now())
	if err != nil || n != 1 {
		t.Fatalf("GC: got %d %v, want 1 deleted", n, err)
	}
	for k, wantThere := range map[string]bool{keep: true, old: false, young: true} {
		_, err := l.Open(ctx, k)
		if there := err == nil; there != wantThere {
			t.Errorf("%s present=%v after GC, want %v", k, there, wantThere)
		}
	}
}

func TestCleanTempRemovesOnlyStaleScratch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	l := setup(t)
	stale, _ := l.TempDir()
	fresh, _ := l.TempDir()
	os.WriteFile(filepath.Join(stale, "half.mp3"), []byte("x"), 0o644)
	past := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, past, past)
	n, err := l.CleanTemp(ctx, time.Hour, time.Now())
	if err != nil || n != 1 {
		t.Fatalf("CleanTemp: got %d %v, want 1", n, err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale scratch dir survives: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("fresh scratch dir removed: %v", err)
	}
}
