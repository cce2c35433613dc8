package cache

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"
)

func TestPutGet(t *testing.T) {
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	k := Key("hello", "flite", "rms")
	if _, ok, err := c.Get(k); ok || err != nil {
		t.Fatalf("got ok=%v err=%v before Put, want miss", ok, err)
	}
	if err := c.Put(k, []byte("pcm")); err != nil {
		t.Fatal(err)
	}
	got, ok, err := c.Get(k)
	if err != nil || !ok || !bytes.Equal(got, []byte("pcm")) {
		t.Fatalf("got %q ok=%v err=%v, want pcm", got, ok, err)
	}
	tmps, _ := filepath.Glob(filepath.Join(c.Dir(), "*", ".tmp-*"))
	if len(tmps) != 0 {
		t.Fatalf("temp files left behind: %v", tmps)
	}
}

func TestKeyIsLengthPrefixed(t *testing.T) {
	if Key("ab", "c") == Key("a", "bc") {
		t.Fatal("keys of different part splits collide")
	}
	if Key("x") != Key("x") {
		t.Fatal("key is not deterministic")
	}
}

func TestNilCacheIsDisabled(t *testing.T) {
	var c *Cache
	if err := c.Put("k", []byte("v")); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := c.Get("k"); ok {
		t.Fatal("nil cache returned a hit")
	}
}

func TestConcurrentPut(t *testing.T) {
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.Put("samekey", bytes.Repeat([]byte{'a'}, 1<<16)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	got, ok, err := c.Get("samekey")
	if err != nil || !ok || len(got) != 1<<16 {
		t.Fatalf("got len %d ok=%v err=%v", len(got), ok, err)
	}
}
