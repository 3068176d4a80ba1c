package gen

// The words the generator builds text from. All of it is invented for
// this package; none of it names a project of the catalogue (the projects
// are inserted through slots and recorded), a host city, or a region, so
// that every project mention and every event clue in the output is one the
// generator knows it wrote. gen_test.go checks that.

// firstNames are given names from many cultures. Names that shorten or
// misspell one another ("Ana"/"Anabel") are dropped at start-up, since
// the loaders treat them as one person.
var firstNames = []string{
	"Abena", "Adaeze", "Aditi", "Agnieszka", "Akira", "Alejandro", "Alessia", "Amara", "Amelie",
	"Anders", "Anouk", "Arjun", "Astrid", "Babajide", "Beatriz", "Benedikt", "Bilal", "Bongani",
	"Bruno", "Camila", "Chidi", "Chloe", "Cyrus", "Dagny", "Dalia", "Damilola", "Darius", "Dmitri",
	"Eamon", "Efua", "Elif", "Elodie", "Emeka", "Emilia", "Esther", "Ezra", "Farah", "Felipe",
	"Fiona", "Folake", "Gabor", "Giulia", "Gwen", "Hamid", "Hannelore", "Haruto", "Helga", "Hiroshi",
	"Ifeoma", "Ignacio", "Ilse", "Ingrid", "Isak", "Ivana", "Jelena", "Jia",
	"Joaquin", "Jonas", "Juliana", "Kaito", "Kalani", "Kamala", "Karim", "Katarzyna", "Kemal", "Kenji",
	"Keziah", "Kwame", "Laila", "Lars", "Leandro", "Leila", "Lena", "Liang", "Lior", "Lucía",
	"Luka", "Mads", "Mahmoud", "Maja", "Malik", "Mariana", "Marisol", "Mateo", "Mehmet", "Mei",
	"Mirela", "Moana", "Nadia", "Naledi", "Nasser", "Niamh", "Nikhil", "Nkechi", "Oksana",
	"Olamide", "Oren", "Oskar", "Pallavi", "Paolo", "Petra", "Pilar", "Quentin",
	"Radhika", "Rafael", "Rania", "Ravi", "Reza", "Rhiannon", "Rosa", "Rui", "Ruth", "Sakura",
	"Salma", "Samir", "Sandeep", "Saoirse", "Selin", "Shira", "Sigrid", "Simone", "Siobhan", "Soren",
	"Svetlana", "Tamar", "Tariq", "Tatiana", "Teodor", "Thandiwe", "Tobias", "Ulrike",
	"Usha", "Valentina", "Vikram", "Wanjiru", "Wei", "Wiktor", "Xiomara", "Yara", "Yasmin", "Yerlan",
	"Yusuf", "Zainab", "Zeynep", "Zhen", "Zofia", "Amaru", "Bashir", "Cosmin", "Delphine", "Eitan",
	"Fatima", "Gideon", "Idris", "Jorunn", "Kofi", "Linnea", "Marek", "Nuno", "Orla",
	"Parisa", "Rashid", "Stellan", "Tuomas", "Ugo", "Vesna", "Wilhelmina", "Yiannis", "Zuri", "Anneke",
	"Bogdan", "Catalina", "Dorian", "Eszter", "Florin", "Greta", "Hugo", "Ilkka", "Jovana", "Kasimir",
	"Leopold", "Mihai", "Nils", "Odile", "Pieter", "Rasmus", "Sabine", "Tereza", "Uwe", "Viktoria",
}

