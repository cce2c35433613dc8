//go:build e2e

package web_test

import (
	"context"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"aloud/internal/testenv"
)

// hostile strings go into every article field: the page must show them
// as text. onerror would set window.__pwned.
const hostile = `<img src=x onerror="window.__pwned=1">`

// browserArticle has curly quotes, emoji (surrogate pairs, a skin-tone
// sequence) and non-Latin text before the sentences the test highlights,
// so that a byte/UTF-16 mix-up shows.
func browserArticle() map[string]any {
	return map[string]any{
		"title":    "Talks “in secret” 🙂 " + hostile,
		"kicker":   "<script>window.__pwned=2</script>Kicker",
		"byline":   hostile,
		"source":   "site-<b>1</b>",
		"language": "en",
		"voice":    "espeak:en-us",
		"blocks": []map[string]string{
			{"type": "paragraph", "text": "The “first” paragraph has curly quotes. It has a second sentence about Zürich."},
			{"type": "paragraph", "text": "Emoji 🙂 and 👍🏽 appear here. Москва and Αθήνα are far apart. The third sentence is plain."},
			{"type": "heading", "text": "A heading " + hostile},
			{"type": "paragraph", "text": "Another paragraph with “quotes” — and dashes. It ends here."},
		},
	}
}

type browser struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	path := testenv.Binary(t, "chromium")
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("autoplay-policy", "no-user-gesture-required"),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.WindowSize(1280, 900))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	b := &browser{ctx: ctx}
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatalf("start chromium: %v", err)
	}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() || m.Type == chromedp.ConsoleWarning {
				b.mu.Lock()
				b.errors = append(b.errors, m.String()+" ("+m.URL+")")
				b.mu.Unlock()
			}
		}
	}()
	return b
}

func (b *browser) consoleErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

func (b *browser) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// eval runs JS (awaiting a promise) and decodes its value into T.
func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("eval %.80q: %v", js, err)
	}
	return v
}

// poll waits until js is truthy.
func (b *browser) poll(t *testing.T, what, js string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(50*time.Millisecond),
		chromedp.WithPollingTimeout(25*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

func darkMode(on bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		p := emulation.SetEmulatedMediaParams{}
		if on {
			p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}
		}
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, p)
		return err
	})
}

const (
	jsPlayer = `document.querySelector('aloud-player')`
	jsRoot   = jsPlayer + `.shadowRoot`
	jsAudio  = jsPlayer + `.audio`
	// jsFocus names the deeply focused element (through shadow roots).
	jsFocus = `(() => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
		return a ? (a.className || a.tagName) + '|' + (a.getAttribute('aria-label') || a.textContent.trim()).slice(0, 40) : '' })()`
)

