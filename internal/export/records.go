package export

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/route"
)

// The records of the open data are appended here field by field, rather
// than by encoding/json (which reflects over a jsonActivity made for each
// record) and encoding/csv (over a slice of cells made and joined for each
// row): at 10,000 activities those took about 3 % of a cold build's CPU
// and some 80 MB of allocations. The bytes are those of json.Marshal of
// jsonActivity and of csv.Writer (';', CRLF) of the cells csvHeader
// names; TestRecordsAsEncoders and FuzzRecordsAsEncoders compare them.

// recordBufs holds the buffers the records are made in before they are
// copied out at their size: a record may be kept (the build cache), so it
// must not hold more than its bytes.
var recordBufs = sync.Pool{New: func() any { return &recordBuf{} }}

type recordBuf struct {
	b    []byte // the record
	cell []byte // a CSV cell before it is quoted
}

// jsonPlain marks the bytes appendJSONString copies as they are: the
// ASCII that json.Marshal does not escape.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendJSONString appends s as json.Marshal writes a string: quoted,
// with <, >, & and U+2028, U+2029 escaped, and bytes that are not UTF-8
// written as U+FFFD.
func appendJSONString[S []byte | string](b []byte, s S) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if jsonPlain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		// Two bytes of UTF-8 (å, ä, ö, é …) stay as they are.
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendDate appends d as d.String() gives it.
func appendDate(b []byte, d catalog.Date) []byte {
	if d.IsZero() {
		return b
	}
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return append(b, d.String()...)
	}
	y, m := d.Year, int(d.Month)
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d.Day/10), byte('0'+d.Day%10))
}

// appendJSONKey appends ,"key": (without the comma for the first member).
func appendJSONKey(b []byte, key string) []byte {
	if b[len(b)-1] != '{' {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, key...)
	return append(b, '"', ':')
}

