package storetest

import "github.com/confgraph/confgraph/internal/confgraph"

// The fixture is invented: two editions of a made-up conference, seven
// sessions whose titles order differently by bytes than by display order
// (lower-case initials, an accented capital, two titles equal but for case),
// four speakers, two companies, two projects and a recap, with at least one
// relationship of every type.

const (
	eventEU = "event:example-summit-europe-2031"
	eventNA = "event:example-summit-north-america-2030"

	talkEBPF      = "talk:ebpf-for-everyone"
	talkZeroTrust = "talk:zero-trust-service-meshes"
	talkEclairs   = "talk:eclairs-and-etcd"
	talkClosingEU = "talk:eu-closing-remarks"
	talkPanel     = "talk:ask-the-maintainers"
	talkKeynote   = "talk:keynote-welcome-back"
	talkClosingNA = "talk:na-closing-remarks"

	speakerAda   = "speaker:ada-okafor"
	speakerBruno = "speaker:bruno-lindqvist"
	speakerChen  = "speaker:chen-wei"
	speakerDana  = "speaker:dana-moreno"

	companyAcme   = "company:acme-cloud"
	companyGlobex = "company:globex-systems"

	projectLumen     = "project:lumen"
	projectTidewater = "project:tidewater"

	recapLisbon = "recap:five-things-we-learned-in-lisbon"
)

const (
	listingEU = "listing-summit-eu-2031.txt"
	listingNA = "listing-summit-na-2030.txt"
	recapDoc  = "recap-lisbon.md"
)

