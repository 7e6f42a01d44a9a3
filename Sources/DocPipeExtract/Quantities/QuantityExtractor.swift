import DocPipeCore

/// One scan of a document and the quantities found in it: computed once by the extract stage and
/// shared by the quantity and the claim extractor, so the text is scanned a single time.
struct QuantityAnalysis {
    let scan: ScanText
    let matches: [QuantityMatch]
    /// Where the claim extractor's time frames may start, in order: numbers of four bytes, words marked
    /// `presentWord` or `foundingVerb`. Picked out in the matches' walk over the tokens (a second walk
    /// over every token cost more than the rest of the time frames).
    let timeCandidates: [Int]
    /// The counts of a `number of` phrase (`QuantityExtractor.numberOfUnits`): the first token of their number and the
    /// names inside the phrase (empty: none), in token order. Beside the matches, not in them: a field more in every
    /// match cost more in copying matches than reading the phrase twice had.
    let numberOfNames: QuantityExtractor.NumberOfNames

    init(_ document: Document) {
        scan = ScanText(document)
        var candidates: [Int] = []
        var names = QuantityExtractor.NumberOfNames()
        matches = QuantityExtractor.matches(scan, document, timeCandidates: &candidates, numberOfNames: &names)
        timeCandidates = candidates
        numberOfNames = names
    }
}

/// A quantity as found, with the token positions the claim extractor needs.
struct QuantityMatch {
    enum Kind { case count, bare, money, percent, measure, fraction }
    var value: Double
    var unit: String
    var comparator: Comparator
    var kind: Kind
    /// Bytes of the whole mention: hedge, currency, number, scale, counted noun.
    var range: Range<Int>
    /// Token range of the whole mention.
    var tokens: Range<Int>
    /// Token range of the number itself (with its scale word).
    var number: Range<Int>
    /// Token range of the counted noun (empty for bare numbers, money, percentages).
    var unitTokens: Range<Int>
    /// `a further`, `an additional`, `another`, `N more`.
    var addition: Bool
    /// Token index where the hedges / addition marker begin (`a further` in `a further 8 states`).
    var leftEdge: Int
    /// Index in `Document.quantities`, when the extractor's output is stored there.
    var index: Int? = nil

    var isCount: Bool { kind == .count }
}

/// Finds numbers with what they count or measure, on the text's UTF-8 bytes, in one left-to-right pass
/// with a bounded look-around per number.
enum QuantityExtractor {
    static func quantities(in document: Document) -> [Quantity] { quantities(from: QuantityAnalysis(document)) }

    static func quantities(from analysis: QuantityAnalysis) -> [Quantity] {
        // Fields read in place: the `map` closure copied every match (retaining its unit) to read four.
        analysis.matches.withUnsafeBufferPointer { m in
            [Quantity](unsafeUninitializedCapacity: m.count) { q, count in
                for k in m.indices {
                    (q.baseAddress! + k).initialize(to: Quantity(value: m[k].value, unit: m[k].unit, comparator: m[k].comparator, range: m[k].range))
                }
                count = m.count
            }
        }
    }

    /// A token `QuantityAnalysis.timeCandidates` lists.
    @inline(__always) static func isTimeCandidate(_ tk: ScanToken) -> Bool {
        tk.kind == .number ? tk.end - tk.start == 4 : tk.kind == .word && tk.flags & (WordClass.presentWord | WordClass.foundingVerb) != 0
    }

    static func matches(_ s: ScanText, _ document: Document, timeCandidates: inout [Int], numberOfNames: inout NumberOfNames) -> [QuantityMatch] {
        // Usually in order already: then no sort (a stable sort of ranges in order leaves them as they are).
        let dates = document.dates
        var dateRanges: [Range<Int>] = []
        dateRanges.reserveCapacity(dates.count)
        var datesInOrder = true
        for k in dates.indices {
            let r = dates[k].range
            if let l = dateRanges.last, r.lowerBound < l.lowerBound { datesInOrder = false }
            dateRanges.append(r)
        }
        if !datesInOrder { dateRanges.sort { $0.lowerBound < $1.lowerBound } }
        var d = 0
        var out: [QuantityMatch] = []
        // Grown from empty by doubling, the array copied its matches about twice over: reserved for half
        // the stops (a guess; most stops that start a match are numbers, many stops are `a` / `an`).
        out.reserveCapacity(s.stops.count / 2)
        var i = 0
        let t = s.tokens
        // Most tokens start no quantity (the branches below would only step over them): the scan listed the
        // others, numbers and words that may start a number or a time frame (`ScanText.stops`). The walk
        // goes from stop to stop, past those inside a match.
        let stops = s.stops
        for x in stops.indices {
            guard stops[x] >= i else { continue }
            i = stops[x]
            let tok = t[i]
            if isTimeCandidate(tok) { timeCandidates.append(i) }
            // Token end of the match found at i (-1: none). Each match goes straight from its `if let` into
            // the array: kept in an optional first, it was copied out of it and the optional freed.
            var end = -1
            if tok.kind == .number {
                while d < dateRanges.count && dateRanges[d].upperBound <= tok.start { d += 1 }
                if d < dateRanges.count && dateRanges[d].lowerBound <= tok.start {
                    i += 1; continue
                }
                if let q = numeral(s, i) { end = q.tokens.upperBound; out.append(q) }
            } else if tok.kind == .word && (tok.hyphen || tok.has(WordClass.numStart)) {
                // `numberWords`' own fast reject, before the call: most tokens are words that start no number.
                if let q = numberWords(s, i) { end = q.tokens.upperBound; out.append(q) }
            }
            if end >= 0 {
                let next = max(end, i + 1)
                // The tokens of the match are not walked: pick out the time candidates among them.
                for k in (i + 1)..<next where isTimeCandidate(t[k]) { timeCandidates.append(k) }
                i = next
            } else {
                i += 1
            }
        }
        numberOfUnits(s, &out, names: &numberOfNames)
        for k in out.indices { out[k].index = k }
        return out
    }

