package tnbench

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A miniature benchmark folder in every format the README describes.
func writeFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"en/test_cases_cardinal.txt":             "1~one\n2~two\n~\n",
		"en/test_cases_word.txt":                 "x ~x\n",
		"en/test_cases_normalize_with_audio.txt": "~$1\none dollar\na dollar\n~~1/2\none half\n",
		"en/eval-sets/GoogleTN.json":             `{"text": "3 cats .", "gt_normalized": "three cats ."}` + "\n",
		"en/eval-sets/LibriTTS.json":             `{"text": "UN", "gt_normalized": "U N", "duration": 1.0}` + "\n",
		"en/eval-sets/EngConf.txt":               "# header\n1 cat~~RAW\none cat~~1\nfirst cat~~0\n\n2 dogs~~RAW\ntwo dogs~~1\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRunScoresEveryFormat(t *testing.T) {
	dir := writeFixture(t)
	// A normalizer that only knows "1", "$1" and "3".
	f := func(s string) string {
		return strings.NewReplacer("$1", "one dollar", "1", "one", "3", "three").Replace(s)
	}
	rep, err := Run(dir, f)
	if err != nil {
		t.Fatal(err)
	}
	if rep.PerClass.Total != 4 || rep.PerClass.Right != 3 {
		t.Errorf("per-class %d/%d, want 3/4 (2 is missed)", rep.PerClass.Right, rep.PerClass.Total)
	}
	if rep.WithAudio.Total != 2 || rep.WithAudio.Right != 1 {
		t.Errorf("audio %d/%d, want 1/2", rep.WithAudio.Right, rep.WithAudio.Total)
	}
	if rep.GoogleTN.Right != 1 || rep.LibriTTS.Right != 1 {
		t.Errorf("google %d, libri %d, want 1 and 1", rep.GoogleTN.Right, rep.LibriTTS.Right)
	}
	if rep.EngConf.Total != 2 || rep.EngConf.Right != 1 {
		t.Errorf("EngConf %d/%d, want 1/2", rep.EngConf.Right, rep.EngConf.Total)
	}
	if got := rep.Identities["GoogleTN.json"]; got != 0 {
		t.Errorf("identity on GoogleTN = %v, want 0", got)
	}
	var b strings.Builder
	rep.Print(&b, 5)
	if !strings.Contains(b.String(), "want: two") {
		t.Errorf("printed report lacks the failure:\n%s", b.String())
	}
}

func TestRunMissingDir(t *testing.T) {
	if _, err := Run(filepath.Join(t.TempDir(), "none"), func(s string) string { return s }); err == nil {
		t.Fatal("want an error for a missing folder")
	}
}
