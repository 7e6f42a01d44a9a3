import DocPipeCore

/// Decodes character references (`&eacute;`, `&#8217;`, `&#x2014;`) in text, one `.entity` fix each.
///
/// Rules (decisions, see also the module README):
/// - **Named references need their semicolon.** `&copy` and `AT&T`, `R&D`, `Q&A;` stay as they are;
///   a name is decoded only when it is in the HTML5 table (``EntityTable``) and ends with `;`.
/// - **Case variants.** A name not in the table is retried, when it is all capitals (`&EACUTE;`), in the
///   capitalised form (`Eacute` → `É`) and then in lower case (`&NBSP;` → `nbsp`); a name with a capital
///   first letter and the rest lower case (`&Nbsp;`) is retried in lower case. Nothing else is guessed.
/// - **Numeric references** (`&#…;`, `&#x…;`, `&#X…;`) also need `;`. Code points 0x80–0x9F are read as
///   Windows-1252, as browsers do (`&#146;` → `’`); the five undefined ones keep their code point.
///   0, surrogates and values above 0x10FFFF become U+FFFD (still a `.entity` fix).
/// - **Double escaping.** A reference that decodes to `&` immediately followed by another reference body
///   (`&amp;eacute;`, `&amp;amp;lt;`, `&#38;#233;`) is decoded through the chain in one fix
///   (`&amp;eacute;` → `é`). A reference whose value starts with a letter, digit, `#` or `;` is left alone
///   when the text before it ends in `&` plus name characters (`&&#101;acute;`), since decoding it would
///   create a new reference. Together these make ``rewrite(_:)`` idempotent.
public enum EntityDecoder {
    /// Decodes every character reference in `text`.
    public static func rewrite(_ text: String) -> Rewrite {
        var text = text
        text.makeContiguousUTF8()
        let n = text.utf8.count
        let hasAmp = text.withBytes { ByteScan.find(0x26, in: $0, from: 0, to: $0.count) < $0.count }
        if !hasAmp { return .identity(text) }
        var b = TextBuilder(source: text, capacity: n)
        text.withBytes { p in
            var i = ByteScan.find(0x26, in: p, from: 0, to: n)
            var lastEnd = -1
            var lastValue: [UInt8] = []
            while i < n {
                guard var ref = parseBody(p, start: i + 1) else {
                    i = ByteScan.find(0x26, in: p, from: i + 1, to: n)
                    continue
                }
                // Double escaping: `&amp;` followed by another reference body.
                while ref.value == "&", let next = parseBody(p, start: ref.end) { ref = Reference(end: next.end, value: next.value, raw: next.raw) }
                let first = ref.value.utf8.first ?? 0
                if isNameByte(first) || first == 0x3B {
                    if createsReference(p, before: i, lastEnd: lastEnd, lastValue: lastValue) {
                        i = ByteScan.find(0x26, in: p, from: i + 1, to: n)
                        continue
                    }
                }
                b.copy(upTo: i)
                b.replace(i..<ref.end, with: ref.value, fix: .entity)
                lastEnd = ref.end
                lastValue = Array(ref.value.utf8)
                i = ByteScan.find(0x26, in: p, from: ref.end, to: n)
            }
        }
        return b.finish()
    }

    /// A parsed reference: where it ends (after `;`), its value, and the numeric code point as written.
    struct Reference {
        var end: Int
        var value: String
        /// For numeric references, the code point as written (before the Windows-1252 reading).
        var raw: UInt32?
    }

    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool { ByteScan.isAlnum(b) || b == 0x23 }

    /// Whether the output so far ends in `&` plus name characters (so a decoded name character would
    /// form a new reference). Looks back over the input copied since the last replacement, then into it.
    static func createsReference(_ p: UnsafeBufferPointer<UInt8>, before i: Int, lastEnd: Int, lastValue: [UInt8]) -> Bool {
        var j = i - 1
        var steps = 0
        while j >= 0, j >= lastEnd, steps < 40 {
            let c = p[j]
            if c == 0x26 { return true }
            if !isNameByte(c) { return false }
            j -= 1; steps += 1
        }
        if lastEnd >= 0 && j < lastEnd {
            for c in lastValue.reversed() {
                if c == 0x26 { return true }
                if !isNameByte(c) { return false }
            }
        }
        return false
    }

