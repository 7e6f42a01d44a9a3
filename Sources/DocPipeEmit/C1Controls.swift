/// C1 control characters (U+0080–U+009F, UTF-8 `C2 80`–`C2 9F`) written as escapes in the raw text a
/// fix replaced (`before`): they are what Windows-1252 punctuation becomes when read as Latin-1, and
/// written as themselves (valid in JSON and XML 1.0) they are invisible to whoever reads the output.
/// Only `before` values carry them: the clean stage removes them from the text.
extension ByteSink {
    /// The offsets of the C1 controls' lead bytes in `p`, or nil when there is none.
    static func c1Controls(_ p: UnsafeBufferPointer<UInt8>) -> [Int]? {
        var at: [Int]?
        var i = 0
        while i + 1 < p.count {
            if p[i] == 0xC2, p[i + 1] & 0xE0 == 0x80 {
                at = (at ?? []) + [i]
                i += 2
            } else {
                i += 1
            }
        }
        return at
    }

    /// `s` as a JSON string, C1 controls as `\u0080`…`\u009f`.
    mutating func jsonStringShowingC1(_ s: String) {
        var s = s
        s.withUTF8 { p in
            guard let at = Self.c1Controls(p), let base = p.baseAddress else { jsonString(p); return }
            byte(UInt8(ascii: "\""))
            var from = 0
            for i in at {
                jsonEscaped(base + from, i - from)
                raw("\\u00")
                hexByte(p[i + 1])
                from = i + 2
            }
            jsonEscaped(base + from, p.count - from)
            byte(UInt8(ascii: "\""))
        }
    }

    /// `s` as an XML attribute value (without quotes), C1 controls as `&#x80;`…`&#x9F;`.
    mutating func xmlAttributeShowingC1(_ s: String) {
        var s = s
        s.withUTF8 { p in
            guard let at = Self.c1Controls(p) else { xmlAttribute(p); return }
            var from = 0
            for i in at {
                xmlAttribute(UnsafeBufferPointer(rebasing: p[from..<i]))
                raw("&#x")
                hexByte(p[i + 1])
                byte(UInt8(ascii: ";"))
                from = i + 2
            }
            xmlAttribute(UnsafeBufferPointer(rebasing: p[from...]))
        }
    }

    /// Two lower-case hex digits.
    private mutating func hexByte(_ b: UInt8) {
        let digits: StaticString = "0123456789abcdef"
        let d = digits.utf8Start
        byte(d[Int(b >> 4)])
        byte(d[Int(b & 15)])
    }
}