// Fixture returns a new batch holding the suite's small invented graph.
// Each call returns fresh values, so callers may change them.
func Fixture() *confgraph.Batch {
	b := confgraph.NewBatch()
	for _, n := range []confgraph.Node{
		&confgraph.Event{ID: eventEU, Name: "Example Cloud Summit Europe 2031", City: "Lisbon", Country: "Portugal", Year: 2031, StartDate: "2031-03-18", EndDate: "2031-03-21"},
		&confgraph.Event{ID: eventNA, Name: "Example Cloud Summit North America 2030", City: "Denver", Country: "United States", Year: 2030, StartDate: "2030-11-05", EndDate: "2030-11-08"},

		&confgraph.Talk{ID: talkEBPF, Title: "eBPF for Everyone", Abstract: "A gentle tour of kernel probes.", Level: confgraph.LevelBeginner, Kind: confgraph.KindTalk, DurationMinutes: 30,
			Date: "2031-03-19", StartsAt: "11:00", Room: "Hall B", Scheduled: confgraph.Evidence{Document: listingEU, Line: 11, Snippet: "Wed 19 March 2031 11:00-11:30, Hall B", Rule: "schedule-when"}},
		&confgraph.Talk{ID: talkZeroTrust, Title: "Zero Trust Service Meshes", Abstract: "Mutual TLS without tears.", Level: confgraph.LevelAdvanced, Kind: confgraph.KindTalk, DurationMinutes: 35,
			Date: "2031-03-18", StartsAt: "14:30", Room: "Hall A", Scheduled: confgraph.Evidence{Document: listingEU, Line: 19, Snippet: "Tue 18 March 2031 14:30-15:05, Hall A", Rule: "schedule-when"}},
		&confgraph.Talk{ID: talkEclairs, Title: "Éclairs and etcd: Tuning Storage", Level: confgraph.LevelIntermediate, Kind: confgraph.KindTalk},
		&confgraph.Talk{ID: talkClosingEU, Title: "closing remarks", Kind: confgraph.KindOther, DurationMinutes: 10},
		&confgraph.Talk{ID: talkPanel, Title: "Ask the Maintainers: A Panel", Kind: confgraph.KindPanel, DurationMinutes: 45, Participants: 4},
		&confgraph.Talk{ID: talkKeynote, Title: "Keynote: Welcome Back", Kind: confgraph.KindKeynote, DurationMinutes: 15},
		&confgraph.Talk{ID: talkClosingNA, Title: "Closing Remarks", Kind: confgraph.KindOther},

		&confgraph.Speaker{ID: speakerAda, Name: "Ada Okafor", Aliases: []string{"A. Okafor"}, Bio: "Ada maintains the Lumen scheduler.", Role: "Staff Engineer"},
		&confgraph.Speaker{ID: speakerBruno, Name: "Bruno Lindqvist", Bio: "Bruno likes meshes.", Role: "Principal Engineer"},
		&confgraph.Speaker{ID: speakerChen, Name: "Chen Wei", Aliases: []string{"Wei Chen"}},
		&confgraph.Speaker{ID: speakerDana, Name: "Dana Moreno"},

		&confgraph.Company{ID: companyAcme, Name: "Acme Cloud", Aliases: []string{"Acme Cloud, Inc.", "AcmeCloud"}},
		&confgraph.Company{ID: companyGlobex, Name: "Globex Systems"},

		&confgraph.Project{ID: projectLumen, Name: "Lumen", Aliases: []string{"Lumen Proxy", "lumen-proxy"}, Homepage: "https://lumen.example.org", Repo: "https://example.org/lumen/lumen", Maturity: "incubating", Accepted: "2027-05-04", Incubating: "2029-01-17"},
		&confgraph.Project{ID: projectTidewater, Name: "tidewater", Maturity: "sandbox", Accepted: "2029-09-12"},

		&confgraph.Recap{ID: recapLisbon, Title: "Five Things We Learned in Lisbon", Author: "Sam Rivera", Published: "2031-03-25", Document: recapDoc, Text: "Lumen was everywhere.\nAda Okafor of Acme Cloud opened with eBPF."},
	} {
		b.AddNode(n)
	}
	for _, r := range []confgraph.Relationship{
		rel(confgraph.RelPresented, speakerAda, talkEBPF, "speaker", ev(listingEU, 12, "eBPF for Everyone - Ada Okafor, Acme Cloud")),
		rel(confgraph.RelPresented, speakerBruno, talkZeroTrust, "speaker", ev(listingEU, 20, "Zero Trust Service Meshes - Bruno Lindqvist, Acme Cloud")),
		rel(confgraph.RelPresented, speakerChen, talkEclairs, "speaker", ev(listingEU, 31, "Éclairs and etcd: Tuning Storage - Chen Wei, Globex Systems")),
		rel(confgraph.RelPresented, speakerAda, talkPanel, "panelist", ev(listingNA, 40, "Panelists: Ada Okafor, Acme Cloud; Chen Wei, Globex Systems")),
		rel(confgraph.RelPresented, speakerChen, talkPanel, "panelist", ev(listingNA, 40, "Panelists: Ada Okafor, Acme Cloud; Chen Wei, Globex Systems")),
		rel(confgraph.RelPresented, speakerDana, talkPanel, "moderator", ev(listingNA, 39, "Moderator: Dana Moreno — Globex Systems")),
		rel(confgraph.RelPresented, speakerBruno, talkKeynote, "speaker", ev(listingNA, 3, `Keynote: Welcome Back - Bruno Lindqvist ("BL")`)),

		rel(confgraph.RelWorksAt, speakerAda, companyAcme, "",
			ev(listingEU, 12, "eBPF for Everyone - Ada Okafor, Acme Cloud"),
			confgraph.Evidence{Document: recapDoc, Line: 2, Snippet: "Ada Okafor of Acme Cloud opened with eBPF.", Rule: "name-of-company"}),
		rel(confgraph.RelWorksAt, speakerBruno, companyAcme, "", ev(listingEU, 20, "Zero Trust Service Meshes - Bruno Lindqvist, Acme Cloud")),
		rel(confgraph.RelWorksAt, speakerChen, companyGlobex, "", ev(listingEU, 31, "Éclairs and etcd: Tuning Storage - Chen Wei, Globex Systems")),
		rel(confgraph.RelWorksAt, speakerDana, companyGlobex, "", ev(listingNA, 39, "Moderator: Dana Moreno — Globex Systems")),

		rel(confgraph.RelPartOf, talkEBPF, eventEU, "", ev(listingEU, 12, "eBPF for Everyone - Ada Okafor, Acme Cloud")),
		rel(confgraph.RelPartOf, talkZeroTrust, eventEU, "", ev(listingEU, 20, "Zero Trust Service Meshes - Bruno Lindqvist, Acme Cloud")),
		rel(confgraph.RelPartOf, talkEclairs, eventEU, "", ev(listingEU, 31, "Éclairs and etcd: Tuning Storage - Chen Wei, Globex Systems")),
		rel(confgraph.RelPartOf, talkClosingEU, eventEU, "", ev(listingEU, 50, "closing remarks")),
		rel(confgraph.RelPartOf, talkPanel, eventNA, "", ev(listingNA, 38, "Ask the Maintainers: A Panel")),
		rel(confgraph.RelPartOf, talkKeynote, eventNA, "", ev(listingNA, 3, `Keynote: Welcome Back - Bruno Lindqvist ("BL")`)),
		rel(confgraph.RelPartOf, talkClosingNA, eventNA, "", ev(listingNA, 60, "Closing Remarks")),

		rel(confgraph.RelDiscusses, talkEBPF, projectLumen, "", ev(listingEU, 13, "Probing Lumen with eBPF.")),
		rel(confgraph.RelDiscusses, talkZeroTrust, projectLumen, "", ev(listingEU, 21, "Lumen as a mesh data plane.")),
		rel(confgraph.RelDiscusses, talkEclairs, projectTidewater, "", ev(listingEU, 32, "Tidewater snapshots on etcd.")),

		rel(confgraph.RelCovers, recapLisbon, eventEU, "", ev(recapDoc, 1, "Five Things We Learned in Lisbon")),
		rel(confgraph.RelReviews, recapLisbon, talkEBPF, "", ev(recapDoc, 2, "Ada Okafor of Acme Cloud opened with eBPF.")),
		rel(confgraph.RelReviews, recapLisbon, talkZeroTrust, "", ev(recapDoc, 5, "Bruno's mesh talk was packed.")),
		rel(confgraph.RelMentions, recapLisbon, projectLumen, "", ev(recapDoc, 1, "Lumen was everywhere.")),
	} {
		b.AddRel(r)
	}
	return b
}

