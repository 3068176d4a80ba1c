package main

import (
	"strings"
	"testing"
	"time"
)

// TestProgress: on a terminal a bar redrawn in place and ended once; in a
// log a line only when the interval has passed, none for a quick load.
func TestProgress(t *testing.T) {
	var tty strings.Builder
	clock := time.Unix(0, 0)
	now := func() time.Time { return clock }
	p := newProgress(&tty, true, 5*time.Second, now)
	for i := 1; i <= 4; i++ {
		p(i, 4)
	}
	p(4, 4) // the final call after the graph is built
	if got := tty.String(); strings.Count(got, "\r") != 4 || !strings.HasSuffix(got, "4/4\n") || strings.Count(got, "\n") != 1 {
		t.Errorf("terminal output = %q", got)
	}

	var log strings.Builder
	p = newProgress(&log, false, 5*time.Second, now)
	p(1, 515)
	clock = clock.Add(6 * time.Second)
	p(200, 515)
	clock = clock.Add(time.Second)
	p(300, 515)
	clock = clock.Add(5 * time.Second)
	p(515, 515)
	if got, want := log.String(), "read 200 of 515 documents\nread 515 of 515 documents\n"; got != want {
		t.Errorf("log output = %q, want %q", got, want)
	}

	var quick strings.Builder
	p = newProgress(&quick, false, 5*time.Second, func() time.Time { return time.Unix(0, 0) })
	p(1, 2)
	p(2, 2)
	if quick.Len() != 0 {
		t.Errorf("a quick load printed %q", quick.String())
	}
}
