// Package blob stores audio files and timelines under content-addressed
// keys ("<sha256>.<ext>"), so URLs never change meaning and can be cached
// forever. Local is a directory on disk; an S3-compatible store can later
// implement the same interface.
package blob

import (
	"context"
	"errors"
	"io"
	"regexp"
	"time"
)

// ErrNotFound is a key with no stored file.
var ErrNotFound = errors.New("blob not found")

// ErrBadKey is a key that cannot have come from Put.
var ErrBadKey = errors.New("invalid blob key")

// Store is what the service needs of blob storage.
type Store interface {
	// Put stores r's bytes and returns their key. Storing the same bytes
	// twice is a no-op that returns the same key.
	Put(ctx context.Context, r io.Reader, ext string) (string, error)
	// Open returns the file for reading and seeking (http.ServeContent).
	Open(ctx context.Context, key string) (File, error)
	// Delete removes key; a missing key is not an error.
	Delete(ctx context.Context, key string) error
	// Walk calls fn for every stored key with its last write time.
	Walk(ctx context.Context, fn func(key string, modTime time.Time) error) error
}

// File is an open blob.
type File interface {
	io.ReadSeekCloser
	Size() int64
	ModTime() time.Time
}

var keyPattern = regexp.MustCompile(`^[0-9a-f]{64}\.[a-z0-9]{1,8}$`)

// ValidKey reports whether key has the shape Put produces; it keeps path
// traversal and other names out of Open and Delete.
func ValidKey(key string) bool { return keyPattern.MatchString(key) }

// GC deletes every blob that referenced does not list and that is older
// than grace. The grace period covers a render that has stored its files
// but not yet committed the rendition that refers to them. It returns the
// number of blobs deleted.
func GC(ctx context.Context, s Store, referenced map[string]bool, grace time.Duration, now time.Time) (int, error) {
	var victims []string
	err := s.Walk(ctx, func(key string, mod time.Time) error {
		if !referenced[key] && now.Sub(mod) > grace {
			victims = append(victims, key)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, k := range victims {
		// A render may have stored the same bytes again since the walk
		// (refreshing the file's time) and be about to refer to them.
		if f, err := s.Open(ctx, k); err == nil {
			fresh := now.Sub(f.ModTime()) <= grace
			f.Close()
			if fresh {
				continue
			}
		}
		if err := s.Delete(ctx, k); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
