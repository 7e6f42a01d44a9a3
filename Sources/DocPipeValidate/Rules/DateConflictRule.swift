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
        let text = document.text
        for e in Self.events(in: document) {
            // Keys and messages are built as bytes: concatenation and interpolation cost an append a piece.
            var k = MessageBytes(capacity: e.subject.utf8.count + 48)
            k.append(e.subject)
            k.append("|")
            k.append(e.kind)
            // The earlier events of the key looked at, then joined, in one access: the key is hashed once.
            func firstIncompatibleThenJoin(_ events: inout [Event]) -> Event? {
                defer { events.append(e) }
                return events.first(where: { !Self.compatible($0.date.value, e.date.value) })
            }
            guard let earlier = firstIncompatibleThenJoin(&seen[k.string, default: []]) else { continue }
            k.append("|")
            k.append(earlier.date.value)
            k.append("|")
            k.append(e.date.value)
            guard reported.insert(k.string).inserted else { continue }
            let line = rawLine(document, of: earlier.date.range)
            let (message, relatedMessage) = withUTF8Bytes(text) { t in
                var m = MessageBytes(capacity: 64 + e.name.utf8.count + e.date.range.count + earlier.date.range.count)
                m.append(e.kind)
                m.append(" of ")
                m.append(e.name)
                m.append(" dated ")
                m.append(slice: e.date.range, of: text, t)
                m.append(" here but ")
                m.append(slice: earlier.date.range, of: text, t)
                m.append(" on line ")
                m.append(line)
                var r = MessageBytes(capacity: 32 + earlier.date.range.count)
                r.append(e.kind)
                r.append(" dated ")
                r.append(slice: earlier.date.range, of: text, t)
                r.append(" here")
                return (m.string, r.string)
            }
            out.append(diagnostic(message, at: e.date.range, related: [.init(range: earlier.date.range, message: relatedMessage)]))
        }
        return out
    }

    /// Two TIMEX3 values agree when one is a prefix of the other at a component boundary.
    static func compatible(_ a: String, _ b: String) -> Bool {
        let (s, l) = a.count <= b.count ? (a, b) : (b, a)
        return l == s || l.hasPrefix(s + "-")
    }

    /// An explicit year, month or day: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (parts of ASCII digits). On the
    /// bytes: a non-ASCII byte would be in some part (a "-" with a combining mark is no separator),
    /// and the only ASCII numbers are the digits.
    static func isExplicit(_ t: TimeExpression) -> Bool {
        guard t.kind == .date, t.mod == nil, t.from == nil, t.to == nil else { return false }
        var parts = 1, length = 0, first = -1
        for c in t.value.utf8 {
            if c == 0x2D {
                guard length > 0 else { return false }
                if first < 0 { first = length }
                parts += 1
                length = 0
            } else {
                guard c &- 0x30 < 10 else { return false }
                length += 1
            }
        }
        guard length > 0, parts <= 3 else { return false }
        return (first < 0 ? length : first) == 4
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

    /// Whether the letters `b[t]` make a whole run of ASCII letters of `b[r]`: inside it, and with no
    /// letter of it just before or just after.
    static func isLetterRun(_ b: UnsafeBufferPointer<UInt8>, _ t: Range<Int>, in r: Range<Int>) -> Bool {
        guard t.lowerBound >= r.lowerBound, t.upperBound <= r.upperBound else { return false }
        if t.lowerBound > r.lowerBound && (b[t.lowerBound - 1] | 0x20) &- 0x61 < 26 { return false }
        if t.upperBound < r.upperBound && (b[t.upperBound] | 0x20) &- 0x61 < 26 { return false }
        return true
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

    /// The event named by the letters `b[i..<j]` (`eventWords` ignoring ASCII case), nil for other words.
    /// Only ASCII tokens can lowercase to a key: no key has a letter that a non-ASCII one lowercases to.
    @inline(__always)
    static func eventKind(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String? {
        let i = r.lowerBound
        @inline(__always) func spells(_ w: StaticString) -> Bool {
            let p = w.utf8Start
            for k in 0..<w.utf8CodeUnitCount where b[i + k] | 0x20 != p[k] { return false }
            return true
        }
        switch r.count {
        case 4: return spells("born") ? "birth" : spells("died") ? "death" : nil
        case 6: return spells("formed") ? "founding" : spells("signed") ? "signature" : nil
        case 7: return spells("founded") || spells("created") ? "founding" : nil
        case 11: return spells("established") ? "founding" : nil
        default: return nil
        }
    }

    /// Whether the token `r` is `w` (lower-case ASCII letters) ignoring ASCII case: what comparing its
    /// `lowercased()` with `w` decides, as only ASCII letters lowercase to ASCII ones (K, the Kelvin
    /// sign, aside, and no word compared here has a k).
    @inline(__always)
    static func isWord(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ w: StaticString) -> Bool {
        guard r.count == w.utf8CodeUnitCount else { return false }
        let p = w.utf8Start
        for k in 0..<r.count where b[r.lowerBound + k] | 0x20 != p[k] { return false }
        return true
    }

    /// Whether the token `r` is exactly `w`.
    @inline(__always)
    static func isText(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ w: StaticString) -> Bool {
        guard r.count == w.utf8CodeUnitCount else { return false }
        let p = w.utf8Start
        for k in 0..<r.count where b[r.lowerBound + k] != p[k] { return false }
        return true
    }

    /// Whether the first scalar of the token `r` is upper case.
    @inline(__always)
    static func startsUppercase(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard !r.isEmpty else { return false }
        let c = b[r.lowerBound]
        return c < 0x80 ? c &- 0x41 < 26 : scalarIsUppercase(b, r.lowerBound)
    }

    static func scalarIsUppercase(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        ScalarProperties.isUppercase(UTF8Bytes.scalar(b, at: i).0)
    }

    static func isAdverb(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        switch r.count {
        case 5: return isWord(b, r, "first")
        case 7: return isWord(b, r, "jointly")
        case 8: return isWord(b, r, "formally") || isWord(b, r, "formerly")
        case 9: return isWord(b, r, "initially")
        case 10: return isWord(b, r, "originally") || isWord(b, r, "officially")
        default: return false
        }
    }

    /// The number N of an entity id `eN` as the extractor spells it (no sign, no leading zero).
    static func idNumber(_ id: String) -> Int? {
        func number(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
            guard b.count >= 2, b.count <= 19, b[0] == 0x65, b[1] != 0x30 else { return nil }
            var n = 0
            for k in 1..<b.count {
                let d = b[k] &- 0x30
                guard d < 10 else { return nil }
                n = n &* 10 &+ Int(d)
            }
            return n
        }
        // In place, without the copy (and its retain and release) that the mutating `withUTF8` takes;
        // on the view itself, as every entity's id is read once per document (through the generic
        // `withUTF8Bytes` an id cost half again as much).
        if let n = id.utf8.withContiguousStorageIfAvailable(number) { return n }
        return Array(id.utf8).withUnsafeBufferPointer(number)
    }

    static func isNamed(_ k: Entity.Kind) -> Bool {
        switch k {
        case .org, .law, .event, .work, .gpe, .loc: return true
        default: return false
        }
    }

    /// The head noun of a name: the word before its first preposition (when that is not its first
    /// word), else its last word.
    static func head(_ name: String) -> String {
        let words = name.split(separator: " ")
        if let i = words.firstIndex(where: { prepositions.contains(String($0)) }), i > 0 { return String(words[i - 1]) }
        return words.last.map(String.init) ?? name
    }

    /// For an ASCII name, `head(name)` as a hash of its bytes; nil for other names.
    static func asciiHeadHash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64? {
        asciiHeadRange(p).map { bytesHash(p, $0) }
    }

    /// For an ASCII name, where `head(name)` is in its bytes; nil for other names. Words are the runs
    /// between spaces as `split(separator: " ")` cuts an ASCII string.
    static func asciiHeadRange(_ p: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var prev: Range<Int>?, last: Range<Int>?, words = 0
        var i = 0
        let n = p.count
        var found: Range<Int>?
        while i < n {
            if p[i] >= 0x80 { return nil }
            if p[i] == 0x20 { i += 1; continue }
            var j = i
            while j < n, p[j] != 0x20 { if p[j] >= 0x80 { return nil }; j += 1 }
            if found == nil, isPreposition(p, i..<j) {
                // Only the first preposition counts; at the first word it leaves the last word.
                if words > 0 { found = prev } else { found = .some(0..<0) }
            }
            words += 1
            prev = i..<j
            last = i..<j
            i = j
        }
        let h: Range<Int>
        if let f = found, !f.isEmpty { h = f } else if let l = last { h = l } else { h = 0..<n }
        return h
    }

    static func isPreposition(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        switch r.count {
        case 2: return isText(p, r, "of") || isText(p, r, "on") || isText(p, r, "in") || isText(p, r, "to") || isText(p, r, "de")
        case 3: return isText(p, r, "for") || isText(p, r, "and")
        default: return false
        }
    }

    /// FNV-1a of some bytes: equal bytes, equal hash.
    static func bytesHash(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in r { h = (h ^ UInt64(p[i])) &* 0x100_0000_01B3 }
        return h
    }

    /// Bit n set for the lengths n of the event words: 4, 6, 7, 11 (a computed property: a
    /// `static let` read in the token loop would cost a `swift_once` per read).
    @inline(__always) static var eventLengthBits: UInt64 { 1 << 4 | 1 << 6 | 1 << 7 | 1 << 11 }
    /// Bit `c & 63` set for the lower-case initials c of the event words: b, c, d, e, f, s
    /// (0x62...0x66 and 0x73, so bits 34...38 and 51).
    @inline(__always) static var eventInitialBits: UInt64 {
        1 << (0x62 & 63) | 1 << (0x63 & 63) | 1 << (0x64 & 63) | 1 << (0x65 & 63) | 1 << (0x66 & 63) | 1 << (0x73 & 63)
    }

    /// The sentences that `mentionsEvent` keeps and whose tokens include an event word, as `events`
    /// needs both. With tokens and sentences in order, as the extractor and segmenter write them, the
    /// word tokens are looked at (a few per sentence) instead of every byte of every sentence.
    /// Also tells whether the tokens are in order (by start), which the token pass finds out anyway.
    static func candidateSentences(_ document: Document, _ bytes: UnsafeBufferPointer<UInt8>) -> (sentences: [Sentence], tokensInOrder: Bool) {
        let sentences = document.sentences
        var inOrder = true
        // The event-word tokens' ranges (a few hundred a document: room made for them up front).
        var eventWords: [Range<Int>] = []
        eventWords.reserveCapacity(256)
        document.tokens.withUnsafeBufferPointer { tokens in
            var last = Int.min
            // By pointer, one induction variable; the kind is read only for the few tokens left.
            guard var t = tokens.baseAddress else { return }
            let end = t + tokens.count
            while t < end {
                defer { t += 1 }
                let r = t.pointee.range
                if r.lowerBound < last { inOrder = false; break }
                last = r.lowerBound
                // Event words have 4, 6, 7 or 11 letters and start with b, c, d, e, f or s in either
                // case: two bit tests before spelling them out (most tokens fail one). The shifts
                // wrap at 64 (a token of 68 bytes passes as one of 4, a byte that is no letter may pass
                // as one), so only these tests are cheap: `eventKind` spells the word out exactly.
                guard Self.eventLengthBits &>> UInt64(truncatingIfNeeded: r.upperBound &- r.lowerBound) & 1 != 0,
                      Self.eventInitialBits &>> UInt64(truncatingIfNeeded: bytes[r.lowerBound] | 0x20) & 1 != 0 else { continue }
                if t.pointee.kind == .word, eventKind(bytes, r) != nil {
                    eventWords.append(r)
                }
            }
        }
        let tokensInOrder = inOrder
        if inOrder {
            inOrder = sentences.withUnsafeBufferPointer { s in
                s.isEmpty || (1..<s.count).allSatisfy { s[$0 - 1].range.upperBound <= s[$0].range.lowerBound }
            }
        }
        guard inOrder else { return (sentences.filter { mentionsEvent(bytes, $0.range) }, tokensInOrder) }
        // A sentence's tokens start inside it: one with an event word has one of `eventWords`.
        var out: [Sentence] = []
        var k = 0
        for s in sentences {
            while k < eventWords.count && eventWords[k].lowerBound < s.range.lowerBound { k += 1 }
            guard k < eventWords.count && eventWords[k].lowerBound < s.range.upperBound else { continue }
            // Its first event-word token is mostly a whole run of letters itself, which is what
            // `mentionsEvent` looks for (its letters spell the word): only otherwise is every run read.
            if isLetterRun(bytes, eventWords[k], in: s.range) || mentionsEvent(bytes, s.range) { out.append(s) }
        }
        return (out, tokensInOrder)
    }

    static func events(in document: Document) -> [Event] {
        // Most sentences name no event: a byte search for the event words skips them cheaply, and
        // the per-document tables below are built only when some sentence is left.
        let (candidates, tokensInOrder) = withUTF8Bytes(document.text) { bytes in candidateSentences(document, bytes) }
        guard !candidates.isEmpty else { return [] }
        let text = document.text
        let all = document.entities
        // The entity of an id (the last entity of an id wins). The extractor numbers entities e1, e2, …
        // in layer order: when every id is so, an id's number is its index, without a map of strings.
        var numbered: Bool?
        var byId: [String: Int]?
        func entity(id: String) -> Entity? {
            if numbered == nil { numbered = all.indices.allSatisfy { idNumber(all[$0].id) == $0 + 1 } }
            if numbered == true {
                guard let n = idNumber(id), n <= all.count else { return nil }
                return all[n - 1]
            }
            if byId == nil {
                var map: [String: Int] = [:]
                map.reserveCapacity(all.count)
                for (i, e) in all.enumerated() { map[e.id] = i }
                byId = map
            }
            return byId![id].map { all[$0] }
        }
        func root(_ e: Entity) -> Entity {
            var r = e, n = 0
            while let p = r.refersTo, let next = entity(id: p), n < 20 { r = next; n += 1 }
            return r
        }
        /// `root` by index, for the head table; nil when the chain leaves the numbered ids.
        func rootIndex(_ i: Int) -> Int? {
            var r = i, n = 0
            while let p = all[r].refersTo, n < 20 {
                guard let k = idNumber(p), k <= all.count else { return r }
                r = k - 1
                n += 1
            }
            return r
        }
        func canonical(_ e: Entity) -> String { let r = root(e); return r.normalized ?? text.utf8Slice(r.range) }
        // For "the 1980 Convention": the named entities in layer order with the hash of the head noun
        // of their canonical name (nil when not ASCII), built on first use. The hash only passes over
        // entities whose head cannot be the word; the match itself compares Strings as before.
        var heads: [(end: Int, hash: UInt64?, index: Int)]?
        // `head(canonical(all[i]))` of the names the byte test cannot settle (not ASCII), by entity
        // index: every "the … Convention" looks at the same earlier names again.
        var headOf: [Int: String] = [:]
        func onlyName(head word: Range<Int>, endingBy limit: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            if heads == nil {
                var list: [(end: Int, hash: UInt64?, index: Int)] = []
                // Repeated names refer to their first mention: the head of a root is found once.
                _ = entity(id: "")
                var ofRoot = [UInt64?](repeating: nil, count: numbered == true ? all.count : 0)
                var known = [Bool](repeating: false, count: ofRoot.count)
                for i in all.indices where isNamed(all[i].kind) {
                    func headHash(_ r: Entity) -> UInt64? {
                        r.normalized.map { n in withUTF8Bytes(n) { asciiHeadHash($0) } }
                            ?? asciiHeadHash(UnsafeBufferPointer(rebasing: bytes[r.range]))
                    }
                    let hash: UInt64?
                    if numbered == true, let k = rootIndex(i) {
                        if !known[k] { ofRoot[k] = headHash(all[k]); known[k] = true }
                        hash = ofRoot[k]
                    } else {
                        hash = headHash(root(all[i]))
                    }
                    list.append((all[i].range.upperBound, hash, i))
                }
                heads = list
            }
            let wordBytes = UnsafeBufferPointer(rebasing: bytes[word])
            let wordHash: UInt64? = wordBytes.allSatisfy { $0 < 0x80 } ? bytesHash(wordBytes, 0..<wordBytes.count) : nil
            let wordText = text.utf8Slice(word)
            // The one name among entities ending by `limit` whose head is `word`, if exactly one;
            // spelled as the first of them in layer order.
            var name: String?
            for h in heads! where h.end <= limit {
                if let wh = wordHash, let hh = h.hash, wh != hh { continue }
                let n = canonical(all[h.index])
                // An ASCII word and name: String equality is byte equality, and the head is found
                // in place (`head` splits the name into Strings).
                let asciiMatch: Bool? = wordHash == nil ? nil : withUTF8Bytes(n) { p in
                    asciiHeadRange(p).map { UnsafeBufferPointer(rebasing: p[$0]).elementsEqual(wordBytes) }
                }
                guard asciiMatch ?? ((headOf[h.index] ?? { let t = head(n); headOf[h.index] = t; return t }()) == wordText) else { continue }
                if let first = name { if n != first { return nil } } else { name = n }
            }
            return name
        }
        // The first date (in layer order) starting in from..<before: by binary search when the date
        // layer is sorted by start, as the extractor writes it, else by a scan.
        let dates = document.dates
        var datesSorted: Bool?
        func firstDate(from: Int, before: Int) -> TimeExpression? {
            if datesSorted == nil { datesSorted = dates.indices.dropFirst().allSatisfy { dates[$0 - 1].range.lowerBound <= dates[$0].range.lowerBound } }
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
        let entities = all.indices.dropFirst().allSatisfy({ all[$0 - 1].range.lowerBound <= all[$0].range.lowerBound })
            ? all : all.sorted { $0.range.lowerBound < $1.range.lowerBound }
        // The tokens in place: a sentence's tokens are a rebased slice, not a copied array.
        return tokens.withUnsafeBufferPointer { tp in withUTF8Bytes(text) { bytes in
            for s in candidates {
                // The entities of this sentence (entities are in document order).
                var lo = 0, hi = entities.count
                while lo < hi { let mid = (lo + hi) / 2; if entities[mid].range.lowerBound < s.range.lowerBound { lo = mid + 1 } else { hi = mid } }
                var e2 = lo
                while e2 < entities.count && entities[e2].range.lowerBound < s.range.upperBound { e2 += 1 }
                let local = entities[lo..<e2]
                if tokensInOrder {
                    // The same first token not before the sentence, by binary search: candidates are few
                    // and far apart, and stepping over every token between them cost more than the rest.
                    var hi = tokens.count
                    while tokenIndex < hi {
                        let mid = (tokenIndex + hi) / 2
                        if tokens[mid].range.lowerBound < s.range.lowerBound { tokenIndex = mid + 1 } else { hi = mid }
                    }
                } else {
                    while tokenIndex < tokens.count && tokens[tokenIndex].range.lowerBound < s.range.lowerBound { tokenIndex += 1 }
                }
                var end = tokenIndex
                while end < tokens.count && tokens[end].range.upperBound <= s.range.upperBound { end += 1 }
                // Word tokens spelling an event word (ASCII case folded, as `lowercased()` folds them):
                // a sentence whose event word was only part of a token has nothing more to look at.
                guard (tokenIndex..<end).contains(where: { tokens[$0].kind == .word && Self.isEventWord(bytes, tokens[$0].range.lowerBound, tokens[$0].range.upperBound) }) else { continue }
                let toks = UnsafeBufferPointer(rebasing: tp[tokenIndex..<end])
                // Tokens are compared as bytes: `word(k, w)` is `lowercased() == w`, `exact(k, w)` is `== w`.
                func word(_ k: Int, _ w: StaticString) -> Bool { isWord(bytes, toks[k].range, w) }
                func exact(_ k: Int, _ w: StaticString) -> Bool { isText(bytes, toks[k].range, w) }
                func upper(_ k: Int) -> Bool { startsUppercase(bytes, toks[k].range) }
                // ";" also as U+037E, which String comparison takes for it (canonically equivalent).
                func semicolon(_ k: Int) -> Bool { exact(k, ";") || exact(k, "\u{37E}") }
                for i in toks.indices {
                    guard toks[i].kind == .word, let kind = eventKind(bytes, toks[i].range) else { continue }
                    if i > 0, exact(i - 1, "-"), toks[i - 1].range.upperBound == toks[i].range.lowerBound { continue }
                    var subject: (key: String, name: String)?
                    var limit = s.range.upperBound
                    var parenthetical = false
                    // `personal.contains(kind)` without hashing the String.
                    let personalKind = kind == "birth" || kind == "death"
                    let allowed: (Entity) -> Bool = { e in
                        guard personalKind ? e.kind == .person : isNamed(e.kind) else { return false }
                        // A name glued to a capitalised word before it ("Sean McCole" found as "McCole") is
                        // a doubtful mention: its reference may be wrong.
                        if let k = toks.firstIndex(where: { $0.range.lowerBound == e.range.lowerBound }), k > 0, toks[k - 1].kind == .word,
                           toks[k - 1].range.upperBound + 1 == e.range.lowerBound,
                           upper(k - 1), !word(k - 1, "the") { return false }
                        return true
                    }
                    func named(_ e: Entity) -> (key: String, name: String) { let n = canonical(e); return (n.lowercased(), n) }
                    if i >= 2, exact(i - 1, "("), kind != "signature" {
                        // "Paul McCole (born 10 February 1972)", "the Geneva Migration Group (founded 2003)"
                        parenthetical = true
                        if let close = (i..<toks.count).first(where: { exact($0, ")") }) { limit = toks[close].range.lowerBound }
                        let endByte = toks[i - 2].range.upperBound
                        if let e = local.first(where: { $0.range.upperBound == endByte && allowed($0) }) { subject = named(e) }
                    } else if kind == "death", i >= 1, let e = local.first(where: { $0.range.upperBound == toks[i - 1].range.upperBound && allowed($0) }) {
                        // "Karl Weyprecht died on 3 March 1881"
                        subject = named(e)
                    } else if i == 0 {
                        // "Founded in 1951, the International Organization for Migration is …"
                        guard let comma = toks.indices.first(where: { exact($0, ",") }) else { continue }
                        limit = toks[comma].range.lowerBound
                        let after = toks[comma].range.upperBound
                        if let e = local.first(where: { $0.range.lowerBound > after && $0.range.lowerBound <= after + 5 && allowed($0) }) {
                            subject = named(e)
                        }
                    } else {
                        var j = i - 1
                        while j >= 0, isAdverb(bytes, toks[j].range) { j -= 1 }
                        guard j >= 1, word(j, "was") || word(j, "were") else { continue }
                        j -= 1
                        if j >= 1, word(j, "which"), exact(j - 1, ",") { j -= 2 }
                        while j >= 0, exact(j, "”") || exact(j, "\"") || exact(j, "’") || exact(j, ")") || exact(j, "»") { j -= 1 }
                        guard j >= 0 else { continue }
                        let endByte = toks[j].range.upperBound
                        if let e = local.first(where: { $0.range.upperBound == endByte && allowed($0) }) {
                            subject = named(e)
                        } else if !personalKind, upper(j) {
                            // "the 1980 Convention": a definite description whose head noun names one earlier entity.
                            var k = j - 1
                            while k >= 0, toks[k].kind == .number || upper(k) && !word(k, "the") { k -= 1 }
                            guard k >= 0, word(k, "the") else { continue }
                            if let n = onlyName(head: toks[j].range, endingBy: toks[k].range.lowerBound, bytes) { subject = (n.lowercased(), n) }
                        }
                    }
                    guard let subject else { continue }
                    let verbEnd = toks[i].range.upperBound
                    guard let d = firstDate(from: verbEnd, before: limit),
                          isExplicit(d), d.range.lowerBound - verbEnd <= 80 else { continue }
                    let between = toks.indices.filter { toks[$0].range.lowerBound >= verbEnd && toks[$0].range.upperBound <= d.range.lowerBound }
                    if let last = between.last {
                        guard word(last, "in") || word(last, "on") else { continue }
                    } else if !parenthetical { continue }
                    if between.contains(where: { semicolon($0) || eventKind(bytes, toks[$0].range) != nil }) { continue }
                    if kind == "signature", between.contains(where: { word($0, "by") }) { continue }
                    out.append(Event(subject: subject.key, name: subject.name, kind: kind, date: d))
                }
            }
            return out
        } }
    }
}
