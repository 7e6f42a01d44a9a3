import DocPipeCore

/// Turns quantities into claims: who has how many of what, when; lists announced with a count; totals
/// and additions. Precise rather than greedy: a count whose subject is not found confidently gets no
/// subject, and a number in a prepositional phrase (`offices in over 100 countries`) gets no claim.
enum ClaimExtractor {
    static func claims(in document: Document) -> [Claim] { claims(in: document, analysis: QuantityAnalysis(document)) }

    /// Claims from an analysis of this same document (text, blocks, sentences and dates unchanged since).
    static func claims(in document: Document, analysis: QuantityAnalysis) -> [Claim] {
        let s = analysis.scan
        let matches = analysis.matches
        // Each match's index: the first stored quantity with its range. Usually the stored quantities are
        // the matches themselves, in order, with strictly increasing starts (so all ranges differ): then
        // that index is k, which `QuantityExtractor.matches` already set, and the matches are used as they
        // are (no copy of the array, no dictionary keyed by ranges hashed with `Hasher`).
        let stored = document.quantities
        var same = stored.count == matches.count
        if same {
            for k in matches.indices where stored[k].range != matches[k].range || matches[k].index != k
                || (k > 0 && matches[k].range.lowerBound <= matches[k - 1].range.lowerBound) {
                same = false
                break
            }
        }
        var qs = matches
        if !same {
            var byRange: [Range<Int>: Int] = [:]
            for (k, q) in stored.enumerated() where byRange[q.range] == nil { byRange[q.range] = k }
            for k in qs.indices { qs[k].index = byRange[qs[k].range] }
        }
        var b = ClaimBuilder(s: s, document: document, quantities: qs, timeCandidates: analysis.timeCandidates,
                             numberOfNames: analysis.numberOfNames)
        return b.run()
    }
}

/// A resolved subject.
struct ClaimSubject: Equatable {
    var id: String?
    var text: String
}

struct ClaimBuilder {
    let s: ScanText
    let document: Document
    let quantities: [QuantityMatch]
    /// `s.tokens`, stored: a computed property re-read the array (retain, release) on every access.
    let t: [ScanToken]
    var out: [Claim] = []
    /// `mainSubject` of each sentence, computed on first use: most sentences have no counting quantity
    /// and never need theirs (it was the largest cost when computed for every sentence).
    let memo: MainSubjectMemo
    /// Entities by id, built on the first `refersTo` chain followed.
    let byID = EntityIndex()
    /// First quantity whose tokens start at a token index / whose left edge is a token index. Built by
    /// `buildQuantityMaps` when a membership history is first read (most documents never need them).
    var quantityAtStart = TokenIndexMap(0)
    var quantityAtEdge = TokenIndexMap(0)
    /// First count quantity whose tokens start at a token index.
    var countAtStart = TokenIndexMap(0)
    var quantityMapsBuilt = false
    var entitiesSorted: [Entity] = []
    /// Byte bounds of `entitiesSorted` and whether each can be a subject: `entityCovering` reads these
    /// instead of copying `Entity` values.
    var entityLo: [Int] = []
    var entityHi: [Int] = []
    var entitySubjectKind: [Bool] = []
    var acronymLong: [String: String] = [:]
    /// The acronyms' short forms, lower case.
    var knownNames: Set<String> = []
    /// Time expressions: byte range and TIMEX value.
    var times: [(range: Range<Int>, value: String)] = []
    var foundingDate: String?
    /// Quantity ranges already used as parts of a total or enumeration.
    var usedAsPart: Set<Int> = []
    /// `QuantityAnalysis.numberOfNames`.
    let numberOfNames: QuantityExtractor.NumberOfNames
    /// Quantities that already announce an enumeration.
    var enumerated: Set<Int> = []
    /// Shared by copies of the builder: a cache of `soleOrganisationObject`, not state of the claims.
    let objectScan = ObjectScan()

    init(s: ScanText, document: Document, quantities: [QuantityMatch], timeCandidates: [Int], numberOfNames: QuantityExtractor.NumberOfNames) {
        self.s = s
        self.numberOfNames = numberOfNames
        t = s.tokens
        self.document = document
        self.quantities = quantities
        memo = MainSubjectMemo(s.sentences.count)
        // Usually already in order: then share the array instead of sorting a copy (a stable sort of
        // sorted input is the input).
        let ents = document.entities
        var inOrder = true
        for k in ents.indices.dropFirst() where ents[k].range.lowerBound < ents[k - 1].range.lowerBound { inOrder = false; break }
        entitiesSorted = inOrder ? ents : ents.sorted { $0.range.lowerBound < $1.range.lowerBound }
        // One loop for the three columns, reading the entities in place (a key-path `map` per column
        // cost more than the rest of `init`).
        let ne = entitiesSorted.count
        var lo: [Int] = [], hi: [Int] = [], subjectKind: [Bool] = []
        lo.reserveCapacity(ne)
        hi.reserveCapacity(ne)
        subjectKind.reserveCapacity(ne)
        entitiesSorted.withUnsafeBufferPointer { es in
            for i in es.indices {
                lo.append(es[i].range.lowerBound)
                hi.append(es[i].range.upperBound)
                subjectKind.append(Self.isSubjectKind(es[i].kind))
            }
        }
        entityLo = lo
        entityHi = hi
        entitySubjectKind = subjectKind
        byID.resolvedAt = Array(repeating: -1, count: ne)
        for a in document.acronyms where acronymLong[a.short] == nil { acronymLong[a.short] = a.long }
        for k in acronymLong.keys { knownNames.insert(k.lowercased()) }
        buildTimes(timeCandidates)
    }

    private mutating func buildQuantityMaps() {
        guard !quantityMapsBuilt else { return }
        quantityMapsBuilt = true
        quantityAtStart = TokenIndexMap(t.count)
        quantityAtEdge = TokenIndexMap(t.count)
        countAtStart = TokenIndexMap(t.count)
        for (k, q) in quantities.enumerated() {
            if quantityAtStart[q.tokens.lowerBound] == nil { quantityAtStart[q.tokens.lowerBound] = k }
            if quantityAtEdge[q.leftEdge] == nil { quantityAtEdge[q.leftEdge] = k }
            if q.kind == .count, countAtStart[q.tokens.lowerBound] == nil { countAtStart[q.tokens.lowerBound] = k }
        }
    }

    // MARK: - driver

    mutating func run() -> [Claim] {
        // Quantities grouped by sentence, in order: a counting sort into one flat array.
        let ns = s.sentences.count
        var first = [Int](repeating: 0, count: ns + 1)
        var sentenceOfQ = [Int](repeating: -1, count: quantities.count)
        for (k, q) in quantities.enumerated() {
            let si = s.sentenceOf[q.number.lowerBound]
            sentenceOfQ[k] = si
            if si >= 0 { first[si + 1] += 1 }
        }
        for si in 0..<ns { first[si + 1] += first[si] }
        var fill = first
        var flat = [Int](repeating: 0, count: first[ns])
        for k in quantities.indices where sentenceOfQ[k] >= 0 {
            flat[fill[sentenceOfQ[k]]] = k
            fill[sentenceOfQ[k]] += 1
        }
        for si in 0..<ns where first[si + 1] > first[si] {
            sentenceClaims(si, flat[first[si]..<first[si + 1]])  // a slice: no array per sentence
        }
        return out
    }

    /// Confident subject of sentence si (an entity or a proper name), for pronouns in the next one.
    func sentenceSubject(_ si: Int) -> ClaimSubject? { mainSubject(si)?.subject }

    // MARK: - per sentence

    private mutating func sentenceClaims(_ si: Int, _ qk: ArraySlice<Int>) {
        let sent = s.sentences[si]
        var lastClaim: LastClaim? = nil
        var k = qk.startIndex
        while k < qk.endIndex {
            let qi = qk[k]
            k += 1
            if usedAsPart.contains(qi) { continue }
            // Copied out only for the kinds that can make a claim here.
            let qkind = quantities[qi].kind
            guard qkind == .money || qkind == .count || qkind == .bare else { continue }
            let q = quantities[qi]
            if q.kind == .money {
                // `an agency with a budget of $1.4 billion`: an amount the subject has.
                guard let (subject, measure) = amountWith(si, qi) else { continue }
                // The clause is found once for the time frame and the claim's range.
                let clause = clauseTokens(si, q)
                let time = timeFor(si, q, inherited: nil, clause: clause)
                out.append(Claim(kind: .count, subject: subject?.id, subjectText: subject?.text ?? "", measure: measure, value: q.value,
                                 comparator: q.comparator, time: time, quantity: q.index, range: clauseRange(clause), items: []))
                lastClaim = LastClaim(q: qi, claim: out.count - 1, hasSubject: subject != nil)
                continue
            }
            guard q.kind == .count || q.kind == .bare else { continue }

            // Enumeration / total announced by this quantity.
            if let consumed = totalOrEnumeration(si, qi, qk) {
                if consumed > 0 {
                    lastClaim = nil
                    continue
                }
            }
            // `bringing the total membership to 16 agencies`
            if totalTo(si, qi) { continue }

            guard let (subject, measure, explicit) = subjectFor(si, qi, q, lastClaim: lastClaim) else { continue }
            guard !measure.isEmpty else { continue }
            var clause = clauseTokens(si, q)
            // A count opening a second clause: that clause alone gives its time frame and range.
            if explicit == .clause || explicit == .joined, let c = secondClauseStart(si, q), c > clause.lowerBound { clause = c..<clause.upperBound }
            var kind: Claim.Kind = .count
            var items: [Range<Int>] = []
            if q.addition && hasJoiningVerb(sent) { kind = .addition }
            if q.addition || kind == .addition, let list = namesAfter(q.tokens.upperBound, sent) { items = list; if kind == .count && hasJoiningVerb(sent) { kind = .addition } }
            if q.addition, !items.isEmpty { kind = .addition }
            if explicit == .joined { kind = .addition }
            let time = timeFor(si, q, inherited: explicit == .coordinated ? lastClaim.flatMap { out[$0.claim].time } : nil, clause: clause,
                               addition: kind == .addition)
            let range = clauseRange(clause)
            out.append(Claim(kind: kind, subject: subject?.id, subjectText: subject?.text ?? "", measure: measure, value: q.value,
                             comparator: q.comparator, time: time, quantity: q.index, range: kind == .addition ? q.range : range, items: items))
            lastClaim = LastClaim(q: qi, claim: out.count - 1, hasSubject: subject != nil)
        }
        // Enumerations announced in words without a number token before `:` are handled through quantities only.
        ordinalEnumeration(si, qk)
    }

    /// `clause`: `after` at the start of a second clause; `joined`: `N Ys (have) joined X`, an addition.
    enum SubjectHow { case verb, possessive, fronted, coordinated, after, founding, numberOf, predicate, inherited, with, clause, joined }

    /// The previous count claim of the sentence, which a coordinated count takes its subject, measure or
    /// time from: its quantity, its index in `out` (which only grows) and whether it had a subject. Indices
    /// rather than copies of its strings: copying and freeing them per claim cost more than the rare reads.
    struct LastClaim {
        var q: Int
        var claim: Int
        var hasSubject: Bool
    }

    /// The subject `lc`'s claim was made with.
    private func subject(of lc: LastClaim) -> ClaimSubject? {
        lc.hasSubject ? ClaimSubject(id: out[lc.claim].subject, text: out[lc.claim].subjectText) : nil
    }

    /// Nouns an amount is stated of (`a budget of $1.4 billion`), as the claim's measure.
    static let amountNouns: Set<String> = [
        "budget", "capital", "endowment", "portfolio", "turnover", "revenue", "revenues", "income", "assets",
        "expenditure", "expenditures", "spending", "funding", "resources",
    ]
    /// Common nouns that stand for the organisation being described (`a small agency into one with …`).
    static let holderNouns: Set<String> = [
        "one", "agency", "organization", "organisation", "body", "institution", "entity", "bank", "fund", "programme",
        "program", "office", "secretariat",
    ]

