import DocPipeCore

/// Splits text into tokens with UTF-8 byte ranges, in one left-to-right pass over the bytes.
///
/// Decisions (see also `TokenizerTests`):
/// - Numbers stay whole: `9,000` (comma + exactly three digits), `1.4`, `2004/2005`, `47/4`, `10:30`,
///   `21st`, `1950s`, `1(2)` / `4(3)` / `2(a)` (a bracketed sub-number glued to a number). Kind `number`
///   when the token starts with a digit.
/// - Document symbols stay whole: `A/RES/47/4`, `S/RES/1325` (letters and digits joined by `/` when a
///   part holds a digit). Kind `word`. `HIV/AIDS` and `and/or` split at the slash.
/// - Hyphenated words are one token: `mid-1970s`, `Secretary-General`, `well-being`, `co-ordination`.
/// - Abbreviations keep their periods: `U.S.`, `e.g.`, `i.e.` (single letters joined by periods), and a
///   short list of title / reference abbreviations (`Dr.`, `Mr.`, `Ms.`, `No.`, `Art.` …, see `abbreviations`).
/// - Apostrophes: the possessive / clitic `’s` (`'s`) and `n’t` are split off (`IOM’s` → `IOM` + `’s`), as
///   in the Penn Treebank; a trailing apostrophe (`migrants’`) becomes a punctuation token; an apostrophe
///   between letters otherwise stays inside the word (`d’Ivoire`, `O'Brien`).
/// - Currency: `$`, `€`, `£`, `¥` are `symbol` tokens of their own (`$1.4` → `$` + `1.4`); a currency
///   sign glued to letters is one symbol token (`US$`, `A$`, `HK$`). `%` is a symbol.
/// - Curly quotes, dashes, ellipses, brackets and other punctuation are `punctuation`, one scalar each.
enum Tokenizer {
    static func tokens(in text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(in: $0) }
    }

    static func tokens(in p: UnsafeBufferPointer<UInt8>) -> [Token] { tokens(in: p, firstCapacity: p.count / 4 + 16) }

    /// Tokens are written straight into the array's storage: moving them out of a growable buffer at the
    /// end was a copy of every token (~9 M instructions on the 2 MB profile corpus). `firstCapacity` is a
    /// guess; past it the scan resumes into a second array sized by the bytes left (every token takes at
    /// least one byte), appended once. Tests pass small guesses.
    static func tokens(in p: UnsafeBufferPointer<UInt8>, firstCapacity: Int) -> [Token] {
        var i = 0
        var toks = [Token](unsafeUninitializedCapacity: max(firstCapacity, TokenSink.perStep)) { buf, count in
            count = scan(p, &i, buf)
        }
        if i < p.count {
            toks += [Token](unsafeUninitializedCapacity: p.count - i + TokenSink.perStep) { buf, count in
                count = scan(p, &i, buf)
            }
        }
        return toks
    }

    /// Where tokens are written: room for `perStep` more is checked once per step of the scan loop.
    struct TokenSink {
        /// The most tokens one step appends (a word and its clitic, `do` + `n't`).
        static var perStep: Int { 2 }
        let base: UnsafeMutablePointer<Token>
        var count = 0

        @inline(__always) mutating func append(_ t: Token) {
            (base + count).initialize(to: t)
            count &+= 1
        }
    }

    /// Scans from `pos` while `buf` has room for another step; returns how many tokens were written,
    /// `pos` left between two tokens.
    static func scan(_ p: UnsafeBufferPointer<UInt8>, _ pos: inout Int, _ buf: UnsafeMutableBufferPointer<Token>) -> Int {
        var out = TokenSink(base: buf.baseAddress!)
        let last = buf.count - TokenSink.perStep
        var i = pos
        defer { pos = i }
        while i < p.count && out.count <= last { step(p, &i, &out) }
        return out.count
    }

    /// One step of the scan at `i` (below `p.count`): appends at most `TokenSink.perStep` tokens and moves `i` past
    /// them, or past one space.
    @inline(__always)
    static func step(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ out: inout TokenSink) {
        let b = p[i]
        if b < 0x80 {
            switch asciiClassOf(b) {
            case .space:
                i += 1
            case .letter:
                if let e = plainWordEnd(p, i) {
                    out.append(Token(kind: .word, range: i..<e))
                    // The byte at e is ASCII: a space after the word is stepped over here, as `.space` would be.
                    i = p[e] == 0x20 ? e + 1 : e
                } else {
                    i = emitWord(p, i, scanWord(p, i), &out)
                }
            case .digit:
                    i = emitWord(p, i, scanNumber(p, i), &out)
            case .punct:
                out.append(Token(kind: .punctuation, range: i..<(i + 1)))
                i += 1
            case .symbol:
                out.append(Token(kind: .symbol, range: i..<(i + 1)))
                i += 1
            }
        } else {
            let (cls, len) = classify(p, i)
            switch cls {
            case .space:
                i += len
            case .letter, .digit:
                i = emitWord(p, i, scanWord(p, i), &out)
            case .punct:
                out.append(Token(kind: .punctuation, range: i..<(i + len)))
                i += len
            case .symbol:
                out.append(Token(kind: .symbol, range: i..<(i + len)))
                i += len
            }
        }
    }

    /// Whether the ASCII byte `b` after a run of ASCII letters ends the word there for every path of `step`: not a
    /// letter or digit, nor `$ ' - . /` (as `plainWordEnd` tests), nor non-ASCII.
    @inline(__always)
    static func endsPlainWord(_ b: UInt8) -> Bool {
        guard b < 0x40 else { return b < 0x80 && !isASCIILetter(b) }
        // Bits of `$'-./` (0x24, 0x27, 0x2D, 0x2E, 0x2F) and the digits: where `scanWord` may go on.
        return (1 << UInt64(b)) & 0x03FF_E090_0000_0000 == 0
    }

    // MARK: - Classes

    enum Class: UInt8 { case space, letter, digit, punct, symbol }

    @inline(__always)
    static func asciiClassOf(_ b: UInt8) -> Class {
        if b <= 0x20 || b == 0x7F { return .space }
        if isASCIILetter(b) { return .letter }
        if isDigit(b) { return .digit }
        // Bits of `.,;:!?()"'-/` and of `[]{}` + backquote (checked against `asciiClass` in the tests).
        let bit: UInt64 = b < 0x40 ? (1 << UInt64(b)) & 0x8C00_F386_0000_0000 : (1 << UInt64(b - 0x40)) & 0x2800_0001_2800_0000
        return bit != 0 ? .punct : .symbol
    }

    static let asciiClass: [Class] = {
        var t = [Class](repeating: .symbol, count: 128)
        for b in 0..<33 { t[b] = .space }
        t[127] = .space
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { t[Int(b)] = .letter }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(b)] = .letter }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] = .digit }
        for ch in ".,;:!?()[]{}\"'-/`" { t[Int(ch.asciiValue!)] = .punct }
        return t
    }()

    /// Class and length of the (non-ASCII) scalar at `i`.
    @inline(__always)
    static func classify(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Class, Int) {
        let b = p[i]
        if b < 0x80 { return (asciiClassOf(b), 1) }
        // Fast path for the General Punctuation block (E2 80 xx / E2 81 xx): quotes, dashes, spaces.
        if b == 0xE2, i + 2 < p.count, p[i + 1] == 0x80 {
            let c = p[i + 2]
            if c <= 0x8B || c == 0xAF { return (.space, 3) }  // U+2000–U+200B, U+202F
            if c == 0xA8 || c == 0xA9 { return (.space, 3) }  // line / paragraph separator
            return (.punct, 3)  // U+2010–U+203F: dashes, quotes, bullets, ellipsis, ‰ …
        }
        let (s, len) = UTF8Bytes.scalar(p, at: i)
        let v = s.value
        switch v {
        case 0xA0, 0x1680, 0x3000, 0xFEFF, 0x85: return (.space, len)
        case 0xA2...0xA5, 0x20A0...0x20CF: return (.symbol, len)  // ¢ £ ¤ ¥, currency block
        case 0xA1, 0xA7, 0xAB, 0xB6, 0xB7, 0xBB, 0xBF: return (.punct, len)
        case 0xA6, 0xA8...0xAA, 0xAC...0xB5, 0xB8...0xBA, 0xBC...0xBE, 0xD7, 0xF7: return (.symbol, len)
        default: break
        }
        if v >= 0xC0 && v < 0x2000 { return (.letter, len) }  // Latin, Greek, Cyrillic … (marks count as letters)
        return (classifyByProperties(s), len)
    }

    /// The Unicode-property lookup, kept out of line: `Unicode.Scalar.Properties` and its enums are
    /// resilient types, and a function that inlines their use fetches their metadata on every call —
    /// which cost more than scanning the word itself.
    @inline(never)
    static func classifyByProperties(_ s: Unicode.Scalar) -> Class {
        let props = s.properties
        if props.isAlphabetic || props.numericType != nil { return .letter }
        switch props.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .letter
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format: return .space
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .privateUse, .unassigned, .surrogate: return .symbol
        default: return .punct
        }
    }

    /// 0x80 in each byte of `w` that is an ASCII letter (exact: non-ASCII bytes are never letters).
    @inline(__always)
    static func asciiLetterBytes(_ w: UInt64) -> UInt64 {
        let low = (w | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F  // A–Z folded onto a–z
        let atLeastA = low &+ 0x1F1F_1F1F_1F1F_1F1F  // top bit set when the byte is ≥ 0x61
        let aboveZ = low &+ 0x0505_0505_0505_0505  // top bit set when the byte is ≥ 0x7B
        return atLeastA & ~aboveZ & ~w & 0x8080_8080_8080_8080
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    /// Whether a word character (letter or digit, any script) starts at `i`.
    @inline(__always)
    static func isWordChar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i < p.count else { return false }
        let b = p[i]
        if b < 0x80 { return isDigit(b) || isASCIILetter(b) }
        let c = classify(p, i).0
        return c == .letter || c == .digit
    }

    /// An apostrophe at `i` (`'` or U+2019 `’`): its length, else 0.
    @inline(__always)
    static func apostropheLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        guard i < p.count else { return 0 }
        if p[i] == 0x27 { return 1 }
        if p[i] == 0xE2, i + 2 < p.count, p[i + 1] == 0x80, p[i + 2] == 0x99 { return 3 }
        return 0
    }

    /// Hyphens joining words: `-` and U+2010 / U+2011.
    @inline(__always)
    static func hyphenLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        guard i < p.count else { return 0 }
        if p[i] == 0x2D { return 1 }
        if p[i] == 0xE2, i + 2 < p.count, p[i + 1] == 0x80, p[i + 2] == 0x90 || p[i + 2] == 0x91 { return 3 }
        return 0
    }

    // MARK: - Words

    /// End of the word starting at `start` (letters, digits, internal hyphens, internal apostrophes,
    /// abbreviation periods, `/`-joined document symbols).
    static func scanWord(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = p.count
        var i = start
        var sawDigit = false
        // ASCII letter fast path, eight bytes at a time.
        while i + 8 <= n {
            let stop = ~asciiLetterBytes(UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)) & 0x8080_8080_8080_8080
            if stop != 0 { i += stop.trailingZeroBitCount >> 3; break }
            i += 8
        }
        while i < n, isASCIILetter(p[i]) { i += 1 }
        while i < n {
            let b = p[i]
            if b < 0x80 {
                if isASCIILetter(b) { i += 1; continue }
                if isDigit(b) { sawDigit = true; i += 1; continue }
                if b == 0x2D, isWordChar(p, i + 1) { i += 1; continue }  // hyphen inside a word
                if b == 0x27 {
                    if isClitic(p, i) || isNegation(p, start, i) { return i }
                    if isWordChar(p, i + 1) { i += 1; continue }
                    return i
                }
                if b == 0x2E { return abbreviationEnd(p, start, i) }
                if b == 0x2F, slashJoins(p, start, i, sawDigit: sawDigit) { i = scanSymbolTail(p, i); return i }
                return i  // `US$` is handled by emitWord
            }
            let (c, len) = classify(p, i)
            if c == .letter || c == .digit { i += len; continue }
            if len == 3, p[i] == 0xE2, p[i + 1] == 0x80 {
                if p[i + 2] == 0x99 {  // ’
                    if isClitic(p, i) || isNegation(p, start, i) { return i }
                    if isWordChar(p, i + 3) { i += 3; continue }
                    return i
                }
                if p[i + 2] == 0x90 || p[i + 2] == 0x91, isWordChar(p, i + 3) { i += 3; continue }
            }
            return i
        }
        return i
    }

    /// The end of the word of ASCII letters at `start` when the ASCII byte after it ends every token
    /// `scanWord` and `emitWord` could make there (not a letter or digit, nor `-` `'` `.` `/` `$`): then
    /// `scanWord` returns that end and `emitWord` appends a plain word. Nil otherwise (and within eight bytes
    /// of the end), for the full path. Inline, without `scanWord`'s call for most words.
    @inline(__always)
    static func plainWordEnd(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let n = p.count
        var i = start
        while i + 8 <= n {
            let stop = ~asciiLetterBytes(UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)) & 0x8080_8080_8080_8080
            if stop == 0 { i += 8; continue }
            i += stop.trailingZeroBitCount >> 3
            // The byte after the letters is not a letter here (the word test stopped on it).
            return endsPlainWord(p[i]) ? i : nil
        }
        return nil
    }

    /// `’s` / `'s` / `n’t` clitic at the apostrophe `i` (followed by a non-word character).
    @inline(__always)
    static func isClitic(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let a = apostropheLength(p, i)
        let j = i + a
        guard j < p.count else { return false }
        if p[j] == 0x73 || p[j] == 0x53 { return !isWordChar(p, j + 1) }  // s / S
        return false
    }

    /// `n’t` / `n't` ending a word at the apostrophe `i` (`don't` → `do` + `n't`).
    @inline(__always)
    static func isNegation(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ i: Int) -> Bool {
        guard i - start >= 2, p[i - 1] | 0x20 == 0x6E else { return false }
        let j = i + apostropheLength(p, i)
        return j < p.count && p[j] | 0x20 == 0x74 && !isWordChar(p, j + 1)
    }

    static func isUpperRun(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s <= 3 else { return false }
        for k in s..<e where !(p[k] &- 0x41 < 26) { return false }
        return true
    }

    /// Known abbreviations that keep their final period (lower-cased, without the period).
    static let abbreviationList = [
        "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "no", "nos", "art", "arts", "vol", "vols", "vs", "etc",
        "inc", "ltd", "co", "corp", "gen", "gov", "sen", "rep", "rev", "hon", "mt", "fig", "figs", "approx", "para",
        "paras", "sec", "ch", "pp", "op", "cit", "ibid", "al", "cf", "ca", "amb", "messrs", "mme", "mlle",
    ]
    /// The abbreviations packed big-endian into a UInt64 (at most 7 non-zero bytes), sorted: looked up by
    /// halving, without a hash (a `Set` hashed the key with SipHash at every period after a word).
    static let packedAbbreviations: [UInt64] = abbreviationList.map { w in
        w.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }.sorted()

    /// Whether `key` is a word of `abbreviationList` packed as `packedAbbreviations` are.
    static func isPackedAbbreviation(_ key: UInt64) -> Bool {
        let table = packedAbbreviations
        var lo = 0, hi = table.count
        while lo < hi { let m = (lo + hi) >> 1; if table[m] < key { lo = m + 1 } else { hi = m } }
        return lo < table.count && table[lo] == key
    }

    /// At a period following a word `start..<dot`: the end of the token (after the period when it is an
    /// abbreviation, at the period otherwise).
    static func abbreviationEnd(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ dot: Int) -> Int {
        let n = p.count
        // Single letters joined by periods: U.S., e.g., i.e., U.N.
        if dot - start == 1, isASCIILetter(p[start]), dot + 2 < n, isASCIILetter(p[dot + 1]), p[dot + 2] == 0x2E {
            var j = dot + 3
            while j + 1 < n, isASCIILetter(p[j]), p[j + 1] == 0x2E { j += 2 }
            return j
        }
        // A number inside a symbol: `EntityRow/CN.4` is handled by the slash path; `No.` etc.
        let len = dot - start
        if len <= 7 {
            var key: UInt64 = 0
            for k in start..<dot {
                let b = p[k]
                guard b < 0x80 else { return dot }
                key = key << 8 | UInt64(b | (isASCIILetter(b) ? 0x20 : 0))
            }
            if isPackedAbbreviation(key) { return dot + 1 }
        }
        return dot
    }

    /// `abbreviationEnd(p, start, dot) == dot` for a word `start..<dot` of 1…7 ASCII letters whose lower-cased bytes,
    /// little-endian, are `short` (`DateScanner.shortKey`, measured already by the joint scan): the packed key is
    /// `short` turned big-endian instead of rebuilt byte by byte. Pinned by `JointScanTests`.
    @inline(__always)
    static func periodEndsWord(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ dot: Int, short: UInt64) -> Bool {
        let len = dot &- start
        // Single letters joined by periods, as in `abbreviationEnd`.
        if len == 1, dot &+ 2 < p.count, isASCIILetter(p[dot &+ 1]), p[dot &+ 2] == 0x2E { return false }
        return !isPackedAbbreviation(short.byteSwapped &>> UInt64(64 &- 8 &* len))
    }

    /// Whether a `/` at `i` continues a document symbol (`A/RES/47/4`) or a number range.
    static func slashJoins(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ i: Int, sawDigit: Bool) -> Bool {
        guard i + 1 < p.count, isWordChar(p, i + 1), p[i + 1] < 0x80 else { return false }
        if sawDigit { return true }
        // Letters only so far: join when the first part is upper case and a digit follows somewhere in
        // the slash-joined run (`A/RES/47/4`), not for `HIV/AIDS` or `and/or`.
        for k in start..<i where !(p[k] &- 0x41 < 26) { return false }
        var j = i
        while j < p.count {
            let b = p[j]
            if isDigit(b) { return true }
            if isASCIILetter(b) || b == 0x2F || b == 0x2E || b == 0x2D { j += 1; continue }
            return false
        }
        return false
    }

    /// Continues a document symbol after a joining `/`: letters, digits, `/`, `.` and `-` between word characters.
    static func scanSymbolTail(_ p: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var j = from
        let n = p.count
        while j < n {
            let b = p[j]
            if isASCIILetter(b) || isDigit(b) { j += 1; continue }
            if b == 0x2F || b == 0x2E || b == 0x2D, j + 1 < n, isASCIILetter(p[j + 1]) || isDigit(p[j + 1]) { j += 1; continue }
            if b == 0x28, let e = bracketSuffix(p, j) { j = e; continue }  // A/RES/2758(XXVI)
            break
        }
        return j
    }

    /// `(2)`, `(a)`, `(XXVI)` glued to a number: the end after `)`, else nil.
    @inline(__always)
    static func bracketSuffix(_ p: UnsafeBufferPointer<UInt8>, _ open: Int) -> Int? {
        var j = open + 1
        let n = p.count
        while j < n, j - open <= 6, isDigit(p[j]) || isASCIILetter(p[j]) { j += 1 }
        guard j > open + 1, j < n, p[j] == 0x29 else { return nil }
        // A bracketed word `(see)` is not a sub-number: digits, one letter, or roman numerals only.
        let len = j - open - 1
        if len > 1 {
            var allDigits = true, allRoman = true
            for k in (open + 1)..<j {
                if !isDigit(p[k]) { allDigits = false }
                if !"IVXLC".utf8.contains(p[k]) { allRoman = false }
            }
            if !allDigits && !allRoman { return nil }
        }
        return j + 1
    }

    /// Appends a word or number (or `US$`) and the clitic that follows it; returns where scanning goes on.
    @inline(__always)
    static func emitWord(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ out: inout TokenSink) -> Int {
        // Only `$` or an apostrophe (`'`, or `’` which starts with E2) after the word needs a second look.
        if e < p.count, p[e] == 0x24 || p[e] == 0x27 || p[e] == 0xE2 { return emitWordBeforeSign(p, s, e, &out) }
        out.append(Token(kind: isDigit(p[s]) ? .number : .word, range: s..<e))
        return e
    }

    /// `US$`, `don't` and `IOM’s`: a word followed by `$` or an apostrophe.
    @inline(never)
    static func emitWordBeforeSign(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ out: inout TokenSink) -> Int {
        let kind: Token.Kind = isDigit(p[s]) ? .number : .word
        if e < p.count, p[e] == 0x24, kind == .word, isUpperRun(p, s, e) {
            out.append(Token(kind: .symbol, range: s..<(e + 1)))  // US$, A$, HK$
            return e + 1
        }
        // `don't` → `do` + `n't`.
        if kind == .word, e - s >= 2, e < p.count, p[e - 1] | 0x20 == 0x6E, apostropheLength(p, e) > 0 {
            let a = apostropheLength(p, e)
            if e + a < p.count, p[e + a] | 0x20 == 0x74, !isWordChar(p, e + a + 1) {
                out.append(Token(kind: .word, range: s..<(e - 1)))
                out.append(Token(kind: .word, range: (e - 1)..<(e + a + 1)))
                return e + a + 1
            }
        }
        out.append(Token(kind: kind, range: s..<e))
        if e < p.count, isClitic(p, e) {
            let a = apostropheLength(p, e)
            out.append(Token(kind: .word, range: e..<(e + a + 1)))
            return e + a + 1
        }
        return e
    }

    // MARK: - Numbers

    /// End of a number starting at the digit `start`: digits with `,ddd` groups, a decimal part,
    /// `/`-joined parts, `:` times, an ordinal or decade suffix, a bracketed sub-number, a hyphenated tail.
    static func scanNumber(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = p.count
        var i = start
        while i < n, isDigit(p[i]) { i += 1 }
        while i < n {
            let b = p[i]
            if (b == 0x2C || b == 0x2E || b == 0x3A || b == 0x2F), i + 1 < n, isDigit(p[i + 1]) {
                if b == 0x2C {
                    // Thousands group: exactly three digits follow.
                    guard i + 3 < n, isDigit(p[i + 2]), isDigit(p[i + 3]), !(i + 4 < n && isDigit(p[i + 4])) else { break }
                    i += 4
                    continue
                }
                i += 1
                while i < n, isDigit(p[i]) { i += 1 }
                continue
            }
            if b == 0x28, let e = bracketSuffix(p, i) { i = e; continue }
            break
        }
        // Letter suffixes (21st, 1950s, 5km, 3D) and hyphenated tails (15-year-old) belong to the token.
        if i < n, isWordChar(p, i) || (hyphenLength(p, i) > 0 && isWordChar(p, i + hyphenLength(p, i))) {
            let e = scanWord(p, i)
            return e
        }
        return i
    }
}
