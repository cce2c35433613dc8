// Package cache is the sentence cache: content-addressed blobs (synthesized
// PCM plus word timings) stored under a key derived from everything that
// determines them, so an unchanged sentence is never synthesized twice.
//
// Entries are written atomically (temp file, rename), so a crash or a
// concurrent writer never leaves a torn entry; a corrupt entry reads as a
// miss. The cache is safe for concurrent use by many processes.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Cache is a directory of entries. A nil *Cache is a disabled cache: every
// Get misses and every Put is dropped.
type Cache struct {
	dir string
}

// Open returns a cache rooted at dir, creating it if needed.
func Open(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create cache dir: %w", err)
	}
	return &Cache{dir: dir}, nil
}

// DefaultDir is aloud's directory inside the user cache directory.
func DefaultDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find user cache dir: %w", err)
	}
	return filepath.Join(base, "aloud", "sentences"), nil
}

// Key hashes the parts that determine an entry. Parts are length-prefixed
// so that ("ab","c") and ("a","bc") differ.
func Key(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:", len(p))
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Get returns the entry for key, and whether it was found.
func (c *Cache) Get(key string) ([]byte, bool, error) {
	if c == nil {
		return nil, false, nil
	}
	b, err := os.ReadFile(c.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read cache entry: %w", err)
	}
	return b, true, nil
}

// Put stores data under key atomically.
func (c *Cache) Put(key string, data []byte) error {
	if c == nil {
		return nil
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("create cache shard: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("create cache entry: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write cache entry: %w", err)
	}
	return nil
}

// Dir is the cache's root directory.
func (c *Cache) Dir() string { return c.dir }

func (c *Cache) path(key string) string {
	if len(key) < 3 {
		return filepath.Join(c.dir, "_", key)
	}
	return filepath.Join(c.dir, key[:2], key[2:])
}
