import DocPipeCore
import Foundation

/// Unicode NFC, applied only where it can change something.
enum NFCPass {
    /// Whether `v` may change, or make its neighbour change, under NFC.
    static func isSensitive(_ v: UInt32) -> Bool {
        if v < 0x300 { return false }
        var lo = 0, hi = nfcSensitiveRanges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if nfcSensitiveRanges[mid].1 < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < nfcSensitiveRanges.count && nfcSensitiveRanges[lo].0 <= v
    }

    /// Composes every stretch that is not already NFC. A stretch runs from the last ASCII character
    /// before a non-ASCII run (a possible base) to the end of the run; ASCII never composes backwards.
    static func rewrite(_ text: String) -> Rewrite {
        var builder = TextBuilder(source: text)
        let u = builder.source.utf8
        u.withContiguousStorageIfAvailable { p in
            let n = p.count
            var i = 0
            // The last insensitive scalar seen of each value of the low six bits (0: none yet, as
            // U+0000 never gets here).
            var insensitive = [UInt32](repeating: 0, count: 64)
            while i < n {
                // Skip to the next byte that can start a sensitive scalar (lead byte ≥ 0xCC ⇒ scalar ≥ U+0300).
                i = nextByteFromCC(p, i)
                guard i < n else { break }
                var runStart = i
                while runStart > 0 && p[runStart - 1] >= 0x80 { runStart -= 1 }
                if runStart > 0 { runStart -= 1 }  // the ASCII base before the run
                var runEnd = i
                while runEnd < n && p[runEnd] >= 0x80 { runEnd += 1 }
                var j = i, sensitive = false
                while j < runEnd {
                    let (s, len) = UTF8Bytes.scalar(p, at: j)
                    let v = s.value
                    // Below U+0300 nothing is sensitive; a scalar already found insensitive is not
                    // searched for again (a text repeats the same few: quotes, dashes, letters).
                    if v >= 0x300 && insensitive[Int(v & 63)] != v {
                        if isSensitive(v) { sensitive = true; break }
                        insensitive[Int(v & 63)] = v
                    }
                    j += len
                }
                if sensitive, runStart >= builder.consumed {
                    let chunk = String(decoding: UnsafeBufferPointer(rebasing: p[runStart..<runEnd]), as: UTF8.self)
                    let composed = chunk.precomposedStringWithCanonicalMapping
                    if !composed.utf8.elementsEqual(chunk.utf8) {
                        replaceDifference(&builder, chunk: chunk, composed: composed, at: runStart)
                    }
                }
                i = runEnd
            }
        }
        return builder.finish()
    }

    /// The first offset from `i` holding a byte ≥ 0xCC, or `p.count`, eight bytes at a time past other
    /// non-ASCII bytes too (a Latin letter such as `é` leads with 0xC3: it used to go byte by byte).
    @inline(__always)
    static func nextByteFromCC(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var i = i
        let n = p.count
        // The base address unwrapped once, not at every load; a buffer without one is empty.
        guard let base = p.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        // Sixteen bytes a step while there is none (half the loop's overhead), then eight.
        while i + 16 <= n {
            let m0 = bytesFromCC(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let m1 = bytesFromCC(raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            if m0 | m1 != 0 { return m0 != 0 ? i + m0.trailingZeroBitCount >> 3 : i + 8 + m1.trailingZeroBitCount >> 3 }
            i += 16
        }
        while i + 8 <= n {
            // Little-endian: the lowest bit is the first.
            let m = bytesFromCC(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            if m != 0 { return i + m.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n && p[i] < 0xCC { i += 1 }
        return i
    }

    /// 0x80 in each byte of `w` that is ≥ 0xCC: top bit set and low seven bits + 0x34 reaching 0x80
    /// (at most 0x7F + 0x34 per byte: no carry into the next).
    @inline(__always)
    static func bytesFromCC(_ w: UInt64) -> UInt64 {
        w & ((w & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & 0x8080_8080_8080_8080
    }

    /// Replaces only the differing middle of `chunk`, so the fix names the characters that changed.
    private static func replaceDifference(_ b: inout TextBuilder, chunk: String, composed: String, at offset: Int) {
        let a = Array(chunk.unicodeScalars), c = Array(composed.unicodeScalars)
        var pre = 0
        while pre < a.count && pre < c.count && a[pre] == c[pre] { pre += 1 }
        var suf = 0
        while suf < a.count - pre && suf < c.count - pre && a[a.count - 1 - suf] == c[c.count - 1 - suf] { suf += 1 }
        // Back up to a character start so a base letter and its marks stay together.
        while pre > 0 && isSensitive(a[pre].value) { pre -= 1 }
        let bytesBefore = a[..<pre].reduce(0) { $0 + UTF8.width($1) }
        let bytesMid = a[pre..<(a.count - suf)].reduce(0) { $0 + UTF8.width($1) }
        var after = String.UnicodeScalarView()
        after.append(contentsOf: c[pre..<(c.count - suf)])
        let start = offset + bytesBefore
        b.copy(upTo: start)
        b.replace(start..<(start + bytesMid), with: String(after), fix: .normalization, note: "Unicode NFC")
    }
}
