// Package msg is samkat's message catalogue: every text the command prints
// for a person (diagnostics, summaries, usage errors, progress lines) is
// declared here once, in Swedish and in English, with a stable ID.
//
// Code never formats a message itself. It builds a Message from an ID and
// arguments, and the message is put into words only when it is printed, in
// the language of the catalogue (content/_index.md sprak) or of SAMKAT_LANG.
// An argument that is itself a Message (a kind of value, a "did you mean"
// tail) is put into words in the same language.
//
// The texts live in the texts_*.go files, one per area. A test checks that
// every ID has both languages with the same formatting verbs, and that the
// editors' list of messages in docs/ is generated from the current texts.
package msg

import (
	"fmt"
	"os"
	"strings"
)

// Lang is a language messages are printed in.
type Lang string

// The supported languages. Swedish is the default.
const (
	Sv Lang = "sv"
	En Lang = "en"
)

// ParseLang returns the language named s ("sv", "en", any case, surrounding
// space ignored) and whether it is supported.
func ParseLang(s string) (Lang, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "sv", "sv-se", "svenska", "swedish":
		return Sv, true
	case "en", "en-gb", "en-us", "english", "engelska":
		return En, true
	}
	return Sv, false
}

// EnvVar is the environment variable that chooses the language of the
// command's messages, overriding the catalogue's sprak.
const EnvVar = "SAMKAT_LANG"

// FromEnv returns the language SAMKAT_LANG asks for, if it names one.
func FromEnv() (Lang, bool) {
	v := os.Getenv(EnvVar)
	if v == "" {
		return Sv, false
	}
	return ParseLang(v)
}

// ID names one message of the catalogue. IDs are stable: they appear in the
// JSON output of check and in the editors' list of messages.
type ID string

// Text is one message in both languages. Fix, in Swedish, tells an editor
// what to do; it is shown in the editors' list of messages.
type Text struct {
	Sv, En string
	Fix    string
}

// Message is a message ID with its arguments, not yet put into words.
type Message struct {
	ID   ID
	Args []any
}

// New returns the message id with args.
func New(id ID, args ...any) Message { return Message{ID: id, Args: args} }

// In puts m into words in language l.
func (m Message) In(l Lang) string {
	if m.ID == "" {
		return ""
	}
	t, ok := lookup(m.ID)
	if !ok {
		// Unknown IDs are caught by the tests; print something useful anyway.
		return fmt.Sprintf("%s %v", m.ID, m.Args)
	}
	format := t.Sv
	if l == En {
		format = t.En
	}
	if len(m.Args) == 0 {
		return format
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch v := a.(type) {
		case Message:
			args[i] = v.In(l)
		case []Message:
			args[i] = Join(v, l)
		case string:
			args[i] = Visible(v)
		case error:
			args[i] = Visible(v.Error())
		default:
			args[i] = a
		}
	}
	return fmt.Sprintf(format, args...)
}

// Visible returns s with every character that could act rather than show
// written out as an escape: line breaks (a value with a newline could start
// a line "::error …", a workflow command in GitHub Actions), terminal
// escapes, other control characters, and the invisible and
// direction-changing characters (U+202E would turn the rest of the line
// around). Catalogue values pass through it before they reach a message.
func Visible(s string) string {
	if !strings.ContainsFunc(s, acts) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case acts(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case acts(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// acts reports whether r is a control, invisible or direction-changing
// character; a tab is none of these in a message.
func acts(r rune) bool {
	switch {
	case r == '\t':
		return false
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x2069,
		r == 0xfeff, r == 0x061c, r == 0xfff9, r == 0xfffa, r == 0xfffb:
		return true
	}
	return false
}

// String puts m into English words, for logs and tests.
func (m Message) String() string { return m.In(En) }

// IsZero reports whether m is the zero Message.
func (m Message) IsZero() bool { return m.ID == "" }

// Join puts each message into words and joins them with "; ".
func Join(ms []Message, l Lang) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.In(l)
	}
	return strings.Join(parts, "; ")
}

// Error is an error whose text is a Message, so that a caller that knows
// the language can print it in that language. Err wraps a cause, if any.
type Error struct {
	Msg Message
	Err error
}

// Errorf returns an *Error for id with args.
func Errorf(id ID, args ...any) *Error { return &Error{Msg: New(id, args...)} }

func (e *Error) Error() string { return e.Msg.In(En) }

// Message returns the error's message, so that Worded finds it.
func (e *Error) Message() Message { return e.Msg }

// Worded is an error that can be put into words in either language. Find
// one in a chain with errors.As.
type Worded interface {
	error
	Message() Message
}

func (e *Error) Unwrap() error { return e.Err }

// Quoted returns the values quoted and separated by commas, as lists of
// names are shown in messages ("Borås", "Mark").
func Quoted(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// lookup finds id in the catalogue's tables.
func lookup(id ID) (Text, bool) {
	for _, t := range tables {
		if x, ok := t[id]; ok {
			return x, true
		}
	}
	return Text{}, false
}

// tables are the catalogue's areas, one per texts_*.go file.
var tables = []map[ID]Text{generalTexts, fileTexts, fieldTexts, catalogueTexts, bodyTexts, commandTexts, usageTexts, initTexts, schemaTexts, outputTexts, cmsTexts, limitsTexts, limitsToolTexts, valueTexts, valuePartTexts}

// All returns every ID of the catalogue with its text, for the editors' list
// of messages and the tests.
func All() map[ID]Text {
	out := map[ID]Text{}
	for _, t := range tables {
		for id, x := range t {
			out[id] = x
		}
	}
	return out
}