// lastNames are family names; particles ("van der") are kept lowercase as
// people print them.
var lastNames = []string{
	"Amadi", "Lindahl", "Castellano", "Subramaniam", "Eberle", "Tanigawa", "Ferraz", "Orellana", "Haidari", "Brandauer",
	"Adeyemi", "Bergström", "Chaudhry", "Delacroix", "Espinoza", "Fitzgerald", "Gallagher", "Hashimoto", "Iwasaki", "Jovanović",
	"Kowalczyk", "Lefebvre", "Mbeki", "Nakamura", "Oyelaran", "Petrović", "Quiroga", "Raghunathan", "Sandoval", "Takahashi",
	"Uchenna", "Varga", "Wójcik", "Xu", "Yamamoto", "Zielinski", "Abernathy", "Bianchi", "Cavanagh", "Dimitrov",
	"Eriksen", "Fujimoto", "Gonçalves", "Halvorsen", "Ibrahim", "Jablonski", "Kapoor", "Laurentiu", "Moreau", "Nwosu",
	"Olsson", "Pellegrini", "Rahimi", "Sato", "Thorsen", "Udeh", "Vasquez", "Wachowski", "Yilmaz", "Zamora",
	"Achterberg", "Baptiste", "Christodoulou", "Dvořák", "Ekwueme", "Fontaine", "Grünewald", "Hakimi", "Iyer", "Jaramillo",
	"Karlsson", "Lombardi", "Mwangi", "Nieminen", "Obradović", "Pacheco", "Ravindran", "Szabó", "Tembo", "Urquhart",
	"Vlahos", "Wiśniewska", "Yoshida", "Zeller", "Alvarado", "Bhattacharya", "Cristea", "Dahlberg", "Estévez", "Farouk",
	"Gutiérrez", "Holmberg", "Ishikawa", "Janssen", "Khumalo", "Lindgren", "Matsumoto", "Nakashima", "Oduya", "Pereira",
	"Quaresma", "Rostami", "Sørensen", "Tshabalala", "Ueda", "Valdés", "Weißmann", "Yeboah", "Zhao", "Asante",
	"Björklund", "Cardoso", "Deshmukh", "Eklund", "Forsberg", "Gashi", "Hoxha", "Igwe", "Jankowski", "Kuznetsova",
	"Lundqvist", "Mahlangu", "Novak", "Onyango", "Popescu", "Rinaldi", "Sokolova", "Tanaka", "Umarov", "Vukovic",
	"Wojciechowski", "Yamada", "Zanetti", "Achebe", "Bauer", "Coelho", "Dragomir", "Ekström", "Fagerlund", "Gunawardena",
	"Hadžić", "Ilunga", "Juarez", "Kiplagat", "Larsen", "Moyo", "Nyberg", "Okonkwo", "Pająk", "Rosales",
	"Sahin", "Toivonen", "Uzoma", "Villanueva", "Wekesa", "Yanagida", "Zubiri", "Abara", "Brennan", "Cisneros",
	"Demir", "Eze", "Fischer", "Gorski", "Horvath", "Inoue", "Joshi", "Kaya", "Lungu", "Mensah",
	"Nagy", "Orozco", "Pillai", "Quintero", "Rautio", "Salazar", "Takeda", "Ulloa", "Vidal", "Wanjala",
	"Yildiz", "Zhou", "Ansah", "Bertrand", "Chakraborty", "Dlamini", "Esposito", "Fernandes", "Grigorescu", "Hietala",
	"van der Berg", "de Souza", "da Silva", "van Dijk", "de la Cruz", "van Leeuwen", "di Marco", "Al-Sayed", "Ben-David", "O'Connell",
}

// surnameStarts and surnameEnds make more family names when a large pool
// of people is needed.
var surnameStarts = []string{"Ab", "Bel", "Cor", "Dav", "El", "Fen", "Gal", "Hal", "Ist", "Jor", "Kal", "Lev",
	"Mar", "Nor", "Os", "Pav", "Ros", "Sal", "Tor", "Ul", "Ver", "Wal", "Yar", "Zel", "Bran", "Kest", "Mol", "Sten"}
var surnameEnds = []string{"ardo", "ensky", "ovic", "anne", "ström", "elli", "avian", "osa", "uchi", "emberg",
	"adze", "ayev", "orne", "inski", "etti", "ahan", "ulu", "awa", "essen"}

