package extract

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"aloud/internal/article"
)

// maxBadInput is how much CPU time any of these pages may take (the
// race detector multiplies it). The real cost is below a second; the bound
// only catches a quadratic or runaway pass. CPU time rather than wall time,
// so that a busy machine cannot fail the test.
const maxBadInput = 10 * time.Second

func timedExtract(t *testing.T, page string) (article.Article, error) {
	t.Helper()
	start := processCPU()
	a, err := Extract([]byte(page), "", "", Options{})
	if d, limit := processCPU()-start, maxBadInput*raceSlowdown; d > limit {
		t.Errorf("took %v of CPU, want at most %v", d, limit)
	}
	return a, err
}

// processCPU is the user+system CPU time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestBadPages covers pages that are not articles or are one structure
// blown up: each gets a clear result in bounded time.
func TestBadPages(t *testing.T) {
	t.Run("every block a link list", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("<html><body>")
		for i := 0; i < 200; i++ {
			fmt.Fprintf(&b, `<div class="box"><ul><li><a href="/a%d">Story number %d about the harbour</a></li><li><a href="/b%d">Another story %d</a></li><li><a href="/c%d">More on the ferry %d</a></li></ul></div>`, i, i, i, i, i, i)
		}
		b.WriteString("</body></html>")
		_, err := timedExtract(t, b.String())
		if !errors.Is(err, article.ErrNoText) {
			t.Fatalf("got %v, want ErrNoText: link lists are navigation, not an article", err)
		}
	})
	t.Run("one huge table", func(t *testing.T) {
		var b strings.Builder
		b.WriteString(`<html><body><p>The table below lists every ferry crossing recorded by the harbour office last year, with its times.</p><table>`)
		for i := 0; i < 20000; i++ {
			fmt.Fprintf(&b, "<tr><td>Crossing %d</td><td>Ferry %d</td><td>%d passengers on board</td></tr>", i, i%7, i%300)
		}
		b.WriteString("</table></body></html>")
		a, err := timedExtract(t, b.String())
		if err != nil {
			t.Fatal(err)
		}
		text := a.BodyText()
		if !strings.Contains(text, "The table below lists") || !strings.Contains(text, "Crossing 19999 Ferry 0 199 passengers on board") {
			t.Errorf("want the lead paragraph and the table's rows as lines, got %d bytes starting %.200q", len(text), text)
		}
	})
	t.Run("only a gallery", func(t *testing.T) {
		var b strings.Builder
		b.WriteString(`<html><head><title>Photos of the week</title></head><body><div class="gallery"><ul class="slides">`)
		for i := 1; i <= 50; i++ {
			fmt.Fprintf(&b, `<li><h2><span class="counter">%d/50</span> Slide %d</h2><img src="/p%d.jpg"><p>A caption of slide %d that describes the photograph in a sentence or two, with the names of the people and the places in it.</p><p class="credits">GETTY IMAGES</p></li>`, i, i, i, i)
		}
		b.WriteString("</ul></div></body></html>")
		_, err := timedExtract(t, b.String())
		if !errors.Is(err, article.ErrNoText) {
			t.Fatalf("got %v, want ErrNoText: a gallery's captions are not an article to read", err)
		}
	})
	t.Run("gallery beside a short article", func(t *testing.T) {
		var b strings.Builder
		b.WriteString(`<html><body><div class="text-wrapper">`)
		for i := 0; i < 8; i++ {
			fmt.Fprintf(&b, "<p>Paragraph %d of the article tells the reader what happened at the harbour, who was there and why it matters to the town.</p>", i)
		}
		b.WriteString(`<div class="widget type-gallery"><ul class="legends">`)
		for i := 1; i <= 50; i++ {
			fmt.Fprintf(&b, `<li><h2>Slide %d</h2><p>A caption of slide %d that describes the photograph in a sentence or two, with names and places in it.</p></li>`, i, i)
		}
		b.WriteString("</ul></div></div></body></html>")
		a, err := timedExtract(t, b.String())
		if err != nil {
			t.Fatal(err)
		}
		if text := a.BodyText(); !strings.Contains(text, "Paragraph 7 of the article") || strings.Contains(text, "caption of slide") {
			t.Errorf("want the article without the gallery, got %.300q", text)
		}
	})
	t.Run("5000 math elements", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("<html><body>")
		for i := 0; i < 5000; i++ {
			fmt.Fprintf(&b, `<p>When <math><mi>a</mi><mo>≠</mo><mn>%d</mn></math>, the equation <math display="block"><mi>x</mi><mo>=</mo><mfrac><mi>b</mi><mi>a</mi></mfrac><annotation encoding="application/x-tex">x=\frac{b}{a}</annotation></math> has one solution.</p>`, i)
		}
		b.WriteString("</body></html>")
		a, err := timedExtract(t, b.String())
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Blocks) != 5000 {
			t.Errorf("got %d blocks, want 5000 whole sentences", len(a.Blocks))
		}
		if want := "When a ≠ 4999, the equation has one solution."; len(a.Blocks) > 0 && a.Blocks[len(a.Blocks)-1].Text != want {
			t.Errorf("got %q, want %q", a.Blocks[len(a.Blocks)-1].Text, want)
		}
		if strings.Contains(a.BodyText(), "frac") {
			t.Error("TeX annotations are read")
		}
	})
}