// appendJSONStrings appends ss as a JSON array ([] when empty).
func appendJSONStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendJSONTerms appends the terms of ids with their names, null when
// there are none (jsonActivity's nil slice).
func appendJSONTerms(b []byte, ids []string, name func(string) string) []byte {
	if len(ids) == 0 {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendJSONString(b, id)
		b = append(b, `,"namn":`...)
		b = appendJSONString(b, name(id))
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendOptString appends the member key: s when s is not empty
// (omitempty).
func appendOptString[S []byte | string](b []byte, key string, s S) []byte {
	if len(s) == 0 {
		return b
	}
	return appendJSONString(appendJSONKey(b, key), s)
}

// appendRecordJSON appends activity a's object in the JSON document:
// json.Marshal of activityJSON(ix, a, now).
func appendRecordJSON(b []byte, ix *catalog.Index, a *catalog.Activity, now catalog.Date) []byte {
	b = append(b, `{"slug":`...)
	b = appendJSONString(b, a.Slug)
	b = append(b, `,"url":"`...)
	// The address in its quotes, escaped as one string.
	start := len(b) - 1
	b = append(b, ix.BaseURL...)
	b = append(b, route.Activities...)
	b = append(b, a.Slug...)
	b = append(b, '/')
	url := b[start+1:]
	if needsJSONEscape(url) {
		url = bytes.Clone(url)
		b = appendJSONString(b[:start], url)
	} else {
		b = append(b, '"')
	}
	b = append(b, `,"namn":`...)
	b = appendJSONString(b, a.Namn)
	b = append(b, `,"status":"`...)
	b = append(b, a.StatusOn(now).String()...)
	b = append(b, `","funktion":`...)
	b = appendJSONTerms(b, a.Funktion, ix.FunktionNamn)
	b = append(b, `,"kommuner":`...)
	b = appendJSONStrings(b, a.Kommuner)
	if a.AllaKommuner {
		b = append(b, `,"alla_kommuner":true`...)
	}
	b = append(b, `,"finansiering":`...)
	b = appendJSONTerms(b, a.Finansiering, ix.FinansieringNamn)
	b = append(b, `,"kontakt":[`...)
	for i, c := range a.Kontakt {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		b = appendOptString(b, "namn", c.Namn)
		b = appendOptString(b, "roll", c.Roll)
		b = appendOptString(b, "telefon", c.Telefon)
		b = appendOptString(b, "epost", c.Epost)
		b = appendOptString(b, "adress", c.Adress)
		b = appendOptString(b, "kommun", c.Kommun)
		b = append(b, '}')
	}
	b = append(b, ']')
	if len(a.Samverkansparter) > 0 {
		b = appendJSONStrings(append(b, `,"samverkansparter":`...), a.Samverkansparter)
	}
	b = appendOptString(b, "huvudman", a.Huvudman)
	b = appendOptString(b, "forbund", a.Forbund)
	b = appendOptString(b, "malgrupp", a.Malgrupp)
	if a.Alder != nil {
		b = append(b, `,"alder":{`...)
		if a.Alder.Fran != nil {
			b = strconv.AppendInt(appendJSONKey(b, "fran"), int64(*a.Alder.Fran), 10)
		}
		if a.Alder.Till != nil {
			b = strconv.AppendInt(appendJSONKey(b, "till"), int64(*a.Alder.Till), 10)
		}
		b = append(b, '}')
	}
	if !a.Start.IsZero() {
		b = append(appendDate(append(b, `,"start":"`...), a.Start), '"')
	}
	if !a.Slut.IsZero() {
		b = append(appendDate(append(b, `,"slut":"`...), a.Slut), '"')
	}
	if a.Platser != 0 {
		b = strconv.AppendInt(append(b, `,"platser":`...), int64(a.Platser), 10)
	}
	if len(a.Remiss) > 0 {
		b = appendJSONStrings(append(b, `,"remiss":`...), a.Remiss)
	}
	if a.Egenanmalan != nil {
		b = strconv.AppendBool(append(b, `,"egenanmalan":`...), *a.Egenanmalan)
	}
	b = appendOptString(b, "inriktning", a.Inriktning)
	b = appendOptString(b, "webb", a.Webb)
	if !a.Granskad.IsZero() {
		b = append(appendDate(append(b, `,"granskad":"`...), a.Granskad), '"')
	}
	b = appendOptString(b, "text", bytes.TrimSpace(a.Body))
	return append(b, '}')
}

// needsJSONEscape reports whether appendJSONString writes s other than
// as it is between quotes.
func needsJSONEscape(s []byte) bool {
	for _, c := range s {
		if c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return true
		}
	}
	return false
}

// csvRow appends the cells of one CSV row, each quoted as csv.Writer
// (';' between cells, CRLF line ends) quotes defuseFormula of it.
type csvRow struct {
	b    []byte
	cell []byte
	n    int // cells appended
}

// add appends the cell held in r.cell.
func (r *csvRow) add() {
	if r.n > 0 {
		r.b = append(r.b, ';')
	}
	r.n++
	r.b = appendCSVCell(r.b, r.cell)
	r.cell = r.cell[:0]
}

// str appends s as a cell.
func (r *csvRow) str(s string) {
	r.cell = append(r.cell, s...)
	r.add()
}

// joined appends the cell of ss joined with ", ".
func (r *csvRow) joined(ss []string) {
	r.names(ss, func(s string) string { return s })
}

// names adds the cell of the names of ids, nameOf giving each, joined
// by ", ".
func (r *csvRow) names(ids []string, nameOf func(string) string) {
	for i, id := range ids {
		if i > 0 {
			r.cell = append(r.cell, ", "...)
		}
		r.cell = append(r.cell, nameOf(id)...)
	}
	r.add()
}

// appendCSVCell appends cell as csv.Writer writes the field
// defuseFormula(cell).
func appendCSVCell(b, cell []byte) []byte {
	defuse := len(cell) > 0 && strings.IndexByte("=+-@\t\r", cell[0]) >= 0
	if !csvNeedsQuotes(cell, defuse) {
		if defuse {
			b = append(b, '\'')
		}
		return append(b, cell...)
	}
	b = append(b, '"')
	if defuse {
		b = append(b, '\'')
	}
	// Line by line: a '"' is doubled, a '\r' goes and a '\n' is written
	// CRLF, as csv.Writer writes them with UseCRLF.
	for len(cell) > 0 {
		line := cell
		i := bytes.IndexByte(cell, '\n')
		if i >= 0 {
			line = cell[:i]
		}
		if bytes.IndexByte(line, '"') < 0 && bytes.IndexByte(line, '\r') < 0 {
			b = append(b, line...)
		} else {
			for _, c := range line {
				switch c {
				case '"':
					b = append(b, '"', '"')
				case '\r':
				default:
					b = append(b, c)
				}
			}
		}
		if i < 0 {
			break
		}
		b = append(b, '\r', '\n')
		cell = cell[i+1:]
	}
	return append(b, '"')
}

// csvNeedsQuotes is csv.Writer's fieldNeedsQuotes (with ';') of the field
// cell, with an apostrophe before it when defused.
func csvNeedsQuotes(cell []byte, defused bool) bool {
	if len(cell) == 0 {
		return false
	}
	if !defused && string(cell) == `\.` {
		return true
	}
	if bytes.IndexByte(cell, '\n') >= 0 || bytes.IndexByte(cell, '\r') >= 0 ||
		bytes.IndexByte(cell, '"') >= 0 || bytes.IndexByte(cell, ';') >= 0 {
		return true
	}
	if defused {
		return false // it begins with the apostrophe
	}
	r, _ := utf8.DecodeRune(cell)
	return unicode.IsSpace(r)
}

// appendRecordCSV appends activity a's row of the CSV file, as
// csv.Writer writes csvCells(ix, a, now), using cell as scratch; it
// returns the row and the scratch.
func appendRecordCSV(b, cell []byte, ix *catalog.Index, a *catalog.Activity, now catalog.Date) (row, scratch []byte) {
	r := csvRow{b: b, cell: cell[:0]}
	r.str(a.Slug)
	r.str(a.Namn)
	r.str(a.StatusOn(now).String())
	r.names(a.Funktion, ix.FunktionNamn)
	r.joined(a.Kommuner)
	r.names(a.Finansiering, ix.FinansieringNamn)
	r.str(a.Malgrupp)
	if a.Alder != nil && a.Alder.Fran != nil {
		r.cell = strconv.AppendInt(r.cell, int64(*a.Alder.Fran), 10)
	}
	r.add()
	if a.Alder != nil && a.Alder.Till != nil {
		r.cell = strconv.AppendInt(r.cell, int64(*a.Alder.Till), 10)
	}
	r.add()
	r.str(a.Huvudman)
	r.str(a.Forbund)
	r.joined(a.Samverkansparter)
	r.joined(a.Remiss)
	if a.Egenanmalan != nil {
		if *a.Egenanmalan {
			r.cell = append(r.cell, "ja"...)
		} else {
			r.cell = append(r.cell, "nej"...)
		}
	}
	r.add()
	if a.Platser > 0 {
		r.cell = strconv.AppendInt(r.cell, int64(a.Platser), 10)
	}
	r.add()
	r.str(a.Inriktning)
	r.cell = appendDate(r.cell, a.Start)
	r.add()
	r.cell = appendDate(r.cell, a.Slut)
	r.add()
	r.str(a.Webb)
	r.cell = appendDate(r.cell, a.Granskad)
	r.add()
	r.cell = appendContacts(r.cell, a.Kontakt)
	r.add()
	r.cell = append(r.cell, ix.BaseURL...)
	r.cell = append(r.cell, route.Activities...)
	r.cell = append(r.cell, a.Slug...)
	r.cell = append(r.cell, '/')
	r.add()
	r.cell = append(r.cell, bytes.TrimSpace(a.Body)...)
	r.add()
	return append(r.b, '\r', '\n'), r.cell
}

// appendContacts appends what contacts(cs) returns.
func appendContacts(b []byte, cs []catalog.Contact) []byte {
	for i, c := range cs {
		if i > 0 {
			b = append(b, " | "...)
		}
		first := true
		field := func(f string) {
			if f == "" {
				return
			}
			if !first {
				b = append(b, ", "...)
			}
			first = false
			b = append(b, f...)
		}
		if c.Roll != "" {
			// strings.TrimSpace(c.Namn + " (" + c.Roll + ")"), never empty.
			if !first {
				b = append(b, ", "...)
			}
			first = false
			at := len(b)
			b = append(b, c.Namn...)
			b = append(b, " ("...)
			b = append(b, c.Roll...)
			b = append(b, ')')
			b = b[:at+copy(b[at:], bytes.TrimSpace(b[at:]))]
		} else {
			field(c.Namn)
		}
		field(c.Telefon)
		field(c.Epost)
		field(c.Adress)
		field(c.Kommun)
	}
	return b
}
