// Vocabularies and sentence templates for the benchmark corpus generator.
//
// Everything here is immutable (`static let`), so it is safe under Swift 6 strict concurrency.
// Text is NFC UTF-8 and deliberately contains curly quotes, dashes, accented names, Greek and
// Cyrillic names and symbols, so that the mojibake damage applied by `CorpusGenerator` has
// something to damage and the cleaner has plenty of correct non-ASCII text it must leave alone.

/// A family of organisations: how they are named, what they do, what their members are called.
struct OrganisationKind: Sendable {
    var cores: [String]
    var memberNoun: String
    var observerNoun: String
    var governingBodies: [String]
    var activities: [String]
    var headings: [String]
    var outputs: [String]
}

enum CorpusVocabulary {
    static let qualifiers: [String] = [
        "International", "Intergovernmental", "Regional", "Pan-African", "Inter-American", "Nordic",
        "Asia-Pacific", "Mediterranean", "Baltic", "Andean", "Caribbean", "Arctic", "Sahel",
        "Danube", "Indian Ocean", "South Atlantic", "Central Asian", "Alpine", "Black Sea",
        "Gulf of Guinea", "North-East Atlantic", "Western Pacific", "Amazonian", "Great Lakes",
        "Southern African", "Eastern Mediterranean", "Adriatic", "Pacific Islands", "Mekong", "Nile Basin",
    ]

