// Aligning a short form with the words of a candidate long form (Schwartz–Hearst, scored).
//
// Schwartz & Hearst (2003) take the shortest run of preceding words whose characters contain the short
// form's letters in order, the first letter at the start of a word. Here every possible first word is
// tried, each alignment is scored (a letter at the start of a word scores more than one inside a word,
// a run of letters inside a word scores like a piece of it: `HIV/AIDS`), content words the alignment
// leaves unused cost, and the best candidate wins (the shortest on a tie). All work is bounded by the
// look-back window, so a document costs time linear in its length.

import DocPipeCore

typealias SF = AcronymShortForm

/// A window of text split into space-separated tokens, with per-byte matching information.
struct AcronymRegion {
    struct Word {
        var start: Int      // absolute byte offset of the token's first byte
        var end: Int        // absolute byte offset after the token (trailing punctuation included)
        var first: Int      // relative offset of the first alphanumeric byte, or -1
        var lowered: String
        var isStop: Bool
        var commaBefore: Bool
        var capitalized: Bool
    }
    let base: Int
    var cells: [UInt8] = []   // lower-cased ASCII alphanumeric, or 0
    var kind: [UInt8] = []    // 0 none, 1 inside a word, 2 start of a word piece (after - / ' or camel case), 3 start of a word
    var wordOf: [Int32] = []
    var words: [Word] = []

    static let stopWords: Set<String> = ["of", "for", "the", "and", "on", "in", "to", "with", "by", "a", "an", "or", "at",
                                         "from", "as", "de", "du", "des", "la", "le", "et", "und", "der", "die", "via", "into", "its"]
    static var stopWordMaxLength: Int { 4 }
    /// Words a long form never starts with.
    static let badStarts: Set<String> = ["of", "for", "the", "and", "on", "in", "to", "with", "by", "a", "an", "or", "at", "from",
                                         "as", "via", "into", "its", "this", "that", "these", "those", "their", "his", "her",
                                         "our", "we", "is", "are", "was", "were", "be", "been", "which", "who", "whose", "both",
                                         "each", "all", "such", "than", "then", "but", "not", "no", "also", "using", "called",
                                         "termed", "named", "known", "so-called", "i.e.", "e.g."]

    /// `stopWords.contains(w)` for a word `w` of `count` (at most four) bytes packed little-endian,
    /// without building and hashing a String. The words are ASCII, and no other string equals one
    /// (only `;`, `` ` `` and `K` have non-ASCII canonical equivalents): byte equality is String equality.
    static func isStopWord(packed k: UInt32, count: Int) -> Bool {
        switch count {
        case 1: return k == 0x61                                                     // a
        case 2:
            switch k {
            case 0x666F, 0x6E6F, 0x6E69, 0x6F74, 0x7962, 0x6E61, 0x726F,               // of on in to by an or
                 0x7461, 0x7361, 0x6564, 0x7564, 0x616C, 0x656C, 0x7465: return true  // at as de du la le et
            default: return false
            }
        case 3:
            switch k {
            case 0x726F66, 0x656874, 0x646E61, 0x736564, 0x646E75,                   // for the and des und
                 0x726564, 0x656964, 0x616976, 0x737469: return true                 // der die via its
            default: return false
            }
        case 4: return k == 0x6874_6977 || k == 0x6D6F_7266 || k == 0x6F74_6E69     // with from into
        default: return false
        }
    }

    var bytes: [UInt8] = []

    /// The byte before region offset `q` (a space before the region).
    func prevByte(_ q: Int) -> UInt8 { q > 0 ? bytes[q - 1] : 0x20 }