    /// `… with (a|an) (adjectives) budget of $N`, `X has a budget of $N`: the subject that has the amount and the measure
    /// (`annual operating budget` → `budget (USD)`); nil unless the amount is introduced that way.
    private func amountWith(_ si: Int, _ qi: Int) -> (ClaimSubject?, String)? {
        let q = quantities[qi]
        let sent = s.sentences[si]
        var L = q.leftEdge - 1
        guard L - 1 >= sent.lowerBound, s.eq(L, "of"), t[L - 1].kind == .word, Self.amountNouns.contains(s.lower(L - 1)) else { return nil }
        let head = s.lower(L - 1)
        L -= 2
        // Adjectives and the article: `an annual operating`, `a total`.
        var n = 0
        while L >= sent.lowerBound, n < 4, t[L].kind == .word, !s.eq(L, "with"), !t[L].capitalized, !t[L].has(WordClass.finiteVerb) {
            L -= 1; n += 1
        }
        guard L >= sent.lowerBound else { return nil }
        // `X has an annual budget of $N`
        if t[L].has(WordClass.countVerb), !t[L].has(WordClass.partialVerb), L + 1 < q.leftEdge, s.eq(L + 1, "a") || s.eq(L + 1, "an") {
            return (subjectBefore(L, si), "\(head) (\(q.unit))")
        }
        guard s.eq(L, "with"), let holder = withHolder(L, si) else { return nil }
        return (holder, "\(head) (\(q.unit))")
    }

    /// Who has what `with` (at token w) introduces: an entity or name right before it (`the Fund, with`),
    /// or a noun standing for the organisation (`an agency with`, `into one with`) — then the sentence's
    /// own subject, or the closest earlier sentence's. Nil for anything else (`in cooperation with`).
    private func withHolder(_ w: Int, _ si: Int) -> ClaimSubject? {
        let sent = s.sentences[si]
        var k = w - 1
        if k >= sent.lowerBound, s.eq(k, ",") { k -= 1 }
        guard k >= sent.lowerBound, t[k].kind == .word else { return nil }
        if t[k].capitalized || t[k].acronym {
            return subjectAt(k, si)
        }
        guard Self.holderNouns.contains(s.lower(k)) else { return nil }
        if let own = mainSubject(si) { return own.subject }
        var x = si - 1
        while x >= 0, x >= si - 12 {
            if let m = mainSubject(x) { return m.subject }
            x -= 1
        }
        return nil
    }

    /// The subject and measure of a counting quantity, or nil when it is not a claim about a subject.
    /// `q` is `quantities[qi]`, passed by the caller that has it (a copy per call cost more than most tests here).
    private func subjectFor(_ si: Int, _ qi: Int, _ q: QuantityMatch, lastClaim: LastClaim?) -> (ClaimSubject?, String, SubjectHow)? {
        let sent = s.sentences[si]
        let measure = q.unit
        var L = q.leftEdge - 1
        while L >= sent.lowerBound, t[L].kind == .word, t[L].has(WordClass.adverb) { L -= 1 }
        let atStart = L < sent.lowerBound || (L == sent.lowerBound && t[L].kind == .punct)
        // A count whose noun is that of `the number of …` (`QuantityExtractor.numberOfUnits`) has no noun after it.
        if q.kind == .bare || q.kind == .count && q.unitTokens.isEmpty {
            // `the total number of active IOM projects … was over 2,400`, `the number of member states grew
            // from 12 to 30, and it stands at 47 today`: the quantity extractor read the phrase; a name in it is the
            // subject. No name stays no subject: the sentence before is often about a committee or a meeting, not
            // the organisation whose numbers these are.
            if let names = numberOfNames.names(at: q.number.lowerBound) {
                return (names.isEmpty ? nil : subjectAt(names.upperBound - 1, si), q.unit, .numberOf)
            }
            // `a staff of 18`, `The Commission’s staff of 18`
            if L >= sent.lowerBound + 1, s.eq(L, "of"), s.eq(L - 1, "staff") || s.eq(L - 1, "membership") || s.eq(L - 1, "workforce") {
                let m = s.eq(L - 1, "staff") || s.eq(L - 1, "workforce") ? "staff" : "members"
                if L - 2 >= sent.lowerBound, QuantityExtractor.isPossessive(s.lower(L - 2)) || ClaimTables.pronouns.contains(s.lower(L - 2)) {
                    return (subjectAt(L - 2, si), m, .possessive)
                }
                return (mainSubject(si).map { $0.subject }, m, .predicate)
            }
            // `… and reached 58 in 2015`: gapping after a count of the same sentence.
            if let lc = lastClaim, L >= sent.lowerBound, s.eq(L, "reached") || s.eq(L, "grew") || s.eq(L, "rose") || s.eq(L, "increased") || s.eq(L, "to") {
                return (subject(of: lc), out[lc.claim].measure, .coordinated)
            }
            return nil
        }
        if atStart {
            // `N Ys belong to X`, `Over 60 NGOs currently hold observer status with the Organization`
            return subjectAfter(si, qi)
        }
        // The same after a leading time phrase or adverbial: `In 2010 some 300 staff worked for X`, `At its
        // founding, 12 states belonged to X`. The phrase is the claim's time frame through `timeFor`.
        if isLeadingAdverbial(sent.lowerBound, L) {
            return subjectAfter(si, qi, cumulative: s.eq(sent.lowerBound, "by"))
        }
        // The same at the start of a second clause (`…, and in 2010 some 300 staff worked for it`, `…; by 2015, 58
        // states had joined X`). Only an organisation found after the count (named, or `it`) is taken: the
        // sentence's other readings (`X has 26 members, and 4 observers`) are left to the patterns below.
        if let c = secondClauseOpening(sent, L),
           let r = subjectAfter(si, qi, cumulative: s.eq(c, "by"), clauseStart: c), r.0 != nil, r.2 == .after || r.2 == .joined {
            return (r.0, r.1, r.2 == .after ? .clause : .joined)
        }
        // The word before the number, tested on bytes (`ScanText.eq`) and word-class bits (`WordClass`,
        // the same tables) rather than as a `String` in sets.
        let w = L
        let wt = t[L]
        if s.isPossessive(L) || s.eq(w, "its") || s.eq(w, "their") {
            return (subjectAt(L, si), measure, .possessive)
        }
        if wt.has(WordClass.partialVerb) { return nil }
        if q.addition, s.eq(w, "admitted") || s.eq(w, "added") || s.eq(w, "welcomed") || s.eq(w, "admits") || s.eq(w, "adds") {
            return (subjectBefore(L, si), measure, .verb)
        }
        let together = s.eq(w, "together")
        if wt.has(WordClass.countVerb) || (together && L > sent.lowerBound && s.eq(L - 1, "brings")) {
            var v = L
            if together { v -= 1 }
            return (subjectBefore(v, si), measure, .verb)
        }
        let of = s.eq(w, "of")
        if of, L - 1 >= sent.lowerBound, s.eq(L - 1, "up"), L - 2 >= sent.lowerBound, s.eq(L - 2, "made") {
            return (subjectBefore(L - 2, si), measure, .verb)
        }
        if of, L - 1 >= sent.lowerBound, s.eq(L - 1, "consists") || s.eq(L - 1, "consisted") {
            return (subjectBefore(L - 1, si), measure, .verb)
        }
        // Predicate `X is an organisation of 22 members`
        if of {
            var a = L - 1, n = 0
            while a >= sent.lowerBound, n < 5, t[a].kind == .word, !(s.eq(a, "a") || s.eq(a, "an")) { a -= 1; n += 1 }
            if a >= sent.lowerBound, s.eq(a, "a") || s.eq(a, "an"), a - 1 >= sent.lowerBound, t[a - 1].has(WordClass.copula) {
                return (subjectBefore(a - 1, si), measure, .predicate)
            }
            // `X has a total of 54 member states`, `X counts a membership of 120 countries`, `X has a
            // budget of $3 million` (measured as `budget (USD)`, as after `with`).
            if a >= sent.lowerBound, a < L - 1, s.eq(a, "a") || s.eq(a, "an"), a - 1 >= sent.lowerBound,
               t[a - 1].has(WordClass.countVerb), !t[a - 1].has(WordClass.partialVerb) {
                let head = s.lower(L - 1)
                return (subjectBefore(a - 1, si), Self.amountNouns.contains(head) ? "\(head) (\(q.unit))" : measure, .verb)
            }
            return nil
        }
        // Founders: `was founded by 51 members`, `created in 1979 by 8 governments`
        if s.eq(w, "by") {
            var a = L - 1, n = 0
            while a >= sent.lowerBound, n < 6 {
                if t[a].has(WordClass.foundingVerb) {
                    return (mainSubject(si).map { $0.subject }, measure, .founding)
                }
                a -= 1; n += 1
            }
            return nil
        }
        // `With 157 member states, an additional 10 states …, the IOM promotes …`
        if sentenceStartsWith(si, "with"), let ms = mainSubject(si), t[ms.start].start > q.range.lowerBound,
           s.eq(w, "with") || s.eq(w, ",") || s.eq(w, "and") {
            return (ms.subject, measure, .fronted)
        }
        // `an agency with 9,000 staff`, `the Fund, with 31 shareholders, …`
        if s.eq(w, "with"), let holder = withHolder(L, si) {
            return (holder, measure, .with)
        }
        // Coordination: `has 165 Member States and a further 8 states holding Observer status`,
        // `a budget of $1.4 billion and some 9,000 staff`
        if let lc = lastClaim, s.eq(w, "and") || s.eq(w, ",") {
            let prevEnd = quantities[lc.q].tokens.upperBound
            var ok = true
            for x in prevEnd...L where !(s.eq(x, ",") || s.eq(x, "and")) { ok = false; break }
            // `…, and a further 6 states hold observer status`: measured as `6 states holding observer status` is.
            if ok { return (subject(of: lc), holdsObserverStatus(q, sent) ? Self.observerMeasure(measure) : measure, .coordinated) }
        }
        return nil
    }

    /// Whether tokens a...L, the opening of a sentence up to the word before a count, are a leading time phrase
    /// (`In 2010`, `By 2015,`, `As of 2020,`, `In the 1990s`, `In March 2012,`: a `ClaimTables.timePrepositions`
    /// word and a date of `times`, with `ClaimTables.timeFillers` around it), a present word (`Today,`) or a
    /// `ClaimTables.leadingAdverbials` phrase (`At its founding,`, `By then,`), with or without a comma.
    /// Anything else (`In the report, 12 states are named`) is not: the count keeps its place in the sentence.
    func isLeadingAdverbial(_ a: Int, _ L: Int) -> Bool {
        var e = L
        if e >= a, s.eq(e, ",") { e -= 1 }
        // Short phrases only: most counts are far from the sentence start, and those are rejected here.
        guard e >= a, e - a < 8, t[a].kind == .word else { return false }
        var allPresent = true
        for k in a...e where !(t[k].kind == .word && t[k].has(WordClass.presentWord)) { allPresent = false; break }
        if allPresent { return true }
        for p in ClaimTables.leadingAdverbials where p.count == e - a + 1 {
            var same = true
            for x in 0..<p.count where !s.eq(a + x, p[x]) { same = false; break }
            if same { return true }
        }
        guard ClaimTables.timePrepositions.contains(s.lower(a)) else { return false }
        var x = a + 1
        if s.eq(a, "as") {
            guard x <= e, s.eq(x, "of") else { return false }
            x += 1
        }
        guard x <= e else { return false }
        var dated = false
        for k in x...e {
            if isInDate(k) { dated = true; continue }
            // `In March 2012` when only the year is a time of its own (no dates layer).
            if t[k].kind == .word, t[k].has(WordClass.month) { continue }
            if t[k].kind == .word || t[k].kind == .punct, isTimeFiller(k) { continue }
            return false
        }
        return dated
    }

