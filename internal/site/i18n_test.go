package site

import (
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/samkat/samkat/internal/catalog"
)

// verbs matches the fmt verbs of a text, e.g. "%d" and "%s".
var verbs = regexp.MustCompile(`%[a-z]`)

func TestTextsHaveTheSameKeys(t *testing.T) {
	sv, en := texts["sv"], texts["en"]
	if len(sv) == 0 || len(en) == 0 {
		t.Fatalf("texts has %d sv and %d en entries, want both non-empty", len(sv), len(en))
	}
	for lang, other := range map[string]string{"sv": "en", "en": "sv"} {
		for key := range texts[lang] {
			if _, ok := texts[other][key]; !ok {
				t.Errorf("key %q is in texts[%q] but not in texts[%q]", key, lang, other)
			}
		}
	}
	for lang, strs := range texts {
		for key, val := range strs {
			if val == "" {
				t.Errorf("texts[%q][%q] is empty", lang, key)
			}
		}
	}
}

// TestTextsHaveTheSameVerbs guards the formatted texts: a translation that
// drops or reorders a %d would print %!d(MISSING) on the site.
func TestTextsHaveTheSameVerbs(t *testing.T) {
	for key, sv := range texts["sv"] {
		en, ok := texts["en"][key]
		if !ok {
			continue // reported by TestTextsHaveTheSameKeys
		}
		if a, b := verbs.FindAllString(sv, -1), verbs.FindAllString(en, -1); !slices.Equal(a, b) {
			t.Errorf("key %q: sv %q has verbs %q, en %q has %q", key, sv, a, en, b)
		}
	}
}

func TestMonthNames(t *testing.T) {
	for lang := range texts {
		months, ok := monthNames[lang]
		if !ok {
			t.Errorf("no month names for language %q", lang)
			continue
		}
		for i, m := range months {
			if m == "" {
				t.Errorf("monthNames[%q][%d] is empty", lang, i)
			}
		}
	}
}

func TestLang(t *testing.T) {
	day := catalog.Date{Year: 2007, Month: time.October, Day: 1}
	tests := []struct {
		code              string
		wantCode          string
		date, one, twelve string
	}{
		{"sv", "sv", "1 oktober 2007", "1 verksamhet", "12 verksamheter"},
		{"en", "en", "1 October 2007", "1 activity", "12 activities"},
		{"", "sv", "1 oktober 2007", "1 verksamhet", "12 verksamheter"},
		{"de", "sv", "1 oktober 2007", "1 verksamhet", "12 verksamheter"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			l := newLang(tt.code)
			if l.code != tt.wantCode {
				t.Errorf("newLang(%q).code = %q, want %q", tt.code, l.code, tt.wantCode)
			}
			if got := l.date(day); got != tt.date {
				t.Errorf("date = %q, want %q", got, tt.date)
			}
			if got := l.count(1); got != tt.one {
				t.Errorf("count(1) = %q, want %q", got, tt.one)
			}
			if got := l.count(12); got != tt.twelve {
				t.Errorf("count(12) = %q, want %q", got, tt.twelve)
			}
		})
	}
}
