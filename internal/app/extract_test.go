package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"aloud/internal/article"
	"aloud/internal/fetch"
	"aloud/internal/ingest"
	"aloud/internal/testenv"
)

func runCapture(t *testing.T, stdin string, getenv func(string) string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: getenv}
	err := Run(context.Background(), args, env)
	return out.String(), errb.String(), err
}

func TestExtractSeedJSON(t *testing.T) {
	seed := testenv.Seed(t)
	out, _, err := runCapture(t, "", nil, "extract", "--format", "json", seed)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("output is not a JSON object: %v\n%s", err, out)
	}
	var keys []string
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := []string{"blocks", "byline", "kicker", "language", "published", "source", "title", "url"}
	if !reflect.DeepEqual(keys, want) {
		t.Fatalf("keys: got %v, want %v", keys, want)
	}
	var blocks []map[string]json.RawMessage
	if err := json.Unmarshal(raw["blocks"], &blocks); err != nil {
		t.Fatal(err)
	}
	for i, b := range blocks {
		if len(b) != 2 || b["type"] == nil || b["text"] == nil {
			t.Errorf("block %d keys: got %v, want type and text", i, b)
		}
	}
	var a article.Article
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	heads, paras := 0, 0
	for _, b := range a.Blocks {
		switch b.Type {
		case article.Heading:
			heads++
		case article.Paragraph:
			paras++
		}
	}
	if a.Kicker != "In “absolutely necessary” cases" || a.Title != "Britain held secret talks with Russia" ||
		a.Source != "site-34" || a.Language != "en" || a.URL != "" || heads != 1 || paras != 7 {
		t.Errorf("got kicker %q title %q source %q language %q url %q, %d headings, %d paragraphs",
			a.Kicker, a.Title, a.Source, a.Language, a.URL, heads, paras)
	}
	if strings.Contains(out, "Listen to article") || strings.Contains(out, "artificially generated") {
		t.Errorf("furniture in output")
	}
}

func TestExtractText(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	body := "Kicker: A headline\n\nFirst paragraph here.\n\nSecond one.\n\nsource site-9\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"extract", p}, {"extract", p, "--format", "text"}, {"extract", "-"}} {
		out, _, err := runCapture(t, body, nil, args...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if want := "First paragraph here.\n\nSecond one.\n"; out != want {
			t.Errorf("%v: got %q, want %q", args, out, want)
		}
	}
	out, _, err := runCapture(t, body, nil, "extract", "--lang", "de", "--format=json", "-")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"language": "de"`) || !strings.Contains(out, `"kicker": "Kicker"`) {
		t.Errorf("got %s, want language de and kicker Kicker", out)
	}
}

func TestExtractErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("Words and more words. "), 200), 0o644); err != nil {
		t.Fatal(err)
	}
	// A sparse 50 MB file: refused from its size, before anything is read.
	huge := filepath.Join(dir, "huge.txt")
	if err := os.WriteFile(huge, []byte("Head\n\nText."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 50<<20); err != nil {
		t.Fatal(err)
	}
	small := func(k string) string {
		if k == "ALOUD_MAX_INPUT_BYTES" {
			return "1000"
		}
		return ""
	}
	tests := []struct {
		name   string
		stdin  string
		getenv func(string) string
		args   []string
		kind   error
		exit   int
		msg    string
	}{
		{"no input", "", nil, []string{"extract"}, nil, 2, "want exactly one"},
		{"bad format", "", nil, []string{"extract", "--format", "xml", "-"}, nil, 2, "unknown --format"},
		{"bad lang", "", nil, []string{"extract", "--lang", "english!", "-"}, nil, 2, "not a language tag"},
		{"empty", "", nil, []string{"extract", "-"}, ingest.ErrEmpty, 1, "input is empty"},
		{"binary", "\x00\x01\x02PNG", nil, []string{"extract", "-"}, ingest.ErrBinary, 1, "binary"},
		{"latin1", "Caf\xe9 au lait.", nil, []string{"extract", "-"}, ingest.ErrEncoding, 1, "not valid UTF-8"},
		{"no sentences", "---\n\n...\n", nil, []string{"extract", "-"}, article.ErrNoText, 1, "no text"},
		{"html without text", "  <html><script>x()</script><p>Hi</p></html>", nil, []string{"extract", "-"}, article.ErrNoText, 1, "no article text found"},
		{"private url", "", nil, []string{"extract", "http://127.0.0.1:1/a"}, fetch.ErrBlocked, 1, "--allow-host"},
		{"50 MB file", "", nil, []string{"extract", huge}, ingest.ErrTooLarge, 1, "larger than the 2 MB size limit"},
		{"too large", "", small, []string{"extract", big}, ingest.ErrTooLarge, 1, "ALOUD_MAX_INPUT_BYTES"},
		{"missing file", "", nil, []string{"extract", filepath.Join(dir, "nope.txt")}, os.ErrNotExist, 1, "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := runCapture(t, tc.stdin, tc.getenv, tc.args...)
			if err == nil {
				t.Fatalf("got nil error, output %q", out)
			}
			if tc.kind != nil && !errors.Is(err, tc.kind) {
				t.Errorf("got %v, want kind %v", err, tc.kind)
			}
			if got := ExitCode(err); got != tc.exit {
				t.Errorf("exit: got %d, want %d", got, tc.exit)
			}
			if line := ErrorLine(err); !strings.Contains(line, tc.msg) || strings.Contains(line, "\n") {
				t.Errorf("error line: got %q, want one line containing %q", line, tc.msg)
			}
			if out != "" {
				t.Errorf("stdout: got %q, want nothing", out)
			}
		})
	}
}

// TestExtractJSONBylineAndDate checks that `aloud extract --format json`
// carries the byline and publication time shown on a page that declares
// neither in its metadata.
func TestExtractJSONBylineAndDate(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><title>Bridge reopens after repairs</title></head><body>
<article><h1>Bridge reopens after repairs</h1><p class="meta">By Staff Reporter · 12 March 2024, 14:05</p>
<p>The old bridge over the river opened again on Monday after two years of repairs that cost more than planned.</p>
<p>Drivers queued from early morning, and the mayor was the first to cross it on foot, waving to the crowd.</p></article></body></html>`
	out, _, err := runCapture(t, page, nil, "extract", "--format", "json", "-")
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Byline, Published string }
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Byline != "Staff Reporter" || got.Published != "2024-03-12T14:05:00Z" {
		t.Errorf("got byline %q published %q, want Staff Reporter 2024-03-12T14:05:00Z", got.Byline, got.Published)
	}
	if strings.Contains(out, "By Staff Reporter") {
		t.Errorf("the byline line is read as body text: %s", out)
	}
}
