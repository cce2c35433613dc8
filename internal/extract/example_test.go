package extract_test

import (
	"fmt"

	"aloud/internal/extract"
)

func ExampleExtract() {
	page := `<html lang="en"><head><title>Ferry saved | Courier</title></head><body>
<nav><a href="/">Home</a></nav>
<article>
  <p class="kicker">After a long night</p>
  <h1>Ferry saved</h1>
  <p>Listen to article</p>
  <p>The council voted to keep the island ferry running for five more years.</p>
  <p>Advertisement</p>
  <p>Residents cheered in the packed hall when the result was read out.</p>
  <div class="share"><a href="#">Share on Facebook</a></div>
</article></body></html>`
	a, err := extract.Extract([]byte(page), "https://courier.example/ferry", "", extract.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s | %s | %s\n\n%s\n", a.Kicker, a.Title, a.Language, a.BodyText())
	// Output:
	// After a long night | Ferry saved | en
	//
	// The council voted to keep the island ferry running for five more years.
	//
	// Residents cheered in the packed hall when the result was read out.
}
