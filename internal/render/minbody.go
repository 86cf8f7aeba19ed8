package render

import "bytes"

// Bodies minified by their own writer. An activity's body (goldmark's
// HTML, with the converter's options: internal/markdown) is minified alone
// as one block (minState.block), and at 10,000 activities that was nearly
// all of the minifier's time left. That HTML is very regular, so
// minBody writes it minified in one pass, doing what tdewolff/minify's
// HTML minifier does (KeepDocumentTags, KeepEndTags, KeepQuotes) for the
// tags and attributes goldmark writes, and nothing more:
//
//   - Text: each run of white space becomes one space, or one newline when
//     it holds \n or \r; the one at the start goes when the last tag was a
//     block tag (or an earlier one, with only inline tags since), the one
//     at the end when a block tag or the end follows (after inline end
//     tags and white space only). &amp; becomes '&' unless a letter, a
//     digit or '#' follows; &gt; and &quot; become the characters; &lt;
//     stays. Inside <pre> text is kept as it is.
//   - Tags: written as goldmark writes them; a table cell's style (its
//     alignment, which goldmark may write twice) is kept; an attribute value has its
//     references replaced (&lt; too); href and src lose an upper case
//     "http:" or "https:"; an empty id or class goes, another empty value
//     is written as the name alone.
//
// Anything else (another tag, attribute or reference, a control
// character, a value that would hold '"' or needs trimming, a data: URL,
// a long run of inline end tags) is not its: ok false, and the block goes
// to the minifier as before. TestMinBody and FuzzMinBody compare the two.

// Traits of a tag, as the minifier's table has them.
const (
	bodyBlock  = 1 << iota // blockTag: white space around it goes
	bodyObject             // objectTag: white space after it stays
	bodyPhrase             // exactly normalTag: <x></x> keeps the space after it
)

// bodyTag returns the traits of the tag named name, and whether it is
// one that minBody writes.
func bodyTag(name []byte) (traits int, ok bool) {
	switch string(name) {
	case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr", "br",
		"table", "thead", "tbody", "tr", "th", "td", "div":
		return bodyBlock, true
	case "img":
		return bodyObject, true
	case "code", "em", "strong":
		return bodyPhrase, true
	case "a":
		return 0, true // keepPTag only
	}
	return 0, false
}

// How the minifier writes an attribute's value.
const (
	attrPlain     = iota // kept
	attrOmitEmpty        // kept; empty, not written at all (id)
	attrTrim             // white space collapsed and trimmed; empty, not written (class); start too
	attrURL              // trimmed; http: and https: lowered (href, src)
	attrStyle            // CSS minified: only the alignments of table cells, kept
)

func bodyAttr(name []byte) (kind int, ok bool) {
	switch string(name) {
	case "alt", "title":
		return attrPlain, true
	case "id":
		return attrOmitEmpty, true
	case "class", "start":
		return attrTrim, true
	case "href", "src":
		return attrURL, true
	case "style":
		return attrStyle, true
	}
	return 0, false
}

// lookAhead is how many tokens minBody follows after text that ends in
// white space; the minifier follows at most 100.
const lookAhead = 64

