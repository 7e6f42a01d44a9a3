import Foundation

enum MojibakeTranscode {
    /// encodeTable[page * tableLimit + scalar] = byte (0 = not encodable), for scalars < tableLimit.
    static let tableLimit = 0x2600
    nonisolated(unsafe) static let encodeTable: UnsafePointer<UInt8> = {
        let pages = MojibakeCodePage.allCases.count
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: pages * tableLimit)
        p.initialize(repeating: 0, count: pages * tableLimit)
        for page in 0..<pages {
            let keys = MojibakeTables.encodeKeys[page], vals = MojibakeTables.encodeBytes[page]
            for k in 0..<keys.count where Int(keys[k]) < tableLimit { p[page * tableLimit + Int(keys[k])] = vals[k] }
        }
        return UnsafePointer(p)
    }()

    @inline(__always)
    static func encodeScalar(_ s: UInt32, _ page: MojibakeCodePage, _ table: UnsafePointer<UInt8>) -> Int {
        if s < 0x80 {
            if s == 0x1A && page.isSloppy { return -1 }
            return Int(s)
        }
        if s < UInt32(tableLimit) {
            let b = table[page.rawValue * tableLimit + Int(s)]
            return b == 0 ? -1 : Int(b)
        }
        let keys = MojibakeTables.encodeKeys[page.rawValue]
        for k in stride(from: keys.count - 1, through: 0, by: -1) {
            if keys[k] == s { return Int(MojibakeTables.encodeBytes[page.rawValue][k]) }
            if keys[k] < UInt32(tableLimit) { break }
        }
        return -1
    }

    static func encode(_ items: [MojibakeItem], _ page: MojibakeCodePage) -> [MojibakeByte]? {
        var out: [MojibakeByte] = []
        out.reserveCapacity(items.count)
        let table = encodeTable
        for it in items {
            let b = encodeScalar(it.s, page, table)
            if b < 0 { return nil }
            out.append(MojibakeByte(b: UInt8(b), lo: it.lo, hi: it.hi, asciiOrig: !it.changed && it.s < 0x80, layers: it.layers, c1: it.c1))
        }
        return out
    }

    @inline(__always) static func isCont(_ b: UInt8) -> Bool { b >= 0x80 && b <= 0xBF }
    /// [\x80-\x84\x86-\x9f\xa1-\xbf]
    @inline(__always) static func isAltCont(_ b: UInt8) -> Bool { isCont(b) && b != 0x85 && b != 0xA0 }

    /// Restores byte A0 where a UTF-8 sequence had it replaced by a space.
    /// `following` holds the characters after the text (as ASCII bytes, 0x80 for anything else), when
    /// the text is a stretch of a longer line, so that "Ã " + " " is not taken for the word "à".
    static func restoreByteA0(_ bytes: inout [MojibakeByte], following: [UInt8] = []) {
        let n = bytes.count
        if n < 2 { return }
        // Quick reject: needs a space right after or inside a lead byte sequence.
        var any = false
        for k in 0..<(n - 1) where bytes[k].b >= 0xC2 && (bytes[k + 1].b == 0x20 || (k + 2 < n && bytes[k + 2].b == 0x20) || (k + 3 < n && bytes[k + 3].b == 0x20)) {
            any = true; break
        }
        if !any { return }
        // "Ã " meaning the word "à", unless followed by " ", "quele", "quela", "quilo", "s ".
        var out: [MojibakeByte] = []
        out.reserveCapacity(n + 4)
        var k = 0
        func followsWith(_ at: Int, _ lit: [UInt8]) -> Bool {
            if at + lit.count > n + following.count { return false }
            for (q, c) in lit.enumerated() {
                let x = at + q < n ? bytes[at + q].b : following[at + q - n]
                if x != c { return false }
            }
            return true
        }
        while k < n {
            if bytes[k].b == 0xC3 && k + 1 < n && bytes[k + 1].b == 0x20 {
                let at = k + 2
                let blocked = followsWith(at, [0x20]) || followsWith(at, Array("quele".utf8)) || followsWith(at, Array("quela".utf8))
                    || followsWith(at, Array("quilo".utf8)) || followsWith(at, [0x73, 0x20])
                if !blocked {
                    out.append(bytes[k])
                    var a0 = bytes[k + 1]; a0.b = 0xA0; a0.asciiOrig = false
                    var sp = bytes[k + 1]; sp.asciiOrig = false
                    out.append(a0); out.append(sp)
                    k += 2
                    continue
                }
            }
            out.append(bytes[k]); k += 1
        }
        bytes = out
        // Spaces standing for A0 inside a UTF-8 sequence.
        let m = bytes.count
        k = 0
        @inline(__always) func b(_ q: Int) -> UInt8 { q < m ? bytes[q].b : 0 }
        while k < m {
            let b0 = bytes[k].b
            var len = 0
            switch b0 {
            case 0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9:
                if b(k + 1) == 0x20 { len = 2 }
            default: break
            }
            if len == 0 && (b0 == 0xE2 || b0 == 0xE3) && b(k + 1) == 0x20 && isAltCont(b(k + 2)) { len = 3 }
            if len == 0 && b0 >= 0xE0 && b0 <= 0xE3 && isAltCont(b(k + 1)) && b(k + 2) == 0x20 { len = 3 }
            if len == 0 && b0 == 0xF0 {
                if b(k + 1) == 0x20 && isCont(b(k + 2)) && isCont(b(k + 3)) { len = 4 }
                else if isCont(b(k + 1)) && b(k + 2) == 0x20 && isCont(b(k + 3)) { len = 4 }
                else if isCont(b(k + 1)) && isCont(b(k + 2)) && b(k + 3) == 0x20 { len = 4 }
            }
            if len > 0 {
                for q in k..<(k + len) where bytes[q].b == 0x20 { bytes[q].b = 0xA0; bytes[q].asciiOrig = false }
                k += len
            } else {
                k += 1
            }
        }
    }

    /// Replaces sequences where information was lost (a byte became "?" or U+FFFD/0x1A) with U+FFFD.
    static func replaceLossy(_ bytes: inout [MojibakeByte]) {
        let n = bytes.count
        var has = false
        for x in bytes where x.b == 0x1A || x.b == 0x3F { has = true; break }
        if !has { return }
        @inline(__always) func b(_ q: Int) -> UInt8 { q < n ? bytes[q].b : 0 }
        @inline(__always) func qs(_ x: UInt8) -> Bool { x == 0x1A || x == 0x3F }            // [\x1a?]
        @inline(__always) func sc(_ x: UInt8) -> Bool { x == 0x1A || isCont(x) }          // [\x1a\x80-\xbf]
        @inline(__always) func qsc(_ x: UInt8) -> Bool { x == 0x1A || x == 0x3F || isCont(x) }
        var out: [MojibakeByte] = []
        out.reserveCapacity(n)
        var k = 0
        var changed = false
        while k < n {
            let b0 = bytes[k].b
            var len = 0
            if b0 >= 0xC2 && b0 <= 0xDF && b(k + 1) == 0x1A { len = 2 }
            else if (b0 == 0xC2 || b0 == 0xC3) && b(k + 1) == 0x3F { len = 2 }
            else if b0 == 0xED && b(k + 1) >= 0xA0 && b(k + 1) <= 0xAF && qs(b(k + 2)) && b(k + 3) == 0xED && b(k + 4) >= 0xB0 && b(k + 4) <= 0xBF && qsc(b(k + 5)) { len = 6 }
            else if b0 == 0xED && b(k + 1) >= 0xA0 && b(k + 1) <= 0xAF && qsc(b(k + 2)) && b(k + 3) == 0xED && b(k + 4) >= 0xB0 && b(k + 4) <= 0xBF && qs(b(k + 5)) { len = 6 }
            else if b0 >= 0xE0 && b0 <= 0xEF && qs(b(k + 1)) && sc(b(k + 2)) { len = 3 }
            else if b0 >= 0xE0 && b0 <= 0xEF && sc(b(k + 1)) && qs(b(k + 2)) { len = 3 }
            else if b0 >= 0xF0 && b0 <= 0xF4 && qs(b(k + 1)) && sc(b(k + 2)) && sc(b(k + 3)) { len = 4 }
            else if b0 >= 0xF0 && b0 <= 0xF4 && sc(b(k + 1)) && qs(b(k + 2)) && sc(b(k + 3)) { len = 4 }
            else if b0 >= 0xF0 && b0 <= 0xF4 && sc(b(k + 1)) && sc(b(k + 2)) && qs(b(k + 3)) { len = 4 }
            else if b0 == 0x1A { len = 1 }
            if len == 0 { out.append(bytes[k]); k += 1; continue }
            var lo = bytes[k].lo, hi = bytes[k].hi
            var layers = bytes[k].layers
            var c1 = bytes[k].c1
            for q in k..<(k + len) {
                lo = min(lo, bytes[q].lo); hi = max(hi, bytes[q].hi)
                layers = max(layers, bytes[q].layers); c1 = c1 || bytes[q].c1
            }
            for v: UInt8 in [0xEF, 0xBF, 0xBD] {
                out.append(MojibakeByte(b: v, lo: lo, hi: hi, asciiOrig: false, layers: layers, c1: c1))
            }
            changed = true
            k += len
        }
        if changed { bytes = out }
    }

    /// Strict UTF-8 plus CESU-8 surrogate pairs and C0 80 ("Java modified UTF-8").
    static func decodeUTF8(_ bytes: [MojibakeByte], page: MojibakeCodePage) -> [MojibakeItem]? {
        let n = bytes.count
        var out: [MojibakeItem] = []
        out.reserveCapacity(n)
        @inline(__always) func b(_ q: Int) -> UInt8 { q < n ? bytes[q].b : 0 }
        var k = 0
        while k < n {
            let b0 = bytes[k].b
            if b0 < 0x80 {
                let x = bytes[k]
                if x.asciiOrig {
                    out.append(MojibakeItem(s: UInt32(b0), lo: x.lo, hi: x.hi, changed: false, layers: 0, page: 255, c1: false, lone: false))
                } else {
                    out.append(MojibakeItem(s: UInt32(b0), lo: x.lo, hi: x.hi, changed: true, layers: x.layers &+ 1, page: UInt8(page.rawValue), c1: x.c1, lone: false))
                }
                k += 1
                continue
            }
            var len = 0
            var s: UInt32 = 0
            let b1 = b(k + 1)
            if b0 == 0xC0 && b1 == 0x80 {
                len = 2; s = 0
            } else if b0 >= 0xC2 && b0 <= 0xDF {
                guard isCont(b1) else { return nil }
                len = 2; s = UInt32(b0 & 0x1F) << 6 | UInt32(b1 & 0x3F)
            } else if b0 == 0xED && b1 >= 0xA0 && b1 <= 0xAF && isCont(b(k + 2)) && b(k + 3) == 0xED && b(k + 4) >= 0xB0 && b(k + 4) <= 0xBF && isCont(b(k + 5)) {
                let hiS = 0xD000 | UInt32(b1 & 0x3F) << 6 | UInt32(b(k + 2) & 0x3F)
                let loS = 0xD000 | UInt32(b(k + 4) & 0x3F) << 6 | UInt32(b(k + 5) & 0x3F)
                s = 0x10000 + ((hiS - 0xD800) << 10) + (loS - 0xDC00)
                len = 6
            } else if b0 >= 0xE0 && b0 <= 0xEF {
                let lo1: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
                let hi1: UInt8 = b0 == 0xED ? 0x9F : 0xBF
                guard b1 >= lo1 && b1 <= hi1 && isCont(b(k + 2)) else { return nil }
                len = 3; s = UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b(k + 2) & 0x3F)
            } else if b0 >= 0xF0 && b0 <= 0xF4 {
                let lo1: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
                let hi1: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
                guard b1 >= lo1 && b1 <= hi1 && isCont(b(k + 2)) && isCont(b(k + 3)) else { return nil }
                len = 4
                s = UInt32(b0 & 0x07) << 18 | UInt32(b1 & 0x3F) << 12 | UInt32(b(k + 2) & 0x3F) << 6 | UInt32(b(k + 3) & 0x3F)
            } else {
                return nil
            }
            var lo = bytes[k].lo, hi = bytes[k].hi
            var layers = bytes[k].layers
            var c1 = bytes[k].c1
            for q in k..<(k + len) {
                lo = min(lo, bytes[q].lo); hi = max(hi, bytes[q].hi)
                layers = max(layers, bytes[q].layers); c1 = c1 || bytes[q].c1
            }
            // Bytes A0-FF read the same in Latin-1 and Windows-1252; name the common one.
            var named = page
            if page == .latin1 && !(k..<(k + len)).contains(where: { bytes[$0].b >= 0x80 && bytes[$0].b < 0xA0 }) {
                named = .cp1252
            }
            out.append(MojibakeItem(s: s, lo: lo, hi: hi, changed: true, layers: layers &+ 1, page: UInt8(named.rawValue), c1: c1, lone: false))
            k += len
        }
        return out
    }
}
