import DocPipeCore

/// Splits a span of text into sentences, on UTF-8 bytes, in one forward pass.
///
/// A sentence ends at `.`, `!`, `?` or `…` (or a run of them, such as `?!` or `...`), plus any closing
/// quotes and brackets right after, when whitespace follows and the next text starts a sentence (an
/// upper-case letter, a digit, an opening quote, or an opening bracket before an upper-case letter or
/// digit), or at the end of the span. A single period does not end a sentence after:
/// - an abbreviation from the ``AbbreviationTable`` (by its ``AbbreviationKind``),
/// - a single upper-case letter (an initial: `J. R. Smith`, `George W. Bush`) or a dotted group of short
///   letter runs (`U.S.A.`, `Ph.D.`, `a.m.`) unless a typical sentence opener follows (`… Plan B. The …`),
/// - a list number or letter at the start of the sentence (`1. `, `iv. `, `b. `).
///
/// Decimals (`1.4`, `3.5%`), references (`A/RES/47/4`, `5.2.1`), URLs and e-mail addresses never split
/// because no whitespace follows their inner periods. An ellipsis with a space before it (`word … Word`)
/// marks an omission inside a sentence, and an ellipsis before the pronoun `I` does not split.
/// Sentence ranges are trimmed of surrounding whitespace.
public struct SentenceSplitter: Sendable {
    public let table: AbbreviationTable

    public init(table: AbbreviationTable = .standard) { self.table = table }

    /// Appends the sentences of `a..<b` to `out`.
    public func split(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, into out: inout [Sentence]) {
        var s = Bytes.skipWhitespace(p, a, b)
        let e = Bytes.trimEnd(p, s, b)
        var i = s
        while i < e {
            i = Scan.nextTerminatorCandidate(p, i, e)
            guard i < e else { break }
            let c = p[i]
            if c != 0xE2 || Bytes.isEllipsis(p, i, e) {
                let (boundary, resume) = boundaryAfter(p, sentenceStart: s, terminator: i, end: e)
                if let (sentenceEnd, next) = boundary {
                    out.append(Sentence(range: s..<sentenceEnd))
                    s = next
                    i = next
                } else {
                    i = resume
                }
            } else {
                i += 1
            }
        }
        if s < e { out.append(Sentence(range: s..<e)) }
    }

    /// Number of sentences in `a..<b` (stops counting at `limit`).
    func count(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, limit: Int = 2) -> Int {
        var s = Bytes.skipWhitespace(p, a, b)
        let e = Bytes.trimEnd(p, s, b)
        if s >= e { return 0 }
        var n = 0
        var i = s
        while i < e {
            let c = p[i]
            if c == Bytes.period || c == Bytes.bang || c == Bytes.question || (c == 0xE2 && Bytes.isEllipsis(p, i, e)) {
                let (boundary, resume) = boundaryAfter(p, sentenceStart: s, terminator: i, end: e)
                if let (_, next) = boundary {
                    n += 1
                    if n >= limit { return n }
                    s = next
                    i = next
                } else {
                    i = resume
                }
            } else {
                i += 1
            }
        }
        return n + 1
    }

    /// Decides whether the terminator at `t` ends a sentence. Returns the sentence end and the start of
    /// the next sentence, or nil and the offset to resume scanning at.
    @inline(__always)
    func boundaryAfter(_ p: UnsafeBufferPointer<UInt8>, sentenceStart s: Int, terminator t: Int, end e: Int)
        -> (boundary: (Int, Int)?, resume: Int)
    {
        var j = t
        var periods = 0, marks = 0, ellipses = 0
        while j < e {
            let c = p[j]
            if c == Bytes.period { periods += 1; j += 1 }
            else if c == Bytes.bang || c == Bytes.question { marks += 1; j += 1 }
            else if c == 0xE2 && Bytes.isEllipsis(p, j, e) { ellipses += 1; j += 3 }
            else { break }
        }
        let resume = j
        while j < e {
            let n = Bytes.closerLength(p, j, e)
            if n == 0 { break }
            j += n
        }
        let sentenceEnd = j
        guard j < e else { return (nil, resume) }
        var k = j
        while k < e {
            let n = Bytes.whitespaceLength(p, k, e)
            if n == 0 { break }
            k += n
        }
        guard k > j, k < e, startsSentence(p, k, e) else { return (nil, resume) }
        if marks == 0 {
            if ellipses > 0 || periods > 1 {
                // An ellipsis after a space marks an omission; before "I" it is a pause.
                if t > s && Bytes.whitespaceLengthBefore(p, t, s) > 0 { return (nil, resume) }
                if p[k] == 0x49 && (k + 1 == e || !Bytes.isASCIILetter(p[k + 1])) { return (nil, resume) }
            } else if periods == 1 && keepsSentenceOpen(p, sentenceStart: s, period: t, next: k, end: e) {
                return (nil, resume)
            }
        }
        return ((sentenceEnd, k), resume)
    }

