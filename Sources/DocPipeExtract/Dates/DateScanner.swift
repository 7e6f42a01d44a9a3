// A single linear pass over the UTF-8 bytes that cuts the text into the few token shapes the date
// patterns look at: words (with their lexicon entry), numbers (with value and digit count) and
// punctuation (dashes and apostrophes normalised). No regex, no allocation per token.

/// 24 bytes (was 64): one is appended per token, so narrow fields and packed flags keep the copy small.
/// The parser reads the wide views below (`start`, `spaceBefore`, …); the stored fields are private to that layout.
struct DateToken {
    enum Kind: UInt8 { case word, number, punct }
    /// Numbers: integer value of the first 18 digits.
    var num: Int
    var start32: UInt32
    var end32: UInt32
    /// Words: lexicon value, or for unknown ASCII-initial words minus their last byte (lower case), for plural checks.
    var lexValue16: Int16
    /// Numbers: digits as written (commas excluded), saturated at 255 (the patterns test up to 5).
    var digits8: UInt8
    var kind: Kind
    /// Lexicon entry for words.
    var lex: DateLexicon.Kind?
    /// Punctuation: the ASCII byte (`-` for any dash, `'` for any apostrophe, `$` for currency signs).
    var ch: UInt8
    /// Words: the first letter, lower case.
    var b0: UInt8
    var flags: UInt8

    // Computed, not `static let`: a constant read in the parser's hot loop must not cost a swift_once.
    @inline(__always) static var fSpace: UInt8 { 1 }
    @inline(__always) static var fLine: UInt8 { 2 }
    @inline(__always) static var fCap: UInt8 { 4 }
    @inline(__always) static var fGrouped: UInt8 { 8 }
    @inline(__always) static var fDecimal: UInt8 { 16 }

    @inline(__always) init(start: Int, end: Int, kind: Kind, flags: UInt8, lex: DateLexicon.Kind? = nil, lexValue: Int16 = 0,
                           ch: UInt8 = 0, num: Int = 0, digits: Int = 0, b0: UInt8 = 0) {
        self.num = num
        start32 = UInt32(truncatingIfNeeded: start)
        end32 = UInt32(truncatingIfNeeded: end)
        lexValue16 = lexValue
        digits8 = UInt8(truncatingIfNeeded: min(digits, 255))
        self.kind = kind
        self.lex = lex
        self.ch = ch
        self.b0 = b0
        self.flags = flags
    }

    @inline(__always) var start: Int { Int(start32) }
    @inline(__always) var end: Int { Int(end32) }
    @inline(__always) var lexValue: Int { Int(lexValue16) }
    @inline(__always) var digits: Int { Int(digits8) }
    /// Whitespace (or nothing but a line break) separates this token from the previous one.
    @inline(__always) var spaceBefore: Bool { flags & DateToken.fSpace != 0 }
    /// A line break separates it from the previous one (patterns do not cross lines).
    @inline(__always) var lineBefore: Bool { flags & DateToken.fLine != 0 }
    /// Word starting with an upper-case letter.
    @inline(__always) var cap: Bool { flags & DateToken.fCap != 0 }
    /// Numbers: comma grouping / decimal part.
    @inline(__always) var grouped: Bool { flags & DateToken.fGrouped != 0 }
    @inline(__always) var decimal: Bool { flags & DateToken.fDecimal != 0 }

    /// Whether an expression can start at this token, judged by the token alone: every number, an apostrophe
    /// (`'89`) and lexicon words other than the connectives below. `TimexParser.canStart` tests this first and
    /// then the context; the scanner lists these tokens so that the parser visits only them.
    @inline(__always) var mayStart: Bool {
        switch kind {
        case .number: return true
        case .punct: return ch == 0x27
        case .word:
            guard let kk = lex else { return false }
            return DateToken.mayStart(kk)
        }
    }

    /// Words with this lexicon entry may start an expression (cached in `DateLexicon.Entry.starts`).
    static func mayStart(_ kk: DateLexicon.Kind) -> Bool {
        switch kk {
        case .and, .of, .to, .from, .between, .blockBefore, .blockAfter, .ordSuffix, .than, .least, .other, .old, .bc:
            return false
        default: return true
        }
    }
}

