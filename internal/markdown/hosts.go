package markdown

import (
	"strings"
	"unicode"

	"github.com/samkat/samkat/internal/msg"
)

// scripts are the alphabets a host name label is checked against. A label
// may use one of them; Latin may go with the Chinese, Japanese and Korean
// scripts, as those languages mix them. Letters of other scripts are let be.
var scripts = []struct {
	table *unicode.RangeTable
	name  msg.Message
	cjk   bool
}{
	{unicode.Latin, msg.New(msg.ScriptLatin), false},
	{unicode.Cyrillic, msg.New(msg.ScriptCyrillic), false},
	{unicode.Greek, msg.New(msg.ScriptGreek), false},
	{unicode.Armenian, msg.New(msg.ScriptArmenian), false},
	{unicode.Cherokee, msg.New(msg.ScriptOther, "Cherokee"), false},
	{unicode.Georgian, msg.New(msg.ScriptOther, "Georgian"), false},
	{unicode.Arabic, msg.New(msg.ScriptOther, "Arabic"), false},
	{unicode.Hebrew, msg.New(msg.ScriptOther, "Hebrew"), false},
	{unicode.Han, msg.New(msg.ScriptOther, "Han"), true},
	{unicode.Hiragana, msg.New(msg.ScriptOther, "Hiragana"), true},
	{unicode.Katakana, msg.New(msg.ScriptOther, "Katakana"), true},
	{unicode.Hangul, msg.New(msg.ScriptOther, "Hangul"), true},
}

// Script returns the name of the alphabet letter r belongs to, and whether
// it is one of those samkat knows.
func Script(r rune) (msg.Message, bool) {
	if i := scriptOf(r); i >= 0 {
		return scripts[i].name, true
	}
	return msg.Message{}, false
}

func scriptOf(r rune) int {
	if r < 0x80 {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return 0
		}
		return -1
	}
	for i, s := range scripts {
		if unicode.Is(s.table, r) {
			return i
		}
	}
	return -1
}

// MixedScripts checks host, a host name as written, label by label: a
// label with letters of two alphabets (a Cyrillic "а" in a Latin name) is
// refused, with the odd letter and one of the others named. Punycode
// labels (xn--) are ASCII and pass as written.
func MixedScripts(host string) msg.Message {
	for _, label := range strings.Split(host, ".") {
		count := map[int]int{}
		first := map[int]rune{}
		var order []int
		for _, r := range label {
			i := scriptOf(r)
			if i < 0 {
				continue
			}
			if count[i] == 0 {
				first[i] = r
				order = append(order, i)
			}
			count[i]++
		}
		if len(order) < 2 || allCJK(order) {
			continue
		}
		// The odd letter is the first of the script with the fewest
		// letters; the other is the first of the script with the most.
		odd, main := order[0], order[0]
		for _, i := range order {
			if count[i] < count[odd] {
				odd = i
			}
			if count[i] > count[main] {
				main = i
			}
		}
		if odd == main {
			main = order[1]
			if odd == main {
				main = order[0]
			}
		}
		return msg.New(msg.LinkMixedScripts, string(first[odd]), scripts[odd].name, string(first[main]), scripts[main].name)
	}
	return msg.Message{}
}

// allCJK reports whether the scripts are Latin and the Chinese, Japanese
// and Korean scripts only: those are written together.
func allCJK(order []int) bool {
	for _, i := range order {
		if i != 0 && !scripts[i].cjk {
			return false
		}
	}
	return true
}
