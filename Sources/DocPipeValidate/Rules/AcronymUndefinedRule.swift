import DocPipeCore

/// An acronym used but never defined in the document.
struct AcronymUndefinedRule: Rule {
    static let description = RuleDescription(
        id: "acronym-undefined",
        defaultSeverity: .note,
        summary: "An acronym is used but never defined in the document.",
        details: """
        A word of two or more capitals (digits and inner lower-case letters allowed: "MoU", "G77" is \
        not one) that no parenthesised definition in the document explains is reported once, at its \
        first use. Not reported: acronyms everyone knows (UN, EU, US, UK, HIV, AIDS, GDP …, a short \
        list kept with the rule), Roman numerals, words in all-capital headings or phrases ("DATA \
        CHARTER"), and the plural or singular of a defined acronym.
        """,
        triggering: [
            "The Soil Agency works with ↓UNEP on erosion. UNEP funds two projects.\n",
            "Harbour Authority (HA)\n\nThe HA signed a pact with ↓CARICOM and the ↓OECS.\n",
        ],
        nonTriggering: [
            "The United Nations Environment Programme (UNEP) funds two projects. UNEP also trains staff.\n",
            "The UN and the EU signed the pact in the US.\n",
            "World War II ended. Chapter IV follows.\n",
            "Every member signs the DATA CHARTER before joining.\n",
            "Resolution A/RES/61/16 was adopted; the ÉCOLE group met; fees are CHF 400 under a CC BY licence.\n",
            "Two Regional Consultative Processes (RCPs) exist; each RCP meets yearly.\n",
        ]
    )

    /// Acronyms that need no definition in reference text.
    static let wellKnown: Set<String> = [
        "UN", "U.N", "EU", "US", "USA", "UK", "USSR", "NATO", "HIV", "AIDS", "GDP", "GNP", "CEO", "NGO", "NGOs", "TV", "DNA",
        "AM", "PM", "BC", "AD", "BCE", "CE", "ID", "OK", "PhD", "FAQ", "PDF", "URL", "ISBN", "ISSN", "ISO", "COVID", "UNESCO",
        "UNICEF", "WHO", "CO2", "UAE", "DC", "HTML", "HTML5", "XML", "JSON", "PDF", "SMS", "GPS", "AAA",
        // ISO 4217 currency codes
        "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "INR", "BRL", "ZAR", "RUB", "MXN", "XOF", "XAF",
        // English words written in capitals
        "BY", "OF", "IN", "TO", "AT", "ON", "AN", "AND", "THE", "FOR", "OR", "IS", "IT", "AS", "BE", "NO", "SO", "UP", "WE", "CC",
    ]

