import DocPipeCore

/// One event of one subject (its founding, its signature) given two incompatible dates.
struct DateConflictRule: Rule {
    static let description = RuleDescription(
        id: "date-conflict",
        defaultSeverity: .error,
        summary: "One event of one subject is given two different dates.",
        details: """
        Looks for sentences that date a founding ("was founded", "was established", "was created", \
        "was formed", "Founded in 1951, the …", "(founded 1951)"), a signature ("was signed"), a birth or \
        a death ("was born on", "(born 10 February 1972)", "died on"; people only) of a subject that is the \
        named entity just before the verb (also "…, which was founded") or the entity right after a \
        fronted participle; "the 1980 Convention" is tied to the one earlier name whose head noun is \
        "Convention". The date must be an explicit year, month or day introduced by "in" or "on" right \
        after the verb. Two dates conflict when neither contains the other: 1987 and 1987-03 agree, \
        1980-11-18 and 1981 do not. Pronoun subjects, active voice ("X founded Y"), approximate or \
        relative dates, decades, "re-established" and signatures by a named party ("signed by Spain") \
        are ignored. The later date is reported, with the earlier one as related location.
        """,
        triggering: [
            "The Convention on Pelagic Fisheries was signed in London on 18 November 1980.\n\nHistory\n\nSince the 1980 Convention was signed in ↓1981, the Commission has adopted many measures.\n",
            "The Nordic Forestry Council was founded in 1949 in Oslo.\n\nThe Nordic Forestry Council was founded in ↓1952 by five states.\n",
            "Established in 1951, the International Organization for Migration is based in Geneva. The International Organization for Migration was established on ↓4 December 1953.\n",
            "Paul McCole was born on 1 February 1972 in Castlemilk, Scotland.\n\nPaul McCole (born ↓10 February 1972) is a Scottish actor and musician.\n",
        ],
        nonTriggering: [
            "The Consortium for Polar Ice Research was formed in 1987. The Consortium for Polar Ice Research was formed in March 1987 in Copenhagen.\n",
            "The Nordic Forestry Council was founded in 1949. Its Secretariat was established in 1952.\n",
            "The Convention on Pelagic Fisheries was signed by Norway on 1 May 1980. The Convention on Pelagic Fisheries was signed by Spain on 3 June 1981.\n",
            "The Nordic Forestry Council was founded in 1949 and re-established in 1961 after a dispute.\n",
            "The Nordic Forestry Council was founded in 1949. The Baltic Ports Association was founded in 1962.\n",
            "Paul McCole (born 10 February 1972) is a Scottish actor. Paul McCole was born in February 1972 in Castlemilk and his brother Sean McCole was born on 3 May 1975.\n",
            "The Charter was opened for signature on 12 June 2004; the depositary records the signature as 2004-06-12.\n",
        ]
    )

    static let eventWords: [String: String] = [
        "founded": "founding", "established": "founding", "created": "founding", "formed": "founding",
        "signed": "signature", "born": "birth", "died": "death",
    ]
    /// Events of people; the others are events of organisations, treaties, places and works.
    static let personal: Set<String> = ["birth", "death"]
    static let adverbs: Set<String> = ["originally", "formally", "officially", "first", "jointly", "formerly", "initially"]
    static let prepositions: Set<String> = ["of", "on", "for", "in", "and", "to", "de"]

    struct Event {
        var subject: String
        var name: String
        var kind: String
        var date: TimeExpression
    }

