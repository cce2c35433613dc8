package app

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"aloud/internal/article"
	"aloud/internal/feed"
	"aloud/internal/ingest"
	"aloud/internal/render"
)

// speakOptions are the flags of `aloud speak`.
type speakOptions struct {
	out        string
	voice      string
	format     string
	disclosure string
	cacheDir   string
	noCache    bool
	timeline   string
	lang       string
	maxBytes   int64
	allow      []string
	feed       string
	latest     int
}

func runSpeak(ctx context.Context, args []string, env Env) error {
	var o speakOptions
	fs := newFlagSet("speak", "aloud speak [flags] FILE|URL|-",
		"Render an article (plain text, HTML, or a URL) to speech: MP3 (default), Opus or WAV,\n"+
			"with a .timeline.json next to it for read-along highlighting.", env)
	fs.StringVar(&o.out, "o", "", "output `PATH` (default: the input's base name in the current directory; - for stdout)")
	fs.StringVar(&o.voice, "voice", "", "voice as `engine:voice` (default: flite:rms for English, espeak:LANG otherwise; see aloud voices)")
	fs.StringVar(&o.format, "format", "", "audio format: mp3, opus or wav (default: from -o's extension, else mp3)")
	fs.StringVar(&o.disclosure, "disclosure", "end", "spoken AI disclosure: start, end or off")
	fs.StringVar(&o.cacheDir, "cache", "", "sentence cache `DIR` (default: the user cache directory)")
	fs.BoolVar(&o.noCache, "no-cache", false, "synthesize every sentence, neither reading nor writing the cache")
	fs.StringVar(&o.timeline, "timeline", "", "write the timeline JSON to `FILE` (default: next to the audio; needed with -o -)")
	fs.StringVar(&o.lang, "lang", "", "language of plain-text input as a BCP 47 tag (default en)")
	fs.Int64Var(&o.maxBytes, "max-bytes", 0, "largest input accepted, in bytes (default 2 MB of text)")
	allow := addAllowHostFlag(fs)
	fs.StringVar(&o.feed, "feed", "", "render the newest items of this feed (`URL` or FILE) instead of one input; -o names a directory")
	fs.IntVar(&o.latest, "latest", 1, "with --feed, how many of the newest items to render")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	o.allow = *allow
	if o.feed != "" {
		if len(pos) != 0 {
			return usageErrorf("speak: --feed takes no other input, got %q", pos[0])
		}
		return speakFeed(ctx, env, o)
	}
	if len(pos) != 1 {
		return usageErrorf("speak: want exactly one input (FILE, URL or -), got %d", len(pos))
	}
	src := pos[0]
	if err := o.resolve(src); err != nil {
		return err
	}
	deps, err := newSpeakDeps(ctx, env, o)
	if err != nil {
		return err
	}
	defer deps.Close()
	return speakSource(ctx, env, deps, o, src)
}

func speakSource(ctx context.Context, env Env, deps *speakDeps, o speakOptions, src string) error {
	art, err := deps.loader.Load(ctx, src, env.Stdin)
	if err != nil {
		return fmt.Errorf("read %s: %w", displayName(src), err)
	}
	return speakArticle(ctx, env, deps, o, art)
}

// speakFeed renders the newest --latest items of a feed, each to its own
// file named after its link, in the directory -o names.
func speakFeed(ctx context.Context, env Env, o speakOptions) error {
	if o.latest < 1 {
		return usageErrorf("speak: --latest must be at least 1, got %d", o.latest)
	}
	if o.out == "-" || o.timeline != "" {
		return usageErrorf("speak: with --feed, -o names a directory and --timeline is not allowed")
	}
	dir := o.out
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create output dir: %w", err)
	}
	data, err := readFeedSource(ctx, o.feed, env, o.allow)
	if err != nil {
		return err
	}
	f, err := feed.Parse(bytes.NewReader(data), feed.Options{Max: o.latest})
	if err != nil {
		return fmt.Errorf("read feed %s: %w", o.feed, err)
	}
	if len(f.Items) == 0 {
		return fmt.Errorf("feed %s has no items", o.feed)
	}
	deps, err := newSpeakDeps(ctx, env, o)
	if err != nil {
		return err
	}
	defer deps.Close()
	for _, it := range f.Items {
		if it.Link == "" {
			return fmt.Errorf("feed item %q has no link to read", it.Title)
		}
		one := o
		one.out, one.timeline = "", ""
		if err := one.resolve(it.Link); err != nil {
			return err
		}
		one.out = filepath.Join(dir, one.out)
		one.timeline = filepath.Join(dir, one.timeline)
		if err := speakSource(ctx, env, deps, one, it.Link); err != nil {
			return err
		}
	}
	return nil
}