    /// `the number of member states grew from 12 to 30, and it stands at 47 today`, `the number of delegates was
    /// 120`: a bare number right after a word that states a value (`QuantityTables.numberOfValueWords`; `at` only in
    /// `stood/stands at`) counts what the nearest `number of` phrase before it in its sentence counts
    /// (`numberOfPhrase`). The mention stays the number alone; `names` keeps the phrase's names by the number's first
    /// token, for the claim extractor, which reads no phrase itself (`QuantityAnalysis.numberOfNames`).
    static func numberOfUnits(_ s: ScanText, _ out: inout [QuantityMatch], names: inout NumberOfNames) {
        let t = s.tokens
        // The phrase last read: the numbers of one phrase (`from 12 to 30, and it stands at 47`) share it.
        var last: (at: Int, phrase: NumberOfPhrase)? = nil
        // The nearest `number of` before a number, found by one forward walk per sentence (the matches come in token
        // order): walking back from each number to its sentence start was quadratic in a long sentence of values.
        var cursor = (sentence: -1, next: 0, nearest: Int?.none)
        for k in out.indices where out[k].kind == .bare && out[k].unit.isEmpty && !out[k].addition {
            let first = out[k].number.lowerBound
            let si = s.sentenceOf[first]
            guard si >= 0 else { continue }
            let sent = s.sentences[si]
            // The word before the mention (its hedge: `reached over 2,400`), past adverbs.
            var L = out[k].leftEdge - 1
            while L >= sent.lowerBound, t[L].kind == .word, t[L].has(WordClass.adverb) { L -= 1 }
            guard L > sent.lowerBound, t[L].kind == .word else { continue }
            if s.eq(L, "at") {
                guard s.eq(L - 1, "stood") || s.eq(L - 1, "stands") else { continue }
            } else if !QuantityTables.numberOfValueWords.contains(where: { s.eq(L, $0) }) {   // bytes: no `String` per number
                continue
            }
            // `numberOf` tokens x ≤ L - 2 (the phrase needs a noun after `of`).
            if cursor.sentence != si || cursor.next > L - 1 { cursor = (si, sent.lowerBound, nil) }
            while cursor.next <= L - 2 {
                if isNumberOf(s, sent, cursor.next) { cursor.nearest = cursor.next }
                cursor.next += 1
            }
            guard let x = cursor.nearest else { continue }
            let phrase: NumberOfPhrase
            if let l = last, l.at == x { phrase = l.phrase } else {
                guard let p = numberOfPhrase(s, at: x, before: L) else { continue }
                phrase = p
                last = (x, p)
            }
            out[k].unit = phrase.unit
            out[k].kind = .count
            names.append(first, phrase.names)
        }
    }

    /// `QuantityAnalysis.numberOfNames`: appended in token order, looked up by binary search (no hashing).
    struct NumberOfNames {
        private var at: [Int] = []
        private var names: [Range<Int>] = []

        mutating func append(_ token: Int, _ r: Range<Int>) {
            at.append(token)
            names.append(r)
        }

        /// The names of the phrase whose count's number starts at `token`; nil: no such count.
        func names(at token: Int) -> Range<Int>? {
            var lo = 0, hi = at.count
            while lo < hi { let m = (lo + hi) / 2; if at[m] < token { lo = m + 1 } else { hi = m } }
            return lo < at.count && at[lo] == token ? names[lo] : nil
        }
    }

    /// What a `number of` phrase counts, and the names inside it.
    struct NumberOfPhrase {
        var unit: String
        /// The capitalised words or acronyms before the counted noun (`the number of Delta Fund member states`,
        /// `of active IOM projects`): whose count it is. Empty (at the noun) when there are none.
        var names: Range<Int>
    }

    /// Token x of the sentence `sent` opens `the (total) number of …` (not `a number of`, which says `several`).
    static func isNumberOf(_ s: ScanText, _ sent: Range<Int>, _ x: Int) -> Bool {
        s.eq(x, "number") && s.eq(x + 1, "of") && !(x > sent.lowerBound && (s.eq(x - 1, "a") || s.eq(x - 1, "an")))
    }

    /// The count the `number of` phrase at token x names, read up to token `before`: the noun as `unitAfter` reads it,
    /// after the names in the phrase when there are some (`Delta Fund member states` → `member states`), else from the
    /// first word (`Member States`). Nil when its noun is no count. The one reader of the phrase.
    static func numberOfPhrase(_ s: ScanText, at x: Int, before: Int) -> NumberOfPhrase? {
        let t = s.tokens
        guard x + 2 < before, t[x + 2].kind == .word else { return nil }
        // The first run of names among the words before a stop word (tested on the word-class bits for words whose
        // bytes decide `String` equality, as `ScanToken.simple` says).
        var names: Range<Int>? = nil
        var j = x + 2
        while j < before, t[j].kind == .word, !(t[j].simple ? t[j].has(WordClass.phraseStop) : QuantityTables.phraseStops.contains(s.lower(j))) {
            if t[j].capitalized || t[j].acronym {
                var e = j + 1
                while e < before, t[e].kind == .word, t[e].capitalized || t[e].acronym { e += 1 }
                names = j..<e
                break
            }
            j += 1
        }
        func count(_ a: Int) -> String? {
            guard a < before, t[a].kind == .word else { return nil }
            let (u, kind, ut, _, _) = unitAfter(s, a, value: 2)
            return kind == .count && !u.isEmpty && ut.upperBound <= before ? u : nil
        }
        if let n = names, let u = count(n.upperBound) { return NumberOfPhrase(unit: u, names: n) }
        if let u = count(x + 2) { return NumberOfPhrase(unit: u, names: (x + 2)..<(x + 2)) }
        return nil
    }

