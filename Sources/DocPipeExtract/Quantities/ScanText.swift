import DocPipeCore

/// A light token over UTF-8 bytes, private to the quantity and claim extractors (they must not depend
/// on `Document.tokens`). Words keep internal hyphens and apostrophes (`non-permanent`, `IOM’s`);
/// numbers keep thousands separators and one decimal point (`9,000`, `1.4`).
///
/// The lower-cased text is not a `String` per token: it lives in `ScanText.lowerBytes[lo ..< lo + len]`
/// (one buffer per document), compared with `ScanText.eq` and turned into a `String` only on rare paths.
struct ScanToken {
    enum Kind: UInt8 { case word, number, punct }
    var kind: Kind
    /// First letter upper case.
    var capitalized: Bool
    /// Two or more upper-case letters and no lower case (an `s` plural allowed: `NGOs`).
    var acronym: Bool
    /// Whitespace (or nothing) precedes the token.
    var spaceBefore: Bool
    /// The lower-cased text contains a hyphen.
    var hyphen: Bool = false
    /// Letters all ASCII, the only other scalar `’` (each scalar its own `Character`): byte tests on the
    /// lower-cased text equal `Character` tests.
    var simple: Bool = true
    var start: Int
    var end: Int
    /// Lower-cased text for words and punctuation; the digits without separators for numbers.
    var lo: Int32 = 0
    var len: Int32 = 0
    /// Word-class bits of the lower-cased text (see `WordClass`), computed once per token.
    var flags: UInt64 = 0

    @inline(__always) func has(_ f: UInt64) -> Bool { flags & f != 0 }
}

/// Word classes of the vocabulary of the quantity and claim tables, as bits: one dictionary lookup per
/// token instead of one set lookup per test.
enum WordClass {
    static let unit: UInt64 = 1 << 0
    static let numStart: UInt64 = 1 << 1
    static let adverb: UInt64 = 1 << 2
    static let presentWord: UInt64 = 1 << 3
    static let pastAux: UInt64 = 1 << 4
    static let presentAux: UInt64 = 1 << 5
    static let presentVerb: UInt64 = 1 << 6
    static let countVerb: UInt64 = 1 << 7
    static let pronoun: UInt64 = 1 << 8
    static let foundingVerb: UInt64 = 1 << 9
    static let phraseStop: UInt64 = 1 << 10
    static let month: UInt64 = 1 << 11
    static let yearContext: UInt64 = 1 << 12
    static let referenceWord: UInt64 = 1 << 13
    static let capBeforeNumber: UInt64 = 1 << 14
    static let comparatorKey: UInt64 = 1 << 15
    static let currencyCode: UInt64 = 1 << 16
    static let scale: UInt64 = 1 << 17
    static let partialVerb: UInt64 = 1 << 18
    static let joiningVerb: UInt64 = 1 << 19
    static let timeNoun: UInt64 = 1 << 20
    static let measureUnit: UInt64 = 1 << 21
    static let modal: UInt64 = 1 << 22
    /// Last word of a comparator phrase / of an addition marker; first word of a unit phrase.
    static let comparatorLast: UInt64 = 1 << 23
    static let additionLast: UInt64 = 1 << 24
    static let unitPhraseFirst: UInt64 = 1 << 25
    static let fraction: UInt64 = 1 << 26
    /// First word of a `currencyWords` key / of a two-word measure unit.
    static let currencyFirst: UInt64 = 1 << 27
    static let measurePhraseFirst: UInt64 = 1 << 28
    static let invariantPlural: UInt64 = 1 << 29
    static let verbInS: UInt64 = 1 << 30
    static let copula: UInt64 = 1 << 31
    /// First word of a `ClaimTables.partIntroducers` entry (`:`, `comprise`, `of`, …).
    static let partIntroFirst: UInt64 = 1 << 32
    /// A clock word after a number (`3 pm`, `10.30 am`) / a reference abbreviation before `.` and a number
    /// (`No. 5`, `para. 12`): the quantity extractor's neighbour tests.
    static let timeSuffix: UInt64 = 1 << 33
    static let referenceAbbreviation: UInt64 = 1 << 34
    /// A verb in -s that ends a counted noun phrase (`QuantityTables.finiteVerbsInS`).
    static let finiteVerbInS: UInt64 = 1 << 35
    /// A key of `ClaimTables.ordinals` (`first`, `secondly`, `finally`).
    static let ordinal: UInt64 = 1 << 36
    /// An irregular past tense (`ClaimTables.irregularPasts`: `grew`, `became`).
    static let irregularPast: UInt64 = 1 << 37
    /// A verb's base form that ends a counted phrase after a plural noun (`QuantityTables.pluralSubjectVerbs`).
    static let pluralSubjectVerb: UInt64 = 1 << 38
    static let finiteVerb: UInt64 = pastAux | presentAux | presentVerb

    static let table: [String: UInt64] = {
        var d: [String: UInt64] = [:]
        func add<S: Sequence>(_ words: S, _ f: UInt64) where S.Element == String { for w in words { d[w, default: 0] |= f } }
        add(QuantityTables.units.keys, unit | numStart)
        add(["a", "an", "half"], numStart)
        add(ClaimTables.adverbs, adverb)
        add(ClaimTables.presentWords, presentWord)
        add(ClaimTables.pastAux, pastAux)
        add(ClaimTables.presentAux, presentAux)
        add(ClaimTables.presentVerbs, presentVerb)
        add(ClaimTables.countVerbs, countVerb)
        add(ClaimTables.pronouns, pronoun)
        add(ClaimTables.foundingVerbs, foundingVerb)
        add(ClaimTables.partialVerbs, partialVerb)
        add(ClaimTables.joiningVerbs, joiningVerb)
        add(QuantityTables.phraseStops, phraseStop)
        add(QuantityTables.months, month)
        add(QuantityTables.yearContext, yearContext)
        add(QuantityTables.referenceWords, referenceWord)
        add(QuantityTables.capitalizedBeforeNumber, capBeforeNumber)
        add(QuantityTables.comparators.keys, comparatorKey)
        add(QuantityTables.currencyCodes, currencyCode)
        add(QuantityTables.scales.keys, scale)
        add(QuantityTables.timeNouns, timeNoun)
        add(QuantityTables.measureUnits, measureUnit)
        add(["will", "can", "may", "shall", "must", "might", "could", "should", "would"], modal)
        add(QuantityTables.comparators.keys.map { String($0.split(separator: " ").last!) }, comparatorLast)
        add(QuantityTables.additionMarkers.map { String($0.split(separator: " ").last!) }, additionLast)
        add(QuantityTables.unitPhrases.keys.map { String($0.split(separator: " ").first!) }, unitPhraseFirst)
        add(QuantityTables.fractions.keys, fraction)
        add(QuantityTables.currencyWords.keys.map { String($0.split(separator: " ").first!) }, currencyFirst)
        add(QuantityTables.measureUnits.filter { $0.contains(" ") }.map { String($0.split(separator: " ").first!) }, measurePhraseFirst)
        add(QuantityTables.invariantPlurals, invariantPlural)
        add(QuantityTables.verbsInS, verbInS)
        add(QuantityTables.finiteVerbsInS, finiteVerbInS)
        add(ClaimTables.copulas, copula)
        add(ClaimTables.partIntroducers.map { $0[0].description }, partIntroFirst)
        add(QuantityTables.timeSuffixes, timeSuffix)
        add(QuantityTables.referenceAbbreviations, referenceAbbreviation)
        add(ClaimTables.ordinals.keys, ordinal)
        add(ClaimTables.irregularPasts, irregularPast)
        add(QuantityTables.pluralSubjectVerbs, pluralSubjectVerb)
        return d
    }()