// company name parts: an invented word, sometimes followed by a word that
// marks an organisation.
var companyStarts = []string{"Osprey", "Bramble", "Brine", "Sextant", "Lantern", "Fern", "Mistral", "Slate", "Ember", "Lumen",
	"Cobalt", "Arbor", "Basalt", "Cinder", "Dune", "Fjord", "Glacier", "Harrow", "Ion", "Juniper",
	"Tamarack", "Larch", "Mosaic", "Puffin", "Onyx", "Pylon", "Quarry", "Rift", "Sable", "Talon",
	"Umber", "Vireo", "Willow", "Yarrow", "Zephyr", "Alder", "Birch", "Cairn", "Delta", "Egret",
	"Flint", "Gannet", "Heron", "Indigo", "Jasper", "Krill", "Lichen", "Magnet", "Nectar", "Opal",
	"Pebble", "Quartz", "Reed", "Saffron", "Tundra", "Upland", "Velvet", "Wren", "Yucca", "Zinc",
	"Amber", "Beacon", "Cedar", "Dapple", "Ether", "Fable", "Garnet", "Hollow", "Iris", "Kiln",
	"Loam", "Meadow", "Nova", "Orchid", "Plume", "Riven", "Sorrel", "Thistle", "Vesper", "Wisp"}
var companyEnds = []string{"works", "path", "stack", "forge", "line", "wave", "point", "field", "gate", "base",
	"scale", "loop", "mark", "span", "grid", "ware", "shift", "byte", "ly", "io", "hub", "craft", "vault", "lane", "ridge"}

// orgWords follow an invented word in a company name ("Harrow Systems").
var orgWords = []string{"Labs", "Systems", "Data", "Networks", "Software", "Security", "Technologies", "Group",
	"Media", "Digital", "Solutions", "Health", "Bank", "Insurance", "Cloud"}

// legalForms are printed after a company name now and then.
var legalComma = []string{"Inc.", "LLC", "Ltd.", "GmbH"}
var legalSpace = []string{"Inc.", "GmbH", "Ltd", "AG", "B.V.", "LLC", "Corp."}

// notCompanies are printed where a company would be by people who have none.
var notCompanies = []string{"Independent", "Independent", "Consultant", "Student"}

// roles are job titles; every word of each is one the loaders know as a job
// word, so that a role is never taken for a person in a header.
var roles = []string{
	"Senior Software Engineer", "Software Engineer", "Staff Engineer", "Principal Engineer", "Distinguished Engineer",
	"Senior Engineer", "Site Reliability Engineer", "Platform Engineer", "Engineering Manager", "Director of Engineering",
	"VP of Engineering", "CTO", "CEO", "Co-founder & CEO", "Co-founder & CTO", "Chief Architect", "Principal Architect",
	"Developer Advocate", "Senior Developer Advocate", "Staff Developer Advocate", "Product Manager", "Senior Product Manager",
	"Head of Platform Engineering", "Head of Developer Relations", "Open Source Program Lead", "Tech Lead",
	"Security Engineer", "Senior Security Researcher", "Research Scientist", "Distinguished Architect", "Solutions Architect",
	"Executive Director", "Fellow", "Senior Staff Engineer", "Founder",
}

// pronouns: subject, object, possessive.
var pronouns = [][3]string{{"she", "her", "her"}, {"he", "him", "his"}, {"they", "them", "their"}}

