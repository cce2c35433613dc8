// Package render runs the speech pipeline for one article: split,
// normalize, synthesize (cached, in parallel), assemble, loudness-correct,
// encode and tag. The CLI (`aloud speak`) and the service's render job call
// the same Render.
//
// Memory is bounded by a window of sentences, not by the article: the
// sentences are synthesized a few at a time in parallel and assembled in
// order into a scratch file (16-bit PCM, measured for loudness on the
// way); the loudness correction is planned in streamed passes over that
// file and applied on the fly as the encoders read it.
//
// Failure modes: an unknown voice or a missing engine fails before any
// work; an engine or ffmpeg crash fails the whole render with the
// program's stderr in the error; cancellation stops every subprocess. In
// every case no output file appears, because files are only ever renamed
// into place once complete, and the scratch file is removed.
package render

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"

	"aloud/internal/article"
	"aloud/internal/audio"
	"aloud/internal/cache"
	"aloud/internal/lexicon"
	"aloud/internal/normalize"
	"aloud/internal/tts"
)

// Request is one article to speak.
type Request struct {
	Article    article.Article
	Voice      string   // "engine:voice"; empty picks the language's default
	Formats    []string // "mp3", "opus", "wav"; empty means mp3
	Disclosure string   // "start", "end" (default) or "off"
	// DisclosureText, when set, is spoken instead of the language's line
	// (a publication's own wording).
	DisclosureText string
	Dir            string // directory for the finished files (temp names, then atomic rename)
	Name           string // base file name in Dir; empty means the content hash
	Writer         io.Writer
	Progress       func(done, total int) // optional; called from several goroutines
	// Writer, when set, receives the single format's audio instead of Dir.
	// ScratchDir holds the render's scratch file (see ScratchPattern);
	// empty means Dir, or the system's temporary directory without Dir.
	ScratchDir string
	// Lexicon is the article's pronunciation lexicon: its publication's
	// entries merged with the shipped defaults (lexicon.Merge), overriding
	// entries first. Only sentences an entry matches change their spoken
	// form, so only they miss the sentence cache.
	Lexicon []lexicon.Entry
}

// Result describes the finished files.
type Result struct {
	Files     map[string]string // format → path of the finished file in Request.Dir
	Timeline  []byte            // timeline JSON (see Timeline)
	Duration  time.Duration
	Voice     string // the voice actually used
	Sentences int
	CacheHits int // sentences whose audio came from the cache
	// Synthesized is the sentences the engine spoke for this render
	// (Sentences = Synthesized + CacheHits).
	Synthesized int
	SpokenHash  string // hash of everything that determines the audio
	Loudness    audio.NormalizeStats
}

// ErrNothingToSay is returned for an article without any speakable text.
var ErrNothingToSay = errors.New("article has no text to speak")

// Audio settings: loudness target and ceiling of the published files.
const (
	TargetLUFS = -16.0
	CeilingTP  = -1.0
)

// Renderer holds the pipeline's long-lived parts.
type Renderer struct {
	Engines *tts.Registry
	Cache   *cache.Cache // nil disables the sentence cache
	Encoder *audio.Encoder
	Workers int // parallel syntheses; 0 means the number of CPUs
	// Assemble sets the pauses and trimming; zero values are the
	// defaults (tests shorten the pauses to make long articles quick).
	Assemble audio.AssembleOptions
}

// Render speaks req.Article into files under req.Dir (or req.Writer).
func (r *Renderer) Render(ctx context.Context, req Request) (Result, error) {
	voiceID := req.Voice
	if voiceID == "" {
		id, err := r.Engines.VoiceFor(req.Article.Language)
		if err != nil {
			return Result{}, err
		}
		voiceID = id
	}
	eng, voice, err := r.Engines.Lookup(voiceID)
	if err != nil {
		return Result{}, err
	}
	formats, err := checkFormats(req)
	if err != nil {
		return Result{}, err
	}
	matches, err := lexiconMatches(req.Lexicon, req.Article.Language, eng)
	if err != nil {
		return Result{}, err
	}
	norm, err := normalizerFor(req.Article.Language, matches)
	if err != nil {
		return Result{}, err
	}
	lines := prepare(req.Article, req.Disclosure, req.DisclosureText, norm)
	if !hasSpeech(lines) {
		return Result{}, ErrNothingToSay
	}
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	var progress func(int)
	if req.Progress != nil {
		progress = func(done int) { req.Progress(done, len(lines)) }
	}
	scratch, err := createScratch(scratchDir(req))
	if err != nil {
		return Result{}, err
	}
	defer removeScratch(scratch)
	mix, err := r.synthesizeToSpool(ctx, req.Article, eng, voice, lines, workers, progress, scratch)
	if err != nil {
		return Result{}, err
	}
	plan, loud, err := audio.PlanNormalize(ctx, mix.spool, mix.spool.Meter(), TargetLUFS, CeilingTP)
	if err != nil {
		return Result{}, fmt.Errorf("loudness: %w", err)
	}
	mix.stream = plan
	res := Result{
		Voice: voiceID, Sentences: len(lines), Files: map[string]string{}, CacheHits: mix.hits,
		Synthesized: len(lines) - mix.hits,
		Duration:    time.Duration(mix.spool.Len()) * time.Second / time.Duration(mix.rate),
		SpokenHash:  spokenHash(eng, voice, req.Article.Language, lines, formats), Loudness: loud,
	}
	res.Timeline = mix.timeline.Marshal()
	tags := tagsFor(req.Article, mix)
	if req.Writer != nil {
		if err := r.Encoder.EncodeStream(ctx, mix.stream, formats[0], tags, req.Writer); err != nil {
			return Result{}, err
		}
		return res, nil
	}
	if err := r.encodeFiles(ctx, req, formats, mix, tags, &res); err != nil {
		return Result{}, err
	}
	return res, nil
}

func checkFormats(req Request) ([]string, error) {
	formats := req.Formats
	if len(formats) == 0 {
		formats = []string{"mp3"}
	}
	for _, f := range formats {
		if f != "mp3" && f != "opus" && f != "wav" {
			return nil, fmt.Errorf("unknown audio format %q (want mp3, opus or wav)", f)
		}
	}
	if req.Writer != nil && len(formats) != 1 {
		return nil, fmt.Errorf("one format only when writing to a stream, got %d", len(formats))
	}
	return formats, nil
}

// normalizerFor returns the language's normalizer; languages without rules
// yet are spoken as written (the engine's own rules apply).
func normalizerFor(lang string, matches func(string) []normalize.LexiconMatch) (*normalize.Normalizer, error) {
	n, err := normalize.New(normalize.Options{Lang: lang, Matches: matches})
	if errors.Is(err, normalize.ErrUnsupportedLanguage) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("normalizer for %q: %w", lang, err)
	}
	return n, nil
}

func hasSpeech(lines []line) bool {
	for _, l := range lines {
		if l.Part != "disclosure" {
			return true
		}
	}
	return false
}

func spokenHash(eng tts.Engine, voice, lang string, lines []line, formats []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%g\x00%g\x00%v\x00", eng.Name(), voice, eng.Version(), synthSettings, TargetLUFS, CeilingTP, formats)
	if eng.Capabilities().ASCIIOnly {
		fmt.Fprintf(h, "lang=%s\x00", lang) // the text is folded by the language's table
	}
	for _, l := range lines {
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00", l.spoken, l.pause, l.Block)
	}
	return hex.EncodeToString(h.Sum(nil))
}
