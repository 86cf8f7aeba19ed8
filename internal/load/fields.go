package load

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/plainyaml"
	"go.yaml.in/yaml/v3"
)

// Limits on values; a value over a limit is an error that names it.
const (
	maxText     = 10000 // any single text value
	maxListLen  = 1000  // entries in any list (contacts, municipalities …)
	maxNameLen  = 200   // namn, titel
	maxOneLiner = 300   // malgrupp, beskrivning
)

// parseYAML decodes src's frontmatter into a mapping node. It returns nil
// (with a diagnostic) when the YAML is not a usable mapping, or when YAML
// would silently leave out part of it.
func parseYAML(file string, s *source, diags *diag.List) *yaml.Node {
	var root yaml.Node
	var err error
	if doc, ok := plainyaml.Parse(s.yaml); ok {
		root = *doc // the same tree as yaml.v3's, made faster
	} else {
		err = yaml.Unmarshal(s.yaml, &root)
	}
	if err != nil || root.Kind != 0 && root.Content[0].Kind == yaml.ScalarNode {
		// "namn:Lotsen" alone is a text to YAML, not a field.
		if h, ok := yamlHint(s.yaml, s.yamlLine); ok {
			diags.AddError(diag.Pos{File: file, Line: s.yamlLine + h.line - 1, Col: h.col}, "", h.id, h.args...)
			return nil
		}
	}
	if err != nil {
		line := s.yamlLine
		text := err.Error()
		if m := yamlLineRE.FindStringSubmatch(text); m != nil {
			n, _ := strconv.Atoi(m[1])
			line += n - 1
			text = strings.Replace(text, m[0], "", 1)
		}
		text = strings.TrimPrefix(strings.TrimPrefix(text, "yaml:"), " ")
		var explained any = text
		if id, ok := parserTexts[text]; ok {
			explained = msg.New(id)
		}
		diags.AddError(diag.Pos{File: file, Line: line}, "", msg.YAMLSyntax, explained)
		return nil
	}
	if root.Kind == 0 { // empty frontmatter
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		diags.AddError(nodePos(file, s, m), "", msg.YAMLNotMapping, describe(m))
		return nil
	}
	if m.Style&yaml.TaggedStyle != 0 {
		diags.AddError(nodePos(file, s, m), "", msg.YAMLTag, m.Tag)
		return nil
	}
	if dropped(file, s, m, diags) {
		return nil
	}
	commentCuts(file, s, m, diags)
	return m
}

var yamlLineRE = regexp.MustCompile(`line (\d+): `)

// parserTexts are the YAML library's messages that have words in the
// message catalogue, so that a Swedish message is Swedish throughout.
var parserTexts = map[string]msg.ID{
	"did not find expected key":                      msg.YAMLExpectedKey,
	"could not find expected ':'":                    msg.YAMLExpectedColon,
	"mapping values are not allowed in this context": msg.YAMLColonHere,
	"did not find expected ',' or ']'":               msg.YAMLListNotClosed,
	"found unexpected end of stream":                 msg.YAMLEndOfStream,
	"found character that cannot start any token":    msg.YAMLBadToken,
	"did not find expected '-' indicator":            msg.YAMLExpectedDash,
}

// nodePos converts a YAML node's position to a file position.
func nodePos(file string, s *source, n *yaml.Node) diag.Pos {
	return diag.Pos{File: file, Line: s.yamlLine + n.Line - 1, Col: n.Column}
}

// describe names a node's kind for error messages.
func describe(n *yaml.Node) msg.Message {
	switch n.Kind {
	case yaml.SequenceNode:
		return msg.New(msg.KindList)
	case yaml.MappingNode:
		return msg.New(msg.KindGroup)
	case yaml.AliasNode:
		return msg.New(msg.KindAlias)
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return msg.New(msg.KindNumber)
	case "!!bool":
		return msg.New(msg.KindBool)
	case "!!null":
		return msg.New(msg.KindEmpty)
	case "!!timestamp":
		return msg.New(msg.KindDate)
	}
	return msg.New(msg.KindText)
}