// resolve fills in the output path and format and checks they agree.
func (o *speakOptions) resolve(src string) error {
	switch o.disclosure {
	case "start", "end", "off":
	default:
		return usageErrorf("speak: --disclosure must be start, end or off, got %q", o.disclosure)
	}
	if o.format != "" && !validFormat(o.format) {
		return usageErrorf("speak: --format must be mp3, opus or wav, got %q", o.format)
	}
	if o.out != "" && o.out != "-" {
		ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(o.out)), ".")
		if validFormat(ext) {
			if o.format != "" && o.format != ext {
				return usageErrorf("speak: -o %s contradicts --format %s", o.out, o.format)
			}
			o.format = ext
		}
	}
	if o.format == "" {
		o.format = "mp3"
	}
	if o.out == "" {
		o.out = defaultBase(src) + "." + o.format
	}
	if o.out != "-" && o.timeline == "" {
		o.timeline = strings.TrimSuffix(o.out, filepath.Ext(o.out)) + ".timeline.json"
	}
	return nil
}

func validFormat(f string) bool { return f == "mp3" || f == "opus" || f == "wav" }

// defaultBase names the output after the input: a file's base name, a URL's
// last path segment, "article" for stdin.
func defaultBase(src string) string {
	name := "article"
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		if u, err := url.Parse(src); err == nil {
			if b := filepath.Base(strings.TrimRight(u.Path, "/")); b != "." && b != "/" && b != "" {
				name = b
			}
		}
	} else if src != "-" {
		name = filepath.Base(src)
	}
	if ext := filepath.Ext(name); ext != "" && ext != name {
		name = strings.TrimSuffix(name, ext)
	}
	return name
}

func displayName(src string) string {
	if src == "-" {
		return "stdin"
	}
	return ingest.RedactURL(src)
}

func speakArticle(ctx context.Context, env Env, deps *speakDeps, o speakOptions, art article.Article) error {
	start := time.Now()
	bar := newProgress(env)
	defer bar.Done()
	req := render.Request{
		Article: art, Voice: o.voice, Formats: []string{o.format}, Disclosure: o.disclosure,
		Progress: bar.Set,
	}
	var res render.Result
	var err error
	if o.out == "-" {
		req.Writer = env.Stdout
		res, err = deps.renderer.Render(ctx, req)
	} else {
		req.Dir, req.Name = filepath.Dir(o.out), strings.TrimSuffix(filepath.Base(o.out), filepath.Ext(o.out))
		res, err = deps.renderer.Render(ctx, req)
	}
	if err != nil {
		return err
	}
	if o.timeline != "" {
		if err := writeFileAtomic(o.timeline, res.Timeline); err != nil {
			if o.out != "-" {
				os.Remove(o.out) // no half-finished rendition: audio without its timeline
			}
			return err
		}
	}
	bar.Done()
	where := o.out
	if where == "-" {
		where = "stdout"
	}
	fmt.Fprintf(env.Stderr, "aloud: %s, %s, %d sentences, %d/%d from cache, voice %s, in %.1fs\n",
		where, fmtDuration(res.Duration), res.Sentences, res.CacheHits, res.Sentences, res.Voice, time.Since(start).Seconds())
	return nil
}

func fmtDuration(d time.Duration) string {
	d = d.Round(time.Second)
	return fmt.Sprintf("%d:%02d", int(d.Minutes()), int(d.Seconds())%60)
}

// writeFileAtomic writes data so that path only ever holds a whole file.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