    static let kinds: [OrganisationKind] = [
        OrganisationKind(
            cores: ["Organization for Soil Conservation", "Organization for Seed Heritage", "Agency for Civil Protection",
                    "Organization for Plant Health", "Agency for Vocational Training", "Organization for Food Safety"],
            memberNoun: "member states", observerNoun: "observer states",
            governingBodies: ["General Conference", "Executive Board", "Council", "Programme Committee"],
            activities: ["technical assistance to national ministries", "the harmonisation of national inspection rules",
                         "emergency preparedness in low-income countries", "training of laboratory staff",
                         "the collection of comparable statistics", "policy advice on land degradation",
                         "early-warning systems for transboundary pests", "capacity building in customs and border control",
                         "the drafting of model legislation", "regional reference laboratories"],
            headings: ["Mandate", "Governance", "Relations with the United Nations", "Technical Programmes", "Country Offices",
                       "Budget and Staff", "Reform Process", "Member States", "Observer States"],
            outputs: ["World Report", "Statistical Yearbook", "Technical Bulletin", "Global Outlook"]),
        OrganisationKind(
            cores: ["Development Bank", "Investment Bank", "Bank for Reconstruction and Development", "Infrastructure Fund"],
            memberNoun: "member countries", observerNoun: "non-regional members",
            governingBodies: ["Board of Governors", "Board of Directors", "Audit Committee", "Credit Committee"],
            activities: ["concessional lending for rural roads", "guarantees for private infrastructure",
                         "trade finance for small exporters", "co-financing with commercial banks",
                         "grants for post-disaster reconstruction", "local-currency bond issuance",
                         "water and sanitation projects", "renewable energy loans", "support to microfinance institutions",
                         "budget support operations"],
            headings: ["Capital Structure", "Lending Operations", "Shareholders", "Credit Rating", "Evaluation",
                       "Procurement", "Safeguard Policies", "Annual Meetings", "Trust Funds"],
            outputs: ["Annual Report", "Development Effectiveness Review", "Economic Outlook", "Financial Statements"]),
        OrganisationKind(
            cores: ["Fisheries Commission", "Tuna Commission", "Commission for Pelagic Stocks", "Salmon Conservation Organization"],
            memberNoun: "contracting parties", observerNoun: "cooperating non-members",
            governingBodies: ["Commission", "Scientific Committee", "Compliance Committee", "Panel on Catch Allocation"],
            activities: ["setting total allowable catches", "stock assessment surveys", "observer programmes on board vessels",
                         "the regulation of mesh sizes", "the closure of spawning grounds", "vessel monitoring by satellite",
                         "the fight against illegal, unreported and unregulated fishing", "the tagging of juvenile fish",
                         "by-catch mitigation for seabirds", "port-state inspections"],
            headings: ["Convention Area", "Conservation Measures", "Scientific Advice", "Compliance", "Catch Statistics",
                       "Observer Programme", "Contracting Parties", "Cooperating Non-Members"],
            outputs: ["Stock Assessment Report", "Statistical Bulletin", "Compliance Review", "Scientific Proceedings"]),
        OrganisationKind(
            cores: ["Standards Organization", "Federation for Measurement Standards", "Bureau of Weights and Measures",
                    "Electrotechnical Committee", "Accreditation Cooperation"],
            memberNoun: "national members", observerNoun: "affiliate members",
            governingBodies: ["General Assembly", "Technical Management Board", "Council", "Policy Committee"],
            activities: ["the calibration of mass standards", "interlaboratory comparisons",
                         "the maintenance of reference materials", "the peer evaluation of accreditation bodies",
                         "the drafting of test methods", "the traceability of temperature measurements",
                         "conformity assessment schemes", "the translation of standards into national languages",
                         "metrology training for developing economies", "the revision of the unit definitions"],
            headings: ["Technical Committees", "Standards Development", "Membership Categories", "Mutual Recognition",
                       "Secretariat", "Liaison Organizations", "Copyright and Sales"],
            outputs: ["Directives", "Catalogue of Standards", "Metrology Bulletin", "Handbook"]),
        OrganisationKind(
            cores: ["Red Relief Network", "Alliance for Humanitarian Response", "Network of Emergency Shelters",
                    "Federation of Medical Relief Societies", "Council of Voluntary Agencies"],
            memberNoun: "member societies", observerNoun: "associate members",
            governingBodies: ["General Assembly", "Governing Board", "Standing Commission", "Finance Commission"],
            activities: ["emergency shelter after earthquakes", "cash transfers to displaced families",
                         "cholera treatment centres", "the tracing of separated family members", "psychosocial support",
                         "first-aid training for volunteers", "the pre-positioning of relief stocks",
                         "water trucking in drought areas", "winterisation kits", "mobile health clinics"],
            headings: ["Emergency Appeals", "Volunteers", "Principles", "Disaster Response", "Member Societies",
                       "Funding", "Accountability", "Regional Delegations"],
            outputs: ["World Disasters Report", "Emergency Appeal", "Operational Update", "Annual Review"]),
        OrganisationKind(
            cores: ["River Basin Commission", "Lake Basin Authority", "Commission for the Protection of the River",
                    "Joint Water Commission", "Basin Development Authority"],
            memberNoun: "riparian states", observerNoun: "observers",
            governingBodies: ["Council of Ministers", "Technical Advisory Committee", "Permanent Secretariat", "Joint Committee"],
            activities: ["flood forecasting", "the allocation of dry-season flows", "water-quality monitoring stations",
                         "the joint operation of reservoirs", "navigation on the main channel", "sediment management",
                         "the restoration of wetlands", "accident emergency warning", "groundwater mapping",
                         "hydropower planning"],
            headings: ["Basin", "Legal Framework", "Water Quality", "Flood Protection", "Navigation", "Hydrology",
                       "Data Exchange", "Riparian States"],
            outputs: ["Basin Management Plan", "Water Quality Yearbook", "Hydrological Atlas", "Flood Report"]),
        OrganisationKind(
            cores: ["Research Consortium", "Polar Research Consortium", "Centre for Agricultural Research",
                    "Consortium for Ocean Observation", "Institute for Tropical Medicine", "Laboratory for Particle Physics"],
            memberNoun: "participating institutions", observerNoun: "associate institutions",
            governingBodies: ["Steering Board", "Scientific Advisory Council", "Assembly of Members", "Executive Committee"],
            activities: ["long-term ice-core drilling", "a shared fleet of research vessels", "open-access data archives",
                         "doctoral training networks", "the breeding of drought-tolerant varieties",
                         "clinical trials of new vaccines", "a network of moored buoys", "high-performance computing",
                         "joint field campaigns", "the calibration of satellite instruments"],
            headings: ["Research Programmes", "Facilities", "Data Policy", "Participating Institutions", "Funding",
                       "Training", "Field Stations", "Major Results"],
            outputs: ["Science Plan", "Data Report", "Annual Scientific Review", "Implementation Plan"]),
    ]

    static let cities: [String] = [
        "Geneva", "Zürich", "Genève", "Montréal", "Bogotá", "Asunción", "São Paulo", "Yaoundé", "Lomé", "Nouakchott",
        "Reykjavík", "Kraków", "Malmö", "Tromsø", "Québec", "Brasília", "Curaçao", "Nairobi", "Bangkok", "Manila",
        "Vientiane", "Dakar", "Abidjan", "Bamako", "Lima", "Quito", "La Paz", "Port of Spain", "Suva", "Nouméa",
        "Vienna", "Bratislava", "Budapest", "Belgrade", "Tbilisi", "Almaty", "Tashkent", "Hobart", "Punta Arenas",
        "Kigali", "Bujumbura", "Mombasa", "Dar es Salaam", "Maputo", "Windhoek", "Gaborone", "Valletta", "Split",
    ]