// fields reads the keys of one mapping, recording each key's position and
// reporting unknown and duplicate keys. prefix names the mapping in field
// names ("kontakt[0]." for the first contact).
type fields struct {
	file   string
	src    *source
	diags  *diag.List
	pos    map[string]diag.Pos
	prefix string
	values values
	// suggested holds the keys offered for unknown keys: a mistyped
	// kommun: is one error with its suggestion, not also "kommuner is required".
	suggested []string
}

// values are the keys of one mapping that are read, each with its value,
// in the order written. A slice, not a map: a mapping has a few keys to
// twenty, each looked up a few times, and a map of them was two to four
// allocations for each mapping of every file.
type values []keyValue

type keyValue struct {
	key   string
	name  string // prefix and key, the key of the pos map
	value *yaml.Node
}

// of returns the value of key, or nil.
func (vs values) of(key string) *yaml.Node {
	for _, kv := range vs {
		if kv.key == key {
			return kv.value
		}
	}
	return nil
}

func newFields(file string, s *source, diags *diag.List, pos map[string]diag.Pos, prefix string, m *yaml.Node, allowed []string) *fields {
	f := &fields{file: file, src: s, diags: diags, pos: pos, prefix: prefix, values: make(values, 0, len(m.Content)/2)}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value == "<<" {
			f.errAt(k, "", msg.YAMLComplexKey)
			continue
		}
		key := k.Value
		name := prefix + key
		if !slices.Contains(allowed, key) {
			if f.glued(k, allowed, prefix) {
				continue
			}
			if s := foreignKey(key, allowed); s != "" {
				f.suggested = append(f.suggested, s)
				f.diags.AddError(f.at(k), name, msg.FieldForeign, key, s)
				continue
			}
			tail := msg.New(msg.ValidList, strings.Join(allowed, ", "))
			if s := diag.Suggest(key, allowed); s != "" {
				f.suggested = append(f.suggested, s)
				tail = msg.New(msg.DidYouMean, s)
			}
			f.diags.AddError(f.at(k), name, msg.FieldUnknown, key, tail)
			continue
		}
		if prev, dup := f.pos[name]; dup {
			f.diags.AddError(f.at(k), name, msg.FieldTwice, prev.Line)
			continue
		}
		f.pos[name] = f.at(k)
		if k.Style&yaml.TaggedStyle != 0 {
			f.errAt(k, name, msg.YAMLTag, k.Tag)
			continue
		}
		// One walk of the value finds aliases, tags and the nesting depth.
		switch sh := inspect(v); {
		case sh.alias:
			f.errAt(v, name, msg.YAMLAlias)
			continue
		case sh.tag != nil:
			f.errAt(sh.tag, name, msg.YAMLTag, sh.tag.Tag)
			continue
		case sh.depth > maxDepth:
			f.errAt(v, name, msg.YAMLTooDeep, sh.depth, maxDepth)
			continue
		}
		// A key is kept once (a second one is refused above).
		f.values = append(f.values, keyValue{key, name, v})
	}
	// An empty value is as if not written, so that nothing points at it:
	// a granskad that is written but not a date has its own error, an
	// empty one is missing.
	for _, kv := range f.values {
		if isEmpty(kv.value) {
			delete(f.pos, kv.name)
		}
	}
	return f
}

// glued reports (and returns true for) a text that is a key glued to its
// value, "fran:18" in {fran:18}: YAML reads it as one word. prefix names
// the group the key belongs to.
func (f *fields) glued(n *yaml.Node, allowed []string, prefix string) bool {
	g := noSpaceRE.FindStringSubmatch(n.Value)
	if n.Kind != yaml.ScalarNode || g == nil || !slices.Contains(allowed, g[1]) {
		return false
	}
	p := f.at(n)
	p.Col += utf8.RuneCountInString(g[1]) + 1
	f.suggested = append(f.suggested, g[1])
	f.diags.AddError(p, prefix+g[1], msg.YAMLNoSpace, g[1]+": "+g[2])
	return true
}

// shape is what one walk of a value finds in it.
type shape struct {
	alias bool       // n or anything in it is an anchor or alias
	tag   *yaml.Node // the first node written with an explicit YAML tag (!!binary, !!str, !foo)
	depth int        // how deeply n nests lists and groups (a scalar is 0)
}

