package recap

import (
	"strings"
	"testing"
)

// gaz is a small gazetteer standing in for the loaders' world.
type gaz struct{}

func (gaz) IsOrg(n string) bool     { return n == "Red Hat" || n == "Google" }
func (gaz) NotPerson(n string) bool { return strings.Contains(n, "Argo") || n == "Flux" }
func (gaz) IsProject(n string) bool { return n == "Flux" || n == "Argo" || n == "Istio" }

// TestBlockRules: each shape of talk mention real pages use, written
// afresh, read by the rule named in the result.
func TestBlockRules(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"TableWithoutEdgePipes", "# Schedule\n\nTime | Room | Topic | Speaker\n---|---|---|---\n9:00 | Hall A | [Quotas That Never Lie](https://sched.co/x) | Ana Luz, Acme & Bo Chan, Initech\n12:00 | [Working Group Meeting](https://example.org) | Group leads\n",
			[]string{"table-row: Quotas That Never Lie | Ana Luz @ Acme | Bo Chan @ Initech"}},
		{"ByLineOfManyPeople", "# Talks\n\n- **[Quotas That Never Lie](https://sched.co/x)**<br>\n  by Ana Luz, Acme; Bo Chan, Initech; Cy Diaz, Globex; Dina Eng,\n  Hooli; Ed Fox, Umbrella<br> Tuesday, May 2 • 11:00 - 11:35\n",
			[]string{"link-item: Quotas That Never Lie | Ana Luz @ Acme | Bo Chan @ Initech | Cy Diaz @ Globex | Dina Eng @ Hooli | Ed Fox @ Umbrella"}},
		{"TitleBeforePointerLink", "# Picks\n\n* Quotas That Never Lie: A Field Guide [[Link to talk](https://kccncind2024.sched.com/event/abc)]\n\nWatch the session recording — [here](https://youtu.be/x).\n",
			[]string{"link-item: Quotas That Never Lie: A Field Guide"}},
		{"LinkedTitleThenWhoShared", "# Highlights\n\n2. [**Quotas at Scale**](https://www.youtube.com/watch?v=x): Ana Luz and Bo Chan shared how they moved forty teams onto one cluster.\n",
			[]string{"link-item: Quotas at Scale | Ana Luz @  | Bo Chan @ "}},
		{"TableOfTalksAtSeveralEvents", "# Catch a talk\n\n| Day | Event name and description | Speaker\n|---|---|---\n| Sat. 16th | [Tunnels for Everyone @ Cloud Native Rejekts](https://cfp.example.org/talk/1) | Ana Luz\n| Mon. 18th | [Beyond Functions - Serverless Summit @ KubeCon](https://spsna19.sched.com/event/x) | Ana Luz\n| Wed. 20th | [Quotas at Scale @ KubeCon 2019](https://kccncna19.sched.com/event/y) | Bo Chan & Ana Luz |\n",
			// "Beyond Functions" is linked on the co-located summit's own
			// schedule site (spsna19): that event's session.
			[]string{"table-row: Quotas at Scale | Bo Chan @  | Ana Luz @ "}},
		{"LinkToTheEventIsNoSession", "# Plan\n\n- Join us at [kube con+CloudNativeCon North America 2022](https://events.linuxfoundation.org/x) in Detroit.\n",
			nil},
		{"TableCellTitleAndPeople", "# Talks\n\n|Topic|Video|\n|:---|:---:|\n|Rook at Scale - Ana Luz, Acme|[Video](https://youtu.be/x)|\n|Keynote: Why Gardens Matter for... Bo Sample & Li Demo|-|\n",
			[]string{"table-row: Rook at Scale | Ana Luz @ Acme", "table-row: Why Gardens Matter for | Bo Sample @  | Li Demo @ "}},
		{"SlideLinksUnderTopics", "# Decks worth reading\n\n* Storage (& CSI & Rook)\n  * [Rook Under Pressure](https://example.org/decks/Rook%20Under%20Pressure%20(Advanced).pdf)\n  * [Velero](https://example.org/decks/Backups%20Done%20Right.pdf)\n  * [Volume Snapshots for Everyone](https://example.org/decks/snapshots.pdf)\n* Mesh\n  * [Slides](https://example.org/decks/mesh.pdf)\n  * [Linkerd Without Tears](https://example.org/decks/linkerd.pdf)\n",
			[]string{"link-item: Rook Under Pressure", "link-item: Velero", "link-item: Volume Snapshots for Everyone", "link-item: Linkerd Without Tears"}},
		{"NumberedTalkOverChineseSpeakersKey", "# 我们的议题\n\n**Talk 1：让调度器读懂拓扑**\n\n演讲者： **林安（Ann）** —— Acme 开源负责人、SIG 成员\n\n介绍。\n\n**Talk 2：一次重启为什么要两分钟？**\n\n演讲者： **周青、吴越** —— Acme AI 工程师\n",
			[]string{"title-then-people: 让调度器读懂拓扑 | 林安 @ Acme", "title-then-people: 一次重启为什么要两分钟？ | 周青 @ Acme | 吴越 @ Acme"}},
		{"RowPeopleAreNotTheNextRows", "# 指南\n\n| 方向 | 内容 |\n|---|---|\n| 网关峰会 | 路由、限流、证书 |\n| 存储日 | 快照、备份 |\n",
			nil},
		{"QuotedTitleThenPeople", "# Don't miss\n\n* “Gardens on Kubernetes: Weeding Pods” by Ana Luz and Bo Chan, Developer Advocate, Google -* [http://sched.co/ab1](http://sched.co/ab1)\n* “[Quotas That Never Lie](https://example.sched.org/event/x)” By Cy Diaz, Director of Engineering, Hooli Foundation -* http://sched.co/ab2\n* “[Pods in the Newsroom](https://example.sched.org/event/y)” Dee Fox, Web Developer, Initech -* http://sched.co/ab3\n* “Just a Quote” and then some words\n",
			[]string{"title-by: Gardens on Kubernetes: Weeding Pods | Ana Luz @ Google | Bo Chan @ Google", "title-by: Quotas That Never Lie | Cy Diaz @ Hooli Foundation", "title-by: Pods in the Newsroom | Dee Fox @ Initech"}},
		{"KoreanFieldsUnderLinkedSessions", "# 세션\n\n- __[Quotas That Never Lie](https://sched.co/q1)__\n  - 발표자: Ana Luz(아크메 클라우드 아키텍트), Bo Chan(아크메 클라우드 아키텍트),\n  - 일시: 2031년 12월 7일 15:50 – 16:25\n  - 장소: Room 8ABC, Level 3\n- __[Running Gardens on Kubernetes](https://sched.co/q2)__\n  - 발표자: Cy Diaz(아크메 플랫폼 엔지니어)\n",
			[]string{"link-item: Quotas That Never Lie | Ana Luz @ 아크메 | Bo Chan @ 아크메", "link-item: Running Gardens on Kubernetes | Cy Diaz @ 아크메"}},
		{"LinkThatPointsByKind", "# Picks\n\n### Tutorial: Gardens for Beginners - Ana Luz, Acme\n\n[This 90-minute tutorial](https://example.sched.com/event/1a/tutorial-gardens)\nis an introduction to Helm and Prometheus.\n",
			[]string{"heading-dash-people: Tutorial: Gardens for Beginners | Ana Luz @ Acme"}},
		{"HeadingLinksTheSessionPage", "# Flux at KubeCon\n\n## Contribfest: [Growing the Garden Ecosystem](https://sched.co/g1)\n\nDATE: Wednesday April 2\n\nJoin us! Don't miss this session with [Ana](https://bsky.app/profile/ana.example), [Bo](https://bsky.app/profile/bo.example), and [Cy Diaz](https://x.com/cydiaz) for your chance to help.\n\n## Maintainer Track: [Weeding Pods](https://sched.co/g2)\n\nJoin maintainers [Dee Fox](https://github.com/deefox) and [Ed Moss](https://linkedin.com/in/edmoss) as they share the plan. See the [session page](https://sched.co/g2).\n\n## [Our booth](https://example.org/booth)\n",
			[]string{"heading: Growing the Garden Ecosystem | Ana @  | Bo @  | Cy Diaz @ ", "heading: Weeding Pods | Dee Fox @  | Ed Moss @ "}},
		{"RecordingEmbeddedUnderItsTalk", "# Our week\n\nMy first talk was a lightning talk about\n[Dynamically Pruning Garden Beds](https://example.sched.com/event/1a/x).\n\n{{< youtube id=\"a1\" title=\"KubeCon 2031 NA – Lightning Talk: Dynamically Prune Garden Beds - Ana Luz\" >}}\n\nThe second one:\n\n{{< youtube id=\"a2\" title=\"KubeCon 2031 NA – What’s New in Gardens - Bo Chan & Ana Luz\" >}}\n",
			[]string{"link-item: Dynamically Pruning Garden Beds | Ana Luz @ ", "link-item: What’s New in Gardens | Bo Chan @  | Ana Luz @ "}},
		{"ChineseFieldWithFullWidthColon", "# 参会指南\n\n- 场馆：海港会议中心\n- 地址：海滨大道 88 号（靠近地铁站）\n",
			nil},
		{"PresenterLinkedToTheirSession", "# Harbor at KubeCon\n\n**Project Lightning Talk: Gardens at the Edge**  \n**Speaker:** Ana Luz, Maintainer  \n**Session details:** [https://sched.co/zz1](https://sched.co/zz1)\n\nSee you there!\n\n[Ana Luz](https://sched.co/zz1)  \nMaintainer\n",
			[]string{"kind-lead: Project Lightning Talk: Gardens at the Edge | Ana Luz @ "}},
		{"EnglishTitleInChineseProse", "# 西雅图见闻\n\n会场里几家公司的总监正在进行Gardens at Scale with Service Mesh话题讨论直播，现场人很多。\n\n我们又聊了Kubernetes和Istio的使用场景。\n",
			[]string{"prose-title: Gardens at Scale with Service Mesh"}},
		{"LinkItem", "# Picks\n\n- [Queueing Is Caring – Arjun Bhat, Google](https://sched.co/1)\n- [Plugins Galore](https://sched.co/2) by Mira Osei, Red Hat\n",
			[]string{"link-item: Queueing Is Caring | Arjun Bhat @ Google", "link-item: Plugins Galore | Mira Osei @ Red Hat"}},
		{"KeyValueInSpanish", "# Notas\n\n### Backstage para escépticos\nPonentes: Lucía Ortega (Adevinta), Marc Puig (Adevinta)\n\nTexto.\n",
			[]string{"heading: Backstage para escépticos | Lucía Ortega @ Adevinta | Marc Puig @ Adevinta"}},
		{"SessionTitleThenSpeakers", "# Report\n\nSession Title: Quotas That Do Not Lie\nSpeakers: Ilse de Groot, Google & Omar Farouk, Apple\n\nSession Title: Second Talk Here\nSpeakers: Mina Park, Red Hat\n",
			[]string{"key-value: Quotas That Do Not Lie | Ilse de Groot @ Google | Omar Farouk @ Apple", "key-value: Second Talk Here | Mina Park @ Red Hat"}},
		{"TitleByPeople", "Notes\n\nFair Sharing Is Hard: Lessons from a Lab by Margit Halvorsen and Jonas Eriksen\n\nThey showed plots.\n",
			[]string{"title-by: Fair Sharing Is Hard: Lessons from a Lab | Margit Halvorsen @  | Jonas Eriksen @ "}},
		{"QuotedKeynotePossessive", "Notes\n\nPat Doe (Staff Engineer at Acme)’s keynote, “Global Widgets Platform At Scale”, opened day two.\n",
			[]string{"quoted-title: Global Widgets Platform At Scale | Pat Doe @ Acme"}},
		{"QuotedAfterAttribution", "Notes\n\nThe talk I keep thinking about is the one from Tove Lind (Platform Lead at Acme), “Batteries Are Not Included”. She showed graphs.\n",
			[]string{"quoted-title: Batteries Are Not Included | Tove Lind @ Acme"}},
		{"QuotedThenParenthesis", "メモ\n\nライトニングトークでは \"Caching Layers for the Impatient\" (Aoi Sato さん, Acme) が面白かったです。\n",
			[]string{"quoted-title: Caching Layers for the Impatient | Aoi Sato @ Acme"}},
		{"QuotedFromNamesTitled", "Notes\n\nI also caught the session from Rui Costa and Ana Luz titled \"Sharding for the Rest of Us\". It was full.\n",
			[]string{"quoted-title: Sharding for the Rest of Us | Rui Costa @  | Ana Luz @ "}},
		{"CompanyFromRoleInProse", "# Notes\n\n## Checkpoint Everything by Tove Lind\n\nTove, an engineer at Nordlicht Compute, showed how they checkpoint jobs.\n",
			[]string{"title-by: Checkpoint Everything | Tove Lind @ Nordlicht Compute"}},
		{"CompanyBeforePersonInJapanese", "メモ\n\n## Failover Without Drama（Ho Ka-wing さん、Lam Siu さん）\n\n香港の Harbour Pay のお二人による事例紹介です。\n\n## Rollouts for Games（Fang Li さん）\n\n深圳の Tianyu Games の Fang さんによる話です。\n",
			[]string{"title-by: Failover Without Drama | Ho Ka-wing @ Harbour Pay | Lam Siu @ Harbour Pay", "title-by: Rollouts for Games | Fang Li @ Tianyu Games"}},
		{"ChineseHeadingDashNameCommaOrg", "# 推荐\n\n## 3. 用 OpenKruise 做灰度发布 — 王磊，阿里云\n\n普通话议题。\n",
			[]string{"title-by: 用 OpenKruise 做灰度发布 | 王磊 @ 阿里云"}},
		{"RecordingLinksInSentenceCaseAndNameLike", "# Picks\n\n1. [Quiet Pods](https://www.youtube.com/watch?v=a)\n\n    Ana Luz on sandboxes.\n1. [How we built our proxy, and what you can learn from it](https://www.youtube.com/watch?v=b)\n\n    Gophers will like it.\n",
			[]string{"link-item: Quiet Pods", "link-item: How we built our proxy, and what you can learn from it"}},
		{"ResourceLinksAreNoTalks", "# Notes\n\n- [Presentation PDF](https://static.sched.com/hosted_files/x/a.pdf)\n- [Full YouTube playlist of the event](https://www.youtube.com/playlist?list=x)\n- [Session Link](https://kccnc.sched.com/event/1)\n",
			nil},
		{"NumberedTitleThenSpeakersKey", "Notes\nTalks I attended\n1. Testing Cluster Limits with Small Tools\nSpeakers: Ana Luz and Bo Sample (Acme)\nThey showed how to root cause slow DNS on a laptop.\n",
			[]string{"title-then-people: Testing Cluster Limits with Small Tools | Ana Luz @ Acme | Bo Sample @ Acme"}},
		{"PresenterNamedInTheDescription", "# Picks\n\n1. [Outages We Have Known](https://www.youtube.com/watch?v=a)\n\n    In this keynote, Tove Lind runs us through an outage at her bank.\n1. [Pipes and Filters Again](https://kccnceu19.sched.com/event/x)\n\n    Before lunch Bo Sample of Initech will show us how pipes came back.\n1. [Building Our Proxy Layer](https://www.youtube.com/watch?v=c)\n\n    As gophers we were drawn to Cy Demo's talk.\n",
			[]string{"link-item: Outages We Have Known | Tove Lind @ ", "link-item: Pipes and Filters Again | Bo Sample @ Initech", "link-item: Building Our Proxy Layer | Cy Demo @ "}},
		{"BoldTitleThenSpeakersKeyAndLinkField", "# Talks\n\n- **Serving Models Without Drama**\n**Speakers:** Ana Luz, Bo Sample (Acme)\n**Sched Link:** [View on Sched](https://x.sched.com/event/1/serving)\n\n- **Bridging Data and Training**\n**Speakers:** Ana Luz, Cy Demo (Acme)\n**Sched Link:** [View on Sched](https://x.sched.com/event/2/bridging)\n",
			[]string{"title-then-people: Serving Models Without Drama | Ana Luz @ Acme | Bo Sample @ Acme", "title-then-people: Bridging Data and Training | Ana Luz @ Acme | Cy Demo @ Acme"}},
		{"ProseLinkThenWhereName", "Notes\n\nThe next talk was about [The Board Game of Clouds](https://www.youtube.com/watch?v=a), where Pia Stone made a case for play. It was fun.\n",
			[]string{"quoted-title: The Board Game of Clouds | Pia Stone @ "}},
		{"ProseLinkWithSpaceThenWithName", "Notes\n\nOne of my favourites: [A Short Guide to Speaking] (https://www.youtube.com/watch?v=b)with **Lea Marsh**. She showed how.\n",
			[]string{"quoted-title: A Short Guide to Speaking | Lea Marsh @ "}},
		{"PanelHeadingThenNamesInProse", "# Notes\n\n## Storage Operators Panel Discussion\n\nI also went to a panel.\nIn this panel discussion, **Xi Wen**, **Mara Lux**, and **Ivo Dane** talked about data on Kubernetes.\n\n## Community sessions\n\nSara Obi and Theo Lind talked about mentoring.\n",
			[]string{"heading: Storage Operators Panel Discussion | Xi Wen @  | Mara Lux @  | Ivo Dane @ "}},
		{"BoothIsNoSession", "# Find us\n\n* **Acme Booth** - Dan Jiang, senior technical lead, will be at the\nbooth on Tuesday.\n", nil},
		{"SessionPagesLinkedInProseAnyScript", "메모\n\n세션이 2개 있으며, [_헬름 소개_](https://sched.co/Ab1) 및 [_차트 심층 분석_](https://sched.co/Ab2)에 초점을 둔다.\n",
			[]string{"quoted-title: 헬름 소개", "quoted-title: 차트 심층 분석"}},
		{"EnglishTitleAloneOverJapaneseProse", "参加レポート\n\n気になったセッションを紹介します。\n\nNo More Outages: How a Game Network Stays Up on Kubernetes\n\nまずタイトルの時点でワクワクしますね\n\n彼らの答えは普通のことを普通にやることでした。\n",
			[]string{"standalone-title: No More Outages: How a Game Network Stays Up on Kubernetes"}},
		{"LabelLinkThenTitleLink", "# Find us\n\n[Ana Luz](https://twitter.com/analuz), [Bo Sample](https://github.com/bo), and [Cy Demo](https://github.com/cy) will be in Paris.\n\n* [**Maintainers track**](https://sched.co/1AbC)- [Ana Luz](https://github.com/a) and [Bo Sample](https://twitter.com/b) - will be presenting this edition - [Advances in Registries: Signing, Mirrors and Speed](https://sched.co/1AbC)\n",
			[]string{"link-item: Advances in Registries: Signing, Mirrors and Speed | Ana Luz @  | Bo Sample @ "}},
		{"DeicticLinksAreNoTitles", "# Our picks\n\n## Failure Stories and How to Crash Your Clusters\n\nWho likes failure? This session by Ana Luz from Acme looks at it. In [this session](https://x.sched.com/event/1/a) and with [Bo Sample and his team](https://x.sched.com/event/2/b) you learn.\n",
			[]string{"heading: Failure Stories and How to Crash Your Clusters | Ana Luz @ Acme"}},
		{"TitleAloneThenJapaneseSpeakerSentence", "# レポート\n\n## 一日目\n\nTaming Flaky Admission Webhooks in Large Clusters\nwebhook の障害事例を解説するセッションでした。登壇者は Kestrel Labs の Ines Moreau さんです。\n",
			[]string{"standalone-title: Taming Flaky Admission Webhooks in Large Clusters | Ines Moreau @ Kestrel Labs"}},
		{"NamesBothAtCompanyThenVerb", "# Picks\n\n1. [Collectors on Wind Turbines](https://www.youtube.com/watch?v=k)\n\n   Naomi Feld and Ruben Cas, both at Ostara Energy, walk through their edge setup.\n",
			[]string{"link-item: Collectors on Wind Turbines | Naomi Feld @ Ostara Energy | Ruben Cas @ Ostara Energy"}},
		{"LinkWithKindLeadAndKindThenBy", "# Our sessions\n\n- [Keynote: Shipping Without Fear](https://sched.co/1A) by Tove Lind, Senior Director, Acme Cloud\n- [Delivery Group Meeting](https://sched.co/1B) - 15-minute presentation by Bo Sample, Carvel Maintainer\n",
			[]string{"link-item: Shipping Without Fear | Tove Lind @ Acme Cloud", "link-item: Delivery Group Meeting | Bo Sample @ "}},
		{"SessionTitleKeyThenSpeakersInProse", "Notes\n\nSession Title: Benchmarking Inference on Clusters\n\nCosts matter. Speakers Ana Luz of Acme Bank and Bo Sample of Initech focused this talk on measurement.\n\nSession Title: Discover Tracing at Scale\n\nThis maintainer talk by Cy Demo, Di Test and Ed Case from Acme and Flo Rye from Initech zoomed in on features.\n",
			[]string{"key-value: Benchmarking Inference on Clusters | Ana Luz @ Acme Bank | Bo Sample @ Initech", "key-value: Discover Tracing at Scale | Cy Demo @ Acme | Di Test @ Acme | Ed Case @ Acme | Flo Rye @ Initech"}},
		{"AttributedQuotationIsNoTalk", "Notes\n\nThe keynote was about growth.\n\n“Containers are the new shipping pallets” - Ana Luz\n\nThen came the next speaker.\n", nil},
		{"SpanishProseTitles", "Notas\n\nEn su charla The Scheduler for Busy People Who Like Maps, Ana Luz explica por qué es difícil.\n\nFaster Storage for Stateful Applications in Clusters de Bo Sample fue mi charla favorita.\n",
			[]string{"prose-title: The Scheduler for Busy People Who Like Maps | Ana Luz @ ", "prose-title: Faster Storage for Stateful Applications in Clusters | Bo Sample @ "}},
		{"SeriesLabelAndAnnouncementAreNoTalks", "Mon retour\n\nSeries - Cloud-Native Related\n\nLa keynote du matin était bien.\n\nAnnonce du Golden Kubestronaut\n\nLa CNCF a annoncé un nouveau titre pour les contributeurs.\n", nil},
		{"HeadingThenInThisSessionName", "# Our picks\n\n## Reliability for Humans and Teams\n\nHumans break plans. In [this session](https://x.sched.com/event/1/r), Tove Lind will discuss a personal approach.\n",
			[]string{"heading: Reliability for Humans and Teams | Tove Lind @ "}},
		{"JapaneseCaptionOfAPersonIsNoTalk", "レポート\n\nキーノートの様子です。\n\nCNCFのExecutive Director、Ana Luz氏\n\n講演では多くの発表がありました。\n", nil},
		{"ThanksHeadingIsNoTalk", "# Notes\n\n## Thank You, KubeCon India\n\nSee you next year, everyone. The talks were great.\n", nil},
		{"SpeakerDashTitleLine", "Wrap-up\n\nTove Lindqvist - Be a Good Corporate Citizen in Clusters\nThe first talk I attended was from Tove, titled Be a Good Corporate Citizen in Clusters.\n",
			[]string{"speaker-dash-title: Be a Good Corporate Citizen in Clusters | Tove Lindqvist @ "}},
		{"SeveralPossessiveTalksInOneSentence", "Wrap-up\n\nI recommend Ana Luz and Bo Sample’s talk on Advanced Persistent Pods, Cy Demo’s talk Seccomp Profiles and You, and Dina Tesla’s day two keynote slot, How to Love Clusters and Not Wreck the Planet. They are online.\n",
			[]string{"prose-title: Advanced Persistent Pods | Ana Luz @  | Bo Sample @ ", "prose-title: Seccomp Profiles and You | Cy Demo @ ", "prose-title: How to Love Clusters and Not Wreck the Planet | Dina Tesla @ "}},
		{"QuotedPresenterFirst", "Notes\n\nDan Roe delivered a keynote on \"How Good Is Our Code Anyway\" that I still think about.\n",
			[]string{"quoted-title: How Good Is Our Code Anyway | Dan Roe @ "}},
		{"HeadingThenTalkBy", "Notes\n\n## Rethinking Ingress\n\nThis great talk by Lee Fake (Acme) showed the new resources.\n",
			[]string{"heading: Rethinking Ingress | Lee Fake @ Acme"}},
		{"NumberedHeadingComma", "# Top\n\n## 2. Composing Platforms with Crossplane, Nadia Khoury & Ben Achter\n\nGood.\n",
			[]string{"numbered-heading: Composing Platforms with Crossplane | Nadia Khoury @  | Ben Achter @ "}},
		{"ProseTitleBy", "Notes\n\nOne talk stood out in the afternoon: Quieting etcd Under Pressure by Brennan Ashby. He showed graphs.\n",
			[]string{"prose-title: Quieting etcd Under Pressure | Brennan Ashby @ "}},
		{"ProseTitleByBothAt", "Notes\n\nI also enjoyed Cross-Cluster Failover With Linkerd by Aurelio Campos and Mina Sorensen, both at Peakline. They run two clusters.\n",
			[]string{"prose-title: Cross-Cluster Failover With Linkerd | Aurelio Campos @ Peakline | Mina Sorensen @ Peakline"}},
		{"ProseSessionOn", "Notes\n\nIlse Marchetti's session on Rethinking Cluster Autoscaling changed my mind about it.\n",
			[]string{"prose-title: Rethinking Cluster Autoscaling | Ilse Marchetti @ "}},
		{"ListOfPeopleIsNoTitle", "Notes\n\nThe panel had Ayumi Kato (Larkspur), Marco Bell (Verdant) and Sunita Rao (Quillon), moderated by Grace Adebayo of Harborview.\n", nil},
		{"LightningLeadAlone", "Notes\n\n⚡ Lightning Talk: Kyverno Policies in Five Minutes\n\nShort and sweet.\n",
			[]string{"kind-lead: Lightning Talk: Kyverno Policies in Five Minutes"}},
		{"JapaneseParenNames", "メモ\n\nLightning Talk: KEDA for IoT Gateways at the Edge（佐藤 美香 さん）\n\n面白かったです。\n",
			[]string{"title-by: Lightning Talk: KEDA for IoT Gateways at the Edge | 佐藤 美香 @ "}},
		{"WebTextWithoutBlankLines", "Second day at KubeCon\nI had a great second day at the conference and want to share some impressions from it.\nExplain GPUs in k8s like I am 5\nThis excellent talk by Carlos Santana (AWS) took us on a journey through drivers and device plugins.\nOpen source strategy for k8s\nOne of my favourite talks of the week was by Google’s Jago Macleod, who told the history of the project.\n",
			[]string{"standalone-title: Explain GPUs in k8s like I am 5 | Carlos Santana @ AWS", "standalone-title: Open source strategy for k8s | Jago Macleod @ Google"}},
		{"SectionsAreNoTalks", "# Notes\n\n### CNCF Ambassador\n\nI became one this year and gave a talk about it.\n\n### Platform Engineering Day\n\nThe co-located day had good talks.\n\n### 2023 AI\n\nThe year of the talk about models.\n", nil},
		{"HeadingWithColonIsNoAttribution", "# Notes\n\n## Open Match - Matchmaking Framework:\n\nA talk about games.\n\n## *Speaker: Ana Ruiz, Acme*\n\nMore notes.\n", nil},
		{"QuotedThenByNames", "Notes\n\nOn Thursday the session “Taming Sidecars in Production” by Lee Wu drew a crowd.\n",
			[]string{"quoted-title: Taming Sidecars in Production | Lee Wu @ "}},
		{"PanelPeopleAsList", "# Notes\n\n## Panel: The Future of Platform Teams\n\n- Ana Ruiz, Staff Engineer at Acme\n- Bo Lindqvist, Director at Initech\n\nThe panel agreed on little.\n",
			[]string{"title-then-people: The Future of Platform Teams | Ana Ruiz @ Acme | Bo Lindqvist @ Initech"}},
		{"QuotedAfterByWithRole", "Notes\n\nThe second keynote I liked was by Wei Jun, a product lead at Huawei Cloud, titled “Batch Is Back Again”. It was about batch.\n",
			[]string{"quoted-title: Batch Is Back Again | Wei Jun @ Huawei Cloud"}},
		{"HeadingDashBeforeCommas", "# Notes\n\n### Keynote: Widgets for Everyone - Sara Vale, Director for Ops, Acme Times\n\nShe spoke well.\n",
			[]string{"heading-dash-people: Widgets for Everyone | Sara Vale @ Acme Times"}},
		{"TimedSchedLinkThenQuotedPeople", "# Our talks\n\n9:45 - 10:15 Maintainer Track: [How to Achieve Actual GitOps with Terraform\nand Flux](https://sched.co/1AR8M)\n\n> Priyanka \"Pinky\" Ravi (Weaveworks)\n",
			[]string{"link-item: How to Achieve Actual GitOps with Terraform and Flux | Priyanka Ravi @ Weaveworks"}},
		{"NumberedHeadingManyPeople", "# Top\n\n### 3. Fooling Scanners, Ann Lee, Bo Chan, Cy Diaz, Acme\n\nGood.\n",
			[]string{"numbered-heading: Fooling Scanners | Ann Lee @ Acme | Bo Chan @ Acme | Cy Diaz @ Acme"}},
		{"NumberedHeadingTitleComma", "# Top\n\n### 4. Small Teams, Big Clusters, Sora Nishimura\n\nGood.\n",
			[]string{"numbered-heading: Small Teams, Big Clusters | Sora Nishimura @ "}},
		{"PlaceIsNoSpeaker", "# Trip\n\n### 2. Denver, CO, Snow Day\n\nIt snowed.\n", nil},
		{"ProseLinkThenKeynoteFrom", "Notes\n\nI enjoyed the [Pods All the Way Down](https://youtu.be/x) keynote from Sam Lee (Acme) a lot.\n",
			[]string{"quoted-title: Pods All the Way Down | Sam Lee @ Acme"}},
		{"NameAndHisQuotedTalk", "Notes\n\nRavi Das and his “Ship It Slowly Please” talk was my favourite of the day.\n",
			[]string{"quoted-title: Ship It Slowly Please | Ravi Das @ "}},
		{"TopicHeadingIsNoTalk", "# Highlights\n\n### Flux & Argo\n\nGitOps in every talk this year.\n", nil},
		{"DayAndTimeHeadingsAreNoTalks", "# Notes\n\n## Tuesday 19th of March\n\n## 11:00am CET\n\nText of the talk.\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse("r.md", strings.NewReader(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			d.Gazetteer = gaz{}
			var got []string
			for _, it := range d.Items() {
				if it.Weak {
					continue
				}
				s := it.Rule + ": " + it.Title
				for _, sp := range it.Speakers {
					s += " | " + sp.Name + " @ " + sp.Company
				}
				got = append(got, s)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("items =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestStripKind: a keynote's or a panel's lead is dropped from its title,
// written with a colon or in brackets; other kinds stay in the title.
func TestStripKind(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		keynote  bool
	}{
		{"Keynote: Welcome Back", "Welcome Back", true},
		{"[Keynote] Anchoring Trust in Clusters", "Anchoring Trust in Clusters", true},
		{"【Keynote】 Anchoring Trust in Clusters", "Anchoring Trust in Clusters", true},
		{"[Panel] Ask the Maintainers", "Ask the Maintainers", false},
		{"Lightning Talk: Paging Kueue", "Lightning Talk: Paging Kueue", false},
		{"[Lightning Talk] Paging Kueue", "Lightning Talk: Paging Kueue", false},
		{"[Slides] for the talk", "[Slides] for the talk", false},
	} {
		got, keynote := stripKind(tc.in)
		if got != tc.want || keynote != tc.keynote {
			t.Errorf("stripKind(%q) = %q, %v; want %q, %v", tc.in, got, keynote, tc.want, tc.keynote)
		}
	}
}

// TestKindAfterTitle: a session's kind in parentheses after its title is
// no part of it.
func TestKindAfterTitle(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		keynote  bool
	}{
		{"Tending Stateful Gardens (Tutorial)", "Tending Stateful Gardens", false},
		{"Queues Without Tears (Session)", "Queues Without Tears", false},
		{"Welcome to the Garden (Keynote)", "Welcome to the Garden", true},
		{"网格中的数据库实践（海报议题）", "网格中的数据库实践", false},
		{"Gardens (and Clusters) at Scale", "Gardens (and Clusters) at Scale", false},
		{"(Tutorial)", "(Tutorial)", false},
	} {
		got, keynote := stripKind(tc.in)
		if got != tc.want || keynote != tc.keynote {
			t.Errorf("stripKind(%q) = %q, %v; want %q, %v", tc.in, got, keynote, tc.want, tc.keynote)
		}
	}
}
