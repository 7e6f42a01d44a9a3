import DocPipeCore

/// Byte-level helpers for the markup passes: line ends and ASCII classes (memchr skips: `UTF8Bytes.find`).
enum ByteScan {
    /// End of the line containing `i` (index of LF/CR or `p.count`).
    @inline(__always)
    static func lineEnd(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        while j < p.count, p[j] != 0x0A, p[j] != 0x0D { j += 1 }
        return j
    }

    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    /// HTML whitespace: space, tab, LF, FF, CR.
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
}

extension String {
    /// Runs `body` over the contiguous UTF-8 bytes of the string.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var s = self
        return try s.withUTF8(body)
    }
}

extension Rewrite {
    /// The identity rewrite of `text`.
    static func identity(_ text: String) -> Rewrite {
        Rewrite(text: text, map: OffsetMap(identity: text.utf8.count), fixes: [])
    }

    /// This rewrite followed by `next` (a rewrite of this one's text), as one rewrite of the original text:
    /// maps compose, and every fix is expressed as (range in the final text, range in the original text).
    func then(_ next: Rewrite) -> Rewrite {
        if next.fixes.isEmpty && next.map.isIdentity { return self }
        if fixes.isEmpty && map.isIdentity { return next }
        var all: [TextBuilder.PendingFix] = []
        all.reserveCapacity(fixes.count + next.fixes.count)
        for f in fixes {
            var g = f
            g.newRange = next.map.targetRange(ofSource: f.newRange)
            // What the fix produced as it stands in the final text (a repaired tag may be gone as structure).
            g.after = next.text.utf8Slice(g.newRange)
            all.append(g)
        }
        for f in next.fixes {
            var g = f
            g.oldRange = map.sourceRange(f.oldRange)
            all.append(g)
        }
        all.sort { ($0.oldRange.lowerBound, $0.newRange.lowerBound) < ($1.oldRange.lowerBound, $1.newRange.lowerBound) }
        return Rewrite(text: next.text, map: next.map.composed(with: map), fixes: all)
    }
}
