package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// usage is one run of a command: wall and CPU time, and peak memory.
type usage struct {
	wall, cpu time.Duration
	// self is the peak RSS (VmHWM) of the process itself; kids the
	// largest VmHWM of any one of its descendants (engine helpers,
	// ffmpeg), kidsSum the largest total RSS of the descendants alive at
	// one time; tree is wait4's ru_maxrss, the largest of the process and
	// every descendant it waited for (a cross-check of the other two).
	self, kids, kidsSum, tree int64 // bytes
}

// pollEvery is how often /proc is read while a command runs. VmHWM is a
// high-water mark kept by the kernel, so polling misses nothing of a
// process that is still alive at the next poll; a descendant that lives
// less than one interval may go unseen (its peak still shows in tree).
const pollEvery = 20 * time.Millisecond

// runMeasured runs argv and samples the memory of it and its descendants
// from /proc until it exits.
func runMeasured(argv []string) (usage, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return usage{}, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var u usage
	hwm := map[int]int64{} // descendant pid → its VmHWM
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	pid := cmd.Process.Pid
	for {
		select {
		case err := <-done:
			u.wall = time.Since(start)
			if err != nil {
				return usage{}, fmt.Errorf("%s: %w: %s", strings.Join(argv, " "), err, stderr.String())
			}
			st := cmd.ProcessState
			u.cpu = st.UserTime() + st.SystemTime()
			if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
				u.tree = ru.Maxrss * 1024
			}
			for _, v := range hwm {
				u.kids = max(u.kids, v)
			}
			return u, nil
		case <-tick.C:
			if v, ok := statusKB(pid, "VmHWM"); ok {
				u.self = max(u.self, v)
			}
			var sum int64
			for _, k := range descendants(pid) {
				if v, ok := statusKB(k, "VmHWM"); ok {
					hwm[k] = max(hwm[k], v)
				}
				if v, ok := statusKB(k, "VmRSS"); ok {
					sum += v
				}
			}
			u.kidsSum = max(u.kidsSum, sum)
		}
	}
}

// statusKB reads a "Key: N kB" line of /proc/PID/status, in bytes.
func statusKB(pid int, key string) (int64, bool) {
	f, err := os.Open(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, key+":"); ok {
			n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n * 1024, err == nil
		}
	}
	return 0, false
}

// descendants lists the live descendants of pid from
// /proc/PID/task/TID/children.
func descendants(pid int) []int {
	var out []int
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		tasks, _ := os.ReadDir(filepath.Join("/proc", strconv.Itoa(p), "task"))
		for _, t := range tasks {
			b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(p), "task", t.Name(), "children"))
			if err != nil {
				continue
			}
			for _, f := range strings.Fields(string(b)) {
				if c, err := strconv.Atoi(f); err == nil {
					out = append(out, c)
					queue = append(queue, c)
				}
			}
		}
	}
	return out
}