    init(_ t: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) {
        base = lo
        bytes = Array(t[lo..<hi])
        let n = hi - lo
        // Built in locals and stored once at the end: writing the stored arrays byte by byte checked
        // their uniqueness at every write.
        var cells: [UInt8] = filledArray(n, byte: 0)
        var kind: [UInt8] = filledArray(n, byte: 0)
        var wordOf: [Int32] = filledArray(n, byte: 0xFF)
        var words: [Word] = []
        words.reserveCapacity(16)
        var i = lo
        var sawComma = false
        while i < hi {
            let b = t[i]
            if SF.isSpace(b) { i += 1; continue }
            var j = i
            while j < hi && !SF.isSpace(t[j]) { j += 1 }
            var w = Word(start: i, end: j, first: -1, lowered: "", isStop: false, commaBefore: sawComma, capitalized: false)
            var prev: UInt8 = 0x20
            for k in i..<j {
                let c = t[k]
                wordOf[k - lo] = Int32(words.count)
                if SF.isAlnum(c) {
                    cells[k - lo] = SF.lower(c)
                    if w.first < 0 {
                        w.first = k - lo
                        kind[k - lo] = 3
                    } else if !SF.isAlnum(prev) || (SF.isUpper(c) && SF.isLower(prev))
                                || (SF.isDigit(c) && SF.isAlpha(prev)) || (SF.isAlpha(c) && SF.isDigit(prev)) {
                        kind[k - lo] = 2
                    } else {
                        kind[k - lo] = 1
                    }
                }
                prev = c
            }
            // `2,3-diaminonaphthalene`, `(-)-[125I]-cyanopindolol`: the first letter piece after a locant starts the word.
            if w.first >= 0, SF.isDigit(t[lo + w.first]) || t[i] == 0x28 || t[i] == 0x5B {
                var q = w.first
                while q < j - lo, !(kind[q] == 2 && SF.isAlpha(t[lo + q]) && q > 0 && t[lo + q - 1] == 0x2D) { q += 1 }
                if q < j - lo, AcronymFinder.isLocant(t, i, lo + q) { kind[q] = 3 }
            }
            // Trailing punctuation is not part of the word's spelling.
            var e = j
            while e > i, t[e - 1] == 0x2C || t[e - 1] == 0x2E || t[e - 1] == 0x3B || t[e - 1] == 0x3A { e -= 1 }
            sawComma = t[j - 1] == 0x2C
            // Written straight into the string (no byte array per word); invalid UTF-8 is repaired as `String(decoding:)` does.
            w.lowered = String(unsafeUninitializedCapacity: e - i) { b in
                for k in i..<e { b[k - i] = SF.lower(t[k]) }
                return e - i
            }
            // Every stop word has at most four bytes: longer words skip the test.
            if e - i <= AcronymRegion.stopWordMaxLength {
                var packed: UInt32 = 0
                for k in i..<e { packed |= UInt32(SF.lower(t[k])) << (8 * UInt32(k - i)) }
                w.isStop = AcronymRegion.isStopWord(packed: packed, count: e - i)
            }
            w.capitalized = SF.isUpper(t[i]) && (i + 1 < j) && SF.isLower(t[i + 1])
            words.append(w)
            i = j
        }
        self.cells = cells
        self.kind = kind
        self.wordOf = wordOf
        self.words = words
    }
}

struct AcronymMatch {
    var firstWord: Int
    /// Region offset where the first letter matched (the first word's first letter, or a piece of it).
    var start: Int
    /// Letters matched at a word or piece start, or continuing a run from one (`AIDS`).
    var good: Int
    var score: Double
    var unmatchedContent: Int
    /// Unused content words after the last used one.
    var trailingUnmatched: Int
    var lastUsedWord: Int
    var starts: Int          // letters matched at the start of a word or word piece
    var letters: Int         // letters in the short form
}

enum AcronymMatcher {
    static let negInf = -1.0e9

    /// Aligns `sf` with the region (with and without a plural `s`); `onlyFirstWord` pins the long form to the first word (`SF (long form)`).
    static func best(_ sf: SF.Letters, in region: AcronymRegion, onlyFirstWord: Bool = false) -> AcronymMatch? {
        var bestMatch: AcronymMatch?
        for dropPlural in (sf.optionalPluralS ? [false, true] : [false]) {
            var chars = sf.chars
            if dropPlural { chars.removeLast() }
            if let m = align(chars, region, onlyFirstWord: onlyFirstWord) {
                var m = m
                m.letters = sf.chars.count
                if dropPlural { m.score -= 0.5 }
                if bestMatch == nil || m.score > bestMatch!.score { bestMatch = m }
            }
        }
        return bestMatch
    }

