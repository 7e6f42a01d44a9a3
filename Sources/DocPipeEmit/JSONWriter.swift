import DocPipeCore

/// A small, fast JSON writer with a fixed key order (the caller's) and deterministic bytes.
///
/// Pretty mode indents by two spaces and writes containers opened at depth ≥ 2 (by default) on one
/// line, so the document and its layer arrays are expanded and every annotation takes exactly one
/// line. Compact
/// mode writes no whitespace at all (for JSON Lines).
struct JSONWriter {
    private(set) var out: [UInt8] = []
    private let pretty: Bool
    /// One entry per open container: number of members written so far, and whether it is inline.
    private var stack: [(count: Int, inline: Bool)] = []
    private var afterKey = false

    /// Containers opened at this depth or deeper are written on one line (pretty mode).
    private let inlineDepth: Int

    init(pretty: Bool, capacity: Int = 1024, inlineDepth: Int = 2) {
        self.pretty = pretty
        self.inlineDepth = inlineDepth
        out.reserveCapacity(capacity)
    }

    /// A writer for the elements of an expanded array at depth `inlineDepth - 1`, as if `before`
    /// elements had been written: pieces of one array written separately and concatenated read as if
    /// written in one go (each element starts with its separator and line break).
    init(elementsOfArrayAt inlineDepth: Int, before: Int, capacity: Int) {
        self.init(pretty: true, capacity: capacity, inlineDepth: inlineDepth)
        stack = [(count: Int, inline: Bool)](repeating: (1, false), count: inlineDepth - 1) + [(before, false)]
    }