    // MARK: - numerals

    private static func numeral(_ s: ScanText, _ i: Int) -> QuantityMatch? {
        let t = s.tokens
        let tok = t[i]
        guard var value = numberValue(s, i) else { return nil }
        let prev = i > 0 ? t[i - 1] : nil
        let next = i + 1 < t.count ? t[i + 1] : nil
        // Glued to something: `A/RES/47/4`, `2004/2005`, `10:30`, `COVID-19`, `G20`, `2021–2025`, `(2)`.
        if let n = next, !n.spaceBefore, n.kind == .punct, s.eq(i + 1, "/") || s.eq(i + 1, ":") || s.eq(i + 1, "-") || s.eq(i + 1, "–") || s.eq(i + 1, "—") || s.eq(i + 1, "."),
           i + 2 < t.count, t[i + 2].kind == .number, !t[i + 2].spaceBefore { return nil }
        // A minus sign glued to the number and standing apart from what precedes it: `from −270 °C`,
        // `fell to -3 %` (not `COVID-19`, `2004-5`).
        let negative = prev.map { p in
            !tok.spaceBefore && p.kind == .punct && (s.eq(i - 1, "−") || s.eq(i - 1, "-")) && (i == 1 || p.spaceBefore && t[i - 2].kind != .number)
        } ?? false
        // A tolerance, `±0.5 °C`: the number is the quantity, `±` part of its mention (the comparator stays `exactly`:
        // the schema's comparators hedge a count, none says plus or minus).
        let tolerance = prev.map { $0.kind == .punct && s.eq(i - 1, "±") } ?? false
        if let p = prev, !tok.spaceBefore, !negative, !tolerance {
            if p.kind == .word || p.kind == .number { return nil }
            if s.eq(i - 1, "/") || s.eq(i - 1, "-") || s.eq(i - 1, "–") || s.eq(i - 1, "—") || s.eq(i - 1, ":") || s.eq(i - 1, "+") || s.eq(i - 1, "#") || s.eq(i - 1, "№") || s.eq(i - 1, ".") { return nil }
            if s.eq(i - 1, "("), let n = next, s.eq(i + 1, ")"), !n.spaceBefore { return nil }
            // A footnote marker glued to the word or sign before it: `grew fast[3]`, `rose.[12]`.
            if s.eq(i - 1, "["), i >= 2, !p.spaceBefore, let n = next, s.eq(i + 1, "]"), !n.spaceBefore { return nil }
        }
        if let p = prev, p.kind == .punct, s.eq(i - 1, "+") || s.eq(i - 1, "#") || s.eq(i - 1, "№") || s.eq(i - 1, "§") { return nil }
        // Phone numbers and digit groups: `22 717 9111`.
        if let n = next, n.kind == .number, n.spaceBefore { return nil }
        if let p = prev, p.kind == .number { return nil }
        // References: `Article 4`, `resolution 2758`, `No. 5`.
        if let p = prev, p.kind == .word, p.has(WordClass.referenceWord) { return nil }
        if prev != nil, s.eq(i - 1, "."), i >= 2, t[i - 2].kind == .word, t[i - 2].has(WordClass.referenceAbbreviation) { return nil }
        // A name right before the number: `Hungary 1956`, `Windows 10`, `Regional Association 5`; not when a
        // percentage, a measure or a currency follows (`Liechtenstein 1.5%`: the figure is the name's).
        if let p = prev, p.kind == .word, p.capitalized, !p.has(WordClass.capBeforeNumber),
           !s.isPossessive(i - 1), !p.has(WordClass.comparatorKey), !p.has(WordClass.currencyCode),
           !amountUnitFollows(s, i, value: value) { return nil }
        // Times: `3 pm`, `10.30 am`.
        if let n = next, n.kind == .word, n.has(WordClass.timeSuffix) { return nil }

        let rawLen = tok.end - tok.start
        // A number's lower-cased text is ASCII digits and at most one `.`.
        let hasDot = s.lowerBytes[Int(tok.lo)..<Int(tok.lo + tok.len)].contains(0x2E)
        let isFourDigitInteger = rawLen == 4 && !hasDot && tok.len == 4
        var j = i + 1
        var kind: QuantityMatch.Kind = .bare
        var unit = ""
        // Currency before: `$`, `US$`, `€`, `CHF `, `USD `.
        var first = i
        if negative {
            value = -value
            first = i - 1
        }
        if tolerance { first = i - 1 }
        var currency: String?
        if let p = prev {
            if p.kind == .punct, let c = currencySymbolTable.match(s, i - 1, 1) {
                currency = c
                first = i - 1
                if c == "USD", i >= 2, t[i - 2].kind == .word, !p.spaceBefore, let c2 = currencyPrefixTable.match(s, i - 2, 1) {
                    currency = c2; first = i - 2
                }
            } else if p.kind == .word, p.has(WordClass.currencyCode), p.acronym || p.capitalized {
                currency = s.lower(i - 1).uppercased(); first = i - 1
            }
        }
        // Scale: `1.4 billion`, `$3m`.
        if j < t.count, t[j].kind == .word {
            if t[j].spaceBefore, t[j].has(WordClass.scale), let sc = scaleTable.match(s, j, 1), sc > 100 || currency == nil {
                value = scaled(s, i, value, sc); j += 1
            } else if !t[j].spaceBefore {
                if currency != nil, let sc = attachedScaleTable.match(s, j, 1) {
                    value = scaled(s, i, value, sc); j += 1
                } else if t[j].has(WordClass.measureUnit) {
                    return finish(s, first, i, j + 1, value, s.eq(j, "k") ? "K" : s.text(t[j].start..<t[j].end), .measure, j..<j + 1)
                } else {
                    return nil // ordinal `21st`, decade `1950s`, code `5G`
                }
            }
        }
        if let c = currency {
            return finish(s, first, i, j, value, c, .money, j..<j)
        }
        // `around 1850 settlers`: a count when a counted noun follows (as the date tagger reads it).
        var yearAfterAround = false
        if isFourDigitInteger, value >= 1000, value <= 2100 {
            // After `in`, `since`, `the`, `than` … a year.
            if let p = prev, p.kind == .word, p.has(WordClass.yearContext | WordClass.month) {
                guard s.eq(i - 1, "around") else { return nil }
                yearAfterAround = true
            }
            if let p = prev, p.kind == .punct, s.eq(i - 1, "–") || s.eq(i - 1, "-") || s.eq(i - 1, "/") || s.eq(i - 1, "(") || s.eq(i - 1, "’") || s.eq(i - 1, "'") { return nil }
            if let n = next, n.kind == .punct, s.eq(i + 1, "/") || s.eq(i + 1, "–") || s.eq(i + 1, "-") { return nil }
        }
        let (u, k, ut, end, more) = unitAfter(s, j, value: value)
        if yearAfterAround, k != .count || ut.isEmpty || QuantityTables.directionWords.contains(s.lower(ut.lowerBound)) { return nil }
        unit = u; kind = k
        if tolerance && kind == .bare { return nil }             // `±2` alone: no quantity to speak of
        if kind == .bare {
            if isFourDigitInteger && value >= 1000 && value <= 2100 { return nil }  // a year
            if hasDot && !more { return nil }                     // `CC BY 4.0`, versions
        }
        if unit == "#duration" { return nil }
        var m = finish(s, first, i, end, value, unit, kind, ut)
        if more { m.addition = true }
        return m
    }

