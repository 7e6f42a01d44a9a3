// The date tagger's lexicon: every word the scanner reacts to, in one literal table, parsed once.
// Format: one entry per line, `word kind value`. Kinds are the cases of `DateLexicon.Kind`.
// Words are ASCII, lower case, letters only (hyphenated forms are matched token by token).

enum DateLexicon {
    enum Kind: UInt8, CaseIterable {
        case month, monthAbbr, weekday, season, partOfDay, cardinal, ordinal, ordSuffix, tens
        case unit          // value: DateUnit raw value; plural flag in the table as value + 100
        case modStart, modMid, modEnd, modNoun   // early/mid/late; beginning/middle/end as nouns (value 0 start, 1 mid, 2 end)
        case approx, moreThan, lessThan, nearly
        case present, past, future, recent
        case setAdverb     // annual(ly) ...; value: DateUnit; 0 + unit
        case next, previous, same, later, earlier, ago
        case the, of, in_, and, to, from, between, article, half, quarter, every, each, per, times
        case once, few, bc, ad, blockBefore, blockAfter, tempPrep, year, decadeWord, am, pm, noon, midnight
        case holiday, dayWord, other, couple, last, first, this, that, past_, for_, a_, than, least, at, circa, old
    }

    static let table = """
    january month 1
    february month 2
    march month 3
    april month 4
    may month 5
    june month 6
    july month 7
    august month 8
    september month 9
    october month 10
    november month 11
    december month 12
    jan monthAbbr 1
    feb monthAbbr 2
    mar monthAbbr 3
    apr monthAbbr 4
    jun monthAbbr 6
    jul monthAbbr 7
    aug monthAbbr 8
    sep monthAbbr 9
    sept monthAbbr 9
    oct monthAbbr 10
    nov monthAbbr 11
    dec monthAbbr 12
    monday weekday 1
    tuesday weekday 2
    wednesday weekday 3
    thursday weekday 4
    friday weekday 5
    saturday weekday 6
    sunday weekday 7
    spring season 1
    summer season 2
    autumn season 3
    fall season 3
    winter season 4
    springs season 101
    summers season 102
    autumns season 103
    winters season 104
    morning partOfDay 1
    afternoon partOfDay 2
    evening partOfDay 3
    night partOfDay 4
    daytime partOfDay 5
    tomorrow dayWord 1
    tonight dayWord 2
    yesterday dayWord 3
    one cardinal 1
    two cardinal 2
    three cardinal 3
    four cardinal 4
    five cardinal 5
    six cardinal 6
    seven cardinal 7
    eight cardinal 8
    nine cardinal 9
    ten cardinal 10
    eleven cardinal 11
    twelve cardinal 12
    thirteen cardinal 13
    fourteen cardinal 14
    fifteen cardinal 15
    sixteen cardinal 16
    seventeen cardinal 17
    eighteen cardinal 18
    nineteen cardinal 19
    twenty tens 20
    thirty tens 30
    forty tens 40
    fifty tens 50
    sixty tens 60
    seventy tens 70
    eighty tens 80
    ninety tens 90
    hundred cardinal 100
    thousand cardinal 1000
    dozen cardinal 12
    first ordinal 1
    second ordinal 2
    third ordinal 3
    fourth ordinal 4
    fifth ordinal 5
    sixth ordinal 6
    seventh ordinal 7
    eighth ordinal 8
    ninth ordinal 9
    tenth ordinal 10
    eleventh ordinal 11
    twelfth ordinal 12
    thirteenth ordinal 13
    fourteenth ordinal 14
    fifteenth ordinal 15
    sixteenth ordinal 16
    seventeenth ordinal 17
    eighteenth ordinal 18
    nineteenth ordinal 19
    twentieth ordinal 20
    thirtieth ordinal 30
    st ordSuffix 0
    nd ordSuffix 0
    rd ordSuffix 0
    th ordSuffix 0
    twenties decadeWord 2
    thirties decadeWord 3
    forties decadeWord 4
    fifties decadeWord 5
    sixties decadeWord 6
    seventies decadeWord 7
    eighties decadeWord 8
    nineties decadeWord 9
    year unit 1
    years unit 101
    month unit 2
    months unit 102
    week unit 3
    weeks unit 103
    day unit 4
    days unit 104
    decade unit 5
    decades unit 105
    century unit 6
    centuries unit 106
    millennium unit 7
    millennia unit 107
    hour unit 8
    hours unit 108
    hrs unit 108
    minute unit 9
    minutes unit 109
    fortnight unit 10
    early modStart 0
    mid modMid 1
    late modEnd 2
    beginning modNoun 0
    start modNoun 0
    outset modNoun 0
    dawn modNoun 0
    middle modNoun 1
    end modNoun 2
    close modNoun 2
    about approx 0
    around approx 0
    approximately approx 0
    roughly approx 0
    circa circa 1
    some approx 0
    over moreThan 0
    more moreThan 1
    under lessThan 0
    less lessThan 1
    fewer lessThan 1
    nearly nearly 0
    almost nearly 0
    today present 0
    currently present 0
    now present 0
    nowadays present 0
    presently present 0
    present present 1
    formerly past 0
    future future 0
    recently recent 0
    annual setAdverb 1
    annually setAdverb 1
    yearly setAdverb 1
    monthly setAdverb 2
    weekly setAdverb 3
    daily setAdverb 4
    hourly setAdverb 8
    biennial setAdverb 12
    quarterly setAdverb 13
    next next 0
    following next 0
    subsequent next 0
    coming next 0
    succeeding next 0
    previous previous 0
    preceding previous 0
    prior previous 0
    same same 0
    later later 0
    afterwards later 1
    afterward later 1
    after later 2
    earlier earlier 0
    before earlier 2
    previously earlier 1
    ago ago 0
    the the 0
    of of 0
    in in_ 0
    and and 0
    to to 0
    until to 1
    till to 1
    through to 2
    from from 0
    between between 0
    a a_ 1
    an a_ 1
    half half 0
    quarter quarter 0
    every every 0
    each each 0
    per per 0
    times times 0
    once once 1
    twice once 2
    thrice once 3
    few few 0
    several few 1
    many few 2
    couple couple 0
    other other 0
    onwards other 0
    towards other 0
    upwards other 0
    backwards other 0
    last last 0
    final first 1
    latter first 2
    this this 0
    these this 1
    that that 0
    past past_ 0
    intervening past_ 1
    for for_ 0
    within for_ 1
    bc bc 0
    bce bc 0
    ad ad 0
    ce ad 1
    am am 0
    pm pm 0
    noon noon 0
    midnight midnight 0
    christmas holiday 1225
    resolution blockBefore 0
    resolutions blockBefore 0
    no blockBefore 0
    nos blockBefore 0
    number blockBefore 0
    page blockBefore 0
    pages blockBefore 0
    p blockBefore 0
    pp blockBefore 0
    chapter blockBefore 0
    section blockBefore 0
    article blockBefore 0
    paragraph blockBefore 0
    para blockBefore 0
    flight blockBefore 0
    route blockBefore 0
    highway blockBefore 0
    room blockBefore 0
    vol blockBefore 0
    volume blockBefore 0
    issue blockBefore 0
    rule blockBefore 0
    code blockBefore 0
    model blockBefore 0
    type blockBefore 0
    class blockBefore 0
    hill blockBefore 0
    height blockBefore 0
    usd blockBefore 0
    rs blockBefore 0
    million blockAfter 0
    billion blockAfter 0
    trillion blockAfter 0
    percent blockAfter 0
    per blockAfter 0
    dollars blockAfter 0
    euros blockAfter 0
    pounds blockAfter 0
    km blockAfter 0
    kilometres blockAfter 0
    kilometers blockAfter 0
    miles blockAfter 0
    metres blockAfter 0
    meters blockAfter 0
    feet blockAfter 0
    ft blockAfter 0
    kg blockAfter 0
    tons blockAfter 0
    tonnes blockAfter 0
    men blockAfter 0
    people blockAfter 0
    troops blockAfter 0
    soldiers blockAfter 0
    staff blockAfter 0
    since tempPrep 0
    by tempPrep 0
    during tempPrep 0
    on tempPrep 0
    at at 0
    than than 0
    least least 0
    c circa 0
    ca circa 0
    throughout tempPrep 0
    """