// maxDepth is the deepest nesting any field needs: kontakt is a list of
// groups of fields (2); a little room for mistakes that deserve a better message.
const maxDepth = 4

// inspect walks n once. Tags ask the YAML library to read a value some
// other way; samkat reads values by their field, so any tag is refused.
// Aliases are not followed (yaml.v3 keeps them as nodes).
func inspect(n *yaml.Node) shape {
	var sh shape
	sh.alias = n.Kind == yaml.AliasNode || n.Anchor != ""
	if n.Style&yaml.TaggedStyle != 0 {
		sh.tag = n
	}
	for _, c := range n.Content {
		cs := inspect(c)
		sh.alias = sh.alias || cs.alias
		if sh.tag == nil {
			sh.tag = cs.tag
		}
		sh.depth = max(sh.depth, cs.depth)
	}
	if n.Kind == yaml.SequenceNode || n.Kind == yaml.MappingNode {
		sh.depth++
	}
	return sh
}

// name returns the field name of key, prefix and key ("kontakt[0].namn"),
// made once for a key that is written.
func (f *fields) name(key string) string {
	for _, kv := range f.values {
		if kv.key == key {
			return kv.name
		}
	}
	return f.prefix + key
}

func (f *fields) at(n *yaml.Node) diag.Pos { return nodePos(f.file, f.src, n) }

func (f *fields) errAt(n *yaml.Node, field string, id msg.ID, args ...any) {
	f.diags.AddError(f.at(n), field, id, args...)
}

// get returns the value of key, or nil when it is missing or empty. An
// empty value ("", [], or nothing after the colon) counts as absent: Decap
// CMS writes "" when an editor clears a field.
func (f *fields) get(key string) *yaml.Node {
	v := f.values.of(key)
	if v == nil || isEmpty(v) {
		return nil
	}
	return v
}

// isEmpty reports whether n is a value with nothing in it: null, a text of
// only spaces, an empty list or group.
func isEmpty(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.ShortTag() == "!!null" || n.ShortTag() == "!!str" && strings.TrimSpace(n.Value) == ""
	case yaml.SequenceNode, yaml.MappingNode:
		return len(n.Content) == 0
	}
	return false
}

// require reports every key of keys that is missing or empty, once: a key
// offered as the suggestion for a mistyped one is not reported missing.
func (f *fields) require(keys ...string) {
	for _, k := range keys {
		if f.get(k) != nil {
			continue
		}
		if v := f.values.of(k); v != nil {
			id := msg.FieldEmpty
			if k == "kontakt" {
				id = msg.KontaktEmpty // says what a contact needs
			}
			f.diags.AddError(f.at(v), f.prefix+k, id)
			continue
		}
		if _, written := f.pos[f.prefix+k]; written || slices.Contains(f.suggested, k) {
			continue // a rejected value or a mistyped key has its own error
		}
		f.diags.AddError(diag.Pos{File: f.file, Line: f.src.yamlLine - 1}, f.prefix+k, msg.FieldRequired)
	}
}

// text returns a text field, trimmed. Numbers and booleans are refused:
// "namn: 123" is more likely a slip than a name.
func (f *fields) text(key string, limit int) string {
	v := f.get(key)
	if v == nil {
		return ""
	}
	name := f.name(key)
	if v.Kind != yaml.ScalarNode {
		f.errAt(v, name, msg.FieldNotText, describe(v))
		return ""
	}
	switch v.ShortTag() {
	case "!!int", "!!float", "!!bool":
		if n := notation(v); !n.IsZero() {
			f.errAt(v, name, msg.FieldNotTextNotation, n, v.Value)
			return ""
		}
		f.errAt(v, name, msg.FieldNotTextQuote, describe(v), v.Value)
		return ""
	}
	return f.checkLen(v, name, strings.TrimSpace(v.Value), limit)
}

// phoneText is like text but accepts numbers, since an unquoted phone
// number is a number to YAML; the source text keeps its leading zero.
func (f *fields) phoneText(key string) string {
	v := f.get(key)
	if v == nil {
		return ""
	}
	if v.Kind != yaml.ScalarNode || v.ShortTag() == "!!bool" {
		f.errAt(v, f.name(key), msg.FieldNotPhone, describe(v))
		return ""
	}
	return f.checkLen(v, f.name(key), strings.TrimSpace(v.Value), maxNameLen)
}