    /// Parses a reference body starting at `start` (just after an `&`).
    static func parseBody(_ p: UnsafeBufferPointer<UInt8>, start: Int) -> Reference? {
        let n = p.count
        guard start < n else { return nil }
        if p[start] == 0x23 { return parseNumeric(p, start: start + 1) }
        guard ByteScan.isAlpha(p[start]) else { return nil }
        var j = start + 1
        while j < n, j - start <= EntityTable.longestName, ByteScan.isAlnum(p[j]) { j += 1 }
        guard j < n, p[j] == 0x3B, j - start <= EntityTable.longestName else { return nil }
        guard let v = lookup(UnsafeBufferPointer(rebasing: p[start..<j])) else { return nil }
        return Reference(end: j + 1, value: v, raw: nil)
    }

    static func parseNumeric(_ p: UnsafeBufferPointer<UInt8>, start: Int) -> Reference? {
        let n = p.count
        var j = start
        var hex = false
        if j < n, p[j] | 0x20 == 0x78 { hex = true; j += 1 }
        let digitsStart = j
        var v: UInt64 = 0
        while j < n, j - digitsStart < 32 {
            let c = p[j]
            var d: UInt64
            if ByteScan.isDigit(c) { d = UInt64(c - 0x30) }
            else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { d = UInt64((c | 0x20) - 0x61 + 10) }
            else { break }
            v = min(v * (hex ? 16 : 10) + d, 0x7FFF_FFFF)
            j += 1
        }
        guard j > digitsStart, j < n, p[j] == 0x3B else { return nil }
        let raw = UInt32(v)
        return Reference(end: j + 1, value: String(Character(numericValue(raw))), raw: raw)
    }

    /// The character a numeric reference stands for, as browsers read it.
    static func numericValue(_ v: UInt32) -> Unicode.Scalar {
        if v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return "\u{FFFD}" }
        if v >= 0x80 && v <= 0x9F {
            let w = windows1252[Int(v - 0x80)]
            return Unicode.Scalar(w == 0 ? v : UInt32(w))!
        }
        return Unicode.Scalar(v)!
    }

    /// Windows-1252 0x80–0x9F (0 = undefined, the code point is kept).
    static let windows1252: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The named-reference table, parsed once on first use (thread-safe lazy static).
    static let table: [String: String] = {
        var d: [String: String] = [:]
        d.reserveCapacity(EntityTable.count)
        for entry in EntityTable.packed.split(separator: " ") {
            guard let eq = entry.firstIndex(of: "=") else { continue }
            var value = ""
            for h in entry[entry.index(after: eq)...].split(separator: "+") {
                if let v = UInt32(h, radix: 16), let s = Unicode.Scalar(v) { value.unicodeScalars.append(s) }
            }
            d[String(entry[..<eq])] = value
        }
        return d
    }()

    /// Looks a name up (without `;`), with the case-variant rule.
    static func lookup(_ name: UnsafeBufferPointer<UInt8>) -> String? {
        let s = String(decoding: name, as: UTF8.self)
        if let v = table[s] { return v }
        var allUpper = true, restLower = true
        for (k, c) in name.enumerated() {
            if ByteScan.isAlpha(c) {
                if !ByteScan.isUpper(c) { allUpper = false }
                if k > 0 && ByteScan.isUpper(c) { restLower = false }
            }
        }
        let lower = String(decoding: name.map(ByteScan.lower), as: UTF8.self)
        if allUpper && name.count > 1 {
            var cap = Array(lower.utf8)
            cap[0] = cap[0] & ~0x20
            if let v = table[String(decoding: cap, as: UTF8.self)] { return v }
            return table[lower]
        }
        if restLower && ByteScan.isUpper(name[0]) { return table[lower] }
        return nil
    }

    /// The reference starting at `amp` (an `&`), if it is one (used by the HTML aligner).
    static func reference(_ p: UnsafeBufferPointer<UInt8>, at amp: Int) -> Reference? {
        guard amp < p.count, p[amp] == 0x26 else { return nil }
        return parseBody(p, start: amp + 1)
    }
}
