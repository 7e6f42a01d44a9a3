// TIMEX3 value arithmetic: calendar points, BC years, day counts.

/// A calendar point at year, month or day granularity. Years are astronomical (1 BC = 0, 2 BC = -1).
struct DatePoint: Equatable {
    var year: Int
    var month = 0
    var day = 0

    var value: String {
        // yearString(year) + "-" + pad2(month) + "-" + pad2(day), written into one small string.
        let y = year, m = month, d = day
        let parts = m > 0 ? (d > 0 ? 2 : 1) : 0
        let yl = DatePoint.yearLength(y)
        var len = yl
        if parts >= 1 { len += 1 + DatePoint.padLength(m, 2) }
        if parts == 2 { len += 1 + DatePoint.padLength(d, 2) }
        return String(unsafeUninitializedCapacity: len) { b in
            var at = DatePoint.writeYear(y, b, 0)
            if parts >= 1 { b[at] = 0x2D; at = DatePoint.writePad(m, 2, b, at + 1) }
            if parts == 2 { b[at] = 0x2D; at = DatePoint.writePad(d, 2, b, at + 1) }
            return at
        }
    }

    static func yearString(_ y: Int) -> String {
        String(unsafeUninitializedCapacity: yearLength(y)) { writeYear(y, $0, 0) }
    }
    static func pad2(_ v: Int) -> String { pad(v, 2) }
    /// `String(v)` left-padded with zeros to `w` characters (zeros go before a minus sign, as they always did).
    static func pad(_ v: Int, _ w: Int) -> String {
        String(unsafeUninitializedCapacity: padLength(v, w)) { writePad(v, w, $0, 0) }
    }

    // The formatting above without intermediate strings: these values are written for most expressions.

    @inline(__always) static func digitCount(_ u: UInt) -> Int {
        var n = 1, x = u
        while x >= 10 { x /= 10; n += 1 }
        return n
    }
    @inline(__always) static func padLength(_ v: Int, _ w: Int) -> Int {
        max(w, digitCount(v.magnitude) + (v < 0 ? 1 : 0))
    }
    @inline(__always) static func yearLength(_ y: Int) -> Int {
        y <= 0 ? 2 + padLength(1 - y, 4) : padLength(y, 4)
    }
    /// Writes `pad(v, w)` at `at`; returns the end.
    static func writePad(_ v: Int, _ w: Int, _ b: UnsafeMutableBufferPointer<UInt8>, _ at: Int) -> Int {
        let nd = digitCount(v.magnitude)
        var i = at
        for _ in 0..<max(0, w - nd - (v < 0 ? 1 : 0)) { b[i] = 0x30; i += 1 }
        if v < 0 { b[i] = 0x2D; i += 1 }
        var x = v.magnitude
        var k = i + nd - 1
        while k >= i { b[k] = 0x30 + UInt8(x % 10); x /= 10; k -= 1 }
        return i + nd
    }
    static func writeYear(_ y: Int, _ b: UnsafeMutableBufferPointer<UInt8>, _ at: Int) -> Int {
        if y <= 0 {
            b[at] = 0x42; b[at + 1] = 0x43   // BC
            return writePad(1 - y, 4, b, at + 2)
        }
        return writePad(y, 4, b, at)
    }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm).
    static func days(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// This point shifted by `n` units, at the granularity the unit needs (nil when the point is too coarse).
    func shifted(_ unit: DateUnit, _ n: Int) -> DatePoint? {
        switch unit {
        case .year: return DatePoint(year: year + n)
        case .month:
            guard month > 0 else { return nil }
            let t = year * 12 + (month - 1) + n
            let y = t >= 0 ? t / 12 : (t - 11) / 12
            return DatePoint(year: y, month: t - y * 12 + 1)
        case .week, .day, .fortnight:
            guard month > 0, day > 0 else { return nil }
            let k = unit == .day ? n : unit == .week ? 7 * n : 14 * n
            let (y, m, d) = DatePoint.civil(DatePoint.days(year, month, day) + k)
            return DatePoint(year: y, month: m, day: d)
        default: return nil
        }
    }
}

/// Units of durations, sets and relative expressions.
enum DateUnit: Int {
    case year = 1, month, week, day, decade, century, millennium, hour, minute, fortnight

    /// TIMEX3 duration value for `n` units (`P2Y`, `P10Y` for a decade, `PT3H`).
    func duration(_ n: Int) -> String {
        switch self {
        case .year: return "P\(n)Y"
        case .month: return "P\(n)M"
        case .week: return "P\(n)W"
        case .day: return "P\(n)D"
        case .decade: return "P\(n * 10)Y"
        case .century: return "P\(n * 100)Y"
        case .millennium: return "P\(n * 1000)Y"
        case .hour: return "PT\(n)H"
        case .minute: return "PT\(n)M"
        case .fortnight: return "P\(n * 2)W"
        }
    }
    /// An unknown number of units (`several years` → `PXY`).
    var vague: String {
        switch self {
        case .year: return "PXY"
        case .month: return "PXM"
        case .week, .fortnight: return "PXW"
        case .day: return "PXD"
        case .decade: return "PXDE"
        case .century: return "PXCE"
        case .millennium: return "PXML"
        case .hour: return "PTXH"
        case .minute: return "PTXM"
        }
    }
    /// n and a half units, in a smaller unit where needed (`a year and a half` → `P18M`).
    func andHalf(_ n: Int) -> String {
        switch self {
        case .year: return "P\(n * 12 + 6)M"
        case .month: return "P\(n).5M"
        case .week: return "P\(n * 7 + 3)D"   // 3.5 days rounded down; rare
        case .day: return "PT\(n * 24 + 12)H"
        case .decade: return "P\(n * 10 + 5)Y"
        case .century: return "P\(n * 100 + 50)Y"
        case .millennium: return "P\(n * 1000 + 500)Y"
        case .hour: return "PT\(n * 60 + 30)M"
        case .minute: return "PT\(n * 60 + 30)S"
        case .fortnight: return "P\(n * 14 + 7)D"
        }
    }
    /// A quarter (`n` = 1) or three quarters (`n` = 3) of a unit, in a smaller unit where needed
    /// (`a quarter of a century` → `P25Y`, `three quarters of a year` → `P9M`).
    func quarters(_ n: Int) -> String {
        switch self {
        case .year: return "P\(3 * n)M"
        case .month: return "P\(n)W"
        case .week: return "PT\(42 * n)H"
        case .day: return "PT\(6 * n)H"
        case .decade: return "P\(30 * n)M"
        case .century: return "P\(25 * n)Y"
        case .millennium: return "P\(250 * n)Y"
        case .hour: return "PT\(15 * n)M"
        case .minute: return "PT\(15 * n)S"
        case .fortnight: return "PT\(84 * n)H"
        }
    }
    /// Half a unit.
    var half: String {
        switch self {
        case .year: return "P6M"
        case .month: return "P2W"
        case .week: return "P3D"
        case .day: return "PT12H"
        case .decade: return "P5Y"
        case .century: return "P50Y"
        case .millennium: return "P500Y"
        case .hour: return "PT30M"
        case .minute: return "PT30S"
        case .fortnight: return "P1W"
        }
    }
}
