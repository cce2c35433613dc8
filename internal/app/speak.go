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
	"aloud/internal/cache"
	"aloud/internal/config"
	"aloud/internal/feed"
	"aloud/internal/ingest"
	"aloud/internal/jobs"
	"aloud/internal/render"
)

// speakOptions are the flags of `aloud speak`.
type speakOptions struct {
	out      string
	voice    string
	format   string
	noCache  bool
	timeline string
	lang     string
	feed     string
	latest   int
	cfg      config.Config // the shared settings (disclosure, cache, limits, allowed hosts)
}

func runSpeak(ctx context.Context, args []string, env Env) error {
	var o speakOptions
	fs := newFlagSet("speak", "aloud speak [flags] FILE|URL|-",
		"Render an article (plain text, HTML, or a URL) to speech: MP3 (default), Opus or WAV,\n"+
			"with a .timeline.json next to it for read-along highlighting.", env)
	fs.StringVar(&o.out, "o", "", "output `PATH` (default: the input's base name in the current directory; - for stdout)")
	fs.StringVar(&o.voice, "voice", "", "voice as `engine:voice` (default: flite:rms for English, espeak:LANG otherwise; see aloud voices)")
	fs.StringVar(&o.format, "format", "", "audio format: mp3, opus or wav (default: from -o's extension, else mp3)")
	fs.BoolVar(&o.noCache, "no-cache", false, "synthesize every sentence, neither reading nor writing the cache")
	fs.StringVar(&o.timeline, "timeline", "", "write the timeline JSON to `FILE` (default: next to the audio; needed with -o -)")
	fs.StringVar(&o.lang, "lang", "", "language of plain-text input as a BCP 47 tag (default en)")
	fs.StringVar(&o.feed, "feed", "", "render the newest items of this feed (`URL` or FILE) instead of one input; -o names a directory")
	fs.IntVar(&o.latest, "latest", 1, "with --feed, how many of the newest items to render")
	flags := config.Register(fs, config.Speak)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if o.cfg, err = speakConfig(env, flags, o.noCache); err != nil {
		return err
	}
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
	deps, err := newSpeakDeps(env, o)
	if err != nil {
		return err
	}
	defer deps.Close()
	return speakSource(ctx, env, deps, o, src)
}

// speakDeps are the long-lived parts `aloud speak` wires together.
type speakDeps struct {
	loader *ingest.Loader
	pipe   *pipeline
}

func newSpeakDeps(env Env, o speakOptions) (*speakDeps, error) {
	p, err := newPipeline(env, o.cfg)
	if err != nil {
		return nil, err
	}
	if p.missing != nil {
		p.Close()
		return nil, p.missing
	}
	return &speakDeps{loader: newLoader(o.cfg, o.lang, cliSizeHint), pipe: p}, nil
}

// Close stops the engines' helper processes.
func (d *speakDeps) Close() { d.pipe.Close() }

func speakSource(ctx context.Context, env Env, deps *speakDeps, o speakOptions, src string) error {
	art, err := deps.loader.Load(ctx, src, env.Stdin)
	if err != nil {
		return fmt.Errorf("read %s: %w", displayName(src), err)
	}
	if err := jobs.CheckLength(art, o.cfg.MaxSpokenChars); err != nil {
		return fmt.Errorf("read %s: %w (set ALOUD_MAX_SPOKEN_CHARS or --max-spoken-chars to change it)", displayName(src), err)
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
	data, err := readFeedSource(ctx, o.feed, env, o.cfg)
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
	deps, err := newSpeakDeps(env, o)
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

// speakConfig is the shared configuration with speak's own cache default:
// the user cache directory, or off with --no-cache.
func speakConfig(env Env, flags *config.Flags, noCache bool) (config.Config, error) {
	cfg, err := config.LoadWith(env.Getenv, flags)
	if err == nil && noCache {
		cfg.CacheDir = "off"
	}
	if err == nil && cfg.CacheDir == "" {
		cfg.CacheDir, err = cache.DefaultDir()
	}
	if err != nil {
		return cfg, usageErrorf("%s", strings.ReplaceAll(err.Error(), "\n", "; "))
	}
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return cfg, usageErrorf("%s", strings.ReplaceAll(err.Error(), "\n", "; "))
	}
	return cfg, nil
}

// resolve fills in the output path and format and checks they agree.
func (o *speakOptions) resolve(src string) error {
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
		Article: art, Voice: o.voice, Formats: []string{o.format}, Disclosure: o.cfg.Disclosure,
		Progress: bar.Set,
	}
	var res render.Result
	var err error
	if o.out == "-" {
		req.Writer = env.Stdout
		res, err = deps.pipe.Render(ctx, req)
	} else {
		req.Dir, req.Name = filepath.Dir(o.out), strings.TrimSuffix(filepath.Base(o.out), filepath.Ext(o.out))
		sweepScratch(env, req.Dir)
		res, err = deps.pipe.Render(ctx, req)
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

// staleScratch is the age past which a scratch file in an output directory
// belongs to a speak that was killed: a live render rewrites its files far
// more often than this.
const staleScratch = time.Hour

// sweepScratch removes what killed renders left in dir; a failure only
// costs disk space, so it is reported, not fatal.
func sweepScratch(env Env, dir string) {
	removed, err := render.SweepScratch(dir, staleScratch)
	if err != nil {
		fmt.Fprintf(env.Stderr, "aloud: %s\n", err)
	}
	for _, p := range removed {
		fmt.Fprintf(env.Stderr, "aloud: removed %s, left by a render that was killed\n", p)
	}
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