    @inline(__always) static func of(_ lower: String) -> UInt64 { table[lower] ?? 0 }

    /// The same table over lower-case ASCII bytes: open addressing on an FNV-1a hash, no `String` needed.
    static let byteTable: ByteVocab = ByteVocab(table)
}

/// A fixed string → flags table looked up on raw bytes: open addressing on an FNV-1a hash, keys stored
/// back to back in one buffer, so a lookup allocates nothing and touches two or three cache lines.
struct ByteVocab: Sendable {
    private var keyBytes: [UInt8] = []
    /// Per entry: start in `keyBytes`, length, flags.
    private var keyStart: [Int32] = []
    private var keyLen: [Int32] = []
    private var values: [UInt64] = []
    private var slots: [Int32]
    private let mask: Int
    /// Flags of each one-byte ASCII text (`lookupFolding` of that byte): punctuation tokens without a hash.
    private var asciiBytes: [UInt64] = []

    init(_ d: [String: UInt64]) {
        var size = 64
        while size < d.count * 4 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (k, v) in d.sorted(by: { $0.key < $1.key }) {
            let b = Array(k.utf8)
            var h = Int(truncatingIfNeeded: Self.hash(b)) & mask
            while slots[h] >= 0 { h = (h + 1) & mask }
            slots[h] = Int32(values.count)
            keyStart.append(Int32(keyBytes.count))
            keyLen.append(Int32(b.count))
            keyBytes.append(contentsOf: b)
            values.append(v)
        }
        let all = (0..<128).map { UInt8($0) }
        let table = all.withUnsafeBufferPointer { b in all.indices.map { lookupFolding(b, $0, $0 + 1) } }
        asciiBytes = table
    }

    /// `lookupFolding` of the one-byte text `b` (ASCII).
    @inline(__always) func asciiByteFlags(_ b: UInt8) -> UInt64 { asciiBytes[Int(b)] }

