package proc_test

import (
	"context"
	"fmt"
	"strings"

	"aloud/internal/proc"
)

func ExampleRunner_Output() {
	r := proc.New(4)
	out, err := r.Output(context.Background(), proc.Cmd{
		Path:  "/bin/cat",
		Stdin: strings.NewReader("spoken words"),
	}, 1<<10)
	fmt.Println(string(out), err)
	// Output: spoken words <nil>
}
