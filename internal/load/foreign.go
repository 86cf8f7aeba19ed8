package load

import (
	"slices"
	"strings"
)

// foreignKeys maps keys that Hugo, Jekyll, WordPress exports and English
// habit put in frontmatter to the samkat keys they mean, in order of
// preference: the first one the file allows is suggested.
var foreignKeys = map[string][]string{
	"title":          {"namn", "titel"},
	"name":           {"namn", "titel"},
	"draft":          {"utkast"},
	"tags":           {"funktion"},
	"categories":     {"funktion"},
	"category":       {"funktion"},
	"date":           {"granskad"},
	"lastmod":        {"granskad"},
	"updated":        {"granskad"},
	"datum":          {"granskad"},
	"description":    {"beskrivning", "malgrupp"},
	"summary":        {"beskrivning", "malgrupp"},
	"url":            {"webb"},
	"link":           {"webb"},
	"website":        {"webb"},
	"homepage":       {"webb"},
	"hemsida":        {"webb"},
	"webbplats":      {"webb"},
	"lank":           {"webb"},
	"länk":           {"webb"},
	"email":          {"epost"},
	"e-mail":         {"epost"},
	"mail":           {"epost"},
	"e-post":         {"epost"},
	"mejl":           {"epost"},
	"phone":          {"telefon"},
	"tel":            {"telefon"},
	"telefonnr":      {"telefon"},
	"mobil":          {"telefon"},
	"address":        {"adress"},
	"role":           {"roll"},
	"titel":          {"namn"},
	"contact":        {"kontakt"},
	"kontakter":      {"kontakt"},
	"kontaktperson":  {"kontakt"},
	"municipality":   {"kommuner", "kommun"},
	"municipalities": {"kommuner"},
	"start_date":     {"start"},
	"end_date":       {"slut"},
	"startdatum":     {"start"},
	"slutdatum":      {"slut"},
	"target":         {"malgrupp"},
	"målgrupp":       {"malgrupp"},
	"ålder":          {"alder"},
	"förbund":        {"forbund"},
	"språk":          {"sprak"},
	"language":       {"sprak"},
	"lang":           {"sprak"},
}

// foreignKey returns the samkat key that key, written as another tool
// would, stands for, if the file allows one.
func foreignKey(key string, allowed []string) string {
	for _, s := range foreignKeys[strings.ToLower(strings.TrimSpace(key))] {
		if slices.Contains(allowed, s) {
			return s
		}
	}
	return ""
}
