//go:build e2e

package web_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// testZoom200 is a 1280×900 window at 200% browser zoom: browser zoom
// shrinks the CSS viewport to 640×450 and doubles devicePixelRatio, which
// is what the emulation sets (WCAG 1.4.4). The 320 px reflow case (1.4.10,
// 1280 px at 400%) is the "320px" view of the axe loop. Here the page must
// not scroll sideways, and the play control must be on screen, not covered,
// and start playback when a real mouse click lands on it.
func testZoom200(t *testing.T, b *browser, load func(*testing.T), shots string) {
	b.do(t, chromedp.EmulateViewport(640, 450, chromedp.EmulateScale(2)))
	defer b.do(t, chromedp.EmulateViewport(1280, 900))
	load(t)
	if dpr, w := eval[float64](t, b, `devicePixelRatio`), eval[int](t, b, `innerWidth`); dpr != 2 || w != 640 {
		t.Fatalf("emulation: devicePixelRatio %v, innerWidth %d; want 2, 640", dpr, w)
	}
	if sw := eval[int](t, b, `document.documentElement.scrollWidth`); sw > 640 {
		wide := eval[[]string](t, b, `[...document.querySelectorAll('*'), ...`+jsRoot+`.querySelectorAll('*')]
			.filter(e => e.getBoundingClientRect().right > innerWidth + 0.5).map(e => e.tagName + '.' + e.className)`)
		t.Errorf("page scrolls sideways at 200%% zoom: scrollWidth %d > 640; too wide: %v", sw, wide)
	}
	// Every visible player control lies inside the viewport's width.
	out := eval[[]string](t, b, `[...`+jsRoot+`.querySelectorAll('button, input, select, a')]
		.filter(e => e.offsetParent !== null && !e.closest('[hidden]'))
		.filter(e => { const r = e.getBoundingClientRect(); return r.left < -0.5 || r.right > innerWidth + 0.5 || r.width < 1 })
		.map(e => e.className || e.tagName)`)
	if len(out) > 0 {
		t.Errorf("player controls cut off at 200%% zoom: %v", out)
	}
	// The play control: scrolled into view, the topmost element at its
	// centre, and a real click there plays.
	c := eval[[]float64](t, b, `(() => { const p = `+jsRoot+`.querySelector('.play'); p.scrollIntoView({block: 'center'});
		const r = p.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
		const hit = `+jsRoot+`.elementFromPoint(x, y);
		return [x, y, r.width, r.height, hit && (hit === p || p.contains(hit)) ? 1 : 0] })()`)
	if c[2] < 24 || c[3] < 24 {
		t.Errorf("play control is %.0f×%.0f CSS px at 200%% zoom, want at least 24×24", c[2], c[3])
	}
	if c[4] != 1 || c[0] < 0 || c[0] > 640 || c[1] < 0 || c[1] > 450 {
		t.Fatalf("play control not visible at (%.0f, %.0f) or covered by another element", c[0], c[1])
	}
	b.do(t, chromedp.MouseClickXY(math.Round(c[0]), math.Round(c[1])))
	b.poll(t, "playing after a click at 200% zoom", `!`+jsAudio+`.paused && `+jsAudio+`.currentTime > 0.2`)
	eval[chromedp.Void](t, b, `window.scrollTo(0, 0)`)
	shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(shots, "article-zoom200.png"), shot, 0o644); err != nil {
		t.Fatal(err)
	}
	eval[chromedp.Void](t, b, jsAudio+`.pause()`)
}

// spyMediaSession records, before any page script runs, the handlers the
// page registers with navigator.mediaSession (the real API still gets
// them). The browser offers no other way to call them: headless Chromium
// has no lock screen or headset keys.
const spyMediaSession = `(() => {
	const ms = navigator.mediaSession; if (!ms) return;
	const set = ms.setActionHandler.bind(ms);
	window.__msHandlers = {};
	ms.setActionHandler = (k, h) => { window.__msHandlers[k] = h; return set(k, h); };
})()`

