// Package plainyaml reads the plain part of YAML that front matter almost
// always is, into the very yaml.Node tree go.yaml.in/yaml/v3 makes of it,
// several times faster.
//
// The part it reads: block mappings and block sequences, nested at any
// depth, of plain scalars on one line each, and flow sequences of plain
// scalars on one line ("kommuner: [Hjo, Mark]"). Anything else (quotes,
// comments, anchors, tags, block scalars, a scalar over several lines, an
// empty value, tabs, a byte order mark, control and line-separator
// characters) is not read: Parse reports false, and the caller gives the
// text to yaml.v3, which makes the tree or the error message. So the subset
// decides only how fast a file is read, never what it means.
package plainyaml

import (
	"bytes"
	"cmp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Parse returns the document node yaml.Unmarshal(src, &node) would give,
// and true; or nil and false when src is outside the part this package
// reads (including every text yaml.v3 refuses).
func Parse(src []byte) (*yaml.Node, bool) {
	lines, ok := splitLines(src)
	if !ok || len(lines) == 0 || lines[0].col != 1 {
		return nil, false
	}
	estimate := nodesAtMost(src, lines)
	p := parser{lines: lines, estimate: estimate}
	// Every node but the document is the child of one other: the Content
	// slices need at most estimate pointers, and the stack no more. One
	// allocation holds both.
	ptrs := make([]*yaml.Node, 2*estimate)
	p.content, p.stack = ptrs[:0:estimate], ptrs[estimate:estimate]
	doc := p.node()
	root, ok := p.block(1)
	if !ok || p.i != len(p.lines) || root.Kind != yaml.MappingNode {
		return nil, false
	}
	start := len(p.stack)
	p.stack = append(p.stack, root)
	*doc = yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: p.children(start)}
	return doc, true
}

// nodesAtMost returns how many nodes the text of lines may make, so that
// one block of nodes is enough: two a line (a key and its value, or an
// entry), one more for an entry that starts a mapping ("- namn: …"), one
// for each item of a flow collection (at most one more than its commas)
// and two for each of a flow mapping, and the document and its root. (Only
// a flow mapping of several pairs makes more, one a pair; then another
// block is taken.)
func nodesAtMost(src []byte, lines []line) int {
	n := 2*len(lines) + 2
	for _, l := range lines {
		if isEntry(l.text) {
			n++
		}
	}
	return n + bytes.Count(src, []byte(",")) + bytes.Count(src, []byte("[")) + 2*bytes.Count(src, []byte("{"))
}

// A line is one line of the text that holds more than spaces, or the rest
// of a sequence entry's line after its "- ".
type line struct {
	num  int    // 1-based line number
	col  int    // 1-based column, in characters, of text's first byte
	text string // from the first character that is not a space to the line's end
}

// splitLines cuts src into its lines that are not blank, or reports false
// when src has a byte the subset does not allow, or a line YAML gives a
// meaning of its own (a comment, a document marker).
func splitLines(src []byte) ([]line, bool) {
	if !allowedBytes(src) {
		return nil, false
	}
	// One line more than there are line feeds, at most: one allocation.
	lines := make([]line, 0, bytes.Count(src, []byte("\n"))+1)
	num := 0
	for rest := string(src); rest != ""; {
		num++
		var raw string
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			raw, rest = rest[:i], rest[i+1:]
		} else {
			raw, rest = rest, ""
		}
		if strings.HasPrefix(raw, "---") || strings.HasPrefix(raw, "...") {
			return nil, false
		}
		text := strings.TrimLeft(raw, " ")
		if strings.TrimRight(text, " ") == "" {
			continue
		}
		if text[0] == '#' || strings.Contains(text, " #") {
			return nil, false
		}
		lines = append(lines, line{num: num, col: len(raw) - len(text) + 1, text: text})
	}
	return lines, true
}

