package script_test

import (
	"fmt"

	"aloud/internal/script"
)

func ExampleSplit() {
	text := "Dr. Müller met U.S. officials on Nov. 5. “It went well,” she said. Talks go on…"
	for _, sp := range script.Split(text, "en") {
		fmt.Printf("%v %s\n", sp, text[sp[0]:sp[1]])
	}
	// Output:
	// [0 41] Dr. Müller met U.S. officials on Nov. 5.
	// [42 71] “It went well,” she said.
	// [72 86] Talks go on…
}

func ExampleUTF16Offsets() {
	text := "Ünïcödé 😀 text"
	// Byte offsets 0, 16 (start of " text") and the end, as JavaScript counts them.
	fmt.Println(script.UTF16Offsets(text, 0, 16, len(text)))
	// Output: [0 10 15]
}
