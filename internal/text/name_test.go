package text

import "testing"

func TestNormName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Dr. Hong Tang", "hong tang"},
		{"Prof Ada Lovelace", "ada lovelace"},
		{"Mrs. O'Brien-Smith", "o brien smith"},
		{"Dr.", "dr"}, // a title alone stays: it is all the name there is
		{"Lucas Käldström", "lucas kaldstrom"},
		{"  Ana   María  ", "ana maria"},
		{"张磊", "张磊"},
		{"Drew Barrymore", "drew barrymore"},
		{"", ""},
	} {
		if got := NormName(c.in); got != c.want {
			t.Errorf("NormName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSameName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Vish Kannan", "Vishnu Kannan", true},          // one shortens the other
		{"Michael Benedict", "Micheal Benedict", true},  // a transposition in a first name
		{"Frank B Greco Jr", "Frank Basil Greco", true}, // middle initial, suffix
		{"Erin A Boyd", "Erin Boyd", true},              // middle initial
		{"Dr. Hong Tang", "Hong Tang", true},            // title
		{"Lucas Käldström", "Lucas Kaldstrom", true},    // accents
		{"LUCAS KÄLDSTRÖM", "lucas kaldström", true},    // case
		{"Jorge Villalobos", "Jorge Villalobas", true},  // a typo in a long surname
		{"Jean-Luc Picard", "Jean Luc Picard", true},    // hyphen
		{"Mary-Jane Watson", "Mary Watson", true},       // middle names are not compared
		{"Martin Luther King III", "Martin King", true}, // suffix; the middle name is not compared
		{"张磊", "张磊", true},                              // equal once folded
		{"张磊", "张 磊", false},                            // one word against two
		{"Eric Tune", "Eric Brewer", false},             // other surname
		{"Ana Silva", "Ana Salva", false},               // a typo in a short surname is another name
		{"Ann Lee", "Bob Lee", false},                   // other first name
		{"Al Chen", "Alexandra Chen", false},            // two letters shorten nothing
		{"Madonna", "Madonna Ciccone", false},           // a single word is no full name
		{"", "", false},
		{"...", "...", false},
	} {
		if got := SameName(c.a, c.b); got != c.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := SameName(c.b, c.a); got != c.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
}

func TestNameKeys(t *testing.T) {
	for _, c := range []struct{ in, first, last string }{
		{"Frank B Greco Jr", "frank", "greco"},
		{"Dr. José Nuñez", "jose", "nunez"},
		{"Jean-Luc Picard", "jean", "picard"},
		{"Madonna", "", ""},
		{"...", "", ""},
		{"", "", ""},
	} {
		if f, l := NameKeys(c.in); f != c.first || l != c.last {
			t.Errorf("NameKeys(%q) = %q, %q, want %q, %q", c.in, f, l, c.first, c.last)
		}
	}
}