// FixtureUpdate returns a batch to write over Fixture: it names existing
// nodes and relationships again with new aliases, fields and evidence, and
// adds one relationship between nodes that only the store holds.
func FixtureUpdate() *confgraph.Batch {
	b := confgraph.NewBatch()
	for _, n := range []confgraph.Node{
		// A new alias; the shorter bio and empty role must not replace Ada's.
		&confgraph.Speaker{ID: speakerAda, Name: "Ada Okafor", Aliases: []string{"Ada O."}, Bio: "Ada."},
		// A longer bio replaces the shorter one; the new name spelling becomes an alias.
		&confgraph.Speaker{ID: speakerBruno, Name: "B. Lindqvist", Bio: "Bruno Lindqvist likes service meshes and sourdough."},
		// The level was unknown and is filled in; the title keeps its first spelling.
		&confgraph.Talk{ID: talkPanel, Title: "ASK THE MAINTAINERS", Level: confgraph.LevelIntermediate},
		// The maturity stays; the missing date is filled in. (Unlike a
		// speaker's or company's, a project's other name is not made an alias.)
		&confgraph.Project{ID: projectTidewater, Name: "Tidewater", Aliases: []string{"Tidewater DB"}, Maturity: "incubating", Incubating: "2030-06-01"},
		&confgraph.Company{ID: companyGlobex, Name: "Globex Systems", Aliases: []string{"Globex"}},
	} {
		b.AddNode(n)
	}
	for _, r := range []confgraph.Relationship{
		// One evidence entry already stored, one new.
		rel(confgraph.RelWorksAt, speakerAda, companyAcme, "",
			ev(recapDoc, 2, "Ada Okafor of Acme Cloud opened with eBPF."),
			ev("acme-blog.html", 7, "Ada Okafor (Acme Cloud) will present twice.")),
		// The moderator stays a moderator.
		rel(confgraph.RelPresented, speakerDana, talkPanel, "host", ev(listingNA, 39, "Moderator: Dana Moreno — Globex Systems")),
		// Both ends exist only in the store.
		rel(confgraph.RelDiscusses, talkPanel, projectTidewater, "", ev(listingNA, 41, "Tidewater maintainers answer questions.")),
	} {
		b.AddRel(r)
	}
	return b
}

func rel(t confgraph.RelType, from, to, role string, evidence ...confgraph.Evidence) confgraph.Relationship {
	return confgraph.Relationship{Type: t, From: from, To: to, Role: role, Evidence: evidence}
}

func ev(doc string, line int, snippet string) confgraph.Evidence {
	return confgraph.Evidence{Document: doc, Line: line, Snippet: snippet}
}
