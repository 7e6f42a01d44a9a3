import DocPipeCore

/// Finds acronym definitions: `long form (SF)`, `long form [SF]`, `(long form, SF)` and `SF (long form)`.
///
/// One pass over the UTF-8 bytes looking for `(` and `[`; for each, a bounded look-back (at most 15 tokens,
/// stopping at sentence and clause punctuation) is aligned with the short form by `AcronymMatcher`.
/// Linear in the length of the text; no regular expressions.
public enum AcronymFinder {
    /// Definitions in the document's current text; the look-back stays inside the sentence when sentences are known.
    public static func definitions(in document: Document) -> [Acronym] {
        let floors = document.sentences.map(\.range.lowerBound).sorted()
        return find(document.text, sentenceStarts: floors)
    }

    /// Definitions in bare text (used for scoring).
    public static func definitions(inText text: String) -> [Acronym] {
        find(text, sentenceStarts: [])
    }

    /// The longest look-back, in tokens (ten content words and their stop words).
    static let maxTokens = 15

    static func find(_ text: String, sentenceStarts: [Int]) -> [Acronym] {
        var text = text
        return text.withUTF8 { t -> [Acronym] in
            var out: [Acronym] = []
            var s = 0
            var i = 0
            var brackets = BracketCursor()
            while true {
                i = brackets.next(t, from: i)
                guard i < t.count else { break }
                while s < sentenceStarts.count && sentenceStarts[s] <= i { s += 1 }
                let floor = s > 0 ? sentenceStarts[s - 1] : 0
                if let close = matchingClose(t, i), let a = definition(t, open: i, close: close, floor: floor) {
                    out.append(a)
                }
                i += 1
            }
            return out
        }
    }

    /// The next `(` or `[` from a cursor that only moves forward. Brackets are rare in prose: the next `(`
    /// and the next `[` are each found by memchr (many bytes per instruction) and searched for again
    /// only once the cursor has passed them, so the text is read about once for each.
    struct BracketCursor {
        private var paren = -1, square = -1

        /// The first `(` or `[` at or after `i`, or `t.count`; `i` must not be below an earlier call's.
        mutating func next(_ t: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
            if paren < i { paren = UTF8Bytes.find(0x28, in: t, from: i, to: t.count) }
            if square < i { square = UTF8Bytes.find(0x5B, in: t, from: i, to: t.count) }
            return min(paren, square)
        }
    }

    /// The bracket closing the one at `open`, on the same line and within 300 bytes.
    static func matchingClose(_ t: UnsafeBufferPointer<UInt8>, _ open: Int) -> Int? {
        let o = t[open], c: UInt8 = o == 0x28 ? 0x29 : 0x5D
        var depth = 0, j = open
        let limit = min(t.count, open + 300)
        while j < limit {
            let b = t[j]
            if b == 0x0A { return nil }
            if b == o { depth += 1 } else if b == c { depth -= 1; if depth == 0 { return j } }
            j += 1
        }
        return nil
    }