    /// Records `n` elements written into the innermost open container by someone else (the pieces of
    /// `init(elementsOfArrayAt:before:capacity:)`), for its separators and closing line break.
    mutating func addedElements(_ n: Int) {
        stack[stack.count - 1].count += n
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

    private mutating func open(_ bracket: UInt8, expanded: Bool = false) {
        prefix()
        let inline = pretty && ((stack.count >= inlineDepth && !expanded) || (stack.last?.inline ?? false))
        out.append(bracket)
        stack.append((0, inline))
    }

    private mutating func close(_ bracket: UInt8) {
        let top = stack.removeLast()
        if pretty, !top.inline, top.count > 0 { newline(indent: stack.count) }
        out.append(bracket)
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    /// An object written over several lines although at `inlineDepth` or deeper (not inside a one-line container).
    mutating func beginExpandedObject() { open(UInt8(ascii: "{"), expanded: true) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    /// An array written one element per line although at `inlineDepth` or deeper (not inside a one-line container).
    mutating func beginExpandedArray() { open(UInt8(ascii: "["), expanded: true) }
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

    /// Hands over the bytes written so far and goes on with an empty buffer (for output streamed in pieces).
    mutating func take() -> [UInt8] {
        let bytes = out
        out = []
        out.reserveCapacity(bytes.capacity)
        return bytes
    }

    static func appendInt(_ n: Int, to out: inout [UInt8]) {
        out.append(contentsOf: ByteSink.collect(estimate: 20) { $0.int(n) })
    }

    /// Appends `s` as a JSON string (see `ByteSink.jsonString`).
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(contentsOf: ByteSink.collect(estimate: s.utf8.count + 16) { $0.jsonString(s) })
    }
}

extension ByteSink {
    /// `s` as a JSON string: `"` and `\` escaped, control characters (and DEL) as `\n`, `\t`, …
    /// or `\u00XX`, U+2028 and U+2029 as `\u2028`/`\u2029` (so the output is also valid JavaScript);
    /// everything else as raw UTF-8.
    mutating func jsonString(_ s: String) {
        // Read in place: `withUTF8` needs a copy of the string (a retain and a release per call).
        if s.utf8.withContiguousStorageIfAvailable({ shortJSONString($0) }) != nil { return }
        var s = s
        s.withUTF8 { shortJSONString($0) }
    }

    /// `jsonString(p)`, with short clean values (ids, names, numbers) copied here rather than in that
    /// larger function (no call, and fewer registers saved).
    @inline(__always)
    mutating func shortJSONString(_ p: UnsafeBufferPointer<UInt8>) {
        if p.count <= 16, let s = p.baseAddress, shortClean(s, p.count, quote: UInt8(ascii: "\""), any: ByteSink.anyJSONCandidate) { return }
        jsonString(p)
    }

    /// The UTF-8 bytes `p` as a JSON string, escaped as the `String` variant says.
    mutating func jsonString(_ p: UnsafeBufferPointer<UInt8>) {
        guard let s = p.baseAddress else { raw("\"\""); return }
        let n = p.count
        // Most values are short (ids, kinds, names, numbers, slices of a sentence): when none of their
        // bytes is a candidate, one test per word and one copy between the quotes.
        if n <= ByteSink.maxCleanRun && ByteSink.isCleanValue(s, n, any: ByteSink.anyJSONCandidate, block: JSONBlockTest.self) {
            reserve(n &+ 2)
            uncheckedByte(UInt8(ascii: "\""))
            uncheckedBytes(s, n)
            uncheckedByte(UInt8(ascii: "\""))
            return
        }
        byte(UInt8(ascii: "\""))
        jsonEscaped(s, n)
        byte(UInt8(ascii: "\""))
    }

    /// 0x80 in each byte of `w` that a JSON string cannot carry as is: controls, `"`, `\\`, DEL, and
    /// 0xE2 (the lead byte of U+2028/U+2029). Each lane is judged alone.
    @inline(__always)
    static func jsonCandidates(_ w: UInt64) -> UInt64 {
        UTF8Bytes.bytesBelow(w, 0x20) | UTF8Bytes.bytesEqual(w, 0x22) | UTF8Bytes.bytesEqual(w, 0x5C)
            | UTF8Bytes.bytesEqual(w, 0x7F) | UTF8Bytes.bytesEqual(w, 0xE2)
    }

    /// Nonzero exactly when `jsonCandidates(w)` is, in fewer operations (see ``ByteSink/anyBelow(_:_:)``).
    @inline(__always)
    static func anyJSONCandidate(_ w: UInt64) -> UInt64 {
        (anyBelow(w, 0x20) | anyEqual(w, 0x22) | anyEqual(w, 0x5C) | anyEqual(w, 0x7F) | anyEqual(w, 0xE2)) & 0x8080_8080_8080_8080
    }

    /// The escaped bytes without quotes. Clean runs are found eight bytes at a time and copied whole.
    mutating func jsonEscaped(_ s: UnsafePointer<UInt8>, _ n: Int) {
        let hex = ByteSink.lowerHex.utf8Start
        var runStart = 0
        var i = 0
        while i < n {
            // Candidates: controls, `"`, `\`, DEL, and 0xE2 (the lead byte of U+2028/U+2029).
            i = ByteSink.skipCleanToEnd(s, from: i, to: n, any: ByteSink.anyJSONCandidate, block: JSONBlockTest.self,
                                        ByteSink.jsonCandidates)
            guard i < n else { break }
            let b = s[i]
            var short: UInt8 = 0
            switch b {
            case 0x22: short = 0x22
            case 0x5C: short = 0x5C
            case 0x0A: short = UInt8(ascii: "n")
            case 0x0D: short = UInt8(ascii: "r")
            case 0x09: short = UInt8(ascii: "t")
            case 0x08: short = UInt8(ascii: "b")
            case 0x0C: short = UInt8(ascii: "f")
            case 0xE2:
                // U+2028/U+2029 are E2 80 A8/A9; any other E2 sequence is copied.
                guard i &+ 2 < n, s[i &+ 1] == 0x80, s[i &+ 2] == 0xA8 || s[i &+ 2] == 0xA9 else { i &+= 1; continue }
            case 0x20..<0x7F, 0x80...0xFF: i &+= 1; continue
            default: break  // other C0 controls and DEL: \u00XX
            }
            bytes(s + runStart, i &- runStart)
            reserve(6)
            let o = base + count
            o[0] = 0x5C
            if short != 0 {
                o[1] = short
                count &+= 2
                i &+= 1
            } else if b == 0xE2 {
                o[1] = UInt8(ascii: "u"); o[2] = 0x32; o[3] = 0x30; o[4] = 0x32
                o[5] = s[i &+ 2] == 0xA8 ? 0x38 : 0x39
                count &+= 6
                i &+= 3
            } else {
                o[1] = UInt8(ascii: "u"); o[2] = 0x30; o[3] = 0x30
                o[4] = hex[Int(b >> 4)]
                o[5] = hex[Int(b & 15)]
                count &+= 6
                i &+= 1
            }
            runStart = i
        }
        bytes(s + runStart, n &- runStart)
    }

    static let lowerHex: StaticString = "0123456789abcdef"
}

/// Whether one of sixteen bytes is one ``ByteSink/jsonCandidates(_:)`` marks.
struct JSONBlockTest: ByteBlockTest {
    private let controls = SIMD16<UInt8>(repeating: 0x20), quote = SIMD16<UInt8>(repeating: 0x22)
    private let backslash = SIMD16<UInt8>(repeating: 0x5C), delete = SIMD16<UInt8>(repeating: 0x7F), e2 = SIMD16<UInt8>(repeating: 0xE2)

    @inline(__always)
    func marks(_ v: SIMD16<UInt8>) -> Bool {
        Self.anyLane((v .< controls) .| (v .== quote) .| (v .== backslash) .| (v .== delete) .| (v .== e2))
    }
}