func TestE2EArticlePage(t *testing.T) {
	srv := startServer(t)
	art := browserArticle()
	id := srv.article(art)
	tl := srv.timeline(id)
	b := newBrowser(t)
	page := srv.base + "/a/" + id
	shots := filepath.Join(testenv.RepoRoot(), "out", "e2e-screenshots")
	os.MkdirAll(shots, 0o755)

	load := func(t *testing.T) {
		t.Helper()
		b.do(t, chromedp.Navigate(page))
		b.poll(t, "the player", jsRoot+` && `+jsRoot+`.querySelector('.play') && `+jsAudio+`.readyState >= 1`)
	}

	t.Run("hostile strings are text", func(t *testing.T) {
		load(t)
		title := eval[string](t, b, `document.querySelector('h1').textContent`)
		if title != art["title"] {
			t.Errorf("h1 = %q, want the title verbatim", title)
		}
		if n := eval[int](t, b, `document.querySelectorAll('main img, main script, main b').length`); n != 0 {
			t.Errorf("%d elements made from article text", n)
		}
		if eval[bool](t, b, `window.__pwned !== undefined`) {
			t.Error("article text ran as script")
		}
		if !strings.Contains(eval[string](t, b, `document.querySelector('.source').textContent`), "site-<b>1</b>") {
			t.Error("source line not shown literally")
		}
		ld := eval[string](t, b, `document.querySelector('script[type="application/ld+json"]').textContent`)
		var m map[string]any
		if err := json.Unmarshal([]byte(ld), &m); err != nil || m["@type"] != "AudioObject" ||
			!strings.HasSuffix(m["digitalSourceType"].(string), "trainedAlgorithmicMedia") || m["name"] != art["title"] {
			t.Errorf("JSON-LD: %v %s", err, ld)
		}
	})

	t.Run("play, speed, seek, paragraph, highlight", func(t *testing.T) {
		load(t)
		b.do(t, chromedp.Evaluate[chromedp.Void](jsRoot+`.querySelector('.play').click()`))
		b.poll(t, "currentTime to advance", jsAudio+`.currentTime > 0.5 && !`+jsAudio+`.paused`)
		// Speed.
		eval[chromedp.Void](t, b, `(() => { const s = `+jsRoot+`.querySelector('.speed'); s.value = '1.5'; s.dispatchEvent(new Event('change')); })()`)
		if r := eval[float64](t, b, jsAudio+`.playbackRate`); r != 1.5 {
			t.Errorf("playbackRate = %v after choosing 1.5×", r)
		}
		// Seek to the middle with the slider.
		eval[chromedp.Void](t, b, `(() => { const s = `+jsRoot+`.querySelector('.seek'); s.value = '500'; s.dispatchEvent(new Event('input')); })()`)
		half := float64(tl.DurationMs) / 2000
		if ct := eval[float64](t, b, jsAudio+`.currentTime`); math.Abs(ct-half) > 1.5 {
			t.Errorf("after seeking to 50%%: currentTime %.2f, want about %.2f", ct, half)
		}
		// Next paragraph from the start lands on the first sentence of block 0.
		eval[chromedp.Void](t, b, jsAudio+`.pause(); `+jsAudio+`.currentTime = `+ftoa(float64(startOf(tl))/1000+0.2))
		eval[chromedp.Void](t, b, jsRoot+`.querySelector('.next').click()`)
		want := float64(firstOfBlock(tl, 0)) / 1000
		if ct := eval[float64](t, b, jsAudio+`.currentTime`); math.Abs(ct-want) > 0.05 {
			t.Errorf("next paragraph: currentTime %.3f, want %.3f (block 0)", ct, want)
		}
		eval[chromedp.Void](t, b, jsRoot+`.querySelector('.next').click()`)
		want = float64(firstOfBlock(tl, 1)) / 1000
		if ct := eval[float64](t, b, jsAudio+`.currentTime`); math.Abs(ct-want) > 0.05 {
			t.Errorf("second next paragraph: currentTime %.3f, want %.3f (block 1)", ct, want)
		}
		// The highlight follows the time, in sentences after emoji and curly quotes.
		for i, s := range tl.Sentences {
			if s.Part != "block" || s.Span[0] == 0 {
				continue
			}
			text := blockText(art, s.Block)[s.Span[0]:s.Span[1]]
			mid := float64(s.Ms[0]+s.Ms[1]) / 2000
			eval[chromedp.Void](t, b, jsAudio+`.currentTime = `+ftoa(mid))
			b.poll(t, "highlight of sentence "+itoa(i), `document.querySelector('main').dataset.aloudSentence == '`+itoa(playerIndex(tl, i))+`'`)
			got := eval[string](t, b, `[...document.querySelectorAll('.aloud-on')].map(e => e.textContent).join('')`)
			if got != text {
				t.Errorf("at %.2fs highlighted %q, want %q", mid, got, text)
			}
			// And the word, where the engine gave word timings.
			for _, w := range s.Words[min(1, len(s.Words)):] {
				word := blockText(art, s.Block)[w.Span[0]:w.Span[1]]
				eval[chromedp.Void](t, b, jsAudio+`.currentTime = `+ftoa(float64(w.Ms[0]+w.Ms[1])/2000))
				js := `(() => { const h = CSS.highlights.get('aloud-word'); return h && [...h][0].toString() })()`
				if !eval[bool](t, b, `new Promise(r => setTimeout(() => r(`+js+` == `+jsString(word)+`), 300))`) {
					t.Errorf("word at %.2fs: highlighted %s, want %q (player: %s)", float64(w.Ms[0]+w.Ms[1])/2000,
						eval[string](t, b, `String(`+js+`)`), word, eval[string](t, b, `(() => { const p = `+jsPlayer+`, s = p.sents[p.cur], i = p.el[p.cur]; let err = ""; try { p.word(p.cur, p.audio.currentTime*1000) } catch (e) { err = String(e) } return JSON.stringify({cur: p.cur, t: p.audio.currentTime, words: s && s.words.slice(0, 3), el: !!i, lead: i && i.lead, err, size: CSS.highlights.size}) })()`))
				}
				break
			}
		}
		// Clicking a sentence plays from there.
		last := len(tl.Sentences) - 1
		for tl.Sentences[last].Part != "block" {
			last--
		}
		eval[chromedp.Void](t, b, `document.querySelector('.aloud-s[data-s="`+itoa(playerIndex(tl, last))+`"]').click()`)
		b.poll(t, "playing from the clicked sentence", `!`+jsAudio+`.paused && `+jsAudio+`.currentTime >= `+ftoa(float64(tl.Sentences[last].Ms[0])/1000-0.01))
		eval[chromedp.Void](t, b, jsAudio+`.pause()`)
	})

	t.Run("position remembered, listening counted", func(t *testing.T) {
		load(t)
		eval[chromedp.Void](t, b, jsAudio+`.currentTime = 12.3; `+jsAudio+`.play()`)
		b.poll(t, "playing", `!`+jsAudio+`.paused`)
		eval[chromedp.Void](t, b, jsAudio+`.pause()`)
		load(t) // the previous page's pagehide sends its "leave" beacon
		if ct := eval[float64](t, b, jsAudio+`.currentTime`); ct < 11 || ct > 14 {
			t.Errorf("after reload: currentTime %.2f, want about 12", ct)
		}
		var st struct {
			Plays        int64
			SpeedChanges int64 `json:"speed_changes"`
			Sessions     int64
			Milestones   map[string]int64
		}
		code, body := srv.do("GET", "/api/v1/articles/"+id+"/stats", "")
		if code != 200 || json.Unmarshal(body, &st) != nil || st.Plays < 2 || st.SpeedChanges < 1 || st.Sessions < 1 || st.Milestones["25"] < 1 {
			t.Errorf("stats after playing: %d %s", code, body)
		}
	})

	t.Run("feedback through the form, found through the API", func(t *testing.T) {
		load(t)
		eval[chromedp.Void](t, b, jsAudio+`.currentTime = `+ftoa(float64(firstOfBlock(tl, 1))/1000+0.2))
		eval[chromedp.Void](t, b, `document.querySelector('[data-aloud-feedback]').click()`)
		b.poll(t, "the form", `!`+jsRoot+`.querySelector('form').hidden`)
		eval[chromedp.Void](t, b, `(() => { const f = `+jsRoot+`.querySelector('form'); f.querySelector('input[value=pronunciation]').checked = true;
			f.note.value = '`+strings.ReplaceAll(hostile, `"`, `\"`)+` Москва'; f.querySelector('.send').click(); })()`)
		b.poll(t, "the thank-you", jsRoot+`.querySelector('.msg').textContent.startsWith('Thank you')`)
		code, body := srv.do("GET", "/api/v1/feedback?article="+id, "")
		var out struct {
			Feedback []struct {
				Kind, Note, Sentence string
				AtMs                 int64 `json:"at_ms"`
			}
		}
		if code != 200 || json.Unmarshal(body, &out) != nil || len(out.Feedback) != 1 {
			t.Fatalf("feedback list: %d %s", code, body)
		}
		f := out.Feedback[0]
		if f.Kind != "pronunciation" || f.Note != hostile+" Москва" || f.AtMs < firstOfBlock(tl, 1) || !strings.HasPrefix(f.Sentence, "Emoji 🙂") {
			t.Errorf("stored feedback %+v", f)
		}
	})

	t.Run("keyboard only", func(t *testing.T) {
		load(t)
		tabTo := func(want string) {
			t.Helper()
			for i := 0; i < 25; i++ {
				b.do(t, chromedp.KeyEvent(kb.Tab))
				if strings.Contains(eval[string](t, b, jsFocus), want) {
					return
				}
			}
			t.Fatalf("Tab never reached %q (focus: %s)", want, eval[string](t, b, jsFocus))
		}
		tabTo("Listen to article")
		b.do(t, chromedp.KeyEvent(kb.Enter))
		b.poll(t, "playing after Enter", `!`+jsAudio+`.paused && `+jsAudio+`.currentTime > 0.2`)
		// The announcement follows the audio's play event, which may reach
		// the page a moment after the media clock has started.
		b.poll(t, "live region says Playing", jsRoot+`.querySelector('.live').textContent === "Playing"`)
		tabTo("Forward 15 seconds")
		before := eval[float64](t, b, jsAudio+`.currentTime`)
		b.do(t, chromedp.KeyEvent(" "))
		if after := eval[float64](t, b, jsAudio+`.currentTime`); after < before+10 && after < float64(tl.DurationMs)/1000-1 {
			t.Errorf("Space on +15: %.2f → %.2f", before, after)
		}
		tabTo("play|")
		b.do(t, chromedp.KeyEvent(" "))
		b.poll(t, "paused after Space", jsAudio+`.paused`)
		tabTo("Send feedback")
		b.do(t, chromedp.KeyEvent(kb.Enter))
		b.poll(t, "focus in the form", `(`+jsFocus+`).startsWith('INPUT')`)
		b.do(t, chromedp.KeyEvent(" ")) // check the focused radio
		tabTo("TEXTAREA")
		b.do(t, chromedp.KeyEvent("Only keys."))
		tabTo("send|")
		b.do(t, chromedp.KeyEvent(kb.Enter))
		b.poll(t, "the thank-you", jsRoot+`.querySelector('.msg').textContent.startsWith('Thank you')`)
		if !eval[bool](t, b, `(() => { const s = `+jsRoot+`.querySelector('.play'); s.focus(); return getComputedStyle(s).outlineStyle !== 'none' })()`) {
			t.Error("focused play button has no visible outline")
		}
	})

	t.Run("media session", func(t *testing.T) { testMediaSession(t, b, load, art["title"].(string), tl) })
	t.Run("200% zoom", func(t *testing.T) { testZoom200(t, b, load, shots) })

	axe, err := os.ReadFile(filepath.Join(testenv.RepoRoot(), "internal", "web", "testdata", "axe", "axe.min.js"))
	if err != nil {
		testenv.Missing(t, "axe-core not fetched (make axe): "+err.Error())
	}
	for _, view := range []struct {
		name string
		w, h int64
		dark bool
	}{{"desktop", 1280, 900, false}, {"320px", 320, 800, false}, {"dark", 1280, 900, true}} {
		t.Run("axe and screenshot "+view.name, func(t *testing.T) {
			b.do(t, chromedp.EmulateViewport(view.w, view.h), darkMode(view.dark))
			load(t)
			b.poll(t, "read-along spans", `document.querySelector('.aloud-s')`)
			eval[chromedp.Void](t, b, jsAudio+`.currentTime = `+ftoa(float64(firstOfBlock(tl, 1))/1000+0.3))
			b.poll(t, "a highlight", `document.querySelector('.aloud-on')`)
			eval[chromedp.Void](t, b, string(axe))
			res := eval[[]map[string]any](t, b, `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
				.then(r => r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})))`)
			for _, v := range res {
				t.Errorf("axe %s (%v): %v", v["id"], v["impact"], v["nodes"])
			}
			if view.w == 320 {
				if sw := eval[int](t, b, `document.documentElement.scrollWidth`); sw > 320 {
					wide := eval[[]string](t, b, `[...document.querySelectorAll('*'), ...`+jsRoot+`.querySelectorAll('*')]
						.filter(e => e.getBoundingClientRect().right > innerWidth + 0.5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`)
					t.Errorf("page scrolls sideways at 320 px: scrollWidth %d; too wide: %v", sw, wide)
				}
			}
			shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(shots, "article-"+view.name+".png"), shot, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
	b.do(t, chromedp.EmulateViewport(1280, 900), darkMode(false))

	t.Run("embedded on a publisher's origin", func(t *testing.T) {
		// Block 1 again, as a publisher marks it up: inline elements split
		// the text, and the sentence spans must still land on the words.
		pub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, `<!doctype html><html lang="en"><head><title>Publisher</title><link rel="icon" href="data:,">
<script src="`+srv.base+`/player.js" defer></script></head><body><main><h1>Publisher page</h1>
<aloud-player article="`+id+`"></aloud-player>
<p data-aloud-block="1">
  <em>Emoji 🙂</em> and 👍🏽 <a href="#x">appear</a> here. Москва and Αθήνα are far apart. The third sentence is plain.</p>
</main></body></html>`)
		}))
		defer pub.Close()
		b.do(t, chromedp.Navigate(pub.URL))
		b.poll(t, "the embedded player", jsRoot+` && `+jsRoot+`.querySelector('.play') && `+jsAudio+`.readyState >= 1`)
		if !eval[bool](t, b, jsRoot+`.querySelector('.disc') && !`+jsRoot+`.querySelector('.disc').hidden && `+
			jsRoot+`.querySelector('.dt').textContent === 'This audio version was artificially generated.'`) {
			t.Error("embedded player shows no disclosure")
		}
		b.poll(t, "read-along spans", `document.querySelector('.aloud-s')`)
		for i, s := range tl.Sentences {
			if s.Part != "block" || s.Block != 1 {
				continue
			}
			text := blockText(art, 1)[s.Span[0]:s.Span[1]]
			eval[chromedp.Void](t, b, jsAudio+`.currentTime = `+ftoa(float64(s.Ms[0]+s.Ms[1])/2000))
			b.poll(t, "highlight of sentence "+itoa(i), `[...document.querySelectorAll('.aloud-on')].map(e => e.textContent).join('') == `+jsString(text))
		}
		// Feedback from the publisher's origin (CORS preflight and POST).
		eval[chromedp.Void](t, b, jsRoot+`.querySelector('.fbo').click()`)
		eval[chromedp.Void](t, b, `(() => { const f = `+jsRoot+`.querySelector('form'); f.querySelector('input[value=audio]').checked = true;
			f.note.value = 'from the publisher page'; f.querySelector('.send').click(); })()`)
		b.poll(t, "the thank-you", jsRoot+`.querySelector('.msg').textContent.startsWith('Thank you')`)
		eval[chromedp.Void](t, b, jsRoot+`.querySelector('.play').click()`)
		b.poll(t, "playing on the publisher's page", jsAudio+`.currentTime > 0.3 && !`+jsAudio+`.paused`)
		eval[chromedp.Void](t, b, jsAudio+`.pause()`)
	})

	t.Run("unknown article is a 404 page", func(t *testing.T) {
		resp, err := http.Get(srv.base + "/a/art_doesnotexist")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 404 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("unknown article: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	})

	time.Sleep(300 * time.Millisecond) // late console messages
	for _, e := range b.consoleErrors() {
		t.Errorf("console: %s", e)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// startOf is where the article's own text starts (after a disclosure the
// publication speaks first).
func startOf(tl timeline) int64 {
	for _, s := range tl.Sentences {
		if s.Part != "disclosure" {
			return s.Ms[0]
		}
	}
	return -1
}

// playerIndex is the player's number for timeline sentence i: the player
// counts only the article's sentences, not the spoken disclosure.
func playerIndex(tl timeline, i int) int {
	n := 0
	for _, s := range tl.Sentences[:i] {
		if s.Part != "disclosure" {
			n++
		}
	}
	return n
}

func firstOfBlock(tl timeline, block int) int64 {
	for _, s := range tl.Sentences {
		if s.Part == "block" && s.Block == block {
			return s.Ms[0]
		}
	}
	return -1
}

func blockText(art map[string]any, i int) string {
	return art["blocks"].([]map[string]string)[i]["text"]
}
