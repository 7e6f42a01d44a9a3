/// A small, fast JSON writer with a fixed key order (the caller's) and deterministic bytes.
///
/// Pretty mode indents by two spaces and writes containers opened at depth ≥ 2 on one line, so the
/// document and its layer arrays are expanded and every annotation takes exactly one line. Compact
/// mode writes no whitespace at all (for JSON Lines).
struct JSONWriter {
    private(set) var out: [UInt8] = []
    private let pretty: Bool
    /// One entry per open container: number of members written so far, and whether it is inline.
    private var stack: [(count: Int, inline: Bool)] = []
    private var afterKey = false

    init(pretty: Bool, capacity: Int = 1024) {
        self.pretty = pretty
        out.reserveCapacity(capacity)
    }

    private mutating func newline(indent: Int) {
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
    }

    /// Separator and indentation before a value or a key.
    private mutating func prefix() {
        if afterKey { afterKey = false; return }
        guard let top = stack.last else { return }
        if top.count > 0 { out.append(UInt8(ascii: ",")) }
        if pretty {
            if top.inline { if top.count > 0 { out.append(0x20) } } else { newline(indent: stack.count) }
        }
        stack[stack.count - 1].count += 1
    }

    private mutating func open(_ bracket: UInt8) {
        prefix()
        let inline = pretty && (stack.count >= 2 || (stack.last?.inline ?? false))
        out.append(bracket)
        stack.append((0, inline))
    }

    private mutating func close(_ bracket: UInt8) {
        let top = stack.removeLast()
        if pretty, !top.inline, top.count > 0 { newline(indent: stack.count) }
        out.append(bracket)
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key; keys are ASCII identifiers chosen by the emitter and need no escaping.
    mutating func key(_ k: StaticString) {
        prefix()
        out.append(UInt8(ascii: "\""))
        k.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(0x20) }
        afterKey = true
    }

    mutating func value(_ s: String) {
        prefix()
        JSONWriter.appendString(s, to: &out)
    }

    mutating func value(_ n: Int) {
        prefix()
        JSONWriter.appendInt(n, to: &out)
    }

    mutating func null() {
        prefix()
        out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    /// A number: integral values without a fraction (exact up to 2^53), others in Swift's shortest round-trip form.
    mutating func value(_ d: Double) {
        prefix()
        out.append(contentsOf: JSONWriter.numberText(d).utf8)
    }

    static func numberText(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 9.007199254740992e15 { return String(Int64(d)) }
        return "\(d)"
    }

    mutating func field(_ k: StaticString, _ s: String) { key(k); value(s) }
    mutating func field(_ k: StaticString, _ n: Int) { key(k); value(n) }
    mutating func field(_ k: StaticString, _ d: Double) { key(k); value(d) }
    /// A string or null.
    mutating func field(_ k: StaticString, _ s: String?) { key(k); if let s { value(s) } else { null() } }
    /// An integer or null.
    mutating func field(_ k: StaticString, _ n: Int?) { key(k); if let n { value(n) } else { null() } }

    /// Adds a final line break (pretty files end with one).
    mutating func finishLine() { out.append(0x0A) }

    static func appendInt(_ n: Int, to out: inout [UInt8]) {
        if n >= 0 && n < 10 { out.append(0x30 &+ UInt8(truncatingIfNeeded: n)); return }
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var v = n.magnitude
        var digits = 1
        var p: UInt = 10
        while digits < 19 && v >= p { digits += 1; p &*= 10 }
        if v >= p { digits += 1 }
        let start = out.count
        out.append(contentsOf: repeatElement(0x30, count: digits))
        out.withUnsafeMutableBufferPointer { buf in
            var i = start + digits - 1
            repeat {
                buf[i] = 0x30 &+ UInt8(truncatingIfNeeded: v % 10)
                v /= 10
                i -= 1
            } while v > 0
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string: `"` and `\` escaped, control characters (and DEL) as `\n`, `\t`, …
    /// or `\u00XX`, U+2028 and U+2029 as `\u2028`/`\u2029` (so the output is also valid JavaScript);
    /// everything else as raw UTF-8.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        out.append(UInt8(ascii: "\""))
        s.withUTF8 { p in
            let n = p.count
            var runStart = 0
            var i = 0
            while i < n {
                let b = p[i]
                var esc: (UInt8, UInt8)? = nil  // (kind, payload): kind 0 = short escape, 1 = \u00XX, 2 = \u202X
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F && b != 0xE2 {
                    i += 1
                    continue
                }
                switch b {
                case 0x22: esc = (0, 0x22)
                case 0x5C: esc = (0, 0x5C)
                case 0x0A: esc = (0, UInt8(ascii: "n"))
                case 0x0D: esc = (0, UInt8(ascii: "r"))
                case 0x09: esc = (0, UInt8(ascii: "t"))
                case 0x08: esc = (0, UInt8(ascii: "b"))
                case 0x0C: esc = (0, UInt8(ascii: "f"))
                case 0xE2:
                    if i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0xA8 || p[i + 2] == 0xA9 { esc = (2, p[i + 2] == 0xA8 ? 8 : 9) }
                default: esc = (1, b)  // other C0 controls and DEL
                }
                guard let (kind, payload) = esc else { i += 1; continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                out.append(0x5C)
                switch kind {
                case 0:
                    out.append(payload)
                    i += 1
                case 1:
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(payload >> 4)], hex[Int(payload & 15)]])
                    i += 1
                default:
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x32, 0x30, 0x32, 0x30 + payload])
                    i += 3
                }
                runStart = i
            }
            if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
