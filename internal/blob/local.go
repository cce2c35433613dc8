package blob

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Local keeps blobs in a directory, sharded by the first two hex digits
// of the hash: DIR/ab/abcdef….mp3.
type Local struct {
	dir string
}

var _ Store = (*Local)(nil)

// NewLocal returns a store rooted at dir, creating it when missing.
func NewLocal(dir string) (*Local, error) {
	if err := os.MkdirAll(filepath.Join(dir, "tmp"), 0o755); err != nil {
		return nil, fmt.Errorf("create blob dir: %w", err)
	}
	return &Local{dir: dir}, nil
}

// Dir is the root directory.
func (l *Local) Dir() string { return l.dir }

// TempDir makes a scratch directory on the same filesystem as the store
// (so later renames are atomic); the caller removes it.
func (l *Local) TempDir() (string, error) { return l.TempDirOf("") }

// TempDirOf is TempDir named after its owner (a process ID), so that
// CleanScratch can remove the dirs of owners that died.
func (l *Local) TempDirOf(owner string) (string, error) {
	prefix := "work-"
	if owner != "" {
		prefix += owner + "~"
	}
	d, err := os.MkdirTemp(filepath.Join(l.dir, "tmp"), prefix)
	if err != nil {
		return "", fmt.Errorf("make blob scratch dir: %w", err)
	}
	return d, nil
}

// Put writes r to a temp file in the store, hashing as it goes, then
// syncs and renames it to its content address. A reader never sees a
// half-written file, and a crash leaves only a temp file that GC removes.
func (l *Local) Put(ctx context.Context, r io.Reader, ext string) (string, error) {
	ext = strings.ToLower(strings.TrimPrefix(ext, "."))
	tmp, err := os.CreateTemp(filepath.Join(l.dir, "tmp"), "put-*")
	if err != nil {
		return "", fmt.Errorf("put blob: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(tmp, h), ctxReader{ctx, r}); err != nil {
		tmp.Close()
		return "", fmt.Errorf("put blob: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", fmt.Errorf("put blob: sync: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("put blob: %w", err)
	}
	key := hex.EncodeToString(h.Sum(nil)) + "." + ext
	if !ValidKey(key) {
		return "", fmt.Errorf("put blob: extension %q: %w", ext, ErrBadKey)
	}
	dst := l.path(key)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", fmt.Errorf("put blob: %w", err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return "", fmt.Errorf("put blob: %w", err)
	}
	// The rename refreshed the mtime, which restarts the GC grace period
	// for bytes that were already stored and are being referenced anew.
	return key, syncDir(filepath.Dir(dst))
}

// PutFile stores the file at path (see Put).
func (l *Local) PutFile(ctx context.Context, path, ext string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("put blob: %w", err)
	}
	defer f.Close()
	return l.Put(ctx, f, ext)
}

// Open opens key for reading.
func (l *Local) Open(_ context.Context, key string) (File, error) {
	if !ValidKey(key) {
		return nil, ErrBadKey
	}
	f, err := os.Open(l.path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("open blob %s: %w", key, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("open blob %s: %w", key, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open blob %s: %w", key, err)
	}
	return localFile{f, fi}, nil
}

// Delete removes key.
func (l *Local) Delete(_ context.Context, key string) error {
	if !ValidKey(key) {
		return ErrBadKey
	}
	if err := os.Remove(l.path(key)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("delete blob %s: %w", key, err)
	}
	return nil
}

// Walk visits every stored blob (not the scratch area; see CleanTemp).
func (l *Local) Walk(ctx context.Context, fn func(key string, modTime time.Time) error) error {
	return filepath.WalkDir(l.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() {
			if p == filepath.Join(l.dir, "tmp") {
				return filepath.SkipDir
			}
			return nil
		}
		if !ValidKey(d.Name()) {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil // removed meanwhile
		}
		return fn(d.Name(), fi.ModTime())
	})
}

// CleanTemp removes scratch files and directories older than grace: what
// a killed process left mid-write. It returns how many it removed.
func (l *Local) CleanTemp(ctx context.Context, grace time.Duration, now time.Time) (int, error) {
	tmp := filepath.Join(l.dir, "tmp")
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return 0, fmt.Errorf("clean blob scratch: %w", err)
	}
	n := 0
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		fi, err := e.Info()
		if err != nil || now.Sub(fi.ModTime()) <= grace {
			continue
		}
		if err := os.RemoveAll(filepath.Join(tmp, e.Name())); err != nil {
			return n, fmt.Errorf("clean blob scratch: %w", err)
		}
		n++
	}
	return n, nil
}

// CleanScratch removes the scratch dirs of owners that alive reports dead
// (a render killed with its process), whatever their age, and returns how
// many it removed.
func (l *Local) CleanScratch(ctx context.Context, alive func(owner string) bool) (int, error) {
	tmp := filepath.Join(l.dir, "tmp")
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return 0, fmt.Errorf("clean blob scratch: %w", err)
	}
	n := 0
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		rest, ok := strings.CutPrefix(e.Name(), "work-")
		owner, _, named := strings.Cut(rest, "~")
		if !ok || !named || alive(owner) {
			continue
		}
		if err := os.RemoveAll(filepath.Join(tmp, e.Name())); err != nil {
			return n, fmt.Errorf("clean blob scratch: %w", err)
		}
		n++
	}
	return n, nil
}

func (l *Local) path(key string) string {
	return filepath.Join(l.dir, key[:2], key)
}

type localFile struct {
	*os.File
	fi os.FileInfo
}

func (f localFile) Size() int64        { return f.fi.Size() }
func (f localFile) ModTime() time.Time { return f.fi.ModTime() }

// ctxReader stops a long copy when ctx is cancelled.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync blob dir: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync blob dir: %w", err)
	}
	return nil
}
