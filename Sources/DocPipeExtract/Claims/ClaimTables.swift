/// Word lists the claim patterns use (all lower case).
enum ClaimTables {
    /// `X has / counts / employs … N Ys`.
    static let countVerbs: Set<String> = [
        "has", "have", "had", "counts", "counted", "count", "numbers", "numbered", "employs", "employed", "employ",
        "comprises", "comprised", "comprise", "totals", "totalled", "totaled", "boasts", "unites", "united", "gathers",
        "groups", "brings", "includes", "included", "reached", "reaches",
    ]
    /// Verbs after which the count is only part of the subject's membership (`includes 5 …`): no count claim.
    static let partialVerbs: Set<String> = ["includes", "included", "include", "including"]
    static let adverbs: Set<String> = [
        "currently", "now", "today", "still", "also", "already", "presently", "then", "altogether", "together",
        "jointly", "officially", "reportedly", "only", "just", "nowadays", "again",
    ]
    static let presentWords: Set<String> = ["today", "currently", "now", "presently", "nowadays"]
    static let copulas: Set<String> = ["is", "was", "are", "were", "remains", "remained", "became", "becomes", "has become"]
    static let foundingVerbs: Set<String> = ["founded", "established", "created", "formed", "launched", "set", "born", "constituted", "inaugurated"]
    static let joiningVerbs: Set<String> = ["joined", "admitted", "acceded", "include", "added", "welcomed", "join", "joins", "accede", "admit", "admits"]
    static let pronouns: Set<String> = ["it", "its", "they", "their"]
    static let pastAux: Set<String> = ["was", "were", "had", "did"]
    static let presentAux: Set<String> = ["is", "are", "has", "have", "am", "does", "do"]
    static let presentVerbs: Set<String> = [
        "counts", "comprises", "employs", "numbers", "holds", "hold", "belong", "belongs", "includes", "totals",
        "works", "operates", "remains", "unites", "brings", "represents", "promotes", "runs", "comprise", "employ",
        "covers", "cover", "serves", "serve", "spans", "encompasses",
    ]
    /// `N staff work at X`, `N experts serve on X`, `N people are employed by X`: verbs that tie the counted people to
    /// an organisation, the auxiliaries and participles of the passive, and the prepositions before the organisation.
    static let affiliationVerbs: Set<String> = ["work", "works", "worked", "serve", "serves", "served"]
    static let affiliationAux: Set<String> = ["are", "were", "is", "was"]
    /// The perfect of the affiliation verbs (`12 experts have served on X`, `N staff had worked for X`): an auxiliary
    /// of `perfectAux` before one of these participles.
    static let affiliationPerfectParticiples: Set<String> = ["worked", "served"]
    static let perfectAux: Set<String> = ["has", "have", "had"]
    static let affiliationParticiples: Set<String> = ["employed", "engaged", "hired", "recruited"]
    static let affiliationPrepositions: Set<String> = ["at", "for", "in", "on", "by"]
    /// Tense of the affiliation verbs right after a count noun (`400 staff work at X` is now, `… worked for X`
    /// was): the base form is a verb only there, where the noun (`the work of 40 experts`) says nothing of time.
    static let affiliationTense: [String: String] = [
        "work": "PRESENT_REF", "serve": "PRESENT_REF", "worked": "PAST_REF", "served": "PAST_REF",
    ]
    /// `N Ys hold / have / enjoy observer status`: the finite form of `N Ys holding observer status`, which the
    /// quantity extractor measures as `observer Ys`; the claim takes the same measure.
    static let observerStatusVerbs: [StaticString] = ["hold", "have", "enjoy"]
    /// Irregular past tenses that follow a subject as its verb (`The Lake Council grew fast`), where the
    /// subject finder otherwise knows only -s / -ed forms and the listed verbs. The date tagger reads them as past
    /// tenses too (`DateTense.buckets`).
    static let irregularPasts: Set<String> = [
        "grew", "became", "began", "held", "took", "made", "went", "came", "gave", "rose", "fell", "won", "lost",
        "led", "met", "kept", "left", "paid", "sent", "spent", "built", "brought", "bought", "chose", "drew", "fought",
        "got", "knew", "ran", "saw", "sold", "stood", "spoke", "taught", "told", "thought", "wrote", "withdrew",
        "undertook", "oversaw", "sought", "broke", "bore", "drove", "froze", "shrank", "sank", "swore", "understood",
    ]
    /// Prepositions that open a leading time phrase before a sentence-initial count (`In 2010`, `By 2015,`,
    /// `As of 2020,`, `Since 1995,`, `At the end of 2015,`). Not `after` / `from`: they shift the time.
    static let timePrepositions: Set<String> = ["in", "by", "since", "as", "until", "till", "during", "around", "at", "throughout"]
    /// Words a time phrase may hold besides the date itself (`in the early 1990s`, `at the end of 2015`).
    /// Compared as bytes (`ScanText.eq`): read per date a count's time is taken from, where a `String` per token cost.
    static let timeFillers: [StaticString] = ["the", "early", "late", "mid", "end", "beginning", "start", "middle", "of", "-"]
    /// Leading adverbials without a date that may open a sentence before its count (`At its founding, 12 states
    /// belonged to X`, `By then, …`); the time frame is read as for any count (founding, tense).
    static let leadingAdverbials: [[StaticString]] = [
        ["by", "then"], ["at", "that", "time"], ["at", "the", "time"], ["at", "its", "founding"], ["at", "the", "founding"],
        ["at", "present"], ["to", "date"], ["since", "then"], ["at", "its", "inception"], ["at", "the", "outset"],
        ["on", "its", "founding"], ["upon", "its", "founding"], ["initially"], ["originally"], ["at", "first"],
    ]
    /// What ends a first clause so that the next one may open with its count like a sentence (`…; by 2015, 58
    /// states had joined X`, `X grew quickly: in 2012, 45 countries were members of X`).
    static let clauseBreaks: [StaticString] = [";", ":"]
    /// Conjunctions that, right after a comma, open a second clause (`…, and in 2010 some 300 staff worked for
    /// it`). Not a bare `and`: `X has 26 members and 4 observers` coordinates counts of one clause.
    static let clauseConjunctions: [StaticString] = ["and", "but", "while", "whereas"]
    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "firstly": 1, "secondly": 2, "thirdly": 3, "finally": 0, "lastly": 0,
    ]
    /// Words after a total that introduce its parts.
    static let partIntroducers: [[StaticString]] = [
        [":"], ["comprise"], ["comprises"], ["comprising"], ["comprised"], ["consist", "of"], ["consists", "of"],
        ["consisting", "of"], ["made", "up", "of"], ["divided", "into"], [",", "of", "which"], [",", "of", "whom"],
        ["of", "which"], ["of", "whom"], ["–"], ["—"], ["are"],
    ]
    /// Prepositions that make a number the object of something else (`offices in over 100 countries`).
    static let blockingPrepositions: Set<String> = [
        "in", "across", "from", "to", "for", "into", "among", "between", "within", "than", "at", "on", "per",
        "through", "throughout", "via", "around", "under", "after", "before", "during", "against", "like", "including",
        "which", "whom", "if", "every", "each", "about",
    ]
    static let nameConnectors: Set<String> = ["of", "for", "on", "and", "de", "du", "des", "la", "le", "the", "in", "to", "&"]
}
