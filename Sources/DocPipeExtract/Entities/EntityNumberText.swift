/// Exact decimal arithmetic on numerals as written, for normalised values (`1.4` × 10⁹ →
/// `1400000000`, `90` ÷ 100 → `0.9`) without floating-point artefacts.
enum EntityNumberText {
    /// Digits of a plain numeral (`9,000`, `1.4`, `40`) with grouping commas removed; nil for anything else.
    static func plain(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var sawDot = false
        for k in range {
            let b = p[k]
            if b &- 0x30 < 10 { out.append(b); continue }
            if b == 0x2C { continue }
            if b == 0x2E, !sawDot, k + 1 < range.upperBound { sawDot = true; out.append(b); continue }
            return nil
        }
        guard let first = out.first, first != 0x2E else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// `digits` × 10^`power` (power may be negative), as a plain decimal without superfluous zeros.
    static func shift(_ digits: String, by power: Int) -> String {
        var intPart = Array(digits.utf8)
        var frac: [UInt8] = []
        if let dot = intPart.firstIndex(of: 0x2E) {
            frac = Array(intPart[(dot + 1)...])
            intPart = Array(intPart[..<dot])
        }
        var all = intPart + frac
        var pointPos = intPart.count + power  // digits before the decimal point
        if pointPos > all.count { all += [UInt8](repeating: 0x30, count: pointPos - all.count) }
        if pointPos < 0 {
            all = [UInt8](repeating: 0x30, count: -pointPos) + all
            pointPos = 0
        }
        var i = Array(all[..<pointPos])
        var f = Array(all[pointPos...])
        while i.count > 1, i.first == 0x30 { i.removeFirst() }
        if i.isEmpty { i = [0x30] }
        while f.last == 0x30 { f.removeLast() }
        return String(decoding: f.isEmpty ? i : i + [0x2E] + f, as: UTF8.self)
    }
}
