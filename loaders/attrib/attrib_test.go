package attrib

import (
	"fmt"
	"strings"
	"testing"
)

// orgs is a gazetteer of a few organisations and projects, as the
// loaders' world would give.
type orgs map[string]bool

func (o orgs) IsOrg(n string) bool     { return o[strings.ToLower(n)] }
func (o orgs) NotPerson(n string) bool { return strings.Contains(n, "Argo") }
func (o orgs) IsProject(n string) bool { return n == "Argo" }

func TestParse(t *testing.T) {
	g := orgs{"red hat": true, "eurecom": true, "google": true, "cisco": true}
	tests := []struct {
		name, in, want string
	}{
		{"OneCompany", "Ana Luz & Tom Brandt, Google", "Ana Luz @ Google; Tom Brandt @ Google"},
		// One person, the company, then the job.
		{"CompanyThenJob", "Ana Luz, Tidewater Foundation, CTO", "Ana Luz @ Tidewater Foundation"},
		{"RoboticsIsACompany", "Ana Luz, Harbourline Robotics and Tom Brandt, Nordlys Cloud", "Ana Luz @ Harbourline Robotics; Tom Brandt @ Nordlys Cloud"},
		// Three or more full names and nothing else are people; a last
		// entry the listing shape would read as their company is a
		// person when it is as much a name as the others.
		{"FullNamesOnly", "Tabby Sable, Pushkar Jog, Rey Lejo, Savi Ragh", "Tabby Sable; Pushkar Jog; Rey Lejo; Savi Ragh"},
		{"TwoNamesThenCompany", "Ana Luz & Tom Brandt, Tidewater Freight", "Ana Luz @ Tidewater Freight; Tom Brandt @ Tidewater Freight"},
		{"NamesThenKnownCompany", "Ana Luz, Tom Brandt, Red Hat", "Ana Luz @ Red Hat; Tom Brandt @ Red Hat"},
		{"NamesThenOrgish", "Ana Luz, Tom Brandt, Harborview Media", "Ana Luz @ Harborview Media; Tom Brandt @ Harborview Media"},
		{"CompanyEach", "Frank Zdar, Red Hat & Ray Knopp, Eurecom", "Frank Zdar @ Red Hat; Ray Knopp @ Eurecom"},
		{"RoleThenCompany", "Janet Kuo, Software Engineer, Google", "Janet Kuo @ Google"},
		{"RoleRightAfterName", "Mika Rubin Senior Staff Engineer & TLM, Google", "Mika Rubin @ Google"},
		{"RoleRightAfterNameSr", "Aron Schles Sr. Software Engineer, Deis", "Aron Schles @ Deis"},
		{"DivisionAtParent", "Lia Rice, Isovalent at Cisco", "Lia Rice @ Isovalent"},
		{"Parenthesised", "Priya Nair (Staff Engineer at Corvid)", "Priya Nair @ Corvid"},
		{"ParenthesisedPair", "Jo Pike (AWS) and Sam Reed (Google)", "Jo Pike @ AWS; Sam Reed @ Google"},
		{"FromCompany", "Ana Luz and Tom Brandt from Datadog", "Ana Luz @ Datadog; Tom Brandt @ Datadog"},
		{"OfCompany", "Ines Moreau of Eurecom", "Ines Moreau @ Eurecom"},
		{"NoCompany", "Nadia Khoury & Ben Achter", "Nadia Khoury; Ben Achter"},
		{"OxfordCommaBeforeAmpersand", "Mia Michel, Stu Sloan, Nia Young, & Jo Peach, VMware", "Mia Michel @ VMware; Stu Sloan @ VMware; Nia Young @ VMware; Jo Peach @ VMware"},
		{"SentenceGoesOn", "Rina Desh, CTO of Saffronstack, opened the day with numbers, from meetups to pull requests", "Rina Desh @ Saffronstack"},
		{"JapaneseAnd", "Yuki Sato, Acme および Ren Ito, Initech", "Yuki Sato @ Acme; Ren Ito @ Initech"},
		{"DayAndTimeAfter", "Julia Pivo, O11y Tuesday, November 7 • 11:00am - 11:35am", "Julia Pivo @ O11y"},
		{"WeekdayAlone", "Shiv Raj, Independent Tuesday,", "Shiv Raj @ Independent"},
		{"JapaneseDateAfter", "Bo Kang（Akamai Technologies）& Mo Radwan（Datadog） 6月17日（火）• 14:10 - 14:40", "Bo Kang @ Akamai Technologies; Mo Radwan @ Datadog"},
		{"TimeAfterBullet", "Ana Luz, Google • 2:30pm", "Ana Luz @ Google"},
		{"SemicolonGroups", "Ana Luz & Tom Brandt, Acme Labs; Chloé Martin, Google", "Ana Luz @ Acme Labs; Tom Brandt @ Acme Labs; Chloé Martin @ Google"},
		{"ByLead", "by Wendell Agyei, Harborline", "Wendell Agyei @ Harborline"},
		{"TitlesThenOneCompany", "Bo Li, Software Engineer & Cy Ng, SRE, Uber", "Bo Li @ Uber; Cy Ng @ Uber"},
		{"PairsWithUnknownCompanies", "Femi Oyelaran, Tidewater Logistics & Oona Virtanen, Kestrel Networks", "Femi Oyelaran @ Tidewater Logistics; Oona Virtanen @ Kestrel Networks"},
		{"RoleAsPerson", "Mira Castellanos, Upper Secondary School Student, Individual Maintainer", "Mira Castellanos"},
		{"ChineseCommaBeforeOrganisation", "王磊，阿里云", "王磊 @ 阿里云"},
		{"ChineseCommaBetweenNames", "王磊，李娜", "王磊; 李娜"},
		{"SerialComma", "Amy Alpha, Ben Beta, & Cal Gamma", "Amy Alpha; Ben Beta; Cal Gamma"},
		{"ThreeOfOneCompany", "Dan Delta, Eve Echo & Fay Fox, Hooli", "Dan Delta @ Hooli; Eve Echo @ Hooli; Fay Fox @ Hooli"},
		{"RoleIsNoCompany", "Ed Fox, CNCF Ambassador & Flo Rye, Hooli", "Ed Fox; Flo Rye @ Hooli"},
		{"NicknameAndCountryCode", "Lily (Xiaoxuan) Liu & Piotr Prokop PL, Acme", "Lily Liu @ Acme; Piotr Prokop @ Acme"},
		{"SkillLevelNote", "Andy Roe, Heptio (Intermediate Skill Level)", "Andy Roe @ Heptio"},
		{"PanelInProse", "Ayumi Kato (Larkspur Labs), Marco Bell (Verdant Systems) and Sunita Rao (Quillon), moderated by Grace Ade of Harborview Media", "Ayumi Kato @ Larkspur Labs; Marco Bell @ Verdant Systems; Sunita Rao @ Quillon; Grace Ade @ Harborview Media"},
		{"NotPeople_CompanyAfterDash", "Harborview Media", ""},
		{"QuotedNickname", "Priyanka \"Pinky\" Ravi (Weaveworks)", "Priyanka Ravi @ Weaveworks"},
		{"AmpersandInRole", "Kim Rho, VP & Chief Cloud Officer, Zeta", "Kim Rho @ Zeta"},
		{"PresentedBy", "Presented by Rae Ng, COO, Foo", "Rae Ng @ Foo"},
		{"NotPeople_PlaceAndDay", "Snow Day", ""},
		{"RoleAtCompany", "Ana Ruiz, Staff Engineer at Acme", "Ana Ruiz @ Acme"},
		{"Honorific", "Dr Jane Example & Prof. Li Demo, Acme", "Jane Example @ Acme; Li Demo @ Acme"},
		{"JapaneseComma", "Yuki Tanabe、Mei Arakawa, Preferred Networks", "Yuki Tanabe @ Preferred Networks; Mei Arakawa @ Preferred Networks"},
		{"NotPeople_Sentence", "Still Sidecars: A Migration Story", ""},
		{"KoreanRoleCompanyFirst", "Ana Luz(아크메 클라우드 아키텍트), Bo Chan(이니텍 플랫폼 엔지니어)", "Ana Luz @ 아크메; Bo Chan @ 이니텍"},
		{"KoreanWordsWithoutAJobAreNoRole", "Ana Luz(서울 지사)", "Ana Luz @ 서울 지사"},
		{"NotPeople_ChineseSentenceWithList", "聚焦网关技术：路由、限流、证书管理。适合平台团队。", ""},
		{"NotPeople_ChineseLabelAndList", "覆盖领域：存储、网络", ""},
		{"NotPeople_Project", "Argo Rollouts and a Lot of Patience", ""},
		{"NotPeople_CompanyAlone", "Red Hat", ""},
		{"NotPeople_TitleBeforeNames", "Cost Management Best Practice Ana Luz & Tom Brandt", ""},
		{"NotPeople_Words", "the keynote was great", ""},
		{"HandlesDropped", "Ena Moro, Weaveworks @enamoro & Jon Perr, Flowtune by @jperr", "Ena Moro @ Weaveworks; Jon Perr @ Flowtune"},
		{"FounderOfAProjectIsNoEmployer", "Henry Chu, founder of Argo, and Jo Zab, lead maintainer", "Henry Chu; Jo Zab"},
		{"LineCutMidSentenceIsNoCompany", "Dan Jiang, senior technical lead, will be at the", "Dan Jiang"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range Parse(tc.in, g) {
				s := p.Name
				if p.Company != "" {
					s += " @ " + p.Company
				}
				got = append(got, s)
			}
			if s := strings.Join(got, "; "); s != tc.want {
				t.Errorf("Parse(%q) = %q, want %q", tc.in, s, tc.want)
			}
		})
	}
}

