package markdown

import (
	"bytes"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Limits of a body. Each bounds a shape whose cost in goldmark grows faster
// than the text: a body within them is parsed in time and memory roughly
// proportional to its size.
const (
	// MaxTableColumns is the widest table: goldmark pads every row to the
	// width of the header, so a wide header and many short rows cost
	// columns times rows.
	MaxTableColumns = 50
	// MaxTableCells is the most cells of one table, header included.
	MaxTableCells = 10000
	// MaxHeadings is the most headings of one body.
	MaxHeadings = 1000
	// MaxNesting is the deepest nesting of quotes (>) and lists: every
	// line is matched against every open level.
	MaxNesting = 20
	// linkWorkBase and linkWorkPerByte bound the links of a body: a [ may
	// make goldmark read to the end of its paragraph (an unclosed ( or
	// title), so the cost is the number of [ of a paragraph times its
	// length, summed over the paragraphs; it may be linkWorkBase plus
	// linkWorkPerByte for each byte of the body.
	linkWorkBase    = 256 << 20
	linkWorkPerByte = 32
)

// MaxLinkWork returns the bound on the links of a body of n bytes: the sum
// over its paragraphs of the number of [ times the length.
func MaxLinkWork(n int) int64 { return linkWorkBase + linkWorkPerByte*int64(n) }

// scanLimits reports the first line nested deeper than MaxNesting and the
// first paragraph at which the links pass MaxLinkWork, reading body once.
// It returns false when body must not be parsed: its cost would not be
// bounded. diags may be nil.
func scanLimits(file string, body []byte, diags *diag.List) bool {
	deep, costly := false, false
	work, maxWork := int64(0), MaxLinkWork(len(body))
	paraStart, paraLine, brackets := -1, 0, 0
	endPara := func(end int) {
		if paraStart < 0 {
			return
		}
		work += int64(brackets) * int64(end-paraStart)
		if work > maxWork && !costly {
			costly = true
			if diags != nil {
				chars := utf8.RuneCount(bytes.TrimRight(body[paraStart:end], "\n"))
				diags.AddError(diag.Pos{File: file, Line: paraLine}, "", msg.BodyLinksCostly, brackets, chars)
			}
		}
		paraStart, brackets = -1, 0
	}
	line := 0
	for start := 0; start < len(body); {
		line++
		end := bytes.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		l := body[start:end]
		if util.IsBlank(l) {
			endPara(start)
		} else {
			if paraStart < 0 {
				paraStart, paraLine = start, line
			}
			brackets += bytes.Count(l, []byte("["))
			if d := lineDepth(l); d > MaxNesting && !deep {
				deep = true
				if diags != nil {
					diags.AddError(diag.Pos{File: file, Line: line}, "", msg.BodyTooDeep, d, MaxNesting)
				}
			}
		}
		start = end + 1
	}
	endPara(len(body))
	return !deep && !costly
}

// lineDepth estimates from above how deep in quotes and lists line is: the
// markers (>, -, +, *, 1. and 1)) at its start, and half the columns of
// indentation among them, as a list item needs at least two more.
func lineDepth(l []byte) int {
	if thematicBreak(l) {
		return 0
	}
	markers, cols := 0, 0
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4
			i++
		case c == '>':
			markers++
			i++
			if i < len(l) && (l[i] == ' ' || l[i] == '\t') {
				i++
			}
		case c == '-' || c == '+' || c == '*':
			if i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t' {
				markers++
				i += 2
				continue
			}
			return depthOf(markers, cols)
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 10 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j < len(l) && (l[j] == '.' || l[j] == ')') && (j+1 == len(l) || l[j+1] == ' ' || l[j+1] == '\t') {
				markers++
				i = j + 2
				continue
			}
			return depthOf(markers, cols)
		default:
			return depthOf(markers, cols)
		}
	}
	return depthOf(markers, cols)
}

func depthOf(markers, cols int) int {
	if markers == 0 {
		return 0 // indentation alone is code or a continuation, not a new level
	}
	return markers + cols/2
}

// thematicBreak reports whether l is a line of three or more -, * or _
// (spaces between allowed), which is a rule, not nested lists.
func thematicBreak(l []byte) bool {
	var mark byte
	n := 0
	for _, c := range l {
		switch c {
		case ' ', '\t':
		case '-', '*', '_':
			if mark != 0 && c != mark {
				return false
			}
			mark = c
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// limitReport collects the problems the parser finds with the limits of
// tables; Convert puts one in the parser context.
type limitReport struct {
	tables []tableProblem
}

type tableProblem struct {
	pos           int // byte offset of the delimiter row
	columns, rows int
}

var limitReportKey = parser.NewContextKey()

// tableLimits is a paragraph transformer that runs before goldmark's table
// transformer and drops a paragraph that would become a table wider than
// MaxTableColumns or larger than MaxTableCells, before any cell is made.
type tableLimits struct{}

func (tableLimits) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	source := reader.Source()
	// goldmark makes a table at the first delimiter row of a paragraph,
	// or none.
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		cols := delimiterColumns(seg.Value(source))
		if cols == 0 {
			continue
		}
		rows := lines.Len() - i // the header and the rows after the delimiter
		if cols <= MaxTableColumns && cols*rows <= MaxTableCells {
			return
		}
		if r, ok := pc.Get(limitReportKey).(*limitReport); ok {
			r.tables = append(r.tables, tableProblem{pos: seg.Start, columns: cols, rows: rows})
		}
		node.Parent().RemoveChild(node.Parent(), node)
		return
	}
}

// delimiterColumns returns the number of columns of a table delimiter row
// such as "| :-- | --: |", as goldmark reads it, or 0 if l is not one.
func delimiterColumns(l []byte) int {
	for _, b := range l {
		if !(util.IsSpace(b) || b == '-' || b == '|' || b == ':') {
			return 0
		}
	}
	if w, _ := util.IndentWidth(l, 0); w > 3 {
		return 0
	}
	cols := bytes.Split(bytes.TrimRight(l, "\n"), []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	if len(cols) == 0 || len(cols) == 1 && !bytes.Contains(l, []byte("|")) && !bytes.Contains(l, []byte(":")) {
		// "---" alone is a rule or a setext heading, not a table.
		return 0
	}
	for _, c := range cols {
		if !delimiterCell(c) {
			return 0
		}
	}
	return len(cols)
}

// delimiterCell reports whether c is " :---: " with optional colons.
func delimiterCell(c []byte) bool {
	c = util.TrimLeftSpace(util.TrimRightSpace(c))
	c = bytes.TrimPrefix(c, []byte(":"))
	c = bytes.TrimSuffix(c, []byte(":"))
	if len(c) == 0 {
		return false
	}
	for _, b := range c {
		if b != '-' {
			return false
		}
	}
	return true
}
