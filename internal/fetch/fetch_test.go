package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// server is a local test server that counts the connections it accepts.
type server struct {
	*httptest.Server
	conns atomic.Int64
	port  string
}

func newServer(t *testing.T, h http.Handler) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewUnstartedServer(h)
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	u, _ := url.Parse(s.URL)
	s.port = u.Port()
	return s
}

func hello(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, "<p>hello</p>")
}

// TestHostileURLs checks that each URL is refused with the expected kind
// of error and that no connection reaches the local server.
func TestHostileURLs(t *testing.T) {
	srv := newServer(t, http.HandlerFunc(hello))
	p := srv.port
	cases := []struct {
		url  string
		want error
	}{
		{"http://127.0.0.1:" + p + "/", ErrBlocked},
		{"http://127.1.2.3:" + p + "/", ErrBlocked},
		{"http://[::1]:" + p + "/", ErrBlocked},
		{"http://localhost:" + p + "/", ErrBlocked},
		{"http://LOCALHOST.:" + p + "/", ErrBlocked},
		{"http://api.localhost:" + p + "/", ErrBlocked},
		{"http://0.0.0.0:" + p + "/", ErrBlocked},
		{"http://[::]:" + p + "/", ErrBlocked},
		{"http://10.0.0.1/", ErrBlocked},
		{"http://172.16.5.4/", ErrBlocked},
		{"http://192.168.1.1/", ErrBlocked},
		{"http://169.254.169.254/latest/meta-data/", ErrBlocked},
		{"http://100.64.0.1/", ErrBlocked},
		{"http://224.0.0.1/", ErrBlocked},
		{"http://255.255.255.255/", ErrBlocked},
		{"http://[fe80::1]/", ErrBlocked},
		{"http://[fd00::1]/", ErrBlocked},
		{"http://[ff02::1]/", ErrBlocked},
		{"http://[::ffff:127.0.0.1]:" + p + "/", ErrBlocked},
		{"http://[::ffff:7f00:1]:" + p + "/", ErrBlocked},
		{"http://[64:ff9b::7f00:1]/", ErrBlocked},
		{"http://2130706433:" + p + "/", ErrBlocked}, // decimal 127.0.0.1
		{"http://0177.0.0.1:" + p + "/", ErrBlocked}, // octal
		{"http://0x7f.0.0.1:" + p + "/", ErrBlocked}, // hex
		{"http://0x7f000001:" + p + "/", ErrBlocked}, // hex, one number
		{"http://127.1:" + p + "/", ErrBlocked},      // short form
		{"file:///etc/passwd", ErrScheme},
		{"gopher://127.0.0.1:" + p + "/", ErrScheme},
		{"ftp://example.com/", ErrScheme},
		{"javascript:alert(1)", ErrScheme},
		{"http://user:pass@127.0.0.1:" + p + "/", ErrCredentials},
		{"http://user@example.com/", ErrCredentials},
		{"http://example.com/" + strings.Repeat("a", MaxURLLength), ErrURLTooLong},
		{"http:///nohost", ErrInvalidURL},
		{"http://exa\nmple.com/", ErrInvalidURL},
		{"HTTP://127.0.0.1:" + p + "/", ErrBlocked},
		{"http://[fe80::1%25eth0]/", ErrBlocked},
		{"http://[::ffff:169.254.169.254]/", ErrBlocked},
		{"http://%zz/", ErrInvalidURL},
	}
	f := New(Config{Timeout: 5 * time.Second})
	for _, c := range cases {
		name := c.url
		if len(name) > 60 {
			name = name[:60]
		}
		t.Run(name, func(t *testing.T) {
			_, err := f.Get(context.Background(), c.url, nil)
			if !errors.Is(err, c.want) {
				t.Fatalf("got error %v, want %v", err, c.want)
			}
			if strings.Contains(err.Error(), ":pass@") {
				t.Errorf("error leaks the password: %v", err)
			}
		})
	}
	if n := srv.conns.Load(); n != 0 {
		t.Errorf("got %d connections to the local server, want 0", n)
	}
}

// TestDialGuard bypasses the URL checks to show that the dial-time check
// alone refuses a name that resolves to loopback.
func TestDialGuard(t *testing.T) {
	srv := newServer(t, http.HandlerFunc(hello))
	f := New(Config{})
	resp, err := f.client.Get("http://localhost:" + srv.port + "/")
	if err == nil {
		resp.Body.Close()
	}
	if !errors.Is(err, ErrBlocked) {
		t.Fatalf("got %v, want ErrBlocked", err)
	}
	if n := srv.conns.Load(); n != 0 {
		t.Errorf("got %d connections, want 0", n)
	}
}

