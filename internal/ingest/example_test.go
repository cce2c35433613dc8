package ingest_test

import (
	"fmt"

	"aloud/internal/ingest"
)

func ExampleReadText() {
	page := "Harbour: Ferry terminal approved\n\nHarbour\nFerry terminal approved\n\n" +
		"Listen to article\n\nThe council voted for the terminal.\n\nWhat comes next\n\n" +
		"Work starts in spring.\n\nsource site-7\n"
	a, err := ingest.ReadText([]byte(page), ingest.TextOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q %q %q %s\n", a.Kicker, a.Title, a.Source, a.Language)
	for _, b := range a.Blocks {
		fmt.Printf("%s: %s\n", b.Type, b.Text)
	}
	// Output:
	// "Harbour" "Ferry terminal approved" "site-7" en
	// paragraph: The council voted for the terminal.
	// heading: What comes next
	// paragraph: Work starts in spring.
}