// topics are what talks are about, in title case; prose lowercases them.
var topics = []string{
	"Multi-Cluster Networking", "Stateful Workloads", "Supply Chain Security", "Platform Engineering", "Cost Allocation",
	"Edge Fleets", "Zero-Trust Networking", "Progressive Delivery", "Policy as Code", "Observability Pipelines",
	"Autoscaling", "Disaster Recovery", "Developer Portals", "GPU Scheduling", "Batch Workloads",
	"Secrets Management", "Admission Control", "Cluster Upgrades", "Multi-Tenancy", "Chaos Engineering",
	"Incident Response", "Runtime Security", "eBPF Tooling", "Container Images", "WebAssembly Workloads",
	"Data Pipelines", "Machine Learning Platforms", "Capacity Planning", "Release Engineering", "Distributed Tracing",
	"Log Aggregation", "Metrics at Scale", "Storage Orchestration", "Bare-Metal Provisioning", "Control Planes",
	"Custom Controllers", "API Gateways", "Identity Federation", "Certificate Rotation", "Network Policies",
	"Spot Instances", "Carbon-Aware Scheduling", "Game Days", "Service Level Objectives", "Feature Flags",
	"Canary Releases", "Blue-Green Deployments", "Rootless Containers", "Sandboxed Runtimes", "Image Signing",
	"Software Bills of Materials", "Air-Gapped Clusters", "Hybrid Clouds", "Cluster Fleets", "Virtual Machine Workloads",
	"Serverless Functions", "Event-Driven Architectures", "Message Queues", "Database Operators", "Service Meshes",
	"Workload Identity", "Configuration Drift", "Dependency Updates", "Build Caching", "Test Environments",
	"Inner Loop Development", "Noisy Neighbours", "Tail Latency", "Cold Starts", "Telemetry Costs",
	"On-Call Health", "Contributor Onboarding", "Maintainer Burnout", "Documentation Culture", "Vulnerability Triage",
	"Scheduling Fairness", "Memory Pressure", "Node Lifecycle", "Ingress Traffic", "Cross-Region Failover",
}

// verbs open titles.
var verbs = []string{"Scaling", "Securing", "Debugging", "Operating", "Migrating", "Automating", "Observing", "Taming",
	"Building", "Running", "Testing", "Upgrading", "Designing", "Hardening", "Simplifying", "Rethinking",
	"Measuring", "Shipping", "Managing", "Federating", "Untangling", "Benchmarking", "Tuning", "Sharding"}

// pastVerbs follow a company name: "How Kelpworks Rebuilt Its ...".
var pastVerbs = []string{"Rebuilt Its", "Tamed Its", "Scaled Its", "Rethought Its", "Automated Its", "Simplified Its", "Replaced Its"}

// subtitles follow a colon.
var subtitles = []string{
	"Lessons from %d Clusters", "What We Learned the Hard Way", "A Field Guide", "Patterns and Pitfalls",
	"From Prototype to Production", "Notes from the Field", "One Year Later", "A Case Study", "The Good Parts",
	"Myths and Realities", "Beyond the Basics", "Without Losing Sleep", "At Any Scale", "On a Shoestring Budget",
	"What Nobody Tells You", "The Missing Manual", "Trade-offs in Practice", "%d Years In", "An Honest Retrospective",
	"Tales from On-Call", "Keeping the Lights On", "A Practitioner's View", "The First %d Days", "Where It Hurts",
}

// quotes open a few titles, as some speakers like.
var quotes = []string{"It Works on My Cluster", "Nobody Reads the Runbook", "Just Add Another Sidecar",
	"We Will Fix It Later", "Who Approved This", "Is It Plugged In"}

var keynoteTitles = []string{
	"Opening Remarks", "Closing Remarks", "Welcome Back to %C", "The State of %T", "%T: The Next Five Years",
	"Project Updates", "End User Spotlight: %O", "Why %T Matters Now", "Building %T Together", "%P Turns %N",
	"What's Next for %P", "Sustaining Open Source Maintainers", "Lessons from a Decade of %T", "Growing the Community",
	"The Road to %T", "A Conversation About %T", "Open Source at %O", "%T for Everyone",
}

var panelTitles = []string{
	"%T: Ask the Maintainers", "The Future of %T", "Ask Me Anything: %T", "End Users on %T", "Who Owns %T?",
	"%P Maintainers in Conversation", "Hard Questions About %T", "%T Across Industries",
}

var awardTitles = []string{"Community Awards", "Cloud Native Community Awards", "Top Contributor Awards", "Community Awards Ceremony"}

