// Package schema writes a JSON Schema (draft 2020-12) of an activity's
// frontmatter for one catalogue: the fields of the content format with their
// types, Swedish descriptions and examples, and the catalogue's own
// municipalities, functions, financing sources, referrers and förbund as the
// values an editor may choose from. Editors' YAML tools use it to complete
// and check fields as they type; samkat check stays the real check.
//
// The fields come from package load's key lists (load.ActivityKeys …); this
// package adds what a schema needs to say about each (fields.go), and its
// tests check that the two name the same keys and that every valid activity
// of the repository's catalogues validates.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/load"
)

// Dialect is the JSON Schema version the schema is written in.
const Dialect = "https://json-schema.org/draft/2020-12/schema"

// Values are what a catalogue declares that activities may refer to.
type Values struct {
	Titel        string // the catalogue's title, for the schema's title
	Kommuner     []string
	Funktioner   []catalog.Term
	Finansiering []catalog.Term
	Remiss       []string // the known referrers; empty: any text
	Forbund      []string // slugs of content/forbund/ pages; empty: any slug
}

// FromCatalogue takes the Values of a loaded catalogue. It needs the index.
func FromCatalogue(cat *catalog.Catalogue) Values {
	v := Values{}
	if ix := cat.Index; ix != nil {
		v.Titel = ix.Titel
		v.Kommuner = ix.Kommuner
		v.Funktioner = ix.Funktioner
		v.Finansiering = ix.Finansiering
		v.Remiss = ix.Remiss
	}
	for _, p := range cat.Pages {
		if p.Kind == catalog.ForbundPage {
			v.Forbund = append(v.Forbund, p.Slug)
		}
	}
	return v
}

// Activity returns the schema of an activity's frontmatter, as indented
// JSON ending in a newline. It fails only when the field table lacks a key
// the loader knows, which the package's tests rule out.
func Activity(v Values) ([]byte, error) {
	props, err := properties(load.ActivityKeys(), activityFields, v)
	if err != nil {
		return nil, err
	}
	contact, err := properties(load.ContactKeys(), contactFields, v)
	if err != nil {
		return nil, err
	}
	alder, err := properties(load.AlderKeys(), alderFields, v)
	if err != nil {
		return nil, err
	}
	title := "Verksamhet"
	if v.Titel != "" {
		title += " i " + v.Titel
	}
	s := obj{
		{"$schema", Dialect},
		{"title", title},
		{"description", "Fälten överst i en fil i content/verksamheter/ (mellan raderna med ---). " +
			"Gjort av samkat schema från content/_index.md: gör om det när kommuner, funktioner, finansiering eller remittenter ändras. " +
			"samkat check är den kontroll som gäller; schemat hjälper redigeraren att fylla i."},
		{"type", "object"},
		{"required", required(load.ActivityKeys(), activityFields)},
		{"properties", props},
		{"additionalProperties", false},
		{"$defs", obj{
			{"kommun", kommunDef(v.Kommuner, false)},
			{"kommunEllerAlla", kommunDef(v.Kommuner, true)},
			{"funktion", termDef("En funktion ur funktioner i content/_index.md, med sitt id", v.Funktioner)},
			{"finansiering", termDef("En finansieringskälla ur finansiering i content/_index.md, med sitt id", v.Finansiering)},
			{"remittent", remissDef(v.Remiss)},
			{"datum", obj{
				{"description", "Ett datum som ÅÅÅÅ-MM-DD, med eller utan citattecken"},
				{"type", "string"},
				{"format", "date"},
				{"pattern", `^\d{4}-\d{2}-\d{2}$`},
				{"examples", []any{"2026-10-01"}},
			}},
			{"kontakt", obj{
				{"description", "En kontakt: minst ett namn, ett telefonnummer, en e-postadress eller en adress"},
				{"type", "object"},
				{"properties", contact},
				{"additionalProperties", false},
				{"anyOf", []any{
					obj{{"required", []string{"namn"}}},
					obj{{"required", []string{"telefon"}}},
					obj{{"required", []string{"epost"}}},
					obj{{"required", []string{"adress"}}},
				}},
			}},
			{"alder", obj{
				{"type", "object"},
				{"properties", alder},
				{"additionalProperties", false},
			}},
		}},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("encoding the schema: %w", err)
	}
	return b.Bytes(), nil
}

