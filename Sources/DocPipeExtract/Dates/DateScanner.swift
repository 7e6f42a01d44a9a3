// A single linear pass over the UTF-8 bytes that cuts the text into the few token shapes the date
// patterns look at: words (with their lexicon entry), numbers (with value and digit count) and
// punctuation (dashes and apostrophes normalised). No regex, no allocation per token.

struct DateToken {
    enum Kind: UInt8 { case word, number, punct }
    var start: Int
    var end: Int
    var kind: Kind
    /// Whitespace (or nothing but a line break) separates this token from the previous one.
    var spaceBefore: Bool
    /// A line break separates it from the previous one (patterns do not cross lines).
    var lineBefore: Bool
    /// Word starting with an upper-case letter.
    var cap: Bool
    /// Lexicon entry for words.
    var lex: DateLexicon.Kind?
    var lexValue: Int
    /// Punctuation: the ASCII byte (`-` for any dash, `'` for any apostrophe, `$` for currency signs).
    var ch: UInt8
    /// Numbers: integer value, digits as written (commas excluded), comma grouping / decimal part.
    var num: Int
    var digits: Int
    var grouped: Bool
    var decimal: Bool
    /// Words: the first letter, lower case.
    var b0: UInt8 = 0
}

enum DateScanner {
    static func scan(_ p: UnsafeBufferPointer<UInt8>) -> [DateToken] {
        var toks: [DateToken] = []
        toks.reserveCapacity(p.count / 3 + 4)
        let n = p.count
        var i = 0
        var space = true, line = true
        while i < n {
            let c = p[i]
            if c == 0x20 || c == 0x09 || c == 0x0D { space = true; i += 1; continue }
            if c == 0x0A { space = true; line = true; i += 1; continue }
            if c < 0x80 {
                if isLetter(c) {
                    let s = i
                    i += 1
                    while i < n && isLetter(p[i]) { i += 1 }
                    // Non-ASCII letters glue to the word (so `Zürich` stays one unknown word).
                    while i < n && p[i] >= 0x80 && !isSpecialNonASCII(p, i) && !isBreakingNonASCII(p, i) {
                        i += utf8Len(p[i])
                        while i < n && isLetter(p[i]) { i += 1 }
                    }
                    var t = DateToken(start: s, end: i, kind: .word, spaceBefore: space, lineBefore: line, cap: c <= 0x5A,
                                      lex: nil, lexValue: 0, ch: 0, num: 0, digits: 0, grouped: false, decimal: false)
                    t.b0 = c | 0x20
                    if i - s <= 24, let key = DateLexicon.key(UnsafeBufferPointer(rebasing: p[s..<i])), let e = DateLexicon.lookup(key) {
                        t.lex = e.kind
                        t.lexValue = e.value
                    } else {
                        t.lexValue = -Int(p[i - 1] | 0x20)   // unknown word: its last letter, for plural checks
                    }
                    toks.append(t)
                } else if c >= 0x30 && c <= 0x39 {
                    let s = i
                    var v = 0, d = 0, grouped = false, decimal = false
                    while i < n {
                        let x = p[i]
                        if x >= 0x30 && x <= 0x39 {
                            if d < 18 { v = v &* 10 &+ Int(x - 0x30) }
                            d += 1
                            i += 1
                        } else if x == 0x2C && d > 0 && (grouped || d <= 3) && isDigit3(p, i + 1) {
                            grouped = true
                            i += 1
                        } else if x == 0x2E && i + 1 < n && p[i + 1] >= 0x30 && p[i + 1] <= 0x39 {
                            decimal = true
                            i += 1
                            while i < n && p[i] >= 0x30 && p[i] <= 0x39 { i += 1 }
                            break
                        } else { break }
                    }
                    toks.append(DateToken(start: s, end: i, kind: .number, spaceBefore: space, lineBefore: line, cap: false,
                                          lex: nil, lexValue: 0, ch: 0, num: v, digits: d, grouped: grouped, decimal: decimal))
                } else {
                    toks.append(DateToken(start: i, end: i + 1, kind: .punct, spaceBefore: space, lineBefore: line, cap: false,
                                          lex: nil, lexValue: 0, ch: c == 0x60 ? 0x27 : c, num: 0, digits: 0, grouped: false, decimal: false))
                    i += 1
                }
                space = false; line = false
                continue
            }
            // Non-ASCII: a few spaces, dashes, quotes and currency signs matter; anything else is a word.
            let len = utf8Len(c)
            let end = min(n, i + len)
            if c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0 { space = true; i = end; continue }           // NBSP
            if c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 {
                let t = p[i + 2]
                if (t >= 0x80 && t <= 0x8A) || t == 0xAF { space = true; i = end; continue }             // U+2000–200A, 202F
                if t == 0x8B { i = end; continue }                                                         // zero-width space
                var ch: UInt8 = 0
                if t >= 0x90 && t <= 0x95 { ch = 0x2D }                                                    // dashes
                else if t == 0x98 || t == 0x99 { ch = 0x27 }                                               // ‘ ’
                else if t == 0x9C || t == 0x9D { ch = 0x22 }                                               // “ ”
                if ch != 0 {
                    toks.append(DateToken(start: i, end: end, kind: .punct, spaceBefore: space, lineBefore: line, cap: false,
                                          lex: nil, lexValue: 0, ch: ch, num: 0, digits: 0, grouped: false, decimal: false))
                    space = false; line = false
                    i = end
                    continue
                }
            }
            if isSpecialNonASCII(p, i) {
                toks.append(DateToken(start: i, end: end, kind: .punct, spaceBefore: space, lineBefore: line, cap: false,
                                      lex: nil, lexValue: 0, ch: 0x24, num: 0, digits: 0, grouped: false, decimal: false))
                space = false; line = false
                i = end
                continue
            }
            let s = i
            i = end
            while i < n && (isLetter(p[i]) || (p[i] >= 0x80 && !isSpecialNonASCII(p, i) && !isBreakingNonASCII(p, i))) {
                i += p[i] >= 0x80 ? utf8Len(p[i]) : 1
            }
            i = min(i, n)
            toks.append(DateToken(start: s, end: i, kind: .word, spaceBefore: space, lineBefore: line, cap: false,
                                  lex: nil, lexValue: 0, ch: 0, num: 0, digits: 0, grouped: false, decimal: false))
            space = false; line = false
        }
        return toks
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
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