    static func hash(_ b: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in b { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        return h
    }

    /// Flags of the lower-cased word `bytes[lo..<hi]` whose FNV-1a hash is `h`.
    @inline(__always) func lookup(hash h: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> UInt64 {
        var slot = Int(truncatingIfNeeded: h) & mask
        let n = hi - lo
        return slots.withUnsafeBufferPointer { slots in
            keyBytes.withUnsafeBufferPointer { kb in
                while true {
                    let idx = Int(slots[slot])
                    if idx < 0 { return 0 }
                    if Int(keyLen[idx]) == n {
                        let ks = Int(keyStart[idx])
                        var same = true
                        for k in 0..<n where kb[ks + k] != bytes[lo + k] { same = false; break }
                        if same { return values[idx] }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Flags of the word `bytes[lo..<hi]` with ASCII letters A–Z folded to lower case.
    @inline(__always) func lookupFolding(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for k in lo..<hi {
            let b = bytes[k]
            let c = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            h = (h ^ UInt64(c)) &* 0x100000001b3
        }
        var slot = Int(truncatingIfNeeded: h) & mask
        let n = hi - lo
        return slots.withUnsafeBufferPointer { slots in
            keyBytes.withUnsafeBufferPointer { kb in
                while true {
                    let idx = Int(slots[slot])
                    if idx < 0 { return 0 }
                    if Int(keyLen[idx]) == n {
                        let ks = Int(keyStart[idx])
                        var same = true
                        for k in 0..<n {
                            let b = bytes[lo + k]
                            let c = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                            if kb[ks + k] != c { same = false; break }
                        }
                        if same { return values[idx] }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}

/// The document text as bytes, its scan tokens, and sentence / block spans over the tokens.
struct ScanText {
    let bytes: [UInt8]
    var tokens: [ScanToken] = []
    /// Lower-cased text of every token, back to back (see `ScanToken.lo`).
    var lowerBytes: [UInt8] = []
    /// Indices of the tokens `QuantityExtractor.matches` stops at (`isQuantityStop`), in order: listed by
    /// the scan as it writes them, so the matches do not test every token again.
    var stops: [Int] = []
    /// Token index ranges of the sentences, in order.
    var sentences: [Range<Int>] = []
    /// Sentence index of each token (-1 when outside every sentence).
    var sentenceOf: [Int] = []
    /// Blocks: kind and token range.
    var blocks: [(kind: Block.Kind, tokens: Range<Int>, range: Range<Int>)] = []
    /// Block starts never decrease (the segmenter's order): `firstBlock` may search by halving.
    var blocksSorted = true

    init(_ document: Document) {
        bytes = Array(document.text.utf8)
        tokenize()
        buildSentences(document)
        buildBlocks(document)
    }

    func text(_ r: Range<Int>) -> String {
        let lo = max(0, min(r.lowerBound, bytes.count)), hi = max(lo, min(r.upperBound, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    func text(tokens r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return text(tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end)
    }

    /// The lower-cased text of token k as a `String` (rare paths: table keys, units, suffix tests on non-ASCII words).
    func lower(_ k: Int) -> String {
        let tk = tokens[k]
        let lo = Int(tk.lo)
        return String(decoding: lowerBytes[lo..<(lo + Int(tk.len))], as: UTF8.self)
    }

    /// Token k's lower-cased text is exactly `w` (byte equality: no allocation; the literals are ASCII or
    /// single punctuation scalars, where it equals `String` equality).
    @inline(__always) func eq(_ k: Int, _ w: StaticString) -> Bool {
        let tk = tokens[k]
        let n = w.utf8CodeUnitCount
        guard Int(tk.len) == n else { return false }
        return lowerBytes.withUnsafeBufferPointer { b in
            let p = w.utf8Start
            let lo = Int(tk.lo)
            for i in 0..<n where b[lo + i] != p[i] { return false }
            return true
        }
    }

    /// Token k's lower-cased text is exactly the bytes `w`.
    func eq(_ k: Int, _ w: [UInt8]) -> Bool {
        let tk = tokens[k]
        guard Int(tk.len) == w.count else { return false }
        let lo = Int(tk.lo)
        for i in 0..<w.count where lowerBytes[lo + i] != w[i] { return false }
        return true
    }

    /// Token k's lower-cased text ends with `w` (ASCII `w`), as `String.hasSuffix` would say.
    @inline(__always) func hasSuffix(_ k: Int, _ w: StaticString) -> Bool {
        let tk = tokens[k]
        guard tk.simple else { return lower(k).hasSuffix(w.description) }
        let n = w.utf8CodeUnitCount
        guard Int(tk.len) >= n else { return false }
        return lowerBytes.withUnsafeBufferPointer { b in
            let p = w.utf8Start
            let base = Int(tk.lo) + Int(tk.len) - n
            for i in 0..<n where b[base + i] != p[i] { return false }
            return true
        }
    }

    /// `Int(lower(k))` of number token k (digits and at most one `.`); four bytes without a `String`.
    func fourDigitValue(_ k: Int) -> Int? {
        let tk = tokens[k]
        guard tk.len == 4 else { return tk.len == 0 ? nil : Int(lower(k)) }
        var v = 0
        for i in Int(tk.lo)..<Int(tk.lo) + 4 {
            let b = lowerBytes[i]
            guard b >= 0x30 && b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }

    /// `Character` count of token k's lower-cased text.
    @inline(__always) func charCount(_ k: Int) -> Int {
        let tk = tokens[k]
        guard tk.simple else { return lower(k).count }
        // One `Character` per scalar: count the bytes that start one.
        var c = 0
        for i in Int(tk.lo)..<Int(tk.lo + tk.len) where lowerBytes[i] & 0xC0 != 0x80 { c += 1 }
        return c
    }

    /// `'s`, `’s`, `s'`, `s’` at the end of token k's lower-cased text.
    func isPossessive(_ k: Int) -> Bool {
        let tk = tokens[k]
        if tk.simple { return hasSuffix(k, "'s") || hasSuffix(k, "’s") || hasSuffix(k, "s'") || hasSuffix(k, "s’") }
        return QuantityExtractor.isPossessive(lower(k))
    }

    private mutating func tokenize() {
        (tokens, lowerBytes, stops) = Self.tokenizeWithStops(bytes, firstCapacity: bytes.count / 5 + 16)
    }

    /// A number, a hyphenated word, or a word that may start a number or a time frame: where
    /// `QuantityExtractor.matches` stops (no other token starts a quantity or a time candidate).
    @inline(__always) static func isQuantityStop(_ tk: ScanToken, _ flags: UInt64) -> Bool {
        tk.kind == .number || tk.hyphen || tk.flags & flags != 0
    }

    /// The word-class bits `isQuantityStop` tests.
    static var quantityStopFlags: UInt64 { WordClass.numStart | WordClass.presentWord | WordClass.foundingVerb }

    /// Where the scan writes the indices of the tokens `isQuantityStop` says (at most one per token).
    struct StopSink {
        let base: UnsafeMutablePointer<Int>
        /// Index in the whole token array of this pass's first token.
        let offset: Int
        let flags: UInt64
        var count = 0

        /// Token `k` of this pass, just written, is listed when it is a stop.
        @inline(__always) mutating func note(_ tk: ScanToken, _ k: Int) {
            if ScanText.isQuantityStop(tk, flags) { add(k) }
        }

        /// Token `k` of this pass, a number or a word without a hyphen whose flags are `wordFlags`.
        @inline(__always) mutating func note(number k: Int) { add(k) }
        @inline(__always) mutating func note(wordFlags: UInt64, _ k: Int) {
            if wordFlags & flags != 0 { add(k) }
        }

        @inline(__always) private mutating func add(_ k: Int) {
            base[count] = offset &+ k
            count &+= 1
        }
    }

    /// `tokenizeWithStops` without the stops (what the tests compare).
    static func tokenize(_ bytes: [UInt8], firstCapacity: Int, wordCache: Bool = true) -> ([ScanToken], [UInt8]) {
        let r = tokenizeWithStops(bytes, firstCapacity: firstCapacity, wordCache: wordCache)
        return (r.tokens, r.lower)
    }

    /// The tokens and lower-cased bytes of `bytes`, and the indices of the tokens that are quantity stops
    /// (`isQuantityStop`). Tokens are written straight into the array's storage
    /// (moving them out of a growable buffer cost a 40-byte copy per token, ~15 M instructions on the
    /// 2 MB bench corpus). `firstCapacity` is a guess; past it the scan resumes into a second array sized
    /// by the bytes left (every token takes at least one byte), appended once. Tests pass small guesses.
    /// `wordCache: false` classifies every word in full (the reference the cache is tested against).
    static func tokenizeWithStops(_ bytes: [UInt8], firstCapacity: Int, wordCache: Bool = true) -> (tokens: [ScanToken], lower: [UInt8], stops: [Int]) {
        let n = bytes.count
        let vocab = WordClass.byteTable
        let stopFlags = quantityStopFlags
        var toks: [ScanToken] = []
        var stops: [Int] = []
        var cache = [WordCacheEntry](repeating: WordCacheEntry(), count: wordCache ? WordCacheEntry.slots(forBytes: n) : 0)
        var foreign = ForeignMemo(enabled: wordCache)
        // Lower-casing grows text by at most 3x (an invalid byte becomes U+FFFD).
        let low = [UInt8](unsafeUninitializedCapacity: 3 * n + 16) { out, count in
            count = bytes.withUnsafeBufferPointer { src in
                cache.withUnsafeMutableBufferPointer { cache in
                    var st = ScanState(i: 0, o: 0, space: true)
                    // Each pass lists at most as many stops as it writes tokens.
                    let cap = max(1, firstCapacity)
                    stops = [Int](unsafeUninitializedCapacity: cap) { sb, sc in
                        var sink = StopSink(base: sb.baseAddress!, offset: 0, flags: stopFlags)
                        toks = [ScanToken](unsafeUninitializedCapacity: cap) { tb, tc in
                            tc = Self.tokenize(src, &st, into: out, tb, vocab, cache, &sink, &foreign)
                        }
                        sc = sink.count
                    }
                    if st.i < n {
                        let made = toks.count
                        var rest: [ScanToken] = []
                        let restStops = [Int](unsafeUninitializedCapacity: n - st.i) { sb, sc in
                            var sink = StopSink(base: sb.baseAddress!, offset: made, flags: stopFlags)
                            rest = [ScanToken](unsafeUninitializedCapacity: n - st.i) { tb, tc in
                                tc = Self.tokenize(src, &st, into: out, tb, vocab, cache, &sink, &foreign)
                            }
                            sc = sink.count
                        }
                        toks += rest
                        stops += restStops
                    }
                    return st.o
                }
            }
        }
        return (toks, low, stops)
    }

    /// A word of ASCII letters seen before, by its exact bytes: most tokens repeat a word of the same
    /// document, and everything a word token carries but its position (case flags, word class, lower-cased
    /// text) depends on those bytes only. Direct-mapped on a hash of the word: a collision replaces the
    /// older word, which is then classified again when it recurs.
    struct WordCacheEntry {
        /// The word's first sixteen bytes, zero-padded (little-endian loads): equal with equal lengths,
        /// equal words of up to sixteen bytes.
        var head0: UInt64 = 0
        var head1: UInt64 = 0
        /// Where the word's bytes are in the text, for the bytes past sixteen (`len` 0: empty slot).
        var start: Int32 = 0
        var len: Int32 = 0
        /// Its lower-cased text in the output, shared by every token of the word.
        var lo: Int32 = 0
        var capitalized = false
        var acronym = false
        var flags: UInt64 = 0

        /// A power of two: about one slot per 16 bytes of text, between 256 and 16384.
        static func slots(forBytes n: Int) -> Int {
            var size = 256
            while size < 16384 && size * 16 < n { size *= 2 }
            return size
        }
    }

    /// Where `tokenize` stopped: next input byte, next output byte, whitespace before it.
    struct ScanState { var i: Int; var o: Int; var space: Bool }

    /// What the full word loop learns from scalars past U+007F and from words lower-cased through `String`,
    /// kept for the rest of the scan: a Greek or Cyrillic name recurs through a document, and each of its
    /// letters cost two scalar-property searches (a few hundred instructions each), the word a `String`,
    /// `lowercased()` and suffix tests. Each answer depends on the scalar's or the word's bytes only.
    /// `enabled: false` (the reference scan the tests compare with) computes every answer afresh.
    struct ForeignMemo {
        static let letter: UInt8 = 1, upper: UInt8 = 2
        let enabled: Bool
        /// Direct-mapped on the scalar's low bits: scalar value + 1 (0: empty slot), and its bits.
        private var scalarKeys: [UInt32]
        private var scalarBits: [UInt8]
        /// Words lower-cased through `String`, by their bytes in the text.
        private var words: [[UInt8]: ForeignWord] = [:]

        struct ForeignWord {
            var lower: [UInt8]
            var lastIsLowerS: Bool
            var lowerEndsInS: Bool
            var flags: UInt64
        }

        init(enabled: Bool) {
            self.enabled = enabled
            scalarKeys = enabled ? Array(repeating: 0, count: 256) : []
            scalarBits = enabled ? Array(repeating: 0, count: 256) : []
        }

        /// `letter` when `isLetterSlow(p, i)`, `upper` when the scalar at i is upper case.
        mutating func letterBits(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
            let (s, _) = ScanText.scalar(p, i)
            guard enabled else { return Self.bits(s) }
            let slot = Int(s.value & 0xFF)
            if scalarKeys[slot] == s.value &+ 1 { return scalarBits[slot] }
            let b = Self.bits(s)
            scalarKeys[slot] = s.value &+ 1
            scalarBits[slot] = b
            return b
        }

        static func bits(_ s: Unicode.Scalar) -> UInt8 {
            guard s == "²" || s == "³" || ScalarProperties.isAlphabetic(s) else { return 0 }
            return ScalarProperties.isUppercase(s) ? letter | upper : letter
        }

        /// The word `p[a ..< b]` lower-cased as `String.lowercased()` does, whether its last `Character` is
        /// `s` and whether the lower-cased text ends in `s`, and the word-class bits of the lower-cased text.
        mutating func word(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ vocab: ByteVocab) -> ForeignWord {
            let bytes = UnsafeBufferPointer(rebasing: p[a..<b])
            guard enabled else { return Self.word(bytes, vocab) }
            let key = Array(bytes)
            if let w = words[key] { return w }
            let w = Self.word(bytes, vocab)
            words[key] = w
            return w
        }

        static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ vocab: ByteVocab) -> ForeignWord {
            let s = String(decoding: bytes, as: UTF8.self)
            let lowerString = s.lowercased()
            let lower = Array(lowerString.utf8)
            let flags = lower.withUnsafeBufferPointer { vocab.lookupFolding($0, 0, $0.count) }
            return ForeignWord(lower: lower, lastIsLowerS: s.last == "s", lowerEndsInS: lowerString.hasSuffix("s"), flags: flags)
        }
    }

    /// Byte length of the scalar at `i`, as `scalar(p, i)` decodes it.
    @inline(__always) static func scalarLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int { scalar(p, i).1 }

    /// Decodes the scalar at `i`; returns it and its byte length.
    @inline(__always) static func scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = p[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var len = 1, v: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { len = 2; v = UInt32(b0 & 0x1F) } else if b0 & 0xF0 == 0xE0 { len = 3; v = UInt32(b0 & 0x0F) } else if b0 & 0xF8 == 0xF0 { len = 4; v = UInt32(b0 & 0x07) } else { return ("\u{FFFD}", 1) }
        guard i + len <= p.count else { return ("\u{FFFD}", 1) }
        for k in 1..<len {
            let c = p[i + k]
            guard c & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            v = (v << 6) | UInt32(c & 0x3F)
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", len)
    }

    static func isLetterSlow(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let (s, _) = scalar(p, i)
        if s == "²" || s == "³" { return true }
        return ScalarProperties.isAlphabetic(s)
    }

    @inline(__always) static func isLetter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i < p.count else { return false }
        let b = p[i]
        if b < 0x80 { return (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        return isLetterSlow(p, i)
    }

    @inline(__always) static func isDigit(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool { i < p.count && p[i] >= 0x30 && p[i] <= 0x39 }

    /// Copies the run of lower-case ASCII letters at `i` to `out[o...]`, hashing them onto `h` (FNV-1a);
    /// returns where the run ends and the hash. Out of line: inside the word loop, with its many live
    /// variables, every letter spilled and reloaded a few of them.
    @inline(never) static func lowerRun(_ p: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>,
                                        _ i0: Int, _ o0: Int, _ h0: UInt64) -> (Int, UInt64) {
        var i = i0, o = o0, h = h0
        let n = p.count
        while i < n {
            let b = p[i]
            guard b &- 0x61 < 26 else { break }
            out[o] = b
            o &+= 1
            h = (h ^ UInt64(b)) &* 0x100000001b3
            i &+= 1
        }
        return (i, h)
    }

    /// The end of the number at the digit `i`: digits, thousands separators (a comma before exactly three
    /// digits) and one decimal point; its digits and point, without separators, written at `out[o...]`.
    @inline(__always) static func numberEnd(_ p: UnsafeBufferPointer<UInt8>, _ i0: Int, _ out: UnsafeMutableBufferPointer<UInt8>,
                                            _ o: inout Int) -> Int {
        let n = p.count
        var i = i0
        var dot = false
        while i < n {
            let b = p[i]
            if b >= 0x30 && b <= 0x39 { out[o] = b; o += 1; i += 1; continue }
            // thousands separator: exactly three digits follow
            if b == 0x2C, isDigit(p, i + 1), isDigit(p, i + 2), isDigit(p, i + 3), !isDigit(p, i + 4) { i += 1; continue }
            if b == 0x2E, isDigit(p, i + 1), !dot { dot = true; out[o] = 0x2E; o += 1; i += 1; continue }
            break
        }
        return i
    }

    /// `p[a ..< a + len] == p[b ..< b + len]`.
    static func sameBytes(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ len: Int) -> Bool {
        for k in 0..<len where p[a &+ k] != p[b &+ k] { return false }
        return true
    }

    /// High bit set in each byte of `w` that is not an ASCII letter (`A`–`Z`, `a`–`z`).
    @inline(__always) static func nonLetterLanes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101010101010101, highs: UInt64 = 0x8080808080808080
        // Low seven bits with the case bit set; adding stays inside each lane (at most 0x7F + 0x1F).
        let l = (w | 0x2020202020202020) & ~highs
        let atLeastA = (l &+ ones &* (0x80 - 0x61)) & highs
        let pastZ = (l &+ ones &* (0x80 - 0x7B)) & highs
        // A letter: at least `a`, not past `z`, and the byte itself ASCII.
        return ~(atLeastA & ~pastZ & ~w) & highs
    }

    /// The eight bytes at `j` with every byte from the first non-letter on zeroed, and how many letters
    /// lead them (8: all). Without branches: the lowest bit of the non-letter lanes is the high bit of the
    /// first non-letter byte (none: 0, 64 trailing zeros, every byte kept).
    @inline(__always) static func letterLoad(_ base: UnsafeRawPointer, _ j: Int) -> (part: UInt64, letters: Int) {
        let w = base.loadUnaligned(fromByteOffset: j, as: UInt64.self)
        let stop = nonLetterLanes(w)
        return (w & (((stop & (0 &- stop)) >> 7) &- 1), stop.trailingZeroBitCount >> 3)
    }

    /// Words of ASCII letters from `st.i` (an ASCII letter), and the ASCII whitespace, numbers and one-byte
    /// punctuation between them, as
    /// tokens at `toks[tcount...]` while there is room (`tcap`); each word's lower-cased text is shared with
    /// an earlier word of the same bytes (`cache`) or written at `out[st.o...]`. Returns, with `st` and
    /// `tcount` advanced, at the first token that is not such a word, or at a word that may go on past its
    /// letters (`-`, `'`, a byte ≥ 0x80 but a non-letter punctuation scalar) or ends within eight bytes of
    /// the text's end: the full loop handles those. Letters are found and hashed eight at a time. One call
    /// for a run of words, out of line with few live values: the full loop spilled a dozen per word.
    @inline(never) static func asciiWords(_ p: UnsafeBufferPointer<UInt8>, _ st: inout ScanState, _ out: UnsafeMutableBufferPointer<UInt8>,
                                          _ toks: UnsafeMutablePointer<ScanToken>, _ tcount: inout Int, _ tcap: Int, _ vocab: ByteVocab,
                                          _ cache: UnsafeMutableBufferPointer<WordCacheEntry>, _ stops: inout StopSink) {
        let n = p.count
        let base = UnsafeRawPointer(p.baseAddress!)
        let mask = cache.count &- 1
        var i = st.i, o = st.o, space = st.space, tc = tcount
        defer {
            st = ScanState(i: i, o: o, space: space)
            tcount = tc
        }
        while true {
            var j = i
            // The first load is the head's first eight bytes, a second one (after eight letters) the next
            // eight: peeled off the loop instead of testing where each load is.
            guard j &+ 8 <= n else { return }
            var (part, letters) = letterLoad(base, j)
            let head0 = part
            var head1: UInt64 = 0
            var h = part &* 0x9E3779B97F4A7C15
            j &+= letters
            if letters == 8 {
                guard j &+ 8 <= n else { return }
                (part, letters) = letterLoad(base, j)
                head1 = part
                h = (h ^ part) &* 0x9E3779B97F4A7C15
                j &+= letters
                while letters == 8 {
                    guard j &+ 8 <= n else { return }
                    (part, letters) = letterLoad(base, j)
                    h = (h ^ part) &* 0x9E3779B97F4A7C15
                    j &+= letters
                }
            }
            // j < n: the load that ended the word held the byte at j.
            let c = p[j]
            if c == 0x2D || c == 0x27 { return }
            if c >= 0x80 {
                // Only scalars that are surely not letters end the word here: NBSP (C2 A0) and U+2000–U+203F
                // (E2 80 xx: spaces, dashes, quotes) but `’` (E2 80 99), which may join a clitic.
                let spaceOrPunct = (c == 0xC2 && j &+ 1 < n && p[j &+ 1] == 0xA0)
                    || (c == 0xE2 && j &+ 2 < n && p[j &+ 1] == 0x80 && p[j &+ 2] & 0xC0 == 0x80 && p[j &+ 2] != 0x99)
                if !spaceOrPunct { return }
            }
            let len = j &- i
            let slot = Int(truncatingIfNeeded: h >> 32) & mask
            var e = cache[slot]
            if !(Int(e.len) == len && e.head0 == head0 && e.head1 == head1 && (len <= 16 || sameBytes(p, i &+ 16, Int(e.start) &+ 16, len &- 16))) {
                // First time (or evicted).
                e = classifyASCIIWord(p, i, j, out, o, vocab)
                e.head0 = head0
                e.head1 = head1
                cache[slot] = e
                o &+= len
            }
            var tk = ScanToken(kind: .word, capitalized: e.capitalized, acronym: e.acronym, spaceBefore: space,
                               start: i, end: j, lo: e.lo, len: Int32(truncatingIfNeeded: len))
            tk.flags = e.flags
            (toks + tc).initialize(to: tk)
            stops.note(wordFlags: e.flags, tc)
            tc &+= 1
            space = false
            i = j
            if tc == tcap { return }
            // Most often one space and the next word: stepped over without the tests of the loop below.
            if c == 0x20, j &+ 1 < n, (p[j &+ 1] | 0x20) &- 0x61 < 26 {
                i = j &+ 1
                space = true
                continue
            }
            // Whitespace, numbers and one-byte punctuation up to the next word: a comma, period or number sent
            // the scan back to the full loop (scalar decoding, a vocabulary hash) and then into this call again.
            while i < n {
                let b = p[i]
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { i &+= 1; space = true; continue }
                if b &- 0x30 < 10 {
                    // A number token, as the full loop makes it.
                    let lo = o
                    let end = numberEnd(p, i, out, &o)
                    let tk = ScanToken(kind: .number, capitalized: false, acronym: false, spaceBefore: space, start: i, end: end,
                                       lo: Int32(truncatingIfNeeded: lo), len: Int32(truncatingIfNeeded: o &- lo))
                    (toks + tc).initialize(to: tk)
                    stops.note(number: tc)
                    tc &+= 1
                    i = end
                    space = false
                    if tc == tcap { return }
                    continue
                }
                // ASCII, no letter, no digit: a punctuation token of this byte, as the full loop makes it.
                guard b < 0x80, (b | 0x20) &- 0x61 >= 26, b &- 0x30 >= 10 else { break }
                out[o] = b
                var tk = ScanToken(kind: .punct, capitalized: false, acronym: false, spaceBefore: space,
                                   start: i, end: i &+ 1, lo: Int32(truncatingIfNeeded: o), len: 1)
                tk.flags = vocab.asciiByteFlags(b)
                (toks + tc).initialize(to: tk)
                stops.note(tk, tc)
                tc &+= 1
                o &+= 1
                i &+= 1
                space = false
                if tc == tcap { return }
            }
            guard i < n, (p[i] | 0x20) &- 0x61 < 26 else { return }
        }
    }

    /// The cache entry of the ASCII word `p[i ..< j]` (but its head), its lower-cased text written at
    /// `out[o...]`: case flags and word class as the full word loop computes them for ASCII letters.
    @inline(never) static func classifyASCIIWord(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ j: Int, _ out: UnsafeMutableBufferPointer<UInt8>,
                                                 _ o: Int, _ vocab: ByteVocab) -> WordCacheEntry {
        var upper = 0
        var h: UInt64 = 0xcbf29ce484222325
        for k in i..<j {
            let c = p[k]
            if c <= 0x5A { upper &+= 1 }
            let l = c | 0x20
            out[o &+ k &- i] = l
            h = (h ^ UInt64(l)) &* 0x100000001b3
        }
        let len = j &- i
        let lowerCount = len &- upper
        let acr = upper >= 2 && (lowerCount == 0 || (lowerCount == 1 && p[j &- 1] == 0x73))
        return WordCacheEntry(start: Int32(truncatingIfNeeded: i), len: Int32(truncatingIfNeeded: len), lo: Int32(truncatingIfNeeded: o),
                              capitalized: p[i] <= 0x5A, acronym: acr, flags: vocab.lookup(hash: h, UnsafeBufferPointer(out), o, o &+ len))
    }

    /// One pass over the bytes from `st`: tokens written to `toks` until it is full (returns how many),
    /// their lower-cased text to `out`; `st` is left where the scan stopped, between two tokens. The
    /// vocabulary hash of a word is computed while its bytes are copied.
    private static func tokenize(_ p: UnsafeBufferPointer<UInt8>, _ st: inout ScanState, into out: UnsafeMutableBufferPointer<UInt8>,
                                 _ toks: UnsafeMutableBufferPointer<ScanToken>, _ vocab: ByteVocab,
                                 _ cache: UnsafeMutableBufferPointer<WordCacheEntry>, _ stops: inout StopSink,
                                 _ foreign: inout ForeignMemo) -> Int {
        let n = p.count
        var o = st.o
        var i = st.i
        var space = st.space
        let tbase = toks.baseAddress!
        let tcap = toks.count
        var tcount = 0
        defer { st = ScanState(i: i, o: o, space: space) }
        let fnvBasis: UInt64 = 0xcbf29ce484222325, fnvPrime: UInt64 = 0x100000001b3
        while i < n && tcount < tcap {
            let b0 = p[i]
            if b0 == 0x20 || b0 == 0x0A || b0 == 0x09 || b0 == 0x0D { i += 1; space = true; continue }
            if b0 == 0xC2, i + 1 < n, p[i + 1] == 0xA0 { i += 2; space = true; continue }
            let start = i
            let lo = o
            if b0 >= 0x30 && b0 <= 0x39 {
                i = numberEnd(p, i, out, &o)
                let tk = ScanToken(kind: .number, capitalized: false, acronym: false, spaceBefore: space,
                                   start: start, end: i, lo: Int32(truncatingIfNeeded: lo), len: Int32(truncatingIfNeeded: o - lo))
                (tbase + tcount).initialize(to: tk)
                stops.note(tk, tcount)
                tcount &+= 1
            } else if b0 < 0x80 ? (b0 | 0x20) &- 0x61 < 26 : foreign.letterBits(p, i) & ForeignMemo.letter != 0 {
                if b0 < 0x80, !cache.isEmpty {
                    var ws = ScanState(i: i, o: o, space: space)
                    let before = tcount
                    asciiWords(p, &ws, out, tbase, &tcount, tcap, vocab, cache, &stops)
                    if tcount > before {
                        (i, o, space) = (ws.i, ws.o, ws.space)
                        continue
                    }
                }
                var upper = 0, lowerCount = 0, first = true, cap = false, simple = true, hyphen = false
                // A letter beyond Latin-1: lower-case through `String` (scalar properties, full mappings).
                var viaString = false
                var h = fnvBasis
                while i < n {
                    let b = p[i]
                    // Lower-case ASCII, most letters: nothing to fold, no case bookkeeping but the count.
                    if b &- 0x61 < 26 {
                        let (end, hash) = lowerRun(p, out, i, o, h)
                        lowerCount &+= end &- i
                        o &+= end &- i
                        h = hash
                        i = end
                        first = false
                        continue
                    }
                    if b < 0x80 {
                        if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                            let isUp = b <= 0x5A
                            if isUp { upper += 1 } else { lowerCount += 1 }
                            if first { cap = isUp }
                            let c = b | 0x20
                            out[o] = c; o += 1
                            h = (h ^ UInt64(c)) &* fnvPrime
                            i += 1
                            first = false
                            continue
                        }
                    } else if b == 0xC3, i + 1 < n, p[i + 1] >= 0x80, p[i + 1] <= 0xBF, p[i + 1] != 0x97, p[i + 1] != 0xB7 {
                        // Latin-1 letter U+00C0–U+00FF (not × ÷): upper case up to U+00DE, lower-cased by
                        // +0x20 on the second byte (ß stays) — what `lowercased()` does, without a `String`.
                        simple = false
                        let c = p[i + 1]
                        let isUp = c <= 0x9E
                        if isUp { upper += 1 } else { lowerCount += 1 }
                        if first { cap = isUp }
                        out[o] = 0xC3; out[o + 1] = isUp ? c + 0x20 : c; o += 2
                        i += 2
                        first = false
                        continue
                    } else if case let bits = foreign.letterBits(p, i), bits & ForeignMemo.letter != 0 {
                        simple = false
                        viaString = true
                        let l = scalarLength(p, i)
                        let isUp = bits & ForeignMemo.upper != 0
                        if isUp { upper += 1 } else { lowerCount += 1 }
                        if first { cap = isUp }
                        i += l
                        first = false
                        continue
                    }
                    if b == 0x2D, isLetter(p, i + 1) {
                        out[o] = 0x2D; o += 1
                        h = (h ^ 0x2D) &* fnvPrime
                        i += 1; hyphen = true; continue
                    }
                    if b == 0x27, isLetter(p, i + 1) {
                        out[o] = 0x27; o += 1
                        h = (h ^ 0x27) &* fnvPrime
                        i += 1; continue
                    }
                    // `’` (E2 80 99): lower-casing leaves it as is.
                    if b == 0xE2, i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0x99, isLetter(p, i + 3) {
                        out[o] = 0xE2; out[o + 1] = 0x80; out[o + 2] = 0x99; o += 3
                        h = (((h ^ 0xE2) &* fnvPrime ^ 0x80) &* fnvPrime ^ 0x99) &* fnvPrime
                        i += 3; continue
                    }
                    break
                }
                var lastIsLowerS = false
                var lowerEndsInS = false
                var flags: UInt64
                if simple {
                    // Lower-cased as `String.lowercased()` would: ASCII letters folded, `’` kept.
                    lastIsLowerS = p[i - 1] == 0x73
                    lowerEndsInS = lastIsLowerS || p[i - 1] == 0x53
                    flags = vocab.lookup(hash: h, UnsafeBufferPointer(out), lo, o)
                } else if !viaString {
                    // ASCII and Latin-1 letters, already lower-cased in `out`; each scalar is its own
                    // `Character`, so the last one is `s` exactly when the last byte is.
                    lastIsLowerS = p[i - 1] == 0x73
                    lowerEndsInS = lastIsLowerS || p[i - 1] == 0x53
                    flags = vocab.lookupFolding(UnsafeBufferPointer(out), lo, o)
                } else {
                    let w = foreign.word(p, start, i, vocab)
                    o = lo
                    for c in w.lower { out[o] = c; o += 1 }
                    lastIsLowerS = w.lastIsLowerS
                    lowerEndsInS = w.lowerEndsInS
                    flags = w.flags
                }
                let acr = upper >= 2 && (lowerCount == 0 || (lowerCount == 1 && lowerEndsInS && lastIsLowerS))
                var tk = ScanToken(kind: .word, capitalized: cap, acronym: acr, spaceBefore: space,
                                   start: start, end: i, lo: Int32(truncatingIfNeeded: lo), len: Int32(truncatingIfNeeded: o - lo))
                tk.hyphen = hyphen
                tk.simple = simple
                tk.flags = flags
                (tbase + tcount).initialize(to: tk)
                stops.note(tk, tcount)
                tcount &+= 1
            } else {
                let (s, l) = scalar(p, i)
                i += l
                // The scalar's UTF-8 is its bytes, except an undecodable byte (U+FFFD, written EF BF BD)
                // and U+037E GREEK QUESTION MARK, canonically `;` (and `String` equality said so).
                if s.value == 0x37E {
                    out[o] = 0x3B; o += 1
                } else if l == 1 && b0 >= 0x80 {
                    out[o] = 0xEF; out[o + 1] = 0xBF; out[o + 2] = 0xBD; o += 3
                } else {
                    for k in start..<i { out[o] = p[k]; o += 1 }
                }
                var tk = ScanToken(kind: .punct, capitalized: false, acronym: false, spaceBefore: space,
                                   start: start, end: i, lo: Int32(truncatingIfNeeded: lo), len: Int32(truncatingIfNeeded: o - lo))
                tk.simple = s.isASCII
                tk.flags = vocab.lookupFolding(UnsafeBufferPointer(out), lo, o)
                (tbase + tcount).initialize(to: tk)
                stops.note(tk, tcount)
                tcount &+= 1
            }
            space = false
        }
        return tcount
    }

    /// First token index whose start is >= offset.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi { let m = (lo + hi) / 2; if tokens[m].start < offset { lo = m + 1 } else { hi = m } }
        return lo
    }

    func tokenRange(of r: Range<Int>) -> Range<Int> {
        let a = tokenIndex(atOrAfter: r.lowerBound)
        var b = a
        while b < tokens.count && tokens[b].end <= r.upperBound { b += 1 }
        return a..<b
    }

    private mutating func buildSentences(_ document: Document) {
        var spans: [Range<Int>] = document.sentences.map(\.range)
        if spans.isEmpty { spans = Self.fallbackSentences(bytes) }
        // `tokenRange(of:)` and the fill on raw buffers: this walks every token of every sentence. Each
        // token's entry is written once as the sentences reach it (-1 between and after them), not filled
        // with -1 first.
        var sents: [Range<Int>] = []
        sents.reserveCapacity(spans.count)
        let of = [Int](unsafeUninitializedCapacity: tokens.count) { so, count in
            guard let base = so.baseAddress, !tokens.isEmpty else { count = 0; return }
            tokens.withUnsafeBufferPointer { tp in
                var after = (token: 0, bytes: 0)
                // Tokens before `filled` are written (their first sentence, or -1); the others not yet.
                var filled = 0
                for r in spans {
                    let tr = Self.tokenRange(tp, of: r, after: after)
                    after = (tr.upperBound, r.upperBound)
                    guard !tr.isEmpty else { continue }
                    let idx = sents.count
                    sents.append(tr)
                    if tr.lowerBound >= filled {
                        // Sentences in order, not overlapping: the tokens since the last one are in none.
                        (base + filled).initialize(repeating: -1, count: tr.lowerBound - filled)
                        (base + tr.lowerBound).initialize(repeating: idx, count: tr.count)
                    } else {
                        for t in tr.lowerBound..<min(filled, tr.upperBound) where so[t] == -1 { so[t] = idx }
                        if tr.upperBound > filled { (base + filled).initialize(repeating: idx, count: tr.upperBound - filled) }
                    }
                    filled = max(filled, tr.upperBound)
                }
                (base + filled).initialize(repeating: -1, count: tp.count - filled)
            }
            count = tokens.count
        }
        sentences = sents
        sentenceOf = of
    }

    private mutating func buildBlocks(_ document: Document) {
        var spans: [(Block.Kind, Range<Int>)] = document.blocks.map { ($0.kind, $0.range) }
        if spans.isEmpty {
            // One block per non-empty line.
            var s = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                if i > s { spans.append((.paragraph, s..<i)) }
                s = i + 1
            }
        }
        var bl = blocks, sorted = blocksSorted
        bl.reserveCapacity(spans.count)
        tokens.withUnsafeBufferPointer { tp in
            var after = (token: 0, bytes: 0)
            for (k, r) in spans {
                if let last = bl.last, r.lowerBound < last.range.lowerBound { sorted = false }
                let tr = Self.tokenRange(tp, of: r, after: after)
                after = (tr.upperBound, r.upperBound)
                bl.append((k, tr, r))
            }
        }
        blocks = bl
        blocksSorted = sorted
    }

    /// `tokenRange(of: r)` for spans that usually come in order. `after` is the previous span's token end
    /// and byte end: when r starts at or past those bytes, every token before that index ends there or
    /// before, so starts before r, and r's first token is found by walking on from it (the walks of all
    /// spans in order cover the tokens about once) instead of halving the whole array.
    private static func tokenRange(_ tp: UnsafeBufferPointer<ScanToken>, of r: Range<Int>, after: (token: Int, bytes: Int)) -> Range<Int> {
        var lo: Int
        if r.lowerBound >= after.bytes {
            lo = after.token
            while lo < tp.count && tp[lo].start < r.lowerBound { lo += 1 }
        } else {
            lo = 0
            var hi = tp.count
            while lo < hi { let m = (lo + hi) / 2; if tp[m].start < r.lowerBound { lo = m + 1 } else { hi = m } }
        }
        // The first token from lo that ends past r. Token ends increase (tokens come in order, apart), so
        // it is found by doubling the step, then halving, instead of walking every token of the span.
        var b = lo  // the tokens lo..<b end within r
        var step = 1
        while b + step - 1 < tp.count && tp[b + step - 1].end <= r.upperBound { b += step; step <<= 1 }
        var hi = min(b + step - 1, tp.count)  // past the answer: tp[hi] ends past r, or hi is the count
        while b < hi { let m = (b + hi) >> 1; if tp[m].end <= r.upperBound { b = m + 1 } else { hi = m } }
        return lo..<b
    }

    /// Index of the first block whose range starts at or after `offset` (what `firstIndex(where:)` returns).
    func firstBlock(startingAtOrAfter offset: Int) -> Int? {
        guard blocksSorted else { return blocks.firstIndex { $0.range.lowerBound >= offset } }
        var lo = 0, hi = blocks.count
        while lo < hi { let m = (lo + hi) / 2; if blocks[m].range.lowerBound < offset { lo = m + 1 } else { hi = m } }
        return lo < blocks.count ? lo : nil
    }

    /// Sentences when the segmenter has not run: lines, split after `.`, `!` or `?` followed by a space
    /// and an upper-case letter or a digit.
    static func fallbackSentences(_ b: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var s = 0
        var i = 0
        func push(_ e: Int) {
            var a = s, z = e
            while a < z, b[a] == 0x20 || b[a] == 0x0A || b[a] == 0x0D || b[a] == 0x09 { a += 1 }
            while z > a, b[z - 1] == 0x20 || b[z - 1] == 0x0A || b[z - 1] == 0x0D || b[z - 1] == 0x09 { z -= 1 }
            if z > a { out.append(a..<z) }
        }
        while i < b.count {
            let c = b[i]
            if c == 0x0A { push(i); s = i + 1 } else if (c == 0x2E || c == 0x21 || c == 0x3F), i + 2 < b.count, b[i + 1] == 0x20,
                      (b[i + 2] >= 0x41 && b[i + 2] <= 0x5A) || b[i + 2] == 0xE2 {
                push(i + 1); s = i + 1
            }
            i += 1
        }
        push(b.count)
        return out
    }
}
