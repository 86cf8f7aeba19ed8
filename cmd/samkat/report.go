package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
)

func printDiagnostics(w io.Writer, diags diag.List, format string, lang msg.Lang, warnings diag.Warnings) {
	if format == "github" {
		for _, d := range diags {
			if d.Severity == diag.Error || warnings == diag.AllWarnings || d.Severity == diag.Warning && warnings != diag.NoWarnings {
				fmt.Fprintln(w, githubAnnotation(d, lang))
			}
		}
	}
	diags.Report(w, lang, warnings)
}

// githubAnnotation formats d as a GitHub Actions workflow command, so that
// problems show up on the lines of a pull request.
func githubAnnotation(d diag.Diagnostic, lang msg.Lang) string {
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	msg := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	kind := "error"
	switch d.Severity {
	case diag.Warning:
		kind = "warning"
	case diag.Info:
		kind = "notice"
	}
	var props []string
	if d.Pos.File != "" {
		props = append(props, "file="+prop.Replace(d.Pos.File))
	}
	if d.Pos.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
	}
	if d.Pos.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
	}
	if d.Field != "" {
		props = append(props, "title="+prop.Replace(d.Field))
	}
	text := d.Msg.In(lang)
	if d.Field != "" {
		text = d.Field + ": " + text
	}
	return fmt.Sprintf("::%s %s::%s", kind, strings.Join(props, ","), msg.Replace(text))
}