// minBody appends html, one block as minState.block gives it (see
// isolatedBlock), minified as the minifier minifies it, when it is HTML of
// the kind goldmark writes: ok is false, and b returned as it was, for
// anything else.
func minBody(b, html []byte) (_ []byte, ok bool) {
	start := len(b)
	omit := false // the minifier's omitSpace: drop the next leading space
	inPre := false
	for i := 0; i < len(html); {
		if html[i] != '<' {
			j := bytes.IndexByte(html[i:], '<')
			if j < 0 {
				j = len(html)
			} else {
				j += i
			}
			if inPre {
				b = append(b, html[i:j]...)
				i = j
				continue
			}
			ts := len(b)
			if b, ok = appendBodyText(b, html[i:j]); !ok {
				return b[:start], false
			}
			if omit && isSpace(b[ts]) {
				b = append(b[:ts], b[ts+1:]...)
			}
			omit = false
			if len(b) == ts {
				omit = true
			} else if isSpace(b[len(b)-1]) {
				omit = true
				trim, known := trailingGoes(html, j)
				if !known {
					return b[:start], false
				}
				if trim {
					b = b[:len(b)-1]
					omit = false
				}
			}
			i = j
			continue
		}
		// A tag: <name( attr="value")*> or </name>.
		k := i + 1
		end := k < len(html) && html[k] == '/'
		if end {
			k++
		}
		n := tagNameEnd(html, k)
		name := html[k:n]
		traits, known := bodyTag(name)
		if !known {
			return b[:start], false
		}
		if end {
			if n >= len(html) || html[n] != '>' {
				return b[:start], false
			}
			b = append(b, html[i:n+1]...)
			i = n + 1
		} else {
			b = append(b, html[i:n]...)
			p := n
			for p < len(html) && html[p] == ' ' {
				q := p + 1
				for q < len(html) && 'a' <= html[q] && html[q] <= 'z' {
					q++
				}
				kind, known := bodyAttr(html[p+1 : q])
				if !known || q+1 >= len(html) || html[q] != '=' || html[q+1] != '"' {
					return b[:start], false
				}
				v := bytes.IndexByte(html[q+2:], '"')
				if v < 0 {
					return b[:start], false
				}
				if b, ok = appendBodyAttr(b, html[p+1:q], kind, html[q+2:q+2+v]); !ok {
					return b[:start], false
				}
				p = q + 2 + v + 1
			}
			if p >= len(html) || html[p] != '>' {
				return b[:start], false
			}
			b = append(b, '>')
			i = p + 1
		}
		if string(name) == "pre" {
			inPre = !end
		}
		switch {
		case traits&bodyObject != 0:
			omit = false
		case traits&bodyBlock != 0:
			omit = true
		}
		if !end && traits&bodyPhrase != 0 && bytes.HasPrefix(html[i:], []byte("</")) &&
			bytes.HasPrefix(html[i+2:], name) && i+2+len(name) < len(html) && html[i+2+len(name)] == '>' {
			omit = false // <em></em>: the space after it stays
		}
	}
	if inPre {
		return b[:start], false
	}
	return b, true
}

// tagNameEnd returns where the tag name that starts at k ends: lower
// case letters and digits.
func tagNameEnd(html []byte, k int) int {
	n := k
	for n < len(html) && ('a' <= html[n] && html[n] <= 'z' || '0' <= html[n] && html[n] <= '9') {
		n++
	}
	return n
}

// trailingGoes reports whether the minifier drops the white space at the
// end of text that ends at p: it does when a block tag or the end comes
// first, past inline end tags and text of white space only, and keeps it
// at other text or an inline start tag. known is false for a tag minBody
// does not know and for a run longer than lookAhead.
func trailingGoes(html []byte, p int) (trim, known bool) {
	for range lookAhead {
		if p >= len(html) {
			return true, true
		}
		if html[p] != '<' {
			q := bytes.IndexByte(html[p:], '<')
			if q < 0 {
				q = len(html)
			} else {
				q += p
			}
			for _, c := range html[p:q] {
				if !isSpace(c) {
					return false, true
				}
			}
			p = q
			continue
		}
		k := p + 1
		end := k < len(html) && html[k] == '/'
		if end {
			k++
		}
		traits, ok := bodyTag(html[k:tagNameEnd(html, k)])
		switch {
		case !ok:
			return false, false
		case traits&bodyBlock != 0:
			return true, true
		case !end:
			return false, true
		}
		q := bytes.IndexByte(html[p:], '>')
		if q < 0 {
			return false, false
		}
		p += q + 1
	}
	return false, false
}

