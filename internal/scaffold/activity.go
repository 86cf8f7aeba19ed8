package scaffold

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"

	"go.yaml.in/yaml/v3"
)

// ActivityTemplate is where a catalogue may keep its own template for
// `samkat new`, relative to the catalogue folder; samkat's built-in one is
// the same path in its layouts.
const ActivityTemplate = "layouts/_new/verksamhet.md"

// Activity is what the template of a new activity is given. The field
// names are the template's variables, documented in docs/kom-igang.md.
type Activity struct {
	Namn         string   // the name, as given
	Slug         string   // the file name without .md
	Funktion     []string // ids, in the index's spelling; empty when not given
	Kommuner     []string // names in the index's spelling, or [alla]; empty when not given
	Finansiering []string // ids, in the index's spelling; empty when not given
	Granskad     string   // the build day, YYYY-MM-DD
	Katalog      Catalogue
}

// Catalogue is what content/_index.md declares, for comments that list
// the valid values.
type Catalogue struct {
	Titel        string
	Kommuner     []string
	Funktioner   []Term
	Finansiering []Term
	Forbund      []string // slugs of the pages in content/forbund/
}

// Term is an entry of an axis: the id activities write and its name.
type Term struct {
	ID, Namn string
}

// RenderActivity fills the template src (named name in errors) with a.
func RenderActivity(name string, src []byte, a Activity) ([]byte, error) {
	t, err := template.New(name).Option("missingkey=error").Funcs(template.FuncMap{"yaml": yamlValue}).Parse(string(src))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, a); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// yamlValue writes a text as a YAML scalar and a list of texts as a YAML
// flow list ([a, b]), quoted where YAML needs it: a name such as
// "Steg 1: arbete" or "Ja" must stay text.
func yamlValue(v any) (string, error) {
	var n *yaml.Node
	switch v := v.(type) {
	case string:
		n = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
	case []string:
		n = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, s := range v {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
		}
	default:
		return "", fmt.Errorf("yaml: want a text or a list of texts, got %T", v)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return "", fmt.Errorf("yaml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return "", fmt.Errorf("yaml: %w", err)
	}
	out := strings.TrimSuffix(buf.String(), "\n")
	if strings.Contains(out, "\n") {
		// A value over several lines would break the frontmatter's layout;
		// a double-quoted scalar keeps it on one.
		if n.Kind == yaml.ScalarNode {
			n.Style = yaml.DoubleQuotedStyle
		}
		for _, c := range n.Content {
			c.Style = yaml.DoubleQuotedStyle
		}
		buf.Reset()
		enc = yaml.NewEncoder(&buf)
		if err := enc.Encode(n); err != nil {
			return "", fmt.Errorf("yaml: %w", err)
		}
		if err := enc.Close(); err != nil {
			return "", fmt.Errorf("yaml: %w", err)
		}
		out = strings.TrimSuffix(buf.String(), "\n")
	}
	return out, nil
}
