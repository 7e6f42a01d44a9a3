/// C1 control characters (U+0080–U+009F, UTF-8 `C2 80`–`C2 9F`) written as escapes in the raw text a
/// fix replaced (`before`): they are what Windows-1252 punctuation becomes when read as Latin-1, and
/// written as themselves (valid in JSON and XML 1.0) they are invisible to whoever reads the output.
/// Only `before` values carry them: the clean stage removes them from the text.
extension ByteSink {
    /// The offset of the first C1 control's lead byte in `p` at or after `i`, or `p.count`.
    static func nextC1Control(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        while i + 1 < p.count {
            if p[i] == 0xC2, p[i + 1] & 0xE0 == 0x80 { return i }
            i += 1
        }
        return p.count
    }

    /// `s` as a JSON string, C1 controls as `\u0080`…`\u009f`.
    mutating func jsonStringShowingC1(_ s: String) {
        var s = s
        s.withUTF8 { p in
            var c = Self.nextC1Control(p, from: 0)
            guard c < p.count, let base = p.baseAddress else { jsonString(p); return }
            byte(UInt8(ascii: "\""))
            var from = 0
            while c < p.count {
                jsonEscaped(base + from, c - from)
                raw("\\u00")
                hexByte(p[c + 1])
                from = c + 2
                c = Self.nextC1Control(p, from: from)
            }
            jsonEscaped(base + from, p.count - from)
            byte(UInt8(ascii: "\""))
        }
    }

    /// `s` as an XML attribute value (without quotes), C1 controls as `&#x80;`…`&#x9f;`.
    mutating func xmlAttributeShowingC1(_ s: String) {
        var s = s
        s.withUTF8 { p in
            var from = 0
            var c = Self.nextC1Control(p, from: 0)
            while c < p.count {
                xmlAttribute(UnsafeBufferPointer(rebasing: p[from..<c]))
                raw("&#x")
                hexByte(p[c + 1])
                byte(UInt8(ascii: ";"))
                from = c + 2
                c = Self.nextC1Control(p, from: from)
            }
            xmlAttribute(UnsafeBufferPointer(rebasing: p[from...]))
        }
    }

    /// Two lower-case hex digits.
    private mutating func hexByte(_ b: UInt8) {
        let d = ByteSink.lowerHex.utf8Start
        byte(d[Int(b >> 4)])
        byte(d[Int(b & 15)])
    }
}
