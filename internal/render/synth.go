package render

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"aloud/internal/cache"
	"aloud/internal/tts"
)

// synthSettings names everything besides text, voice and engine version
// that changes the engine's output; it is part of the sentence key.
const synthSettings = "v1"

// synthesized is one sentence's audio and whether it came from the cache.
type synthesized struct {
	audio tts.Audio
	hit   bool
}

// synthesizeInOrder synthesizes every line with at most workers in
// flight, reading and filling the sentence cache, and hands the results to
// use in the lines' order, on the calling goroutine. At most window
// sentences are synthesized ahead of the one use waits for, so memory
// holds a few sentences however long the article. The first error (or
// use's) cancels the rest.
func (r *Renderer) synthesizeInOrder(ctx context.Context, eng tts.Engine, voice, lang string, lines []line, workers int, progress func(int), use func(int, synthesized) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	window := 2*workers + 2
	tokens := make(chan struct{}, window)
	ring := make([]chan synthesized, window)
	for i := range ring {
		ring[i] = make(chan synthesized, 1)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	defer wg.Wait() // after cancel: nothing is left running on return
	defer cancel(nil)
	wg.Go(func() {
		defer close(jobs)
		for i := range lines {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	})
	var done atomic.Int64
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				s, err := r.synthesizeOne(ctx, eng, voice, lang, lines[i].spoken)
				if err != nil {
					cancel(fmt.Errorf("synthesize sentence %d: %w", i+1, err))
					return
				}
				ring[i%window] <- s
				if progress != nil {
					progress(int(done.Add(1)))
				}
			}
		})
	}
	for i := range lines {
		var s synthesized
		select {
		case s = <-ring[i%window]:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
		if err := use(i, s); err != nil {
			cancel(err)
			return err
		}
		<-tokens
	}
	return nil
}

// SentenceKey is the sentence cache key of architecture.md. The language
// is part of it for engines that are given folded text (tts.Speak folds
// by the language's table).
func SentenceKey(eng tts.Engine, voice, lang, spoken string) string {
	if !eng.Capabilities().ASCIIOnly {
		return cache.Key(spoken, eng.Name(), voice, eng.Version(), synthSettings)
	}
	return cache.Key(spoken, eng.Name(), voice, eng.Version(), synthSettings, "lang="+lang)
}

func (r *Renderer) synthesizeOne(ctx context.Context, eng tts.Engine, voice, lang, spoken string) (synthesized, error) {
	key := SentenceKey(eng, voice, lang, spoken)
	if b, ok, err := r.Cache.Get(key); err != nil {
		return synthesized{}, err
	} else if ok {
		if a, err := decodeAudio(b); err == nil {
			return synthesized{audio: a, hit: true}, nil
		}
		// A corrupt entry is a miss; the fresh result overwrites it.
	}
	a, err := tts.Speak(ctx, eng, voice, lang, spoken)
	if err != nil {
		return synthesized{}, err
	}
	if err := r.Cache.Put(key, encodeAudio(a)); err != nil {
		return synthesized{}, err
	}
	return synthesized{audio: a}, nil
}

// Cache entry layout, little endian: magic "ALD1", rate, sample count,
// word count (uint32 each), samples (int16), words (4×int32 each).
var magic = [4]byte{'A', 'L', 'D', '1'}

func encodeAudio(a tts.Audio) []byte {
	b := make([]byte, 0, 16+2*len(a.Samples)+16*len(a.Words))
	b = append(b, magic[:]...)
	b = binary.LittleEndian.AppendUint32(b, uint32(a.Rate))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(a.Samples)))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(a.Words)))
	for _, s := range a.Samples {
		b = binary.LittleEndian.AppendUint16(b, uint16(s))
	}
	for _, w := range a.Words {
		for _, v := range [4]int{w.Span[0], w.Span[1], w.Start, w.End} {
			b = binary.LittleEndian.AppendUint32(b, uint32(int32(v)))
		}
	}
	return b
}

var errCorrupt = errors.New("corrupt cache entry")

func decodeAudio(b []byte) (tts.Audio, error) {
	if len(b) < 16 || [4]byte(b[:4]) != magic {
		return tts.Audio{}, errCorrupt
	}
	rate := int(binary.LittleEndian.Uint32(b[4:]))
	ns := int(binary.LittleEndian.Uint32(b[8:]))
	nw := int(binary.LittleEndian.Uint32(b[12:]))
	if rate <= 0 || ns < 0 || nw < 0 || len(b) != 16+2*ns+16*nw {
		return tts.Audio{}, errCorrupt
	}
	a := tts.Audio{Rate: rate, Samples: make([]int16, ns), Words: make([]tts.Word, nw)}
	p := b[16:]
	for i := range a.Samples {
		a.Samples[i] = int16(binary.LittleEndian.Uint16(p[2*i:]))
	}
	p = p[2*ns:]
	for i := range a.Words {
		v := func(k int) int { return int(int32(binary.LittleEndian.Uint32(p[16*i+4*k:]))) }
		a.Words[i] = tts.Word{Span: [2]int{v(0), v(1)}, Start: v(2), End: v(3)}
	}
	return a, nil
}
