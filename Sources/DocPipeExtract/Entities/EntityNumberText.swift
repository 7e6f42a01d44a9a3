/// Exact decimal arithmetic on numerals as written, for normalised values (`1.4` × 10⁹ →
/// `1400000000`, `90` ÷ 100 → `0.9`) without floating-point artefacts.
///
/// Works on bytes in stack buffers: the recogniser checks every number token, so only the value of an
/// emitted entity becomes a `String`.
enum EntityNumberText {
    /// Whether `p[range]` is a plain numeral (`9,000`, `1.4`, `40`): digits, grouping commas, at most one
    /// inner decimal point, not starting with the point.
    static func isPlain(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var sawDot = false
        var first: UInt8 = 0
        var any = false
        for k in range {
            let b = p[k]
            if b &- 0x30 < 10 || b == 0x2E && !sawDot && k + 1 < range.upperBound {
                if b == 0x2E { sawDot = true }
                if !any { first = b; any = true }
                continue
            }
            if b == 0x2C { continue }
            return false
        }
        return any && first != 0x2E
    }

    /// Digits of a plain numeral with grouping commas removed; nil for anything else.
    static func plain(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard isPlain(p, range) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        for k in range where p[k] != 0x2C { out.append(p[k]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of a plain numeral without a decimal point when it has at most `maxDigits` digits.
    static func smallInteger(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, maxDigits: Int) -> Int? {
        var v = 0, digits = 0
        for k in range {
            let b = p[k]
            if b == 0x2C { continue }
            guard b &- 0x30 < 10, digits < maxDigits else { return nil }
            v = v * 10 + Int(b &- 0x30)
            digits += 1
        }
        return digits > 0 ? v : nil
    }

    /// The plain numeral `p[range]` × 10^`power`, as `shift(_:by:)`.
    static func shift(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, by power: Int) -> String {
        // Most numerals are unscaled digits without a leading zero: their value is their text.
        if power == 0, isCanonicalInteger(p, range) {
            return String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(range.count, 1)) { buf in
            var m = 0
            for k in range where p[k] != 0x2C {
                buf[m] = p[k]
                m += 1
            }
            return shift(UnsafeBufferPointer(rebasing: buf[..<m]), by: power)
        }
    }

    /// Whether `p[range]` is digits only, without a leading zero unless it is `0` itself: what
    /// `shift(_:_:by: 0)` returns unchanged.
    @inline(__always) static func isCanonicalInteger(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count == 1 || p[range.lowerBound] != 0x30 else { return false }
        for k in range where p[k] &- 0x30 >= 10 { return false }
        return true
    }

    /// `digits` × 10^`power` (power may be negative), as a plain decimal without superfluous zeros.
    static func shift(_ digits: String, by power: Int) -> String {
        var digits = digits
        return digits.withUTF8 { shift($0, by: power) }
    }

    /// `d` (digits with at most one `.`) × 10^`power`. The digits are read in place: the virtual digit
    /// string is `padLeft` zeros, the digits without the point, then `padRight` zeros, and the point
    /// goes after `point` of them.
    static func shift(_ d: UnsafeBufferPointer<UInt8>, by power: Int) -> String {
        let dot = d.firstIndex(of: 0x2E)
        let intCount = dot ?? d.count
        let m = d.count - (dot == nil ? 0 : 1)
        var point = intCount + power
        let padRight = max(0, point - m)
        let padLeft = max(0, -point)
        if point < 0 { point = 0 }
        let total = padLeft + m + padRight
        @inline(__always) func at(_ j: Int) -> UInt8 {
            let x = j - padLeft
            if x < 0 || x >= m { return 0x30 }
            return d[x < intCount ? x : x + 1]
        }
        var iStart = 0
        while point - iStart > 1, at(iStart) == 0x30 { iStart += 1 }
        var fEnd = total
        while fEnd > point, at(fEnd - 1) == 0x30 { fEnd -= 1 }
        let intLen = point - iStart
        let fracLen = fEnd - point
        let count = max(intLen, 1) + (fracLen > 0 ? 1 + fracLen : 0)
        return String(unsafeUninitializedCapacity: count) { out in
            var o = 0
            if intLen == 0 {
                out[0] = 0x30
                o = 1
            } else {
                for j in iStart..<point { out[o] = at(j); o += 1 }
            }
            if fracLen > 0 {
                out[o] = 0x2E
                o += 1
                for j in point..<fEnd { out[o] = at(j); o += 1 }
            }
            return o
        }
    }
}
