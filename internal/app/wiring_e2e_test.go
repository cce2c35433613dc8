//go:build e2e

package app_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"aloud/internal/dbtest"
	"aloud/internal/proc"
	"aloud/internal/store"
	"aloud/internal/testenv"
)

// pathWithout builds a PATH of symlinks to every program on PATH but the
// named ones, and a helper directory (ALOUD_LIBEXEC) without the named
// helpers.
func pathWithout(t *testing.T, programs ...string) (path, libexec string) {
	t.Helper()
	skip := map[string]bool{}
	for _, p := range programs {
		skip[p] = true
	}
	dir, lib := t.TempDir(), t.TempDir()
	for _, d := range filepath.SplitList(os.Getenv("PATH")) {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if skip[e.Name()] {
				continue
			}
			os.Symlink(filepath.Join(d, e.Name()), filepath.Join(dir, e.Name())) // the first on PATH wins
		}
	}
	for _, h := range []string{"aloud-flite", "aloud-espeak"} {
		if !skip[h] {
			os.Symlink(filepath.Join(testenv.RepoRoot(), "bin", h), filepath.Join(lib, h))
		}
	}
	return dir, lib
}

// TestE2EServeWithAPartMissing starts `aloud serve` with flite, espeak-ng
// or ffmpeg missing: it never panics; /readyz names the missing part (and
// fails without ffmpeg, which every render needs); `aloud worker`, which
// can do nothing but render, refuses to start with one clear line.
func TestE2EServeWithAPartMissing(t *testing.T) {
	testenv.Binary(t, "flite")
	testenv.Binary(t, "espeak-ng")
	for _, tc := range []struct {
		part     string
		programs []string
		ready    bool
	}{
		{"flite", []string{"flite", "aloud-flite"}, true},
		{"espeak-ng", []string{"espeak-ng", "aloud-espeak"}, true},
		{"ffmpeg", []string{"ffmpeg"}, false},
	} {
		t.Run(tc.part, func(t *testing.T) {
			s := newService(t, dbtest.URL(t, store.SQLite))
			path, lib := pathWithout(t, tc.programs...)
			s.env = append(os.Environ(), "PATH="+path, "ALOUD_LIBEXEC="+lib)
			s.start("serve")
			code, body := s.do("GET", "/readyz", "", "")
			var r struct {
				Ready  bool
				Checks map[string]string
			}
			json.Unmarshal(body, &r)
			if r.Ready != tc.ready || (code == 200) != tc.ready || r.Checks[tc.part] == "ok" || r.Checks[tc.part] == "" {
				t.Fatalf("/readyz without %s: %d %s", tc.part, code, body)
			}
			for _, other := range []string{"flite", "espeak-ng", "ffmpeg"} {
				if other != tc.part && r.Checks[other] != "ok" {
					t.Fatalf("/readyz without %s: %s is %q, want ok", tc.part, other, r.Checks[other])
				}
			}
			if tc.ready {
				return
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			err := proc.New(1).Run(ctx, proc.Cmd{Path: s.bin, Env: s.env,
				Args: []string{"worker", "--data", t.TempDir()}})
			var pe *proc.Error
			if !errors.As(err, &pe) || pe.ExitCode != 1 || !strings.Contains(pe.Stderr, "cannot render: ffmpeg") ||
				strings.Contains(pe.Stderr, "panic") {
				t.Fatalf("worker without ffmpeg: %v, want exit 1 naming ffmpeg", err)
			}
		})
	}
}

// A page without <html lang> goes through the same loader in `aloud
// extract` and in the service: the two article documents agree, and the
// service renders it (in English, the default) instead of failing on an
// empty language.
func TestE2ESamePageThroughCLIAndAPI(t *testing.T) {
	url := dbtest.URL(t, store.SQLite)
	s := newService(t, url)
	key := s.key()
	s.start("serve")
	page := `<!doctype html><html><head><title>Harbour reopens | Daily</title></head><body>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority said.</p>
<p>Fishing boats were the first to leave, and the ferry resumes its timetable tomorrow morning.</p>
</article></body></html>`
	file := filepath.Join(t.TempDir(), "page.html")
	os.WriteFile(file, []byte(page), 0o644)
	var out strings.Builder
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := proc.New(1).Run(ctx, proc.Cmd{Path: s.bin, Env: s.env, Stdout: &out,
		Args: []string{"extract", "--format", "json", file}}); err != nil {
		t.Fatal(err)
	}
	var cli struct {
		Title, Language string
		Blocks          []struct{ Type, Text string }
	}
	if err := json.Unmarshal([]byte(out.String()), &cli); err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]string{"html": page})
	code, b := s.do("POST", "/api/v1/articles", key, string(body))
	var created struct{ ID string }
	json.Unmarshal(b, &created)
	if code != 202 {
		t.Fatalf("create: %d %s", code, b)
	}
	s.waitReady(key, created.ID, 3*time.Minute)
	_, b = s.do("GET", "/api/v1/articles/"+created.ID, key, "")
	var api struct {
		Title, Language string
		Blocks          []struct{ Type, Text string }
	}
	json.Unmarshal(b, &api)
	cj, _ := json.Marshal(cli)
	aj, _ := json.Marshal(api)
	if string(cj) != string(aj) || cli.Language != "en" || len(cli.Blocks) != 2 {
		t.Fatalf("the CLI and the API read the page differently:\ncli %s\napi %s", cj, aj)
	}
}

