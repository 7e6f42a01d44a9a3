import Testing
import DocPipeCore
@testable import DocPipeExtract

@Suite struct EntityRecognizerTests {
    // MARK: ORG

    @Test(arguments: [
        ("The World Health Organization met in Geneva.", ["ORG:World Health Organization", "GPE:Geneva"]),
        // Major cities beyond the capitals, with their common spellings.
        ("Offices opened in Malmö, Krakow, Odessa and Nouméa.", ["GPE:Malmö", "GPE:Krakow", "GPE:Odessa", "GPE:Nouméa"]),
        // A head before the name; not when the line goes on with capitalised words.
        ("The states of Lake Tanganyika met near Mount Kenya and the Usambara Hills.", ["LOC:Lake Tanganyika", "LOC:Mount Kenya", "LOC:Usambara Hills"]),
        ("The Lake Tanganyika Basin Authority met.", ["ORG:Lake Tanganyika Basin Authority"]),
        ("Officials of the Department of Economic and Social Affairs spoke.", ["ORG:Department of Economic and Social Affairs"]),
        ("It joined the United Nations Office on Drugs and Crime last year.", ["ORG:United Nations Office on Drugs and Crime"]),
        ("The Lakeside Water Commission approved it.", ["ORG:Lakeside Water Commission"]),
        ("They wrote to the Office for Coastal Fisheries and Aquaculture.", ["ORG:Office for Coastal Fisheries and Aquaculture"]),
        ("A grant from the Northern Rivers Development Bank arrived.", ["ORG:Northern Rivers Development Bank"]),
        ("Staff of the Food and Agriculture Organization and the World Bank met.", ["ORG:Food and Agriculture Organization", "ORG:World Bank"]),
        ("The UN Secretariat and the UN Department for Field Safety replied.", ["ORG:UN Secretariat", "ORG:UN Department for Field Safety"]),
        ("The Pacific Tuna Forum and the Alpine Rescue Network signed.", ["ORG:Pacific Tuna Forum", "ORG:Alpine Rescue Network"]),
        ("She chaired the Board of Governors of the Andean Seed Institute.", ["ORG:Board of Governors of the Andean Seed Institute"]),
        ("The United Nations Children’s Fund helps.", ["ORG:United Nations Children’s Fund"]),
        ("The Office of the Permanent Observer is small.", ["ORG:Office of the Permanent Observer"]),
        ("Help came from the UNICEF office.", ["ORG:UNICEF"]),
    ] as [(String, [String])])
    func organisations(_ text: String, _ expected: [String]) {
        #expect(entitySpans(text) == expected)
    }

    @Test(arguments: [
        "The Council met on Monday.",                       // a bare head noun is no name
        "Regional Organization and Intergovernmental Organizations",  // generic modifier + head
        "Cooperation between the two partners grew.",        // sentence-initial capital, no head
        "Several have Observer Status.",
        "Mandated to help governments, it grew.",
        "WHO WE ARE",                                         // an upper-case heading, not the WHO
        "the committee on fisheries met",                     // lower case
    ])
    func noOrganisation(_ text: String) {
        #expect(recogniseEntities(text).filter { $0.kind == "ORG" }.isEmpty, "\(recogniseEntities(text))")
    }

