package route

import (
	"slices"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
)

func TestAddresses(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{Activity("lotsen"), "verksamheter/lotsen/"},
		{Kommun("Borås"), "kommuner/boras/"},
		{Funktion("samordnande-insatser"), "funktioner/samordnande-insatser/"},
		{FinansieringPage("finsam"), "finansiering/finsam/"},
		{ForbundPage("sjuharad"), "forbund/sjuharad/"},
		{BookletKommun("Borås"), "utskrift/boras/"},
		{BookletForbund("sjuharad"), "forbund/sjuharad/utskrift/"},
		{HuvudmanPage("Borås Stad"), "huvudman/boras-stad/"},
		{Page(&catalog.Page{Kind: catalog.PlainPage, Slug: "om"}), "om/"},
		{Page(&catalog.Page{Kind: catalog.ForbundPage, Slug: "bms"}), "forbund/bms/"},
		{Page(&catalog.Page{Kind: catalog.TillganglighetPage, Slug: "tillganglighet"}), Statement},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestReservedCoversEverySection: a plain page named like any section or
// generated file would collide with it (content/granskning.md once stopped
// the build with a bare "two pages would be written to").
func TestReservedCoversEverySection(t *testing.T) {
	r := Reserved()
	for _, name := range []string{"verksamheter", "kommuner", "funktioner", "finansiering", "forbund", "huvudman",
		"avslutade", "utskrift", "granskning", "sok", "data", "admin", "feed", "sitemap", "robots", "404", "static"} {
		if !slices.Contains(r, name) {
			t.Errorf("%q is not reserved", name)
		}
	}
	if slices.Contains(r, "tillganglighet") {
		t.Error("tillganglighet is the statement's own page, not reserved")
	}
}
