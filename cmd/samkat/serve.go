package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"strconv"
	"time"

	"github.com/samkat/samkat"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/pipeline"
	"github.com/samkat/samkat/internal/serve"
)

// pollInterval is how often serve --poll reads the catalogue's folders.
const pollInterval = time.Second

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer, now time.Time) int {
	cmd := newCommand("serve", msg.HelpServe, stderr)
	port := cmd.fs.Int("port", 1313, say(msg.FlagPort))
	bind := cmd.fs.String("bind", "127.0.0.1", say(msg.FlagBind))
	drafts := cmd.fs.Bool("drafts", false, say(msg.FlagDrafts))
	poll := cmd.fs.Bool("poll", false, say(msg.FlagPoll))
	dir, day, code, ok := cmd.parse(args, now)
	if !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		return cmd.usageError(msg.CmdBadPort, *port)
	}
	ip := net.ParseIP(*bind)
	if ip == nil && *bind != "localhost" {
		return cmd.usageError(msg.CmdBadBind, *bind)
	}
	lan := ip != nil && !ip.IsLoopback()
	if code, ok := cmd.catalogue(dir); !ok {
		return code
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "samkat serve: %s\n", msg.New(msg.CmdListen, err).In(envLang()))
		return exitContent
	}
	if lan {
		fmt.Fprintf(stderr, "samkat serve: %s\n", say(msg.ServeLANWarning, *bind))
		for _, a := range lanAddresses(ip) {
			fmt.Fprintf(stdout, "samkat serve: %s\n", say(msg.ServeLANAddress, "http://"+net.JoinHostPort(a, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port))+"/"))
		}
	}
	opt := pipeline.Options{Now: day, Version: version(), Layouts: samkat.Layouts(), Static: samkat.Static(), Drafts: *drafts}
	if l, ok := msg.FromEnv(); ok {
		opt.Lang = l
	}
	cfg := serve.Config{Dir: dir, Build: opt, Stdout: stdout, Stderr: stderr, LAN: lan}
	if *poll {
		cfg.Poll = pollInterval
	}
	srv := serve.New(cfg)
	if err := srv.Run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "samkat serve: %s\n", errText(err, envLang()))
		return exitContent
	}
	return exitOK
}

// lanAddresses lists the addresses another device on the network can use
// to reach a server bound to ip: ip itself, or for 0.0.0.0 and :: every
// address of this machine's interfaces that is not the loopback.
func lanAddresses(ip net.IP) []string {
	if !ip.IsUnspecified() {
		return []string{ip.String()}
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var out []string
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
			out = append(out, n.IP.String())
		}
	}
	return out
}
