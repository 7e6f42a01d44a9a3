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
        let hasAmp = text.withBytes { UTF8Bytes.find(0x26, in: $0, from: 0, to: $0.count) < $0.count }
        if !hasAmp { return .identity(text) }
        var b = TextBuilder(source: text, capacity: n)
        text.withBytes { p in
            var i = UTF8Bytes.find(0x26, in: p, from: 0, to: n)
            var lastEnd = -1
            var lastValue: [UInt8] = []
            while i < n {
                guard var ref = parseBody(p, start: i + 1) else {
                    i = UTF8Bytes.find(0x26, in: p, from: i + 1, to: n)
                    continue
                }
                // Double escaping: `&amp;` followed by another reference body.
                while ref.value == "&", let next = parseBody(p, start: ref.end) { ref = Reference(end: next.end, value: next.value, raw: next.raw) }
                let first = ref.value.utf8.first ?? 0
                if isNameByte(first) || first == 0x3B {
                    if createsReference(p, before: i, lastEnd: lastEnd, lastValue: lastValue) {
                        i = UTF8Bytes.find(0x26, in: p, from: i + 1, to: n)
                        continue
                    }
                }
                b.copy(upTo: i)
                b.replace(i..<ref.end, with: ref.value, fix: .entity)
                lastEnd = ref.end
                lastValue = Array(ref.value.utf8)
                i = UTF8Bytes.find(0x26, in: p, from: ref.end, to: n)
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

    /// The named-reference table as a dictionary: the plain form of `value(named:)`, for tests.
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

    /// Where each `name=HEX[+HEX]` entry of `EntityTable.packed` starts, in byte order of the names, so
    /// that a name is found by binary search on the bytes. Built with one scan of the packed text on
    /// first use: building `table` (2,125 strings hashed into a dictionary) cost 25 M instructions,
    /// more than decoding the references of a whole corpus.
    static let entryStarts: [Int32] = withPacked { p in
        var starts: [Int32] = []
        starts.reserveCapacity(EntityTable.count)
        var i = 0
        while i < p.count {
            starts.append(Int32(i))
            while i < p.count && p[i] != 0x20 { i += 1 }
            i += 1
        }
        // The generator writes the names sorted; sort anyway rather than rely on it.
        func name(_ s: Int32) -> UnsafeBufferPointer<UInt8> {
            var e = Int(s)
            while p[e] != 0x3D { e += 1 }
            return UnsafeBufferPointer(rebasing: p[Int(s)..<e])
        }
        if !zip(starts, starts.dropFirst()).allSatisfy({ compareName(p, Int($0.0), name($0.1)) < 0 }) {
            starts.sort { compareName(p, Int($0), name($1)) < 0 }
        }
        return starts
    }

    static func withPacked<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var packed = EntityTable.packed
        return packed.withUTF8(body)
    }

    /// The name of the entry at `s` (up to its `=`) against `name`, in byte order: negative, 0 or positive.
    static func compareName(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ name: UnsafeBufferPointer<UInt8>) -> Int {
        var k = 0
        while true {
            let a = p[s + k]
            if a == 0x3D || k == name.count { return a == 0x3D ? (k == name.count ? 0 : -1) : 1 }
            if a != name[k] { return Int(a) - Int(name[k]) }
            k += 1
        }
    }

    /// `table[name]`, found in the packed text without building the dictionary.
    static func value(named name: UnsafeBufferPointer<UInt8>) -> String? {
        let starts = entryStarts
        return withPacked { p in
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if compareName(p, Int(starts[mid]), name) < 0 { lo = mid + 1 } else { hi = mid }
            }
            guard lo < starts.count, compareName(p, Int(starts[lo]), name) == 0 else { return nil }
            // Code points in upper-case hex joined by `+`, after the `=`.
            var value = String.UnicodeScalarView()
            var i = Int(starts[lo]) + name.count + 1, v: UInt32 = 0
            while true {
                let c = i < p.count ? p[i] : 0x20
                if c == 0x20 || c == 0x2B {
                    if let s = Unicode.Scalar(v) { value.append(s) }
                    if c == 0x20 { break }
                    v = 0
                } else {
                    v = v << 4 | UInt32(c <= 0x39 ? c - 0x30 : c - 0x41 + 10)
                }
                i += 1
            }
            return String(value)
        }
    }

    /// Looks a name up (without `;`), with the case-variant rule.
    static func lookup(_ name: UnsafeBufferPointer<UInt8>) -> String? {
        if let v = value(named: name) { return v }
        var allUpper = true, restLower = true
        for (k, c) in name.enumerated() {
            if ByteScan.isAlpha(c) {
                if !ByteScan.isUpper(c) { allUpper = false }
                if k > 0 && ByteScan.isUpper(c) { restLower = false }
            }
        }
        let lower = name.map(ByteScan.lower)
        if allUpper && name.count > 1 {
            var cap = lower
            cap[0] = cap[0] & ~0x20
            if let v = cap.withUnsafeBufferPointer(value(named:)) { return v }
            return lower.withUnsafeBufferPointer(value(named:))
        }
        if restLower && ByteScan.isUpper(name[0]) { return lower.withUnsafeBufferPointer(value(named:)) }
        return nil
    }

    /// The reference starting at `amp` (an `&`), if it is one (used by the HTML aligner).
    static func reference(_ p: UnsafeBufferPointer<UInt8>, at amp: Int) -> Reference? {
        guard amp < p.count, p[amp] == 0x26 else { return nil }
        return parseBody(p, start: amp + 1)
    }
}
