import Foundation

/// The slow path: ftfy-style repair of one line that looks bad.
struct MojibakeFixer {
    let options: MojibakeOptions
    var depth = 0
    /// The code page of the last whole-text decode done by `oneStep`.
    var lastPage: MojibakeCodePage? = nil
    /// The characters after the stretch being fixed (see `MojibakeTranscode.restoreByteA0`).
    var following: [UInt8] = []
    /// The character just before the stretch being fixed, when it is part of a longer line
    /// (only the "Ã…" rule looks at it: "AMANHÃ…" is Portuguese, "0.1 Ã…" is "0.1 Å").
    var contextBefore: UInt32? = nil

    func looksBad(_ scalars: [UInt32]) -> Bool {
        MojibakeBadness.isBad(scalars[...], before: contextBefore)
    }

    init(options: MojibakeOptions) { self.options = options }

    static func scalarsEqual(_ a: [MojibakeItem], _ b: [MojibakeItem]) -> Bool {
        if a.count != b.count { return false }
        for k in 0..<a.count where a[k].s != b[k].s { return false }
        return true
    }

    /// Repeats single repair steps until nothing changes.
    mutating func fixLoop(_ input: [MojibakeItem]) -> [MojibakeItem] {
        var cur = input
        for _ in 0..<12 {
            lastPage = nil
            guard let next = oneStep(cur) else { break }
            if MojibakeFixer.scalarsEqual(next, cur) { break }
            cur = next
            // Beyond ftfy: a stretch of a line that was decoded once and is, again, entirely UTF-8
            // read as the same code page is decoded again even when it no longer looks "bad"
            // on its own ("Ã…â„¢" → "Å™" → "ř").
            if depth > 0, let page = lastPage, let again = MojibakeFixer.decodeWhole(cur, page) {
                cur = again
            }
        }
        return cur
    }

    /// The items re-encoded with `page` and decoded as UTF-8, when that works and changes something.
    static func decodeWhole(_ items: [MojibakeItem], _ page: MojibakeCodePage) -> [MojibakeItem]? {
        guard items.contains(where: { $0.s >= 0x80 }),
              let bytes = MojibakeTranscode.encode(items, page),
              let decoded = MojibakeTranscode.decodeUTF8(bytes, page: page),
              !scalarsEqual(decoded, items) else { return nil }
        return decoded
    }

    mutating func oneStep(_ items: [MojibakeItem]) -> [MojibakeItem]? {
        if items.isEmpty { return nil }
        var allASCII = true
        for it in items where it.s >= 0x80 { allASCII = false; break }
        if allASCII { return nil }
        let scal = items.map { $0.s }
        if !looksBad(scal) { return nil }

        var latin1Possible = true
        for s in scal where s > 0xFF { latin1Possible = false; break }

        if options.fixEncoding {
            // The whole line is UTF-8 decoded with one single-byte code page.
            for page in MojibakeCodePage.allCases {
                guard var bytes = MojibakeTranscode.encode(items, page) else { continue }
                if options.restoreByteA0 && page != .macroman {
                    MojibakeTranscode.restoreByteA0(&bytes, following: following)
                }
                if page.isSloppy {
                    MojibakeTranscode.replaceLossy(&bytes)
                }
                if let decoded = MojibakeTranscode.decodeUTF8(bytes, page: page) {
                    lastPage = page
                    return decoded
                }
            }
            // Only some stretches of the line are damaged.
            if depth < 4, let fixed = decodeInconsistent(items) {
                return fixed
            }
        }
        if options.fixC1Controls {
            // Latin-1 that should have been Windows-1252.
            if latin1Possible {
                var ok = true
                var changed = false
                var out = items
                for k in 0..<out.count where out[k].s >= 0x80 && out[k].s < 0xA0 {
                    let v = MojibakeTables.cp1252C1[Int(out[k].s - 0x80)]
                    if v == 0 { ok = false; break }
                    out[k].s = v; out[k].changed = true; out[k].c1 = true
                    changed = true
                }
                if ok && changed { return out }
            }
            // Individual C1 controls.
            var out = items
            var any = false
            for k in 0..<out.count where out[k].s >= 0x80 && out[k].s < 0xA0 {
                let v = MojibakeTables.cp1252C1[Int(out[k].s - 0x80)]
                if v != 0 { out[k].s = v; out[k].changed = true; out[k].c1 = true; any = true }
            }
            if any { return out }
        }
        return nil
    }

    /// Finds stretches that look like UTF-8 read as a single-byte code page and
    /// fixes each one on its own (for lines that mix damaged and correct text).
    mutating func decodeInconsistent(_ items: [MojibakeItem]) -> [MojibakeItem]? {
        typealias C = MojibakeCharClass
        let n = items.count
        // A space may stand for byte A0, so it counts as a continuation byte.
        let masks = items.map { $0.s == 0x20 ? C.cont : MojibakeClasses.mask($0.s) }
        var out: [MojibakeItem] = []
        out.reserveCapacity(n)
        var changed = false
        var i = 0
        var copied = 0
        while i < n {
            if i > 0 && (masks[i - 1] & C.strict) != 0 { i += 1; continue }
            var j = i
            while j < n {
                let m = masks[j]
                if (m & C.f2) != 0 && j + 1 < n && (masks[j + 1] & C.cont) != 0 { j += 2; continue }
                if (m & C.f3) != 0 && j + 2 < n && (masks[j + 1] & masks[j + 2] & C.cont) != 0 { j += 3; continue }
                if (m & C.f4) != 0 && j + 3 < n && (masks[j + 1] & masks[j + 2] & masks[j + 3] & C.cont) != 0 { j += 4; continue }
                break
            }
            if j == i { i += 1; continue }
            let sub = Array(items[i..<j])
            var inner = MojibakeFixer(options: options)
            inner.contextBefore = i > 0 ? items[i - 1].s : contextBefore
            if j - i < n && inner.looksBad(sub.map { $0.s }) {
                inner.depth = depth + 1
                inner.following = items[j..<min(n, j + 6)].map { $0.s < 0x80 ? UInt8($0.s) : 0x80 }
                let fixed = inner.fixLoop(sub)
                if !MojibakeFixer.scalarsEqual(fixed, sub) {
                    out.append(contentsOf: items[copied..<i])
                    out.append(contentsOf: fixed)
                    copied = j
                    changed = true
                }
            }
            i = j
        }
        if !changed { return nil }
        out.append(contentsOf: items[copied..<n])
        return out
    }
}