func TestNameLike(t *testing.T) {
	for in, want := range map[string]bool{"Ana Luz": true, "Ilse de Groot": true, "Jean-Luc O'Neil": true, "Tomás Ibarra": true,
		"Alerting Anti-Patterns in Production": false, "Kubernetes": false, "Size and Scale": false, "K8s Team": false,
		"早川 浩": true, "I.V. Prasad Reddy": true, "Zulu. Question": false, "王晨曦": true, "を購読すると": false, "クラウドでは": false,
		"マルタ・ヴェルデ・オリヴァー": true, "アナ・ルス": true, "ステンレススチールテーブル": false, "上述の通り": false, "山の上": false} {
		if got := NameLike(in); got != want {
			t.Errorf("NameLike(%q) = %v, want %v", in, got, want)
		}
	}
	_ = fmt.Sprint
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"A B, Co & C D, Eu", "A B (X at Y)", "A B of C", "A B & C D, E; F G, H", "山田 太郎（会社）"} {
		f.Add(s)
	}
	g := orgs{"red hat": true}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range Parse(s, g) {
			if !NameLike(p.Name) {
				t.Fatalf("Parse(%q) gave %q, which is not shaped like a name", s, p.Name)
			}
		}
	})
}

// TestCJKName: names in Chinese or Japanese characters, and pieces of
// Chinese sentences next to a link that are none ("介绍了[Title](…)").
func TestCJKName(t *testing.T) {
	for _, n := range []string{"王磊", "李安", "欧阳晓东", "于洋", "关明", "山田 太郎", "中村", "アン・リー"} {
		if !CJKName(n) {
			t.Errorf("CJKName(%q) = false, want a name", n)
		}
	}
	for _, n := range []string{"介绍了", "我们还与", "最后的会议", "在项目展馆", "官方博客", "技术博客", "此后", "顶级提交者奖", "活动以及于", "を購読すると"} {
		if CJKName(n) {
			t.Errorf("CJKName(%q) = true, want a piece of a sentence", n)
		}
	}
}