func TestAllowHost(t *testing.T) {
	srv := newServer(t, http.HandlerFunc(hello))
	for _, host := range []string{"127.0.0.1", "localhost"} {
		t.Run(host, func(t *testing.T) {
			f := New(Config{AllowHosts: []string{host}, UserAgent: UserAgent("1.2.3")})
			resp, err := f.Get(context.Background(), "http://"+host+":"+srv.port+"/", nil)
			if err != nil {
				t.Fatal(err)
			}
			if string(resp.Body) != "<p>hello</p>" || resp.Status != 200 {
				t.Errorf("got %d %q, want 200 <p>hello</p>", resp.Status, resp.Body)
			}
			if !strings.HasPrefix(resp.ContentType, "text/html") {
				t.Errorf("got content type %q", resp.ContentType)
			}
		})
	}
}

func TestRedirects(t *testing.T) {
	var srv *server
	srv = newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/private":
			http.Redirect(w, r, "http://10.0.0.1/", http.StatusFound)
		case "/metadata":
			http.Redirect(w, r, "http://169.254.169.254/", http.StatusFound)
		case "/loopback-name":
			http.Redirect(w, r, "http://localhost:"+srv.port+"/ok", http.StatusFound)
		case "/file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		case "/ok":
			hello(w, r)
		default: // /hop/N redirects N more times, then to /ok
			var n int
			fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
			if n <= 0 {
				http.Redirect(w, r, "/ok", http.StatusFound)
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
		}
	}))
	f := New(Config{AllowHosts: []string{"127.0.0.1"}})
	base := "http://127.0.0.1:" + srv.port
	cases := []struct {
		path string
		want error
	}{
		{"/private", ErrBlocked},
		{"/metadata", ErrBlocked},
		{"/loopback-name", ErrBlocked},
		{"/file", ErrScheme},
		{"/hop/4", nil},                 // 5 redirects: allowed
		{"/hop/5", ErrTooManyRedirects}, // 6 redirects
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			resp, err := f.Get(context.Background(), base+c.path, nil)
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			if c.want == nil && !strings.HasSuffix(resp.URL, "/ok") {
				t.Errorf("got final URL %q, want …/ok", resp.URL)
			}
		})
	}
}

func TestBodyLimits(t *testing.T) {
	bomb := gzipBomb(t, 16<<20) // 16 MiB of zeros in about 16 KiB
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			w.Write(bytes.Repeat([]byte("a"), 2<<20))
		case "/bomb":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb)
		case "/status":
			http.Error(w, "gone", http.StatusGone)
		}
	}))
	f := New(Config{AllowHosts: []string{"127.0.0.1"}, MaxBytes: 1 << 20})
	base := "http://127.0.0.1:" + srv.port
	for _, path := range []string{"/big", "/bomb"} {
		_, err := f.Get(context.Background(), base+path, nil)
		var se *SizeError
		if !errors.As(err, &se) || se.Limit != 1<<20 || !strings.Contains(err.Error(), "1048576-byte limit") {
			t.Errorf("%s: got %v, want a SizeError naming the 1048576-byte limit", path, err)
		}
	}
	_, err := f.Get(context.Background(), base+"/status", nil)
	var st *StatusError
	if !errors.As(err, &st) || st.Code != http.StatusGone {
		t.Errorf("got %v, want StatusError 410", err)
	}
}

// gzipBomb compresses n zero bytes (about 1000:1).
func gzipBomb(t *testing.T, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	chunk := make([]byte, 1<<20)
	for i := 0; i < n/len(chunk); i++ {
		zw.Write(chunk)
	}
	zw.Close()
	return buf.Bytes()
}

func TestConditionalGetAndUserAgent(t *testing.T) {
	const etag, lm = `"v1"`, "Mon, 02 Jan 2006 15:04:05 GMT"
	var gotUA atomic.Value
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUA.Store(r.UserAgent())
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lm)
		hello(w, r)
	}))
	f := New(Config{AllowHosts: []string{"127.0.0.1"}, UserAgent: UserAgent("1.2.3")})
	u := "http://127.0.0.1:" + srv.port + "/"
	first, err := f.Get(context.Background(), u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.ETag != etag || first.LastModified != lm || first.NotModified {
		t.Fatalf("got %+v, want validators and a full body", first)
	}
	if ua := gotUA.Load(); ua != "aloud/1.2.3 (+https://github.com/aloud)" {
		t.Errorf("got User-Agent %q", ua)
	}
	for _, cond := range []*Conditional{{ETag: etag}, {LastModified: lm}} {
		again, err := f.Get(context.Background(), u, cond)
		if err != nil {
			t.Fatal(err)
		}
		if !again.NotModified || again.Status != http.StatusNotModified || len(again.Body) != 0 {
			t.Errorf("cond %+v: got %+v, want NotModified", cond, again)
		}
	}
}

func TestTimeout(t *testing.T) {
	srv := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	f := New(Config{AllowHosts: []string{"127.0.0.1"}, Timeout: 200 * time.Millisecond})
	start := time.Now()
	_, err := f.Get(context.Background(), "http://127.0.0.1:"+srv.port+"/", nil)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("got %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v, want about 200ms", d)
	}
}