    func check(_ document: Document) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: [String: [Event]] = [:]
        var reported = Set<String>()
        for e in Self.events(in: document) {
            let key = e.subject + "|" + e.kind
            defer { seen[key, default: []].append(e) }
            guard let earlier = seen[key]?.first(where: { !Self.compatible($0.date.value, e.date.value) }) else { continue }
            guard reported.insert(key + "|" + earlier.date.value + "|" + e.date.value).inserted else { continue }
            let line = document.rawSpan(of: earlier.date.range).line
            let a = document.text.utf8Slice(e.date.range), b = document.text.utf8Slice(earlier.date.range)
            out.append(diagnostic("\(e.kind) of \(e.name) dated \(a) here but \(b) on line \(line)", at: e.date.range,
                                  related: [.init(range: earlier.date.range, message: "\(e.kind) dated \(b) here")]))
        }
        return out
    }

    /// Two TIMEX3 values agree when one is a prefix of the other at a component boundary.
    static func compatible(_ a: String, _ b: String) -> Bool {
        let (s, l) = a.count <= b.count ? (a, b) : (b, a)
        return l == s || l.hasPrefix(s + "-")
    }

    static func isExplicit(_ t: TimeExpression) -> Bool {
        guard t.kind == .date, t.mod == nil, t.from == nil, t.to == nil else { return false }
        let parts = t.value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 3, parts[0].count == 4 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// Whether the sentence contains one of the event words (ASCII, case-insensitive) as a whole run
    /// of ASCII letters. Compares bytes in place: most sentences name no event, and building a
    /// String per word to look it up cost more than all the rest of the rule.
    static func mentionsEvent(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        let end = r.upperBound
        while i < end {
            // To the next ASCII letter, eight bytes at a time.
            if i + 8 <= end {
                let letters = asciiLetters(UTF8Bytes.load(b, i))
                if letters == 0 { i += 8; continue }
                i += letters.trailingZeroBitCount >> 3
            } else if (b[i] | 0x20) &- 0x61 >= 26 {
                i += 1
                continue
            }
            // To the end of its run of letters, eight bytes at a time.
            var j = i + 1
            while j + 8 <= end {
                let others = ~asciiLetters(UTF8Bytes.load(b, j)) & 0x8080_8080_8080_8080
                if others != 0 { j += others.trailingZeroBitCount >> 3; break }
                j += 8
            }
            while j < end, (b[j] | 0x20) &- 0x61 < 26 { j += 1 }
            if isEventWord(b, i, j) { return true }
            i = j
        }
        return false
    }

    /// 0x80 in each byte of `w` that is an ASCII letter.
    @inline(__always)
    static func asciiLetters(_ w: UInt64) -> UInt64 {
        let x = (w | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
        return (x &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(x &+ 0x0505_0505_0505_0505) & ~w & 0x8080_8080_8080_8080
    }

    /// Whether the letters `b[i..<j]` spell a key of `eventWords`, ignoring ASCII case.
    @inline(__always)
    static func isEventWord(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int) -> Bool {
        @inline(__always) func spells(_ w: StaticString) -> Bool {
            let p = w.utf8Start
            for k in 0..<w.utf8CodeUnitCount where b[i + k] | 0x20 != p[k] { return false }
            return true
        }
        switch j - i {
        case 4: return spells("born") || spells("died")
        case 6: return spells("formed") || spells("signed")
        case 7: return spells("founded") || spells("created")
        case 11: return spells("established")
        default: return false
        }
    }

    static func events(in document: Document) -> [Event] {
        // Most sentences name no event: a byte search for the event words skips them cheaply, and
        // the per-document tables below are built only when some sentence is left.
        let candidates = withUTF8Bytes(document.text) { bytes in
            document.sentences.filter { mentionsEvent(bytes, $0.range) }
        }
        guard !candidates.isEmpty else { return [] }
        let text = document.text
        // Entity index by id (the last entity of an id wins), built only when a reference is followed.
        var byId: [String: Int]?
        func entity(id: String) -> Entity? {
            if byId == nil {
                var map: [String: Int] = [:]
                map.reserveCapacity(document.entities.count)
                for (i, e) in document.entities.enumerated() { map[e.id] = i }
                byId = map
            }
            return byId![id].map { document.entities[$0] }
        }
        func root(_ e: Entity) -> Entity {
            var r = e, n = 0
            while let p = r.refersTo, let next = entity(id: p), n < 20 { r = next; n += 1 }
            return r
        }
        func canonical(_ e: Entity) -> String { let r = root(e); return r.normalized ?? text.utf8Slice(r.range) }
        func head(_ name: String) -> String {
            let words = name.split(separator: " ")
            if let i = words.firstIndex(where: { prepositions.contains(String($0)) }), i > 0 { return String(words[i - 1]) }
            return words.last.map(String.init) ?? name
        }
        let named: Set<Entity.Kind> = [.org, .law, .event, .work, .gpe, .loc]
        // The names of earlier entities by head noun, for "the 1980 Convention": built once, on first
        // use, instead of canonicalising every entity of the document at each such phrase. Per head,
        // entries sorted by end; `only[i]` is the one name of entries 0...i (spelled as the first of
        // them in layer order, as a Set built in that order keeps it), nil when they have two.
        var byHead: [String: (ends: [Int], only: [String?])]?
        func onlyName(head word: String, endingBy limit: Int) -> String? {
            if byHead == nil {
                var lists: [String: [(end: Int, order: Int, name: String)]] = [:]
                for (order, e) in document.entities.enumerated() where named.contains(e.kind) {
                    let name = canonical(e)
                    lists[head(name), default: []].append((e.range.upperBound, order, name))
                }
                byHead = lists.mapValues { list in
                    let sorted = list.sorted { $0.end < $1.end }
                    var only: [String?] = []
                    var first = sorted[0]
                    var one = true
                    for x in sorted {
                        one = one && x.name == first.name
                        if x.order < first.order { first = x }
                        only.append(one ? first.name : nil)
                    }
                    return (sorted.map(\.end), only)
                }
            }
            // The one name among entities ending by `limit` whose head is `word`, if exactly one.
            guard let h = byHead?[word] else { return nil }
            var lo = 0, hi = h.ends.count
            while lo < hi { let mid = (lo + hi) / 2; if h.ends[mid] <= limit { lo = mid + 1 } else { hi = mid } }
            return lo > 0 ? h.only[lo - 1] : nil
        }
        // The first date (in layer order) starting in from..<before: by binary search when the date
        // layer is sorted by start, as the extractor writes it, else by a scan.
        let dates = document.dates
        var datesSorted: Bool?
        func firstDate(from: Int, before: Int) -> TimeExpression? {
            if datesSorted == nil { datesSorted = zip(dates, dates.dropFirst()).allSatisfy { $0.range.lowerBound <= $1.range.lowerBound } }
            guard datesSorted == true else { return dates.first(where: { $0.range.lowerBound >= from && $0.range.lowerBound < before }) }
            var lo = 0, hi = dates.count
            while lo < hi { let mid = (lo + hi) / 2; if dates[mid].range.lowerBound < from { lo = mid + 1 } else { hi = mid } }
            return lo < dates.count && dates[lo].range.lowerBound < before ? dates[lo] : nil
        }
        var out: [Event] = []
        var tokenIndex = 0
        let tokens = document.tokens
        // Entities by start; the extractor already writes them so, and sorting (a stable sort) an
        // ordered layer would only copy it.
        let entities = zip(document.entities, document.entities.dropFirst()).allSatisfy({ $0.range.lowerBound <= $1.range.lowerBound })
            ? document.entities : document.entities.sorted { $0.range.lowerBound < $1.range.lowerBound }
        return withUTF8Bytes(text) { bytes in
            for s in candidates {
                // The entities of this sentence (entities are in document order).
                var lo = 0, hi = entities.count
                while lo < hi { let mid = (lo + hi) / 2; if entities[mid].range.lowerBound < s.range.lowerBound { lo = mid + 1 } else { hi = mid } }
                var e2 = lo
                while e2 < entities.count && entities[e2].range.lowerBound < s.range.upperBound { e2 += 1 }
                let local = entities[lo..<e2]
                while tokenIndex < tokens.count && tokens[tokenIndex].range.lowerBound < s.range.lowerBound { tokenIndex += 1 }
                var end = tokenIndex
                while end < tokens.count && tokens[end].range.upperBound <= s.range.upperBound { end += 1 }
                // Word tokens spelling an event word (ASCII case folded, as `lowercased()` folds them):
                // a sentence whose event word was only part of a token has nothing more to look at.
                guard (tokenIndex..<end).contains(where: { tokens[$0].kind == .word && Self.isEventWord(bytes, tokens[$0].range.lowerBound, tokens[$0].range.upperBound) }) else { continue }
                let toks = Array(tokens[tokenIndex..<end])
                let words = toks.map { text.utf8Slice($0.range) }
                let lower = words.map { $0.lowercased() }
                for i in toks.indices {
                    guard toks[i].kind == .word, let kind = eventWords[lower[i]] else { continue }
                    if i > 0, words[i - 1] == "-", toks[i - 1].range.upperBound == toks[i].range.lowerBound { continue }
                    var subject: (key: String, name: String)?
                    var limit = s.range.upperBound
                    var parenthetical = false
                    let allowed: (Entity) -> Bool = { e in
                        guard personal.contains(kind) ? e.kind == .person : named.contains(e.kind) else { return false }
                        // A name glued to a capitalised word before it ("Sean McCole" found as "McCole") is
                        // a doubtful mention: its reference may be wrong.
                        if let k = toks.firstIndex(where: { $0.range.lowerBound == e.range.lowerBound }), k > 0, toks[k - 1].kind == .word,
                           toks[k - 1].range.upperBound + 1 == e.range.lowerBound,
                           words[k - 1].unicodeScalars.first?.properties.isUppercase ?? false, lower[k - 1] != "the" { return false }
                        return true
                    }
                    if i >= 2, words[i - 1] == "(", kind != "signature" {
                        // "Paul McCole (born 10 February 1972)", "the Geneva Migration Group (founded 2003)"
                        parenthetical = true
                        if let close = (i..<toks.count).first(where: { words[$0] == ")" }) { limit = toks[close].range.lowerBound }
                        let endByte = toks[i - 2].range.upperBound
                        if let e = local.first(where: { allowed($0) && $0.range.upperBound == endByte }) {
                            subject = (canonical(e).lowercased(), canonical(e))
                        }
                    } else if kind == "death", i >= 1, let e = local.first(where: { allowed($0) && $0.range.upperBound == toks[i - 1].range.upperBound }) {
                        // "Karl Weyprecht died on 3 March 1881"
                        subject = (canonical(e).lowercased(), canonical(e))
                    } else if i == 0 {
                        // "Founded in 1951, the International Organization for Migration is …"
                        guard let comma = toks.firstIndex(where: { text.utf8Slice($0.range) == "," }) else { continue }
                        limit = toks[comma].range.lowerBound
                        let after = toks[comma].range.upperBound
                        if let e = local.first(where: { allowed($0) && $0.range.lowerBound > after && $0.range.lowerBound <= after + 5 }) {
                            subject = (canonical(e).lowercased(), canonical(e))
                        }
                    } else {
                        var j = i - 1
                        while j >= 0, adverbs.contains(lower[j]) { j -= 1 }
                        guard j >= 1, lower[j] == "was" || lower[j] == "were" else { continue }
                        j -= 1
                        if j >= 1, lower[j] == "which", words[j - 1] == "," { j -= 2 }
                        while j >= 0, ["”", "\"", "’", ")", "»"].contains(words[j]) { j -= 1 }
                        guard j >= 0 else { continue }
                        let endByte = toks[j].range.upperBound
                        if let e = local.first(where: { allowed($0) && $0.range.upperBound == endByte }) {
                            subject = (canonical(e).lowercased(), canonical(e))
                        } else if !personal.contains(kind), let first = words[j].unicodeScalars.first, first.properties.isUppercase {
                            // "the 1980 Convention": a definite description whose head noun names one earlier entity.
                            var k = j - 1
                            while k >= 0, toks[k].kind == .number || (words[k].unicodeScalars.first?.properties.isUppercase ?? false) && lower[k] != "the" { k -= 1 }
                            guard k >= 0, lower[k] == "the" else { continue }
                            if let n = onlyName(head: words[j], endingBy: toks[k].range.lowerBound) { subject = (n.lowercased(), n) }
                        }
                    }
                    guard let subject else { continue }
                    let verbEnd = toks[i].range.upperBound
                    guard let d = firstDate(from: verbEnd, before: limit),
                          isExplicit(d), d.range.lowerBound - verbEnd <= 80 else { continue }
                    let between = toks.indices.filter { toks[$0].range.lowerBound >= verbEnd && toks[$0].range.upperBound <= d.range.lowerBound }
                    if let last = between.last {
                        guard lower[last] == "in" || lower[last] == "on" else { continue }
                    } else if !parenthetical { continue }
                    if between.contains(where: { words[$0] == ";" || eventWords[lower[$0]] != nil }) { continue }
                    if kind == "signature", between.contains(where: { lower[$0] == "by" }) { continue }
                    out.append(Event(subject: subject.key, name: subject.name, kind: kind, date: d))
                }
            }
            return out
        }
    }
}