    static func align(_ c: [UInt8], _ r: AcronymRegion, onlyFirstWord: Bool) -> AcronymMatch? {
        let m = c.count, n = r.cells.count
        guard m >= 1, n >= 1, !r.words.isEmpty else { return nil }
        // F[k][p]: best score matching c[k...] with c[k] at p. nextPos: where c[k+1] went.
        var F = [Double](repeating: negInf, count: m * n)
        var nextPos: [Int32] = filledArray(m * n, byte: 0xFF)
        var sufMax = [Double](repeating: negInf, count: n + 1)
        var sufArg: [Int32] = filledArray(n + 1, byte: 0xFF)
        // A word's first letter scores most (a stop word's less: `and` rarely lends its letter), a word
        // piece's next, a letter inside a word least.
        var stopStart: [Bool] = filledArray(n, byte: 0)
        for w in r.words where w.isStop && w.first >= 0 { stopStart[w.first] = true }
        @inline(__always) func base(_ p: Int) -> Double {
            switch r.kind[p] { case 3: return stopStart[p] ? 1.0 : 3.0; case 2: return 2.0; default: return 0.2 }
        }
        for k in stride(from: m - 1, through: 0, by: -1) {
            // Suffix maxima of F[k+1].
            if k < m - 1 {
                sufMax[n] = negInf; sufArg[n] = -1
                for p in stride(from: n - 1, through: 0, by: -1) {
                    let v = F[(k + 1) * n + p]
                    if v > sufMax[p + 1] { sufMax[p] = v; sufArg[p] = Int32(p) } else { sufMax[p] = sufMax[p + 1]; sufArg[p] = sufArg[p + 1] }
                }
            }
            for p in 0..<n where r.cells[p] == c[k] {
                let s = base(p)
                if k == m - 1 { F[k * n + p] = s; continue }
                var bestNext = negInf, arg: Int32 = -1
                if p + 1 < n {
                    // A run inside one word (`AIDS` in `HIV/AIDS`) reads like a word piece.
                    let adj = F[(k + 1) * n + p + 1]
                    if adj > negInf / 2 && r.kind[p + 1] == 1 {
                        bestNext = adj + 0.8; arg = Int32(p + 1)
                    }
                    if sufMax[p + 1] > bestNext { bestNext = sufMax[p + 1]; arg = sufArg[p + 1] }
                }
                if arg >= 0 { F[k * n + p] = s + bestNext; nextPos[k * n + p] = arg }
            }
        }
        var best: AcronymMatch?
        let lastWord = r.words.count - 1
        var wi = lastWord
        // Scratch for the loop and for `evaluate`, allocated once per alignment rather than per word.
        var starts: [Int] = []
        var used: [Bool] = filledArray(r.words.count, byte: 0)
        var wordStarts: [Bool] = filledArray(r.words.count, byte: 0)
        while wi >= 0 {
            defer { wi -= 1 }
            if onlyFirstWord && wi != 0 { continue }
            let w = r.words[wi]
            guard w.first >= 0 else { continue }
            // The long form starts at the word, or at a piece of it after `-` or `/` (`2,3-diaminonaphthalene`,
            // `anti-human immunodeficiency virus`).
            // A letter inside a bracket that opens the word (`(FEV1)/forced`) does not start a long form.
            var depth = 0
            for q in (w.start - r.base)..<w.first {
                let b = r.bytes[q]
                if b == 0x28 || b == 0x5B { depth += 1 } else if b == 0x29 || b == 0x5D { depth -= 1 }
            }
            starts.removeAll(keepingCapacity: true)
            if depth <= 0 { starts.append(w.first) }
            if !onlyFirstWord {
                let wordEnd = w.end - r.base
                var q = w.first + 1
                while q < wordEnd {
                    if r.kind[q] >= 2 {
                        let pb = r.prevByte(q)
                        if pb == 0x2D || pb == 0x2F { starts.append(q) }
                    }
                    q += 1
                }
            }
            // Words where no alignment starts need no look-up in `badStarts` (a hashed String).
            guard starts.contains(where: { F[$0] > negInf / 2 }), !AcronymRegion.badStarts.contains(w.lowered) else { continue }
            for st in starts {
                let f = F[st]
                if f <= negInf / 2 { continue }
                guard let cand = evaluate(c, r, wi: wi, start: st, f: f, F: F, nextPos: nextPos,
                                          used: &used, wordStarts: &wordStarts) else { continue }
                if best == nil || cand.score > best!.score + 1e-9 { best = cand }
            }
        }
        return best
    }

    /// Walks the alignment that starts at `start` in word `wi` and scores the long form it implies.
    /// `used` and `wordStarts` are scratch with one flag per word; only words `wi...` are read (the
    /// alignment starts in word `wi`), and those are cleared here.
    static func evaluate(_ c: [UInt8], _ r: AcronymRegion, wi: Int, start: Int, f: Double, F: [Double], nextPos: [Int32],
                         used: inout [Bool], wordStarts: inout [Bool]) -> AcronymMatch? {
        let m = c.count, n = r.cells.count
        let lastWord = r.words.count - 1
        for x in wi...lastWord { used[x] = false; wordStarts[x] = false }
        var p = start, k = 0, starts = 0, good = 0, prevP = -2
        while p >= 0 && k < m {
            let wd = Int(r.wordOf[p])
            used[wd] = true
            if r.kind[p] >= 2 { starts += 1; good += 1; wordStarts[wd] = true }
            else if prevP == p - 1 { good += 1 }
            if k == m - 1 { break }
            prevP = p
            p = Int(nextPos[k * n + p]); k += 1
        }
        var unmatched = 0, content = 0, commas = 0
        for x in wi...lastWord {
            let wx = r.words[x]
            if !wx.isStop { content += 1; if !used[x] { unmatched += 1 } }
            if x > wi && wx.commaBefore {
                // A long form crosses a comma only when the part after it supplies a word-start letter
                // (`Educational, Scientific and Cultural`).
                if !wordStarts[x] { return nil }
                commas += 1
            }
        }
        let maxContent = min(max(m + 5, 3), 2 * m + 1, 10)
        if content > maxContent { return nil }
        var lastUsed = lastWord
        while lastUsed > wi && !used[lastUsed] { lastUsed -= 1 }
        var trailing = 0
        if lastUsed < lastWord { for x in (lastUsed + 1)...lastWord where !r.words[x].isStop { trailing += 1 } }
        let score = f - 3.0 * Double(unmatched) - 1.0 * Double(commas)
        return AcronymMatch(firstWord: wi, start: start, good: good, score: score, unmatchedContent: unmatched,
                            trailingUnmatched: trailing, lastUsedWord: lastUsed, starts: starts, letters: m)
    }
}