// checkLen returns s, the trimmed text of v, when it is within limit and
// has no invisible characters; it reports it otherwise. Every text of the
// frontmatter is read through it.
func (f *fields) checkLen(v *yaml.Node, name, s string, limit int) string {
	if n := utf8.RuneCountInString(s); n > limit {
		f.errAt(v, name, msg.FieldTooLong, n, limit)
		return ""
	}
	if !f.visible(v, name, s) {
		return ""
	}
	return s
}

// element names entry i of the list name: "kommuner[2]". (Made for every
// entry of every list: one allocation, where fmt.Sprintf made three.)
func element(name string, i int) string {
	var buf [64]byte
	b := strconv.AppendInt(append(append(buf[:0], name...), '['), int64(i), 10)
	return string(append(b, ']'))
}

// declaredLists are the list fields whose values are declared in _index.md.
var declaredLists = []string{"kommuner", "funktion", "finansiering"}

// list returns a list of texts. A single text is read as a list of one, as
// an editor writing "kommuner: Mark" would expect. Elements are trimmed,
// must be non-empty and unique; each gets a position "key[i]".
func (f *fields) list(key string) []string {
	out, _ := f.readList(key, false)
	return out
}

// listAt is list that also returns where each value kept was written.
func (f *fields) listAt(key string) ([]string, []diag.Pos) {
	return f.readList(key, true)
}

// readList is list, and listAt when positions is set.
func (f *fields) readList(key string, positions bool) ([]string, []diag.Pos) {
	v := f.get(key)
	if v == nil {
		return nil, nil
	}
	name := f.name(key)
	items := []*yaml.Node{v}
	switch v.Kind {
	case yaml.SequenceNode:
		items = v.Content
	case yaml.MappingNode:
		f.errAt(v, name, msg.FieldNotList, describe(v))
		return nil, nil
	case yaml.ScalarNode:
		// "kommuner: Mark, Svenljunga" is one text to YAML; the editor
		// meant a list. Read it as one, so that the names are checked too.
		// Declared names never hold a comma, so for them it is an error; a
		// party's name may ("Förbundet Bollebygd, Mark och Svenljunga"), and
		// quotes say the text is one name.
		if v.ShortTag() == "!!str" && v.Style == 0 && strings.Contains(v.Value, ",") {
			var parts []string
			for _, p := range strings.Split(v.Value, ",") {
				if p = strings.TrimSpace(p); p != "" {
					parts = append(parts, p)
				}
			}
			list := "[" + strings.Join(parts, ", ") + "]"
			if slices.Contains(declaredLists, key) {
				f.errAt(v, name, msg.ListNoBrackets, list)
			} else {
				f.diags.AddWarning(f.at(v), name, msg.ListNoBracketsWarn, list, strings.TrimSpace(v.Value))
			}
			items = nil
			for _, p := range parts {
				items = append(items, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: p, Line: v.Line, Column: v.Column})
			}
		}
	}
	if len(items) > maxListLen {
		f.errAt(v, name, msg.ListTooLong, len(items), maxListLen)
		return nil, nil
	}
	out := make([]string, 0, len(items))
	var at []diag.Pos
	if positions {
		at = make([]diag.Pos, 0, len(items))
	}
	for i, it := range items {
		el := element(name, i)
		f.pos[el] = f.at(it)
		if it.Kind != yaml.ScalarNode || it.ShortTag() == "!!bool" || it.ShortTag() == "!!null" {
			f.errAt(it, name, msg.ListEntryNotText, i+1, describe(it))
			continue
		}
		s := f.checkLen(it, name, strings.TrimSpace(it.Value), maxNameLen)
		switch {
		case s == "":
			if strings.TrimSpace(it.Value) == "" { // else too long, or unreadable: said already
				f.errAt(it, name, msg.ListEntryEmpty, i+1)
			}
		case slices.Contains(out, s):
			// Harmless (the value counts once), like [Mark, mark] in package check.
			f.diags.AddWarning(f.at(it), name, msg.ListEntryTwice, s)
		default:
			out = append(out, s)
			if positions {
				at = append(at, f.at(it))
			}
		}
	}
	if len(out) == 0 {
		return nil, nil // as when nothing is written
	}
	return out, at
}