// allowedBytes reports whether src is UTF-8 of printable ASCII, line feeds
// and characters that YAML reads as text like any other. Left to yaml.v3:
// controls, tabs and carriage returns, U+0080–U+00A0 (NEL and the no-break
// space among them), the line and paragraph separators U+2028 and U+2029,
// and U+E000 and above (private use, the byte order mark, non-characters,
// four-byte sequences).
func allowedBytes(src []byte) bool {
	for i, b := range src {
		switch {
		case b < 0x80:
			if b != '\n' && (b < 0x20 || b == 0x7f) {
				return false
			}
		case b == 0xc2:
			if i+1 >= len(src) || src[i+1] <= 0xa0 {
				return false
			}
		case b == 0xe2:
			if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xa8 || src[i+2] == 0xa9) {
				return false
			}
		case b >= 0xee:
			return false
		}
	}
	return utf8.Valid(src)
}

type parser struct {
	lines    []line
	i        int         // the next line to read
	nodes    []yaml.Node // the block new nodes are taken from
	estimate int         // how many nodes the text may make
	// stack holds the children of the collections being read, each
	// collection's after its parent's, until the collection ends and
	// children moves them into content, the block every Content is cut
	// from.
	stack   []*yaml.Node
	content []*yaml.Node
}

// block reads the mapping or sequence whose entries start at column col,
// from the current line.
func (p *parser) block(col int) (*yaml.Node, bool) {
	if isEntry(p.lines[p.i].text) {
		return p.sequence(col)
	}
	return p.mapping(col)
}

// isEntry reports whether text starts a block sequence entry.
func isEntry(text string) bool {
	return text == "-" || strings.HasPrefix(text, "- ")
}

func (p *parser) mapping(col int) (*yaml.Node, bool) {
	first := p.lines[p.i]
	m := p.node()
	*m = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: first.num, Column: first.col}
	start := len(p.stack)
	for p.i < len(p.lines) && p.lines[p.i].col == col {
		l := p.lines[p.i]
		if isEntry(l.text) {
			return nil, false
		}
		colon := keyEnd(l.text)
		if colon < 0 {
			return nil, false
		}
		key := l.text[:colon]
		// A key is a one-line "simple key" to YAML, of at most 1024
		// characters.
		if len(key) > 1000 || !plain(key, false) || strings.HasSuffix(key, " ") || key == "<<" {
			return nil, false
		}
		p.stack = append(p.stack, p.scalar(key, l.num, l.col))
		after := l.text[colon+1:]
		value := strings.TrimLeft(after, " ")
		valueCol := l.col + utf8.RuneCountInString(l.text[:len(l.text)-len(value)])
		p.i++
		var v *yaml.Node
		var ok bool
		switch {
		case strings.TrimRight(value, " ") != "":
			v, ok = p.inline(value, l.num, valueCol)
		case p.i < len(p.lines) && (p.lines[p.i].col > col || p.lines[p.i].col == col && isEntry(p.lines[p.i].text)):
			v, ok = p.block(p.lines[p.i].col)
		default:
			// An empty value: null, with a position of yaml.v3's own.
			return nil, false
		}
		if !ok {
			return nil, false
		}
		p.stack = append(p.stack, v)
		if p.i < len(p.lines) && p.lines[p.i].col > col {
			return nil, false // a scalar over several lines, or a stray indentation
		}
	}
	m.Content = p.children(start)
	return m, true
}

func (p *parser) sequence(col int) (*yaml.Node, bool) {
	first := p.lines[p.i]
	s := p.node()
	*s = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: first.num, Column: first.col}
	start := len(p.stack)
	for p.i < len(p.lines) && p.lines[p.i].col == col && isEntry(p.lines[p.i].text) {
		l := p.lines[p.i]
		item := strings.TrimLeft(l.text[1:], " ")
		itemCol := l.col + len(l.text) - len(item)
		if strings.TrimRight(item, " ") == "" || isEntry(item) {
			return nil, false
		}
		var v *yaml.Node
		var ok bool
		if keyEnd(item) >= 0 {
			// "- namn: …": a mapping whose first key is on the entry's line.
			p.lines[p.i] = line{num: l.num, col: itemCol, text: item}
			v, ok = p.mapping(itemCol)
		} else {
			v, ok = p.inline(item, l.num, itemCol)
			p.i++
		}
		if !ok {
			return nil, false
		}
		p.stack = append(p.stack, v)
		if p.i < len(p.lines) && p.lines[p.i].col > col {
			return nil, false
		}
	}
	s.Content = p.children(start)
	return s, true
}

