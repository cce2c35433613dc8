package api

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// Every route in routes.go is described in openapi.json, so the document
// cannot drift from the server.
func TestEveryRouteIsDocumented(t *testing.T) {
	src, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	routes := regexp.MustCompile(`"(GET|POST|PUT|DELETE) (/[^"]*)"`).FindAllStringSubmatch(string(src), -1)
	if len(routes) < 10 {
		t.Fatalf("found only %d routes in routes.go", len(routes))
	}
	for _, m := range routes {
		method, path := strings.ToLower(m[1]), m[2]
		if _, ok := doc.Paths[path][method]; !ok {
			t.Errorf("%s %s is routed but not in openapi.json", m[1], path)
		}
	}
}
