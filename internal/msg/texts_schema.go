package msg

// What check says in GitHub Actions (the annotations that count the rest,
// the job summary), and what samkat schema says.
const (
	GitHubMoreErrors        ID = "github-more-errors"
	GitHubMoreWarnings      ID = "github-more-warnings"
	GitHubMoreNotices       ID = "github-more-notices"
	GitHubSummaryTitle      ID = "github-summary-title"
	GitHubSummaryNoErrors   ID = "github-summary-no-errors"
	GitHubSummaryErrors     ID = "github-summary-errors"
	GitHubSummaryWarnings   ID = "github-summary-warnings"
	GitHubSummaryPlace      ID = "github-summary-place"
	GitHubSummaryField      ID = "github-summary-field"
	GitHubSummaryMessage    ID = "github-summary-message"
	GitHubSummaryCount      ID = "github-summary-count"
	GitHubSummaryExample    ID = "github-summary-example"
	GitHubSummaryMoreErrors ID = "github-summary-more-errors"
	HelpSchema              ID = "help-schema"
	FlagSchemaOut           ID = "flag-schema-o"
	SchemaWrote             ID = "schema-wrote"
	SchemaIndexBroken       ID = "schema-index-broken"
)

var schemaTexts = map[ID]Text{
	GitHubMoreErrors: {
		Sv: "%d fel till visas inte här (GitHub visar högst %d per steg); alla står i loggen och i sammanfattningen av körningen",
		En: "%d more errors are not shown here (GitHub shows at most %d per step); all are in the log and the run's summary",
	},
	GitHubMoreWarnings: {
		Sv: "%d varningar till visas inte här (GitHub visar högst %d per steg); alla står i loggen och i sammanfattningen av körningen",
		En: "%d more warnings are not shown here (GitHub shows at most %d per step); all are in the log and the run's summary",
	},
	GitHubMoreNotices: {
		Sv: "%d noteringar till visas inte här (GitHub visar högst %d per steg); alla står i loggen",
		En: "%d more notes are not shown here (GitHub shows at most %d per step); all are in the log",
	},
	GitHubSummaryTitle:      {Sv: "samkat %s: %s", En: "samkat %s: %s"},
	GitHubSummaryNoErrors:   {Sv: "Inga fel: katalogen går att publicera.", En: "No errors: the catalogue can be published."},
	GitHubSummaryErrors:     {Sv: "Fel (måste rättas innan något publiceras)", En: "Errors (must be fixed before anything is published)"},
	GitHubSummaryWarnings:   {Sv: "Varningar, per slag", En: "Warnings, by kind"},
	GitHubSummaryPlace:      {Sv: "Var", En: "Where"},
	GitHubSummaryField:      {Sv: "Fält", En: "Field"},
	GitHubSummaryMessage:    {Sv: "Meddelande", En: "Message"},
	GitHubSummaryCount:      {Sv: "Antal", En: "Count"},
	GitHubSummaryExample:    {Sv: "Exempel", En: "Example"},
	GitHubSummaryMoreErrors: {Sv: "… och %d fel till; alla står i loggen.", En: "… and %d more errors; all are in the log."},
	HelpSchema: {
		Sv: "Användning: samkat schema [flaggor] [mapp]\n\nSkriver ett JSON Schema (2020-12) för fälten i content/verksamheter/*.md i katalogen i mapp\n(standard .), med katalogens kommuner, funktioner, finansiering och remittenter som tillåtna\nvärden. En redigerare kan använda det för att föreslå och kontrollera fält; se docs/verktyg.md.\n\nFlaggor:\n",
		En: "Usage: samkat schema [options] [dir]\n\nWrites a JSON Schema (2020-12) of the fields of content/verksamheter/*.md for the catalogue in dir\n(default .), with its municipalities, functions, financing sources and referrers as the allowed\nvalues. An editor can use it to suggest and check fields; see docs/verktyg.md.\n\nOptions:\n",
	},
	FlagSchemaOut:     {Sv: "fil att skriva schemat till (standard: skriv det på standard ut)", En: "file to write the schema to (default: print it on standard output)"},
	SchemaWrote:       {Sv: "skrev schemat till %s", En: "wrote the schema to %s"},
	SchemaIndexBroken: {Sv: "content/_index.md har fel; rätta dem (samkat check) och gör schemat igen", En: "content/_index.md has errors; fix them (samkat check) and make the schema again"},
}
