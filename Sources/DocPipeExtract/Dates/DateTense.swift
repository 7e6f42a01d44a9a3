// The tense of the clause around a bare month or season: a habit stated in the simple present (`In winter the
// office closes`, `The report is published in March`) names no particular year (TimeML: `XXXX-WI`), while a past
// narrative (`In March it moved to Vienna`) takes the year of the last date mentioned. The date code's own reading of
// tense, on the date scanner's tokens: no other stage's internals.

/// What a word says about the tense of its clause.
enum DateTenseCue: UInt8, CaseIterable {
    /// `is`, `are`, `am`: present; a participle after it is a present passive (`is held`).
    case presentBe
    /// `was`, `were`: past; so is a participle after it.
    case pastBe
    /// `be`, `being`: no tense of their own (`will be held` takes the modal's).
    case nonFiniteBe
    /// `has`, `have`: present as a main verb (`has a break`); with a participle the present perfect, which reports a
    /// past event (`has met in March`) and keeps the narrative anchor.
    case perfect
    /// `had`, `did`, `been`: past.
    case pastAux
    /// `does`, `do`: present.
    case presentAux
    /// `will`, `would`, `can`, …: not a plain statement of fact; the date keeps its anchor.
    case modal
    /// An irregular past tense or participle (`met`, `held`, `taken`); a regular one ends in `-ed`.
    case past
    /// A third-person present of a verb that states habits (`closes`, `meets`, `takes` of `takes place`).
    case present3
    /// The base form of such a verb (`the offices close`): present unless after `to`, a modal or `did`.
    case presentBase
    /// Opens a subordinate clause after a comma (`, which was founded in 2005,`): its verb is not the clause's.
    case subordinator
    /// Skipped when looking for the auxiliary before a verb (`is usually held`, `will also meet`).
    case adverb
}

enum DateTense {
    /// One entry per line: `word cue` (lower-case ASCII letters; the cue a case name of `DateTenseCue`). Contracted
    /// negations are cut by the scanner at the apostrophe, so their first part is listed (`doesn`, `didn`). The
    /// irregular past tenses of `ClaimTables.irregularPasts` are `past` too (added in `buckets`); the `past` rows here
    /// are the other irregular forms, mostly participles.
    static let table = """
    is presentBe
    are presentBe
    am presentBe
    isn presentBe
    aren presentBe
    was pastBe
    were pastBe
    wasn pastBe
    weren pastBe
    be nonFiniteBe
    being nonFiniteBe
    has perfect
    have perfect
    hasn perfect
    haven perfect
    had pastAux
    hadn pastAux
    did pastAux
    didn pastAux
    been pastAux
    does presentAux
    do presentAux
    doesn presentAux
    don presentAux
    will modal
    would modal
    shall modal
    should modal
    could modal
    might modal
    must modal
    can modal
    cannot modal
    wouldn modal
    couldn modal
    shouldn modal
    mustn modal
    ll modal
    said past
    found past
    flew past
    heard past
    hid past
    meant past
    rode past
    sang past
    sat past
    shot past
    shook past
    slept past
    stole past
    struck past
    threw past
    woke past
    wore past
    overtook past
    caught past
    felt past
    fled past
    dealt past
    arose past
    fed past
    forgot past
    slid past
    swept past
    swung past
    tore past
    wept past
    gone past
    done past
    taken past
    given past
    seen past
    written past
    known past
    begun past
    shown past
    grown past
    chosen past
    fallen past
    risen past
    spoken past
    driven past
    drawn past
    broken past
    frozen past
    hidden past
    stolen past
    thrown past
    withdrawn past
    undertaken past
    meets present3
    convenes present3
    gathers present3
    closes present3
    opens present3
    reopens present3
    shuts present3
    takes present3
    holds present3
    hosts present3
    publishes present3
    releases present3
    begins present3
    starts present3
    ends present3
    runs present3
    lasts present3
    occurs present3
    falls present3
    returns present3
    elects present3
    sits present3
    celebrates present3
    migrates present3
    blooms present3
    freezes present3
    peaks present3
    resumes present3
    adjourns present3
    pays present3
    sends present3
    receives present3
    welcomes present3
    goes present3
    comes present3
    moves present3
    operates present3
    works present3
    attracts present3
    launches present3
    renews present3
    awards present3
    adopts present3
    approves present3
    submits present3
    announces present3
    votes present3
    brings present3
    offers present3
    hires present3
    travels present3
    stays present3
    remains present3
    rises present3
    meet presentBase
    convene presentBase
    gather presentBase
    close presentBase
    open presentBase
    reopen presentBase
    shut presentBase
    take presentBase
    hold presentBase
    host presentBase
    publish presentBase
    begin presentBase
    occur presentBase
    elect presentBase
    sit presentBase
    celebrate presentBase
    migrate presentBase
    bloom presentBase
    freeze presentBase
    resume presentBase
    adjourn presentBase
    receive presentBase
    welcome presentBase
    go presentBase
    come presentBase
    operate presentBase
    travel presentBase
    remain presentBase
    vote presentBase
    which subordinator
    who subordinator
    whom subordinator
    whose subordinator
    where subordinator
    while subordinator
    whereas subordinator
    although subordinator
    though subordinator
    because subordinator
    unless subordinator
    if subordinator
    not adverb
    never adverb
    also adverb
    still adverb
    always adverb
    often adverb
    sometimes adverb
    then adverb
    again adverb
    """

