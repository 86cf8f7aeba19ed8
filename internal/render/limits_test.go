package render

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/site"
)

// TestPageSizeLimit: a page of exactly the limit renders; one byte more is
// an error that names the layout and the page.
func TestPageSizeLimit(t *testing.T) {
	r, err := New(with(builtin(), "home.html", `{{define "main"}}{{range 40}}x{{end}}{{end}}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Render(page("home", "T"))
	if err != nil {
		t.Fatal(err)
	}
	r.maxPage = len(b)
	if _, err := r.Render(page("home", "T")); err != nil {
		t.Errorf("a page of exactly the limit: %v", err)
	}
	r.maxPage = len(b) - 1
	_, err = r.Render(page("home", "T"))
	var me *msg.Error
	if !errors.As(err, &me) || me.Msg.ID != msg.LayoutPageTooBig {
		t.Fatalf("one byte past the limit: err = %v", err)
	}
}

// TestLayoutThatLoopsForEver: {{range 100000000000}} with the real size
// limit ends at the limit, not at the end of the loop.
func TestLayoutThatLoopsForEver(t *testing.T) {
	r, err := New(builtin(), with(builtin(), "home.html", `{{define "main"}}{{range 100000000000}}lol {{end}}{{end}}`))
	if err != nil {
		t.Fatal(err)
	}
	r.maxPage = 1 << 20 // the real limit works the same, only later
	_, err = r.Render(page("home", "T"))
	want := "layouts/home.html: the page x/index.html grew larger than 1 MiB; check the layout (or base.html and _partials/) for a loop ({{range}}) that never ends"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}

// TestLayoutTimeLimit: a page not done by the deadline is an error that
// names its layout; the loop stops at its next write. The deadline is made
// short here: what is checked is the message, not the time.
func TestLayoutTimeLimit(t *testing.T) {
	r, err := New(builtin(), with(builtin(), "list.html", `{{define "main"}}{{range 100000000000}}{{$.Title}}{{end}}{{end}}`))
	if err != nil {
		t.Fatal(err)
	}
	r.maxPage = 1 << 40
	r.timeout = time.Millisecond
	_, err = r.Render(page("list", "T"))
	var me *msg.Error
	if !errors.As(err, &me) || me.Msg.ID != msg.LayoutTooSlow {
		t.Fatalf("err = %v, want %s", err, msg.LayoutTooSlow)
	}
	if want := "layouts/list.html: the page x/index.html was not done after 1ms"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %q, want it to start %q", err, want)
	}
	if got := me.Msg.In(msg.Sv); !strings.HasPrefix(got, "layouts/list.html: sidan x/index.html var inte klar efter 1ms") {
		t.Errorf("in Swedish: %q", got)
	}
}

// TestEntryThatLoopsForEver: a catalogue's own partial that Prerender
// renders is held to the limits of a page, and the error names its file
// and the first page that shows it.
func TestEntryThatLoopsForEver(t *testing.T) {
	own := fstest.MapFS{"_partials/item.html": file(`{{define "item"}}{{range 100000000000}}lol {{end}}{{end}}`)}
	r, err := New(os.DirFS("../../layouts"), own)
	if err != nil {
		t.Fatal(err)
	}
	r.maxPage = 1 << 20
	err = r.Prerender(context.Background(), testPages())
	// Which page is named depends on which entry fails first.
	if err == nil || !strings.HasPrefix(err.Error(), "layouts/_partials/item.html: the page ") || !strings.Contains(err.Error(), "index.html grew larger than 1 MiB") {
		t.Errorf("err = %v, want the size limit, naming _partials/item.html and a page", err)
	}
}

// TestWrittenPageSizeLimit: the pages and entries written without
// html/template have the limit of those it renders.
func TestWrittenPageSizeLimit(t *testing.T) {
	r, err := New(os.DirFS("../../layouts"), nil)
	if err != nil {
		t.Fatal(err)
	}
	pg := site.Page{Path: "verksamheter/x/index.html", Template: "activity", View: trickyView(3)}
	b, err := r.Render(pg)
	if err != nil {
		t.Fatal(err)
	}
	r.maxPage = len(b)
	if _, err := r.Render(pg); err != nil {
		t.Errorf("a page of exactly the limit: %v", err)
	}
	r.maxPage = len(b) - 1
	_, err = r.Render(pg)
	var me *msg.Error
	if !errors.As(err, &me) || me.Msg.ID != msg.LayoutPageTooBig || !strings.Contains(err.Error(), "activity.html") {
		t.Fatalf("one byte past the limit: err = %v", err)
	}

	v := trickyView(3)
	v.T["draftMark"] = "utkast"
	entry := site.Item{Name: strings.Repeat("x", 200), Href: "../x/"}
	list := &site.ListView{Frame: v.Frame, Groups: []site.Group{{Items: []site.Item{entry}}}}
	r.maxPage = 100
	err = r.Prerender(context.Background(), []site.Page{{Path: "verksamheter/index.html", Template: "list", View: list}})
	if !errors.As(err, &me) || me.Msg.ID != msg.LayoutPageTooBig || !strings.Contains(err.Error(), "item.html") {
		t.Fatalf("an entry past the limit: err = %v", err)
	}
}

// TestRenderAppendReuses: a page written with html/template is written
// into the caller's buffer when it is large enough, from its start, and
// is the page Render writes.
func TestRenderAppendReuses(t *testing.T) {
	r, err := New(with(builtin(), "home.html", `{{define "main"}}{{range 40}}x{{end}}{{end}}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	want, err := r.Render(page("home", "T"))
	if err != nil {
		t.Fatal(err)
	}
	dst := append(make([]byte, 0, 2*len(want)), "left over"...)
	got, err := r.RenderAppend(dst, page("home", "T"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("appended to a buffer:\n%s\nwant\n%s", got, want)
	}
	if &got[0] != &dst[0] {
		t.Error("the page was not written into the buffer given")
	}
}