    static let countries: [String] = [
        "Côte d’Ivoire", "São Tomé and Príncipe", "Curaçao", "Türkiye", "México", "Perú", "Panamá", "Réunion",
        "Norway", "Iceland", "Senegal", "Mauritania", "Ghana", "Kenya", "Tanzania", "Mozambique", "Malawi", "Zambia",
        "Viet Nam", "Lao People’s Democratic Republic", "Cambodia", "Thailand", "the Philippines", "Fiji", "Samoa",
        "Tonga", "Chile", "Argentina", "Uruguay", "Paraguay", "Bolivia", "Ecuador", "Colombia", "Trinidad and Tobago",
        "Austria", "Slovakia", "Hungary", "Serbia", "Croatia", "Romania", "Bulgaria", "Georgia", "Kazakhstan",
        "Uzbekistan", "Kyrgyzstan", "Morocco", "Tunisia", "Egypt", "Malta", "Cyprus", "Greece", "Portugal",
    ]

    static let people: [String] = [
        "Amadou Diallo", "María José Gutiérrez", "François Lefèvre", "Søren Kierulf", "Björk Sigurðardóttir",
        "Zoë Achterberg", "José Antônio Ribeiro", "Ngozi Okonkwo", "Hiroshi Tanaka", "Nguyễn Thị Lan",
        "Κωνσταντίνος Παπαδόπουλος", "Мария Иванова", "Олег Петренко", "Aleksandra Wiśniewska", "Jiří Dvořák",
        "Ömer Yılmaz", "Łukasz Kowalczyk", "Anneliese Müller", "Renée Dubois", "Ines Baptista", "Kwame Mensah",
        "Fatou Ndiaye", "Rangi Parata", "Eduardo Peña", "Chloé Martin", "Ólafur Jónsson", "Miloš Jovanović",
    ]

    static let roles: [String] = [
        "Secretary-General", "Director-General", "President", "Executive Secretary", "Chair of the Board",
        "Chief Scientist", "Treasurer", "Deputy Director-General",
    ]

    static let partners: [(long: String, short: String)] = [
        ("World Health Organization", "WHO"), ("Food and Agriculture Organization", "FAO"),
        ("United Nations Development Programme", "UNDP"), ("World Meteorological Organization", "WMO"),
        ("International Labour Organization", "ILO"), ("United Nations Environment Programme", "UNEP"),
        ("Organisation for Economic Co-operation and Development", "OECD"), ("African Union", "AU"),
        ("European Investment Bank", "EIB"), ("Global Environment Facility", "GEF"),
        ("International Maritime Organization", "IMO"), ("United Nations Children’s Fund", "UNICEF"),
    ]

