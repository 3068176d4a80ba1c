package text

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, fold, slug, compact string }{
		{"Kubernetes", "kubernetes", "kubernetes", "kubernetes"},
		{"Éclairs & etcd: Tuning!", "eclairs etcd tuning", "eclairs-etcd-tuning", "eclairsetcdtuning"},
		{"Lucas Käldström", "lucas kaldstrom", "lucas-kaldstrom", "lucaskaldstrom"},
		{"José Nuñez-Ortiz", "jose nunez ortiz", "jose-nunez-ortiz", "josenunezortiz"},
		{"Dr. J. R. R. O'Neil", "dr j r r o neil", "dr-j-r-r-o-neil", "drjrroneil"},
		{"  Red   Hat,  Inc. ", "red hat inc", "red-hat-inc", "redhatinc"},
		{"RedHat", "redhat", "redhat", "redhat"},
		{"张磊", "张磊", "张磊", "张磊"},
		{"王 小明 (Xiaoming Wang)", "王 小明 xiaoming wang", "王-小明-xiaoming-wang", "王小明xiaomingwang"},
		{"さくら インターネット", "さくら インターネット", "さくら-インターネット", "さくらインターネット"},
		{"ΟΔΥΣΣΕΑΣ", "οδυσσεασ", "οδυσσεασ", "οδυσσεασ"}, // no final sigma: that is FoldCase's rule
		{"İstanbul", "istanbul", "istanbul", "istanbul"},
		{"Straße", "straße", "straße", "straße"},
		{"ﬁle Ⅸ ½", "file ix 1 2", "file-ix-1-2", "fileix12"},
		{"Acme™", "acmetm", "acmetm", "acmetm"},
		{"K8s 1.29 — eBPF/XDP", "k8s 1 29 ebpf xdp", "k8s-1-29-ebpf-xdp", "k8s129ebpfxdp"},
		{"Zero-Trust (mTLS) @ Scale", "zero trust mtls scale", "zero-trust-mtls-scale", "zerotrustmtlsscale"},
		{"", "", "", ""},
		{"—!?", "", "", ""},
	} {
		if got := Fold(c.in); got != c.fold {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.fold)
		}
		if got := Slug(c.in); got != c.slug {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.slug)
		}
		if got := Compact(c.in); got != c.compact {
			t.Errorf("Compact(%q) = %q, want %q", c.in, got, c.compact)
		}
	}
}

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Hello, Wörld!", []string{"hello", "world"}},
		{"Jean-Luc Picard", []string{"jean", "luc", "picard"}},
		{"张磊 & Co.", []string{"张磊", "co"}},
		{" ... ", nil},
	} {
		if got := Words(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