    /// The first token of the clause a count opens when that is not the sentence's first: after `;` or `:`
    /// (`ClaimTables.clauseBreaks`) or a comma and `ClaimTables.clauseConjunctions` (`, and`, `, but`), with nothing
    /// or a leading time phrase (`isLeadingAdverbial`: `in 2010`, `by 2015,`) before the count. `L` is the token
    /// before the count, past adverbs. Nil otherwise (the count is inside its clause).
    func secondClauseOpening(_ sent: Range<Int>, _ L: Int) -> Int? {
        // The nearest break decides: a time phrase is short, so a few tokens back are enough, and it holds no
        // comma but the one before the count (another ends the search: most counts are inside their clause).
        var b = L
        while b > sent.lowerBound, b >= L - 9 {
            let tk = t[b]
            if tk.kind == .punct {
                if isClauseBreak(b, sent) { return b + 1 > L || isLeadingAdverbial(b + 1, L) ? b + 1 : nil }
                if b < L, s.eq(b, ",") { return nil }
            } else if t[b - 1].kind == .punct, isClauseBreak(b, sent) {
                return b + 1 > L || isLeadingAdverbial(b + 1, L) ? b + 1 : nil
            }
            b -= 1
        }
        return nil
    }

    /// Whether token b ends a first clause: a `ClaimTables.clauseBreaks` mark, or a conjunction after a comma.
    private func isClauseBreak(_ b: Int, _ sent: Range<Int>) -> Bool {
        if t[b].kind == .punct {
            for p in ClaimTables.clauseBreaks where s.eq(b, p) { return true }
            return false
        }
        guard t[b].kind == .word, b - 1 >= sent.lowerBound, s.eq(b - 1, ",") else { return false }
        for w in ClaimTables.clauseConjunctions where s.eq(b, w) { return true }
        return false
    }

    /// The token a second-clause count's clause starts at (`secondClauseOpening` for quantity qi), for its time
    /// frame and range: the first clause's dates and tense are not the count's.
    private func secondClauseStart(_ si: Int, _ q: QuantityMatch) -> Int? {
        let sent = s.sentences[si]
        var L = q.leftEdge - 1
        while L >= sent.lowerBound, t[L].kind == .word, t[L].has(WordClass.adverb) { L -= 1 }
        guard L > sent.lowerBound else { return nil }
        return secondClauseOpening(sent, L)
    }

    /// Whom `it` (or an organisation left unsaid) stands for in a clause that opens with its count: in a second
    /// clause the sentence's own subject when it is named before that clause (`The Lake Council was founded in
    /// 1990, and in 2010 some 300 staff worked for it`), and nothing else; in a first clause the previous
    /// sentence's subject, as `subjectAt` reads a pronoun.
    private func contextSubject(_ si: Int, clauseStart: Int?) -> ClaimSubject? {
        if let c = clauseStart {
            if let m = mainSubject(si), m.start < c { return m.subject }
            return soleOrganisationObject(si, before: c)
        }
        return si > 0 ? sentenceSubject(si - 1) : nil
    }

    /// A first clause without an organisation subject (`Since 2008, 5 states have joined the Lake Council, and
    /// today 24 states belong to it`): its one organisation (an entity that is no place, or a name, as
    /// `affiliationOwner` reads them) named after its start, which `it` in the next clause stands for. Nil when
    /// there is none or more than one.
    private func soleOrganisationObject(_ si: Int, before c: Int) -> ClaimSubject? {
        let sent = s.sentences[si]
        // The walk goes on from where the sentence's previous clause left it (`…; 5 states joined it; 7 more joined
        // it`): starting again at the sentence start for each clause was quadratic in a long sentence.
        let m = objectScan
        if m.sentence != si || m.next > c { (m.sentence, m.next, m.found, m.ambiguous) = (si, sent.lowerBound + 1, nil, false) }
        while m.next < c && !m.ambiguous {
            let k = m.next
            m.next += 1
            let tk = t[k]
            // The start of each capitalised run only (a name is read once, from its first word).
            if tk.kind == .word, tk.capitalized || tk.acronym, !(t[k - 1].kind == .word && (t[k - 1].capitalized || t[k - 1].acronym)),
               !isInDate(k), let x = affiliationOwner(k, si, viaIn: false) {
                if let f = m.found, f != x { m.ambiguous = true } else { m.found = x }
            }
        }
        return m.ambiguous ? nil : m.found
    }

    /// `soleOrganisationObject`'s walk so far through one sentence: tokens before `next` read, the one
    /// organisation among them, or more than one.
    final class ObjectScan {
        var sentence = -1
        var next = 0
        var found: ClaimSubject?
        var ambiguous = false
    }

    /// Whether token k lies inside a dated time expression of `times` (not a present word).
    private func isInDate(_ k: Int) -> Bool {
        let lo = t[k].start, hi = t[k].end
        var a = 0, z = times.count
        while a < z { let m = (a + z) / 2; if times[m].range.lowerBound <= lo { a = m + 1 } else { z = m } }
        // Times before token k in start order; a few back are enough (expressions rarely nest deeper).
        var i = a - 1
        while i >= 0, i >= a - 4 {
            if times[i].range.upperBound >= hi, times[i].value != "PRESENT_REF" { return true }
            i -= 1
        }
        return false
    }

    /// `N Ys (adverb) belong to X`, `… hold observer status with X`, `A further N Ys hold observer status.`
    /// `cumulative`: the sentence opens with `By <time>`, so `N Ys had joined X` is X's count then.
    /// `N Ys joined X`, `N Ys have joined X` (`Since 1995, 40 states have joined X`) are additions (`.joined`),
    /// not totals. `clauseStart`: the count opens a second clause starting at that token (`it` is then the
    /// sentence's own subject).
    private func subjectAfter(_ si: Int, _ qi: Int, cumulative: Bool = false, clauseStart: Int? = nil) -> (ClaimSubject?, String, SubjectHow)? {
        let q = quantities[qi]
        let sent = s.sentences[si]
        var j = q.tokens.upperBound
        while j < sent.upperBound, t[j].kind == .word, t[j].has(WordClass.adverb) { j += 1 }
        guard j < sent.upperBound else { return nil }
        var measure = q.unit
        // Token j + x is the word w (byte tests on the lower-cased text, as `ScanText.eq`).
        func at(_ x: Int, _ w: StaticString) -> Bool { j + x < sent.upperBound && s.eq(j + x, w) }
        var objectAt: Int? = nil
        if (at(0, "belong") || at(0, "belonged")) && at(1, "to") { objectAt = j + 2 }
        else if cumulative && !q.addition && at(0, "had") && at(1, "joined") { objectAt = j + 2 }
        else if at(0, "joined") || ((at(0, "have") || at(0, "has")) && at(1, "joined")) {
            // Joins over a time (`In 2010, 5 states joined X`, `Since 1995, 40 states have joined X`) add to a
            // membership; X named (or `it`), else the organisation of the context for a membership measure.
            let o = at(0, "joined") ? j + 1 : j + 2
            if o < sent.upperBound, s.eq(o, "it") {
                return contextSubject(si, clauseStart: clauseStart).map { ($0, measure, .joined) }
            }
            if o < sent.upperBound, let x = subjectStarting(o, si) { return (x, measure, .joined) }
            if Self.membershipMeasures.contains(measure), let x = contextSubject(si, clauseStart: clauseStart) { return (x, measure, .joined) }
            return nil
        }
        else if (at(0, "are") || at(0, "were")) && (at(1, "members") || at(1, "part")) && at(2, "of") { objectAt = j + 3 }
        else if holdsObserverStatus(q, sent) {
            measure = Self.observerMeasure(measure)
            if at(3, "with") || at(3, "at") || at(3, "in") { objectAt = j + 4 }
            else if q.addition, si > 0, let prev = sentenceSubject(si - 1) { return (prev, measure, .inherited) }
            else { return nil }
        }
        // `N staff work at/for X`, `N experts serve on X`, `N people are employed by X`: X's staff, X an organisation.
        if objectAt == nil, let (o, viaIn) = affiliationObject(j, sent) {
            // `… worked for it`: not `in it`, which says where.
            if s.eq(o, "it") {
                guard !viaIn, let x = contextSubject(si, clauseStart: clauseStart) else { return nil }
                return (x, measure, .after)
            }
            guard let owner = affiliationOwner(o, si, viaIn: viaIn) else { return nil }
            return (owner, measure, .after)
        }
        guard let o = objectAt else {
            // `Today 61 member states contribute …`: a membership count stated without its organisation
            // belongs to the previous sentence's subject.
            if Self.membershipMeasures.contains(measure), si > 0, let prev = sentenceSubject(si - 1), t[j].kind == .word, !t[j].capitalized, !t[j].has(WordClass.phraseStop) || at(0, "are") || at(0, "have") || at(0, "were") || at(0, "had") { return (prev, measure, .inherited) }
            return nil
        }
        if o < sent.upperBound, s.eq(o, "it") {
            guard let x = contextSubject(si, clauseStart: clauseStart) else { return nil }
            return (x, measure, .after)
        }
        return (subjectStarting(o, si), measure, .after)
    }

    /// Whether the words after count q (past adverbs) are `hold / have / enjoy observer status`
    /// (`ClaimTables.observerStatusVerbs`).
    private func holdsObserverStatus(_ q: QuantityMatch, _ sent: Range<Int>) -> Bool {
        var j = q.tokens.upperBound
        while j < sent.upperBound, t[j].kind == .word, t[j].has(WordClass.adverb) { j += 1 }
        guard j + 2 < sent.upperBound, s.eq(j + 1, "observer"), s.eq(j + 2, "status") else { return false }
        for v in ClaimTables.observerStatusVerbs where s.eq(j, v) { return true }
        return false
    }

    /// `states` → `observer states`, `NGOs` → `observer NGOs` (as `QuantityExtractor` measures the participle form).
    static func observerMeasure(_ m: String) -> String {
        m.hasPrefix("observer") ? m : (m == "states" ? "observer states" : "observer " + m)
    }

    /// After a count at the sentence start, `work at/for/in …`, `serve on …`, `are employed by …` (`ClaimTables`
    /// affiliation words) from token j: the token after the preposition, and whether that is `in`.
    private func affiliationObject(_ j: Int, _ sent: Range<Int>) -> (Int, Bool)? {
        guard t[j].kind == .word else { return nil }
        var v = j
        let w = s.lower(j)
        if ClaimTables.affiliationAux.contains(w) {
            guard v + 1 < sent.upperBound, t[v + 1].kind == .word, ClaimTables.affiliationParticiples.contains(s.lower(v + 1)) else { return nil }
            v += 1
        } else if ClaimTables.perfectAux.contains(w) {
            // `12 experts have served on X`, `300 staff had worked for X`
            guard v + 1 < sent.upperBound, t[v + 1].kind == .word, ClaimTables.affiliationPerfectParticiples.contains(s.lower(v + 1)) else { return nil }
            v += 1
        } else if !ClaimTables.affiliationVerbs.contains(w) {
            return nil
        }
        var p = v + 1
        while p < sent.upperBound, t[p].kind == .word, t[p].has(WordClass.adverb) { p += 1 }
        guard p + 1 < sent.upperBound, t[p].kind == .word, ClaimTables.affiliationPrepositions.contains(s.lower(p)) else { return nil }
        return (p + 1, s.eq(p, "in"))
    }

    /// Whose staff work at token o: an entity that is no place (`work in Geneva` says where, not for whom), resolved
    /// through its links; after `at`, `for`, `on`, `by` also a name (`subjectStarting`). Nil for anything else
    /// (`work at home`, `work in shifts`).
    private func affiliationOwner(_ o: Int, _ si: Int, viaIn: Bool) -> ClaimSubject? {
        var k = o
        if s.eq(k, "the"), k + 1 < t.count, s.sentenceOf[k + 1] == si { k += 1 }
        guard t[k].kind == .word, t[k].capitalized || t[k].acronym else { return nil }
        if let e = entityIndexCovering(t[k].start..<t[k].end) {
            switch entitiesSorted[e].kind {
            case .gpe, .loc: return nil
            default: return resolve(index: e)
            }
        }
        return viaIn ? nil : subjectStarting(o, si)
    }

    static let membershipMeasures: Set<String> = ["member states", "members", "member countries", "member societies", "observer states", "contracting parties", "member organizations"]

    // MARK: - subjects

