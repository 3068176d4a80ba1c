package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progressEvery is how often load reports its progress when standard
// error is not a terminal.
const progressEvery = 5 * time.Second

// newProgress returns a loaders.World.Progress that shows how many
// documents have been read: on a terminal a bar redrawn in place, ended by
// a newline when all are read; elsewhere (a log, CI) a line when at least
// every has passed since the start or the last line, and none for a load
// quicker than that.
func newProgress(w io.Writer, tty bool, every time.Duration, now func() time.Time) func(done, total int) {
	last := now()
	ended := false
	return func(done, total int) {
		if total == 0 || ended {
			return
		}
		if tty {
			const width = 30
			full := width * done / total
			fmt.Fprintf(w, "\rreading documents [%s%s] %d/%d", strings.Repeat("#", full), strings.Repeat(" ", width-full), done, total)
			if done == total {
				fmt.Fprintln(w)
				ended = true
			}
			return
		}
		if t := now(); t.Sub(last) >= every {
			last = t
			fmt.Fprintf(w, "read %d of %d documents\n", done, total)
		}
	}
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
