import Testing
import DocPipeCore
import DocPipeTestSupport
@testable import DocPipeExtract

/// The data structures behind the fast entity pass: each must answer exactly as the plain code it
/// replaced (string interpolation, `Set`, `Dictionary`, `split`).
@Suite struct EntityStructureTests {
    /// The linker's blank entities (byte copies of one) equal `Array(repeating:count:)`'s, and setting
    /// their fields (which releases the blank strings) and dropping them is sound.
    @Test func blankEntitiesMatchRepeating() {
        for count in [0, 1, 2, 7, 300] {
            let blank = Entity(id: "", kind: .org, range: 0..<0)
            var a = EntityLinker.blankEntities(count)
            #expect(a == [Entity](repeating: blank, count: count))
            for k in a.indices {
                a[k].id = "entity number \(k) with a long id"
                a[k].normalized = k % 2 == 0 ? "a normalised name longer than fifteen bytes" : nil
                a[k].refersTo = k % 3 == 0 ? "e\(k)" : nil
            }
            let b = a
            a = []
            #expect(b.allSatisfy { $0.id.hasPrefix("entity number ") })
        }
    }

    /// The map answers as a `Dictionary` on random keys (small ids, 0, large hashes; repeated, values
    /// overwritten) while it grows from empty and from a given capacity.
    @Test(arguments: [0, 5000])
    func hashMapMatchesDictionary(capacity: Int) {
        var rng = SplitMix(seed: 0x5A7E)
        var map = HashMap64(capacity: capacity)
        var dict: [UInt64: Int] = [:]
        #expect(map.isEmpty && map.get(7) == nil && map.get(0) == nil)
        for step in 0..<20_000 {
            let r = rng.next()
            let key: UInt64 = r % 3 == 0 ? r | 1 << 63 : (r >> 8) % 3000
            if r % 5 < 2 {
                map.set(key, step)
                dict[key] = step
            }
            #expect(map.get(key) == dict[key])
            #expect(map.isEmpty == dict.isEmpty)
        }
        #expect(dict.count > 1000 && dict[0] != nil)
        for (k, v) in dict { #expect(map.get(k) == v) }
    }

    @Test func idStringsMatchInterpolation() {
        for k in [0, 1, 9, 10, 99, 100, 4095, 4096, 4097, 8191, 8192, 8193, 123_456, Int(Int32.max)] {
            #expect(EntityLinker.idString(k) == "e\(k)")
        }
    }

    @Test func hashSetAnswersLikeSet() {
        let members: [UInt64] = [0, 1, 7, 8, 16, 0xFFFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, 42, 42]
        let set = HashSet64(members)
        for v in members { #expect(set.contains(v)) }
        for v: UInt64 in [2, 3, 9, 15, 17, 0x7FFF_FFFF_FFFF_FFFF, 43] { #expect(!set.contains(v)) }
        #expect(!HashSet64([]).contains(0))
        #expect(!HashSet64([]).contains(5))
    }

    @Test func hashMapKeepsLastValuePerKey() {
        var map = HashMap64(capacity: 200)
        var reference: [UInt64: Int] = [:]
        for k in 0..<200 {
            // Colliding low bits on purpose: keys differing only above the slot bits.
            let key = UInt64(k % 50) << 40 | UInt64(k % 3)
            map.set(key, k)
            reference[key] = k
        }
        map.set(0, -1)
        reference[0] = -1
        for (key, value) in reference { #expect(map.get(key) == value) }
        #expect(map.get(0xDEAD_BEEF) == nil)
    }

    @Test(arguments: [
        ("1.4", 9, "1400000000"), ("90", -2, "0.9"), ("9000", 0, "9000"), ("0.5", 0, "0.5"), ("1", 6, "1000000"),
        ("007", 0, "7"), ("12.50", 0, "12.5"), ("3", -4, "0.0003"), ("120", -1, "12"), ("0", 3, "0"),
        ("2.75", 1, "27.5"), ("0.05", 2, "5"),
    ] as [(String, Int, String)])
    func shiftMovesThePoint(_ digits: String, _ power: Int, _ expected: String) {
        #expect(EntityNumberText.shift(digits, by: power) == expected)
    }

    @Test func shiftReadsNumeralsInPlace() {
        var text = "US$ 9,000 and 1.4 and 1,234.5"
        text.withUTF8 { p in
            let tokens = Tokenizer.tokens(in: p).filter { $0.kind == .number }
            #expect(tokens.map { EntityNumberText.isPlain(p, $0.range) } == [true, true, true])
            #expect(tokens.map { EntityNumberText.shift(p, $0.range, by: 3) } == ["9000000", "1400", "1234500"])
            #expect(tokens.map { EntityNumberText.plain(p, $0.range) } == ["9000", "1.4", "1234.5"])
        }
        var odd = "1. .5 1.2.3 2004/2005"
        odd.withUTF8 { p in
            for r in [0..<2, 3..<5, 6..<11, 12..<21] { #expect(!EntityNumberText.isPlain(p, r)) }
            #expect(EntityNumberText.smallInteger(p, 12..<16, maxDigits: 4) == 2004)
            #expect(EntityNumberText.smallInteger(p, 0..<2, maxDigits: 4) == nil)
        }
    }

    @Test func unscaledShiftOfTokenMatchesDigitShift() {
        // Every numeral over `0 1 9 , .` up to five characters: the in-place shift (with its fast path
        // for canonical integers) must give what shifting the digits alone gives.
        var numerals: [String] = [], layer = [""]
        for _ in 0..<5 {
            layer = layer.flatMap { n in ["0", "1", "9", ",", "."].map { n + $0 } }
            numerals += layer
        }
        var checked = 0
        for numeral in numerals + ["1234567890123456789", "007", "0", "10,000,000", "12.50"] {
            var text = numeral
            text.withUTF8 { p in
                guard EntityNumberText.isPlain(p, 0..<p.count) else { return }
                for power in [0, 2, -2] {
                    #expect(EntityNumberText.shift(p, 0..<p.count, by: power) == EntityNumberText.shift(String(numeral.filter { $0 != "," }), by: power), "\(numeral) \(power)")
                }
                checked += 1
            }
        }
        #expect(checked > 200)
    }

    @Test func shortFormWordsCompareAsStrings() {
        // A later word of a short form matches a canonically equivalent spelling, as `String` does.
        let rows = recogniseEntities("The Alpha Beta Commission (ABC Caf\u{E9}) met. The ABC Cafe\u{301} agreed.", acronyms: [("ABC Caf\u{E9}", "Alpha Beta Commission")])
        #expect(rows.contains { $0.text == "ABC Cafe\u{301}" })
        #expect(rows.filter { $0.text.hasPrefix("ABC") }.count == 2)
    }

    @Test func headKeysOfNames() {
        let lex = EntityLexicon.shared
        func key(_ word: String) -> Int32 { lex.headKeyOfWord[Int(lex.vocab.id(of: word))] }
        #expect(lex.headKey(ofName: "Office of the United Nations High Commissioner for Refugees") == key("Office"))
        #expect(key("Organisation") == key("Organization"))
        #expect(key("organization") == key("Organization"))
        #expect(lex.headKeyIsGeneric[Int(key("Organization"))])
        #expect(!lex.headKeyIsGeneric[Int(key("Office"))])
        #expect(lex.headKey(ofName: "Northern  Rivers Development Bank") == key("Bank"))
        #expect(lex.headKey(ofName: "Geneva") == -1)
        // A weak head is the name's head only when no other head follows it.
        #expect(lex.headKey(ofName: "Alpine Customs Cooperation Council") == key("Council"))
        #expect(lex.headKey(ofName: "Zürich Seed Cooperation Council") == key("Council"))
        #expect(lex.headKey(ofName: "Danube Accreditation Cooperation") == key("Cooperation"))
        #expect(lex.headKey(ofName: "Office for Nordic Cooperation") == key("Office"))
        #expect(lex.headKey(ofName: "Danube Cooperation for Laboratory Standards") == key("Cooperation"))
        #expect(lex.headKey(ofName: "Zürich Cooperation for Laboratory Standards") == key("Cooperation"))
        // Non-ASCII names take the Character path: a space carrying a combining mark splits nothing.
        #expect(lex.headKey(ofName: "Caf\u{E9} Bank") == key("Bank"))
        #expect(lex.headKey(ofName: "Caf\u{E9} \u{301}Bank") == -1)
    }

    @Test func trieStartFlagsMarkFirstWords() {
        let lex = EntityLexicon.shared
        #expect(lex.flags(lex.vocab.id(of: "World")).contains(.gazetteerStart))
        #expect(lex.flags(lex.vocab.id(of: "per")).contains(.percentStart))
        #expect(lex.flags(lex.vocab.id(of: "Dr.")).contains(.titleStart))
    }

    @Test func shortFormsAfterCurlyApostrophes() {
        // A short form is found by the hash of its first word, with `’` read as `'` on both sides.
        let rows = recogniseEntities("The Ma’aden Trade Office (MTO) met. The MTO agreed.", acronyms: [("MTO", "Ma’aden Trade Office")])
        #expect(rows.filter { $0.text == "MTO" }.count == 2)
    }
}

/// The byte-level gazetteer loader must build exactly the lexicon that reading the files as Strings
/// (split at Characters) builds.
@Suite struct EntityLexiconLoadTests {
    static func expectSame(_ a: EntityLexicon, _ b: EntityLexicon) {
        #expect(a.vocab.count == b.vocab.count)
        for id in 0..<Int32(min(a.vocab.count, b.vocab.count)) {
            #expect(a.vocab.key(id) == b.vocab.key(id))
            #expect(a.flags(id) == b.flags(id))
            #expect(a.value(id) == b.value(id))
        }
        #expect(a.entries.count == b.entries.count)
        for (x, y) in zip(a.entries, b.entries) {
            #expect(x.kind == y.kind && x.normalized == y.normalized && x.isShortForm == y.isShortForm && x.isCanonical == y.isCanonical)
        }
        #expect(a.trie.payload == b.trie.payload)
        #expect(a.currency == b.currency)
        #expect(a.cueValues == b.cueValues)
        #expect(a.maxNameLength == b.maxNameLength)
        #expect(a.entryHeadKey == b.entryHeadKey && a.headKeyOfWord == b.headKeyOfWord)
    }

    @Test func byteLoaderMatchesStringLoader() {
        Self.expectSame(EntityLexicon(files: GazetteerData.files), EntityLexicon(files: GazetteerData.files, byteLevel: false))
    }

    @Test func byteLoaderMatchesOnEdgeCases() {
        // Comments, empty lines and fields, `=`, short forms, mixed case, non-ASCII lines, a CR file, first
        // names (the byte loader's own path) next to a near-miss category.
        let text = "# comment\n\nORG\tWorld Health Organization\t=|WHO||W.H.O.\nGPE\tCI\tCôte d'Ivoire|Ivory Coast\n"
            + "ORG\tOnly two\nLOC\tAlps\tAlps|ALPS|Alp S\norghead\tAgency\nscale\tmillion\t6\nrefgeneric\tagency\n"
            + "curword\tUS dollars\tUSD\npercent\tper cent\ntitle\tDr.\nORG\tÉcole\tÉCOLE|École\n#x\tGPE\tXX\n"
            + "firstname\tJane\nfirstname\tAgency\tx\nfirstnames\tBob\nfirstname\tJosé\n"
        for files in [[("a.tsv", text)], [("a.tsv", text), ("b.tsv", "GPE\tFR\tFrance\r\nGPE\tDE\tGermany\r\n")]] {
            Self.expectSame(EntityLexicon(files: files), EntityLexicon(files: files, byteLevel: false))
        }
    }
}

/// The scanner hashes each token once for both its exact and its folded vocabulary id: both must be
/// what a separate lookup of the token's bytes gives.
@Suite struct EntityScannerTokenInfoTests {
    /// Every token's exact and folded ids in the scanner equal the vocabulary's own lookups.
    static func expectIdsMatchLookups(_ text: String, _ lex: EntityLexicon) {
        var text = text
        text.withUTF8 { p in
            let tokens = Tokenizer.tokens(in: p)
            let scanner = EntityScanner(p: p, tokens: tokens, lexicon: lex, sentences: [], acronyms: [])
            for (t, token) in tokens.enumerated() {
                #expect(scanner.info[t].exact == lex.vocab.id(p, token.range, fold: false))
                #expect(scanner.info[t].folded == lex.vocab.id(p, token.range, fold: true))
            }
        }
    }

    @Test func exactAndFoldedIdsMatchVocabularyLookups() {
        let text = "The UNITED Nations’ Secretary-General, MR. Smith and the World Health ORGANIZATION’S "
            + "Dr. Jane Roe met O’Brien in Côte d’Ivoire: PER CENT, Million, ÉCOLE, A/RES/47/4 and IOM\u{2019}s 9,000."
        let lex = EntityLexicon.shared
        Self.expectIdsMatchLookups(text, lex)
    }

    /// Vocabulary words and near misses in random casings (the folded id comes from the exact one
    /// when the word is known, else from its own lookup).
    @Test func randomCasingsMatchVocabularyLookups() {
        let lex = EntityLexicon.shared
        var rng = SplitMix(seed: 0xE17)
        var words: [String] = []
        for _ in 0..<3000 {
            let key = lex.vocab.key(Int32(rng.next() % UInt64(lex.vocab.count)))
            // ASCII letters flipped at random (folding only touches ASCII).
            var bytes = Array(key.utf8).map { b -> UInt8 in
                let letter = b &- 0x41 < 26 || b &- 0x61 < 26
                return letter && rng.next() % 3 == 0 ? b ^ 0x20 : b
            }
            if rng.next() % 7 == 0 { bytes.append(0x78) }
            words.append(String(decoding: bytes, as: UTF8.self))
        }
        let text = words.joined(separator: " ")
        Self.expectIdsMatchLookups(text, lex)
    }

    /// The token pass's line-start and sentence-initial bits (a newline found once per line, sentence
    /// starts read through a cursor) equal the rule on each gap's bytes: random words, punctuation and
    /// gaps with and without newlines, with random sentence starts (on tokens and between them) or none.
    @Test func lineAndSentenceStartsMatchGapRule() {
        let lex = EntityLexicon.shared
        var rng = SplitMix(seed: 0x11E5)
        let words = ["The", "the", "UN", "Organization", "of", "9,000", "Côte", ".", "?", "!", ":", ",", "(", "“", "\"", "’s", "—", "a"]
        let gaps = ["", " ", " ", " ", "  ", "\n", "\n\n", " \n ", "\t\n", "\r\n", "   x\n"]
        var checked = 0
        for round in 0..<300 {
            var text = ""
            for _ in 0..<Int(rng.next() % 60) {
                text += gaps[Int(rng.next() % UInt64(gaps.count))] + words[Int(rng.next() % UInt64(words.count))]
            }
            text += gaps[Int(rng.next() % UInt64(gaps.count))]
            text.withUTF8 { p in
                let tokens = Tokenizer.tokens(in: p)
                var starts: [Int] = []
                if round % 3 != 0 {
                    for t in tokens where rng.next() % 4 == 0 { starts.append(t.range.lowerBound) }
                    for _ in 0..<Int(rng.next() % 4) { starts.append(Int(rng.next() % UInt64(p.count + 1))) }
                    // In order (as the segmenter gives them) or not.
                    if round % 2 == 0 { starts.shuffle(using: &rng) } else { starts.sort() }
                }
                let sentences = starts.map { Sentence(range: $0..<$0) }
                let scanner = EntityScanner(p: p, tokens: tokens, lexicon: lex, sentences: sentences, acronyms: [])
                var prevInitial = false
                for (t, token) in tokens.enumerated() {
                    var lineStart = false, initial = t == 0
                    if t > 0 {
                        let prev = tokens[t - 1]
                        lineStart = p[prev.range.upperBound..<token.range.lowerBound].contains(0x0A)
                        let c = p[prev.range.lowerBound]
                        let stop = prev.kind == .punctuation && prev.range.count == 1 && (c == 0x2E || c == 0x3F || c == 0x21 || c == 0x3A)
                        initial = lineStart || starts.contains(token.range.lowerBound) || sentences.isEmpty && stop
                            || prevInitial && prev.kind == .punctuation
                    }
                    let shape = scanner.info[t].shape
                    #expect((shape & EntityScanner.lineStart != 0) == lineStart)
                    #expect((shape & EntityScanner.initial != 0) == initial)
                    prevInitial = initial
                    if lineStart { checked += 1 }
                }
            }
        }
        #expect(checked > 500)
    }

    /// The token pass's word memo gives every token the info a pass without it computes: a few hundred
    /// words (vocabulary words and near misses in random casings, with slashes, digits, short-form
    /// starts, non-ASCII bytes, 1 to 20 bytes, pairs alike in their first 8 bytes) repeated in random
    /// order, so that most tokens hit the memo; then pairs of words that share a slot, in turns.
    @Test func wordMemoMatchesComputedInfo() {
        let lex = EntityLexicon.shared
        var rng = SplitMix(seed: 0x3E30)
        var pool = ["A/RES/47/4", "S/RES/1325", "IOM", "IOM’s", "UNICEF", "WHO", "a/b2", "Côte", "O’Brien",
                    "internationalization", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOPQ", "Ab", "AB", "ab", "9,000", "1991",
                    "Organization", "Organizations", "Organizatiom", "Organisation", "organization", "ORGANIZATION",
                    "Secretary", "Secretariat", "secretary", "SECRETARIAT",
                    // Non-ASCII tokens of up to 16 bytes (memoised too), some alike in their first 8 bytes.
                    "Ångström", "ÅNGSTRÖM", "ångström", "Nouméa", "NOUMÉA", "Dvořák", "Jiří", "İstanbul", "Zürich",
                    "Łódź", "São", "–", "—", "’", "“", "”", "€", "É/1", "ÉCOLE/1", "Organizatión", "Organizatiön",
                    "Internationalé", "Internationalè", "Côte’s", "Ñ", "ñ", "Éire"]
        for _ in 0..<500 {
            let key = lex.vocab.key(Int32(rng.next() % UInt64(lex.vocab.count)))
            var bytes = Array(key.utf8).map { b -> UInt8 in
                let letter = b &- 0x41 < 26 || b &- 0x61 < 26
                return letter && rng.next() % 3 == 0 ? b ^ 0x20 : b
            }
            switch rng.next() % 8 {
            case 0: bytes.append(0x78)
            case 1: bytes += [0x2F, 0x30 + UInt8(rng.next() % 10)]
            case 2: bytes += Array(repeating: 0x61 + UInt8(rng.next() % 26), count: Int(rng.next() % 12))
            default: break
            }
            pool.append(String(decoding: bytes, as: UTF8.self))
        }
        let words = (0..<8000).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
        // Then words in turns with a twin of the same length that differs in one letter (in its first or
        // second 8 bytes) and has the same memo slot: each evicts the other.
        func slot(_ b: [UInt8]) -> Int {
            var w0: UInt64 = 0, w1: UInt64 = 0
            for (k, x) in b.enumerated() {
                if k < 8 { w0 |= UInt64(x) << (8 * UInt64(k)) } else { w1 |= UInt64(x) << (8 * UInt64(k - 8)) }
            }
            return EntityScanner.memoSlot(w0: w0, w1: w1)
        }
        var twins: [String] = []
        var twinCount = 0
        for _ in 0..<400 {
            let key = lex.vocab.key(Int32(rng.next() % UInt64(lex.vocab.count)))
            let bytes = Array(key.utf8)
            guard bytes.count >= 4, bytes.count <= 16, bytes.allSatisfy({ $0 | 0x20 &- 0x61 < 26 }) else { continue }
            let target = slot(bytes)
            // Two letters changed, both in the second word when there is one.
            let from = bytes.count > 9 && rng.next() % 2 == 0 ? 8 : 0
            for _ in 0..<20_000 {
                var twin = bytes
                for _ in 0..<2 { twin[from + Int(rng.next() % UInt64(bytes.count - from))] = 0x61 + UInt8(rng.next() % 26) }
                guard twin != bytes, slot(twin) == target else { continue }
                for _ in 0..<3 { twins += [key, String(decoding: twin, as: UTF8.self)] }
                twinCount += 1
                break
            }
        }
        #expect(twinCount > 20)
        var text = words.joined(separator: " ") + " " + twins.joined(separator: " ")
        let acronyms = ["IOM", "WHO", "UN", "ABCDEFGHIJKLMNOP"].map {
            Acronym(short: $0, long: "Long Form", range: 0..<1, longRange: 0..<1)
        }
        // Short forms of a second document, scanned with the memo the first left in a pool: its
        // short-form starts are its own.
        let acronyms2 = ["UN", "Ångström", "9,000", "Côte"].map {
            Acronym(short: $0, long: "Long Form", range: 0..<1, longRange: 0..<1)
        }
        let memoPool = EntityMemoPool()
        text.withUTF8 { p in
            let tokens = Tokenizer.tokens(in: p)
            for (pass, acronyms) in [acronyms, acronyms2, acronyms].enumerated() {
                // Pass 0: a fresh memo; then the pool's, warm from the passes before.
                let a = pass == 0
                    ? EntityScanner(p: p, tokens: tokens, lexicon: lex, sentences: [], acronyms: acronyms)
                    : EntityScanner(p: p, tokens: tokens, lexicon: lex, sentences: [], acronyms: acronyms, memoPool: memoPool)
                if pass == 0 { _ = EntityScanner(p: p, tokens: tokens, lexicon: lex, sentences: [], acronyms: acronyms, memoPool: memoPool) }
                let b = EntityScanner(p: p, tokens: tokens, lexicon: lex, sentences: [], acronyms: acronyms, memo: false)
                #expect(a.info.count == b.info.count)
                var differing = 0
                for (x, y) in zip(a.info, b.info) where x.exact != y.exact || x.folded != y.folded || x.fx != y.fx || x.ff != y.ff
                    || x.shape != y.shape || x.gzEnd != y.gzEnd || x.gzEntry != y.gzEntry {
                    differing += 1
                }
                #expect(differing == 0)
                // The pool holds short-form starts and document symbols: the shape bits above were exercised.
                #expect(b.info.contains { $0.shape & EntityScanner.shortFormStart != 0 })
                #expect(b.info.contains { $0.shape & EntityScanner.slashDigit != 0 })
                #expect(b.info.contains { $0.shape & EntityScanner.allCaps != 0 })
            }
        }
    }

    /// `best`'s tests before calling `money` and `name` skip only calls that return nil: the scan finds
    /// the same mentions with and without them, on random runs of vocabulary words (capitalised, in
    /// lower case, at line and sentence starts), numbers, currency words and punctuation.
    @Test func checksBeforeCallsKeepMentions() {
        let lex = EntityLexicon.shared
        var rng = SplitMix(seed: 0x5CA9)
        var pool = ["the", "The", "of", "and", "for", "In", "Its", "Organization", "Committee", "Board", "Executive",
                    "Nouméa", "United", "Nations", "World", "Health", "Bank", "Agreement", "Article", "Dr.", "Jane", "Roe",
                    "UN", "WHO", "IOM", "USD", "$", "US", "dollars", "million", "per", "cent", "%", "12", "1991", "9,000",
                    "three", "a", "hundred", "resolution", "A/RES/47/4", "Conference", "Geneva", "France", "’s", "/", "&"]
        for _ in 0..<300 {
            let key = lex.vocab.key(Int32(rng.next() % UInt64(lex.vocab.count)))
            let bytes = Array(key.utf8)
            let upper = rng.next() % 2 == 0 && !bytes.isEmpty && bytes[0] &- 0x61 < 26
            pool.append(String(decoding: upper ? [bytes[0] ^ 0x20] + bytes.dropFirst() : bytes, as: UTF8.self))
        }
        // "" glues two words (`Children` + `’s`).
        let separators = [" ", " ", " ", " ", ", ", ". ", "\n", "\n\n", " (", ") ", ""]
        // Name-like runs: capitalised modifiers, head nouns and connectors, one space apart.
        let modifiers = ["Executive", "Regional", "Alpine", "Plant", "Health", "Nouméa", "English", "January", "Jane", "World", "United"]
        let heads = ["Organization", "Committee", "Board", "Council", "Agreement", "Conference", "Bank", "Office", "Nations"]
        let connectors = ["of", "for", "and", "on", "the", "&", "’s", "/", "in", "to"]
        func pick(_ words: [String], _ rng: inout SplitMix) -> String { words[Int(rng.next() % UInt64(words.count))] }
        for round in 0..<40 {
            var text = ""
            for _ in 0..<400 {
                if rng.next() % 2 == 0 {
                    for _ in 0..<(1 + Int(rng.next() % 5)) {
                        let r = rng.next() % 10
                        text += r < 4 ? pick(modifiers, &rng) : r < 7 ? pick(heads, &rng) : pick(connectors, &rng)
                        text += " "
                    }
                }
                text += pool[Int(rng.next() % UInt64(pool.count))]
                text += separators[Int(rng.next() % UInt64(separators.count))]
            }
            text.withUTF8 { p in
                let tokens = Tokenizer.tokens(in: p)
                var a = EntityScanner(p: p, tokens: tokens, lexicon: lex, sentences: [], acronyms: [])
                // Half the rounds with DATE / TIME spans (in order, apart), each over one to three tokens
                // from a random one: numbers inside them are no CARDINAL.
                if round % 2 == 1 {
                    var spans: [Range<Int>] = []
                    var t = 0
                    while t < tokens.count {
                        if rng.next() % 5 == 0 {
                            let last = min(tokens.count - 1, t + Int(rng.next() % 3))
                            spans.append(tokens[t].range.lowerBound..<tokens[last].range.upperBound)
                            t = last + 1
                        }
                        t += 1
                    }
                    a.dateSpans = spans
                }
                var b = a
                b.checkFirst = false
                a.scan()
                b.scan()
                #expect(!a.mentions.isEmpty && a.mentions.count == b.mentions.count)
                for (x, y) in zip(a.mentions, b.mentions) {
                    #expect(x.kind == y.kind && x.start == y.start && x.end == y.end && x.source == y.source)
                    #expect(a.normalized(x.norm) == b.normalized(y.norm))
                }
            }
        }
    }

    /// The role-word lookup by slot answers as a comparison with every role word (ASCII capitals folded),
    /// on role words in random casings, near misses (a byte changed, added or dropped) and other words.
    @Test func roleWordSlotsMatchTheList() {
        var rng = SplitMix(seed: 0x201E)
        let roles = EntityScanner.roleWords.map { String(decoding: UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount), as: UTF8.self) }
        func plain(_ bytes: [UInt8]) -> Bool {
            let folded = bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
            return roles.contains { Array($0.utf8) == folded }
        }
        var hits = 0
        for step in 0..<20_000 {
            var bytes = Array(roles[rng.below(roles.count)].utf8)
            for k in bytes.indices where rng.below(3) == 0 && bytes[k] &- 0x61 < 26 { bytes[k] ^= 0x20 }
            switch step % 5 {
            case 1: bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
            case 2: bytes.insert(UInt8(0x21 + rng.below(0x5E)), at: rng.below(bytes.count + 1))
            case 3: if bytes.count > 1 { bytes.remove(at: rng.below(bytes.count)) }
            case 4: bytes = (0..<(1 + rng.below(20))).map { _ in [0x41, 0x61, 0x2E, 0x2D, 0xC3, 0xE2][rng.below(6)] + UInt8(rng.below(26)) }
            default: break
            }
            let expected = plain(bytes)
            if expected { hits += 1 }
            bytes.withUnsafeBufferPointer { p in
                #expect(EntityScanner.isRoleWord(p, 0..<p.count) == expected)
            }
        }
        #expect(hits > 4000)
    }
}