    /// The subject of the verb at token v: the noun phrase right before it (past adverbs), or the
    /// sentence's main subject when the subject is elided (`… in 1959 and today has 14 …`).
    private func subjectBefore(_ v: Int, _ si: Int) -> ClaimSubject? {
        let sent = s.sentences[si]
        var k = v - 1
        while k >= sent.lowerBound, t[k].kind == .word, t[k].has(WordClass.adverb) { k -= 1 }
        // The perfect's auxiliary (`the Council has had 12 staff since 2001`): the subject is before it.
        if k > sent.lowerBound, t[k].kind == .word, s.eq(k, "has") || s.eq(k, "have") || s.eq(k, "had") {
            k -= 1
            while k >= sent.lowerBound, t[k].kind == .word, t[k].has(WordClass.adverb) { k -= 1 }
        }
        guard k >= sent.lowerBound else { return nil }
        if s.eq(k, "and") || s.eq(k, ",") { return mainSubject(si)?.subject }
        if s.eq(k, "also"), k > sent.lowerBound { k -= 1 }
        return subjectAt(k, si)
    }

    /// The subject whose last token is k: an entity, a pronoun, or a proper name.
    func subjectAt(_ k: Int, _ si: Int) -> ClaimSubject? {
        guard k >= 0, k < t.count else { return nil }
        let tok = t[k]
        if tok.kind == .word, tok.has(WordClass.pronoun) {
            return si > 0 ? sentenceSubject(si - 1) : nil
        }
        if let e = entityIndexCovering(tok.start..<tok.end) { return resolve(index: e) }
        guard let np = properNameEnding(at: k, si) else { return nil }
        return name(np)
    }

    /// A subject starting at token k (after `belong to`, `with`).
    func subjectStarting(_ k: Int, _ si: Int) -> ClaimSubject? {
        var k = k
        guard k < t.count else { return nil }
        if s.eq(k, "the"), k + 1 < t.count { k += 1 }
        if let e = entityIndexCovering(t[k].start..<t[k].end) { return resolve(index: e) }
        guard t[k].capitalized || t[k].acronym else { return nil }
        var e = k
        while e + 1 < t.count, s.sentenceOf[e + 1] == si {
            let n = t[e + 1]
            if n.kind == .word && (n.capitalized || n.acronym) { e += 1; continue }
            if n.kind == .word, s.eq(e + 1, "of") || s.eq(e + 1, "for") || s.eq(e + 1, "on") || s.eq(e + 1, "de"), e + 2 < t.count, t[e + 2].capitalized { e += 2; continue }
            break
        }
        let r = k..<(e + 1)
        if r.count == 1 && !t[k].acronym && !isKnownName(s.text(tokens: r)) { return nil }
        return name(r)
    }

    /// Capitalised words (with `of`, `for`, `on`, `and` inside) ending at k; nil for a lone
    /// sentence-initial word (`Membership grew …`) unless it is an acronym or preceded by `the`.
    private func properNameEnding(at k: Int, _ si: Int) -> Range<Int>? {
        var k = k
        let sent = s.sentences[si]
        if s.eq(k, ")"), k - 2 >= sent.lowerBound, s.eq(k - 2, "(") { k -= 3 }
        guard k >= sent.lowerBound, t[k].kind == .word, t[k].capitalized || t[k].acronym else { return nil }
        var a = k
        while a - 1 >= sent.lowerBound {
            let p = t[a - 1]
            if p.kind == .word && (p.capitalized || p.acronym) && !s.eq(a - 1, "the") { a -= 1; continue }
            if p.kind == .word, s.eq(a - 1, "of") || s.eq(a - 1, "for") || s.eq(a - 1, "on") || s.eq(a - 1, "de"), a - 2 >= sent.lowerBound, t[a - 2].capitalized, !s.eq(a - 2, "the") { a -= 1; continue }
            break
        }
        // Sentence-initial fronting words are not part of the name (`Today IOM has`, `Currently the …`).
        while a < k, t[a].kind == .word, t[a].has(WordClass.presentWord) || s.eq(a, "in") || s.eq(a, "with") || s.eq(a, "by") || s.eq(a, "since") || s.eq(a, "after") || s.eq(a, "as") { a += 1 }
        let hasThe = a - 1 >= sent.lowerBound && s.eq(a - 1, "the")
        let single = a == k
        if single && !t[k].acronym && !hasThe && !isKnownName(s.lower(k)) { return nil }
        return a..<(k + 1)
    }

    private func isKnownName(_ text: String) -> Bool {
        knownNames.contains(text.lowercased())
    }

    /// Canonical subject for a name written in the text: an entity covering it, else the acronym's long
    /// form, else the text without a possessive ending.
    private func name(_ r: Range<Int>) -> ClaimSubject {
        let bytes = t[r.lowerBound].start..<t[r.upperBound - 1].end
        if let e = entityIndexCovering(bytes) { return resolve(index: e) }
        var text = s.text(bytes)
        for suf in ["’s", "'s", "’", "'"] where text.hasSuffix(suf) { text = String(text.dropLast(suf.count)); break }
        if let paren = text.firstIndex(of: "("), text.hasSuffix(")") {
            text = claimTrimSpaces(String(text[..<paren]))
        }
        if let long = acronymLong[text] { text = long }
        return ClaimSubject(id: nil, text: text)
    }

    @inline(__always) static func isSubjectKind(_ k: Entity.Kind) -> Bool {
        switch k { case .org, .gpe, .person, .loc: return true; default: return false }
    }

    @inline(__always) static func isOfForOnDe(_ w: String) -> Bool { w == "of" || w == "for" || w == "on" || w == "de" }

    func entityCovering(_ r: Range<Int>) -> Entity? {
        entityIndexCovering(r).map { entitiesSorted[$0] }
    }

    /// Index in `entitiesSorted` of the longest subject entity covering r (within 4 bytes of its end),
    /// else of the last one inside r that ends it.
    func entityIndexCovering(_ r: Range<Int>) -> Int? {
        entityLo.withUnsafeBufferPointer { lo in
            entityHi.withUnsafeBufferPointer { hi in
                entitySubjectKind.withUnsafeBufferPointer { Self.entityIndexCovering(r, lo, hi, $0) }
            }
        }
    }

    /// The columns read through buffer pointers: every index probed is in 0..<n, and no bounds check is needed.
    private static func entityIndexCovering(_ r: Range<Int>, _ entityLo: UnsafeBufferPointer<Int>, _ entityHi: UnsafeBufferPointer<Int>,
                                            _ entitySubjectKind: UnsafeBufferPointer<Bool>) -> Int? {
        let n = entityLo.count
        var lo = 0, hi = n
        while lo < hi { let m = (lo + hi) / 2; if entityLo[m] <= r.lowerBound { lo = m + 1 } else { hi = m } }
        var k = lo - 1
        var best = -1
        while k >= 0, k >= lo - 8 {
            if entityLo[k] <= r.lowerBound && entityHi[k] >= r.upperBound - 4 && entityHi[k] > r.lowerBound, entitySubjectKind[k] {
                if best < 0 || entityHi[k] - entityLo[k] > entityHi[best] - entityLo[best] { best = k }
            }
            k -= 1
        }
        // An entity inside the range that ends it (`the Organization` → entity `Organization`).
        if best < 0 {
            for e in max(0, lo - 1)..<min(n, lo + 8) where entityLo[e] >= r.lowerBound && entityHi[e] <= r.upperBound && r.upperBound - entityHi[e] <= 4 {
                if entitySubjectKind[e] { best = e }
            }
        }
        return best < 0 ? nil : best
    }

    /// Follows `refersTo` to the first mention; its id and canonical name.
    /// `resolve` of `entitiesSorted[i]`, memoised: it depends on the entity only.
    func resolve(index i: Int) -> ClaimSubject {
        let at = Int(byID.resolvedAt[i])
        if at >= 0 { return byID.resolved[at] }
        let r = resolveChain(i)
        byID.resolvedAt[i] = Int32(byID.resolved.count)
        byID.resolved.append(r)
        return r
    }

    /// Follows `refersTo` from `entitiesSorted[i]`: the fields of each entity on the chain are read in
    /// place (a copy of each entity retained and released all its strings).
    private func resolveChain(_ i: Int) -> ClaimSubject {
        let es = entitiesSorted
        guard let firstRef = es[i].refersTo else {
            // No chain to follow: skip the visited set.
            var text = es[i].normalized ?? s.text(es[i].range)
            if let long = acronymLong[text] { text = long }
            return ClaimSubject(id: es[i].id, text: text)
        }
        let eid = es[i].id
        // Visited ids besides `eid` (compared first), as the indices they resolve to — the index is a
        // function of the id's `String` equality class, so equal indices mean equal ids — marked with
        // this call's stamp: no set of strings per call.
        let ents = document.entities
        if byID.ids == nil {
            byID.ids = EntityIDTable(ents)
            byID.visited = Array(repeating: 0, count: ents.count)
        }
        byID.stamp += 1
        let stamp = byID.stamp
        let ids = byID.ids!
        // The chain's current entity: -1 for `es[i]` itself, else its index in `ents`.
        var cur = -1
        var ref: String? = firstRef
        while let r = ref, let next = ids.index(of: r, in: ents), r != eid, byID.visited[next] != stamp {
            byID.visited[next] = stamp
            cur = next
            ref = ents[next].refersTo
        }
        let curNormalized = cur < 0 ? es[i].normalized : ents[cur].normalized
        var text = curNormalized ?? es[i].normalized ?? s.text(cur < 0 ? es[i].range : ents[cur].range)
        if let long = acronymLong[text] { text = long }
        return ClaimSubject(id: cur < 0 ? eid : ents[cur].id, text: text)
    }

    /// The grammatical subject of the sentence's main clause: past a fronted phrase (`With …,`, `In 2010,`,
    /// `Founded by …,`) the first name followed by a verb. Memoised; a pronoun subject takes the previous
    /// sentence's, resolved without recursion (a long run of `It …` sentences must not exhaust the stack).
    func mainSubject(_ si: Int) -> (subject: ClaimSubject, start: Int, confident: Bool)? {
        if memo.known(si) { return memo.value(si) }
        var pending: [(Int, Int)] = []
        var x = si
        while true {
            switch mainSubjectRaw(x) {
            case .found(let subj, let start):
                memo.set(x, (subj, start, true))
            case .none:
                memo.set(x, nil)
            case .previous(let start):
                if !memo.known(x - 1) { pending.append((x, start)); x -= 1; continue }
                memo.set(x, memo.value(x - 1).map { ($0.subject, start, true) })
            }
            break
        }
        for (y, start) in pending.reversed() { memo.set(y, memo.value(y - 1).map { ($0.subject, start, true) }) }
        return memo.value(si)
    }

    enum RawSubject {
        case found(ClaimSubject, Int)
        case none
        /// A pronoun followed by a verb, starting at the token: the previous sentence's subject.
        case previous(Int)
    }

    private func mainSubjectRaw(_ si: Int) -> RawSubject {
        let sent = s.sentences[si]
        var k = sent.lowerBound
        let end = min(sent.upperBound, sent.lowerBound + 60)
        while k < end {
            let tok = t[k]
            if tok.kind == .word {
                // A candidate: pronoun, entity, or proper name starting here, followed by a verb.
                if k == sent.lowerBound || s.eq(k - 1, ",") || s.eq(k - 1, "the") || isFrontEnd(k, sent) {
                    var start = k
                    if s.eq(k, "the") { k += 1; continue }
                    var e = k
                    if tok.has(WordClass.pronoun) && !s.eq(k, "its") && !s.eq(k, "their") {
                        if isVerbAt(e + 1, sent), si > 0 { return .previous(start) }
                        return .none
                    }
                    if let ei = entityIndexCovering(tok.start..<tok.end), entityLo[ei] >= tok.start {
                        let entEnd = entityHi[ei]
                        while e + 1 < sent.upperBound, t[e + 1].end <= entEnd { e += 1 }
                        if e + 3 < sent.upperBound, s.eq(e + 1, "("), s.eq(e + 3, ")") { e += 3 }
                        if isVerbAt(appositiveEnd(e + 1, sent), sent) { return .found(resolve(index: ei), start) }
                    } else if tok.capitalized || tok.acronym {
                        while e + 1 < sent.upperBound {
                            let n = t[e + 1]
                            if n.kind == .word && (n.capitalized || n.acronym) && !s.isPossessive(e) { e += 1; continue }
                            if n.kind == .word, s.eq(e + 1, "of") || s.eq(e + 1, "for") || s.eq(e + 1, "on") || s.eq(e + 1, "de"), e + 2 < sent.upperBound, t[e + 2].capitalized { e += 2; continue }
                            break
                        }
                        if e + 3 < sent.upperBound, s.eq(e + 1, "("), s.eq(e + 3, ")") { e += 3 }
                        if isVerbAt(appositiveEnd(e + 1, sent), sent), !s.isPossessive(e) {
                            if start > sent.lowerBound, s.eq(start - 1, "the") { start -= 1 }
                            if let np = properNameEnding(at: e, si) { return .found(name(np), start) }
                        }
                    }
                }
            }
            // Stop at the first verb: the main subject comes before it.
            if k > sent.lowerBound + 1, isFiniteVerb(k), !(k == sent.lowerBound) { break }
            k += 1
        }
        return .none
    }

