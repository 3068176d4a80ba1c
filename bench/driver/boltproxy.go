package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"sync"
	"time"
)

// boltProxy forwards Bolt connections to Neo4j unchanged and records the
// Cypher of every RUN message a client sends, with its parameters. It is
// how the benchmark sees exactly the statements confgraph and the peer send
// for one request (Neo4j Community has no query log to read them from).
type boltProxy struct {
	ln     net.Listener
	target string

	mu    sync.Mutex
	stmts []statement
	since time.Time
}

// statement is one captured RUN.
type statement struct {
	Cypher string         `json:"cypher"`
	Params map[string]any `json:"params,omitempty"`
	// At is when the statement was sent, in ms after the last Take.
	At float64 `json:"at"`
}

func startBoltProxy(target string) (*boltProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &boltProxy{ln: ln, target: target}
	go p.serve()
	return p, nil
}

func (p *boltProxy) Addr() string { return p.ln.Addr().String() }

func (p *boltProxy) Close() error { return p.ln.Close() }

// Take returns the statements captured since the last Take.
func (p *boltProxy) Take() []statement {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.stmts
	p.stmts = nil
	p.since = time.Now()
	return out
}

func (p *boltProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		go p.handle(c)
	}
}

func (p *boltProxy) handle(client net.Conn) {
	defer client.Close()
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer server.Close()
	reply := make(chan []byte, 1)
	go func() {
		// Server to client: the 4-byte version reply, then everything as is.
		b := make([]byte, 4)
		if _, err := io.ReadFull(server, b); err != nil {
			close(reply)
			client.Close()
			return
		}
		reply <- b
		if _, err := client.Write(b); err != nil {
			return
		}
		_, _ = io.Copy(client, server)
		client.Close()
	}()
	in := bufio.NewReader(client)
	out := server
	fwd := func(n int) ([]byte, error) {
		b := make([]byte, n)
		if _, err := io.ReadFull(in, b); err != nil {
			return nil, err
		}
		_, err := out.Write(b)
		return b, err
	}
	// Magic and four proposed versions.
	if _, err := fwd(20); err != nil {
		return
	}
	v, ok := <-reply
	if !ok {
		return
	}
	if v[2] == 0x01 && v[3] == 0xFF { // manifest negotiation: the client picks a version, then capabilities (varint)
		if _, err := fwd(4); err != nil {
			return
		}
		for {
			b, err := fwd(1)
			if err != nil || b[0]&0x80 == 0 {
				break
			}
		}
	}
	// Chunked messages.
	var msg []byte
	hdr := make([]byte, 2)
	for {
		if _, err := io.ReadFull(in, hdr); err != nil {
			return
		}
		n := int(binary.BigEndian.Uint16(hdr))
		body := make([]byte, n)
		if _, err := io.ReadFull(in, body); err != nil {
			return
		}
		if _, err := out.Write(append(hdr, body...)); err != nil {
			return
		}
		if n == 0 {
			if len(msg) > 0 {
				p.record(msg)
			}
			msg = msg[:0]
			continue
		}
		msg = append(msg, body...)
	}
}

// record keeps a RUN message's query and parameters.
func (p *boltProxy) record(msg []byte) {
	if len(msg) < 2 || msg[0]&0xF0 != 0xB0 || msg[1] != 0x10 {
		return
	}
	d := &psDecoder{b: msg[2:]}
	q, err := d.value()
	if err != nil {
		return
	}
	params, _ := d.value()
	s, _ := q.(string)
	m, _ := params.(map[string]any)
	p.mu.Lock()
	p.stmts = append(p.stmts, statement{Cypher: s, Params: m, At: ms(time.Since(p.since))})
	p.mu.Unlock()
}

// psDecoder reads PackStream values (the subset parameters use).
type psDecoder struct {
	b []byte
	i int
}

var errShort = errors.New("packstream: short message")

func (d *psDecoder) take(n int) ([]byte, error) {
	if d.i+n > len(d.b) {
		return nil, errShort
	}
	b := d.b[d.i : d.i+n]
	d.i += n
	return b, nil
}

func (d *psDecoder) uint(n int) (int, error) {
	b, err := d.take(n)
	if err != nil {
		return 0, err
	}
	v := 0
	for _, x := range b {
		v = v<<8 | int(x)
	}
	return v, nil
}

func (d *psDecoder) value() (any, error) {
	mb, err := d.take(1)
	if err != nil {
		return nil, err
	}
	m := mb[0]
	switch {
	case m <= 0x7F:
		return int64(m), nil
	case m >= 0xF0:
		return int64(int8(m)), nil
	case m >= 0x80 && m <= 0x8F:
		return d.str(int(m & 0x0F))
	case m >= 0x90 && m <= 0x9F:
		return d.list(int(m & 0x0F))
	case m >= 0xA0 && m <= 0xAF:
		return d.dict(int(m & 0x0F))
	case m >= 0xB0 && m <= 0xBF:
		return d.structure(int(m & 0x0F))
	}
	switch m {
	case 0xC0:
		return nil, nil
	case 0xC1:
		b, err := d.take(8)
		if err != nil {
			return nil, err
		}
		return math.Float64frombits(binary.BigEndian.Uint64(b)), nil
	case 0xC2:
		return false, nil
	case 0xC3:
		return true, nil
	case 0xC8:
		b, err := d.take(1)
		if err != nil {
			return nil, err
		}
		return int64(int8(b[0])), nil
	case 0xC9:
		b, err := d.take(2)
		if err != nil {
			return nil, err
		}
		return int64(int16(binary.BigEndian.Uint16(b))), nil
	case 0xCA:
		b, err := d.take(4)
		if err != nil {
			return nil, err
		}
		return int64(int32(binary.BigEndian.Uint32(b))), nil
	case 0xCB:
		b, err := d.take(8)
		if err != nil {
			return nil, err
		}
		return int64(binary.BigEndian.Uint64(b)), nil
	case 0xCC, 0xCD, 0xCE:
		n, err := d.uint(1 << (m - 0xCC))
		if err != nil {
			return nil, err
		}
		b, err := d.take(n)
		return append([]byte(nil), b...), err
	case 0xD0, 0xD1, 0xD2:
		n, err := d.uint(1 << (m - 0xD0))
		if err != nil {
			return nil, err
		}
		return d.str(n)
	case 0xD4, 0xD5, 0xD6:
		n, err := d.uint(1 << (m - 0xD4))
		if err != nil {
			return nil, err
		}
		return d.list(n)
	case 0xD8, 0xD9, 0xDA:
		n, err := d.uint(1 << (m - 0xD8))
		if err != nil {
			return nil, err
		}
		return d.dict(n)
	}
	return nil, fmt.Errorf("packstream: marker %#x", m)
}

func (d *psDecoder) str(n int) (string, error) {
	b, err := d.take(n)
	return string(b), err
}

func (d *psDecoder) list(n int) ([]any, error) {
	out := make([]any, 0, n)
	for range n {
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func (d *psDecoder) dict(n int) (map[string]any, error) {
	out := make(map[string]any, n)
	for range n {
		k, err := d.value()
		if err != nil {
			return nil, err
		}
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		ks, _ := k.(string)
		out[ks] = v
	}
	return out, nil
}

func (d *psDecoder) structure(n int) (any, error) {
	if _, err := d.take(1); err != nil { // signature
		return nil, err
	}
	return d.list(n) // temporal and spatial values: kept as their fields (not used by these queries)
}