    /// The entries by word length and first letter (index: `slot`), parsed once per process: a lookup compares a
    /// word with the two or three entries of its slot, not with the whole table.
    static let buckets: [[(word: [UInt8], cue: DateTenseCue)]] = {
        // Parsed on bytes, the cue names matched by length and bytes: splitting the literal into `String`s and
        // switching over them cost over a million instructions, paid by every process that tags a bare month.
        var out = [[(word: [UInt8], cue: DateTenseCue)]](repeating: [], count: (maxLength + 1) * 26)
        let names = cueNames.split(separator: " ").map { Array($0.utf8) }
        let cues = DateTenseCue.allCases
        precondition(names.count == cues.count, "DateTense.cueNames is out of step with DateTenseCue's cases")
        let bytes = Array(table.utf8)
        var i = 0
        while i < bytes.count {
            var end = i
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var sp = i
            while sp < end && bytes[sp] != 0x20 { sp += 1 }
            let word = Array(bytes[i..<sp])
            let name = sp < end ? bytes[(sp + 1)..<end] : []
            let k = names.firstIndex { $0.count == name.count && $0.elementsEqual(name) }
            guard let k, !word.isEmpty, word.count <= maxLength, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
                preconditionFailure("bad date tense line: \(String(decoding: bytes[i..<end], as: UTF8.self))")
            }
            out[slot(word.count, word[0])].append((word, cues[k]))
            i = end + 1
        }
        // The irregular past tenses the claims read too (one list): `past`, after the table's own participles.
        for w in ClaimTables.irregularPasts.sorted() {
            let word = Array(w.utf8)
            out[slot(word.count, word[0])].append((word, .past))
        }
        return out
    }()

    static var maxLength: Int { 12 }

    /// How many tokens before and after a date its clause is looked for in.
    static var reach: Int { 80 }

    /// The bucket of words of `length` letters (1…`maxLength`) that begin with the lower-case ASCII letter `first`.
    @inline(__always) static func slot(_ length: Int, _ first: UInt8) -> Int { length * 26 + Int(first &- 0x61) }

    /// Adverbs in `-ly` (`usually held`), skipped like the `adverb` entries.
    static let lyEnding: [UInt8] = Array("ly".utf8)
    /// Before a verb form these make it a noun (`its reports`).
    static let possessives: [[UInt8]] = ["its", "their", "his", "her", "our", "my", "your"].map { Array($0.utf8) }

    /// The names of `DateTenseCue`'s cases in declaration order, as the table spells them.
    static var cueNames: String {
        "presentBe pastBe nonFiniteBe perfect pastAux presentAux modal past present3 presentBase subordinator adverb"
    }
}

extension TimexParser {
    /// The tense the words of a clause read as together.
    enum ClauseTense { case none, present, past, modal }

    /// The cue of word i (any case), from `DateTense.table`; nil for other words and when there is no text.
    func tenseCue(_ i: Int) -> DateTenseCue? {
        guard i >= 0, i < n, t[i].kind == .word, t[i].end <= text.count else { return nil }
        let s = t[i].start, len = t[i].end - s
        let first = text[s] | 0x20
        guard len <= DateTense.maxLength, first >= 0x61, first <= 0x7A else { return nil }
        next: for (w, cue) in DateTense.buckets[DateTense.slot(len, first)] {
            for k in 0..<len where text[s + k] | 0x20 != w[k] { continue next }
            return cue
        }
        return nil
    }

    /// A sentence stop: `.`, `!`, `?`, `;`.
    func sentenceStop(_ i: Int) -> Bool {
        t[i].kind == .punct && (t[i].ch == 0x2E || t[i].ch == 0x21 || t[i].ch == 0x3F || t[i].ch == 0x3B)
    }

    /// The expression at tokens [s, e) is a bare month or season in a clause that states a habit in the simple
    /// present: a present-tense verb and no past tense, perfect or modal in the clause. Only in narrative mode: with a
    /// reference date (news) a present tense often announces the coming month (`the board meets in March`).
    func statesHabit(_ s: Int, _ e: Int) -> Bool {
        guard reference == nil, anchor != nil, !text.isEmpty else { return false }
        return clauseTense(s, e) == .present
    }