// appendBodyText appends text (between tags, outside <pre>) as the
// minifier writes it, its white space collapsed; ok is false for a
// reference other than &amp; &lt; &gt; &quot; and for a control
// character.
func appendBodyText(b, text []byte) (_ []byte, ok bool) {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if bodyPlain[c] {
			// A run of bytes written as they are, as most of a text is,
			// is copied at once.
			j := i + 1
			for j < len(text) && bodyPlain[text[j]] {
				j++
			}
			b = append(b, text[i:j]...)
			i = j - 1
			continue
		}
		switch {
		case isSpace(c):
			b, i = appendSpaceRun(b, text, i)
		case c == '&':
			n, r := bodyRef(text[i:])
			switch r {
			case 0:
				return b, false
			case '<':
				b = append(b, "&lt;"...)
			case '&':
				if i+n < len(text) && keepsAmp(text[i+n]) {
					b = append(b, "&amp;"...)
				} else {
					b = append(b, '&')
				}
			default:
				b = append(b, r)
			}
			i += n - 1
		case c < 0x20 || c == 0x7f:
			return b, false
		default:
			b = append(b, c)
		}
	}
	return b, true
}

// bodyPlain are the bytes appendBodyText writes as they are: neither
// white space, '&' nor a control character.
var bodyPlain = func() (t [256]bool) {
	for c := '!'; c < 256; c++ {
		t[c] = c != '&' && c != 0x7f
	}
	return t
}()

// bodyRef reads the reference at the start of s: its length and the
// character, one of & < > ", or 0 for any other.
func bodyRef(s []byte) (n int, c byte) {
	switch {
	case bytes.HasPrefix(s, []byte("&amp;")):
		return 5, '&'
	case bytes.HasPrefix(s, []byte("&lt;")):
		return 4, '<'
	case bytes.HasPrefix(s, []byte("&gt;")):
		return 4, '>'
	case bytes.HasPrefix(s, []byte("&quot;")):
		return 6, '"'
	}
	return 0, 0
}

// appendBodyAttr appends the attribute name="val" of a start tag as the
// minifier writes it (kind says how); ok is false for a value it would
// write otherwise than minBody knows.
func appendBodyAttr(b, name []byte, kind int, val []byte) (_ []byte, ok bool) {
	at := len(b)
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, '=', '"')
	vs := len(b)
	for i := 0; i < len(val); i++ {
		c := val[i]
		switch {
		case c == '&':
			n, r := bodyRef(val[i:])
			switch r {
			case 0, '"':
				return b[:at], false
			case '&':
				if i+n < len(val) && keepsAmp(val[i+n]) {
					b = append(b, "&amp;"...)
				} else {
					b = append(b, '&')
				}
			default:
				b = append(b, r)
			}
			i += n - 1
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f:
			return b[:at], false
		default:
			b = append(b, c)
		}
	}
	v := b[vs:]
	switch kind {
	case attrStyle:
		if !cellAlign(v) {
			return b[:at], false
		}
	case attrTrim:
		for _, c := range v {
			if isSpace(c) {
				return b[:at], false
			}
		}
	case attrURL:
		if len(v) > 0 && (isSpace(v[0]) || isSpace(v[len(v)-1])) {
			return b[:at], false
		}
		if !lowerScheme(v) {
			return b[:at], false
		}
	}
	if len(v) == 0 {
		if kind == attrOmitEmpty || kind == attrTrim && string(name) == "class" {
			return b[:at], true
		}
		return b[:vs-2], true // the name alone
	}
	return append(b, '"'), true
}

// cellAlign reports whether style is what goldmark writes for an aligned
// table cell, which the CSS minifier leaves as it is.
func cellAlign(style []byte) bool {
	a, b, two := bytes.Cut(style, []byte(";"))
	if two && !bytes.Equal(a, b) {
		return false
	}
	switch string(a) {
	case "text-align:left", "text-align:right", "text-align:center":
		return true
	}
	return false
}