// A 4.9 MB article of one repeated sentence is refused when it is
// submitted, by the API (413 naming the limit) and by the CLI (one line),
// before any render; an article just under a lowered cap renders.
func TestE2ETooLongArticleRefusedAtSubmit(t *testing.T) {
	url := dbtest.URL(t, store.SQLite)
	s := newService(t, url)
	s.env = append(s.env, "ALOUD_MAX_INPUT_BYTES=0") // no byte cap: the spoken-text cap must hold alone
	key := s.key()
	s.start("serve")
	sentence := "The council approved the budget on Tuesday. "
	huge := "Budget\n\n" + strings.Repeat(sentence, 4_900_000/len(sentence))
	body, _ := json.Marshal(map[string]string{"text": huge})
	code, b := s.do("POST", "/api/v1/articles", key, string(body))
	if code != 413 || !strings.Contains(string(b), "limit of 216000") || strings.Contains(string(b), "ALOUD_") {
		t.Fatalf("4.9 MB article: %d %s, want 413 naming the limit (and no operator hint)", code, b)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "huge.txt")
	os.WriteFile(file, []byte(huge), 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	err := proc.New(1).Run(ctx, proc.Cmd{Path: s.bin, Env: s.env, Dir: dir, Args: []string{"speak", file}})
	var pe *proc.Error
	if !errors.As(err, &pe) || pe.ExitCode != 1 || !strings.Contains(pe.Stderr, "over the limit of 216000") ||
		strings.Count(strings.TrimSpace(pe.Stderr), "\n") != 0 {
		t.Fatalf("speak of a 4.9 MB article: %v, want one line naming the limit", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "huge.mp3")); !os.IsNotExist(err) {
		t.Fatalf("speak refused the article but wrote audio: %v", err)
	}
	under := "Budget\n\n" + strings.Repeat(sentence, 20) // 888 characters
	file = filepath.Join(dir, "under.txt")
	os.WriteFile(file, []byte(under), 0o644)
	if err := proc.New(1).Run(ctx, proc.Cmd{Path: s.bin, Env: s.env, Dir: dir,
		Args: []string{"speak", "--no-cache", "--max-spoken-chars", "900", file}}); err != nil {
		t.Fatalf("speak just under the cap: %v", err)
	}
	err = proc.New(1).Run(ctx, proc.Cmd{Path: s.bin, Env: s.env, Dir: dir,
		Args: []string{"speak", "--max-spoken-chars", "800", file}})
	if !errors.As(err, &pe) || !strings.Contains(pe.Stderr, "over the limit of 800") {
		t.Fatalf("speak just over the cap: %v", err)
	}
}