    /// The token after a comma-bounded appositive opening at token k (`The Lake Council, a partner since 1995, has
    /// …`, `X, one of the oldest bodies, has …`, `X, founded in 1990, has …`): a noun phrase opening with `a`, `an`,
    /// `the` or `one of`, or a participle phrase, up to the next comma, without a finite verb. k itself otherwise.
    private func appositiveEnd(_ k: Int, _ sent: Range<Int>) -> Int {
        guard k + 2 < sent.upperBound, s.eq(k, ","), t[k + 1].kind == .word, !t[k + 1].capitalized else { return k }
        let a = k + 1
        let opens = s.eq(a, "a") || s.eq(a, "an") || s.eq(a, "the") || (s.eq(a, "one") && s.eq(a + 1, "of"))
            || ((s.hasSuffix(a, "ed") || s.hasSuffix(a, "ing")) && !t[a].has(WordClass.finiteVerb | WordClass.phraseStop))
        guard opens else { return k }
        // Short phrases only; the closing comma must come before any finite verb (`X, a body that has …`).
        var c = a + 1
        while c < sent.upperBound, c <= a + 10 {
            if s.eq(c, ",") { return c + 1 < sent.upperBound ? c + 1 : k }
            if t[c].kind == .word, isFiniteVerb(c) { return k }
            c += 1
        }
        return k
    }

    private func isFrontEnd(_ k: Int, _ sent: Range<Int>) -> Bool {
        // `In 2022 the Bank …`, `Today IOM has …`
        guard k > sent.lowerBound else { return true }
        let p = t[k - 1]
        return p.kind == .number || p.has(WordClass.presentWord)
    }

    private func isFiniteVerb(_ k: Int) -> Bool {
        return t[k].has(WordClass.finiteVerb)
    }

    private func isVerbAt(_ k0: Int, _ sent: Range<Int>) -> Bool {
        var k = k0
        while k < sent.upperBound, t[k].kind == .word, t[k].has(WordClass.adverb) { k += 1 }
        guard k < sent.upperBound, t[k].kind == .word, !t[k].capitalized else { return false }
        if t[k].has(WordClass.finiteVerb | WordClass.countVerb | WordClass.modal | WordClass.irregularPast) { return true }
        if t[k].has(WordClass.phraseStop) { return false }
        return s.hasSuffix(k, "s") || s.hasSuffix(k, "ed")
    }

    private func sentenceStartsWith(_ si: Int, _ w: StaticString) -> Bool {
        s.eq(s.sentences[si].lowerBound, w)
    }

    // MARK: - time frames

