package pipeline

import (
	"bytes"
	stdhtml "html"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// attrValue returns an attribute value without quotes and with entities decoded.
func attrValue(v []byte) string {
	s := string(v)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	return stdhtml.UnescapeString(s)
}

// links returns every href and src value in an HTML document.
func links(doc []byte) []string {
	var out []string
	l := html.NewLexer(parse.NewInputBytes(doc))
	for {
		tt, _ := l.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.AttributeToken:
			if k := string(l.AttrKey()); k == "href" || k == "src" {
				out = append(out, attrValue(l.AttrVal()))
			}
		}
	}
}

// matrixCell is one cell of a rendered table: its text and its links.
type matrixCell struct {
	text  string
	hrefs []string
}

// firstTable returns the rows of the first <table> in doc. It relies only on
// start tags, since the minifier drops optional end tags.
func firstTable(doc []byte) [][]matrixCell {
	var rows [][]matrixCell
	l := html.NewLexer(parse.NewInputBytes(doc))
	in, inCaption := false, false
	var tag string
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return rows
		case html.StartTagToken:
			tag = strings.ToLower(string(l.Text()))
			switch tag {
			case "table":
				in = true
			case "caption":
				inCaption = true
			case "tr":
				if in {
					rows = append(rows, nil)
				}
			case "th", "td":
				if in && len(rows) > 0 {
					inCaption = false
					rows[len(rows)-1] = append(rows[len(rows)-1], matrixCell{})
				}
			}
		case html.EndTagToken:
			switch strings.ToLower(string(l.Text())) {
			case "table":
				if in {
					return rows
				}
			case "caption":
				inCaption = false
			}
		case html.AttributeToken:
			if in && tag == "a" && string(l.AttrKey()) == "href" && len(rows) > 0 {
				r := rows[len(rows)-1]
				if len(r) > 0 {
					r[len(r)-1].hrefs = append(r[len(r)-1].hrefs, attrValue(l.AttrVal()))
				}
			}
		case html.TextToken:
			if in && !inCaption && len(rows) > 0 {
				r := rows[len(rows)-1]
				if len(r) > 0 {
					r[len(r)-1].text += stdhtml.UnescapeString(string(bytes.TrimSpace(data))) + " "
				}
			}
		}
	}
}
