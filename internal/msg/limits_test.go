package msg

import (
	"fmt"
	"testing"
)

func TestListed(t *testing.T) {
	names := func(n int) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = fmt.Sprintf("k%d", i+1)
		}
		return s
	}
	cases := []struct {
		n      int
		sv, en string
	}{
		{0, "", ""},
		{2, "k1, k2", "k1, k2"},
		{MaxListed, "k1, k2, k3, k4, k5, k6, k7, k8, k9, k10", "k1, k2, k3, k4, k5, k6, k7, k8, k9, k10"},
		{MaxListed + 1, "k1, k2, k3, k4, k5, k6, k7, k8, k9, k10 … och 1 till", "k1, k2, k3, k4, k5, k6, k7, k8, k9, k10 … and 1 more"},
		{1000, "k1, k2, k3, k4, k5, k6, k7, k8, k9, k10 … och 990 till", "k1, k2, k3, k4, k5, k6, k7, k8, k9, k10 … and 990 more"},
	}
	for _, c := range cases {
		m := Listed(names(c.n))
		if got := m.In(Sv); got != c.sv {
			t.Errorf("%d values in Swedish: %q, want %q", c.n, got, c.sv)
		}
		if got := m.In(En); got != c.en {
			t.Errorf("%d values in English: %q, want %q", c.n, got, c.en)
		}
	}
}
