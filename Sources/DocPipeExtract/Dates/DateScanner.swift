import DocPipeCore

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
        var i = 0
        var sep = firstSeparation
        lines.append(0)
        // Unwrapped once: `p.baseAddress!` in the loop tested it for nil per word.
        guard p.count > 0, let base = p.baseAddress else { return }
        while i < p.count { step(p, base, lexicon, &i, &sep, &toks, &starts, &lines) }
    }

    /// The separation flags before the first token (fSpace | fLine).
    @inline(__always) static var firstSeparation: UInt8 { DateToken.fSpace | DateToken.fLine }

    /// One turn of the scan at `i` (below `p.count`): appends at most one token and moves `i` past it (and past the
    /// single space that usually follows) or past one separator. `sep` carries the separation seen since the last token.
    /// `base` is `p.baseAddress`.
    @inline(__always) static func step(_ p: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ lexicon: DateLexicon.Table,
                                       _ i: inout Int, _ sep: inout UInt8, _ toks: inout Buffer<DateToken>,
                                       _ starts: inout Buffer<UInt32>, _ lines: inout Buffer<UInt32>) {
        let n = p.count
        let c = base[i]
        // Every token starts above 0x20: one test for them, the separator tests only below it.
        if c <= 0x20 {
            if c == 0x20 || c == 0x09 || c == 0x0D { sep |= DateToken.fSpace; i &+= 1; return }
            if c == 0x0A {
                // The next token begins a line (listed once however many breaks come before it).
                if lines.base[lines.count - 1] != UInt32(truncatingIfNeeded: toks.count) { lines.append(UInt32(truncatingIfNeeded: toks.count)) }
                sep = DateToken.fSpace | DateToken.fLine; i += 1; return
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
                        short = shortKey(w, len)
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
                if ascii {
                    addASCIIWord(p, base, lexicon, s, i, short, sep, &toks, &starts)
                } else {
                    add(DateToken(start: s, end: i, kind: .word, flags: sep | (c <= 0x5A ? DateToken.fCap : 0),
                                  lexValue: -Int16(base[i &- 1] | 0x20), b0: c | 0x20), may: false, &toks, &starts)
                }
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
            return
        }
        // Non-ASCII: a few spaces, dashes, quotes and currency signs matter; anything else is a word.
        let len = utf8Len(c)
        let end = min(n, i + len)
        if c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0 { sep |= DateToken.fSpace; i = end; return }         // NBSP
        if c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 {
            let t = p[i + 2]
            if (t >= 0x80 && t <= 0x8A) || t == 0xAF { sep |= DateToken.fSpace; i = end; return }           // U+2000–200A, 202F
            if t == 0x8B { i = end; return }                                                                 // zero-width space
            var ch: UInt8 = 0
            if t >= 0x90 && t <= 0x95 { ch = 0x2D }                                                            // dashes
            else if t == 0x98 || t == 0x99 { ch = 0x27 }                                                       // ‘ ’
            else if t == 0x9C || t == 0x9D { ch = 0x22 }                                                       // “ ”
            if ch != 0 {
                add(DateToken(start: i, end: end, kind: .punct, flags: sep, ch: ch), may: ch == 0x27, &toks, &starts)
                sep = 0
                i = end
                return
            }
        }
        if isSpecialNonASCII(p, i) {
            add(DateToken(start: i, end: end, kind: .punct, flags: sep, ch: 0x24), may: false, &toks, &starts)
            sep = 0
            i = end
            return
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

    /// The lower-cased bytes of the first `len` (1…7) bytes of `w`, letters: the key `probeShort` takes.
    @inline(__always) static func shortKey(_ w: UInt64, _ len: Int) -> UInt64 {
        (w | 0x2020_2020_2020_2020) & ((1 << (8 &* UInt64(len))) &- 1)
    }

    /// Appends the word of ASCII letters `s..<e` with its lexicon entry. `short`: its key when it has at most 7
    /// letters (`shortKey`), else 0.
    @inline(__always) static func addASCIIWord(_ p: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ lexicon: DateLexicon.Table,
                                               _ s: Int, _ e: Int, _ short: UInt64, _ sep: UInt8,
                                               _ toks: inout Buffer<DateToken>, _ starts: inout Buffer<UInt32>) {
        let c = base[s]
        var lex: DateLexicon.Kind? = nil
        var lexValue = -Int16(base[e &- 1] | 0x20)   // unknown word: its last letter, for plural checks
        var may = false
        // `lookup`: the short probe, or the filter in line and then the probe.
        let found = short != 0 ? lexicon.probeShort(short)
                               : lexicon.mayContain(p, s, e) ? lexicon.probe(p, s, e) : nil
        if let entry = found {
            lex = entry.kind
            lexValue = entry.value
            may = entry.starts
        }
        add(DateToken(start: s, end: e, kind: .word, flags: sep | (c <= 0x5A ? DateToken.fCap : 0),
                      lex: lex, lexValue: lexValue, b0: c | 0x20), may: may, &toks, &starts)
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

// MARK: - One pass for the token layer and the dates

extension DateScanner {
    /// `Tokenizer.tokens(in: p)` and the scan `withScan(p, body)` makes, from one pass over the bytes. Both scans cut a
    /// word of ASCII letters followed by a space or plain punctuation (most words), an ASCII punctuation mark and a space
    /// at the same places: such a step is taken once for both (the word measured by one load, as each scan measured it).
    /// Anything else each scan steps over on its own (`Tokenizer.step`, `DateScanner.step`): two cursors, the one behind
    /// moving first, and a shared step only where both stand. Each scan therefore takes exactly the steps it takes
    /// alone. Pinned by `JointScanTests`. `firstCapacity`: as `Tokenizer.tokens(in:firstCapacity:)` (tests pass small ones).
    static func withJointScan<R>(_ p: UnsafeBufferPointer<UInt8>, firstCapacity: Int? = nil, _ body: ([Token], Scanned) -> R) -> R {
        guard p.count < Int(UInt32.max) else {
            let tokens = Tokenizer.tokens(in: p)
            return withScan(p) { body(tokens, $0) }
        }
        var toks = Buffer<DateToken>(capacity: p.count / 3 + 4)
        var starts = Buffer<UInt32>(capacity: p.count / 16 + 4)
        var lines = Buffer<UInt32>(capacity: p.count / 256 + 4)
        defer { toks.base.deallocate(); starts.base.deallocate(); lines.base.deallocate() }
        let tokens = jointScan(p, firstCapacity ?? p.count / 4 + 16, &toks, &starts, &lines)
        return body(tokens, Scanned(text: p, tokens: UnsafeBufferPointer(start: toks.base, count: toks.count),
                                    starts: UnsafeBufferPointer(start: starts.base, count: starts.count),
                                    lines: UnsafeBufferPointer(start: lines.base, count: lines.count)))
    }

    private static func jointScan(_ p: UnsafeBufferPointer<UInt8>, _ firstCapacity: Int, _ tokensOut: inout Buffer<DateToken>,
                                  _ startsOut: inout Buffer<UInt32>, _ lines: inout Buffer<UInt32>) -> [Token] {
        precondition(p.count < Int(UInt32.max), "withJointScan keeps texts of 4 GiB or more out")
        // Local copies, written back once (as in `scan`).
        var toks = tokensOut, starts = startsOut
        defer { tokensOut = toks; startsOut = starts }
        let lexicon = DateLexicon.shared
        let n = p.count
        // iT: the tokenizer's cursor; iD and sep: the date scanner's.
        var iT = 0, iD = 0
        var sep = firstSeparation
        lines.append(0)
        guard n > 0, let base = p.baseAddress else { return [] }
        let perStep = Tokenizer.TokenSink.perStep
        var tokens = [Token](unsafeUninitializedCapacity: max(firstCapacity, perStep)) { buf, count in
            count = jointLoop(p, base, lexicon, buf, &iT, &iD, &sep, &toks, &starts, &lines)
        }
        // The first array is full: each scan finishes on its own, the tokenizer as `Tokenizer.tokens(in:firstCapacity:)` does.
        if iT < n {
            tokens += [Token](unsafeUninitializedCapacity: n - iT + perStep) { buf, count in
                count = Tokenizer.scan(p, &iT, buf)
            }
        }
        if iD < n { finish(p, base, lexicon, iD, sep, &toks, &starts, &lines) }
        return tokens
    }

    /// The date scan from `i` to the end, alone (with local copies, as in `scan`).
    private static func finish(_ p: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ lexicon: DateLexicon.Table, _ from: Int,
                               _ sepBefore: UInt8, _ toksOut: inout Buffer<DateToken>, _ startsOut: inout Buffer<UInt32>,
                               _ lines: inout Buffer<UInt32>) {
        var i = from, sep = sepBefore, toks = toksOut, starts = startsOut
        defer { toksOut = toks; startsOut = starts }
        while i < p.count { step(p, base, lexicon, &i, &sep, &toks, &starts, &lines) }
    }

    /// The joint loop of `jointScan` while `buf` has room for another tokenizer step; returns how many tokens it wrote.
    /// A function of its own with local copies of the cursors and buffers (written back once): captured by the
    /// array's closure, they lived in memory and were loaded and stored at every step.
    private static func jointLoop(_ p: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ lexicon: DateLexicon.Table,
                                  _ buf: UnsafeMutableBufferPointer<Token>, _ iTOut: inout Int, _ iDOut: inout Int, _ sepOut: inout UInt8,
                                  _ toksOut: inout Buffer<DateToken>, _ startsOut: inout Buffer<UInt32>,
                                  _ linesOut: inout Buffer<UInt32>) -> Int {
        var iT = iTOut, iD = iDOut, sep = sepOut, toks = toksOut, starts = startsOut, lines = linesOut
        defer { iTOut = iT; iDOut = iD; sepOut = sep; toksOut = toks; startsOut = starts; linesOut = lines }
        let n = p.count
        var out = Tokenizer.TokenSink(base: buf.baseAddress!)
        let last = buf.count - Tokenizer.TokenSink.perStep
        while out.count <= last {
            if iT == iD {
                // Steps both scans take alike, each taken once for both.
                let i = iT
                if i >= n { break }
                let c = base[i]
                if isLetter(c) {
                    // A run of ASCII letters measured as `DateScanner.step` measures it, ending at a byte where
                    // `Tokenizer.step` ends a plain word (`endsPlainWord`, which also leaves nothing for the date
                    // scanner's non-ASCII glue). Both scans then take the single space after it.
                    if i &+ 8 <= n {
                        let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                        let stop = ~Tokenizer.asciiLetterBytes(w) & 0x8080_8080_8080_8080
                        var e = i &+ 8
                        var short: UInt64 = 0
                        if stop != 0 {
                            let len = stop.trailingZeroBitCount >> 3
                            e = i &+ len
                            short = shortKey(w, len)
                        } else {
                            while e &+ 8 <= n {
                                let w = UnsafeRawPointer(base + e).loadUnaligned(as: UInt64.self)
                                let stop = ~Tokenizer.asciiLetterBytes(w) & 0x8080_8080_8080_8080
                                if stop != 0 { e &+= stop.trailingZeroBitCount >> 3; break }
                                e &+= 8
                            }
                            while e < n && isLetter(base[e]) { e &+= 1 }
                        }
                        if e < n {
                            let next = base[e]
                            // Before a period the tokenizer keeps the word alone unless it is an abbreviation (`Dr.`, `U.S.`;
                            // `abbreviationEnd` looks only at words of at most 7 letters). Before a General Punctuation
                            // character it keeps it alone unless that is `’` (a clitic may follow) or a hyphen (`well‐being`),
                            // and the date scanner glues none of them.
                            if Tokenizer.endsPlainWord(next) || (next == 0x2E && (e &- i > 7 || Tokenizer.periodEndsWord(p, i, e, short: short)))
                                || (next == 0xE2 && e &+ 2 < n && base[e &+ 1] == 0x80
                                    && base[e &+ 2] != 0x99 && base[e &+ 2] != 0x90 && base[e &+ 2] != 0x91) {
                                out.append(Token(kind: .word, range: i..<e))
                                addASCIIWord(p, base, lexicon, i, e, short, sep, &toks, &starts)
                                if next == 0x20 { sep = DateToken.fSpace; iT = e &+ 1 } else { sep = 0; iT = e }
                                iD = iT
                                continue
                            }
                        }
                    }
                } else if c >= 0x30 && c <= 0x39 {
                    // Digits that end at a byte where neither scan goes on: `Tokenizer.scanNumber` continues at a letter,
                    // digit, `-` or `(` and at `, . : /` before a digit, the date scanner only at `, .` before a digit,
                    // and `emitWord` looks again at `$` and `'` (`1990's`) and at non-ASCII.
                    var e = i, v = 0, d = 0
                    while e < n {
                        let x = base[e]
                        guard x >= 0x30 && x <= 0x39 else { break }
                        if d < 18 { v = v &* 10 &+ Int(x &- 0x30) }
                        d &+= 1
                        e &+= 1
                    }
                    if e < n {
                        let next = base[e]
                        let goesOn = next == 0x2C || next == 0x2E || next == 0x3A || next == 0x2F
                        if next < 0x80 && !isLetter(next) && next != 0x2D && next != 0x28 && next != 0x24 && next != 0x27
                            && !(goesOn && e &+ 1 < n && base[e &+ 1] >= 0x30 && base[e &+ 1] <= 0x39) {
                            out.append(Token(kind: .number, range: i..<e))
                            add(DateToken(start: i, end: e, kind: .number, flags: sep, num: v, digits: d), may: true, &toks, &starts)
                            if next == 0x20 { sep = DateToken.fSpace; iT = e &+ 1 } else { sep = 0; iT = e }
                            iD = iT
                            continue
                        }
                    }
                } else if c <= 0x20 {
                    // The tokenizer steps over every byte up to 0x20; the date scanner over these four.
                    if c == 0x20 || c == 0x09 || c == 0x0D { sep |= DateToken.fSpace; iT = i &+ 1; iD = iT; continue }
                    if c == 0x0A {
                        if lines.base[lines.count - 1] != UInt32(truncatingIfNeeded: toks.count) { lines.append(UInt32(truncatingIfNeeded: toks.count)) }
                        sep = DateToken.fSpace | DateToken.fLine; iT = i &+ 1; iD = iT; continue
                    }
                } else if c == 0xE2 {
                    // Dashes and curly quotes (U+2010–2015, 2018, 2019, 201C, 201D): one punctuation token of three bytes
                    // for both, without the space after it (as `DateScanner.step` takes non-ASCII punctuation).
                    if i &+ 2 < n && base[i &+ 1] == 0x80 {
                        let t = base[i &+ 2]
                        let ch: UInt8 = t >= 0x90 && t <= 0x95 ? 0x2D : t == 0x98 || t == 0x99 ? 0x27 : t == 0x9C || t == 0x9D ? 0x22 : 0
                        if ch != 0 {
                            out.append(Token(kind: .punctuation, range: i..<(i &+ 3)))
                            add(DateToken(start: i, end: i &+ 3, kind: .punct, flags: sep, ch: ch), may: ch == 0x27, &toks, &starts)
                            sep = 0
                            iT = i &+ 3
                            iD = iT
                            continue
                        }
                    }
                } else if c < 0x7F {
                    // ASCII punctuation and symbols: one byte for both (the tokenizer tells punctuation from symbols).
                    out.append(Token(kind: Tokenizer.asciiClassOf(c) == .punct ? .punctuation : .symbol, range: i..<(i &+ 1)))
                    add(DateToken(start: i, end: i &+ 1, kind: .punct, flags: sep, ch: c == 0x60 ? 0x27 : c), may: c == 0x27 || c == 0x60,
                        &toks, &starts)
                    if i &+ 1 < n && base[i &+ 1] == 0x20 { sep = DateToken.fSpace; iT = i &+ 2 } else { sep = 0; iT = i &+ 1 }
                    iD = iT
                    continue
                }
            }
            // Each on its own, the one behind first (the date scanner when both stand at a step they take differently).
            if iD <= iT {
                step(p, base, lexicon, &iD, &sep, &toks, &starts, &lines)
            } else {
                Tokenizer.step(p, &iT, &out)
            }
        }
        return out.count
    }
}