    /// After the number token i comes a percent sign or word, a measure unit or a currency, if need be after a scale
    /// word (`1.5%`, `24 per cent`, `120 mm`, `5km`, `4 million euros`).
    static func amountUnitFollows(_ s: ScanText, _ i: Int, value: Double) -> Bool {
        let t = s.tokens
        var j = i + 1
        guard j < t.count else { return false }
        if t[j].kind == .word, !t[j].spaceBefore { return t[j].has(WordClass.measureUnit) }
        if t[j].kind == .word, t[j].has(WordClass.scale), j + 1 < t.count { j += 1 }
        let (u, k, _, _, _) = unitAfter(s, j, value: value)
        return (k == .percent || k == .money || k == .measure) && u != "#duration"
    }

    /// `value × sc` for the number token i and a power-of-ten scale, computed on the decimal digits:
    /// `4.1 billion` is 41 × 10⁸ = 4100000000, where 4.1 × 10⁹ in binary floating point is
    /// 4099999999.9999995.
    static func scaled(_ s: ScanText, _ i: Int, _ value: Double, _ sc: Double) -> Double {
        let tk = s.tokens[i]
        let lo = Int(tk.lo)
        guard let d = decimalParts(s.lowerBytes[lo..<(lo + Int(tk.len))]), d.fraction > 0,
              let e = powersOfTen.firstIndex(of: sc) else { return value * sc }
        let digits = value < 0 ? -Double(d.digits) : Double(d.digits)
        // Both factors are exact: one rounding, to the double nearest the decimal value.
        return e >= d.fraction ? digits * powersOfTen[e - d.fraction] : digits / powersOfTen[d.fraction - e]
    }

