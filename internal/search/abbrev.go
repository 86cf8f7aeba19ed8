package search

import (
	"slices"
	"strings"

	"github.com/samkat/samkat/internal/catalog"
)

// builtinSynonyms are abbreviations that caseworkers use across the
// country, with what they stand for. They apply in every catalogue, as if
// declared under synonymer in content/_index.md; a catalogue's own entry
// for the same abbreviation takes their place.
func builtinSynonyms() []catalog.Synonym {
	return []catalog.Synonym{
		{Ord: "AF", Betyder: "Arbetsförmedlingen"},
		{Ord: "FK", Betyder: "Försäkringskassan"},
		{Ord: "NPF", Betyder: "neuropsykiatrisk funktionsnedsättning"},
		{Ord: "SFI", Betyder: "svenska för invandrare"},
		{Ord: "SIP", Betyder: "samordnad individuell plan"},
		{Ord: "IFO", Betyder: "individ- och familjeomsorg"},
		{Ord: "LSS", Betyder: "stöd och service till vissa funktionshindrade"},
		{Ord: "BUP", Betyder: "barn- och ungdomspsykiatri"},
		{Ord: "VC", Betyder: "vårdcentral"},
		{Ord: "KF", Betyder: "kommunalförbund"},
		{Ord: "AME", Betyder: "arbetsmarknadsenhet"},
		{Ord: "ESF", Betyder: "Europeiska socialfonden"},
		{Ord: "SoL", Betyder: "socialtjänstlagen"},
		{Ord: "HSL", Betyder: "hälso- och sjukvårdslagen"},
		{Ord: "KAA", Betyder: "kommunalt aktivitetsansvar"},
		{Ord: "UVAS", Betyder: "unga som varken arbetar eller studerar"},
		{Ord: "Finsam", Betyder: "finansiell samordning"},
	}
}

// withBuiltins returns the catalogue's synonyms and the built-in ones
// whose abbreviation the catalogue does not declare.
func withBuiltins(own []catalog.Synonym) []catalog.Synonym {
	out := slices.Clone(own)
	declared := map[string]bool{}
	for _, s := range own {
		declared[strings.Join(Tokens(s.Ord), " ")] = true
	}
	for _, s := range builtinSynonyms() {
		if !declared[strings.Join(Tokens(s.Ord), " ")] {
			out = append(out, s)
		}
	}
	return out
}