enum DateScanner {
    static func scan(_ p: UnsafeBufferPointer<UInt8>) -> [DateToken] {
        withTokens(p) { Array($0) }
    }

    /// Scans `p` and hands the tokens to `body` (valid only during the call).
    static func withTokens<R>(_ p: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<DateToken>) -> R) -> R {
        withScan(p) { body($0.tokens) }
    }

    /// The tokens with two indexes into them: the tokens that may start an expression (`DateToken.mayStart`) and
    /// the tokens that begin a line (`lineBefore`; the count of tokens may follow when the text ends with a line
    /// break). Both ascending. The parser visits only the first and takes its line bounds from the second: most
    /// tokens are words no pattern starts with, and stepping over each cost more than listing the others here.
    struct Scanned {
        /// The scanned text (the few patterns that read a word's letters, not only its lexicon entry).
        var text: UnsafeBufferPointer<UInt8>
        var tokens: UnsafeBufferPointer<DateToken>
        var starts: UnsafeBufferPointer<UInt32>
        var lines: UnsafeBufferPointer<UInt32>
    }

    /// Scans `p` and hands the tokens and their indexes to `body` (valid only during the call).
    static func withScan<R>(_ p: UnsafeBufferPointer<UInt8>, _ body: (Scanned) -> R) -> R {
        // Offsets are stored in 32 bits: a text of 4 GiB or more gets no dates rather than stopping the batch.
        guard p.count < Int(UInt32.max) else {
            return body(Scanned(text: p, tokens: UnsafeBufferPointer(start: nil, count: 0), starts: UnsafeBufferPointer(start: nil, count: 0),
                                lines: UnsafeBufferPointer(start: nil, count: 0)))
        }
        var toks = Buffer<DateToken>(capacity: p.count / 3 + 4)
        var starts = Buffer<UInt32>(capacity: p.count / 16 + 4)
        var lines = Buffer<UInt32>(capacity: p.count / 256 + 4)
        defer { toks.base.deallocate(); starts.base.deallocate(); lines.base.deallocate() }
        scan(p, into: &toks, starts: &starts, lines: &lines)
        return body(Scanned(text: p, tokens: UnsafeBufferPointer(start: toks.base, count: toks.count),
                            starts: UnsafeBufferPointer(start: starts.base, count: starts.count),
                            lines: UnsafeBufferPointer(start: lines.base, count: lines.count)))
    }

    /// Appending to an Array per token checks uniqueness and capacity through memory; this is the bare append.
    /// The parser reads this storage in place: moving the tokens into an Array cost ~9 M instructions on
    /// the 2 MB bench corpus.
    struct Buffer<Element> {
        var base: UnsafeMutablePointer<Element>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 4)
            base = .allocate(capacity: self.capacity)
        }

        init(base: UnsafeMutablePointer<Element>, count: Int, capacity: Int) {
            self.base = base
            self.count = count
            self.capacity = capacity
        }

        @inline(__always) mutating func append(_ t: Element) {
            if count == capacity { self = grown() }
            (base + count).initialize(to: t)
            count += 1
        }

        /// Returns the larger buffer rather than growing in place: a mutating call takes the buffer's address,
        /// which kept the scanner's local copies in memory (a load and a store of the count per token).
        @inline(never) func grown() -> Buffer {
            let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            return Buffer(base: bigger, count: count, capacity: capacity * 2)
        }
    }

    static func scan(_ p: UnsafeBufferPointer<UInt8>, into tokensOut: inout Buffer<DateToken>, starts startsOut: inout Buffer<UInt32>,
                     lines: inout Buffer<UInt32>) {
        precondition(p.count < Int(UInt32.max), "withScan keeps texts of 4 GiB or more out")
        // Local copies, written back once: appending through the inout parameters loaded and stored each count per token.
        var toks = tokensOut, starts = startsOut
        defer { tokensOut = toks; startsOut = starts }
        // Fetched once per call: a `static let` read per word costs a swift_once call.
        let lexicon = DateLexicon.shared
        let n = p.count
        var i = 0
        // fSpace | fLine before the first token.
        var sep: UInt8 = DateToken.fSpace | DateToken.fLine
        lines.append(0)
        // Unwrapped once: `p.baseAddress!` in the loop tested it for nil per word.
        guard n > 0, let base = p.baseAddress else { return }
        while i < n {
            let c = base[i]
            // Every token starts above 0x20: one test for them, the separator tests only below it.
            if c <= 0x20 {
                if c == 0x20 || c == 0x09 || c == 0x0D { sep |= DateToken.fSpace; i &+= 1; continue }
                if c == 0x0A {
                    // The next token begins a line (listed once however many breaks come before it).
                    if lines.base[lines.count - 1] != UInt32(truncatingIfNeeded: toks.count) { lines.append(UInt32(truncatingIfNeeded: toks.count)) }
                    sep = DateToken.fSpace | DateToken.fLine; i += 1; continue
                }
            }
            if c < 0x80 {
                if isLetter(c) {
                    let s = i
                    // A run of at most 7 letters (most words) is measured and keyed by one load from its start:
                    // `short` is its lower-cased bytes, little-endian (0: longer, or too near the end of the text).
                    var short: UInt64 = 0
                    // Wrapping arithmetic on `i` here and below: it stays below `n` (at most `Int(UInt32.max)`).
                    if i &+ 8 <= n {
                        let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                        // `Tokenizer.asciiLetterBytes` marks exactly the bytes `isLetter` accepts; byte 0 is one.
                        let stop = ~Tokenizer.asciiLetterBytes(w) & 0x8080_8080_8080_8080
                        if stop != 0 {
                            let len = stop.trailingZeroBitCount >> 3
                            i &+= len
                            short = (w | 0x2020_2020_2020_2020) & ((1 << (8 &* UInt64(len))) &- 1)
                        } else {
                            i &+= 8
                        }
                    } else {
                        i &+= 1
                    }
                    if short == 0 {
                        // Eight bytes at a time, as above.
                        while i &+ 8 <= n {
                            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                            let stop = ~Tokenizer.asciiLetterBytes(w) & 0x8080_8080_8080_8080
                            if stop != 0 { i &+= stop.trailingZeroBitCount >> 3; break }
                            i &+= 8
                        }
                        while i < n && isLetter(p[i]) { i += 1 }
                    }
                    var ascii = true
                    // Non-ASCII letters glue to the word (so `Zürich` stays one unknown word).
                    while i < n && p[i] >= 0x80 && !isSpecialNonASCII(p, i) && !isBreakingNonASCII(p, i) {
                        ascii = false
                        i += utf8Len(p[i])
                        while i < n && isLetter(p[i]) { i += 1 }
                    }
                    var lex: DateLexicon.Kind? = nil
                    var lexValue = -Int16(base[i &- 1] | 0x20)   // unknown word: its last letter, for plural checks
                    var may = false
                    if ascii {
                        // `lookup`: the short probe, or the filter in line and then the probe.
                        let found = short != 0 ? lexicon.probeShort(short)
                                               : lexicon.mayContain(p, s, i) ? lexicon.probe(p, s, i) : nil
                        if let e = found {
                            lex = e.kind
                            lexValue = e.value
                            may = e.starts
                        }
                    }
                    add(DateToken(start: s, end: i, kind: .word, flags: sep | (c <= 0x5A ? DateToken.fCap : 0),
                                  lex: lex, lexValue: lexValue, b0: c | 0x20), may: may, &toks, &starts)
                } else if c >= 0x30 && c <= 0x39 {
                    let s = i
                    var v = 0, d = 0
                    var f = sep
                    while i < n {
                        let x = p[i]
                        if x >= 0x30 && x <= 0x39 {
                            if d < 18 { v = v &* 10 &+ Int(x - 0x30) }
                            d += 1
                            i += 1
                        } else if x == 0x2C && d > 0 && (f & DateToken.fGrouped != 0 || d <= 3) && isDigit3(p, i + 1) {
                            f |= DateToken.fGrouped
                            i += 1
                        } else if x == 0x2E && i + 1 < n && p[i + 1] >= 0x30 && p[i + 1] <= 0x39 {
                            f |= DateToken.fDecimal
                            i += 1
                            while i < n && p[i] >= 0x30 && p[i] <= 0x39 { i += 1 }
                            break
                        } else { break }
                    }
                    add(DateToken(start: s, end: i, kind: .number, flags: f, num: v, digits: d), may: true, &toks, &starts)
                } else {
                    add(DateToken(start: i, end: i + 1, kind: .punct, flags: sep, ch: c == 0x60 ? 0x27 : c), may: c == 0x27 || c == 0x60,
                        &toks, &starts)
                    i += 1
                }
                // The single space that usually follows, taken here rather than by another turn of the loop
                // (which would set exactly this).
                if i < n && base[i] == 0x20 { sep = DateToken.fSpace; i &+= 1 } else { sep = 0 }
                continue
            }
            // Non-ASCII: a few spaces, dashes, quotes and currency signs matter; anything else is a word.
            let len = utf8Len(c)
            let end = min(n, i + len)
            if c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0 { sep |= DateToken.fSpace; i = end; continue }         // NBSP
            if c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 {
                let t = p[i + 2]
                if (t >= 0x80 && t <= 0x8A) || t == 0xAF { sep |= DateToken.fSpace; i = end; continue }           // U+2000–200A, 202F
                if t == 0x8B { i = end; continue }                                                                 // zero-width space
                var ch: UInt8 = 0
                if t >= 0x90 && t <= 0x95 { ch = 0x2D }                                                            // dashes
                else if t == 0x98 || t == 0x99 { ch = 0x27 }                                                       // ‘ ’
                else if t == 0x9C || t == 0x9D { ch = 0x22 }                                                       // “ ”
                if ch != 0 {
                    add(DateToken(start: i, end: end, kind: .punct, flags: sep, ch: ch), may: ch == 0x27, &toks, &starts)
                    sep = 0
                    i = end
                    continue
                }
            }
            if isSpecialNonASCII(p, i) {
                add(DateToken(start: i, end: end, kind: .punct, flags: sep, ch: 0x24), may: false, &toks, &starts)
                sep = 0
                i = end
                continue
            }
            let s = i
            i = end
            while i < n && (isLetter(p[i]) || (p[i] >= 0x80 && !isSpecialNonASCII(p, i) && !isBreakingNonASCII(p, i))) {
                i += p[i] >= 0x80 ? utf8Len(p[i]) : 1
            }
            i = min(i, n)
            add(DateToken(start: s, end: i, kind: .word, flags: sep), may: false, &toks, &starts)
            sep = 0
        }
    }

    /// Appends `tok`, listing it in `starts` when `may` (its `mayStart`, known to each caller without the switch).
    @inline(__always) static func add(_ tok: DateToken, may: Bool, _ toks: inout Buffer<DateToken>, _ starts: inout Buffer<UInt32>) {
        if may { starts.append(UInt32(truncatingIfNeeded: toks.count)) }
        toks.append(tok)
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isDigit3(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i + 2 < p.count else { return false }
        for k in 0..<3 where !(p[i + k] >= 0x30 && p[i + k] <= 0x39) { return false }
        return !(i + 3 < p.count && p[i + 3] >= 0x30 && p[i + 3] <= 0x39)
    }
    @inline(__always) static func utf8Len(_ c: UInt8) -> Int {
        c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
    }
    /// Currency signs £ ¥ € and the degree/section signs: punctuation, not letters.
    @inline(__always) static func isSpecialNonASCII(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = p[i]
        if c == 0xC2 && i + 1 < p.count { let t = p[i + 1]; return t == 0xA3 || t == 0xA5 || t == 0xA7 || t == 0xB0 }
        if c == 0xE2 && i + 2 < p.count { return p[i + 1] == 0x82 && p[i + 2] == 0xAC }
        return false
    }
    /// Non-ASCII spaces, dashes and quotes end a word.
    @inline(__always) static func isBreakingNonASCII(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = p[i]
        if c == 0xC2 && i + 1 < p.count { return p[i + 1] == 0xA0 || p[i + 1] == 0xAB || p[i + 1] == 0xBB }
        if c == 0xE2 && i + 1 < p.count { return p[i + 1] == 0x80 }
        return false
    }
}
