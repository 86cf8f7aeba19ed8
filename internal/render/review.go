package render

import (
	"fmt"

	"github.com/samkat/samkat/internal/site"
)

// The texts of .T the review report reads.
var reviewTexts = []string{"reviewSummary", "reviewCaption", "reviewActivity", "reviewed", "reviewState",
	"reviewContact", "reviewUnreachable", "reviewNoReachNote"}

// writeReview appends the review report, as review.html prints it in the
// frame of base.html (see pages.go).
func writeReview(b []byte, v *site.ReviewView) ([]byte, bool) {
	t := v.T
	if !hasTexts(t, reviewTexts...) {
		return b, false
	}
	return writePage(b, &v.Frame, func(b []byte) []byte {
		b = append(b, "\n<h1>"...)
		b = appendHTML(b, v.Title)
		b = append(b, "</h1>\n<p class=\"lead\">"...)
		b = appendHTML(b, v.Intro)
		b = append(b, "</p>\n<p>"...)
		b = appendHTML(b, fmt.Sprintf(t["reviewSummary"], v.Missing, v.Stale, v.Limit, v.Fresh))
		b = append(b, "</p>"...)
		if len(v.Rows) > 0 {
			b = append(b, "\n<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"granskning-rubrik\" tabindex=\"0\">\n<table class=\"review\">\n<caption id=\"granskning-rubrik\">"...)
			b = appendHTML(b, t["reviewCaption"])
			b = append(b, "</caption>\n<thead>\n<tr><th scope=\"col\">"...)
			b = appendHTML(b, t["reviewActivity"])
			b = append(b, "</th><th scope=\"col\">"...)
			b = appendHTML(b, t["reviewed"])
			b = append(b, "</th><th scope=\"col\">"...)
			b = appendHTML(b, t["reviewState"])
			b = append(b, "</th><th scope=\"col\">"...)
			b = appendHTML(b, t["reviewContact"])
			b = append(b, "</th></tr>\n</thead>\n<tbody>"...)
			// The labels of the cells are the same in every row.
			reviewed := appendHTML(nil, t["reviewed"])
			state := appendHTML(nil, t["reviewState"])
			contact := appendHTML(nil, t["reviewContact"])
			for i := range v.Rows {
				r := &v.Rows[i]
				b = append(b, "\n<tr class=\"review-"...)
				b = appendHTML(b, r.StateKey)
				b = append(b, "\"><th scope=\"row\"><a href=\""...)
				b = appendURL(b, r.Href, false)
				b = append(b, "\">"...)
				b = appendHTML(b, r.Name)
				b = append(b, "</a></th><td data-label=\""...)
				b = append(b, reviewed...)
				b = append(b, "\">"...)
				if r.Reviewed != "" {
					b = appendHTML(b, r.Reviewed)
				} else {
					b = append(b, "–"...)
				}
				b = append(b, "</td><td data-label=\""...)
				b = append(b, state...)
				b = append(b, "\">"...)
				b = appendHTML(b, r.State)
				b = append(b, "</td><td data-label=\""...)
				b = append(b, contact...)
				b = append(b, "\">"...)
				b = appendHTML(b, r.Contact)
				b = append(b, "</td></tr>"...)
			}
			b = append(b, "\n</tbody>\n</table>\n</div>"...)
		} else {
			b = append(b, "\n<p>"...)
			b = appendHTML(b, v.Empty)
			b = append(b, "</p>"...)
		}
		if len(v.Unreachable) > 0 {
			b = append(b, "\n<h2 id=\"gar-inte-att-na\">"...)
			b = appendHTML(b, t["reviewUnreachable"])
			b = append(b, "</h2>\n<p>"...)
			b = appendHTML(b, t["reviewNoReachNote"])
			b = append(b, "</p>\n<ul class=\"review-unreachable\">"...)
			for i := range v.Unreachable {
				r := &v.Unreachable[i]
				b = append(b, "\n<li><a href=\""...)
				b = appendURL(b, r.Href, false)
				b = append(b, "\">"...)
				b = appendHTML(b, r.Name)
				b = append(b, "</a>"...)
				if r.State != "" {
					b = append(b, " ("...)
					b = appendHTML(b, r.State)
					b = append(b, ")"...)
				}
				if r.Contact != "" {
					b = append(b, " – "...)
					b = appendHTML(b, r.Contact)
				}
				b = append(b, "</li>"...)
			}
			b = append(b, "\n</ul>"...)
		}
		return append(b, '\n')
	})
}
