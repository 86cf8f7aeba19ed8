package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"strconv"
	"time"

	"github.com/samkat/samkat"
	"github.com/samkat/samkat/internal/build"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer, now time.Time) int {
	cmd := newCommand("serve", msg.HelpServe, stderr)
	port := cmd.fs.Int("port", 1313, say(msg.FlagPort))
	dir, day, code, ok := cmd.parse(args, now)
	if !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		return cmd.usageError(msg.CmdBadPort, *port)
	}
	if code, ok := cmd.catalogue(dir); !ok {
		return code
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "samkat serve: %s\n", msg.New(msg.CmdListen, err).In(envLang()))
		return exitContent
	}
	srv := serve.New(serve.Config{
		Dir:    dir,
		Build:  build.Options{Now: day, Version: version(), Layouts: samkat.Layouts(), Static: samkat.Static()},
		Stdout: stdout,
		Stderr: stderr,
	})
	if err := srv.Run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "samkat serve: %s\n", errText(err, envLang()))
		return exitContent
	}
	return exitOK
}