// keyEnd returns the index of the colon that ends text's key (the first
// one followed by a space or the line's end), or -1.
func keyEnd(text string) int {
	for i := 0; i < len(text); i++ {
		if text[i] == ':' && (i+1 == len(text) || text[i+1] == ' ') {
			return i
		}
	}
	return -1
}

// inline reads a value that is on its line: a flow sequence or a plain
// scalar.
func (p *parser) inline(value string, num, col int) (*yaml.Node, bool) {
	value = strings.TrimRight(value, " ")
	switch value[0] {
	case '[':
		return p.flowSequence(value, num, col)
	case '{':
		return p.flowMapping(value, num, col)
	case '"', '\'':
		return p.quoted(value, num, col)
	}
	if !plain(value, false) || keyEnd(value) >= 0 {
		return nil, false
	}
	return p.scalar(value, num, col), true
}

// quoted reads a scalar in quotes, with no escape in it and nothing after
// it. (A double-quoted scalar holds no backslash and a single-quoted one no
// doubled quote, so its value is the text between the quotes.)
func (p *parser) quoted(value string, num, col int) (*yaml.Node, bool) {
	q := value[0]
	if len(value) < 2 || value[len(value)-1] != q {
		return nil, false
	}
	inner := value[1 : len(value)-1]
	if strings.IndexByte(inner, q) >= 0 || q == '"' && strings.IndexByte(inner, '\\') >= 0 {
		return nil, false
	}
	style := yaml.DoubleQuotedStyle
	if q == '\'' {
		style = yaml.SingleQuotedStyle
	}
	n := p.node()
	*n = yaml.Node{Kind: yaml.ScalarNode, Style: style, Tag: "!!str", Value: inner, Line: num, Column: col}
	return n, true
}

// flowSequence reads "[a, b, c]" when it is all on one line and each item
// is a plain scalar.
func (p *parser) flowSequence(value string, num, col int) (*yaml.Node, bool) {
	s := p.node()
	*s = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: num, Column: col}
	start := len(p.stack)
	ok := flowItems(value, ']', func(item string, offset int) bool {
		if !plain(item, true) {
			return false
		}
		p.stack = append(p.stack, p.scalar(item, num, col+utf8.RuneCountInString(value[:offset])))
		return true
	})
	s.Content = p.children(start)
	return s, ok
}

// flowMapping reads "{fran: 16, till: 29}" when it is all on one line and
// each key and value is a plain scalar.
func (p *parser) flowMapping(value string, num, col int) (*yaml.Node, bool) {
	m := p.node()
	*m = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle, Line: num, Column: col}
	start := len(p.stack)
	ok := flowItems(value, '}', func(item string, offset int) bool {
		k, v, found := strings.Cut(item, ": ")
		k, v = strings.TrimRight(k, " "), strings.TrimLeft(v, " ")
		if !found || !plain(k, true) || !plain(v, true) {
			return false
		}
		p.stack = append(p.stack,
			p.scalar(k, num, col+utf8.RuneCountInString(value[:offset])),
			p.scalar(v, num, col+utf8.RuneCountInString(value[:offset+len(item)-len(v)])))
		return true
	})
	m.Content = p.children(start)
	return m, ok
}

// flowItems calls item for each comma-separated item of a flow collection
// on one line, value, which must end with closing, with the item's text
// without the spaces around it and its byte offset in value. It reports
// false when value does not end with closing, an item is empty or item
// reports false.
func flowItems(value string, closing byte, item func(text string, offset int) bool) bool {
	if value[len(value)-1] != closing {
		return false
	}
	inner := value[1 : len(value)-1]
	if strings.TrimLeft(inner, " ") == "" {
		return true
	}
	start := 1 // the byte offset in value of the current item's text
	for rest, more := inner, true; more; {
		var raw string
		raw, rest, more = strings.Cut(rest, ",")
		text := strings.TrimLeft(raw, " ")
		offset := start + len(raw) - len(text)
		if !item(strings.TrimRight(text, " "), offset) {
			return false
		}
		start += len(raw) + 1
	}
	return true
}

// plain reports whether s can be read as a plain scalar as it stands: it
// does not start with an indicator, holds no comment and, in a flow
// sequence, none of the characters that end or nest an item there. (": "
// inside a value is checked by the callers: it starts a mapping or is an
// error.)
func plain(s string, flow bool) bool {
	if s == "" || strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(s[0])) {
		return false
	}
	if flow && strings.ContainsAny(s, ",?[]{}:#") {
		return false
	}
	return true
}