    /// Words read by their letters in a few rare places (`TimexParser.wordIs`), not lexicon entries: an entry would
    /// change what the patterns see after a number or a date (they test for words the lexicon does not know).
    /// Lower-case ASCII.
    ///
    /// Before `over` and a duration, verbs, prepositions and adverbs the lexicon lacks: there `over` hedges the
    /// number (`took over a month`, `with over ten years of experience`, `just over a year`).
    static let beforeHedgingOver: [[UInt8]] = [
        "with", "without", "into", "where", "just", "well", "slightly", "already", "still", "only", "barely",
        "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should",
        "might", "must", "can", "shall", "took", "take", "takes", "taking", "taken", "lasts", "lasting", "spent",
        "spend", "spends", "span", "spans", "spanning", "ran", "run", "runs", "kept", "keep", "held", "hold", "stood",
        "came", "come", "comes", "went", "go", "goes", "gone", "began", "begun", "rose", "fell", "grew", "grown", "saw",
        "seen", "gave", "given", "got", "made", "met", "paid", "sent", "built", "brought", "fought", "led", "left",
        "lost", "won", "remain", "remains", "continue", "continues", "wait", "waits",
    ].map { Array($0.utf8) }
    /// Lower-case words after a date that are not the noun it modifies (`on the 9 June 1950 with no vote`).
    static let notNounsAfterDate: [[UInt8]] = [
        "with", "without", "as", "when", "while", "which", "who", "whose", "where", "was", "were", "is", "are", "has",
        "had", "have", "saw", "brought", "but", "or", "nor", "so", "then", "also", "did", "does", "will", "would",
        "could", "should", "can", "against", "into", "near", "amid", "because", "although", "though", "if", "unless",
        "via", "plus", "not", "being", "marks", "began", "became", "came", "left", "fell", "took", "gave", "made", "met",
    ].map { Array($0.utf8) }
    /// `cent` of `per cent`: an amount before `a year` (`2 per cent a year`).
    static let centWord: [[UInt8]] = [Array("cent".utf8)]
    /// Verbs ending in `s` that the plural-noun test after a year must not take for nouns (`the budget for 2023 was`).
    static let sVerbs: [[UInt8]] = ["was", "is", "has", "does"].map { Array($0.utf8) }
    /// `three quarters of a year`.
    static let quartersWord: [[UInt8]] = [Array("quarters".utf8)]
    /// A regular past tense: a verb before `over` (`lasted over a decade`).
    static let pastTenseEnding: [UInt8] = Array("ed".utf8)