// testMediaSession checks the metadata after play and that every action
// handler does what its key says.
func testMediaSession(t *testing.T, b *browser, load func(*testing.T), title string, tl timeline) {
	var id page.ScriptIdentifier
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		r, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: spyMediaSession})
		id = r.Identifier
		return err
	}))
	defer b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: id})
		return err
	}))
	load(t)
	eval[chromedp.Void](t, b, jsRoot+`.querySelector('.play').click()`)
	b.poll(t, "playing", `!`+jsAudio+`.paused && `+jsAudio+`.currentTime > 0.3`)
	if got := eval[string](t, b, `String(navigator.mediaSession.metadata && navigator.mediaSession.metadata.title)`); got != title {
		t.Errorf("mediaSession.metadata.title = %q, want the headline %q", got, title)
	}
	art := eval[[]string](t, b, `[...navigator.mediaSession.metadata.artwork].map(a => a.src)`)
	if len(art) == 0 || eval[int](t, b, `fetch(`+jsString(art[0])+`).then(r => r.status)`) != 200 {
		t.Errorf("mediaSession artwork %v does not load", art)
	}
	have := eval[[]string](t, b, `Object.keys(window.__msHandlers || {}).filter(k => typeof __msHandlers[k] === 'function')`)
	for _, k := range []string{"play", "pause", "seekbackward", "seekforward", "seekto", "previoustrack", "nexttrack"} {
		if !contains(have, k) {
			t.Errorf("no Media Session handler for %q (registered: %v)", k, have)
		}
	}
	call := func(k, arg string) { eval[chromedp.Void](t, b, `__msHandlers[`+jsString(k)+`](`+arg+`)`) }
	now := func() float64 { return eval[float64](t, b, jsAudio+`.currentTime`) }

	call("pause", "{action: 'pause'}")
	b.poll(t, "paused by the pause action", jsAudio+`.paused`)
	dur := eval[float64](t, b, jsAudio+`.duration`)
	mid := math.Round(dur / 2)
	call("seekto", "{action: 'seekto', seekTime: "+ftoa(mid)+"}")
	if ct := now(); math.Abs(ct-mid) > 0.05 {
		t.Errorf("seekto %.0f: currentTime %.2f", mid, ct)
	}
	call("seekforward", "{action: 'seekforward'}")
	if ct, want := now(), math.Min(mid+15, dur); math.Abs(ct-want) > 0.05 {
		t.Errorf("seekforward from %.0f: currentTime %.2f, want %.2f", mid, ct, want)
	}
	eval[chromedp.Void](t, b, jsAudio+`.currentTime = `+ftoa(mid))
	call("seekbackward", "{action: 'seekbackward'}")
	if ct, want := now(), math.Max(mid-15, 0); math.Abs(ct-want) > 0.05 {
		t.Errorf("seekbackward from %.0f: currentTime %.2f, want %.2f", mid, ct, want)
	}
	eval[chromedp.Void](t, b, jsAudio+`.currentTime = `+ftoa(float64(startOf(tl))/1000+0.2))
	call("nexttrack", "{action: 'nexttrack'}")
	want := float64(firstOfBlock(tl, 0)) / 1000
	if ct := now(); math.Abs(ct-want) > 0.05 {
		t.Errorf("nexttrack: currentTime %.3f, want %.3f (block 0)", ct, want)
	}
	eval[chromedp.Void](t, b, jsAudio+`.currentTime = `+ftoa(float64(firstOfBlock(tl, 1))/1000+2))
	call("previoustrack", "{action: 'previoustrack'}")
	want = float64(firstOfBlock(tl, 1)) / 1000
	if ct := now(); math.Abs(ct-want) > 0.05 {
		t.Errorf("previoustrack: currentTime %.3f, want %.3f (start of block 1)", ct, want)
	}
	call("play", "{action: 'play'}")
	b.poll(t, "playing after the play action", `!`+jsAudio+`.paused`)
	eval[chromedp.Void](t, b, jsAudio+`.pause()`)
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
