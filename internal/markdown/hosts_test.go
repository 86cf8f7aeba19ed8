package markdown

import "testing"

func TestMixedScripts(t *testing.T) {
	for host, want := range map[string]string{
		"boras.se":         "",
		"borås.se":         "",
		"xn--bras-tve.se":  "",
		"пример.рф":        "",
		"παράδειγμα.gr":    "",
		"日本語a.jp":          "",
		"bоras.se":         `the host name mixes alphabets: "о" is a letter of the Cyrillic alphabet and "b" of the Latin; type the address with letters of one alphabet`,
		"аpple.com":        `the host name mixes alphabets: "а" is a letter of the Cyrillic alphabet and "p" of the Latin; type the address with letters of one alphabet`,
		"www.bοras.se":     `the host name mixes alphabets: "ο" is a letter of the Greek alphabet and "b" of the Latin; type the address with letters of one alphabet`,
		"пpимер.se":        `the host name mixes alphabets: "p" is a letter of the Latin alphabet and "п" of the Cyrillic; type the address with letters of one alphabet`,
		"bоras.xn--p1ai":   `the host name mixes alphabets: "о" is a letter of the Cyrillic alphabet and "b" of the Latin; type the address with letters of one alphabet`,
		"exаmple.boras.se": `the host name mixes alphabets: "а" is a letter of the Cyrillic alphabet and "e" of the Latin; type the address with letters of one alphabet`,
		"123.45.67.89":     "",
		"[::1]":            "",
		"a-b-c.se":         "",
		"boras.se:8080":    "",
	} {
		if got := MixedScripts(host).String(); got != want {
			t.Errorf("%s: %q, want %q", host, got, want)
		}
	}
}

func TestCheckBaseURL(t *testing.T) {
	for u, want := range map[string]string{
		"https://example.se/":           "",
		"https://example.se":            "",
		"https://example.se/katalog/":   "",
		"https://example.se/a/b":        "",
		"https://a.se//b.example/":      "the path has an empty segment (//), and then the pages can load files from another host",
		"https://a.se/x//":              "the path has an empty segment (//), and then the pages can load files from another host",
		"https://a.se/%2F%2Fb.example/": "the path has an empty segment (//), and then the pages can load files from another host",
		`https://a.se/\b.example/`:      `the path has a backslash (\), which browsers read as /`,
		"https://a.se/?":                "it has a query (?); the address ends with the site's folder",
		"https://a.se/x?y=1":            "it has a query (?y=1); the address ends with the site's folder",
		"https://a.se/x#":               "it has a fragment (#); the address ends with the site's folder",
		"https://a.se/x#top":            "it has a fragment (#top); the address ends with the site's folder",
	} {
		if got := CheckBaseURL(u).String(); got != want {
			t.Errorf("%s: %q, want %q", u, got, want)
		}
	}
}
