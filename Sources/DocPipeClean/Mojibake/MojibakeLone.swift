import Foundation

/// Beyond ftfy: "Â" + a Windows-1252 character of bytes 80–9F (’ “ ” – — … • € ™ Š œ …) is UTF-8 of
/// a C1 control, itself a Windows-1252 byte read as Latin-1, read as Windows-1252 again
/// (e.g. "otherÂ’s" → "other’s"). ftfy leaves these alone when they are the only damage on a line.
enum MojibakeLone {
    @inline(__always) static func isTarget(_ s: UInt32) -> Bool {
        s >= 0x80 && (MojibakeClasses.mask(s) & MojibakeCharClass.lonepunct) != 0
    }

    static func hasCandidate(_ scalars: [UInt32]) -> Bool {
        var k = 0
        let n = scalars.count
        while k + 1 < n {
            if scalars[k] == 0xC2 && isTarget(scalars[k + 1]) { return true }
            k += 1
        }
        return false
    }

    static func apply(_ items: [MojibakeItem]) -> [MojibakeItem] {
        let n = items.count
        var out: [MojibakeItem] = []
        var k = 0
        var changed = false
        while k < n {
            // The target may be a repair's result ("Ââ€™": "â€™" became "’"): a second clean would see "Â’".
            if items[k].s == 0xC2 && !items[k].changed && k + 1 < n && isTarget(items[k + 1].s) {
                let next = items[k + 1].s
                var ok = true
                // A closing quote/apostrophe must close something: not after a space or at line start.
                if next == 0x2019 || next == 0x201D || next == 0x203A {
                    if k == 0 || MojibakeClasses.isSpace(items[k - 1].s) { ok = false }
                }
                if ok {
                    if !changed { out = Array(items[0..<k]); changed = true }
                    let t = items[k + 1]
                    out.append(MojibakeItem(s: next, lo: items[k].lo, hi: t.hi, changed: true, layers: t.layers,
                                            page: t.changed ? t.page : 1, c1: t.c1, lone: true))
                    k += 2
                    continue
                }
            }
            if changed { out.append(items[k]) }
            k += 1
        }
        return changed ? out : items
    }
}
