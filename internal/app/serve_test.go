package app

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"aloud/internal/dbtest"
	"aloud/internal/testenv"
)

func testEnv(vars map[string]string) (Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return vars[k] }}, &out, &errb
}

func TestKeysCreatePrintsOnlyTheKey(t *testing.T) {
	t.Parallel()
	dbtest.Each(t, func(t *testing.T, url string) {
		env, out, _ := testEnv(nil)
		data := t.TempDir()
		for i := range 2 { // the second run finds the database and publication
			out.Reset()
			if err := Run(context.Background(), []string{"keys", "create", "--data", data, "--database", url, "--publication", "daily"}, env); err != nil {
				t.Fatalf("run %d: %v", i, err)
			}
			key := strings.TrimSuffix(out.String(), "\n")
			if !strings.HasPrefix(key, "aloud_") || len(key) < 40 || strings.ContainsAny(key, " \n") {
				t.Fatalf("run %d printed %q, want only a key", i, out.String())
			}
		}
	})
}

func TestKeysCreateUsage(t *testing.T) {
	t.Parallel()
	env, _, _ := testEnv(nil)
	for _, args := range [][]string{{"keys"}, {"keys", "create"}, {"keys", "delete", "--publication", "x"}} {
		if err := Run(context.Background(), args, env); ExitCode(err) != 2 {
			t.Errorf("%v: got %v (exit %d), want a usage error", args, err, ExitCode(err))
		}
	}
}

func TestServeValidatesConfig(t *testing.T) {
	t.Parallel()
	env, _, _ := testEnv(map[string]string{"ALOUD_CONCURRENCY": "0x"})
	err := Run(context.Background(), []string{"serve"}, env)
	if ExitCode(err) != 2 || !strings.Contains(err.Error(), "ALOUD_CONCURRENCY") {
		t.Fatalf("got %v, want a usage error naming ALOUD_CONCURRENCY", err)
	}
	env, _, _ = testEnv(nil)
	err = Run(context.Background(), []string{"serve", "--addr", "nowhere"}, env)
	if ExitCode(err) != 2 || !strings.Contains(err.Error(), "ALOUD_ADDR") {
		t.Fatalf("got %v, want a usage error naming ALOUD_ADDR", err)
	}
}

// serve answers, then shuts down cleanly when its context ends.
func TestServeStartsAndShutsDown(t *testing.T) {
	t.Parallel()
	testenv.Binary(t, "ffmpeg") // the pipeline is built at start
	testenv.Binary(t, "espeak-ng")
	dbtest.Each(t, func(t *testing.T, url string) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		env, _, logs := testEnv(nil)
		data := t.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- Run(ctx, []string{"serve", "--addr", addr, "--data", data, "--database", url,
				"--shutdown-timeout", "3s", "--fetch-poll", "100ms"}, env)
		}()
		deadline := time.Now().Add(30 * time.Second)
		for {
			resp, err := http.Get("http://" + addr + "/healthz")
			if err == nil {
				var body map[string]string
				json.NewDecoder(resp.Body).Decode(&body)
				resp.Body.Close()
				if body["status"] != "ok" {
					t.Fatalf("healthz: %v", body)
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("serve never answered: %v", err)
			}
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("serve returned %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not shut down")
		}
		if !strings.Contains(logs.String(), "msg=stopped") {
			t.Fatalf("no clean stop in the log:\n%s", logs)
		}
	})
}