    /// The tense of the clause of tokens [s, e): its sentence on the line, less the comma-bounded subordinate clauses
    /// (`, which was founded in 2005,`) unless the expression is in one, then that clause alone.
    func clauseTense(_ s: Int, _ e: Int) -> ClauseTense {
        // At most `DateTense.reach` tokens each way: a line of bare months with no sentence stop would otherwise
        // make each month read the whole line (quadratic); real clauses are far shorter.
        var a = s
        while a > 0, s - a < DateTense.reach, !t[a].lineBefore, !sentenceStop(a - 1) { a -= 1 }
        var b = e
        while b < limit, b - e < DateTense.reach, !sentenceStop(b) { b += 1 }
        // Comma segments that open with a subordinator; the expression's own segment when it is one.
        var segStart = a
        var own: Range<Int>? = nil
        var skipped: [Range<Int>] = []
        var k = a
        while k <= b {
            if k == b || (t[k].kind == .punct && t[k].ch == 0x2C) {
                if segStart > a, tenseCue(segStart) == .subordinator {
                    if s >= segStart && e <= k { own = segStart..<k } else { skipped.append(segStart..<k) }
                }
                segStart = k + 1
            }
            k += 1
        }
        let clause = own ?? a..<b
        var present = false
        k = clause.lowerBound
        // The skipped segments are in order: one index walks them with k.
        var next = 0
        while k < clause.upperBound {
            if own == nil, next < skipped.count, skipped[next].lowerBound <= k {
                k = max(k, skipped[next].upperBound)
                next += 1
                continue
            }
            // A past tense or a modal decides at once (most narrative has one early).
            switch wordTense(k, sentenceStart: a) {
            case .present: present = true
            case .past: return .past
            case .modal: return .modal
            case .none: break
            }
            k += 1
        }
        return present ? .present : .none
    }

    /// The tense word i marks in its clause.
    func wordTense(_ i: Int, sentenceStart: Int) -> ClauseTense {
        guard t[i].kind == .word, !t[i].cap || i == sentenceStart else { return .none }
        let cue = tenseCue(i)
        if cue == nil {
            // A regular past tense or participle: lower case, not a lexicon word (`hundred`), longer than `need`.
            guard t[i].lex == nil, t[i].end - t[i].start > 4, wordEnds(i, with: DateLexicon.pastTenseEnding) else { return .none }
            return participleTense(i)
        }
        switch cue! {
        case .presentBe, .presentAux, .perfect: return .present
        case .pastBe, .pastAux: return .past
        case .modal: return .modal
        case .past: return participleTense(i)
        case .present3:
            // `its reports`, `the works`: a plural noun.
            return determinerBefore(i) ? .none : .present
        case .presentBase:
            if determinerBefore(i) { return .none }
            let b = auxBefore(i)
            if b >= 0, k(b) == .to, lv(b) == 0 { return .none }      // `plans to meet`: an infinitive
            switch b >= 0 ? tenseCue(b) : nil {
            case .modal?: return .modal
            case .pastAux?: return .past
            default: return .present
            }
        case .nonFiniteBe, .subordinator, .adverb: return .none
        }
    }

    /// A past form at token i: a participle after a form of `be` takes its tense (`is held`, `was held`, `will be
    /// held`); after `has`/`have`/`had` it is a perfect (past); after an article it is an adjective (`the elected
    /// members`); right after a comma it opens a participle phrase (`, located in Geneva,`); else a past tense.
    func participleTense(_ i: Int) -> ClauseTense {
        if i > 0, !t[i].lineBefore, t[i - 1].kind == .punct, t[i - 1].ch == 0x2C { return .none }
        if determinerBefore(i) { return .none }
        let b = auxBefore(i)
        switch b >= 0 ? tenseCue(b) : nil {
        case .presentBe?: return .present
        case .nonFiniteBe?: return .none
        default: return .past
        }
    }

    /// The word before token i on its line, past adverbs (`DateTense` adverbs and words in `-ly`); -1: none.
    func auxBefore(_ i: Int) -> Int {
        var j = i - 1
        while j >= 0, !t[j + 1].lineBefore, t[j].kind == .word {
            if tenseCue(j) == .adverb || (t[j].lex == nil && wordEnds(j, with: DateTense.lyEnding)) { j -= 1; continue }
            return j
        }
        return -1
    }

    /// Token i follows `the`, `a`/`an` or a possessive pronoun: it is a noun or an adjective, not a verb.
    func determinerBefore(_ i: Int) -> Bool {
        guard i > 0, !t[i].lineBefore, t[i - 1].kind == .word else { return false }
        if let kk = t[i - 1].lex, kk == .the || kk == .a_ { return true }
        return wordIs(i - 1, oneOf: DateTense.possessives)
    }
}