    struct Entry {
        var kind: Kind
        /// `DateToken.mayStart(kind)`, kept with the entry for the scanner. Between the two others, so that an
        /// optional entry still takes four bytes (one load per probe).
        var starts: Bool
        var value: Int16

        init(kind: Kind, value: Int16) {
            self.kind = kind
            starts = DateToken.mayStart(kind)
            self.value = value
        }
    }

    /// Two 64-bit words of 5-bit letters: an allocation-free dictionary key for ASCII words of up to 24 letters
    /// (`Table` packs its keys differently, in the same type).
    struct Key: Hashable { var a: UInt64; var b: UInt64 }

    /// The table's lines as (word, entry), in table order; parsed on bytes, one allocation per word (splitting
    /// the literal as Characters cost more than a megabyte of tagging; splitting it into arrays, a dictionary of
    /// kind names and a String per value still cost 1.8 M instructions, paid once per process).
    static func parsed() -> [(word: [UInt8], entry: Entry)] {
        // `Kind.allCases` and `kindNames` in the same order (pinned by a test); printing each case by reflection
        // cost about half of building the table, which every process pays once.
        let kinds = Kind.allCases
        var nameBytes: [UInt8] = []
        nameBytes.append(contentsOf: kindNames.utf8)
        var out: [(word: [UInt8], entry: Entry)] = []
        out.reserveCapacity(320)
        var bytes: [UInt8] = []
        bytes.append(contentsOf: table.utf8)
        bytes.withUnsafeBufferPointer { t in
            nameBytes.withUnsafeBufferPointer { names in
                /// The case whose name is `t[a..<b]`: names are separated by single spaces in `kindNames`.
                func kind(_ a: Int, _ b: Int) -> Kind? {
                    var k = 0, s = 0
                    while s < names.count {
                        var e = s
                        while e < names.count && names[e] != 0x20 { e += 1 }
                        if e - s == b - a && (0..<(b - a)).allSatisfy({ names[s + $0] == t[a + $0] }) { return kinds[k] }
                        k += 1
                        s = e + 1
                    }
                    return nil
                }
                var i = 0
                while i < t.count {
                    var end = i
                    while end < t.count && t[end] != 0x0A { end += 1 }
                    // Fields: word, kind, value, separated by single spaces.
                    var s1 = i
                    while s1 < end && t[s1] != 0x20 { s1 += 1 }
                    var s2 = s1 + 1
                    while s2 < end && t[s2] != 0x20 { s2 += 1 }
                    var s3 = s2 + 1
                    while s3 < end && t[s3] != 0x20 { s3 += 1 }
                    guard s1 > i, s2 < end, s3 == end, let k = kind(s1 + 1, s2), let v = value(t, s2 + 1, end) else {
                        preconditionFailure("bad date lexicon line: \(String(decoding: t[i..<end], as: UTF8.self))")
                    }
                    let word = Array(t[i..<s1])
                    guard key(word) != nil, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
                        preconditionFailure("bad date lexicon word: \(String(decoding: t[i..<end], as: UTF8.self))")
                    }
                    out.append((word, Entry(kind: k, value: v)))
                    i = end + 1
                }
            }
        }
        return out
    }

    /// The non-negative decimal `t[a..<b]` (at most 4 digits), or nil.
    private static func value(_ t: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Int16? {
        guard b - a >= 1 && b - a <= 4 else { return nil }
        var v: Int16 = 0
        for j in a..<b {
            guard t[j] >= 0x30 && t[j] <= 0x39 else { return nil }
            v = v * 10 + Int16(t[j] - 0x30)
        }
        return v
    }

    /// The names of `Kind`'s cases in declaration order, as the table spells them.
    static var kindNames: String {
        """
        month monthAbbr weekday season partOfDay cardinal ordinal ordSuffix tens unit modStart modMid modEnd modNoun \
        approx moreThan lessThan nearly present past future recent setAdverb next previous same later earlier ago \
        the of in_ and to from between article half quarter every each per times once few bc ad blockBefore blockAfter \
        tempPrep year decadeWord am pm noon midnight holiday dayWord other couple last first this that past_ for_ a_ \
        than least at circa old
        """
    }

    /// The simple form of the table, for tests.
    static var entries: [Key: Entry] {
        var out: [Key: Entry] = [:]
        for (w, e) in parsed() where out[key(w)!] == nil { out[key(w)!] = e }   // first entry wins (`per`)
        return out
    }

    /// The lookup structure, built once; `DateScanner.scan` fetches it once per call.
    static let shared = Table(parsed())

    /// Open-addressing table over the entries with a multiplicative hash (the standard Hasher costs more
    /// than the whole scan), behind a filter on (first letter, length, last letter) that turns most words
    /// away before their key is built. Its keys are the lower-cased bytes themselves, little-endian
    /// (bytes 0–7 in `a`, 8–12 in `b`): one unaligned load instead of a loop for most words.
    ///
    /// Its storage is allocated once and never freed: the one table (`shared`) lives as long as the process, and reads
    /// without bounds checks save a fifth of a probe, made for every word. Immutable after `init`: `@unchecked Sendable`.
    struct Table: @unchecked Sendable {
        let keys: UnsafeBufferPointer<Key>
        let values: UnsafeBufferPointer<Entry?>
        let mask: Int
        /// Bit `l` of `lasts[f * 16 + n]`: some entry of `n` letters starts with letter `f` (0 = a) and ends with letter `l`.
        let lasts: UnsafeBufferPointer<UInt32>

        /// A copy of `a` that is never freed (see above).
        private static func immortal<T>(_ a: [T]) -> UnsafeBufferPointer<T> {
            let p = UnsafeMutableBufferPointer<T>.allocate(capacity: a.count)
            _ = p.initialize(from: a)
            return UnsafeBufferPointer(p)
        }

        /// At most 13 letters: the filter's `n` is below 16 and the key holds 16 bytes.
        static var maxLength: Int { 13 }

        init(_ words: [(word: [UInt8], entry: Entry)]) {
            var size = 16
            while size < words.count * 4 { size *= 2 }
            var keys = [Key](repeating: Key(a: 0, b: 0), count: size)
            var values = [Entry?](repeating: nil, count: size)
            var lasts = [UInt32](repeating: 0, count: 26 * 16)
            for (w, v) in words {
                precondition(w.count <= Table.maxLength)
                var k = Key(a: 0, b: 0)
                for (j, c) in w.enumerated() {
                    if j < 8 { k.a |= UInt64(c) << (8 * j) } else { k.b |= UInt64(c) << (8 * (j - 8)) }
                }
                var h = DateLexicon.slot(k, size - 1)
                while values[h] != nil && keys[h] != k { h = (h + 1) & (size - 1) }
                if values[h] == nil { keys[h] = k; values[h] = v }   // first entry wins (`per`)
                lasts[Int(w[0] - 0x61) * 16 + w.count] |= 1 << UInt32(w[w.count - 1] - 0x61)
            }
            self.keys = Table.immortal(keys)
            self.values = Table.immortal(values)
            mask = size - 1
            self.lasts = Table.immortal(lasts)
        }

        /// The entry of the ASCII letter run `p[s..<e]` (any case).
        @inline(__always) func lookup(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Entry? {
            mayContain(p, s, e) ? probe(p, s, e) : nil
        }

        /// The filter alone: false when no entry can match the letter run `p[s..<e]`. The scanner tests it in
        /// line: it turns away about half of all words, and calling `lookup` for them cost more than the test.
        @inline(__always) func mayContain(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
            let len = e &- s
            return len <= Table.maxLength
                && (lasts[Int((p[s] | 0x20) &- 0x61) &* 16 &+ len] >> UInt32((p[e &- 1] | 0x20) &- 0x61)) & 1 != 0
        }

        /// The table probe for a run that passed `mayContain`.
        func probe(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Entry? {
            find(Table.key(p, s, e - s))
        }

        /// The entry of a run of at most 7 letters whose lower-cased bytes, little-endian, are `a` (the key `key`
        /// builds, with `b` zero). Without the filter: the table is a quarter full, so a miss usually stops at
        /// the first slot, which costs no more than the filter did, and the key comes from the scanner's own load.
        @inline(__always) func probeShort(_ a: UInt64) -> Entry? {
            find(Key(a: a, b: 0))
        }

        @inline(__always) func find(_ k: Key) -> Entry? {
            var h = DateLexicon.slot(k, mask)
            while let v = values[h] {
                if keys[h] == k { return v }
                h = (h + 1) & mask
            }
            return nil
        }

        /// The lower-cased bytes of the letter run `p[s..<s+len]` (1 ≤ len ≤ 13), little-endian.
        @inline(__always) static func key(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ len: Int) -> Key {
            let raw = UnsafeRawPointer(p.baseAddress!) + s
            let room = p.count - s
            var a: UInt64 = 0, b: UInt64 = 0
            if room >= 16 {
                a = raw.loadUnaligned(as: UInt64.self)
                b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            } else {
                for j in 0..<room {
                    let c = UInt64(raw.load(fromByteOffset: j, as: UInt8.self))
                    if j < 8 { a |= c << (8 * j) } else { b |= c << (8 * (j - 8)) }
                }
            }
            a = UInt64(littleEndian: a)
            b = UInt64(littleEndian: b)
            // Keep the run's bytes only, lower-cased (0x20 turns A–Z into a–z and leaves a–z alone).
            let ma: UInt64 = len >= 8 ? ~0 : (1 << (8 * UInt64(len))) &- 1
            let mb: UInt64 = len <= 8 ? 0 : (1 << (8 * UInt64(len - 8))) &- 1
            return Key(a: (a | 0x2020_2020_2020_2020) & ma, b: (b | 0x2020_2020_2020_2020) & mb)
        }
    }

    @inline(__always) static func slot(_ k: Key, _ mask: Int) -> Int {
        let x = (k.a &* 0x9E37_79B9_7F4A_7C15) ^ (k.b &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: x >> 40) & mask
    }


    /// The key of an ASCII letter run (any case); nil when too long or not letters.
    @inline(__always)
    static func key<C: Collection>(_ bytes: C) -> Key? where C.Element == UInt8 {
        if bytes.count > 24 { return nil }
        var a: UInt64 = 0, b: UInt64 = 0, n = 0
        for c in bytes {
            let l = c | 0x20
            guard l >= 0x61 && l <= 0x7A else { return nil }
            let v = UInt64(l - 0x60)
            if n < 12 { a = a << 5 | v } else { b = b << 5 | v }
            n += 1
        }
        return Key(a: a, b: b)
    }
}