    /// 10⁰ … 10²², each exact in a `Double`.
    static let powersOfTen: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { r, _ in r * 10 } }

    /// `Double(text)` of a number token.
    private static func numberValue(_ s: ScanText, _ i: Int) -> Double? {
        let tk = s.tokens[i]
        let lo = Int(tk.lo)
        return numberValue(s.lowerBytes[lo..<(lo + Int(tk.len))])
    }

    /// The digits of a number token's lower-cased text (ASCII digits with at most one `.` after a digit)
    /// as an integer, and how many of them follow the point; nil past 15 digits. Both are then exact in a
    /// `Double`.
    static func decimalParts(_ text: ArraySlice<UInt8>) -> (digits: Int, fraction: Int)? {
        guard text.count <= 16 else { return nil }
        var v = 0, digits = 0, fraction = -1
        for b in text {
            if b == 0x2E { fraction = 0; continue }
            v = v &* 10 &+ Int(b &- 0x30)
            digits += 1
            if fraction >= 0 { fraction += 1 }
        }
        return digits <= 15 ? (v, max(fraction, 0)) : nil
    }

    /// `Double(String(decoding: text, as: UTF8.self))` of a number token's lower-cased text, without
    /// building a `String` when it has at most 15 digits: one division of exact values is correctly
    /// rounded, as the `String` parse is (pinned by a test).
    static func numberValue(_ text: ArraySlice<UInt8>) -> Double? {
        if let d = decimalParts(text) {
            return d.fraction == 0 ? Double(d.digits) : Double(d.digits) / powersOfTen[d.fraction]
        }
        return Double(String(decoding: text, as: UTF8.self))
    }

    // MARK: - number words

    private static func numberWords(_ s: ScanText, _ i: Int) -> QuantityMatch? {
        let t = s.tokens
        // Only number words, `a` / `an` / `half` and hyphenated words can start a number (fast reject).
        guard t[i].hyphen || t[i].has(WordClass.numStart) else { return nil }
        // Capitalised number word inside a sentence is part of a name (`Group of Eight`).
        if t[i].capitalized, i > 0, s.sentenceOf[i] == s.sentenceOf[i - 1], !s.eq(i - 1, "“"), !s.eq(i - 1, "\"") { return nil }
        var value: Double
        var j = i + 1
        // The word-class bits mirror the tables, so a table is only consulted when its bit is set.
        if t[i].hyphen {
            // Both readings need a unit word before the (single) hyphen: check it on the bytes first.
            let lo = Int(t[i].lo)
            var e = lo
            while s.lowerBytes[e] != 0x2D { e += 1 }
            guard s.lowerBytes.withUnsafeBufferPointer({ WordClass.byteTable.lookupFolding($0, lo, e) }) & WordClass.unit != 0 else { return nil }
            let parts = s.lower(i).split(separator: "-").map(String.init)
            if parts.count == 2, let a = QuantityTables.units[parts[0]], let b = QuantityTables.units[parts[1]], a >= 20, a.truncatingRemainder(dividingBy: 10) == 0, b < 10 {
                value = a + b
            } else if parts.count == 2, let a = QuantityTables.units[parts[0]], let f = QuantityTables.fractions[parts[1]], parts[1] != "half" {
                return finish(s, i, i, i + 1, a / f, "fraction", .fraction, i + 1..<i + 1)
            } else { return nil }
        } else if t[i].has(WordClass.unit), let v = unitTable.match(s, i, 1) {
            value = v
            if j < t.count, t[j].kind == .word, t[j].has(WordClass.fraction), let f = fractionTable.match(s, j, 1), !s.eq(j, "half"), !s.eq(j, "halves"),
               value > 0, s.hasSuffix(j, "s") || value == 1 {
                return finish(s, i, i, j + 1, value / f, "fraction", .fraction, j + 1..<j + 1)
            }
        } else if s.eq(i, "a") || s.eq(i, "an") || s.eq(i, "one") {
            guard j < t.count, t[j].kind == .word else { return nil }
            if s.eq(j, "dozen") { value = 12; j += 1 } else if let sc = scale(s, j) { value = sc; j += 1 } else { return nil }
            return wordsTail(s, i, i, j, value)
        } else if s.eq(i, "half"), j + 1 < t.count, s.eq(j, "a"), let sc = scale(s, j + 1), sc >= 1000 {
            return wordsTail(s, i, i, j + 2, sc / 2)
        } else {
            return nil
        }
        // Compound: `one hundred and fifty`, `twenty five`, `two thousand`, `three million`.
        var total = 0.0, current = value
        while j < t.count, t[j].kind == .word {
            if let sc = scale(s, j) {
                if sc == 100 { current *= 100 } else { total += current * sc; current = 0 }
                j += 1
            } else if let u = unit(s, j), current >= 20, current.truncatingRemainder(dividingBy: 10) == 0, u < 10, current < 100 {
                current += u; j += 1
            } else if s.eq(j, "and"), j + 1 < t.count, let u = unit(s, j + 1), (current >= 100 || total >= 1000) {
                current += u; j += 2
            } else { break }
        }
        value = total + current
        return wordsTail(s, i, i, j, value)
    }

    /// `QuantityTables.scales` / `.units` of token k, looked up on its bytes only when its class bit is set.
    @inline(__always) private static func scale(_ s: ScanText, _ k: Int) -> Double? {
        s.tokens[k].has(WordClass.scale) ? scaleTable.match(s, k, 1) : nil
    }

    @inline(__always) private static func unit(_ s: ScanText, _ k: Int) -> Double? {
        s.tokens[k].has(WordClass.unit) ? unitTable.match(s, k, 1) : nil
    }

    private static func wordsTail(_ s: ScanText, _ first: Int, _ i: Int, _ j: Int, _ value: Double) -> QuantityMatch? {
        let t = s.tokens
        var j = j
        if j < t.count, t[j].kind == .word, value >= 1000 {
            // `nearly a million dollars`
            if let c = currencyWord(s, j) { return finish(s, first, i, c.end, value, c.code, .money, j..<j) }
        }
        if j < t.count, s.eq(j, "dozen") { return nil }
        let (u, k, ut, end, more) = unitAfter(s, j, value: value)
        if u == "#duration" { return nil }
        if k == .bare {
            // `one` without a noun is a pronoun (`into one with …`); `the first of two`, `one of`.
            if s.eq(i, "one") || s.eq(i, "a") || s.eq(i, "an") { return nil }
            if j < t.count, s.eq(j, "of") { return nil }
        }
        j = end
        var m = finish(s, first, i, j, value, u, k, ut)
        if more { m.addition = true }
        return m
    }

    // MARK: - the unit after the number

    private static func currencyWord(_ s: ScanText, _ j: Int) -> (code: String, end: Int)? {
        let t = s.tokens
        // Every key starts with a word marked `currencyFirst`: no strings are built for other words.
        guard t[j].has(WordClass.currencyFirst) else { return nil }
        if j + 1 < t.count, let c = QuantityTables.currencyWords[s.lower(j) + " " + s.lower(j + 1)] { return (c, j + 2) }
        if let c = QuantityTables.currencyWords[s.lower(j)] { return (c, j + 1) }
        return nil
    }

    /// Returns (unit, kind, unit token range, end token, `N more`).
    static func unitAfter(_ s: ScanText, _ j0: Int, value: Double) -> (String, QuantityMatch.Kind, Range<Int>, Int, Bool) {
        let t = s.tokens
        var j = j0
        var more = false
        guard j < t.count else { return ("", .bare, j..<j, j, false) }
        if t[j].kind == .punct {
            if s.eq(j, "%") { return ("%", .percent, j..<j + 1, j + 1, false) }
            if s.eq(j, "‰") { return ("‰", .percent, j..<j + 1, j + 1, false) }
            if s.eq(j, "°") {
                if j + 1 < t.count, t[j + 1].kind == .word, !t[j + 1].spaceBefore, ["c", "f"].contains(s.lower(j + 1)) {
                    return ("°" + s.lower(j + 1).uppercased(), .measure, j..<j + 2, j + 2, false)
                }
                return ("°", .measure, j..<j + 1, j + 1, false)
            }
            return ("", .bare, j..<j, j, false)
        }
        guard t[j].kind == .word else { return ("", .bare, j..<j, j, false) }
        if s.eq(j, "more"), j + 1 < t.count, !s.eq(j + 1, "than") { more = true; j += 1 }
        guard j < t.count, t[j].kind == .word else { return ("", .bare, j..<j, j, more) }
        if s.eq(j, "percent") || s.eq(j, "pct") { return ("%", .percent, j..<j + 1, j + 1, false) }
        if s.eq(j, "per"), j + 1 < t.count, s.eq(j + 1, "cent") { return ("%", .percent, j..<j + 2, j + 2, false) }
        if let c = currencyWord(s, j) { return (c.code, .money, j..<c.end, c.end, false) }
        if j + 1 < t.count, t[j].has(WordClass.measurePhraseFirst), QuantityTables.measureUnits.contains(s.lower(j) + " " + s.lower(j + 1)) {
            return (s.lower(j) + " " + s.lower(j + 1), .measure, j..<j + 2, j + 2, false)
        }
        if t[j].has(WordClass.measureUnit) {
            var u = s.text(t[j].start..<t[j].end)
            var e = j + 1
            // `m³/s`
            if e + 1 < t.count, s.eq(e, "/"), !t[e].spaceBefore, t[e + 1].kind == .word, !t[e + 1].spaceBefore {
                u += "/" + s.lower(e + 1); e += 2
            }
            return (u, .measure, j..<e, e, false)
        }
        if t[j].has(WordClass.timeNoun) { return ("#duration", .measure, j..<j + 1, j + 1, false) }
        // `one year’s notice`, `a month's leave`: a time noun in the possessive makes the number a duration
        // of what follows, not a count of notices.
        if t[j].kind == .word, s.isPossessive(j), isTimeNounPossessive(s.lower(j)) {
            return ("#duration", .measure, j..<j + 1, j + 1, false)
        }
        // Phrase table, longest first (up to five words).
        var words = 0
        var k = j
        if t[j].has(WordClass.unitPhraseFirst) {
            while k < t.count, t[k].kind == .word, words < 5 { words += 1; k += 1 }
        }
        if words > 0 {
            let phrases = unitPhraseTable  // one `swift_once` instead of one per length
            for n in stride(from: words, through: 1, by: -1) {
                if let canon = phrases.match(s, j, n) {
                    return observerSuffix(s, canon, j, j + n, more)
                }
            }
        }
        // Generic: up to four words before a stop word (the tokens j..<k), ending at the last plural-looking noun.
        k = j
        while k < t.count, t[k].kind == .word, k - j < 4 {
            if t[k].has(WordClass.phraseStop | WordClass.finiteVerbInS) { break }
            if k == j && t[k].has(WordClass.month) { break }
            // `states hold observer seats`: a plural noun's verb, not part of the noun.
            if k > j && t[k].has(WordClass.pluralSubjectVerb) && isPluralNoun(s, k - 1) { break }
            k += 1
        }
        // `seven members reviews the programmes`: a second plural before a determiner is the verb.
        if k - j >= 2, k < t.count, t[k].has(WordClass.phraseStop), isDeterminer(s, k), isPluralNoun(s, k - 2), isPluralNoun(s, k - 1) {
            k -= 1
        }
        var head = -1
        for idx in j..<k {
            if isPluralNoun(s, idx) { head = idx }
            else if value == 1 && idx == k - 1 && head < 0 && isSingularNoun(s, idx) { head = idx }
        }
        guard head >= 0 else { return ("", .bare, j..<j, j, more) }
        let ut = j..<(head + 1)
        switch genericUnit(s, ut, value: value) {
        case .duration: return ("#duration", .measure, ut, ut.upperBound, more)
        case .measure(let u): return (u, .measure, ut, ut.upperBound, more)
        case .count(let u): return observerSuffix(s, u, j, ut.upperBound, more)
        }
    }

    enum GenericUnit: Equatable { case duration, measure(String), count(String) }

    /// The unit named by the words ut, the last one its head noun: the canonical phrase, else the words
    /// (acronyms as written, a singular head after `1` pluralised).
    static func genericUnit(_ s: ScanText, _ ut: Range<Int>, value: Double) -> GenericUnit {
        let t = s.tokens
        let lastIdx = ut.upperBound - 1
        // `plain`: every part would be its token's lower-cased text as is (no acronym written as is, no
        // singular pluralised), all lower-case ASCII. Then `lowercased()` returns each part unchanged, the
        // tokens' word-class bits (their text looked up in `WordClass.table`) say which single-word tables
        // can hold a part, without hashing a `String`, and the key is built once from the bytes (a `String`
        // per part, an array of them and `joined` cost more than the rest).
        var plain = !(value == 1 && !isPluralNoun(s, lastIdx))
        if plain {
            for k in ut where t[k].acronym || !isLowerASCII(s, k) { plain = false; break }
        }
        if plain {
            let lastTok = t[lastIdx]
            if lastTok.has(WordClass.timeNoun) { return .duration }
            // The words joined by single spaces, written straight into the key's storage; the last word
            // starts at `lastStart`.
            var length = ut.count - 1
            for k in ut { length += Int(t[k].len) }
            var lastStart = 0
            let key = s.lowerBytes.withUnsafeBufferPointer { lb in
                String(unsafeUninitializedCapacity: length) { buf in
                    var o = 0
                    for k in ut {
                        if k > ut.lowerBound { buf[o] = 0x20; o += 1 }
                        lastStart = o
                        let lo = Int(t[k].lo)
                        for x in lo..<(lo + Int(t[k].len)) { buf[o] = lb[x]; o += 1 }
                    }
                    return o
                }
            }
            // A phrase equal to `key` starts with the first part: unless that word starts some phrase, no lookup.
            var canon = t[ut.lowerBound].has(WordClass.unitPhraseFirst) ? QuantityTables.unitPhrases[key] ?? key : key
            if lastTok.has(WordClass.measureUnit) { return .measure(canon) }
            if ut.count > 1, lastTok.has(WordClass.unitPhraseFirst) {
                let last = s.lower(lastIdx)
                if let c = QuantityTables.unitPhrases[last], c != last {
                    // The parts but the last, each followed by its space, then the canonical last word.
                    canon = String(decoding: key.utf8.prefix(lastStart), as: UTF8.self) + c
                }
            }
            return .count(canon)
        }
        var parts: [String] = []
        parts.reserveCapacity(ut.count)
        for idx in ut {
            let tk = t[idx]
            var w: String
            if tk.acronym { w = s.text(tk.start..<tk.end) } else { w = s.lower(idx) }
            if idx == lastIdx && value == 1 && !isPluralNoun(s, idx) { w = pluralize(w) }
            parts.append(w)
        }
        let last = parts[parts.count - 1]
        let key = parts.joined(separator: " ")
        var canon = QuantityTables.unitPhrases[key.lowercased()] ?? key
        let lastLower = last.lowercased()
        if QuantityTables.timeNouns.contains(lastLower) { return .duration }
        if QuantityTables.measureUnits.contains(lastLower) { return .measure(canon) }
        if parts.count > 1, let c = QuantityTables.unitPhrases[lastLower], c != lastLower {
            canon = (parts.dropLast() + [c]).joined(separator: " ")
        }
        return .count(canon)
    }

    /// Token k's lower-cased text has only ASCII bytes and no capital letter.
    private static func isLowerASCII(_ s: ScanText, _ k: Int) -> Bool {
        let tk = s.tokens[k]
        let lo = Int(tk.lo)
        return s.lowerBytes.withUnsafeBufferPointer { b in
            for i in lo..<(lo + Int(tk.len)) where b[i] >= 0x80 || (b[i] >= 0x41 && b[i] <= 0x5A) { return false }
            return true
        }
    }

    /// `10 states holding observer status` → `observer states`.
    private static func observerSuffix(_ s: ScanText, _ unit: String, _ j: Int, _ end: Int, _ more: Bool) -> (String, QuantityMatch.Kind, Range<Int>, Int, Bool) {
        let t = s.tokens
        if end + 2 < t.count, s.eq(end, "holding") || s.eq(end, "with") || s.eq(end, "having"), s.eq(end + 1, "observer"), s.eq(end + 2, "status") {
            let u = unit.hasPrefix("observer") ? unit : (unit == "states" ? "observer states" : "observer " + unit)
            return (u, .count, j..<end + 3, end + 3, more)
        }
        return (unit, .count, j..<end, end, more)
    }

    /// `year’s`, `months'`: a time noun with a possessive ending.
    static func isTimeNounPossessive(_ w: String) -> Bool {
        for suffix in ["'s", "’s", "'", "’"] where w.hasSuffix(suffix) {
            if QuantityTables.timeNouns.contains(String(w.dropLast(suffix.count))) { return true }
        }
        return false
    }

    static func isPossessive(_ w: String) -> Bool { w.hasSuffix("'s") || w.hasSuffix("’s") || w.hasSuffix("s'") || w.hasSuffix("s’") }

    /// Word-class bits stand for the word sets and byte suffixes for `hasSuffix` (ASCII words; other
    /// words take the `String` path, where `Character` semantics may differ).
    static func isPluralNoun(_ s: ScanText, _ k: Int) -> Bool {
        let tk = s.tokens[k]
        guard tk.simple else { return isPluralNoun(s.lower(k), tk) }
        if tk.has(WordClass.invariantPlural) { return true }
        if tk.has(WordClass.verbInS) || s.isPossessive(k) { return false }
        guard s.hasSuffix(k, "s"), case let count = s.charCount(k), count >= 3 else { return false }
        if s.hasSuffix(k, "ss") || s.hasSuffix(k, "us") || s.hasSuffix(k, "is") || s.hasSuffix(k, "ous") { return false }
        if tk.capitalized && !tk.acronym && count > 3 {
            // `Member States`, `Observers` are fine; `Paris`, `Athens` are places: accept only common plural endings.
            return s.hasSuffix(k, "es") || s.hasSuffix(k, "rs") || s.hasSuffix(k, "ts") || s.hasSuffix(k, "ns") || s.hasSuffix(k, "ds") || s.hasSuffix(k, "ls")
        }
        return true
    }

    private static func isPluralNoun(_ w: String, _ tk: ScanToken) -> Bool {
        if QuantityTables.invariantPlurals.contains(w) { return true }
        if QuantityTables.verbsInS.contains(w) || isPossessive(w) { return false }
        guard w.count >= 3, w.hasSuffix("s") else { return false }
        if w.hasSuffix("ss") || w.hasSuffix("us") || w.hasSuffix("is") || w.hasSuffix("ous") { return false }
        if tk.capitalized && !tk.acronym && w.count > 3 {
            return w.hasSuffix("es") || w.hasSuffix("rs") || w.hasSuffix("ts") || w.hasSuffix("ns") || w.hasSuffix("ds") || w.hasSuffix("ls")
        }
        return true
    }

    static func isDeterminer(_ s: ScanText, _ k: Int) -> Bool {
        s.eq(k, "the") || s.eq(k, "a") || s.eq(k, "an") || s.eq(k, "its") || s.eq(k, "their") || s.eq(k, "this")
            || s.eq(k, "these") || s.eq(k, "those") || s.eq(k, "his") || s.eq(k, "her")
    }

    static func isSingularNoun(_ s: ScanText, _ k: Int) -> Bool {
        let tk = s.tokens[k]
        if tk.capitalized && !tk.acronym { return false }
        if s.hasSuffix(k, "ly") || s.hasSuffix(k, "ing") || s.hasSuffix(k, "ed") { return false }
        return s.charCount(k) >= 3 && !tk.has(WordClass.phraseStop)
    }

    static func pluralize(_ w: String) -> String {
        if w.hasSuffix("staff") || w.hasSuffix("s") { return w }
        if w.hasSuffix("y"), let c = w.dropLast().last, !"aeiou".contains(c) { return String(w.dropLast()) + "ies" }
        if w.hasSuffix("ch") || w.hasSuffix("sh") || w.hasSuffix("x") { return w + "es" }
        return w + "s"
    }

    // MARK: - assembling

    static let comparatorPhrases = PhraseTable(QuantityTables.comparators)
    static let unitPhraseTable = PhraseTable(QuantityTables.unitPhrases)
    static let additionPhrases = PhraseTable(Dictionary(uniqueKeysWithValues: QuantityTables.additionMarkers.map { ($0, true) }))
    /// Single-word tables looked up on a token's bytes, without building its `String` and hashing it.
    static let scaleTable = PhraseTable(QuantityTables.scales)
    static let attachedScaleTable = PhraseTable(QuantityTables.attachedScales)
    static let unitTable = PhraseTable(QuantityTables.units)
    static let fractionTable = PhraseTable(QuantityTables.fractions)
    static let currencySymbolTable = PhraseTable(QuantityTables.currencySymbols)
    static let currencyPrefixTable = PhraseTable(QuantityTables.currencyPrefixWords)

    private static func finish(_ s: ScanText, _ first: Int, _ numberStart: Int, _ end: Int, _ value: Double, _ unit: String,
                               _ kind: QuantityMatch.Kind, _ unitTokens: Range<Int>) -> QuantityMatch {
        let t = s.tokens
        // Hedges and addition markers before the number (up to three words), longest first.
        var left = first
        var comparator = Comparator.exactly
        var addition = false
        var edge = first
        /// Tokens a..<b are words of the number's sentence (a phrase may be looked up there).
        func phraseOK(_ a: Int, _ b: Int) -> Bool {
            guard a >= 0 else { return false }
            for k in a..<b { guard t[k].kind == .word, s.sentenceOf[k] == s.sentenceOf[first] else { return false } }
            return true
        }
        // A phrase can only match when the word before ends some table phrase; tables are matched on bytes.
        if left >= 1, t[left - 1].has(WordClass.comparatorLast) {
            let comparators = comparatorPhrases  // one `swift_once` instead of one per length
            for n in stride(from: 3, through: 1, by: -1) {
                if phraseOK(left - n, left), let c = comparators.match(s, left - n, n) {
                    comparator = c; left -= n; edge = left; break
                }
            }
        }
        if edge >= 1, t[edge - 1].has(WordClass.additionLast) {
            let additions = additionPhrases  // one `swift_once` instead of one per length
            for n in stride(from: 2, through: 1, by: -1) {
                if phraseOK(edge - n, edge), additions.match(s, edge - n, n) != nil {
                    addition = true; edge -= n; break
                }
            }
        }
        if comparator == .exactly {
            // `a further some 8`? rare; `an additional estimated`? rare — but `a further over 10` no.
        }
        let lastTok = max(end, numberStart + 1)
        let range = t[left].start..<t[lastTok - 1].end
        var numEnd = numberStart + 1
        while numEnd < end, t[numEnd].kind == .word, t[numEnd].has(WordClass.scale | WordClass.unit) || s.eq(numEnd, "and") { numEnd += 1 }
        return QuantityMatch(value: value, unit: unit, comparator: comparator, kind: kind, range: range, tokens: left..<lastTok,
                             number: numberStart..<numEnd, unitTokens: unitTokens, addition: addition, leftEdge: edge)
    }
}