// date returns a YYYY-MM-DD date, quoted or not.
func (f *fields) date(key string) catalog.Date {
	v := f.get(key)
	if v == nil {
		return catalog.Date{}
	}
	name := f.name(key)
	if v.Kind != yaml.ScalarNode {
		f.errAt(v, name, msg.FieldNotDate, describe(v))
		return catalog.Date{}
	}
	text := strings.TrimSpace(v.Value)
	d, err := catalog.ParseDate(text)
	var de *catalog.DateError
	switch {
	case err == nil:
	case !errors.As(err, &de):
		f.errAt(v, name, msg.DateInvalid, text)
	case de.Problem == catalog.DateNoSuchMonth:
		f.errAt(v, name, msg.DateNoSuchMonth, text, de.Month)
	case de.Problem == catalog.DateNoSuchDay:
		f.errAt(v, name, msg.DateNoSuchDay, text, monthName(de.Month), de.Year, de.DaysInMonth)
	case de.Problem == catalog.DateOtherForm:
		g := de.Guess
		f.errAt(v, name, msg.DateOtherForm, text, g.String(), g.Day, monthName(int(g.Month)), g.Year)
	default:
		f.errAt(v, name, msg.DateInvalid, text)
	}
	return d
}

// monthName names month m (1–12) in the language of the message.
func monthName(m int) msg.Message {
	months := []msg.ID{msg.Month1, msg.Month2, msg.Month3, msg.Month4, msg.Month5, msg.Month6,
		msg.Month7, msg.Month8, msg.Month9, msg.Month10, msg.Month11, msg.Month12}
	if m < 1 || m > 12 {
		return msg.Message{}
	}
	return msg.New(months[m-1])
}

// boolean returns a true/false field; nil when absent.
func (f *fields) boolean(key string) *bool {
	v := f.get(key)
	if v == nil {
		return nil
	}
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
		f.errAt(v, f.name(key), msg.FieldNotBool, v.Value)
		return nil
	}
	b := v.Value == "true" || v.Value == "True" || v.Value == "TRUE"
	return &b
}

// integer returns a whole number in [lo, hi].
func (f *fields) integer(key string, lo, hi int) (int, bool) {
	v := f.get(key)
	if v == nil {
		return 0, false
	}
	name := f.name(key)
	if v.Kind == yaml.ScalarNode {
		switch n := notation(v); {
		case n.ID == msg.NotationDigits:
			f.errAt(v, name, msg.FieldNumberTooLong, v.Value, n.Args[0], lo, hi)
			return 0, false
		case !n.IsZero():
			f.errAt(v, name, msg.FieldNumberNotation, v.Value, n)
			return 0, false
		}
	}
	n, err := strconv.Atoi(v.Value)
	// YAML reads "029" (not octal) as a float; it is plain digits, 29.
	number := v.ShortTag() == "!!int" || v.ShortTag() == "!!float" && plainIntRE.MatchString(v.Value)
	if v.Kind != yaml.ScalarNode || !number || err != nil {
		f.errAt(v, name, msg.FieldNotWhole, describe(v))
		return 0, false
	}
	if n < lo || n > hi {
		f.errAt(v, name, msg.FieldOutOfRange, lo, hi, n)
		return 0, false
	}
	return n, true
}

// mapping returns a group-of-fields value, or nil.
func (f *fields) mapping(key, example string) *yaml.Node {
	v := f.get(key)
	if v == nil {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		f.errAt(v, f.name(key), msg.FieldNotGroup, example, describe(v))
		return nil
	}
	return v
}

// webb returns an http(s) address.
func (f *fields) webb(key string) string {
	s := f.text(key, 2000)
	if s == "" {
		return ""
	}
	// The same rule and messages as links in the body.
	if reason := markdown.CheckWebURL(s); !reason.IsZero() {
		f.errAt(f.values.of(key), f.name(key), msg.LinkNotAllowed, s, reason)
		return ""
	}
	return s
}
