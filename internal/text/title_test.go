package text

import (
	"slices"
	"testing"
)

func TestMainTitle(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Leading Without a Map: Platform Team Culture That Scales", "Leading Without a Map"},
		{"eBPF - The Next Frontier: Part 2", "eBPF"},
		{"Keynote: Welcome Back", "Keynote"},
		{"GitOps - a Year Later", "GitOps"},
		{"Kubernetes 2.0", "Kubernetes 2.0"},
		{"Ratio 1:2 and co-design", "Ratio 1:2 and co-design"},
		{": Leading colon", ": Leading colon"},
		{"", ""},
	} {
		if got := MainTitle(c.in); got != c.want {
			t.Errorf("MainTitle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTitleWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"The State of eBPF in Your Cluster", []string{"state", "ebpf", "cluster"}},
		{"Écrire des Opérateurs: A Tale of Two Controllers", []string{"ecrire", "des", "operateurs", "tale", "two", "controllers"}},
		{"Istio vs. Linkerd & Cilium", []string{"istio", "linkerd", "cilium"}},
		{"分布式 追踪 with OpenTelemetry", []string{"分布式", "追踪", "opentelemetry"}},
		{"A to Z", []string{"z"}},
		{"", nil},
	} {
		if got := TitleWords(c.in); !slices.Equal(got, c.want) {
			t.Errorf("TitleWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCoverage(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"Scaling Kubernetes Clusters", "Scaling Clusters of Kubernetes", 1},
		{"Shipping Distros Fast", "Shipping Distributions", 2.0 / 3}, // "distros" ~ "distributions" by five letters
		{"Observability at Scale", "Security at Scale", 0.5},
		{"etcd tips", "etcd", 0.5},
		{"Tips", "Tipsy", 0}, // short words match only whole
		{"", "Anything", 0},  // no words to cover
		{"Anything", "", 0},  // nothing to cover them
	} {
		if got := Coverage(TitleWords(c.a), TitleWords(c.b)); got != c.want {
			t.Errorf("Coverage(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