/// A table of space-separated phrases matched word by word against tokens' lower-cased bytes: the same
/// answer as looking up the space-joined lower-cased words, without building that `String`.
struct PhraseTable<V: Sendable>: Sendable {
    private var phrases: [(words: [[UInt8]], value: V)] = []
    /// Indices in `phrases`, in order, by word count and first byte of the first word (256: empty word):
    /// `match` compares only the phrases whose first byte is the token's (no other can be equal).
    private var buckets: [[Int]] = []
    private var maxWords = 0

    init(_ d: [String: V]) {
        for (k, v) in d.sorted(by: { $0.key < $1.key }) {
            phrases.append((k.split(separator: " ", omittingEmptySubsequences: false).map { Array($0.utf8) }, v))
        }
        maxWords = phrases.map(\.words.count).max() ?? 0
        buckets = Array(repeating: [], count: (maxWords + 1) * 257)
        for (i, p) in phrases.enumerated() { buckets[Self.bucket(p.words.count, p.words[0].first)].append(i) }
    }

    @inline(__always) private static func bucket(_ n: Int, _ firstByte: UInt8?) -> Int { n * 257 + (firstByte.map(Int.init) ?? 256) }

    /// The value of the phrase made of the n tokens from a, if any.
    func match(_ s: ScanText, _ a: Int, _ n: Int) -> V? {
        guard n >= 1, n <= maxWords else { return nil }
        let tk = s.tokens[a]
        let first: UInt8? = tk.len > 0 ? s.lowerBytes[Int(tk.lo)] : nil
        for i in buckets[Self.bucket(n, first)] {
            var same = true
            for m in 0..<n where !s.eq(a + m, phrases[i].words[m]) { same = false; break }
            if same { return phrases[i].value }
        }
        return nil
    }
}
