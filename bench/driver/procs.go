package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// proc is a server the driver started, stopped by its own pid.
type proc struct {
	name string
	cmd  *exec.Cmd // nil for a process started by a script (the peer)
	pid  int
	url  string
	argv string // the command line, for the report
	log  string
	// neo4jURI is the Bolt URI the server was given (--neo4j-uri), if any.
	neo4jURI string
}

// env of the run: where things are and which cores serve and load.
type env struct {
	bin        string // confgraph binary
	self       string // this driver binary
	root       string // repository root
	work       string // scratch directory
	serverCPU  string
	clientCPU  string
	neo4jURI   string
	neo4jPass  string
	neo4jPID   int
	pidFile    string // pids of every process started, for the caller's cleanup
	commands   []string
	procs      []*proc
	peerScript string
}

func (e *env) note(cmd string) { e.commands = append(e.commands, cmd) }

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func (e *env) rememberPID(pid int) {
	f, err := os.OpenFile(e.pidFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintln(f, pid)
}

// shellQuote quotes one argument for the report.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r == ':' || r == '=' || r == ',' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func (e *env) rel(p string) string {
	if r, ok := strings.CutPrefix(p, e.work+"/"); ok && e.work != "" {
		return "$WORK/" + r
	}
	if r, err := filepath.Rel(e.root, p); err == nil && !strings.HasPrefix(r, "../..") {
		return r
	}
	return p
}

func (e *env) argv(args []string) string {
	var q []string
	for _, a := range args {
		q = append(q, shellQuote(e.rel(a)))
	}
	return strings.Join(q, " ")
}

// startConfgraph starts `confgraph serve` pinned to the server core and
// waits until /readyz answers.
func (e *env) startConfgraph(name string, extra ...string) (*proc, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	args := append([]string{"taskset", "-c", e.serverCPU, e.bin, "serve", "--addr", addr}, extra...)
	p, err := e.startServer(name, args, "http://"+addr+"/graphql", "http://"+addr+"/readyz")
	if err != nil {
		return nil, err
	}
	e.note(p.argv)
	return p, nil
}

// startFloorServe starts `driver floor-serve` (the floor over HTTP) pinned
// to the server core, on the Neo4j at neo4jURI, and waits until /readyz
// answers.
func (e *env) startFloorServe(name, neo4jURI string) (*proc, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	args := []string{"taskset", "-c", e.serverCPU, e.self, "floor-serve", "--addr", addr, "--neo4j-uri", neo4jURI}
	p, err := e.startServer(name, args, "http://"+addr+"/cypher", "http://"+addr+"/readyz")
	if err != nil {
		return nil, err
	}
	p.argv = "NEO4J_PASSWORD=… " + p.argv
	e.note(p.argv)
	return p, nil
}

// startServer starts args (a server pinned by taskset) with the Neo4j
// password in its environment, records its pid, and waits until ready
// answers 200.
func (e *env) startServer(name string, args []string, url, ready string) (*proc, error) {
	logPath := filepath.Join(e.work, "log-"+name+".txt")
	lf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = lf, lf
	cmd.Env = append(os.Environ(), "NEO4J_PASSWORD="+e.neo4jPass)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	lf.Close()
	p := &proc{name: name, cmd: cmd, pid: cmd.Process.Pid, url: url, argv: e.argv(args), log: logPath}
	for i, a := range args {
		if a == "--neo4j-uri" && i+1 < len(args) {
			p.neo4jURI = args[i+1]
		}
	}
	e.rememberPID(p.pid)
	e.procs = append(e.procs, p)
	deadline := time.Now().Add(5 * time.Minute)
	for {
		resp, err := http.Get(ready)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return p, nil
			}
		}
		if cmd.ProcessState != nil || syscall.Kill(p.pid, 0) != nil {
			return nil, fmt.Errorf("%s exited; see %s", name, logPath)
		}
		if time.Now().After(deadline) {
			e.stop(p)
			return nil, fmt.Errorf("%s not ready after 5 minutes; see %s", name, logPath)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// startPeer runs bench/peer/run.sh pinned to the server core.
func (e *env) startPeer(name, neo4jURI string) (*proc, error) {
	args := []string{"taskset", "-c", e.serverCPU, e.peerScript, "0"}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), "NEO4J_URI="+neo4jURI, "NEO4J_PASSWORD="+e.neo4jPass)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	p := &proc{name: name, argv: "NEO4J_URI=" + neo4jURI + " " + e.argv(args)}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "PID "); ok {
			p.pid, _ = strconv.Atoi(strings.TrimSpace(v))
		} else if strings.HasPrefix(line, "http") {
			p.url = strings.TrimSpace(line)
		}
	}
	if p.pid == 0 || p.url == "" {
		return nil, fmt.Errorf("%s: unexpected output %q", name, out)
	}
	e.rememberPID(p.pid)
	e.procs = append(e.procs, p)
	e.note(p.argv)
	return p, nil
}

// startPlain starts this driver's plain handler returning body.
func (e *env) startPlain(body string) (*proc, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	args := []string{"taskset", "-c", e.serverCPU, e.self, "plain", "--addr", addr, "--body", body}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &proc{name: "plain", cmd: cmd, pid: cmd.Process.Pid, url: "http://" + addr + "/graphql", argv: e.argv(args)}
	e.rememberPID(p.pid)
	e.procs = append(e.procs, p)
	e.note(p.argv)
	for range 100 {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return p, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil, fmt.Errorf("plain handler did not start")
}

// stop ends one process the driver started, by pid.
func (e *env) stop(p *proc) {
	if p == nil || p.pid == 0 {
		return
	}
	_ = syscall.Kill(p.pid, syscall.SIGTERM)
	if p.cmd != nil {
		done := make(chan struct{})
		go func() { _ = p.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = syscall.Kill(p.pid, syscall.SIGKILL)
			<-done
		}
	} else {
		for range 150 {
			if syscall.Kill(p.pid, 0) != nil {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if syscall.Kill(p.pid, 0) == nil {
			_ = syscall.Kill(p.pid, syscall.SIGKILL)
		}
	}
	p.pid = 0
}

func (e *env) stopAll() {
	for _, p := range e.procs {
		e.stop(p)
	}
	e.procs = nil
}

// rssKB reads a process's VmHWM (peak) and VmRSS from /proc.
func rssKB(pid int) (hwm, rss int) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 {
			switch f[0] {
			case "VmHWM:":
				hwm, _ = strconv.Atoi(f[1])
			case "VmRSS:":
				rss, _ = strconv.Atoi(f[1])
			}
		}
	}
	return hwm, rss
}

// resetPeak makes VmHWM start again from the current RSS.
func resetPeak(pid int) {
	_ = os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0o200)
}

var _ = context.Background