// Abstract sentences. %t is a topic in prose case, %o the speaker's
// company, %n and %m numbers, %P a project mention.
var abstractPlain = []string{
	"Most teams only find the limits of their %t after the first serious incident.",
	"This session walks through the architecture we ended up with and the detours that got us there.",
	"We will share the numbers: latency, cost, and the hours our on-call engineers got back.",
	"Expect real dashboards, real postmortems and very few slides with boxes and arrows.",
	"No prior experience with %t is needed, but you should be comfortable with basic cluster operations.",
	"By the end you will have a checklist you can apply to your own environment the following week.",
	"Along the way we made plenty of mistakes, and we will walk through the most expensive ones.",
	"The talk closes with an open discussion of what is still missing and where the community could help.",
	"We started with %n clusters and a handful of engineers; today we run more than %m.",
	"%o serves millions of requests a day, so small inefficiencies in %t add up quickly.",
	"Our first attempt at %t was a collection of scripts that only one person understood.",
	"The hardest part was not the technology but agreeing on ownership between teams.",
	"We will show how we measure success, and why the first metrics we picked were wrong.",
	"A live demo shows the whole workflow from a commit to a running workload.",
	"Several of these ideas have since been contributed upstream, and we will point to the proposals.",
	"If you operate %t for more than one team, this talk is for you.",
	"We also cover the migration path for existing workloads, including the ones nobody wants to touch.",
	"Security reviews, audits and compliance requirements shaped many of the design decisions.",
	"The result is a platform that product teams actually want to use.",
	"We close with the open questions we are still working on.",
	"Getting %t right means making trade-offs between safety, speed and cost.",
	"Half of the incidents we reviewed last year started with a change to %t.",
	"We measured everything twice, and the second measurement usually told a different story.",
	"Come for the architecture diagrams, stay for the failure stories.",
	"Most of what we learned applies whether you run %n clusters or %m.",
	"This is not a product pitch; everything shown is open source or easy to rebuild.",
	"We will be honest about the parts that still page us at night.",
	"The approach trades a little flexibility for a lot of predictability.",
	"You will see the exact rollout plan we used, including the steps we had to undo.",
	"It took %n attempts and two reorganisations to get here.",
	"Our users never noticed the migration, which was the whole point.",
	"We think %t deserves the same engineering rigour as application code.",
	"The session is aimed at operators who have outgrown their first setup.",
	"Bring your questions; we reserved the last ten minutes for them.",
	"We will walk through three real incidents, what the timeline looked like, and what we changed afterwards.",
	"The first half covers the concepts; the second half is a hands-on walkthrough you can repeat at home.",
	"Many of the lessons came from running the same setup in very different regulatory environments.",
	"We also look at the developer experience, because a safe platform that nobody uses is not safe at all.",
	"Our teams ship several hundred changes a day, so every manual step we removed paid off quickly.",
	"You will learn which signals actually predict trouble and which ones only create noise.",
	"Finally, we discuss what we would build differently if we started again today.",
	"The numbers we share come from a year of production traffic, not from a benchmark.",
	"We also show what changed in our team structure once the platform was in place.",
	"The same patterns helped us cut our cloud bill by a third.",
}

var abstractOne = []string{
	"We rebuilt the pipeline around %P and cut the time to recover from failures in half.",
	"%P turned out to be the right fit, but only after we changed how we used it.",
	"The core of the design is %P, configured to fit our %t.",
	"We will show how %P handles %t for %n teams in production.",
	"A good part of the session is a tour of the %P configuration we run today.",
	"Our setup relies on %P for the parts that need to be boring and reliable.",
	"You will see where %P shines and where we had to build around it.",
	"We also explain why we moved away from a home-grown tool towards %P.",
	"The demo runs entirely on %P, from a laptop to a production-sized cluster.",
	"Upgrading %P across the whole fleet used to take weeks; now it takes an afternoon.",
	"We contributed several fixes back to %P while building this.",
	"Everything we describe is built on plain %P without forks or patches.",
}

var abstractMany = []string{
	"We compare %P, %P and a home-grown approach on cost, latency and the effort to operate them.",
	"The stack combines %P and %P, glued together with a small amount of custom code.",
	"The demo uses %P together with %P.",
	"Our platform runs on %P, with %P and %P filling the gaps.",
	"We evaluated %P and %P before settling on the design presented here.",
}

