package api

import (
	"crypto/sha256"
	"sync"
	"time"

	"aloud/internal/store"
)

// keyCache remembers recently authenticated keys for a short time, so that
// a client polling an article costs one database read per request instead
// of two. A key revoked through this server stops working at once (revoke
// drops it); one revoked through another process works here for at most
// the TTL. Failed lookups are never cached.
type keyCache struct {
	ttl time.Duration
	now func() time.Time

	mu sync.RWMutex
	m  map[[sha256.Size]byte]cachedKey
}

type cachedKey struct {
	key     store.APIKey
	expires time.Time
}

// maxCachedKeys bounds memory; past it the cache starts over.
const maxCachedKeys = 10000

func newKeyCache(ttl time.Duration, now func() time.Time) *keyCache {
	return &keyCache{ttl: ttl, now: now, m: map[[sha256.Size]byte]cachedKey{}}
}

func (c *keyCache) get(secret string) (store.APIKey, bool) {
	if c.ttl <= 0 {
		return store.APIKey{}, false
	}
	h := sha256.Sum256([]byte(secret))
	c.mu.RLock()
	e, ok := c.m[h]
	c.mu.RUnlock()
	if !ok || !c.now().Before(e.expires) {
		return store.APIKey{}, false
	}
	return e.key, true
}

func (c *keyCache) put(secret string, k store.APIKey) {
	if c.ttl <= 0 {
		return
	}
	h := sha256.Sum256([]byte(secret))
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxCachedKeys {
		clear(c.m)
	}
	c.m[h] = cachedKey{key: k, expires: c.now().Add(c.ttl)}
}

// drop forgets the key with this ID (revoked).
func (c *keyCache) drop(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for h, e := range c.m {
		if e.key.ID == id {
			delete(c.m, h)
		}
	}
}
