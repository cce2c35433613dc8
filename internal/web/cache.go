package web

import (
	"context"
	"strconv"
	"sync"
	"time"

	"aloud/internal/store"
)

// pubCache remembers publications for a short while: every page and
// embed needs its publication's settings, which change rarely, and a
// change shows within ttl.
type pubCache struct {
	ttl time.Duration
	mu  sync.Mutex
	m   map[string]pubEntry
}

type pubEntry struct {
	p  store.Publication
	at time.Time
}

func newPubCache(ttl time.Duration) *pubCache { return &pubCache{ttl: ttl, m: map[string]pubEntry{}} }

func (c *pubCache) get(ctx context.Context, st Store, id string) (store.Publication, error) {
	now := time.Now()
	c.mu.Lock()
	e, ok := c.m[id]
	c.mu.Unlock()
	if ok && now.Sub(e.at) < c.ttl {
		return e.p, nil
	}
	p, err := st.Publication(ctx, id)
	if err != nil {
		return p, err
	}
	c.mu.Lock()
	if len(c.m) > 4096 { // tenants are few; this only bounds a flood of IDs
		clear(c.m)
	}
	c.m[id] = pubEntry{p, now}
	c.mu.Unlock()
	return p, nil
}

// pageCache keeps rendered article pages. A page depends only on the
// article version, its live audio and the publication's settings, which
// together make the stamp; any change makes a new stamp.
type pageCache struct {
	mu sync.Mutex
	m  map[string]cachedPage
}

type cachedPage struct {
	stamp string
	body  []byte
}

func newPageCache() *pageCache { return &pageCache{m: map[string]cachedPage{}} }

func stamp(l loaded) string {
	p := l.pub
	return l.view.CurrentVersionID + "|" + l.view.LiveRenditionID + "|" + string(l.view.Status) + "|" +
		strconv.FormatInt(l.view.UpdatedAt.UnixNano(), 36) + "|" + p.Name + "|" + p.Slug + "|" + p.Disclosure + "|" +
		p.DisclosureText + "|" + p.MoreInfoURL + "|" + strconv.FormatBool(p.FeedbackOn) + "|" + p.AccentColor + "|" + p.DefaultLanguage
}

func (c *pageCache) get(id, stamp string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[id]
	return e.body, ok && e.stamp == stamp
}

func (c *pageCache) put(id, stamp string, body []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= 2048 {
		for k := range c.m { // drop an arbitrary page
			delete(c.m, k)
			break
		}
	}
	c.m[id] = cachedPage{stamp, body}
}