    func check(_ document: Document) -> [Diagnostic] {
        var defined: [String] = []
        for a in document.acronyms {
            defined.append(a.short)
            defined.append(AcronymConflictRule.singular(a.short))
            defined.append(a.short + "s")
            for part in a.short.split(separator: " ") { defined.append(String(part)) }
        }
        // Headings written in capitals are styling, not acronyms.
        let capsHeadings = withUTF8Bytes(document.text) { u in
            document.blocks.filter { $0.kind == .heading }.map(\.range).filter { r in
                if let caps = Self.asciiWithoutLowercase(u, r) { return caps }
                // Not ASCII: an ASCII lower-case letter already tells that uppercasing changes the
                // text (no upper-case mapping gives one back), without building two Strings.
                if Self.hasASCIILowercase(u, r) { return false }
                let t = document.text.utf8Slice(r)
                return t.uppercased() == t
            }
        }
        // Words never (or no longer) reported: well known, defined, or reported already. One set,
        // so a candidate is hashed once. Candidates are ASCII words of at most 12 bytes: the set holds
        // them packed in two words, not as Strings. A longer ASCII string equals no candidate; a
        // non-ASCII one can still equal one as a String (the Kelvin sign is canonically a K), so such
        // strings stay Strings, checked only in documents that define one.
        var skipped = Self.wellKnownPacked
        var skippedOthers = Set<String>()
        for d in defined {
            var d = d
            if let w = d.withUTF8({ Self.packed($0) }) { skipped.insert(w) } else if !d.utf8.allSatisfy({ $0 < 0x80 }) { skippedOthers.insert(d) }
        }
        var out: [Diagnostic] = []
        withUTF8Bytes(document.text) { u in
            let n = u.count
            var i = 0
            // The scan reads through the base address: every read below is inside the text by the
            // test before it, and the buffer's own subscript would check the bounds once more.
            guard let base = u.baseAddress else { return }
            @inline(__always) func load(_ k: Int) -> UInt64 { UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self) }
            while i < n {
                // Only a word starting with a capital can be an acronym: jump eight bytes at a time to
                // the next ASCII capital, then keep it only if no word byte precedes it.
                if i + 8 <= n {
                    let w = load(i), x = w & 0x7F7F_7F7F_7F7F_7F7F
                    let capitals = (x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525) & ~w & 0x8080_8080_8080_8080
                    if capitals == 0 { i += 8; continue }
                    i += capitals.trailingZeroBitCount >> 3
                } else if base[i] &- 0x41 >= 26 {
                    i += 1
                    continue
                }
                // A capital and two lower-case letters ("The", "Geneva") leave at least two lower-case
                // letters besides a plural s, or a single capital: never `looksLikeAcronym`. The rest of
                // the word is skipped by the word-byte test below. Tested first, as most capitals are
                // so followed: past the two letters, which are no capitals, whether or not a word byte
                // precedes the capital (which would only have moved on by one).
                if i + 2 < n && base[i + 1] &- 0x61 < 26 && base[i + 2] &- 0x61 < 26 { i += 3; continue }
                if i > 0 && Self.isWordByte(base[i - 1]) { i += 1; continue }
                // To the end of the word, eight bytes at a time, noting whether a second capital follows.
                var j = i + 1
                var more = false
                while j + 8 <= n {
                    let w = load(j)
                    let stop = Self.nonWordBytes(w)
                    let capitals = Self.capitalBytes(w)
                    if stop == 0 { more = more || capitals != 0; j += 8; continue }
                    let k = stop.trailingZeroBitCount >> 3
                    more = more || capitals & ((1 &<< UInt64(truncatingIfNeeded: k &* 8)) &- 1) != 0
                    j += k
                    break
                }
                if j + 8 > n {
                    while j < n, Self.isWordByte(base[j]) {
                        if base[j] &- 0x41 < 26 { more = true }
                        j += 1
                    }
                }
                let range = i..<j
                i = j
                // Cheap filters first, on the bytes: at least two capitals, the acronym shape.
                guard more, Self.looksLikeAcronym(UnsafeBufferPointer(rebasing: u[range])) else { continue }
                let wordBytes = UnsafeBufferPointer(rebasing: u[range])
                // `looksLikeAcronym` keeps ASCII words of 2...12 bytes, which always pack.
                guard let packedWord = Self.packed(wordBytes) else { continue }
                guard !skipped.contains(packedWord),
                      skippedOthers.isEmpty || !skippedOthers.contains(String(decoding: wordBytes, as: UTF8.self)),
                      !Self.isRoman(wordBytes) else { continue }
                if capsHeadings.contains(where: { $0.contains(range.lowerBound) }) { continue }
                // Part of a document symbol such as A/RES/47/4.
                if (range.lowerBound > 0 && u[range.lowerBound - 1] == 0x2F) || (range.upperBound < n && u[range.upperBound] == 0x2F) { continue }
                if Self.inCapitalPhrase(u, range) { continue }
                skipped.insert(packedWord)
                let word = String(decoding: wordBytes, as: UTF8.self)
                out.append(diagnostic("\(word) is used but never defined in this document", at: range))
            }
        }
        return out
    }

    /// An ASCII word of at most 12 bytes in two words: bytes 0...7, then bytes 8...11 and the length.
    struct PackedWord: Hashable {
        var low: UInt64
        var high: UInt64
    }

    /// `w` packed, nil when it is longer than 12 bytes or not ASCII.
    static func packed(_ w: UnsafeBufferPointer<UInt8>) -> PackedWord? {
        guard w.count <= 12 else { return nil }
        var low: UInt64 = 0, high = UInt64(w.count) << 56
        // Shifts below 64 (k < 12): masking shifts and wrapping products, no over-shift checks.
        for k in 0..<w.count {
            let b = w[k]
            guard b < 0x80 else { return nil }
            if k < 8 { low |= UInt64(b) &<< (8 &* UInt64(k)) } else { high |= UInt64(b) &<< (8 &* UInt64(k &- 8)) }
        }
        return PackedWord(low: low, high: high)
    }

    /// A set of packed words: open addressing on a multiplicative hash of the two words (a `Set`
    /// hashes them with SipHash, which cost more than the rest of a candidate's tests).
    struct PackedWords {
        private var words: [PackedWord]
        /// Whether the slot holds a word.
        private var used: [Bool]
        private var mask: Int
        private(set) var count = 0

        init<S: Sequence<PackedWord>>(_ elements: S) {
            words = [PackedWord](repeating: PackedWord(low: 0, high: 0), count: 256)
            used = [Bool](repeating: false, count: 256)
            mask = 255
            for w in elements { insert(w) }
        }

        private func slot(_ w: PackedWord) -> Int {
            let h = (w.low ^ w.high &* 0xC2B2_AE3D_27D4_EB4F) &* 0x9E37_79B9_7F4A_7C15
            var slot = Int(truncatingIfNeeded: h >> 40) & mask
            while used[slot] && words[slot] != w { slot = (slot + 1) & mask }
            return slot
        }

        func contains(_ w: PackedWord) -> Bool { used[slot(w)] }

        mutating func insert(_ w: PackedWord) {
            let s = slot(w)
            guard !used[s] else { return }
            words[s] = w
            used[s] = true
            count += 1
            // At most half full, so a probe always ends.
            if count * 2 > mask {
                let old = zip(words, used).filter(\.1).map(\.0)
                words = [PackedWord](repeating: PackedWord(low: 0, high: 0), count: 2 * (mask + 1))
                used = [Bool](repeating: false, count: 2 * (mask + 1))
                mask = 2 * mask + 1
                count = 0
                for o in old { insert(o) }
            }
        }
    }

    /// `wellKnown` packed (all of it is ASCII of at most 12 bytes).
    static let wellKnownPacked = PackedWords(wellKnown.map { s in
        var s = s
        return s.withUTF8 { packed($0)! }
    })

    /// For ASCII bytes, whether none is a...z: what `uppercased() == text` decides there, as upper-casing
    /// ASCII changes only a...z (and without building two Strings per heading); nil when not ASCII.
    static func asciiWithoutLowercase(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool? {
        var lower = false
        for i in r {
            let b = u[i]
            if b >= 0x80 { return nil }
            if b &- 0x61 < 26 { lower = true }
        }
        return !lower
    }

    /// Whether some byte of `u[r]` is an ASCII lower-case letter (a...z).
    static func hasASCIILowercase(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        r.contains { u[$0] &- 0x61 < 26 }
    }

    /// 0x80 in each byte of `w` that is ASCII but neither a letter nor a digit: not `isWordByte`.
    @inline(__always)
    static func nonWordBytes(_ w: UInt64) -> UInt64 {
        let x = w & 0x7F7F_7F7F_7F7F_7F7F, l = x | 0x2020_2020_2020_2020
        // Per byte (no carries: each sum stays below 0x100): letters a...z after folding, digits 0...9.
        let letters = (l &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(l &+ 0x0505_0505_0505_0505)
        let digits = (x &+ 0x5050_5050_5050_5050) & ~(x &+ 0x4646_4646_4646_4646)
        return ~(letters | digits | w) & 0x8080_8080_8080_8080
    }

    /// 0x80 in each byte of `w` that is an ASCII capital.
    @inline(__always)
    static func capitalBytes(_ w: UInt64) -> UInt64 {
        let x = w & 0x7F7F_7F7F_7F7F_7F7F
        return (x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525) & ~w & 0x8080_8080_8080_8080
    }

    /// Letters, digits, and any non-ASCII byte (so `ÉCOLE` is one word, not `COLE`).
    static func isWordByte(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b >= 0x80 }

    /// Two or more capitals, starting with one, at least half the letters capitals, no lone letter.
    static func looksLikeAcronym<C: RandomAccessCollection<UInt8>>(_ bytes: C) -> Bool {
        guard bytes.count >= 2, bytes.count <= 12, let first = bytes.first, first >= 0x41 && first <= 0x5A else { return false }
        var upper = 0, lower = 0
        for b in bytes {
            guard b < 0x80 else { return false }
            if b >= 0x41 && b <= 0x5A { upper += 1 } else if b >= 0x61 && b <= 0x7A { lower += 1 }
        }
        guard upper >= 2 else { return false }
        // A trailing plural s is allowed (NGOs).
        let effectiveLower = bytes.last == 0x73 ? lower - 1 : lower
        return effectiveLower * 2 < upper + 1 && effectiveLower <= 1
    }

    static func isRoman(_ w: String) -> Bool { w.allSatisfy { "IVXLCDM".contains($0) } }

    /// `isRoman` on the bytes of an ASCII word, whose Characters are its bytes (no line breaks in a word).
    static func isRoman(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        w.allSatisfy { b in b == 0x49 || b == 0x56 || b == 0x58 || b == 0x4C || b == 0x43 || b == 0x44 || b == 0x4D }
    }

    /// A word inside a run of at least two all-capital words of three or more letters ("DATA CHARTER").
    static func inCapitalPhrase(_ u: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        func capsWord(before: Bool) -> Bool {
            var k = before ? r.lowerBound - 1 : r.upperBound
            guard k >= 0, k < u.count, u[k] == 0x20 else { return false }
            var s = k, e = k
            if before {
                e = k; s = k
                while s > 0, isWordByte(u[s - 1]) { s -= 1 }
            } else {
                k += 1; s = k; e = k
                while e < u.count, isWordByte(u[e]) { e += 1 }
            }
            let w = before ? u[s..<e] : u[s..<e]
            return w.count >= 3 && w.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
        }
        return r.count >= 3 && (capsWord(before: true) || capsWord(before: false))
    }
}
