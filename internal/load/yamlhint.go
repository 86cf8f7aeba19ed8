package load

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
	"go.yaml.in/yaml/v3"
)

// The YAML library explains a syntax error in its own terms ("mapping
// values are not allowed in this context") and often on the line above
// the mistake. When it fails, yamlHint reads the frontmatter line by line
// for the mistakes editors make and names the first one at its line and
// column. It knows only the small part of YAML that catalogue files use
// (fields, lists, groups, one-line [ ] and { }, quotes, | and >), and it
// says nothing when unsure: the library's own message is the fallback.

// hint is one mistake found in the frontmatter: line and col are 1-based,
// counted in the YAML text (line 1 is the line after the opening ---).
type hint struct {
	line, col int
	id        msg.ID
	args      []any
}

var (
	// keyRE matches "key:" followed by a space or the end of the line.
	keyRE = regexp.MustCompile(`^([\p{L}\p{N}_][\p{L}\p{N}_ .()/-]*?)[ \t]*:(?:[ \t]+(.*))?$`)
	// noSpaceRE matches "key:value", a key glued to its value.
	noSpaceRE = regexp.MustCompile(`^([\p{L}_][\p{L}\p{N}_-]*):([^\s/].*)$`)
)

// level is an indentation level open at some line: the column of a
// group's keys or of a list's dashes.
type level struct {
	col  int
	list bool
	line int
	key  string // the first key of a group, for messages
}

// yamlHint returns the first mistake it recognises in src, or false.
// Line numbers in messages are file lines: line 1 of src is file line first.
func yamlHint(src []byte, first int) (hint, bool) {
	lines := strings.Split(string(src), "\n")
	var stack []level
	opened := -1 // column of the key or dash whose value is a block below, or -1
	openedList := false
	blockAbove := -1 // indentation of the key of a | or > text being skipped, or -1
	prevValue := false
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t")
		n := i + 1
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if blockAbove >= 0 {
			if strings.TrimSpace(line) == "" || indent > blockAbove {
				continue
			}
			blockAbove = -1
		}
		trimmed := strings.TrimLeft(line, " \t")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if lead := line[:len(line)-len(trimmed)]; strings.Contains(lead, "\t") {
			return hint{n, strings.IndexByte(lead, '\t') + 1, msg.YAMLTab, nil}, true
		}
		col := indent + 1
		content := trimmed
		afterDash := false
		// The dash of a list entry.
		if content == "-" || strings.HasPrefix(content, "- ") {
			switch {
			case opened >= 0 && (col > opened || col == opened && !openedList):
				stack = append(stack, level{col: col, list: true, line: n})
			case hasLevel(stack, col, true):
				stack = popTo(stack, col, true)
			default:
				return hint{}, false // a list where none can be: unsure what was meant
			}
			dash := col
			rest := strings.TrimLeft(strings.TrimPrefix(content, "-"), " ")
			col += len(content) - len(rest)
			content = rest
			opened, openedList, prevValue = -1, false, false
			if content == "" || strings.HasPrefix(content, "#") {
				opened, openedList = dash, true // the entry is a block below
				continue
			}
			afterDash = true
		}
		mi := keyRE.FindStringSubmatchIndex(content)
		if mi == nil {
			atKey := afterDash || opened >= 0 || len(stack) == 0 || hasLevel(stack, col, false)
			if g := noSpaceRE.FindStringSubmatch(content); g != nil && atKey {
				return hint{n, col + utf8.RuneCountInString(g[1]) + 1, msg.YAMLNoSpace, []any{g[1] + ": " + g[2]}}, true
			}
			if strings.HasPrefix(content, "|") || strings.HasPrefix(content, ">") {
				blockAbove = indent // "- |": a text on the lines below
				opened = -1
				continue
			}
			if atKey {
				// A list entry, or a value on the line below its key.
				h, end, ok := valueHint(lines, i, indent, col, "", content)
				if ok {
					return h, true
				}
				if !afterDash && opened < 0 && (len(stack) == 0 || hasLevel(stack, col, false)) {
					return hint{n, col, msg.YAMLNoColon, nil}, true // a text where a field should be
				}
				i = end
				prevValue = true
			}
			// Otherwise the continuation of a text from the line above.
			opened = -1
			continue
		}
		key := content[mi[2]:mi[3]]
		switch {
		case afterDash:
			stack = append(stack, level{col: col, line: n + first - 1, key: key})
		case opened >= 0 && col > opened:
			stack = append(stack, level{col: col, line: n + first - 1, key: key})
		case hasLevel(stack, col, false):
			stack = popTo(stack, col, false)
		case len(stack) == 0:
			stack = append(stack, level{col: col, line: n + first - 1, key: key})
		case prevValue && col > stack[len(stack)-1].col:
			return hint{n, col, msg.YAMLIndented, nil}, true
		default:
			if g, ok := innermostGroup(stack); ok {
				return hint{n, col, msg.YAMLMisaligned, []any{col - 1, g.key, g.line, g.col - 1}}, true
			}
			return hint{}, false
		}
		opened, openedList, prevValue = -1, false, false
		if mi[4] < 0 || strings.HasPrefix(content[mi[4]:], "#") {
			opened = col
			continue
		}
		value := content[mi[4]:]
		vcol := col + utf8.RuneCountInString(content[:mi[4]])
		if strings.HasPrefix(value, "|") || strings.HasPrefix(value, ">") {
			blockAbove = indent
			continue
		}
		h, end, ok := valueHint(lines, i, indent, vcol, key, value)
		if ok {
			return h, true
		}
		i = end
		prevValue = true
	}
	return hint{}, false
}

