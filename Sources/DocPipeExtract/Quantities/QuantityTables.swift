import DocPipeCore

/// The data the quantity and claim extractors run on: number words, comparators, currencies and the
/// unit normalisation table. Everything is lower case; keys are single words or space-joined phrases.
enum QuantityTables {
    static let units: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    ]
    /// Scale abbreviations written straight after a money amount (`$3m`, `$1.4bn`).
    static let attachedScales: [String: Double] = ["k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000]
    /// Fractions in `two-thirds`, `three quarters`.
    static let fractions: [String: Double] = [
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
        "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
    ]

    /// Hedges before a number, longest match wins.
    static let comparators: [String: Comparator] = [
        "over": .over, "more than": .over, "in excess of": .over, "upwards of": .over, "above": .over, "well over": .over,
        "nearly": .nearly, "almost": .nearly, "close to": .nearly, "just under": .nearly, "not quite": .nearly,
        "about": .about, "some": .about, "around": .about, "approximately": .about, "roughly": .about,
        "an estimated": .about, "estimated": .about, "circa": .about, "approx": .about, "an approximate": .about,
        "at least": .atLeast, "no fewer than": .atLeast, "no less than": .atLeast, "a minimum of": .atLeast, "not less than": .atLeast,
        "up to": .atMost, "no more than": .atMost, "at most": .atMost, "a maximum of": .atMost, "not more than": .atMost,
        "fewer than": .under, "less than": .under, "under": .under, "below": .under,
    ]
    /// Words announcing that the number adds to an earlier count (`a further four`, `an additional 10`).
    static let additionMarkers: Set<String> = ["a further", "further", "an additional", "additional", "another", "an extra"]

    /// Currency symbols and codes written before the amount, and currency words after it.
    static let currencySymbols: [String: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"]
    static let currencyCodes: Set<String> = ["usd", "eur", "gbp", "chf", "jpy", "cad", "aud", "cny", "inr", "sek", "nok", "dkk", "zar"]
    static let currencyPrefixWords: [String: String] = ["us": "USD", "a": "AUD", "c": "CAD", "hk": "HKD", "nz": "NZD"]
    static let currencyWords: [String: String] = [
        "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "euros": "EUR", "euro": "EUR",
        "pounds sterling": "GBP", "swiss francs": "CHF", "francs": "CHF", "yen": "JPY",
    ]
    static let percentWords: Set<String> = ["per cent", "percent", "pct"]

    /// Measurement units kept as written (not counts).
    static let measureUnits: Set<String> = [
        "km", "km²", "m", "m²", "m³", "m³/s", "cm", "mm", "kg", "g", "mg", "µg", "t", "ha", "kwh", "mw", "gw", "kw",
        "tonnes", "tons", "kilometres", "kilometers", "metres", "meters", "hectares", "miles", "litres", "liters",
        "kilograms", "square kilometres", "square kilometers", "degrees", "k", "å", "kn", "knot", "knots",
    ]
    /// Nouns of time: a number with one of these is a duration, not a count of members.
    static let timeNouns: Set<String> = [
        "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes", "minute",
        "seconds", "decades", "decade", "centuries", "century", "times", "nights", "sessions",
    ]

    /// Unit normalisation: phrase (as written, lower case) → canonical measure. Matched on the words
    /// after the number, longest first, before the generic noun-phrase rule.
    static let unitPhrases: [String: String] = [
        "member states": "member states", "member-states": "member states", "states members": "member states",
        "member state": "member states", "member countries": "member countries",
        "states holding observer status": "observer states", "states with observer status": "observer states",
        "states having observer status": "observer states", "observer states": "observer states", "observer state": "observer states",
        "countries and territories": "countries and territories",
        "non-governmental organizations": "NGOs", "non-governmental organisations": "NGOs",
        "nongovernmental organizations": "NGOs", "nongovernmental organisations": "NGOs", "ngos": "NGOs",
        "staff members": "staff", "staff": "staff", "employees": "staff", "personnel": "staff",
        "people": "people", "persons": "people",
        "organisations": "organizations", "member organisations": "member organizations",
    ]
    /// Words right before a bare number that state the value of a `number of` phrase before them (`the number of
    /// members grew from 12 to 30`, `the number of delegates was 120`); also `at` after `stood` / `stands`.
    static let numberOfValueWords: [StaticString] = [
        "from", "to", "reached", "was", "is", "were", "are", "stood", "totalled", "totaled",
    ]
    /// Words that end the counted noun phrase.
    static let phraseStops: Set<String> = [
        "of", "in", "at", "on", "and", "or", "to", "for", "with", "from", "by", "the", "a", "an", "that", "which", "who",
        "whom", "whose", "was", "were", "is", "are", "has", "have", "had", "be", "been", "being", "worth", "across",
        "into", "per", "than", "as", "each", "while", "where", "when", "during", "since", "until", "under", "over",
        "between", "among", "within", "including", "such", "its", "their", "his", "her", "it", "they", "this", "these",
        "those", "more", "less", "fewer", "will", "would", "can", "could", "may", "might", "must", "shall", "should",
        "not", "no", "all", "both", "only", "also", "currently", "now", "today", "still", "already", "about", "around",
        "after", "before", "through", "throughout", "via", "against", "out", "up", "down", "there", "here", "then",
        "so", "but", "yet", "if", "because", "though", "although", "whereas", "whether", "either", "neither", "nor",
        "i", "we", "you", "he", "she", "them", "us", "our", "my", "your", "once", "twice",
    ]
    /// Third-person verbs ending in -s that must not be read as plural nouns after a number.
    static let verbsInS: Set<String> = finiteVerbsInS.union([
        "was", "has", "is", "as", "us", "thus", "this", "its", "plus", "versus", "status", "basis", "crisis", "process",
        "less", "across", "unless", "whereas", "always", "perhaps", "various", "numerous", "previous", "serious",
    ])
    /// The verbs among them: a counted noun phrase ends before one (`a staff of 18 includes hydrologists`).
    static let finiteVerbsInS: Set<String> = [
        "includes", "comprises", "contains", "covers", "remains", "represents", "belongs", "operates", "works",
        "serves", "meets", "says", "lies", "holds", "joins", "participates", "runs", "employs", "exists",
        "continues", "makes", "takes", "gives", "shows", "seems", "means", "does", "goes", "counts", "reports",
        "receives", "provides", "supports", "accounts", "consists", "stands", "plays", "sits", "uses",
    ]
    /// Base forms of verbs that, right after a plural noun, are its verb and end the counted phrase:
    /// `6 states hold observer seats`, `12 countries host regional offices` (without them the phrase ran on to
    /// the object's plural: `states hold observer seats`). Words that are mostly nouns after a plural (`support`,
    /// `work`, `use`, `control`) are not here.
    static let pluralSubjectVerbs: Set<String> = [
        "hold", "host", "send", "attend", "share", "include", "contain", "cover", "provide", "receive", "take",
        "make", "contribute", "participate", "belong", "remain", "comprise", "represent", "elect", "appoint",
        "sign", "ratify", "join", "border", "speak", "consist", "live", "employ", "operate", "maintain", "meet",
        "sit", "enjoy", "retain", "lack", "own", "run", "manage", "face", "report", "account",
    ]
    /// Nouns that are plural without an `s`.
    static let invariantPlurals: Set<String> = [
        "staff", "people", "personnel", "children", "women", "men", "police", "fish", "aircraft", "livestock",
        "cattle", "sheep", "crew", "faculty", "youth", "refugees", "offspring", "data", "media", "criteria",
    ]

    /// Words before a number that make it a reference, not a quantity (`Article 4`, `resolution 2758`).
    static let referenceWords: Set<String> = [
        "article", "articles", "art", "section", "sections", "§", "paragraph", "paragraphs", "para", "chapter",
        "chapters", "resolution", "resolutions", "res", "rule", "rules", "annex", "annexes", "no", "nos", "page",
        "pages", "p", "pp", "volume", "vol", "regulation", "decision", "protocol", "version", "appendix", "figure",
        "fig", "table", "clause", "principle", "phase", "level", "tier", "grade", "route", "room", "box", "code",
        "number", "item", "line", "lines", "platform", "gate", "session", "step", "stage", "series", "model", "type",
        "class", "category", "group", "zone", "region", "district", "ward", "flight", "ext", "tel", "fax", "phone",
        "+", "#", "№", "(", "-", "/", "ii",
    ]
    /// Clock words after a number (`3 pm`, `10.30 am`): a time, not a quantity.
    static let timeSuffixes: Set<String> = ["am", "pm", "a.m", "p.m", "gmt", "utc", "hrs", "h"]
    /// Abbreviations before `.` and a number (`No. 5`, `para. 12`): a reference, not a quantity.
    static let referenceAbbreviations: Set<String> = ["no", "art", "res", "vol", "p", "pp", "para", "fig", "nos"]
    /// Capitalised words allowed right before a number (otherwise `Hungary 1956`, `Windows 10` are names).
    static let capitalizedBeforeNumber: Set<String> = [
        "the", "its", "their", "his", "her", "our", "some", "another", "a", "an", "of", "by", "to", "for", "from",
        "since", "until", "and", "but", "with", "within", "under", "over", "around", "approximately", "roughly",
        "nearly", "almost", "just", "only", "exactly", "at", "up", "between", "among", "these", "those", "all",
        "each", "about", "more", "fewer", "less", "no", "today", "currently", "now", "there", "here", "in", "on",
        "after", "before", "during", "estimated", "further", "additional", "than", "least", "most", "well", "circa",
        "close", "above", "below", "upwards", "excess", "almost", "another", "every", "of", "while", "when", "as",
        "were", "was", "are", "is", "has", "had", "have", "counting", "total", "totalling", "totaling",
    ]
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    /// Adverbs of direction that end in `s` like a plural (`from around 1990 onwards`): no counted noun.
    static let directionWords: Set<String> = ["onwards", "towards", "upwards", "backwards", "afterwards"]
    /// Words before a 4-digit number that make it a year.
    static let yearContext: Set<String> = [
        "in", "by", "since", "from", "until", "till", "to", "between", "and", "of", "during", "before", "after",
        "circa", "c", "early", "late", "mid", "the", "year", "years", "fiscal", "spring", "summer", "autumn", "fall",
        "winter", "through", "around", "as", "for", "or", "until", "on", "at", "that", "this", "since", "than",
    ]
}