    /// Whether the text at `k` can open a sentence.
    @inline(__always)
    func startsSentence(_ p: UnsafeBufferPointer<UInt8>, _ k: Int, _ e: Int) -> Bool {
        let c = p[k]
        if Bytes.isASCIIUpper(c) || Bytes.isDigit(c) { return true }
        if c == 0x28 || c == 0x5B { // ( [ must open something that starts a sentence
            return k + 1 < e && (Bytes.isDigit(p[k + 1]) || Bytes.isUppercaseLetter(p, k + 1, e))
        }
        if Bytes.openerLength(p, k, e) > 0 { return true }
        if c >= 0x80 { return Bytes.isUppercaseLetter(p, k, e) }
        return false
    }

    /// Whether a single period at `t` is part of an abbreviation, an initial or a list marker.
    func keepsSentenceOpen(_ p: UnsafeBufferPointer<UInt8>, sentenceStart s: Int, period t: Int, next k: Int, end e: Int) -> Bool {
        // The token before the period: back to whitespace or an opening bracket/quote, at most 40 bytes.
        var ts = t
        while ts > s && t - ts <= 40 {
            let b = p[ts - 1]
            if b == 0x28 || b == 0x5B || b == 0x22 || b == 0x2F || Bytes.whitespaceLengthBefore(p, ts, s) > 0 { break }
            if b == 0x9C || b == 0x98 { // “ ‘
                if ts - 3 >= s && p[ts - 3] == 0xE2 && p[ts - 2] == 0x80 { break }
            }
            ts -= 1
        }
        if t - ts > 40 || ts == t { return false }
        if let kind = table.kind(p, ts..<(t + 1)) {
            switch kind {
            case .always: return true
            case .beforeNumber: return Bytes.isDigit(p[k])
            case .unlessSentenceStarter: return !nextWordIsStarter(p, k, e)
            case .ordinaryWord: return false
            }
        }
        // One letter: an initial (upper case) or a list letter at the start of the sentence.
        let first = p[ts]
        let firstLength = UTF8Bytes.sequenceLength(first)
        if ts + firstLength == t {
            if Bytes.isUppercaseLetter(p, ts, t) { return !nextWordIsStarter(p, k, e) }
            if ts == s && Bytes.isLetter(p, ts, t) { return true }
            if ts == s && Bytes.isDigit(first) { return true }
            return false
        }
        // Dotted letter groups: U.S.A, Ph.D, a.m
        if isDottedLetters(p, ts, t) { return !nextWordIsStarter(p, k, e) }
        // A list number or roman numeral opening the sentence: "12. ", "iv. "
        if ts == s && isListNumber(p, ts, t) { return true }
        return false
    }

    /// Letters in runs of one or two, separated by periods, at least one period inside (`U.S.A`, `Ph.D`).
    private func isDottedLetters(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        var run = 0, dots = 0
        for i in a..<b {
            let c = p[i]
            if Bytes.isASCIILetter(c) {
                run += 1
                if run > 2 { return false }
            } else if c == Bytes.period {
                if run == 0 { return false }
                run = 0
                dots += 1
            } else {
                return false
            }
        }
        return dots > 0 && run > 0
    }

    private func isListNumber(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        guard b - a <= 4 else { return false }
        var digits = true, roman = true
        for i in a..<b {
            let c = p[i]
            if !Bytes.isDigit(c) { digits = false }
            switch c {
            case 0x69, 0x76, 0x78, 0x49, 0x56, 0x58: break // i v x I V X
            default: roman = false
            }
        }
        return (digits && b - a <= 3) || roman
    }

    private func nextWordIsStarter(_ p: UnsafeBufferPointer<UInt8>, _ k: Int, _ e: Int) -> Bool {
        var w = k
        while w < e && w - k < 16 && Bytes.isASCIILetter(p[w]) { w += 1 }
        guard w > k else { return false }
        return table.isSentenceStarter(p, k..<w)
    }
}