// valueHint checks one value that starts on line i at column col; key is
// the field it belongs to ("" for a list entry). It returns the index of
// the line the value ends on (a quoted text or a [ ] list may go on over
// several lines).
func valueHint(lines []string, i, indent, col int, key, value string) (hint, int, bool) {
	n := i + 1
	if value == "" {
		return hint{}, i, false
	}
	switch c := value[0]; c {
	case '"', '\'':
		end := closingQuote(value, c)
		if end < 0 {
			if j := closedBelow(lines, i, indent, string(c)); j >= 0 {
				return hint{}, j, false
			}
			return hint{n, col, msg.YAMLUnclosedQuote, []any{string(c)}}, i, true
		}
		rest := strings.TrimSpace(value[end+1:])
		if rest != "" && !strings.HasPrefix(rest, "#") && !strings.HasPrefix(rest, ":") {
			at := col + utf8.RuneCountInString(value[:end+1])
			if value[end+1] == ' ' {
				at++
			}
			return hint{n, at, msg.YAMLAfterQuote, []any{fieldLine(key, quoteValue(value))}}, i, true
		}
	case '[', '{':
		depth, at, quoteAt := openBracket(value)
		if quoteAt >= 0 && closedBelow(lines, i, indent, value[quoteAt:quoteAt+1]) < 0 {
			return hint{n, col + utf8.RuneCountInString(value[:quoteAt]), msg.YAMLUnclosedQuote, []any{value[quoteAt : quoteAt+1]}}, i, true
		}
		if depth > 0 {
			closer := map[byte]string{'[': "]", '{': "}"}[value[at]]
			if j := closedBelow(lines, i, indent, closer); j >= 0 {
				return hint{}, j, false
			}
			return hint{n, col + utf8.RuneCountInString(value[:at]), msg.YAMLUnclosedBracket,
				[]any{string(value[at]), closer}}, i, true
		}
	case '@', '`', '%', '*', '!':
		return hint{n, col, msg.YAMLBadStart, []any{string(c), fieldLine(key, quoteValue(value))}}, i, true
	default:
		text, _, _ := strings.Cut(value, " #")
		text = strings.TrimSpace(text)
		if at := strings.Index(text+" ", ": "); at >= 0 && key != "" {
			return hint{n, col + utf8.RuneCountInString(text[:at]), msg.YAMLColonInValue,
				[]any{fieldLine(key, quoteValue(text))}}, i, true
		}
	}
	return hint{}, i, false
}

// closingQuote returns the index of the quote that closes value (which
// starts with quote q), or -1.
func closingQuote(value string, q byte) int {
	for j := 1; j < len(value); j++ {
		switch {
		case q == '"' && value[j] == '\\':
			j++
		case value[j] == q && q == '\'' && j+1 < len(value) && value[j+1] == '\'':
			j++
		case value[j] == q:
			return j
		}
	}
	return -1
}

// openBracket returns how many brackets of value are left open, the index
// of the first of them, and the index of a quote left open (or -1).
func openBracket(value string) (depth, at, quoteAt int) {
	var opens []int
	quoteAt = -1
	for j := 0; j < len(value); j++ {
		c := value[j]
		switch {
		case quoteAt >= 0:
			if c == value[quoteAt] {
				quoteAt = -1
			}
		case c == '"' || c == '\'':
			quoteAt = j
		case c == '[' || c == '{':
			opens = append(opens, j)
		case c == ']' || c == '}':
			if len(opens) > 0 {
				opens = opens[:len(opens)-1]
			}
		case c == '#' && j > 0 && value[j-1] == ' ':
			j = len(value)
		}
	}
	if len(opens) == 0 {
		return 0, 0, quoteAt
	}
	return len(opens), opens[0], quoteAt
}

// closedBelow returns the index of the line after line i that closes a
// value left open on line i with closer, or -1 when the next field (at
// indentation indent or less) comes first: YAML allows a list or a quoted
// text over several lines, but editors mostly forget the closing mark.
func closedBelow(lines []string, i, indent int, closer string) int {
	for j := i + 1; j < len(lines); j++ {
		l := lines[j]
		t := strings.TrimLeft(l, " ")
		if t == "" {
			continue
		}
		if len(l)-len(t) <= indent && (keyRE.MatchString(t) || strings.HasPrefix(t, "- ")) {
			return -1
		}
		if strings.Contains(l, closer) {
			return j
		}
	}
	return -1
}