    @Test(arguments: [
        ("The Kestrel Laboratory for Ice Physics hosts it.", ["ORG:Kestrel Laboratory for Ice Physics"]),
        ("Samples went to the Ångström Laboratory in May.", ["ORG:Ångström Laboratory"]),
        ("The Danube Seed Testing Cooperation met.", ["ORG:Danube Seed Testing Cooperation"]),
        ("The Nordic Customs Cooperation grew.", ["ORG:Nordic Customs Cooperation"]),
        // `Cooperation` is mostly an activity: one modifier makes no name.
        ("Scientific Cooperation", []),
        ("They praised the Harbour Cooperation of the towns.", []),
        ("Technical Cooperation grew.", []),
        // Before another head it is a modifier, as before it was a head.
        ("It signed the Cooperation Agreement in 1996.", ["LAW:Cooperation Agreement"]),
        // Any head right before another is its modifier; a complement may hold a word that starts no name.
        ("In May the Programme Committee met.", ["ORG:Programme Committee"]),
        ("In 1958 the Assembly of Members adopted it.", ["ORG:Assembly of Members"]),
        // A sentence-initial head no gazetteer name holds, before a complement (a title line).
        ("Consortium for Polar Ice Research\n\nIt studies ice.", ["ORG:Consortium for Polar Ice Research"]),
        ("Laboratory for Tidal Physics met.", ["ORG:Laboratory for Tidal Physics"]),
        ("Laboratory staff met.", []),
    ] as [(String, [String])])
    func laboratoryAndCooperationHeads(_ text: String, _ expected: [String]) {
        #expect(entitySpans(text) == expected)
    }

    @Test(arguments: [
        // A plural head with modifiers only names a kind of body.
        ("Liaison Organizations", []),
        ("It works with Partner Fisheries Organisations in the region.", []),
        ("Both Lakeside Water Commissions met.", []),
        // With a complement, or with a known name before it, it is a name.
        ("The Federation of Fishing Organizations met.", ["ORG:Federation of Fishing Organizations"]),
        ("The Council of Alpine Rescue Teams met.", ["ORG:Council of Alpine Rescue Teams"]),
        ("UN Country Teams work.", ["ORG:UN Country Teams"]),
    ] as [(String, [String])])
    func barePluralIsNoName(_ text: String, _ expected: [String]) {
        #expect(entitySpans(text) == expected)
    }

