package store

import (
	"encoding/json"
	"fmt"
	"sync"

	"aloud/internal/article"
)

// contentCache keeps decoded article versions by ID. A version is never
// updated after its insert (a change makes a new version), so an entry
// can never be stale; caching them takes the JSON decoding of the
// article's content, most of a GET's CPU, off the API's hot read path.
type contentCache struct {
	mu  sync.RWMutex
	m   map[string]*article.Article
	max int
}

func newContentCache(max int) *contentCache {
	return &contentCache{m: make(map[string]*article.Article, max), max: max}
}

// decode returns version id's content, decoding raw only on a miss. The
// result is shared: callers must not modify it.
func (c *contentCache) decode(id, raw string) (*article.Article, error) {
	if c == nil {
		return decodeContent(id, raw)
	}
	c.mu.RLock()
	a := c.m[id]
	c.mu.RUnlock()
	if a != nil {
		return a, nil
	}
	a, err := decodeContent(id, raw)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if len(c.m) >= c.max {
		for k := range c.m { // evict an arbitrary entry: cheap, and good enough
			delete(c.m, k)
			break
		}
	}
	c.m[id] = a
	c.mu.Unlock()
	return a, nil
}

func decodeContent(id, raw string) (*article.Article, error) {
	var a article.Article
	if err := json.Unmarshal([]byte(raw), &a); err != nil {
		return nil, fmt.Errorf("content of version %s: %w", id, err)
	}
	return &a, nil
}
