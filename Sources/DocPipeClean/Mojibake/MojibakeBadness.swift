import Foundation

/// The "looks like mojibake" heuristic: improbable juxtapositions of the characters
/// that mojibake is made of (after ftfy's design). Linear in the length of the text.
enum MojibakeBadness {
    typealias C = MojibakeCharClass

    static func isBad(_ s: ArraySlice<UInt32>, before: UInt32? = nil) -> Bool {
        s.withUnsafeBufferPointer { isBad($0, before: before) }
    }

    /// `before`: the character preceding the text, when the text is a stretch of a longer line.
    static func isBad(_ buf: UnsafeBufferPointer<UInt32>, before: UInt32? = nil) -> Bool {
        let n = buf.count
        guard n > 0, let s = buf.baseAddress else { return false }
        let low = MojibakeClasses.low, mid = MojibakeClasses.mid
        @inline(__always) func mk(_ x: UInt32) -> UInt32 { MojibakeClasses.mask(x, low, mid) }
        @inline(__always) func at(_ k: Int) -> UInt32 { k < n ? s[k] : 0xFFFF_FFFF }
        @inline(__always) func isSpace(_ x: UInt32) -> Bool { MojibakeClasses.isSpace(x) }
        var mCur = mk(s[0])
        var mNext = n > 1 ? mk(s[1]) : 0
        for i in 0..<n {
            let a = s[i]
            let ma = mCur
            let b = at(i + 1)
            let mb = mNext
            let mc = i + 2 < n ? mk(s[i + 2]) : 0
            mCur = mNext
            mNext = mc
            if a < 0x80 {
                // Rules whose first character is ASCII.
                let lowered = a | 0x20
                let isLetter = lowered >= 0x61 && lowered <= 0x7A
                let isLower = a >= 0x61 && a <= 0x7A
                if mb == 0 && b < 0x80 && !(isLower && isSpace(b)) { continue }
                let c = at(i + 2)
                // [a-zA-Z] [lower/upper common] [bad]
                if isLetter && (mb & (C.lowcom | C.upcom)) != 0 && (mc & C.bad) != 0 { return true }
                // \s [upper accented] [currency]
                if isSpace(a) && (mb & C.upacc) != 0 && (mc & C.cur) != 0 { return true }
                // [a-z] [upper accented] [start punctuation / currency]
                if isLower && (mb & C.upacc) != 0 && (mc & (C.start | C.cur)) != 0 { return true }
                // [a-z] \s? [ÃÂ] ' '
                if isLower {
                    if (b == 0xC3 || b == 0xC2) && c == 0x20 { return true }
                    if isSpace(b) && (c == 0xC3 || c == 0xC2) && at(i + 3) == 0x20 { return true }
                }
                // Beyond ftfy: a Latin letter, then "В Г Р С" + a Windows-1251 symbol of bytes
                // A0-BF: UTF-8 of a Latin-1 letter read as Windows-1251 inside a Latin word ("mГ©dicament").
                if isLetter && (b == 0x0412 || b == 0x0413 || b == 0x0420 || b == 0x0421) {
                    switch c {
                    case 0xA0, 0xA4, 0xA6, 0xA7, 0xA9, 0xAB, 0xAC, 0xAD, 0xAE, 0xB0, 0xB1, 0xB5, 0xB6, 0xB7, 0xBB: return true
                    default: break
                    }
                }
                // [a-z.,?!] Â [' ' start end]
                if (isLower || a == 0x2E || a == 0x2C || a == 0x3F || a == 0x21) && b == 0xC2 {
                    if c == 0x20 || (mk(c) & (C.start | C.end)) != 0 { return true }
                }
                continue
            }
            if (ma & C.c1) != 0 { return true }
            if i == 0 && (a == 0xC3 || a == 0xC2) && b == 0x20 { return true }
            if isSpace(a) && (mb & C.upacc) != 0 && (mc & C.cur) != 0 { return true }
            if ma == 0 { continue }
            let c = at(i + 2)
            if (ma & (C.bad | C.lowacc | C.upacc | C.box | C.start | C.end | C.cur | C.num | C.law)) != 0 && (mb & C.bad) != 0 { return true }
            if (ma & C.bad) != 0 && (mb & (C.lowacc | C.upacc | C.box | C.start | C.end | C.cur | C.num | C.law)) != 0 { return true }
            if (ma & (C.lowacc | C.lowcom | C.box | C.end | C.cur | C.num)) != 0 && (mb & C.upacc) != 0 { return true }
            if (ma & (C.box | C.end | C.cur | C.num)) != 0 && (mb & C.lowacc) != 0 { return true }
            if (ma & (C.lowacc | C.box | C.end)) != 0 && (mb & C.cur) != 0 { return true }
            if (ma & (C.upacc | C.box)) != 0 && (mb & (C.num | C.law)) != 0 { return true }
            if (ma & (C.lowacc | C.upacc | C.box | C.cur | C.end)) != 0 && (mb & C.start) != 0 && (mc & C.num) != 0 { return true }
            if (ma & (C.lowacc | C.upacc | C.cur | C.num | C.box | C.law)) != 0 && (mb & C.end) != 0 && (mc & C.start) != 0 { return true }
            if (ma & (C.cur | C.num | C.box)) != 0 && (mb & C.start) != 0 { return true }
            if (ma & C.box) != 0 && (mb & C.kao) != 0 { return true }
            if (ma & (C.lowacc | C.upacc | C.cur | C.num | C.start | C.end | C.law)) != 0 && (mb & C.box) != 0 { return true }
            if (ma & C.box) != 0 && (mb & C.end) != 0 { return true }
            if (ma & (C.lowacc | C.upacc)) != 0 && (mb & (C.start | C.end)) != 0 && i + 2 < n && MojibakeClasses.isWord(c) { return true }
            // Œ œ not followed by an unaccented Latin letter
            if (a == 0x152 || a == 0x153) && i + 1 < n {
                let lb = b | 0x20
                if !(lb >= 0x61 && lb <= 0x7A) { return true }
            }
            // degree sign after a capital accented letter
            if (ma & C.upacc) != 0 && b == 0xB0 { return true }
            // common two-character Windows-1252 mojibake
            if (a == 0xC2 || a == 0xC3 || a == 0xCE || a == 0xD0) && (mb & C.ahat) != 0 { return true }
            if a == 0xD7 && (b == 0xB2 || b == 0xB3) { return true }
            // Windows-1252 mojibake of Arabic
            if (a == 0xD8 || a == 0xD9) && (mb & C.arabx) != 0 && (c == 0xD8 || c == 0xD9) && (mk(at(i + 3)) & C.arabx) != 0 { return true }
            // start of 3-byte sequences of some South Asian scripts
            if a == 0xE0 {
                switch b { case 0xB2, 0xB5, 0xB9, 0xBC, 0xBD, 0xBE: return true; default: break }
            }
            // MacRoman mojibake
            if a == 0x221A {
                switch b { case 0xB1, 0x2202, 0x2020, 0x2260, 0xAE, 0x2122, 0xB4, 0x2264, 0x2265, 0xA5, 0xB5, 0xF8: return true; default: break }
            }
            if a == 0x2248 && (b == 0xB0 || b == 0xA2) { return true }
            if a == 0x201A {
                if b == 0xC4 {
                    switch c { case 0xEC, 0xEE, 0xEF, 0xF2, 0xF4, 0xFA, 0xF9, 0xFB, 0x2020, 0xB0, 0xA2, 0x3C0: return true; default: break }
                }
                if (b == 0xE2 || b == 0xF3) && (c == 0xE0 || c == 0xE4 || c == 0xB0 || c == 0xEA) { return true }
            }
            // Windows-1251 mojibake
            if a == 0x0432 && b == 0x0402 { return true }
            if a == 0x0412 || a == 0x0413 || a == 0x0420 || a == 0x0421 {
                if ((mb & (C.c1 | C.bad | C.start | C.end | C.cur)) != 0 || b == 0xB0 || b == 0xB5)
                    && (c == 0x0412 || c == 0x0413 || c == 0x0420 || c == 0x0421) { return true }
                if a == 0x0413 && b == 0x045E && c == 0x0412 && at(i + 3) == 0x0402 && at(i + 4) == 0x0412 && i + 6 < n {
                    let g = at(i + 6)
                    let lg = g | 0x20
                    if (lg >= 0x61 && lg <= 0x7A) || g == 0x20 { return true }
                }
            }
            // Windows-1252 encodings of 'à' and 'á'
            if a == 0xC3 && (b == 0xA0 || b == 0xA1) { return true }
            // Beyond ftfy: "Ã…" is "Å" unless it ends a capitalised word ("AMANHÃ…" is Portuguese).
            if a == 0xC3 && b == 0x2026 {
                let prev: UInt32? = i > 0 ? s[i - 1] : before
                if !(prev.map(MojibakeClasses.isUpper) ?? false) { return true }
            }
            // end punctuation, then Â standing for itself
            if (ma & C.end) != 0 && b == 0xC2 {
                if c == 0x20 || (mk(c) & (C.start | C.end)) != 0 { return true }
            }
            // Windows-1253 mojibake
            if a == 0x03B2 && b == 0x20AC {
                switch c { case 0x2122, 0xA0, 0x0386, 0xAD, 0xAE, 0xB0: return true; default: break }
            }
            if a == 0x0392 || a == 0x0393 || a == 0x039E || a == 0x039F {
                if ((mb & (C.c1 | C.bad | C.start | C.end | C.cur)) != 0 || b == 0xB0)
                    && (c == 0x0392 || c == 0x0393 || c == 0x039E || c == 0x039F) { return true }
            }
            // Windows-1257 mojibake
            if a == 0x0101 && b == 0x20AC { return true }
        }
        return false
    }
}