    @Test func noLeadingTheInSpans() {
        let text = "The International Labour Organization and the Asian Development Bank met the Organization of American States."
        let e = recogniseEntities(text)
        #expect(e.map(\.text) == ["International Labour Organization", "Asian Development Bank", "Organization of American States"])
        for x in e { #expect(!x.text.lowercased().hasPrefix("the ")) }
    }

    @Test func namesDoNotRunAcrossLines() {
        #expect(entitySpans("Liaison Mission to the United Nations\n\nIn addition, it grew.") == ["ORG:Liaison Mission to the United Nations"])
    }

    @Test(arguments: [
        // A heading ending in `and …`: the next line's capitalised words are no conjunct of it.
        ("Lakeside Bureau of Soils and Forests\n\nThe Organization grew.", ["ORG:Lakeside Bureau of Soils and Forests", "ORG:Organization"]),
        ("Committee on Programme and Budget\n\nThe Committee met twice.", ["ORG:Committee on Programme and Budget", "ORG:Committee"]),
        ("Office for Rivers and Lakes\nAlpine Rescue Network", ["ORG:Office for Rivers and Lakes", "ORG:Alpine Rescue Network"]),
        // On one line a conjunct with a head still starts a second name.
        ("The Office for Coastal Fisheries and World Health Organization staff met.", ["ORG:Office for Coastal Fisheries", "ORG:World Health Organization"]),
    ] as [(String, [String])])
    func conjunctEndsAtTheLine(_ text: String, _ expected: [String]) {
        #expect(entitySpans(text) == expected)
    }

    @Test func knownOrganisationIsNoModifier() {
        // `Geneva-based` does not swallow the name that follows; a trailing common noun is not part of it.
        #expect(entitySpans("The Geneva-based World Meteorological Organization Chiefs of Staff met.") == ["ORG:World Meteorological Organization"])
        #expect(entitySpans("It leads the UN Cluster Approach.") == ["ORG:UN"])
    }

    @Test(arguments: [
        // An en dash with no space around it joins words of a name, also onto a known organisation.
        ("The Andean–Caribbean Development Bank lends.", ["ORG:Andean–Caribbean Development Bank"]),
        ("The Andean–Pacific Fisheries Commission met.", ["ORG:Andean–Pacific Fisheries Commission"]),
        ("The Mekong–Lancang Water Resources Network grew.", ["ORG:Mekong–Lancang Water Resources Network"]),
        // Spaced, it separates: the known organisation alone.
        ("Andean – Caribbean Development Bank", ["ORG:Caribbean Development Bank"]),
        // No head noun: no name (the countries stay what they are).
        ("The Mexico–United States border is long.", ["GPE:Mexico", "GPE:United States"]),
    ] as [(String, [String])])
    func enDashJoinsNameWords(_ text: String, _ expected: [String]) {
        #expect(entitySpans(text) == expected)
    }

    @Test func censusFirstNamesMakePersons() {
        // From firstnames.tsv (Scripts/gen-first-names.py); names that are places or English words are not in it.
        #expect(entitySpans("Its first President was Karin Lund, then Brendan Okafor.") == ["PERSON:Karin Lund", "PERSON:Brendan Okafor"])
        #expect(entitySpans("Visitors to Victoria Falls saw Grace Church.").filter { $0.hasPrefix("PERSON") }.isEmpty)
    }

    @Test func givenNamesBeforeAKnownSurnameMakeAnotherPerson() {
        let e = recogniseEntities("Dr. Karin Ångström chaired it. Her great-uncle Anders Jonas Ångström was a physicist. Ångström retired.")
        #expect(e.map { "\($0.text)|\($0.ref ?? "-")" } == ["Karin Ångström|-", "Anders Jonas Ångström|-", "Ångström|e1"])
        // Not across a line, nor from a word that starts nothing (`In`).
        #expect(recogniseEntities("Dr. Karin Ångström chaired.\nProfessor\nÅngström left. In Ångström we trust.").map(\.text) == ["Karin Ångström", "Ångström", "Ångström"])
    }

    @Test(arguments: [
        ("The Steering Board, chaired by Jiří Dvořák of Charles University, meets twice a year.", ["Jiří Dvořák"]),
        ("The mission was headed by Amara Okonkwo-Bello until 2019.", ["Amara Okonkwo-Bello"]),
        ("It was co-founded by Teodor Vasilescu and later led by Brendan Okafor.", ["Teodor Vasilescu", "Brendan Okafor"]),
        ("Talks were chaired by Ngozi Adeyemi Eze.", ["Ngozi Adeyemi Eze"]),
        // Places, organisations and known words keep their reading; one word is too little, and so is a
        // capitalised run longer than a name.
        ("The talks were chaired by New Zealand.", []),
        ("The project is led by Charles University.", []),
        ("It was chaired by Dvořák alone.", []),
        ("The office was headed by Regional Directors.", []),
        ("It was founded by Wrześniewski Vasilescu Okonkwo Adeyemi.", []),
        ("Without the verb, Jiří Dvořák is no name here.", []),
    ] as [(String, [String])])
    func agentAfterVerbOfLeadingIsAPerson(_ text: String, _ persons: [String]) {
        let e = recogniseEntities(text)
        #expect(e.filter { $0.kind == "PERSON" }.map(\.text) == persons, "\(e.map { "\($0.kind):\($0.text)" })")
    }

    @Test(arguments: [
        // After the name: `, who`, `– then <role>`, `(born`.
        ("Tevita Fonua, who chaired the panel, retired in 2010.", ["Tevita Fonua"]),
        ("Ioana Vlădescu-Popa, who served as Registrar, left.", ["Ioana Vlădescu-Popa"]),
        // A surname the gazetteer knows only inside a longer name (`Saint Martin`).
        ("Anaïs Martin, who served as Registrar, left.", ["Anaïs Martin"]),
        ("Saint Martin, who knows.", []),
        ("Aroha Ngata – then Executive Secretary – signed the accord.", ["Aroha Ngata"]),
        ("Νικόλαος Γεωργίου — then chair — drafted the text.", ["Νικόλαος Γεωργίου"]),
        ("Zeynep Arslan (born 1961) led it.", ["Zeynep Arslan"]),
        // Before it: a role and a comma, a capitalised role, a role and `is`, `elected … as`.
        ("The first Secretary-General, Kaveh Rostami, resigned in 1990.", ["Kaveh Rostami"]),
        ("The first Chair of the Board, Siosaia Lolo, opened it.", ["Siosaia Lolo"]),
        ("Its founding Chief Scientist, Ярослава Бондаренко, moved to Lyon.", ["Ярослава Бондаренко"]),
        ("Her deputy, Ngaio Tamatea, runs the office.", ["Ngaio Tamatea"]),
        ("Chief Economist Wiremu Tane said so.", ["Wiremu Tane"]),
        ("The outgoing chair was Tamar Kapanadze of Armenia.", ["Tamar Kapanadze"]),
        ("In 2021 delegates elected Sione Taufa as Treasurer.", ["Sione Taufa"]),
        // A list item `Name, “Title”`: a bibliography's author.
        ("Further Reading\n\n• Tevita Fonua, “Forty Years on the Reef”, 2001.", ["Tevita Fonua"]),
        // A rank before the name is no part of it; a later bare surname refers back, a known word before it
        // stays out.
        ("The Lagoon Council welcomed Count Ōtani Sadao, who spoke.", ["Ōtani Sadao"]),
        ("Its new envoy, Vice-Admiral Ōtani Sadao, spoke.", ["Ōtani Sadao"]),
        ("Tevita Fonua, who chaired it, left. On 15 January Fonua returned.", ["Tevita Fonua", "Fonua"]),
        ("Dr. Amaru Van Fonua spoke. Later Van Fonua left.", ["Amaru Van Fonua", "Van Fonua"]),
        // A given name the census list lacks, before a name found from a known one.
        ("Last year Zoë Mary Whitfield joined.", ["Zoë Mary Whitfield"]),
        ("Çağla Mary Demir spoke first.", ["Çağla Mary Demir"]),
        // Known words, groups and places keep their reading; no cue, no name.
        ("Member States, who pay the dues, vote.", []),
        ("Many Highland Crofters, who farm there, objected.", []),
        ("Delegates from Tavua Vanua, who arrived late, voted.", []),
        ("The Council – then a small body – grew.", []),
        ("Tavua Vanua – then British territory – joined.", []),
        ("The first Secretary-General, the Council decided, serves five years.", []),
        ("The first President, New Zealand, ratified it.", []),
        ("The Special Fund, Tavua Vanua, paid.", []),
        ("They elected New Zealand as chair.", []),
        ("Kaveh Rostami resigned in 1990.", []),
        ("Alpha Beta Gamma Delta, who knows.", []),
        // Not a sentence opener, a role or a place before a given name.
        ("Later Mary Whitfield joined.", ["Mary Whitfield"]),
        ("The Chief Scientist Mary Whitfield spoke.", ["Mary Whitfield"]),
        ("Talks began after Admiral Mary Whitfield arrived.", ["Mary Whitfield"]),
        ("The Secretary of Defense Mary Whitfield spoke.", ["Mary Whitfield"]),
        ("In 1805 Commodore Mary Whitfield, who led the fleet, returned.", ["Mary Whitfield"]),
        ("The aristocrat Jacques Mary Whitfield spoke.", ["Mary Whitfield"]),
        // `, who were` points at a group; so does a run after an article or a preposition of place.
        ("Tavua Volunteer Rescuers, who were trained there, left.", []),
        ("Aid came from Tavua Vanua, who sent boats.", []),
    ] as [(String, [String])])
    func contextMakesAPerson(_ text: String, _ persons: [String]) {
        let e = recogniseEntities(text)
        #expect(e.filter { $0.kind == "PERSON" }.map(\.text) == persons, "\(e.map { "\($0.kind):\($0.text)" })")
    }

    @Test(arguments: [
        ("Its vessels survey the Irminger Sea each spring.", ["LOC:Irminger Sea"]),
        ("Stocks in the Bay of Biscay recovered.", ["LOC:Bay of Biscay"]),
        ("Rain in the Congo Basin fell.", ["LOC:Congo Basin"]),
        ("Both the Bay of Biscay and the Irminger Sea were closed.", ["LOC:Bay of Biscay", "LOC:Irminger Sea"]),
        // A name at the end of a line (a heading) ends there: the next line's first word is no continuation.
        ("Area II – Irminger Sea\n\nThe stock spawns there.", ["LOC:Irminger Sea"]),
        ("Closed waters in the Bay of Biscay\nThe ban holds.", ["LOC:Bay of Biscay"]),
        // An organisation head later in the phrase wins; a bare head, a head before its name and a given
        // name before the head make no place.
        ("The Lake Chad Basin Commission met.", ["ORG:Lake Chad Basin Commission"]),
        ("The Lake Tanganyika Basin Authority met.", ["ORG:Lake Tanganyika Basin Authority"]),
        ("They fished the Bay of Biscay and Iberian waters.", ["LOC:Bay of Biscay"]),
        ("The North Sea Fisheries Council met.", ["ORG:North Sea Fisheries Council"]),
        // Fishing banks are places by the gazetteer; other banks keep the organisation reading.
        ("Herring spawn on Rockall Bank and the Dogger Bank.", ["LOC:Rockall Bank", "LOC:Dogger Bank"]),
        ("The Triodos Bank lent more.", ["ORG:Triodos Bank"]),
        ("Sea levels rose.", []),
        ("The River Plate rose.", []),
        ("Its director was Karin Lake.", ["PERSON:Karin Lake"]),
    ] as [(String, [String])])
    func waterBodiesAndLandformsArePlaces(_ text: String, _ expected: [String]) {
        #expect(entitySpans(text) == expected)
    }

    @Test func minusSignBelongsToTheCardinal() {
        let e = recogniseEntities("It fell from −40 to -5 degrees; see COVID-19 and items 12 -15.")
        #expect(e.map { "\($0.text)=\($0.norm)" } == ["−40=-40", "-5=-5", "12=12", "15=15"])
    }

    @Test func numbersInsideDatesAreNoCardinals() {
        // With the date tagger's expressions, a year used before a noun and a day of the month are parts
        // of dates; counts stay CARDINALs. Without them, the neighbours decide (`1953 meeting`: a count).
        let text = "It began at a 1953 meeting on 4 October 1955 with 1200 staff and its 2003 session."
        var doc = entityDocument(text)
        doc.dates = TimexTagger(referenceDate: nil).tag(doc)
        let withDates = EntityRecognizer.entities(in: doc, dates: doc.dates).map { text.utf8Slice($0.range) }
        #expect(withDates == ["1200"])
        let without = EntityRecognizer.entities(in: doc).map { text.utf8Slice($0.range) }
        #expect(without == ["1953", "4", "1200", "2003"])
    }

    @Test func organisationNormalisedToCanonicalName() {
        let e = recogniseEntities("The UN Refugee Agency and the ILO met.")
        #expect(e.map(\.norm) == ["Office of the United Nations High Commissioner for Refugees", "International Labour Organization"])
        #expect(recogniseEntities("UN Country Teams work.").first?.norm == "United Nations Country Teams")
    }

    // MARK: GPE / LOC

    @Test(arguments: [
        ("Refugees from Côte d'Ivoire and the Ivory Coast.", ["CI", "CI"]),
        ("Trade between Türkiye and Turkey is one.", ["TR", "TR"]),
        ("Côte d’Ivoire with a curly apostrophe.", ["CI"]),
        ("Bolivia, the Plurinational State of Bolivia and Viet Nam or Vietnam.", ["BO", "BO", "VN", "VN"]),
        ("South Korea and the Democratic People's Republic of Korea", ["KR", "KP"]),
        ("the United States of America, the United States, the UK and Britain", ["US", "US", "GB", "GB"]),
        ("the Democratic Republic of the Congo and the Congo", ["CD", "CG"]),
        ("Georgia and Jordan signed.", ["GE", "JO"]),
        ("the former Czechoslovakia and the USSR", ["CSHH", "SUHH"]),
    ] as [(String, [String])])
    func countries(_ text: String, _ codes: [String]) {
        let e = recogniseEntities(text)
        #expect(e.allSatisfy { $0.kind == "GPE" }, "\(e)")
        #expect(e.map(\.norm) == codes)
    }

    @Test(arguments: [
        // Accented and Spanish spellings of countries.
        ("Delegates from São Tomé and Príncipe arrived.", ["GPE:São Tomé and Príncipe=ST"]),
        ("Offices in México, Panamá and Perú opened.", ["GPE:México=MX", "GPE:Panamá=PA", "GPE:Perú=PE"]),
        ("Its bureau in Panamá City opened.", ["GPE:Panamá City=Panama City"]),
        // The capital alone stays the city.
        ("She flew to São Tomé.", ["GPE:São Tomé=São Tomé"]),
        // A country that begins a currency's name is no place; alone, or before other words, it is.
        ("Figures are in US dollars.", []),
        ("The US agreed to pay in dollars.", ["GPE:US=US"]),
        ("It costs 5 US dollars.", ["MONEY:5 US dollars=5 USD"]),
    ] as [(String, [String])])
    func countrySpellingsAndCurrencies(_ text: String, _ expected: [String]) {
        #expect(recogniseEntities(text).map { "\($0.kind):\($0.text)=\($0.norm)" } == expected)
    }

    @Test func regionsAndCities() {
        let text = "Offices in Africa, Europe, the Americas, the Middle East, Asia and Oceania, Latin America and Sub-Saharan Africa; staff in Nairobi, New York and Addis Ababa."
        let e = recogniseEntities(text)
        #expect(e.map { "\($0.kind):\($0.text)" } == [
            "LOC:Africa", "LOC:Europe", "LOC:Americas", "LOC:Middle East", "LOC:Asia", "LOC:Oceania", "LOC:Latin America",
            "LOC:Sub-Saharan Africa", "GPE:Nairobi", "GPE:New York", "GPE:Addis Ababa",
        ])
    }

    @Test func koreaAloneIsAmbiguous() {
        #expect(recogniseEntities("Korea").isEmpty)
    }

    // MARK: PERSON

    @Test(arguments: [
        ("Dr. Amara Okonkwo opened the session.", ["PERSON:Amara Okonkwo"]),
        ("Secretary-General Ilse Brandvold said so.", ["PERSON:Ilse Brandvold"]),
        ("Ms. Tanaka and Mr Oduya agreed.", ["PERSON:Tanaka", "PERSON:Oduya"]),
        ("John Kowalczyk wrote it.", ["PERSON:John Kowalczyk"]),
        ("President of the Assembly", []),
        ("Ms. Georgia Pell spoke.", ["PERSON:Georgia Pell"]),
        ("Director-General John F. Kennedy spoke.", ["PERSON:John F. Kennedy"]),
        ("Queen Mary University", ["ORG:Queen Mary University"]),
    ] as [(String, [String])])
    func persons(_ text: String, _ expected: [String]) {
        #expect(entitySpans(text) == expected)
    }

    @Test(arguments: [
        // A title right after a title names nobody; the name after both is the person.
        ("The Deputy Director-General chaired the meeting.", []),
        ("Our Deputy Director-General Halvard Moen spoke.", ["PERSON:Halvard Moen"]),
        ("As Deputy Secretary-General, she toured the region.", []),
        // A bare title later in the text then links to nothing.
        ("The Deputy Director-General spoke. The Director-General replied.", []),
        // Unchanged: a title before a name, and a name before its title.
        ("Deputy Orla Brennan opened the session.", ["PERSON:Orla Brennan"]),
        ("Dr. Orla Brennan, Director-General, spoke.", ["PERSON:Orla Brennan"]),
    ] as [(String, [String])])
    func titleWordIsNoName(_ text: String, _ expected: [String]) {
        #expect(entitySpans(text) == expected)
    }

    @Test func surnameRefersToFullName() {
        let e = recogniseEntities("Prof. Lena Varga chaired. Later Varga left.")
        #expect(e.map(\.text) == ["Lena Varga", "Varga"])
        #expect(e[1].ref == "e1")
        #expect(e[1].kind == "PERSON")
    }

    // MARK: MONEY / PERCENT / CARDINAL

    @Test(arguments: [
        ("a budget of $1.4 billion", "$1.4 billion", "1400000000 USD"),
        ("US$ 3 million was pledged", "US$ 3 million", "3000000 USD"),
        ("it costs €25 only", "€25", "25 EUR"),
        ("a fee of £40", "£40", "40 GBP"),
        ("a salary of CHF 18,000", "CHF 18,000", "18000 CHF"),
        ("some 40 million euros", "40 million euros", "40000000 EUR"),
        ("2.5 million US dollars", "2.5 million US dollars", "2500000 USD"),
        ("USD 0.75", "USD 0.75", "0.75 USD"),
    ] as [(String, String, String)])
    func money(_ text: String, _ span: String, _ norm: String) {
        let e = recogniseEntities(text).filter { $0.kind == "MONEY" }
        #expect(e.map(\.text) == [span])
        #expect(e.map(\.norm) == [norm])
    }

    @Test(arguments: [
        ("over 90 per cent of staff", "90 per cent", "0.9"),
        ("90 percent", "90 percent", "0.9"),
        ("rose 60% in", "60%", "0.6"),
        ("12.5 % of", "12.5 %", "0.125"),
        ("150% of", "150%", "1.5"),
        ("ninety per cent", "ninety per cent", "0.9"),
    ] as [(String, String, String)])
    func percent(_ text: String, _ span: String, _ norm: String) {
        let e = recogniseEntities(text).filter { $0.kind == "PERCENT" }
        #expect(e.map(\.text) == [span])
        #expect(e.map(\.norm) == [norm])
    }

    @Test(arguments: [
        ("With 157 member states", ["157"]),
        ("some 9,000 staff in 150 countries", ["9000", "150"]),
        ("the estimated 11 million people", ["11000000"]),
        ("nearly a million migrants", ["1000000"]),
        ("a further four members and three elements", ["4", "3"]),
        ("Established in 1951, it grew in 2004/2005.", []),
        ("Hungary 1956, Chile 1973", []),
        ("1500 people came", ["1500"]),
        ("one of the members", []),
        ("the 21st century", []),
        ("in the 1950s", []),
    ] as [(String, [String])])
    func cardinals(_ text: String, _ values: [String]) {
        #expect(recogniseEntities(text).filter { $0.kind == "CARDINAL" }.map(\.norm) == values)
    }

    // MARK: LAW / EVENT

    @Test(arguments: [
        ("(GA resolution A/RES/47/4)", "LAW:resolution A/RES/47/4", "A/RES/47/4"),
        ("under A/RES/47/4 the", "LAW:A/RES/47/4", "A/RES/47/4"),
        ("under resolution 2758 the", "LAW:resolution 2758", "resolution 2758"),
        ("by General Assembly resolution 47/4 it", "LAW:General Assembly resolution 47/4", "A/RES/47/4"),
        ("Security Council resolution 1325 says", "LAW:Security Council resolution 1325", "S/RES/1325"),
        ("defined in Article 1(2) of", "LAW:Article 1(2)", "Article 1(2)"),
        ("as Article 4(3) states", "LAW:Article 4(3)", "Article 4(3)"),
        ("the Convention on the Status of River Pilots entered", "LAW:Convention on the Status of River Pilots", "Convention on the Status of River Pilots"),
        ("the Constitution of the Lakeside Water Commission says", "LAW:Constitution of the Lakeside Water Commission", "Constitution of the Lakeside Water Commission"),
        ("the Charter of the United Nations", "LAW:Charter of the United Nations", "Charter of the United Nations"),
        ("the Fisheries Cooperation Agreement was signed", "LAW:Fisheries Cooperation Agreement", "Fisheries Cooperation Agreement"),
        ("the 1951 Refugee Convention", "LAW:1951 Refugee Convention", "Convention Relating to the Status of Refugees"),
    ] as [(String, String, String)])
    func laws(_ text: String, _ span: String, _ norm: String) {
        let e = recogniseEntities(text).filter { $0.kind == "LAW" }
        #expect(e.map { "\($0.kind):\($0.text)" } == [span])
        #expect(e.map(\.norm) == [norm])
    }

    @Test func bareConstitutionIsNoLaw() {
        #expect(recogniseEntities("according to its constitution and the Constitution itself").isEmpty)
    }

    @Test(arguments: [
        ("after the Second World War ended", "EVENT:Second World War", "Second World War"),
        ("after World War II ended", "EVENT:World War II", "Second World War"),
        ("during the Cold War years", "EVENT:Cold War", "Cold War"),
        ("at the Lisbon Ocean Summit in", "EVENT:Lisbon Ocean Summit", "Lisbon Ocean Summit"),
        ("the Third Regional Conference on Water Rights opened", "EVENT:Third Regional Conference on Water Rights", "Third Regional Conference on Water Rights"),
    ] as [(String, String, String)])
    func events(_ text: String, _ span: String, _ norm: String) {
        let e = recogniseEntities(text).filter { $0.kind == "EVENT" }
        #expect(e.map { "\($0.kind):\($0.text)" } == [span])
        #expect(e.map(\.norm) == [norm])
    }

    @Test func standingConferenceIsAnOrganisation() {
        #expect(entitySpans("the United Nations Conference on Trade and Development said") == ["ORG:United Nations Conference on Trade and Development"])
    }

    @Test func bareGeneralAssemblyIsTheUNsOnlyAfterTheUN() {
        // Named after the United Nations (or one of its bodies): the UN General Assembly, linked to its earlier mention.
        let un = recogniseEntities("The United Nations General Assembly met. Later the General Assembly voted.")
        #expect(un.map(\.norm) == ["United Nations General Assembly", "United Nations General Assembly"])
        #expect(recogniseEntities("UNEP reported. The General Assembly noted it.").last?.norm == "United Nations General Assembly")
        // In a federation's own article: its own plenary organ.
        let own = recogniseEntities("The Federation was founded in Paris. In 1999 the General Assembly approved the plan.")
        #expect(own.filter { $0.kind == "ORG" }.map(\.norm).contains("General Assembly"))
        #expect(!own.map(\.norm).contains("United Nations General Assembly"))
    }

    @Test func plenaryOrgansAreOrganisations() {
        #expect(entitySpans("The General Conference adopted the budget.") == ["ORG:General Conference"])
        #expect(entitySpans("the Conference of the Parties adopted it") == ["ORG:Conference of the Parties"])
        // A named conference stays an event.
        #expect(entitySpans("after the Bandung Conference ended") == ["EVENT:Bandung Conference"])
    }

    // MARK: Pipeline

    @Test func emptyDocument() {
        #expect(recogniseEntities("").isEmpty)
    }

    @Test func stageFillsEntities() throws {
        var doc = entityDocument("The World Bank lent $5 million to Chad.")
        try ExtractStage().process(&doc)
        #expect(doc.entities.map(\.kind) == [.org, .money, .gpe])
        #expect(!doc.tokens.isEmpty)
    }
}