    static func trim(_ t: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> (Int, Int) {
        var a = lo, z = hi
        while a < z && SF.isSpace(t[a]) { a += 1 }
        while z > a && SF.isSpace(t[z - 1]) { z -= 1 }
        return (a, z)
    }

    static func string(_ t: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: t[lo..<hi]), as: UTF8.self)
    }

    /// Runs of whitespace become one space.
    static func folded(_ t: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(hi - lo)
        var space = false
        for k in lo..<hi {
            if SF.isSpace(t[k]) { space = true; continue }
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(t[k])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Top-level `,` and `;` positions inside the brackets.
    static func separators(_ t: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> [(Int, UInt8)] {
        var out: [(Int, UInt8)] = []
        var depth = 0
        for k in lo..<hi {
            switch t[k] {
            case 0x28, 0x5B: depth += 1
            case 0x29, 0x5D: depth -= 1
            case 0x2C, 0x3B:
                // `1,2-bis`: a comma between digits is part of a name.
                if depth == 0 && !(t[k] == 0x2C && k + 1 < hi && SF.isDigit(t[k + 1]) && k > lo && SF.isDigit(t[k - 1])) {
                    out.append((k, t[k]))
                }
            default: break
            }
        }
        return out
    }

    static func definition(_ t: UnsafeBufferPointer<UInt8>, open: Int, close: Int, floor: Int) -> Acronym? {
        let (ilo, ihi) = trim(t, open + 1, close)
        guard ihi > ilo else { return nil }
        let seps = separators(t, ilo, ihi)
        let firstEnd = seps.first?.0 ?? ihi
        let (slo, shi) = trim(t, ilo, firstEnd)

        // 1. long form (SF), long form (SF, …), long form (SF; …)
        if shi > slo, let a = longFormBefore(t, sfLo: slo, sfHi: shi, open: open, floor: floor) { return a }
        // 2. long form (…; SF): a registry number or note first.
        if let last = seps.last, last.1 == 0x3B {
            let (l, h) = trim(t, last.0 + 1, ihi)
            if h > l, let a = longFormBefore(t, sfLo: l, sfHi: h, open: open, floor: floor) { return a }
        }
        // 3. (long form, SF)
        if let last = seps.last, last.1 == 0x2C, seps.count == 1 {
            let (l, h) = trim(t, last.0 + 1, ihi)
            if h > l, SF.isAcronymLike(t[l..<h]) {
                let (rl, rh) = trim(t, ilo, last.0)
                if rh > rl, let a = align(t, sfLo: l, sfHi: h, regionLo: rl, regionHi: rh, strict: false) { return a }
            }
        }
        // 4. SF (long form)
        return shortFormBefore(t, open: open, close: close, ilo: ilo, ihi: ihi, seps: seps, floor: floor)
    }

    /// Where the look-back from `hi` stops: clause punctuation, a line break, or `maxTokens` tokens.
    static func regionStart(_ t: UnsafeBufferPointer<UInt8>, _ hi: Int, floor: Int) -> Int {
        var i = hi, tokens = 0, inWord = false
        while i > floor {
            let b = t[i - 1]
            if b == 0x0A || b == 0x0D { break }
            if SF.isSpace(b) {
                if inWord { tokens += 1; inWord = false; if tokens >= maxTokens { break } }
                i -= 1
                continue
            }
            switch b {
            case 0x29, 0x5D:
                // Brackets inside a word (`benzo[a]pyrene`, `poly(ethyleneglycol)`, `(-)-[125I]-cyanopindolol`)
                // are part of it; elsewhere they end the window.
                if let o = internalOpen(t, close: i - 1, floor: floor, hi: hi) { i = o; inWord = true; continue }
                return i
            case 0x28, 0x5B, 0x7B, 0x7D, 0x3B, 0x3A, 0x21, 0x3F, 0x22, 0x3D, 0x3C, 0x3E:
                return i
            case 0x2E:
                // A full stop followed by space ends a sentence, unless it closes an initial (`S. aureus`).
                if i < hi, SF.isSpace(t[i]) {
                    let isInitial = i >= 2 && SF.isUpper(t[i - 2]) && (i - 2 == floor || i < 3 || !SF.isAlnum(t[i - 3]))
                    if !isInitial { return i }
                }
            case 0x9C, 0x9D, 0x93, 0x94:
                // “ ” – — (E2 80 xx) end the window, except an en dash joining two words
                // (`Andean–Caribbean Development Bank`), which works like a hyphen.
                if i >= 3 && t[i - 3] == 0xE2 && t[i - 2] == 0x80 {
                    let joiner = t[i - 1] == 0x93 && i - 4 >= floor && SF.isAlnum(t[i - 4]) && i < hi && SF.isAlnum(t[i])
                    if !joiner { return i }
                    i -= 3
                    continue
                }
            default: break
            }
            inWord = true
            i -= 1
        }
        return i
    }

    /// For a `)` or `]` at `close` that belongs to a word, the position of its opening bracket.
    static func internalOpen(_ t: UnsafeBufferPointer<UInt8>, close: Int, floor: Int, hi: Int) -> Int? {
        let c = t[close], o: UInt8 = c == 0x29 ? 0x28 : 0x5B
        var depth = 0, j = close
        let limit = max(floor, close - 60)
        while j >= limit {
            let b = t[j]
            if SF.isSpace(b) { return nil }
            if b == c { depth += 1 } else if b == o { depth -= 1; if depth == 0 { break } }
            j -= 1
        }
        guard j >= limit, depth == 0 else { return nil }
        let before = j > floor ? t[j - 1] : 0x20
        let after = close + 1 < hi ? t[close + 1] : 0x20
        // Glued: followed by a letter, hyphen or slash (`benzo[a]pyrene`, `(-)-`, `GABA(A)/`), after a hyphen
        // (`N-(1-naphthyl)`), or after a letter when it holds no short form (`E(2)`, `poly(ethyleneglycol)`;
        // `clozapine(CLP) and` is an embedded definition).
        let glued = before == 0x2D || SF.isAlnum(after) || after == 0x2D || after == 0x2F
            || (SF.isAlnum(before) && !SF.isAcronymLike(t[(j + 1)..<close]))
        return glued ? j : nil
    }

    /// End of the long form before the bracket at `open`: spaces and a closing quote are skipped.
    static func longFormEnd(_ t: UnsafeBufferPointer<UInt8>, _ open: Int, floor: Int) -> Int {
        var hi = open
        while hi > floor && SF.isSpace(t[hi - 1]) { hi -= 1 }
        if hi > floor && (t[hi - 1] == 0x22 || t[hi - 1] == 0x27) { hi -= 1 }
        else if hi >= floor + 3 && t[hi - 3] == 0xE2 && t[hi - 2] == 0x80 && (t[hi - 1] == 0x9D || t[hi - 1] == 0x99) { hi -= 3 }
        while hi > floor && (t[hi - 1] == 0x2C) { hi -= 1 }
        return hi
    }

    static func longFormBefore(_ t: UnsafeBufferPointer<UInt8>, sfLo: Int, sfHi: Int, open: Int, floor: Int) -> Acronym? {
        let sf = t[sfLo..<sfHi]
        guard SF.isCandidate(sf) else { return nil }
        let hi = longFormEnd(t, open, floor: floor)
        let lo = regionStart(t, hi, floor: floor)
        guard hi > lo else { return nil }
        // A unit after a number (`12 (km)`) or a lower-case gloss right after a number is no definition.
        let letters = SF.letters(sf)
        if letters.allLower {
            var k = open
            while k > floor && SF.isSpace(t[k - 1]) { k -= 1 }
            if k > floor && SF.isDigit(t[k - 1]) { return nil }
        }
        if let a = align(t, sfLo: sfLo, sfHi: sfHi, regionLo: lo, regionHi: hi, strict: false) { return a }
        if let a = nameDefinition(t, sfLo: sfLo, sfHi: sfHi, regionLo: lo, regionHi: hi) { return a }
        // `UN DESA` defined by `Department of Economic and Social Affairs`: the qualifier stays out of the long form.
        if let sp = sf.firstIndex(where: SF.isSpace), SF.isAcronymLike(t[sfLo..<sp]) {
            let l2 = sf[sp...].drop(while: SF.isSpace)
            if SF.isAcronymLike(l2), l2.count >= 3,
               let a = align(t, sfLo: l2.startIndex, sfHi: sfHi, regionLo: lo, regionHi: hi, strict: false) {
                return Acronym(short: string(t, sfLo, sfHi), long: a.long, range: sfLo..<sfHi, longRange: a.longRange)
            }
        }
        return nil
    }

    static func shortFormBefore(_ t: UnsafeBufferPointer<UInt8>, open: Int, close: Int, ilo: Int, ihi: Int,
                                seps: [(Int, UInt8)], floor: Int) -> Acronym? {
        var e = open
        while e > floor && SF.isSpace(t[e - 1]) { e -= 1 }
        var s = e
        while s > floor && !SF.isSpace(t[s - 1]) { s -= 1 }
        guard e > s, SF.isAcronymLike(t[s..<e]) else { return nil }
        // The long form: the whole content, or the part before the first `;` (then `,`).
        var ends = [ihi]
        if let semi = seps.first(where: { $0.1 == 0x3B }) { ends = [semi.0] }
        if let comma = seps.first(where: { $0.1 == 0x2C }), comma.0 < ends[0] { ends.append(comma.0) }
        for end in ends {
            let (rl, rh) = trim(t, ilo, end)
            guard rh > rl else { continue }
            // The content must read as words, not as another short form.
            var spaces = 0
            for k in rl..<rh where t[k] == 0x20 { spaces += 1 }
            if spaces == 0 && SF.isAcronymLike(t[rl..<rh]) { continue }
            if let a = align(t, sfLo: s, sfHi: e, regionLo: rl, regionHi: rh, strict: true) { return a }
        }
        return nil
    }

    /// Aligns the short form `t[sfLo..<sfHi]` with the words of `t[regionLo..<regionHi]`; the long form ends at `regionHi`.
    static func align(_ t: UnsafeBufferPointer<UInt8>, sfLo: Int, sfHi: Int, regionLo: Int, regionHi: Int, strict: Bool) -> Acronym? {
        let letters = SF.letters(t[sfLo..<sfHi])
        let region = AcronymRegion(t, regionLo, regionHi)
        guard !region.words.isEmpty, !letters.chars.isEmpty else { return nil }
        let n = letters.chars.count
        let lfLo: Int
        if n == 1 {
            // `epinephrine (E)`: one capital, defined only by the one word before it, which it begins.
            guard !strict, SF.isUpper(t[sfLo]), let w = region.words.last, w.first == w.start - region.base,
                  !w.isStop, !AcronymRegion.badStarts.contains(w.lowered), w.lowered.utf8.count >= 4,
                  w.lowered.utf8.allSatisfy({ SF.isLower($0) || $0 == 0x2D }), w.lowered.utf8.first == letters.chars[0] else { return nil }
            lfLo = w.start
        } else {
            guard let m = AcronymMatcher.best(letters, in: region, onlyFirstWord: strict) else { return nil }
            // Acceptance: most letters must start a word or a word piece (or continue a run from one), and
            // few content words may go unused.
            let singleWord = m.firstWord == region.words.count - 1
            if strict {
                if m.unmatchedContent > 0 || m.good * 2 < n { return nil }
            } else {
                // Unused words inside the long form are few; after the last used letter a few more may follow
                // (`wet/dry pulmonary weight ratio (W/D)`).
                if m.unmatchedContent - m.trailingUnmatched > max(1, n / 2) { return nil }
                if m.unmatchedContent > max(1, n / 2) + 2 { return nil }
                if letters.allLower {
                    // Lower-case short forms (`aa`, `bpm`, `cdks`): every letter starts a word or continues one.
                    let plural = letters.chars.last == 0x73 ? 1 : 0
                    if m.good < n - plural || m.starts < min(2, n) { return nil }
                }
                if singleWord {
                    // One word: a chemical or drug name (`dimethylsulphoxide (DMSO)`, `hemodialysis (HD)`) may give
                    // its letters from inside.
                    if n > 6 || region.words[m.firstWord].lowered.utf8.count < n + 3 { if m.good * 3 < n { return nil } }
                } else {
                    if n <= 2 && m.starts < n { return nil }
                    if m.good * 3 < n { return nil }
                }
            }
            var first = m.firstWord
            // `the Joint United Nations Programme … (UNAIDS)`: in a capitalised name, a capitalised word between
            // `the` and the matched words belongs to the name.
            if !strict, m.start == region.words[first].first, first >= 2, region.words[first - 1].capitalized,
               region.words[first - 2].lowered == "the", !region.words[first].commaBefore, !region.words[first - 1].commaBefore,
               region.words[first...].allSatisfy({ $0.isStop || $0.capitalized || $0.first < 0 || SF.isUpper(t[$0.start]) }) {
                first -= 1
            }
            let w = region.words[first]
            if first == m.firstWord && m.start != w.first {
                // A piece of a word: the whole word when what comes before is a locant (`2,3-`, `(-)-[125I]-`, `N-`),
                // else the piece (`anti-` stays out).
                lfLo = isLocant(t, w.start, region.base + m.start) ? w.start : region.base + m.start
            } else {
                // Leading punctuation other than a bracket that closes inside the word stays out (`/forced`).
                var lo = w.start
                while lo < region.base + w.first && t[lo] != 0x28 && t[lo] != 0x5B { lo += 1 }
                lfLo = lo
            }
        }
        var lfHi = regionHi
        while lfHi > lfLo && (SF.isSpace(t[lfHi - 1]) || t[lfHi - 1] == 0x2C) { lfHi -= 1 }
        guard lfHi > lfLo else { return nil }
        // The short form spelled out inside its own long form (`P450 (P450)`) is no definition.
        if contains(t, lfLo, lfHi, sfLo, sfHi) { return nil }
        return Acronym(short: folded(t, sfLo, sfHi), long: folded(t, lfLo, lfHi), range: sfLo..<sfHi, longRange: lfLo..<lfHi)
    }

    /// Two looser readings, for capitalised names only (every content word capitalised, at most ten words):
    /// - `United Nations Population Fund (UNFPA)`: a name kept its acronym after a rename; the initials
    ///   appear in the short form in another order, with at most one letter to spare;
    /// - `United Nations Entity for … of Women (UN Women)`: an acronym spelled by the first words and a word
    ///   that ends the name.
    static func nameDefinition(_ t: UnsafeBufferPointer<UInt8>, sfLo: Int, sfHi: Int, regionLo: Int, regionHi: Int) -> Acronym? {
        let region = AcronymRegion(t, regionLo, regionHi)
        let words = region.words
        guard !words.isEmpty else { return nil }
        let sf = t[sfLo..<sfHi]
        // The capitalised run that ends the region.
        var runStart = words.count
        while runStart > 0 {
            let w = words[runStart - 1]
            guard w.first >= 0 else { break }
            if w.isStop && w.lowered != "the" && w.lowered != "a" && w.lowered != "an" { runStart -= 1; continue }
            if SF.isUpper(t[w.start]) && !w.isStop { runStart -= 1; continue }
            break
        }
        while runStart < words.count && words[runStart].isStop { runStart += 1 }
        guard runStart < words.count, words.count - runStart <= 10 else { return nil }
        if words[(runStart + 1)...].contains(where: { $0.commaBefore }) { return nil }
        func make(_ first: Int) -> Acronym? {
            var lfHi = regionHi
            while lfHi > words[first].start && (SF.isSpace(t[lfHi - 1]) || t[lfHi - 1] == 0x2C) { lfHi -= 1 }
            return Acronym(short: folded(t, sfLo, sfHi), long: folded(t, words[first].start, lfHi),
                           range: sfLo..<sfHi, longRange: words[first].start..<lfHi)
        }
        if let sp = sf.firstIndex(where: SF.isSpace) {
            // `UN Women`
            let w1 = t[sfLo..<sp], w2 = sf[sp...].drop(while: SF.isSpace)
            guard SF.isAcronymLike(w1), w1.allSatisfy(SF.isUpper), w2.count >= 3, !SF.isAcronymLike(w2),
                  String(decoding: w2, as: UTF8.self).lowercased() == words[words.count - 1].lowered else { return nil }
            let initials = Array(w1).map(SF.lower)
            var first = runStart
            while first < words.count {
                var k = 0, x = first
                while k < initials.count && x < words.count - 1 {
                    if words[x].isStop { x += 1; continue }
                    if t[words[x].start] | 0x20 != initials[k] { break }
                    k += 1; x += 1
                }
                if k == initials.count { return make(first) }
                first += 1
            }
            return nil
        }
        // `UNFPA`
        guard sf.count >= 3, sf.count <= 8, sf.allSatisfy(SF.isUpper) else { return nil }
        var pool = [Int](repeating: 0, count: 26)
        for b in sf { pool[Int(b - 0x41)] += 1 }
        for first in runStart..<words.count where t[words[first].start] == sf[sf.startIndex] {
            var left = pool, count = 0, ok = true
            for w in words[first...] where !w.isStop {
                let c = Int(t[w.start]) - 0x41
                guard c >= 0 && c < 26 && left[c] > 0 else { ok = false; break }
                left[c] -= 1; count += 1
            }
            if ok && count >= 3 && sf.count - count <= 1 { return make(first) }
        }
        return nil
    }

    static let greek: Set<String> = ["alpha", "beta", "gamma", "delta", "epsilon", "kappa", "lambda", "mu", "omega", "trans", "cis"]

    /// `2,3-`, `(-)-[125I]-`, `N(6)-2'-O-`, `beta-`: numbers, single letters and Greek letters before a chemical name.
    static func isLocant(_ t: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var k = lo
        while k < hi {
            if !SF.isAlnum(t[k]) { k += 1; continue }
            var e = k
            while e < hi && SF.isAlnum(t[e]) { e += 1 }
            var letters = 0
            for x in k..<e where SF.isAlpha(t[x]) { letters += 1 }
            if letters > 1 && !greek.contains(string(t, k, e).lowercased()) { return false }
            k = e
        }
        return true
    }

    /// Whether the bytes `t[sl..<sh]` occur in `t[lo..<hi]` as a whole token.
    static func contains(_ t: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ sl: Int, _ sh: Int) -> Bool {
        let len = sh - sl
        guard len > 0, hi - lo >= len else { return false }
        var k = lo
        while k + len <= hi {
            var same = true
            for x in 0..<len where t[k + x] != t[sl + x] { same = false; break }
            if same && (k == lo || !SF.isAlnum(t[k - 1])) && (k + len == hi || !SF.isAlnum(t[k + len])) { return true }
            k += 1
        }
        return false
    }
}
