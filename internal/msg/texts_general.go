package msg

// General words and pieces that other messages are built from.
const (
	Verbatim      ID = "verbatim"
	SevError      ID = "severity-error"
	SevWarning    ID = "severity-warning"
	SevInfo       ID = "severity-info"
	SummaryCounts ID = "summary-counts"
	Errors1       ID = "count-errors-1"
	ErrorsN       ID = "count-errors-n"
	Warnings1     ID = "count-warnings-1"
	WarningsN     ID = "count-warnings-n"
	DidYouMean    ID = "did-you-mean"
	DidYouMeanAlt ID = "did-you-mean-file"
	ValidList     ID = "valid-list"
	KnownList     ID = "known-list"

	KindList         ID = "kind-list"
	KindGroup        ID = "kind-group"
	KindAlias        ID = "kind-alias"
	KindNumber       ID = "kind-number"
	KindBool         ID = "kind-bool"
	KindEmpty        ID = "kind-empty"
	KindDate         ID = "kind-date"
	KindText         ID = "kind-text"
	KindFunc         ID = "kind-function"
	KindFinance      ID = "kind-financing"
	MoreOfKind       ID = "more-of-kind"
	ForbundAddOne    ID = "forbund-add-one"
	UsedInActivities ID = "used-in-activities"

	// Pieces of the value messages: characters and months.
	CharDash      ID = "char-dash"
	CharNBSP      ID = "char-nbsp"
	CharInvisible ID = "char-invisible"
	Month1        ID = "month-1"
	Month2        ID = "month-2"
	Month3        ID = "month-3"
	Month4        ID = "month-4"
	Month5        ID = "month-5"
	Month6        ID = "month-6"
	Month7        ID = "month-7"
	Month8        ID = "month-8"
	Month9        ID = "month-9"
	Month10       ID = "month-10"
	Month11       ID = "month-11"
	Month12       ID = "month-12"
)

var generalTexts = map[ID]Text{
	Verbatim:      {Sv: "%s", En: "%s"},
	SevError:      {Sv: "fel", En: "error"},
	SevWarning:    {Sv: "varning", En: "warning"},
	SevInfo:       {Sv: "information", En: "info"},
	SummaryCounts: {Sv: "%s, %s", En: "%s, %s"},
	Errors1:       {Sv: "1 fel", En: "1 error"},
	ErrorsN:       {Sv: "%d fel", En: "%d errors"},
	Warnings1:     {Sv: "1 varning", En: "1 warning"},
	WarningsN:     {Sv: "%d varningar", En: "%d warnings"},
	DidYouMean:    {Sv: "; menade du %q?", En: "; did you mean %q?"},
	DidYouMeanAlt: {Sv: "; menade du content/%s/%s.md?", En: "; did you mean content/%s/%s.md?"},
	ValidList:     {Sv: " (giltiga: %s)", En: " (valid: %s)"},
	KnownList:     {Sv: " (finns: %s)", En: " (known: %s)"},

	KindList:         {Sv: "en lista", En: "a list"},
	KindGroup:        {Sv: "en grupp av fält", En: "a group of fields"},
	KindAlias:        {Sv: "ett alias", En: "an alias"},
	KindNumber:       {Sv: "ett tal", En: "a number"},
	KindBool:         {Sv: "true/false", En: "true/false"},
	KindEmpty:        {Sv: "tomt", En: "empty"},
	KindDate:         {Sv: "ett datum", En: "a date"},
	KindText:         {Sv: "text", En: "text"},
	KindFunc:         {Sv: "funktion", En: "function"},
	KindFinance:      {Sv: "finansieringskälla", En: "financing source"},
	MoreOfKind:       {Sv: "… och %d varningar till av samma slag (alla visas med --warnings=all)", En: "… and %d more warnings like it (--warnings=all shows them all)"},
	ForbundAddOne:    {Sv: " (skapa en, eller ta bort forbund och skriv huvudmannen i huvudman)", En: " (add one, or leave forbund out and name the organiser in huvudman)"},
	UsedInActivities: {Sv: "%d verksamheter", En: "%d activities"},
	CharDash:         {Sv: "ett tankstreck (%s) i stället för ett bindestreck (-)", En: "a dash (%s) instead of a hyphen (-)"},
	CharNBSP:         {Sv: "ett hårt mellanslag i stället för ett vanligt", En: "a non-breaking space instead of a plain one"},
	CharInvisible:    {Sv: "ett osynligt tecken (%s)", En: "an invisible character (%s)"},
	Month1:           {Sv: "januari", En: "January"},
	Month2:           {Sv: "februari", En: "February"},
	Month3:           {Sv: "mars", En: "March"},
	Month4:           {Sv: "april", En: "April"},
	Month5:           {Sv: "maj", En: "May"},
	Month6:           {Sv: "juni", En: "June"},
	Month7:           {Sv: "juli", En: "July"},
	Month8:           {Sv: "augusti", En: "August"},
	Month9:           {Sv: "september", En: "September"},
	Month10:          {Sv: "oktober", En: "October"},
	Month11:          {Sv: "november", En: "November"},
	Month12:          {Sv: "december", En: "December"},
}
