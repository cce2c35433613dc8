package render

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sync/errgroup"

	"aloud/internal/article"
	"aloud/internal/audio"
	"aloud/internal/script"
	"aloud/internal/tts"
)

// mixdown is the assembled article: a spool of PCM (the corrected
// stream once planned), its timeline and chapters.
type mixdown struct {
	spool    *audio.Spool
	stream   audio.Stream
	rate     int
	hits     int
	timeline Timeline
	chapters []audio.Chapter
}

// synthesizeToSpool synthesizes the lines (a window at a time) and
// assembles them in order into a spool on scratch, keeping of each
// sentence only where it went and its word timings.
func (r *Renderer) synthesizeToSpool(ctx context.Context, a article.Article, eng tts.Engine, voice string, lines []line, workers int, progress func(int), scratch *os.File) (mixdown, error) {
	var (
		m     mixdown
		asm   *audio.Assembler
		spans = make([]audio.Span, len(lines))
		words = make([][]tts.Word, len(lines))
	)
	err := r.synthesizeInOrder(ctx, eng, voice, a.Language, lines, workers, progress, func(i int, s synthesized) error {
		if asm == nil {
			m.rate = s.audio.Rate
			if m.rate <= 0 {
				return fmt.Errorf("sentence %d: invalid sample rate %d", i+1, m.rate)
			}
			asm = audio.NewAssembler(m.rate, r.Assemble)
			m.spool = audio.NewSpool(scratch, m.rate)
		}
		if s.audio.Rate != m.rate {
			return fmt.Errorf("sentence %d is at %d Hz, the others at %d Hz", i+1, s.audio.Rate, m.rate)
		}
		pl := asm.Add(audio.Piece{Samples: s.audio.Samples, Break: breakOf(lines[i].pause)})
		if err := m.spool.Write(pl); err != nil {
			return err
		}
		spans[i], words[i] = pl.Span, s.audio.Words
		if s.hit {
			m.hits++
		}
		return nil
	})
	if err != nil {
		return mixdown{}, err
	}
	if err := m.spool.Finish(); err != nil {
		return mixdown{}, err
	}
	total := int(m.spool.Len())
	m.timeline = timelineOf(lines, words, spans, m.rate, total)
	m.chapters = chaptersOf(a, lines, spans, m.rate, total)
	return m, nil
}

func breakOf(p pauseKind) audio.Break {
	switch p {
	case pauseParagraph:
		return audio.BreakParagraph
	case pauseHeading:
		return audio.BreakHeading
	}
	return audio.BreakSentence
}

func timelineOf(lines []line, words [][]tts.Word, spans []audio.Span, rate, total int) Timeline {
	tl := Timeline{DurationMs: samplesToMs(total, rate)}
	for i, l := range lines {
		sp := spans[i]
		ts := TimelineSent{
			Part: string(l.Part), Block: l.Block, Span: l.Span,
			Ms: [2]int64{samplesToMs(sp.Start, rate), samplesToMs(sp.End, rate)},
		}
		for _, w := range words[i] {
			ws, ok := l.wordSpan(w.Span)
			if !ok {
				continue
			}
			ws = [2]int{ws[0] + l.Span[0], ws[1] + l.Span[0]}
			tw := TimelineWord{Span: ws, Ms: [2]int64{samplesToMs(sp.At(w.Start), rate), samplesToMs(sp.At(w.End), rate)}}
			// Several spoken words can come from one written token ("$4bn"):
			// merge them into one highlighted word.
			if n := len(ts.Words); n > 0 && ts.Words[n-1].Span == ws {
				ts.Words[n-1].Ms[1] = tw.Ms[1]
				continue
			}
			ts.Words = append(ts.Words, tw)
		}
		tl.Sentences = append(tl.Sentences, ts)
	}
	return tl
}

// chaptersOf makes one chapter for the opening and one at each subheading,
// as podcast apps show them.
func chaptersOf(a article.Article, lines []line, spans []audio.Span, rate, total int) []audio.Chapter {
	dur := func(n int) time.Duration { return time.Duration(n) * time.Second / time.Duration(rate) }
	title := a.Title
	if title == "" {
		title = "Opening"
	}
	chs := []audio.Chapter{{Title: title, Start: 0}}
	for i, l := range lines {
		if l.Part != script.PartBlock || l.Block < 0 || a.Blocks[l.Block].Type != article.Heading {
			continue
		}
		if i > 0 && lines[i-1].Part == l.Part && lines[i-1].Block == l.Block {
			continue // the heading's second sentence
		}
		chs = append(chs, audio.Chapter{Title: a.Blocks[l.Block].Text, Start: dur(spans[i].Start)})
	}
	for i := range chs {
		if i+1 < len(chs) {
			chs[i].End = chs[i+1].Start
		} else {
			chs[i].End = dur(total)
		}
	}
	return chs
}

func tagsFor(a article.Article, m mixdown) audio.Tags {
	return audio.Tags{
		Title: a.Title, Artist: a.Source, Comment: audio.DefaultComment, Language: a.Language,
		DigitalSourceType: audio.DigitalSourceTrained, Chapters: m.chapters,
	}
}

var extensions = map[string]string{"mp3": ".mp3", "opus": ".opus", "wav": ".wav"}

// encodeFiles writes every format at once: each encoder is one ffmpeg
// (Opus) or a few (MP3 in chunks), mostly single-threaded, so encoding
// them side by side instead of one after the other takes the slowest one's
// time on an idle machine. If one fails, the others are cancelled and every
// file written is removed, so that no partial rendition is left behind.
func (r *Renderer) encodeFiles(ctx context.Context, req Request, formats []string, m mixdown, tags audio.Tags, res *Result) error {
	name := req.Name
	if name == "" {
		name = res.SpokenHash[:32]
	}
	paths := make([]string, len(formats))
	g, gctx := errgroup.WithContext(ctx)
	for i, f := range formats {
		paths[i] = filepath.Join(req.Dir, name+extensions[f])
		g.Go(func() error {
			return r.Encoder.EncodeStreamFile(gctx, m.stream, f, tags, paths[i]) // the encoder names the format and the file
		})
	}
	if err := g.Wait(); err != nil {
		for _, p := range paths {
			os.Remove(p)
		}
		return err
	}
	for i, f := range formats {
		res.Files[f] = paths[i]
	}
	return nil
}
