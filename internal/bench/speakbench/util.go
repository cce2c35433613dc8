package main

import (
	"encoding/json"
	"runtime"
)

func jsonString(js []byte, key string) string {
	var m map[string]any
	if json.Unmarshal(js, &m) != nil {
		return ""
	}
	s, _ := m[key].(string)
	return s
}

func cpus() int { return runtime.NumCPU() }
