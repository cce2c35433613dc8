package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func TestGolden(t *testing.T) {
	for _, name := range []string{"rss.xml", "atom.xml", "feed.json"} {
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			f, err := Parse(bytes.NewReader(in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(f, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if string(want) != string(got)+"\n" {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func TestNewestKept(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "rss.xml"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(bytes.NewReader(in), Options{Max: 2})
	if err != nil {
		t.Fatal(err)
	}
	if f.Total != 3 || len(f.Items) != 2 {
		t.Fatalf("got total %d, %d items, want 3 and 2", f.Total, len(f.Items))
	}
	if f.Items[0].Title != "Newest story" || f.Items[1].Title != "Middle story with\u00a0entity" &&
		f.Items[1].Title != "Middle story with entity" {
		t.Errorf("got %q, %q, want the newest two, newest first", f.Items[0].Title, f.Items[1].Title)
	}
}

// TestHugeFeed reads 100,000 tiny items within the size cap and keeps the
// newest N without holding the rest.
func TestHugeFeed(t *testing.T) {
	const n, keep = 100_000, 10
	var b bytes.Buffer
	b.WriteString(`<rss version="2.0"><channel><title>Big</title>`)
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		// Every 10,000th item is dated, newest in the middle of the
		// document; undated items rank below dated ones.
		if i%10_000 == 5 {
			d := base.Add(time.Duration((i/10_000*7)%keep) * time.Hour)
			fmt.Fprintf(&b, "<item><title>%d</title><pubDate>%s</pubDate></item>", i, d.Format(time.RFC1123Z))
			continue
		}
		fmt.Fprintf(&b, "<item><title>%d</title></item>", i)
	}
	b.WriteString(`</channel></rss>`)
	if b.Len() > DefaultMaxBytes {
		t.Fatalf("fixture is %d bytes, over the default cap", b.Len())
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f, err := Parse(bytes.NewReader(b.Bytes()), Options{Max: keep})
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if f.Total != n || len(f.Items) != keep {
		t.Fatalf("got total %d and %d items, want %d and %d", f.Total, len(f.Items), n, keep)
	}
	newest := base.Add(time.Duration(keep-1) * time.Hour)
	for i, it := range f.Items {
		if want := newest.Add(-time.Duration(i) * time.Hour); !it.Published.Equal(want) {
			t.Errorf("item %d: got %v, want %v", i, it.Published, want)
		}
	}
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 1<<20 {
		t.Errorf("heap grew by %d bytes after parsing, want under 1 MiB", grown)
	}
}

func TestBadInput(t *testing.T) {
	cases := map[string]struct {
		in   string
		opts Options
		want error
	}{
		"empty":        {"", Options{}, ErrFormat},
		"html":         {"<html><body>hi</body></html>", Options{}, ErrFormat},
		"plain json":   {`{"a": 1}`, Options{}, ErrFormat},
		"json items":   {`{"version":"https://jsonfeed.org/version/1","items":5}`, Options{}, ErrFormat},
		"over the cap": {"<rss>" + strings.Repeat("<item><title>x</title></item>", 100) + "</rss>", Options{MaxBytes: 512}, &SizeError{}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(c.in), c.opts)
			var se *SizeError
			if _, ok := c.want.(*SizeError); ok {
				if !errors.As(err, &se) || se.Limit != 512 || !strings.Contains(err.Error(), "512-byte limit") {
					t.Fatalf("got %v, want a SizeError naming the limit", err)
				}
				return
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
		})
	}
}

func TestCharset(t *testing.T) {
	in := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Caf\xe9</title></item></channel></rss>")
	f, err := Parse(bytes.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 1 || f.Items[0].Title != "Café" {
		t.Errorf("got %+v, want one item titled Café", f.Items)
	}
}

func FuzzFeed(f *testing.F) {
	for _, name := range []string{"rss.xml", "atom.xml", "feed.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<rss><channel><item><title><![CDATA[x`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":{}}]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		feed, err := Parse(bytes.NewReader(in), Options{Max: 5, MaxBytes: 1 << 16})
		if err != nil {
			return
		}
		if len(feed.Items) > 5 || feed.Total < len(feed.Items) {
			t.Fatalf("got %d items of %d, want at most 5", len(feed.Items), feed.Total)
		}
		for i, it := range feed.Items {
			if tags.MatchString(it.Title) || strings.ContainsAny(it.Title, "\n\t") {
				t.Errorf("item %d title keeps markup: %q", i, it.Title)
			}
			if i > 0 && it.Published.After(feed.Items[i-1].Published) {
				t.Errorf("items not newest first at %d", i)
			}
		}
	})
}