// properties builds the properties of one mapping from the loader's keys,
// in the loader's order, and the table's description of each.
func properties(keys []string, table map[string]field, v Values) (obj, error) {
	var out obj
	for _, k := range keys {
		f, ok := table[k]
		if !ok {
			return nil, fmt.Errorf("schema: no description of the field %q (add it to internal/schema/fields.go)", k)
		}
		p := f.schema(v)
		if !f.required {
			p = nullable(p)
		}
		p = append(obj{{"description", f.desc}}, p...)
		if f.examples != nil {
			if ex := f.examples(v); len(ex) > 0 {
				p = append(p, member{"examples", ex})
			}
		}
		out = append(out, member{k, p})
	}
	return out, nil
}

// required lists the keys the table marks required, in the loader's order.
func required(keys []string, table map[string]field) []string {
	var out []string
	for _, k := range keys {
		if table[k].required {
			out = append(out, k)
		}
	}
	return out
}

// nullable lets an optional field be written empty ("webb:"), which the
// loader reads as absent.
func nullable(p obj) obj {
	out := make(obj, len(p))
	copy(out, p)
	for i, m := range out {
		switch m.Key {
		case "type":
			switch t := m.Value.(type) {
			case string:
				out[i].Value = []string{t, "null"}
			case []string:
				out[i].Value = append(append([]string{}, t...), "null")
			}
			return out
		case "anyOf":
			alts := append([]any{}, m.Value.([]any)...)
			out[i].Value = append(alts, obj{{"type", "null"}})
			return out
		case "enum":
			out[i].Value = append(append([]any{}, m.Value.([]any)...), nil)
			return out
		case "$ref":
			return obj{{"anyOf", []any{out, obj{{"type", "null"}}}}}
		}
	}
	return out
}

// kommunDef is a municipality declared in the index; alla (every
// municipality) when withAlla. The loader matches names ignoring case and
// surrounding space, so besides the exact names (which editors complete)
// any such spelling is valid.
func kommunDef(kommuner []string, withAlla bool) obj {
	names := append([]string{}, kommuner...)
	desc := "En kommun ur kommuner i content/_index.md: " + strings.Join(kommuner, ", ")
	if withAlla {
		names = append(names, catalog.KommunAlla)
		desc += `; eller "alla" (ensam) för alla kommuner`
	}
	return oneOfNames(desc, names)
}

// remissDef is a referrer: one of the index's list when it has one.
func remissDef(remiss []string) obj {
	if len(remiss) == 0 {
		return obj{{"description", "Vem som kan remittera till verksamheten"}, {"type", "string"}, {"minLength", 1}}
	}
	return oneOfNames("En remittent ur remiss i content/_index.md: "+strings.Join(remiss, ", "), remiss)
}

// oneOfNames accepts the names exactly (for completion) or written with
// other capitals and surrounding space, as the loader matches them.
func oneOfNames(desc string, names []string) obj {
	if len(names) == 0 {
		return obj{{"description", desc}, {"not", obj{}}} // nothing is valid until the index declares some
	}
	alts := make([]string, len(names))
	for i, n := range names {
		alts[i] = caseless(n)
	}
	return obj{
		{"description", desc},
		{"anyOf", []any{
			obj{{"enum", names}},
			obj{{"type", "string"}, {"pattern", `^\s*(?:` + strings.Join(alts, "|") + `)\s*$`}},
		}},
	}
}

// caseless is a pattern for s in any mix of capitals: [Bb][Oo][Rr][Åå][Ss].
// JSON Schema's regular expressions have no case-insensitive flag.
func caseless(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		lo, up := unicode.ToLower(r), unicode.ToUpper(r)
		if lo == up {
			b.WriteString(regexp.QuoteMeta(string(r)))
			continue
		}
		fmt.Fprintf(&b, "[%c%c]", lo, up)
	}
	return b.String()
}

// termDef is an id of an axis of the index: functions or financing.
func termDef(desc string, terms []catalog.Term) obj {
	ids := make([]string, len(terms))
	named := make([]string, len(terms))
	for i, t := range terms {
		ids[i] = t.ID
		named[i] = t.ID + " (" + t.Namn + ")"
	}
	if len(ids) == 0 {
		return obj{{"description", desc}, {"not", obj{}}}
	}
	return obj{{"description", desc + ": " + strings.Join(named, ", ")}, {"enum", ids}}
}

// obj is a JSON object that keeps its members' order, so that the schema
// reads in the content format's order.
type obj []member

type member struct {
	Key   string
	Value any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.Key)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		var v bytes.Buffer
		enc := json.NewEncoder(&v)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(m.Value); err != nil {
			return nil, fmt.Errorf("%s: %w", m.Key, err)
		}
		b.Write(bytes.TrimRight(v.Bytes(), "\n"))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
