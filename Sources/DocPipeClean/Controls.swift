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
            while i < n {
                // Sixteen bytes a step (half the loop's overhead), then eight, while none is a control
                // (tab, LF and CR included, for simplicity), DEL, or the lead byte of a BOM; then
                // straight to the first such byte (the mask is exact per byte; little-endian, so its
                // lowest bit marks the first).
                while i + 16 <= n && stopBytes(UTF8Bytes.load(p, i)) | stopBytes(UTF8Bytes.load(p, i + 8)) == 0 { i += 16 }
                while i + 8 <= n {
                    let stops = stopBytes(UTF8Bytes.load(p, i))
                    if stops != 0 { i += stops.trailingZeroBitCount >> 3; break }
                    i += 8
                }
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

    /// 0x80 in each byte of `w` that is a C0 control, DEL or 0xEF (the lead byte of a BOM), 0 in the
    /// others. Controls and DEL in one test: they are the ASCII bytes b with (b + 1) & 0x7F below
    /// 0x21 (no carries between bytes: each sum stays below 0x100).
    @inline(__always)
    static func stopBytes(_ w: UInt64) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let next = ((w & ~highs) &+ 0x0101_0101_0101_0101) & ~highs
        let controls = ~(next &+ 0x5F5F_5F5F_5F5F_5F5F) & ~w & highs
        return controls | UTF8Bytes.bytesEqual(w, 0xEF)
    }
}
