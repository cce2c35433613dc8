package config

import (
	"strings"
	"testing"
	"time"
)

func TestLoadEngines(t *testing.T) {
	vars := map[string]string{
		"ALOUD_TTS_HTTP_URL":     "http://127.0.0.1:8880/v1",
		"ALOUD_TTS_HTTP_MODEL":   "kokoro",
		"ALOUD_TTS_HTTP_VOICES":  "af_heart, bm_george",
		"ALOUD_TTS_HTTP_TIMEOUT": "20s",
		"ALOUD_PIPER_MODELS":     "/m/a.onnx,/m/b.onnx",
	}
	c, err := Resolve(func(k string) string { return vars[k] }, nil)
	e := c.Engines
	if err != nil {
		t.Fatal(err)
	}
	if e.HTTPModel != "kokoro" || len(e.HTTPVoices) != 2 || e.HTTPVoices[1] != "bm_george" || e.HTTPTimeout != 20*time.Second || len(e.PiperModels) != 2 {
		t.Errorf("got %+v", e)
	}
	if c, err := Resolve(func(string) string { return "" }, nil); err != nil || c.Engines.HTTPURL != "" {
		t.Errorf("empty environment: got %+v, %v", c.Engines, err)
	}
}

func TestLoadEnginesRefuses(t *testing.T) {
	for _, tc := range []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{"ALOUD_TTS_HTTP_URL": "ftp://x", "ALOUD_TTS_HTTP_MODEL": "m", "ALOUD_TTS_HTTP_VOICES": "v"}, "ALOUD_TTS_HTTP_URL"},
		{map[string]string{"ALOUD_TTS_HTTP_URL": "http://u:secret@x"}, "ALOUD_TTS_HTTP_URL"},
		{map[string]string{"ALOUD_TTS_HTTP_URL": "http://x", "ALOUD_TTS_HTTP_VOICES": "v"}, "ALOUD_TTS_HTTP_MODEL"},
		{map[string]string{"ALOUD_TTS_HTTP_URL": "http://x", "ALOUD_TTS_HTTP_MODEL": "m"}, "ALOUD_TTS_HTTP_VOICES"},
		{map[string]string{"ALOUD_TTS_HTTP_TIMEOUT": "soon"}, "ALOUD_TTS_HTTP_TIMEOUT"},
		{map[string]string{"ALOUD_TTS_HTTP_RETRIES": "99"}, "ALOUD_TTS_HTTP_RETRIES"},
	} {
		_, err := Resolve(func(k string) string { return tc.vars[k] }, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: got %v, want an error naming %s", tc.vars, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("error shows the password: %v", err)
		}
	}
}
