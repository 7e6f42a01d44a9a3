import DocPipeCore

/// Removes control characters that have no place in text: C0 controls except tab, line feed and
/// carriage return (line endings are the whitespace pass's business), DEL, stray byte-order marks, and
/// ANSI terminal escape sequences. C1 controls stay: the mojibake repair reads them as Windows-1252,
/// and the ones it cannot explain are reported as residue rather than silently deleted.
enum ControlPass {
    static func rewrite(_ text: String) -> Rewrite {
        var b = TextBuilder(source: text)
        let u = b.source.utf8
        u.withContiguousStorageIfAvailable { p in
            let n = p.count
            var i = 0
            // DEL and 0xEF (the lead byte of a BOM) are rare: found by memchr, searched again only once
            // the cursor has passed them. Between them only bytes below 0x20 need a look.
            var del = -1, ef = -1
            // The base address unwrapped once, not at every load; a buffer without one is empty.
            guard let base = p.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            while i < n {
                if del < i { del = UTF8Bytes.find(0x7F, in: p, from: i, to: n) }
                if ef < i { ef = UTF8Bytes.find(0xEF, in: p, from: i, to: n) }
                let limit = min(del, ef)
                // Sixteen bytes a step (half the loop's overhead), then eight, while none is below 0x20
                // (tab, LF and CR included, for simplicity); then straight to the first such byte
                // (little-endian: the lowest bit marks the first); then a byte at a time to the limit.
                while i + 16 <= limit
                        && belowSpace(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                        | belowSpace(raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) == 0 { i += 16 }
                while i + 8 <= limit {
                    let stops = belowSpace(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    if stops != 0 { i += stops.trailingZeroBitCount >> 3; break }
                    i += 8
                }
                while i < limit && base[i] >= 0x20 { i += 1 }
                guard i < n else { break }
                let c = p[i]
                if c >= 0x20 && c != 0x7F && c != 0xEF { i += 1; continue }
                if c == 0x09 || c == 0x0A || c == 0x0D { i += 1; continue }
                if c == 0x1B {
                    // ESC [ parameters final-byte: a terminal colour code pasted into text.
                    var j = i + 1
                    if j < n && p[j] == 0x5B {
                        j += 1
                        while j < n && (p[j] >= 0x30 && p[j] <= 0x3F || p[j] >= 0x20 && p[j] <= 0x2F) { j += 1 }
                        if j < n && p[j] >= 0x40 && p[j] <= 0x7E { j += 1 } else { j = i + 1 }
                    }
                    b.copy(upTo: i)
                    b.replace(i..<j, with: "", fix: .control, note: j > i + 1 ? "terminal escape sequence" : "control character")
                    i = j
                    continue
                }
                if c < 0x20 || c == 0x7F {
                    b.copy(upTo: i)
                    b.replace(i..<(i + 1), with: "", fix: .control, note: "control character")
                    i += 1
                    continue
                }
                if c == 0xEF, i + 2 < n, p[i + 1] == 0xBB, p[i + 2] == 0xBF {
                    b.copy(upTo: i)
                    b.replace(i..<(i + 3), with: "", fix: .control, note: "byte-order mark inside the text")
                    i += 3
                    continue
                }
                i += 1
            }
        }
        return b.finish()
    }

    /// Whether `rewrite`, a pass over a text this pass has cleaned, may have put back something this
    /// pass removes. Only its replacements can: what it copied has none, and joining pieces of valid
    /// UTF-8 makes no new scalar. So only the map's segments that are not 1:1 copies are read; any
    /// 0xEF (the lead byte of a BOM) counts, to stay simple.
    static func mayReintroduce(_ rewrite: Rewrite) -> Bool {
        var text = rewrite.text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { p in
            for s in rewrite.map.segments where !(s.linear && s.targetEnd - s.targetStart == s.sourceEnd - s.sourceStart) {
                for i in s.targetStart..<min(s.targetEnd, p.count) {
                    let c = p[i]
                    if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) || c == 0x7F || c == 0xEF { return true }
                }
            }
            return false
        } ?? true
    }

    /// 0x80 in each byte of `w` below 0x20; above the first of them (little-endian: the lowest), a
    /// space may be marked too, by the borrow. So the lowest mark is exact, and a word without marks
    /// has no byte below 0x20.
    @inline(__always)
    static func belowSpace(_ w: UInt64) -> UInt64 {
        (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
    }
}