func (p *parser) scalar(value string, num, col int) *yaml.Node {
	n := p.node()
	*n = yaml.Node{Kind: yaml.ScalarNode, Tag: resolve(value), Value: value, Line: num, Column: col}
	return n
}

// node returns a new zero node, from a block of nodes made for the whole
// text at once (a front matter's thirty to fifty nodes cost one
// allocation, not one each). The caller fills it in place, rather than
// passing a node of some 150 bytes to be copied.
func (p *parser) node() *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		// The first block holds p.estimate nodes, which is nearly always
		// enough; a text that needs more takes blocks of a few more.
		p.nodes = make([]yaml.Node, 0, cmp.Or(p.estimate, 16))
		p.estimate = 0
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	return &p.nodes[len(p.nodes)-1]
}

// children moves the nodes on the stack from start into the block of
// Content slices and returns them: the Content of the collection that
// pushed them. The slice's capacity is its length, so that appending to
// one node's Content never writes over another's. (One block for every
// Content of a front matter, not one growing slice per collection.)
func (p *parser) children(start int) []*yaml.Node {
	n := len(p.stack) - start
	if n == 0 {
		return nil
	}
	if cap(p.content)-len(p.content) < n {
		p.content = make([]*yaml.Node, 0, max(n, p.estimate))
	}
	at := len(p.content)
	p.content = append(p.content, p.stack[start:]...)
	p.stack = p.stack[:start]
	return p.content[at:len(p.content):len(p.content)]
}

// resolve returns the tag YAML gives a plain scalar: the same rules as
// yaml.v3's resolver, which are YAML 1.2's core schema with 1.1's
// timestamps, base-2 and base-8 forms and underscores in numbers.
func resolve(s string) string {
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "~", "null", "Null", "NULL":
		return "!!null"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	case "<<":
		return "!!merge"
	}
	switch c := s[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		return resolveNumber(s)
	}
	return "!!str"
}

// resolveNumber resolves a plain scalar that starts with a sign or a
// digit.
func resolveNumber(s string) string {
	if isTimestamp(s) {
		return "!!timestamp"
	}
	n := strings.ReplaceAll(s, "_", "")
	if strings.Trim(n, "0123456789abcdefABCDEFxXoO+-.") != "" {
		// No number has other characters ("0325-54 88 76"); a failed
		// strconv parse allocates its error.
		return "!!str"
	}
	if _, err := strconv.ParseInt(n, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(n, 0, 64); err == nil {
		return "!!int"
	}
	if yamlFloat(n) {
		if _, err := strconv.ParseFloat(n, 64); err == nil {
			return "!!float"
		}
	}
	for _, f := range []struct {
		prefix string
		base   int
	}{{"0b", 2}, {"0o", 8}} {
		switch {
		case strings.HasPrefix(n, f.prefix):
			if _, err := strconv.ParseInt(n[2:], f.base, 64); err == nil {
				return "!!int"
			}
			if _, err := strconv.ParseUint(n[2:], f.base, 64); err == nil {
				return "!!int"
			}
		case strings.HasPrefix(n, "-"+f.prefix):
			if _, err := strconv.ParseInt("-"+n[3:], f.base, 64); err == nil {
				return "!!int"
			}
		}
	}
	return "!!str"
}

// timestampLayouts are the forms of a timestamp yaml.v3 recognises.
var timestampLayouts = [...]string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isTimestamp reports whether s is a timestamp: four digits, a hyphen and
// one of timestampLayouts.
func isTimestamp(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	// The date alone is at most ten characters and every other form has a
	// time with colons: try only the layouts that could match (a failed
	// time.Parse allocates its error).
	layouts := timestampLayouts[3:]
	if len(s) > len("2006-01-02") {
		if !strings.Contains(s, ":") {
			return false
		}
		layouts = timestampLayouts[:3]
	}
	for _, layout := range layouts {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// yamlFloat reports whether s matches
// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$.
func yamlFloat(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	digits := func() int {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - start
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	} else {
		if digits() == 0 {
			return false
		}
		if i < len(s) && s[i] == '.' {
			i++
			digits()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}