// quoteValue puts value in quotes as YAML reads them: double quotes, or
// single ones when the text has double quotes of its own.
func quoteValue(value string) string {
	if !strings.Contains(value, `"`) && !strings.Contains(value, `\`) {
		return `"` + value + `"`
	}
	return "'" + strings.ReplaceAll(value, "'", "''") + "'"
}

// fieldLine shows a corrected line: "namn: value", or the value alone for a
// list entry.
func fieldLine(key, value string) string {
	if key == "" {
		return value
	}
	return key + ": " + value
}

func hasLevel(stack []level, col int, list bool) bool {
	for _, l := range stack {
		if l.col == col && l.list == list {
			return true
		}
	}
	return false
}

// popTo drops the levels deeper than the one at col of the given kind.
func popTo(stack []level, col int, list bool) []level {
	for j := len(stack) - 1; j >= 0; j-- {
		if stack[j].col == col && stack[j].list == list {
			return stack[:j+1]
		}
	}
	return stack
}

// innermostGroup returns the deepest group of keys open, the one a
// misaligned line most likely belongs to.
func innermostGroup(stack []level) (level, bool) {
	for j := len(stack) - 1; j >= 0; j-- {
		if !stack[j].list {
			return stack[j], true
		}
	}
	return level{}, false
}

// dropped reports lines that YAML reads without a word but leaves out: all
// lines after a first field that is indented (yaml.v3 takes the indented
// fields as the whole frontmatter) and lines after a "..." line (the end of
// a YAML document). It returns true when it found some; the file is then
// not used, since its other fields would be reported missing.
func dropped(file string, s *source, m *yaml.Node, diags *diag.List) bool {
	// The lines are cut from s.yaml in place: every file of a build passes
	// here, and a copy split into strings cost more than the check.
	end := -1
	for i, rest := 0, s.yaml; len(rest) > 0; i++ {
		l := rest
		if j := bytes.IndexByte(rest, '\n'); j >= 0 {
			l, rest = rest[:j], rest[j+1:]
		} else {
			rest = nil
		}
		t := bytes.TrimLeft(l, " ")
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		if end >= 0 {
			diags.AddError(diag.Pos{File: file, Line: s.yamlLine + end}, "", msg.YAMLDocEnd)
			return true
		}
		if string(bytes.TrimRight(l, " \t")) == "..." {
			end = i
			continue
		}
		if i+1 > m.Line && len(l)-len(t) < m.Column-1 {
			diags.AddError(diag.Pos{File: file, Line: s.yamlLine + i, Col: len(l) - len(t) + 1}, "",
				msg.YAMLIndentedFirst, s.yamlLine+m.Line-1)
			return true
		}
	}
	return false
}

// commentCuts warns about plain values that YAML cut at " #": to YAML the
// rest of the line is a comment, so "namn: Grupp #2 Mark" is "Grupp". Only
// a # directly followed by text is taken for part of the value: "# " with
// a space is how comments are written ("Lotsen # gammalt namn").
func commentCuts(file string, s *source, m *yaml.Node, diags *diag.List) {
	if !hasLineComment(m) {
		// Most frontmatters have no comment (plainyaml reads none): they
		// are spared the lines split and the field names made.
		return
	}
	lines := strings.Split(string(s.yaml), "\n")
	check := func(v *yaml.Node, field string) {
		if v.Kind != yaml.ScalarNode || v.Style != 0 || v.LineComment == "" || strings.Contains(v.Value, "\n") {
			return
		}
		if v.Line < 1 || v.Line > len(lines) {
			return
		}
		line := []rune(lines[v.Line-1])
		start, size := v.Column-1, utf8.RuneCountInString(v.Value)
		if start < 0 || start+size > len(line) || string(line[start:start+size]) != v.Value {
			return
		}
		rest := string(line[start+size:])
		gap := len(rest) - len(strings.TrimLeft(rest, " \t"))
		comment := strings.TrimLeft(rest, " \t")
		if gap == 0 || !strings.HasPrefix(comment, "#") || len(comment) == 1 || comment[1] == ' ' || comment[1] == '#' {
			return
		}
		whole := strings.TrimRight(v.Value+rest, " \t")
		diags.AddWarning(diag.Pos{File: file, Line: s.yamlLine + v.Line - 1, Col: v.Column + size + gap},
			field, msg.YAMLCommentCut, v.Value, fieldLine(lastKey(field), quoteValue(whole)))
	}
	var walk func(n *yaml.Node, name string)
	walk = func(n *yaml.Node, name string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				field := name + k.Value
				check(v, field)
				if v.Kind == yaml.MappingNode {
					field += "."
				}
				walk(v, field)
			}
		case yaml.SequenceNode:
			for i, v := range n.Content {
				check(v, name)
				walk(v, fmt.Sprintf("%s[%d].", name, i))
			}
		}
	}
	walk(m, "")
}

// hasLineComment reports whether any node under n has a comment on its line.
func hasLineComment(n *yaml.Node) bool {
	for _, c := range n.Content {
		if c.LineComment != "" || hasLineComment(c) {
			return true
		}
	}
	return false
}

// lastKey returns the last key of a dotted field name, or "" for a list entry.
func lastKey(field string) string {
	if strings.HasSuffix(field, "]") {
		return ""
	}
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		return field[i+1:]
	}
	return field
}