// contextSentences put one of an ambiguous project's context words next to
// it, so that a reader (and the loaders) can tell the project is meant.
var contextSentences = []string{
	"Expect some detail on %x as well.",
	"The %x side of the story gets its own section.",
	"A short detour covers %x.",
	"We also touch on %x, which mattered more than we expected.",
}

var abstractBullets = []string{
	"Keep the blast radius of every change small", "Treat configuration as code, reviewed like code",
	"Automate the boring parts first", "Measure before and after every change", "Make the safe path the easy path",
	"Give every alert an owner", "Write the runbook before the feature", "Test the restore, not the backup",
	"Budget for failure explicitly", "Prefer boring defaults over clever ones",
}

// Bio pieces.
var bioFocus = []string{
	"looks after the platform team", "works on %t", "leads the work on %t", "helps product teams get %t right",
	"spends most of %s time on %t", "runs the group responsible for %t", "builds internal tooling for %t",
	"focuses on reliability and %t",
}
var bioPast = []string{
	"Before that, %s spent %n years at %O working on %t.",
	"Previously %s worked as a developer at %O.",
	"Prior to joining, %s built payment systems at %O.",
}
var bioHobby = []string{
	"Outside work, %F bakes bread and runs trail marathons.",
	"When not at a keyboard, %F can be found on a climbing wall.",
	"%F lives with two cats and far too many houseplants.",
	"%F enjoys cycling, board games and very long train journeys.",
	"%F mentors new contributors and speaks at local meetups.",
	"%F is a keen amateur astronomer.",
	"%F has contributed to open source for over a decade.",
	"%F writes about distributed systems on a personal blog.",
}
var bioMore = []string{
	"Over the last few years %F has helped more than %n teams move their services onto shared clusters.",
	"%F has spoken about %t at several community events and meetups.",
	"%F co-maintains a small library for testing controllers and reviews far too many pull requests.",
	"Most of %F's days are spent in design reviews, incident retrospectives and the occasional late-night upgrade.",
	"%F cares a lot about documentation and about making the first contribution easy for newcomers.",
	"Before moving into engineering, %F studied physics and taught mathematics for a while.",
}
var bioTeams = []string{"platform", "infrastructure", "developer experience", "observability", "security", "reliability", "networking"}

var socialLines = []string{"Twitter Tweet Website", "Twitter Tweet LinkedIn Connect Website", "Twitter Tweet Facebook Message Website"}

// Recap prose. %f is a speaker's first name, %o a company, %t a topic,
// %P a project mention.
var recapComments = []string{
	"%f opened with a simple question: who in the room owns their %t? Very few hands went up.",
	"The talk started with the history of the platform at %o and quickly moved to the interesting part, the failures.",
	"%f showed how %o runs %P for %n teams, with a live demo that actually worked.",
	"My main takeaway is that %t is an organisational problem first and a technical one second.",
	"The slides were dense, but the recording is worth watching at half speed.",
	"There were a lot of questions afterwards, which shows how many people struggle with %t.",
	"I liked the honesty about what did not work; most talks skip that part.",
	"A few numbers from the slides: %n clusters, %m nodes and an on-call rotation of six people.",
	"%f recommended starting small, with one team and one cluster, before rolling anything out widely.",
	"They use %P for most of it and wrote a small controller for the rest.",
	"If you only watch one recording from this track, make it this one.",
	"The demo of %P was the highlight of the afternoon for me.",
	"The room was packed, and people were sitting on the floor along the walls.",
	"It was refreshing to hear a team admit that their first design was wrong.",
	"The part about %t was new to me and I will definitely try it at work.",
	"%f kept the pace high and still left time for a proper question round.",
	"Their approach to %t is more pragmatic than what we do, and probably better.",
	"The speakers clearly had this running in production for a long time, which showed in the details.",
	"I would have liked more detail on the rollout, but the recording links to a longer write-up.",
	"Most of the talk was about people and process, and only the last third about %P.",
	"According to %f, the biggest win was not speed but fewer surprises during upgrades.",
	"%o open sourced the tooling they showed, so it is worth a look.",
	"The live coding part went wrong twice, which %f handled with a lot of humour.",
	"What stuck with me is how much effort went into making %t boring.",
	"%f compared three ways of doing %t and was refreshingly honest about the downsides of each.",
	"The Q&A went on for another twenty minutes in the hallway.",
	"I had not expected a talk about %t to be this entertaining.",
	"The architecture diagram alone was worth the ticket, and %f promised to publish the slides.",
	"%o has clearly invested a lot in this, and it shows in how calm their on-call sounds.",
	"The migration story was the best part: no big bang, just one service at a time over several months.",
	"This was one of the most practical sessions of the week, with concrete steps instead of slogans.",
	"I wish the talk had been longer, because the last section felt rushed.",
	"%f spent a good ten minutes on the failure that started the whole project, which made the rest easy to follow.",
	"Good to see that %P is holding up at this size.",
	"Lots of teams seem to be fighting the same problems with %t, judging by the questions.",
	"One slide compared the before and after of their deploy pipeline, and the difference was striking.",
	"The recording is already online, and I recommend it to anyone who works on %t.",
	"I am going to steal the idea of a weekly review of every alert that fired.",
	"%f made the point that most outages start with a change nobody thought was risky.",
	"There was a nice live demo of %P that survived a flaky conference network.",
}

