package feed

import (
	"bufio"
	"container/heap"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Defaults for zero Options fields.
const (
	DefaultMax      = 50
	DefaultMaxBytes = 5 << 20
)

// ErrFormat is returned for input that is not RSS, Atom or JSON Feed.
var ErrFormat = errors.New("not an RSS, Atom or JSON feed")

// Options tunes Parse. The zero value uses the defaults.
type Options struct {
	Max      int   // newest items kept
	MaxBytes int64 // input size limit
}

// Item is one feed entry.
type Item struct {
	Title     string    `json:"title"`
	Link      string    `json:"link"`
	GUID      string    `json:"guid"`
	Published time.Time `json:"published"` // zero when the feed gives none
}

// Feed is a parsed feed with its newest items, newest first.
type Feed struct {
	Format string `json:"format"` // "rss", "atom" or "json"
	Title  string `json:"title"`
	Link   string `json:"link"`
	Items  []Item `json:"items"`
	Total  int    `json:"total"` // items seen in the document
}

// SizeError reports input over the limit.
type SizeError struct{ Limit int64 }

func (e *SizeError) Error() string {
	return fmt.Sprintf("feed is over the %d-byte limit (raise feed MaxBytes to accept it)", e.Limit)
}

// Parse reads a feed from r.
func Parse(r io.Reader, opts Options) (*Feed, error) {
	if opts.Max <= 0 {
		opts.Max = DefaultMax
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	lr := &limitReader{r: r, left: opts.MaxBytes + 1, limit: opts.MaxBytes}
	br := bufio.NewReader(lr)
	first, err := firstByte(br)
	if err != nil {
		return nil, err
	}
	k := newKeeper(opts.Max)
	var f *Feed
	if first == '{' {
		f, err = parseJSON(br, k)
	} else {
		f, err = parseXML(br, k)
	}
	if lr.over {
		return nil, &SizeError{Limit: opts.MaxBytes}
	}
	if err != nil {
		return nil, err
	}
	f.Items, f.Total = k.newest(), k.seen
	return f, nil
}

func firstByte(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.ReadByte()
		if err == io.EOF {
			return 0, fmt.Errorf("empty input: %w", ErrFormat)
		}
		if err != nil {
			return 0, fmt.Errorf("read feed: %w", err)
		}
		if b == 0xEF || b == 0xBB || b == 0xBF || b == ' ' || b == '\t' || b == '\r' || b == '\n' {
			continue // BOM and leading white space
		}
		return b, br.UnreadByte()
	}
}

// limitReader fails once more than limit bytes were read.
type limitReader struct {
	r     io.Reader
	left  int64
	limit int64
	over  bool
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		l.over = true
		return 0, &SizeError{Limit: l.limit}
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left <= 0 {
		l.over = true
		return n, &SizeError{Limit: l.limit}
	}
	return n, err
}

// keeper holds the newest max items seen so far in a min-heap.
type keeper struct {
	max  int
	seen int
	h    itemHeap
}

type ranked struct {
	Item
	pos int
}

// itemHeap is a min-heap: the root is the oldest kept item. Undated items
// rank below dated ones; among equals, later in the document is older.
type itemHeap []ranked

func (h itemHeap) Len() int      { return len(h) }
func (h itemHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h itemHeap) Less(i, j int) bool {
	if !h[i].Published.Equal(h[j].Published) {
		return h[i].Published.Before(h[j].Published)
	}
	return h[i].pos > h[j].pos
}
func (h *itemHeap) Push(x any) { *h = append(*h, x.(ranked)) }
func (h *itemHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func newKeeper(max int) *keeper { return &keeper{max: max} }

func (k *keeper) add(it Item) {
	r := ranked{Item: it, pos: k.seen}
	k.seen++
	if len(k.h) < k.max {
		heap.Push(&k.h, r)
		return
	}
	if !(itemHeap{k.h[0], r}).Less(0, 1) {
		return // not newer than the oldest kept
	}
	k.h[0] = r
	heap.Fix(&k.h, 0)
}

func (k *keeper) newest() []Item {
	s := append(itemHeap(nil), k.h...)
	sort.Slice(s, func(i, j int) bool { return s.Less(j, i) })
	out := make([]Item, len(s))
	for i, r := range s {
		out[i] = r.Item
	}
	return out
}

var tags = regexp.MustCompile(`<[^>]*>`)

// plain strips markup and collapses white space.
func plain(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = tags.ReplaceAllString(s, " ")
	}
	return strings.Join(strings.Fields(s), " ")
}

var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC3339Nano, time.RFC3339,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "Mon, 02 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST", "2 Jan 2006 15:04:05 -0700", "02 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 06 15:04:05 -0700", "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05",
	"2006-01-02 15:04:05", "2006-01-02",
}

func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
