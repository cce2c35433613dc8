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

// synthesizeAll synthesizes every line with at most workers in flight,
// reading and filling the sentence cache. The first error cancels the rest.
func (r *Renderer) synthesizeAll(ctx context.Context, eng tts.Engine, voice, lang string, lines []line, workers int, progress func(int)) ([]synthesized, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	out := make([]synthesized, len(lines))
	var next atomic.Int64
	var done atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(lines) || ctx.Err() != nil {
					return
				}
				s, err := r.synthesizeOne(ctx, eng, voice, lang, lines[i].spoken)
				if err != nil {
					cancel(fmt.Errorf("synthesize sentence %d: %w", i+1, err))
					return
				}
				out[i] = s
				if progress != nil {
					progress(int(done.Add(1)))
				}
			}
		}()
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return out, nil
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