    /// `candidates`: `QuantityAnalysis.timeCandidates` of the same scan.
    private mutating func buildTimes(_ candidates: [Int]) {
        // Read in place: `for d in` copied every expression (retaining its strings) to test its kind.
        let dates = document.dates
        times.reserveCapacity(dates.count)
        for i in dates.indices where dates[i].kind == .date {
            times.append((dates[i].range, dates[i].value))
        }
        // Own years in date context, when the dates layer did not cover them.
        // Byte offsets covered by a date: merged sorted ranges, walked forwards with the tokens.
        // Usually in order already: then no sort (a stable sort of ranges in order leaves them as they are).
        var dateRanges: [Range<Int>] = []
        dateRanges.reserveCapacity(dates.count)
        var datesInOrder = true
        for i in dates.indices where !dates[i].range.isEmpty {
            let r = dates[i].range
            if let l = dateRanges.last, r.lowerBound < l.lowerBound { datesInOrder = false }
            dateRanges.append(r)
        }
        if !datesInOrder { dateRanges.sort { $0.lowerBound < $1.lowerBound } }
        var covered: [Range<Int>] = []
        for r in dateRanges {
            if let last = covered.last, r.lowerBound <= last.upperBound {
                covered[covered.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else { covered.append(r) }
        }
        var ci = 0
        let t = s.tokens
        // One pass over the tokens for years, present-time words and founding verbs (the last only
        // collected: their dates are looked up once `times` is sorted).
        var foundingVerbs: [Int] = []
        // Most tokens are neither a four-byte number nor a present / founding word: the quantity
        // extractor's walk over the tokens picked out the others.
        for k in candidates {
            let tok = t[k]
            if tok.kind == .number {
                // Covered first (most years are inside a date): the walk depends only on the token's start,
                // which grows, so testing it before the value changes no answer and skips most values.
                guard tok.end - tok.start == 4 else { continue }
                while ci < covered.count && covered[ci].upperBound <= tok.start { ci += 1 }
                if ci < covered.count && covered[ci].lowerBound <= tok.start { continue }
                guard let v = s.fourDigitValue(k), v >= 1000, v <= 2100 else { continue }
                if k + 1 < t.count, !t[k + 1].spaceBefore, t[k + 1].kind == .word {
                    if s.eq(k + 1, "s"), v % 10 == 0 { times.append((tok.start..<t[k + 1].end, String(v / 10))) }   // 1950s → 195
                    continue
                }
                if k > 0, t[k - 1].kind == .word, t[k - 1].has(WordClass.yearContext | WordClass.month) {
                    times.append((tok.start..<tok.end, String(v)))
                }
            } else if tok.kind == .word && tok.has(WordClass.presentWord | WordClass.foundingVerb) {
                if tok.has(WordClass.foundingVerb) { foundingVerbs.append(k) }
                guard tok.has(WordClass.presentWord) else { continue }
                if s.eq(k, "now") && k + 1 < t.count && s.eq(k + 1, "that") { continue }
                times.append((tok.start..<tok.end, "PRESENT_REF"))
            }
        }
        // Years and present words are appended in token order rather than years first: their starts
        // differ, and the (stable) sort by start gives the same order.
        times.sort { $0.range.lowerBound < $1.range.lowerBound }
        // Founding date: a date within a few words after a founding verb.
        for k in foundingVerbs {
            let tok = t[k]
            let limit = min(t.count, k + 8)
            let limitByte = limit < t.count ? t[limit].start : Int.max
            var a = 0, z = times.count
            while a < z { let m = (a + z) / 2; if times[m].range.lowerBound < tok.end { a = m + 1 } else { z = m } }
            var found: String? = nil
            while a < times.count, times[a].range.lowerBound < limitByte {
                if times[a].value != "PRESENT_REF" { found = times[a].value; break }
                a += 1
            }
            if let d = found {
                foundingDate = d
                break
            }
        }
    }

    /// The clause around a quantity: sentence bounded by `;`.
    private func clauseTokens(_ si: Int, _ q: QuantityMatch) -> Range<Int> {
        let sent = s.sentences[si]
        var a = q.tokens.lowerBound, b = q.tokens.upperBound
        while a > sent.lowerBound, !s.eq(a - 1, ";") { a -= 1 }
        while b < sent.upperBound, !s.eq(b, ";") { b += 1 }
        return a..<b
    }

    /// `c`: `clauseTokens(si, q)`.
    private func segmentTokens(_ si: Int, _ q: QuantityMatch, clause c: Range<Int>) -> Range<Int> {
        var a = q.tokens.lowerBound, b = q.tokens.upperBound
        while a > c.lowerBound, !s.eq(a - 1, ","), !(s.eq(a - 1, "and") && isVerbAt(a, c)) { a -= 1 }
        while b < c.upperBound, !s.eq(b, ","), !(s.eq(b, "and") && isVerbAt(b + 1, c)) { b += 1 }
        return a..<b
    }

    /// The bytes of clause tokens `c` (`clauseTokens`).
    func clauseRange(_ c: Range<Int>) -> Range<Int> { t[c.lowerBound].start..<t[c.upperBound - 1].end }

    func clauseRange(_ si: Int, _ q: QuantityMatch) -> Range<Int> {
        let c = clauseTokens(si, q)
        return t[c.lowerBound].start..<t[c.upperBound - 1].end
    }

    private func timeFor(_ si: Int, _ q: QuantityMatch, inherited: String?) -> String? {
        timeFor(si, q, inherited: inherited, clause: clauseTokens(si, q))
    }

    /// `clause`: `clauseTokens(si, q)` (or its second clause). `addition`: the claim adds to a count (`Since 1995,
    /// 40 states have joined X`): its time is the date of its phrase, where a count `since` a date stated in the
    /// present (`Since 2001 the Council has had 12 staff`) holds now and is a present count.
    private func timeFor(_ si: Int, _ q: QuantityMatch, inherited: String?, clause: Range<Int>, addition: Bool = false) -> String? {
        let seg = segmentTokens(si, q, clause: clause)
        // The segment, then the clause (a loop over two spans, without an array of them per call).
        for pass in 0..<2 {
            let span = pass == 0 ? seg : clause
            let lo = t[span.lowerBound].start, hi = t[span.upperBound - 1].end
            // Dates before this offset are the founding date of a fronted participle, not the count's time.
            let skipBefore = pass == 1 ? frontedFoundingEnd(clause, seg) : lo
            var best: (Int, String, Int)? = nil
            var a = 0, z = times.count
            while a < z { let m = (a + z) / 2; if times[m].range.lowerBound < lo { a = m + 1 } else { z = m } }
            // `Between 1989 and 1991 the number … grew from 6 to 18`: the number after `from` goes with the
            // earlier of two dates before it, the number after `to` with the nearer (the later).
            if q.leftEdge > 0, s.eq(q.leftEdge - 1, "from") {
                let before = times[a...].prefix(while: { $0.range.upperBound <= q.range.lowerBound && $0.range.lowerBound < hi })
                    .filter { $0.range.lowerBound >= skipBefore && $0.value != "PRESENT_REF" }
                if before.count >= 2 { return before[before.count - 2].value }
            }
            for x in times[a...].prefix(while: { $0.range.lowerBound < hi }) where x.range.upperBound <= hi {
                if x.range.overlaps(q.range) || x.range.upperBound <= skipBefore { continue }
                let dist = x.range.lowerBound >= q.range.upperBound ? x.range.lowerBound - q.range.upperBound : q.range.lowerBound - x.range.upperBound
                if best == nil || dist < best!.0 { best = (dist, x.value, x.range.lowerBound) }
            }
            if let b = best {
                if !addition, b.1 != "PRESENT_REF", (tenseOfSegment(seg) ?? tenseOfSegment(clause)) == "PRESENT_REF", isSince(b.2) { return "PRESENT_REF" }
                return b.1
            }
            // `at its founding`
            var founding = false, when = false, founded = false
            for x in span { if s.eq(x, "founding") { founding = true } else if s.eq(x, "when") { when = true } else if s.eq(x, "founded") { founded = true } }
            if founding || (when && founded) { return foundingDate ?? "PAST_REF" }
            if span == seg, let i = inherited { return i }
        }
        return tense(clause, around: q)
    }

    /// `Established in 1967, the Agency is a body with 49 member states`: a clause that opens with a founding
    /// participle (`Established`, `Founded`, … up to the first comma) dates the founding; a count stated in the
    /// present tense after it is a present count. Returns the text offset where that phrase ends when the
    /// count's own segment `seg` (after the phrase) is in the present tense, else the clause start.
    private func frontedFoundingEnd(_ clause: Range<Int>, _ seg: Range<Int>) -> Int {
        let none = t[clause.lowerBound].start
        let first = clause.lowerBound
        guard t[first].kind == .word, t[first].capitalized, t[first].has(WordClass.foundingVerb), s.hasSuffix(first, "ed") else { return none }
        var comma = first + 1
        while comma < seg.lowerBound, !s.eq(comma, ",") { comma += 1 }
        guard comma < seg.lowerBound, tenseOfSegment(seg) == "PRESENT_REF" else { return none }
        return t[comma].start
    }

    /// Whether the time expression starting at byte `start` is introduced by `since` (`since 1995`, `since early
    /// 2001`, `since the end of 2001`, or an expression that holds the word).
    private func isSince(_ start: Int) -> Bool {
        var k = s.tokenIndex(atOrAfter: start)
        guard k < t.count else { return false }
        if s.eq(k, "since") { return true }
        k -= 1
        var n = 0
        while k >= 0, n < 4, t[k].kind == .word, !s.eq(k, "since"), t[k].has(WordClass.month) || isTimeFiller(k) { k -= 1; n += 1 }
        return k >= 0 && s.eq(k, "since")
    }

    /// Token k is one of `ClaimTables.timeFillers` (`early`, `the`, `end`, `of`, …).
    private func isTimeFiller(_ k: Int) -> Bool {
        for w in ClaimTables.timeFillers where s.eq(k, w) { return true }
        return false
    }

    /// The first tense marker of `seg`, read from its start.
    private func tenseOfSegment(_ seg: Range<Int>) -> String? {
        for k in seg where t[k].kind == .word {
            if t[k].has(WordClass.pastAux) { return "PAST_REF" }
            if t[k].has(WordClass.presentAux | WordClass.presentVerb) { return "PRESENT_REF" }
        }
        return nil
    }

    private func tense(_ clause: Range<Int>, around q: QuantityMatch) -> String? {
        // Word-class bits stand for the verb tables (same words), so no text is built per token.
        func classify(_ k: Int) -> String? {
            guard t[k].kind == .word else { return nil }
            let tk = t[k]
            if tk.has(WordClass.pastAux) { return "PAST_REF" }
            if tk.has(WordClass.presentAux | WordClass.presentVerb) { return "PRESENT_REF" }
            if s.hasSuffix(k, "s"), !tk.capitalized, k > 0, t[k - 1].kind == .word, t[k - 1].capitalized || t[k - 1].acronym,
               !tk.has(WordClass.phraseStop), !s.isPossessive(k - 1) { return "PRESENT_REF" }
            if s.hasSuffix(k, "ed"), !tk.capitalized, k > 0, !(s.eq(k - 1, "the") || s.eq(k - 1, "a") || s.eq(k - 1, "an")), s.charCount(k) > 4,
               tk.has(WordClass.foundingVerb | WordClass.joiningVerb | WordClass.countVerb) {
                // `has established three committees`: the present perfect states what is so now.
                return s.eq(k - 1, "has") || s.eq(k - 1, "have") ? "PRESENT_REF" : "PAST_REF"
            }
            return nil
        }
        var k = q.tokens.lowerBound - 1
        while k >= clause.lowerBound { if let c = classify(k) { return c }; k -= 1 }
        // `400 staff work at X`: an affiliation verb right after the count noun (past adverbs: `still work`),
        // before its preposition.
        k = q.tokens.upperBound
        var v = k
        while v < clause.upperBound, t[v].kind == .word, t[v].has(WordClass.adverb) { v += 1 }
        if !q.unitTokens.isEmpty, v + 1 < clause.upperBound, t[v].kind == .word, t[v + 1].kind == .word,
           let tense = ClaimTables.affiliationTense[s.lower(v)], ClaimTables.affiliationPrepositions.contains(s.lower(v + 1)) {
            return tense
        }
        while k < clause.upperBound { if let c = classify(k) { return c }; k += 1 }
        return nil
    }

    // MARK: - totals, enumerations, additions

    /// `intro` is the single word `w`.
    static func isOnly(_ intro: [StaticString], _ w: StaticString) -> Bool {
        intro.count == 1 && intro[0].description == w.description
    }

    private func hasJoiningVerb(_ sent: Range<Int>) -> Bool {
        sent.contains { t[$0].has(WordClass.joiningVerb) }
    }

    /// `N Ys: A, B and C` (enumeration), `N Ys: 54 …, 7 … and 27 …` / `N Ys comprise …` (total), `the
    /// following N Ys:` + list items. Returns the number of claims added, or nil when not such a quantity.
    private mutating func totalOrEnumeration(_ si: Int, _ qi: Int, _ qk: ArraySlice<Int>) -> Int? {
        let sent = s.sentences[si]
        // The match is copied out only once an introducer is found (most quantities have none).
        var j = quantities[qi].tokens.upperBound
        // Find the part introducer right after the counted noun (allow `of migration management`, short).
        var introducer: [StaticString]? = nil
        var scan = j, steps = 0
        while scan < sent.upperBound, steps < 6, introducer == nil {
            // Only a token that starts some introducer can start a match.
            if t[scan].has(WordClass.partIntroFirst) {
                for intro in ClaimTables.partIntroducers {
                    if scan + intro.count <= sent.upperBound, (0..<intro.count).allSatisfy({ s.eq(scan + $0, intro[$0]) }) {
                        if Self.isOnly(intro, ":") || steps == 0 { introducer = intro; j = scan + intro.count }
                        break
                    }
                }
            }
            if introducer != nil { break }
            if t[scan].kind != .word { break }
            scan += 1; steps += 1
        }
        guard let intro = introducer else { return nil }
        let q = quantities[qi]
        let subjectInfo = subjectFor(si, qi, q, lastClaim: nil)
        let subject = subjectInfo?.0
        var measure = q.unit.isEmpty ? (subjectInfo?.1 ?? "") : q.unit
        let time = timeFor(si, q, inherited: nil)
        // Parts that are quantities.
        let later = qk.filter { quantities[$0].tokens.lowerBound >= j }
        var parts: [Int] = []
        var expect = j
        for p in later {
            let pq = quantities[p]
            if pq.tokens.lowerBound > expect + 8 { break }
            if pq.leftEdge > 0, ["making", "totalling", "totaling", "bringing", "to", "total"].contains(s.lower(pq.leftEdge - 1)) { break }
            // Between parts only separators and the previous part's trailing words.
            parts.append(p)
            expect = pq.tokens.upperBound
            var x = expect
            while x < sent.upperBound, t[x].kind == .word, !["and"].contains(s.lower(x)), x - expect < 8 { x += 1 }
            expect = x
        }
        if parts.count >= 2, !Self.isOnly(intro, "are") {
            let claimRange = t[q.tokens.lowerBound].start..<t[quantities[parts.last!].tokens.upperBound - 1].end
            if measure.isEmpty { measure = quantities[parts[0]].unit }
            out.append(Claim(kind: .total, subject: subject?.id, subjectText: subject?.text ?? "", measure: measure, value: q.value,
                             comparator: q.comparator, time: time, quantity: q.index, range: claimRange,
                             items: parts.map { quantities[$0].range }))
            for p in parts {
                let pq = quantities[p]
                usedAsPart.insert(p)
                out.append(Claim(kind: .count, subject: subject?.id, subjectText: subject?.text ?? "", measure: pq.unit.isEmpty ? measure : pq.unit,
                                 value: pq.value, comparator: pq.comparator, time: time, quantity: pq.index, range: pq.range))
            }
            // `making 41 in all` restates the total with the same parts.
            if let last = parts.last, let mk = qk.first(where: { quantities[$0].tokens.lowerBound > quantities[last].tokens.upperBound }),
               quantities[mk].tokens.lowerBound >= 1, ["making", "totalling", "totaling", "totals"].contains(s.lower(quantities[mk].leftEdge - 1)) {
                usedAsPart.insert(mk)
                let mq = quantities[mk]
                out.append(Claim(kind: .total, subject: subject?.id, subjectText: subject?.text ?? "", measure: measure, value: mq.value,
                                 comparator: mq.comparator, time: time, quantity: mq.index, range: mq.range, items: parts.map { quantities[$0].range }))
            }
            return parts.count + 1
        }
        guard Self.isOnly(intro, ":") else { return nil }
        guard q.unit.isEmpty == false || s.eq(q.leftEdge > 0 ? q.leftEdge - 1 : 0, "following") else { return nil }
        // Items: an inline list after the colon, or the blocks that follow.
        var items: [Range<Int>] = []
        if j < sent.upperBound || (j < t.count && s.sentenceOf[j] == si) {
            items = inlineItems(from: j, si)
        }
        if items.isEmpty {
            items = followingBlockItems(after: t[j - 1].end)
        }
        guard items.count >= 1 else { return nil }
        if measure.isEmpty { measure = "items" }
        let range = t[sent.lowerBound].start..<t[j - 1].end
        out.append(Claim(kind: .enumeration, subject: subject?.id, subjectText: subject?.text ?? "", measure: measure, value: q.value,
                         comparator: q.comparator, time: time, quantity: q.index, range: range, items: items))
        enumerated.insert(qi)
        // The announced count is also a count of the subject (`today has 9 members: …`).
        if let subj = subject, subjectInfo?.2 == .verb || subjectInfo?.2 == .possessive || subjectInfo?.2 == .founding {
            out.append(Claim(kind: .count, subject: subj.id, subjectText: subj.text, measure: measure, value: q.value,
                             comparator: q.comparator, time: time, quantity: q.index, range: clauseRange(si, q)))
        }
        return 1
    }

    /// Items after `:` in the same block: `;`-separated if any `;`, else a name / phrase list split at commas and `and`.
    private func inlineItems(from j: Int, _ si: Int) -> [Range<Int>] {
        var end = j
        while end < t.count, s.sentenceOf[end] == si || (s.sentenceOf[end] == -1 && end == j) { end += 1 }
        while end > j, [".", "…"].contains(s.lower(end - 1)) { end -= 1 }
        guard end > j else { return [] }
        if (j..<end).contains(where: { s.eq($0, ";") }) {
            return splitTokens(j..<end, at: [";"])
        }
        if let names = nameList(from: j, limit: end), names.end >= end - 1 { return names.items }
        return splitTokens(j..<end, at: [",", "and"])
    }

    private func splitTokens(_ r: Range<Int>, at seps: Set<String>) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var a = r.lowerBound
        for k in r where seps.contains(s.lower(k)) {
            if k > a { items.append(t[a].start..<t[k - 1].end) }
            a = k + 1
        }
        if a < r.upperBound { items.append(t[a].start..<t[r.upperBound - 1].end) }
        return items
    }

    /// List-item blocks after an offset; or short paragraphs without a sentence inside (plain-text lists).
    private func followingBlockItems(after offset: Int) -> [Range<Int>] {
        var items: [Range<Int>] = []
        guard let first = s.firstBlock(startingAtOrAfter: offset) else { return [] }
        var b = first
        while b < s.blocks.count {
            let blk = s.blocks[b]
            if blk.kind == .heading { break }
            // Counted in place (byte tests: the stops are ASCII, see `ScanText.eq`).
            var words = 0, internalStop = false
            for k in blk.tokens {
                if t[k].kind == .word { words += 1 }
                if k < blk.tokens.upperBound - 1, s.eq(k, ".") || s.eq(k, "!") || s.eq(k, "?") || s.eq(k, ":") { internalStop = true }
            }
            if blk.kind != .listItem, let last = items.last {
                // A plain-text list is a run of lines: a blank line ends it.
                var newlines = 0
                for x in last.upperBound..<blk.range.lowerBound where s.bytes[x] == 0x0A { newlines += 1 }
                if newlines >= 2 { break }
            }
            // A different bullet (`•` after plain lines, `-` after `•`) starts another list.
            if b > first, marker(blk.range.lowerBound) != marker(s.blocks[first].range.lowerBound) { break }
            if blk.kind == .listItem || (words <= 12 && !internalStop && words > 0) {
                items.append(trimmedItem(blk.range))
                b += 1
            } else { break }
        }
        return items
    }

    /// The list marker that opens the line holding offset `o` (`ListMarker`, as the segmenter reads it, before
    /// a space): 0 for none, 1 for a number or letter (`1.`, `a)`), else the bullet's bytes.
    private func marker(_ o: Int) -> UInt32 {
        s.bytes.withUnsafeBufferPointer { p in
            var a = o
            while a > 0, p[a - 1] != 0x0A { a -= 1 }
            while a < p.count, p[a] == 0x20 || p[a] == 0x09 { a += 1 }
            let (m, numbered) = ListMarker.symbol(p, a, p.count)
            guard m > 0, a + m < p.count, p[a + m] == 0x20 || p[a + m] == 0x09 || p[a + m] == 0xC2 else { return 0 }
            if numbered { return 1 }
            var key: UInt32 = 0
            for k in a..<(a + m) { key = key << 8 | UInt32(p[k]) }
            return key
        }
    }

    /// An item without the list's closing `.` / `;` / `,` (`…enterprises.` is the item `…enterprises`).
    private func trimmedItem(_ r: Range<Int>) -> Range<Int> {
        var e = r.upperBound
        while e > r.lowerBound, s.bytes[e - 1] <= 0x20 { e -= 1 }   // trailing spaces and line breaks
        guard e - 1 > r.lowerBound else { return r.lowerBound..<e }
        let last = s.bytes[e - 1]
        if last == 0x3B || last == 0x2C { return r.lowerBound..<(e - 1) }
        guard last == 0x2E else { return r.lowerBound..<e }
        // `etc.`, initials (`J.`) and short capitalised abbreviations (`Ltd.`, `Inc.`) keep their point.
        var w = e - 1
        while w > r.lowerBound, (s.bytes[w - 1] | 0x20) &- 0x61 < 26 { w -= 1 }
        let word = s.bytes[w..<(e - 1)]
        let abbreviation = word.count <= 1 || word.elementsEqual("etc".utf8) || (word.count <= 3 && word.first! &- 0x41 < 26)
        if !abbreviation { e -= 1 }
        return r.lowerBound..<e
    }

    /// `The first … The second … The third …` sentences after a sentence announcing a count.
    private mutating func ordinalEnumeration(_ si: Int, _ qk: ArraySlice<Int>) {
        guard let qi = qk.first(where: { quantities[$0].kind == .count && !usedAsPart.contains($0) }) else { return }
        let q = quantities[qi]
        guard q.value >= 2, q.value <= 20, !enumerated.contains(qi) else { return }
        var items: [Range<Int>] = []
        var next = si + 1
        var expected = 1
        while next < s.sentences.count {
            let ns = s.sentences[next]
            var k = ns.lowerBound
            if s.eq(k, "the"), k + 1 < ns.upperBound { k += 1 }
            // Most sentences open with no ordinal: the word-class bit says so without a `String` (a word
            // whose bytes decide `String` equality, `ScanToken.simple`, is a key only if its bit is set).
            guard !t[k].simple || t[k].has(WordClass.ordinal) else { break }
            guard let o = ClaimTables.ordinals[s.lower(k)], o == expected || (o == 0 && expected > 1) else { break }
            items.append(t[ns.lowerBound].start..<t[ns.upperBound - 1].end)
            expected += 1
            next += 1
            if o == 0 { break }
        }
        guard items.count >= 2 else { return }
        let subj = subjectFor(si, qi, q, lastClaim: nil)?.0
        let sent = s.sentences[si]
        out.append(Claim(kind: .enumeration, subject: subj?.id, subjectText: subj?.text ?? "", measure: q.unit, value: q.value,
                         comparator: q.comparator, time: nil, quantity: q.index, range: t[sent.lowerBound].start..<t[sent.upperBound - 1].end, items: items))
    }

    /// Names after a count: `a further four members – A, B, C and D`.
    private func namesAfter(_ j: Int, _ sent: Range<Int>) -> [Range<Int>]? {
        guard j < sent.upperBound, ["–", "—", ":", ","].contains(s.lower(j)) else { return nil }
        guard let nl = nameList(from: j + 1, limit: sent.upperBound), nl.items.count >= 1 else { return nil }
        return nl.items
    }

    /// A list of proper names from token a: `IOM, the International Labour Organization (ILO) … and the World Bank`.
    func nameList(from a: Int, limit: Int) -> (items: [Range<Int>], end: Int)? {
        // First pass: name chunks and separators.
        var chunks: [(range: Range<Int>, sepBefore: String, startsWithThe: Bool, endsWithParen: Bool)] = []
        var k = a
        var sep = ""
        while k < limit {
            var start = k
            var the = false
            if s.eq(k, "the"), k + 1 < limit, t[k + 1].capitalized || t[k + 1].acronym { the = true; k += 1 }
            guard k < limit, t[k].kind == .word, t[k].capitalized || t[k].acronym else { break }
            if !the { start = k }
            var e = k
            var paren = false
            while e + 1 < limit {
                let n = t[e + 1]
                if n.kind == .word && (n.capitalized || n.acronym) { e += 1; continue }
                if n.kind == .word, s.eq(e + 1, "of") || s.eq(e + 1, "for") || s.eq(e + 1, "on") || s.eq(e + 1, "de") || s.eq(e + 1, "du") || s.eq(e + 1, "in") || s.eq(e + 1, "to"), e + 2 < limit, t[e + 2].capitalized || s.eq(e + 2, "the") {
                    e += 1; if s.eq(e + 1, "the") { e += 1 }; continue
                }
                if s.eq(e + 1, "(") {
                    var c = e + 2
                    while c < limit, c - e < 14, !s.eq(c, ")") { c += 1 }
                    if c < limit, s.eq(c, ")") { e = c; paren = true; continue }
                }
                break
            }
            chunks.append((start..<(e + 1), sep, the, paren))
            k = e + 1
            if k < limit, s.eq(k, ","), k + 1 < limit, s.eq(k + 1, "and") { sep = ", and"; k += 2 }
            else if k < limit, s.eq(k, ",") { sep = ","; k += 1 }
            else if k < limit, s.eq(k, "and") { sep = "and"; k += 1 }
            else { k = e + 1; sep = ""; break }
        }
        guard !chunks.isEmpty else { return nil }
        // Merge chunks split inside a name when the list marks its items with `the` or `(ACR)`.
        let theStyle = chunks.filter(\.startsWithThe).count >= 2
        let parenStyle = chunks.filter(\.endsWithParen).count >= 2
        var items: [Range<Int>] = []
        var prevParen = false
        for c in chunks {
            if items.isEmpty || !(theStyle || parenStyle) || c.startsWithThe || prevParen {
                items.append(c.range)
            } else {
                items[items.count - 1] = items[items.count - 1].lowerBound..<c.range.upperBound
            }
            prevParen = c.endsWithParen
        }
        let end = chunks.last!.range.upperBound
        return (items.map { t[$0.lowerBound].start..<t[$0.upperBound - 1].end }, end)
    }

    /// `bringing the total (GMG) membership to 16 (agencies)`, `a total of N`: a total claim whose
    /// items are the earlier claims of the membership history (founding + additions), when a founding is found.
    private mutating func totalTo(_ si: Int, _ qi: Int) -> Bool {
        let sent = s.sentences[si]
        // Tested before the match is copied out: most quantities follow no `to`.
        let L = quantities[qi].leftEdge - 1
        guard L >= sent.lowerBound, s.eq(L, "to") else { return false }
        let q = quantities[qi]
        var k = L - 1
        var hasTotal = false
        var subjectTok: Int? = nil
        var measure = q.unit
        // Byte tests on the lower-cased text (`ScanText.eq`): no `String` per word looked at.
        while k >= sent.lowerBound, L - k < 8 {
            if s.eq(k, "total") { hasTotal = true }
            if s.eq(k, "membership"), measure.isEmpty { measure = "members" }
            if t[k].acronym || (t[k].capitalized && k > sent.lowerBound) { subjectTok = k }
            if s.eq(k, "bringing") || s.eq(k, "brings") || s.eq(k, "brought") || s.eq(k, "bring") || s.eq(k, "raising") || s.eq(k, "raised") { break }
            k -= 1
        }
        guard hasTotal, k >= sent.lowerBound, L - k < 8 else { return false }
        if measure.isEmpty { measure = "members" }
        let main = subjectTok == nil ? mainSubject(si) : nil
        var subject = subjectTok.flatMap { subjectAt($0, si) } ?? main?.subject
        let time = timeFor(si, q, inherited: nil)
        let history = membershipHistory(upTo: si, totalStart: t[k].start)
        // `Monaco joined in 1980, Slovenia in 1995, bringing the total membership to 9`: the sentence's subject
        // is a member that joined, not the body whose membership grows (the founding's subject, or none).
        if let m = main, case let at = t[m.start].start,
           history.contains(where: { h in h.range.contains(at) || h.items.contains { $0.contains(at) } }) {
            subject = history.first?.subject
        }
        if subject == nil, let h = history.first { subject = h.subject }
        for h in history where !out.contains(where: { $0.range == h.range && $0.kind != .total }) {
            out.append(Claim(kind: h.kind, subject: subject?.id, subjectText: subject?.text ?? "", measure: "members", value: h.value,
                             comparator: .exactly, time: h.time, quantity: h.quantity, range: h.range, items: h.items))
        }
        let complete = history.first?.kind == .count
        out.append(Claim(kind: .total, subject: subject?.id, subjectText: subject?.text ?? "", measure: measure, value: q.value,
                         comparator: q.comparator, time: time, quantity: q.index, range: t[k].start..<q.range.upperBound,
                         items: complete ? history.map(\.range) : []))
        return true
    }

    struct HistoryEvent {
        var kind: Claim.Kind
        var value: Double
        var range: Range<Int>
        var items: [Range<Int>]
        var time: String?
        var quantity: Int?
        var subject: ClaimSubject?
    }

    /// Founding (`established … by the heads of A, B …`, `created in 1979 by 8 governments`) and
    /// additions (`expanded to include …`, `admitted a further four members – …`, `A and B were admitted`,
    /// `X joined in 1980, Y in 1995`, `were joined by A in 1983, by B in 1985, and by six territories in 2002`)
    /// from the founding sentence to the total, at most 15 sentences back.
    private mutating func membershipHistory(upTo si: Int, totalStart: Int) -> [HistoryEvent] {
        // `foundingEvent` and `additionEvents` read the token → quantity maps.
        buildQuantityMaps()
        var events: [HistoryEvent] = []
        var base: HistoryEvent? = nil
        var from = si
        // Find the founding sentence, backwards.
        var b = si
        while b >= 0, si - b <= 15 {
            if let ev = foundingEvent(b) { base = ev; from = b; break }
            b -= 1
        }
        guard let founding = base else { return [] }
        events.append(founding)
        for x in from...si {
            events += additionEvents(x, before: x == si ? totalStart : Int.max, skipFoundingIn: x == from)
        }
        return events
    }

    private func dateIn(_ r: Range<Int>) -> String? {
        if let v = times.first(where: { $0.range.lowerBound >= r.lowerBound && $0.range.upperBound <= r.upperBound && $0.value != "PRESENT_REF" })?.value { return v }
        // The sentence's own date (`In early 2006 membership … was expanded to include …`).
        let si = s.sentenceOf[s.tokenIndex(atOrAfter: r.lowerBound)]
        guard si >= 0 else { return nil }
        let sr = t[s.sentences[si].lowerBound].start..<t[s.sentences[si].upperBound - 1].end
        let inSentence = times.filter { $0.range.lowerBound >= sr.lowerBound && $0.range.upperBound <= sr.upperBound && $0.value != "PRESENT_REF" }
        return inSentence.count == 1 ? inSentence[0].value : inSentence.last(where: { $0.range.upperBound <= r.lowerBound })?.value
    }

    private func foundingEvent(_ si: Int) -> HistoryEvent? {
        let sent = s.sentences[si]
        for k in sent where t[k].has(WordClass.foundingVerb) {
            var j = k + 1
            var n = 0
            while j < sent.upperBound, n < 8, !s.eq(j, "by") { j += 1; n += 1 }
            guard j < sent.upperBound, s.eq(j, "by") else { continue }
            j += 1
            let clause = t[sent.lowerBound].start..<t[sent.upperBound - 1].end
            if let qk = countAtStart[j], case let q = quantities[qk] {
                return HistoryEvent(kind: .count, value: q.value, range: q.range, items: [], time: dateIn(clause), quantity: q.index, subject: mainSubject(si)?.subject)
            }
            if s.eq(j, "the"), j + 2 < sent.upperBound, ["heads", "representatives", "governments", "leaders"].contains(s.lower(j + 1)), s.eq(j + 2, "of") { j += 3 }
            if let nl = nameList(from: j, limit: sent.upperBound), nl.items.count >= 2 {
                let r = nl.items.first!.lowerBound..<nl.items.last!.upperBound
                return HistoryEvent(kind: .count, value: Double(nl.items.count), range: r, items: nl.items, time: dateIn(clause), quantity: nil, subject: nil)
            }
        }
        return nil
    }

    private func additionEvents(_ si: Int, before limitByte: Int, skipFoundingIn: Bool) -> [HistoryEvent] {
        let sent = s.sentences[si]
        var events: [HistoryEvent] = []
        var k = sent.lowerBound
        let clauseR = t[sent.lowerBound].start..<t[sent.upperBound - 1].end
        while k < sent.upperBound, t[k].start < limitByte {
            let w = s.lower(k)
            // `expanded to include A, B …`, `admitted A …`, `(were) joined by A in 1983, by B …`
            var listStart: Int? = nil
            if w == "include", k > 0, s.eq(k - 1, "to") { listStart = k + 1 }
            if w == "admitted", k + 1 < sent.upperBound, !s.eq(k + 1, "as") { listStart = k + 1 }
            if w == "joined", k + 1 < sent.upperBound, s.eq(k + 1, "by") { listStart = k + 2 }
            if let ls = listStart {
                var j = ls
                var first = true
                while j < sent.upperBound {
                    if let qk = firstQuantity(startingOrEdgedAt: j), case let q = quantities[qk], q.kind == .count {
                        var items: [Range<Int>] = []
                        var e = q.tokens.upperBound
                        if let nl = namesAfterList(e, sent) { items = nl.items; e = nl.end }
                        events.append(HistoryEvent(kind: .addition, value: q.value, range: q.range, items: items, time: dateIn(groupRange(j, e, sent)), quantity: q.index))
                        j = e
                    } else if let nl = nameList(from: j, limit: sent.upperBound) {
                        let r = nl.items.first!.lowerBound..<nl.items.last!.upperBound
                        events.append(HistoryEvent(kind: .addition, value: Double(nl.items.count), range: r, items: nl.items, time: dateIn(groupRange(j, nl.end, sent)), quantity: nil))
                        j = nl.end
                    } else { break }
                    first = false
                    // `in 1983, by Vanuatu in 1985, and by six territories in 2002`
                    while j < sent.upperBound, [",", "in", "and"].contains(s.lower(j)) || t[j].kind == .number || QuantityTables.months.contains(s.lower(j)) || ["early", "late", "mid"].contains(s.lower(j)) { j += 1 }
                    if j < sent.upperBound, s.eq(j, "by"), w == "joined" { j += 1; continue }
                    break
                }
                _ = first
                k = max(k + 1, j)
                continue
            }
            // `A and B were admitted (as members)`, `Monaco joined in 1980, Slovenia in 1995 and Andorra in 2004`
            if ((w == "were" || w == "was") && k + 1 < sent.upperBound && s.eq(k + 1, "admitted")) || (w == "joined" && (k + 1 >= sent.upperBound || !s.eq(k + 1, "by"))) {
                if let (items, _) = namesBefore(k, sent) {
                    let r = items.first!.lowerBound..<items.last!.upperBound
                    events.append(HistoryEvent(kind: .addition, value: Double(items.count), range: r, items: items, time: dateIn(t[k].start..<min(clauseR.upperBound, t[min(k + 4, sent.upperBound - 1)].end)), quantity: nil))
                    if w == "joined" {
                        // Gapped continuation: `, Slovenia in 1995 and Andorra in 2004`
                        var j = k + 1
                        while j < sent.upperBound {
                            while j < sent.upperBound, ["in", "early", "late", "mid"].contains(s.lower(j)) || t[j].kind == .number || QuantityTables.months.contains(s.lower(j)) { j += 1 }
                            guard j < sent.upperBound, [",", "and"].contains(s.lower(j)) else { break }
                            j += 1
                            if j < sent.upperBound, s.eq(j, "and") { j += 1 }
                            guard let nl = nameList(from: j, limit: sent.upperBound), nl.end < sent.upperBound, s.eq(nl.end, "in") else { break }
                            let r2 = nl.items.first!.lowerBound..<nl.items.last!.upperBound
                            events.append(HistoryEvent(kind: .addition, value: Double(nl.items.count), range: r2, items: nl.items, time: dateIn(t[nl.end].start..<t[min(nl.end + 2, sent.upperBound - 1)].end), quantity: nil))
                            j = nl.end
                        }
                        k = j
                        continue
                    }
                }
            }
            k += 1
        }
        return events
    }

    private func firstQuantity(startingOrEdgedAt j: Int) -> Int? {
        switch (quantityAtStart[j], quantityAtEdge[j]) {
        case let (a?, b?): return min(a, b)
        case let (a?, nil): return a
        case let (nil, b?): return b
        default: return nil
        }
    }

    private func groupRange(_ a: Int, _ e: Int, _ sent: Range<Int>) -> Range<Int> {
        var z = e
        var n = 0
        while z < sent.upperBound, n < 4, !s.eq(z, ",") { z += 1; n += 1 }
        return t[a].start..<t[max(a, min(z, sent.upperBound) - 1)].end
    }

    private func namesAfterList(_ j: Int, _ sent: Range<Int>) -> (items: [Range<Int>], end: Int)? {
        guard j < sent.upperBound, ["–", "—", ":"].contains(s.lower(j)) else { return nil }
        return nameList(from: j + 1, limit: sent.upperBound)
    }

    /// The name list ending right before token k, starting after a fronted `In 2010,` or at the sentence start.
    private func namesBefore(_ k: Int, _ sent: Range<Int>) -> ([Range<Int>], Int)? {
        var a = sent.lowerBound
        if let c = (sent.lowerBound..<k).first(where: { s.eq($0, ",") }), c < sent.lowerBound + 5, s.eq(sent.lowerBound, "in") { a = c + 1 }
        guard let nl = nameList(from: a, limit: k), nl.end == k else { return nil }
        return (nl.items, a)
    }
}

private func claimTrimSpaces(_ x: String) -> String {
        var s = Substring(x)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

/// Memo of `ClaimBuilder.mainSubject` per sentence (a class: filled from non-mutating lookups).
final class MainSubjectMemo {
    /// Per sentence: -2 not computed, -1 no subject, else the index of its subject in `values`. Plain
    /// integers: an array of optional subjects (strings inside) cost a loop to fill and one to free, per
    /// sentence, where few sentences are ever asked.
    private var at: [Int32]
    private var values: [(subject: ClaimSubject, start: Int, confident: Bool)] = []

    init(_ count: Int) {
        at = Array(repeating: -2, count: count)
    }

    func known(_ si: Int) -> Bool { at[si] != -2 }

    func value(_ si: Int) -> (subject: ClaimSubject, start: Int, confident: Bool)? {
        let k = Int(at[si])
        return k >= 0 ? values[k] : nil
    }

    func set(_ si: Int, _ v: (subject: ClaimSubject, start: Int, confident: Bool)?) {
        if let v {
            at[si] = Int32(values.count)
            values.append(v)
        } else {
            at[si] = -1
        }
    }
}

/// `ClaimBuilder`'s lazily built id → entity map (a class: filled from non-mutating lookups).
final class EntityIndex {
    var ids: EntityIDTable?
    /// Per index in `entitiesSorted`, where its resolved subject is in `resolved` (-1: not yet): plain
    /// integers, so that the per-entity array costs nothing to fill or free.
    var resolvedAt: [Int32] = []
    var resolved: [ClaimSubject] = []
    /// `resolve`'s visited marks per index in `Document.entities`: the stamp of the call that visited it.
    var visited: [Int] = []
    var stamp = 0
}

/// Token index → first quantity index: one array slot per token instead of a dictionary.
struct TokenIndexMap {
    private var slots: [Int32]

    init(_ tokenCount: Int) { slots = Array(repeating: -1, count: tokenCount + 1) }

    subscript(_ k: Int) -> Int? {
        get { k >= 0 && k < slots.count && slots[k] >= 0 ? Int(slots[k]) : nil }
        set { slots[k] = Int32(newValue ?? -1) }
    }
}

/// Entity id → index of the last entity with that id (what a `[String: Entity]` filled in order
/// returns). Built once per document on the first `refersTo` chain: FNV-1a over the id's bytes in an
/// open-addressing table costs a few instructions per byte, where the dictionary hashed every id with
/// `Hasher` and copied every `Entity`.
struct EntityIDTable {
    private var hashes: [UInt64] = []
    /// Entity index per slot, -1 when empty.
    private var slots: [Int32] = []
    private var mask = 0
    /// Every id is ASCII: then byte equality is `String` equality for an ASCII key.
    private var allASCII = true
    /// The ids are exactly `e1`, `e2`, … in order (what `EntityLinker` assigns): an id's index is its
    /// number minus one and no table is built (hashing every id cost more than the lookups it served).
    private var sequential = true

    init(_ entities: [Entity]) {
        // Compared with the linker's own id strings: small strings, equal when their bits are.
        // Read through buffer pointers: indexing the arrays retained and released each id.
        let cache = EntityLinker.idCache
        sequential = entities.withUnsafeBufferPointer { es in
            cache.withUnsafeBufferPointer { cs in
                for i in es.indices {
                    if i + 1 < cs.count ? es[i].id != cs[i + 1] : es[i].id != EntityLinker.makeIDString(i + 1) { return false }
                }
                return true
            }
        }
        if sequential { return }
        var size = 16
        while size < entities.count * 2 { size *= 2 }
        mask = size - 1
        hashes = Array(repeating: 0, count: size)
        slots = Array(repeating: -1, count: size)
        for i in entities.indices {
            let (h, ascii) = Self.hash(entities[i].id)
            if !ascii { allASCII = false }
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] >= 0 && !(hashes[slot] == h && entities[Int(slots[slot])].id == entities[i].id) {
                slot = (slot + 1) & mask
            }
            hashes[slot] = h
            slots[slot] = Int32(i)
        }
    }

    /// n when `id` is the ASCII bytes `e` and n in decimal without leading zeros (n ≥ 1); -1 when `id`
    /// is other ASCII; nil when it holds a non-ASCII byte.
    static func idNumber(_ id: String) -> Int? {
        var id = id
        return id.withUTF8 { b in
            for c in b where c >= 0x80 { return nil }
            guard b.count >= 2, b.count <= 19, b[0] == 0x65, b[1] != 0x30 else { return -1 }
            var n = 0
            for c in b[1...] {
                guard c &- 0x30 < 10 else { return -1 }
                n = n * 10 + Int(c &- 0x30)
            }
            return n
        }
    }

    /// FNV-1a of the UTF-8 bytes, and whether they are all ASCII.
    static func hash(_ s: String) -> (UInt64, Bool) {
        var s = s
        return s.withUTF8 { b in
            var h: UInt64 = 0xcbf29ce484222325
            var high: UInt8 = 0
            for c in b { high |= c; h = (h ^ UInt64(c)) &* 0x100000001b3 }
            return (h, high < 0x80)
        }
    }

    /// Index of the last entity whose id equals `id` (`String` equality), in the array the table was built from.
    func index(of id: String, in entities: [Entity]) -> Int? {
        let (h, ascii): (UInt64, Bool)
        if sequential {
            // An ASCII key: byte equality decides, and only `e<n>` with n in 1…count is an id.
            if let n = Self.idNumber(id) { return n >= 1 && n <= entities.count ? n - 1 : nil }
            (h, ascii) = (0, false)  // non-ASCII: the scan below
        } else {
            (h, ascii) = Self.hash(id)
        }
        if !sequential && allASCII && ascii {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] >= 0 {
                let i = Int(slots[slot])
                if hashes[slot] == h && entities[i].id == id { return i }
                slot = (slot + 1) & mask
            }
            return nil
        }
        // Non-ASCII ids: `String` equality is canonical equivalence (`\u{212A}` equals `K`), which bytes
        // do not decide; scan from the end for the last equal id.
        var k = entities.count - 1
        while k >= 0 {
            if entities[k].id == id { return k }
            k -= 1
        }
        return nil
    }
}