var recapBulletItems = []string{
	"start with one team and one cluster", "write down who owns what", "measure before you optimise",
	"keep the default path safe", "automate upgrades early", "treat dashboards as code", "budget for failure",
	"make rollbacks cheap", "document the escape hatches", "review alerts every quarter", "keep the platform API small",
	"test restores regularly",
}

var keynoteBlockProse = []string{
	"The keynotes this morning were short and mostly good, with a lot of numbers about the growth of the community.",
	"The morning keynote block was a mix of project updates, end user stories and a couple of sponsor slots.",
	"As usual the keynotes opened with attendance figures and a reminder about the code of conduct.",
	"The keynote hall was full well before the start, so I watched the first two from the overflow room.",
	"The evening keynotes were lighter, with a few announcements and one very personal story that got a long applause.",
}

var travelTLDR = []string{
	"Early train, long flight, too much coffee",
	"One delayed flight, one lost charger, zero regrets",
	"Two flights, one short night and a lot of podcasts",
}

var photoCaptions = []string{
	"Boarding the plane", "View from the airplane window", "Badge pickup", "Project pavilion", "Sticker wall",
	"The keynote stage", "Sponsor hall", "Coffee queue", "Hallway track", "The venue at night",
}

var slideCaptions = []string{
	"Architecture slide", "Rollout timeline", "Cost comparison", "Failure modes", "Latency graph", "Team structure",
	"Demo screen", "Migration plan", "Dashboard overview", "Request flow",
}

var sessionLead = []string{
	"Next up are my notes from the sessions I went to, in no particular order.",
	"Here are the sessions I attended after the keynotes, one at a time.",
	"What follows are the talks I managed to see, with the notes I took during each.",
}

var closingProse = []string{
	"All in all it was a great event, and I am already looking forward to the next one.",
	"It was refreshing to spend a few days with this much good content and this many kind people.",
	"I came home tired, with a long list of things to try and an even longer list of recordings to watch.",
}

var keywordBullets = []string{
	"platform engineering", "supply chain provenance", "cost-aware scheduling", "edge fleets", "workload identity",
	"policy as code", "developer portals", "telemetry pipelines", "sandboxed runtimes",
}

var lightningProse = []string{
	"On the evening before the main conference there were lightning talks, five minutes each, on everything from tiny clusters to conformance testing.",
	"The lightning talks on the first evening were fun, although a few speakers tried to fit twenty minutes of content into five.",
}

// colocatedNames open with a word that heads a block, as such events do in
// the real recaps ("Breakfast with ..."), which the loaders skip.
var colocatedNames = []string{"Breakfast with the Maintainers", "Morning Coffee and Demos", "Lunch and Learn on Platform Teams"}