    static let months: [String] = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static let numberWords: [String] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ]

    static let durations: [String] = [
        "a decade", "thirty years", "half a century", "two decades", "the past forty years",
        "a quarter of a century", "sixty years", "the last fifteen years", "the following years",
    ]

    static let hedgedDurations: [String] = [
        "over a decade", "more than thirty years", "nearly two decades", "over half a century",
        "almost forty years", "more than sixty years", "at least fifteen years", "some twenty years",
    ]

    static let measurements: [String] = [
        "temperatures of −40 °C", "an accuracy of ±0.5 °C", "a resolution of 0.1 Å", "a depth of 4,200 m",
        "an area of 36,000 km²", "a salinity of 35 ‰", "speeds of 12 kn", "a flow of 1,250 m³/s", "a pH of 6.8",
    ]

    static let frequencies: [String] = ["every two years", "every three years", "annually", "twice a year", "every four years", "each spring"]

    static let hedges: [String] = ["over", "more than", "some", "nearly", "about", "an estimated", "almost", "at least"]

    static let openers: [String] = [
        "In addition, ", "However, ", "By contrast, ", "Since then, ", "At the same time, ", "In practice, ",
        "Nevertheless, ", "As a result, ", "Later, ", "In recent years, ", "For this reason, ", "Meanwhile, ",
    ]

    /// First words of templates that may be lower-cased after an opener ("However, the …").
    static let lowerableStarts: [String] = [
        "The ", "Its ", "Between ", "Critics ", "Contributions ", "Projects ", "Programmes ", "Field ", "Staff ",
        "Membership ", "During ", "In ", "About ", "Under ", "Observers ", "Some ", "A new ", "An independent ",
    ]

    static let adjectives: [String] = [
        "voluntary", "earmarked", "unrestricted", "extrabudgetary", "in-kind", "multi-year",
    ]

    static let verbsPast: [String] = [
        "strengthened", "expanded", "reorganised", "reviewed", "consolidated", "relaunched", "evaluated", "streamlined",
    ]

    static let instruments: [String] = ["Convention", "Constitution", "Agreement Establishing the Organization", "Statute", "Charter", "Protocol"]

    static let obligations: [String] = [
        "shall report their catches within sixty days", "shall pay their assessed contributions in advance",
        "may withdraw after giving one year’s notice", "shall designate a national focal point",
        "shall notify the Secretariat of any accident", "may request technical assistance",
        "shall submit national reports every two years",
    ]

    static let reportWords: [String] = [
        "State of the Basin", "Measuring What Matters", "Resilience in Practice", "Water Without Borders",
        "Fish for Tomorrow", "Standards for a Fair Market", "Building Back Safer", "Cold Facts",
    ]

    static let symbolsPhrases: [String] = [
        "temperatures of −40 °C", "an accuracy of ±0.5 °C", "a resolution of 0.1 Å", "a cost of €12 million",
        "a grant of £250,000", "a depth of 4,200 m", "an area of 36,000 km²", "a salinity of 35 ‰",
        "the © 2019 edition", "speeds of 12 kn", "a budget of ¥3.2 billion",
    ]

    /// Sentence templates. Slots are `{name}`; see `CorpusGenerator.Slot` for the list.
    static let sentenceTemplates: [String] = [
        "The {org} was established in {year} by {nsmall} {members} meeting in {city}.",
        "Its headquarters are in {hq}, with regional offices in {city2} and {city3}.",
        "Today the {acr} has {memberCount} {members} and a further {observerCount} {observers}.",
        "In {month} {year} the {body} adopted resolution {res}, which {verb} the programme on {activity}.",
        "The budget approved for {year} amounted to {money}, of which {pct} was spent on {activity}.",
        "During {decade} the {acr} concentrated on {activity} and {activity2}.",
        "{person}, who served as {role} from {year} to {year2}, {verb} the secretariat and moved it to {city}.",
        "The Organization’s work on {activity} is overseen by the {committee}.",
        "Under Article {art} of the {instrument}, {members} {obligation}.",
        "In {season} {year}, the {acr} and the {partner} signed a memorandum of understanding on {activity}.",
        "{hedge} {staff} staff work at the {hq} secretariat and in {n} country offices.",
        "The {body} meets {freq}; its {year} session in {city} was attended by more than {n} delegates.",
        "Its flagship publication, “{report}”, has appeared {freq} since {year}.",
        "About {pct} of the {members}’ contributions are {adj} rather than assessed.",
        "Over {duration} the {acr} has grown from a small technical secretariat into a body with {hedge} {staff} staff.",
        "The {acr} has worked on {activity} for {hduration}.",
        "The {acr} works closely with the {partnerShort} on {activity}.",
        "Projects on {activity} were carried out in {country}, {country2} and {country3}.",
        "The {instrument} entered into force on {day} {month} {year}, after the deposit of the {ordinal} instrument of ratification.",
        "The {body} decided on {iso} to open a liaison office in {city}.",
        "Programmes ran from {year} to {year2} and reached {hedge} {big} people in {country}.",
        "Cooperation with {country} dates back to {mid}, when {activity} first became a priority.",
        "Its earliest predecessor, a private society founded in {century}, had only {nsmall} members.",
        "The {year}/{yearNext} biennium closed with a surplus of {money}.",
        "Contributions from {country} rose by {pct} between {year} and {year2}.",
        "The secretariat reported {symbol} in its {year} survey.",
        "An independent evaluation in {season} {year} found that {pct} of projects on {activity} met their targets.",
        "The {acr}’s {report2} is published {freq} in English, French, Spanish and Arabic.",
        "{person} – then {role} – described the {year} reform as “overdue but necessary”.",
        "Membership is open to any state that accepts the {instrument} and pays the minimum contribution of {money}.",
        "The {committee} reviews progress on {activity} {freq} and reports to the {body}.",
        "Observers include the {partner} and {hedge} {n} non-governmental organizations.",
        "In {year} the {acr} was granted observer status in the United Nations General Assembly (resolution {resun}).",
        "The {year} strategy set targets for {activity}, {activity2} and {activity3}.",
        "Between {year} and {year2} the number of {members} grew from {nsmall} to {memberPast}, and it stands at {memberCount} today.",
        "Staff costs account for {pct} of expenditure, well below the {pct2} recorded in {decade}.",
        "A new headquarters building in {city} was inaugurated in {month} {year} at a cost of {money}.",
        "Critics argued that the {acr} spent too much on {activity} and too little on {activity2}.",
        "The first {role}, {person}, took office in {month} {year}.",
        "Field teams in {country} measured {measure} during the {year} campaign.",
        "The {body} elects the {role} for a term of {nsmallword} years, renewable once.",
    ]

    static let listIntros: [String] = [
        "The {acr} works in the following {count} areas:",
        "Its mandate covers {count} broad fields of activity:",
        "The {year} strategy identified {count} priorities:",
        "The {body} has established {count} standing committees:",
        "Support is provided through the following {count} instruments:",
    ]

    static let seeAlso: [String] = [
        "International Organization", "Intergovernmental Organization", "Regional Organization", "Regional Integration",
        "Foreign Relations", "International Law", "Multilateral Development Bank", "Transboundary Water",
        "Fisheries Management", "Metrology", "Humanitarian Aid", "Scientific Cooperation",
    ]
}
