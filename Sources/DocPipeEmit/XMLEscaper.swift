/// Escaping that keeps any Swift string well-formed in XML 1.0.
///
/// XML 1.0 cannot carry U+0000–U+001F other than tab, LF and CR, nor U+FFFE/U+FFFF (surrogates cannot
/// occur in a Swift string). In character data each such character becomes
/// `<ctrl code="1B">�</ctrl>`: the code stays visible and the element holds exactly one scalar
/// (U+FFFD), so the string value of `<body>` has the same scalar offsets as the text. In attribute
/// values it becomes U+FFFD. CR is written `&#13;` (and tab/LF in attributes `&#9;`/`&#10;`) so that
/// parsers' line-end and attribute normalisation give the character back unchanged; `>` is always
/// escaped, so `]]>` cannot occur.
enum XMLEscaper {
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Character data: the UTF-8 bytes `range` of `p`.
    static func appendText(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        var runStart = range.lowerBound
        var i = range.lowerBound
        let n = range.upperBound
        while i < n {
            let b = p[i]
            if b >= 0x20 && b != 0x26 && b != 0x3C && b != 0x3E && b != 0xEF { i += 1; continue }
            var width = 1
            var code: UInt32? = nil
            var entity: StaticString? = nil
            switch b {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x0D: entity = "&#13;"
            case 0x09, 0x0A: i += 1; continue
            case 0xEF:
                if i + 2 < n, p[i + 1] == 0xBF, p[i + 2] == 0xBE || p[i + 2] == 0xBF {
                    code = p[i + 2] == 0xBE ? 0xFFFE : 0xFFFF
                    width = 3
                } else { i += 1; continue }
            default: code = UInt32(b)
            }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
            if let entity { entity.withUTF8Buffer { out.append(contentsOf: $0) } }
            if let code {
                out.append(contentsOf: Array("<ctrl code=\"".utf8))
                appendHex(code, to: &out)
                out.append(contentsOf: Array("\">".utf8))
                out.append(contentsOf: replacement)
                out.append(contentsOf: Array("</ctrl>".utf8))
            }
            i += width
            runStart = i
        }
        if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n])) }
    }

    static func appendText(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendText($0, 0..<$0.count, to: &out) }
    }

    /// An attribute value (without the quotes), for a double-quoted attribute.
    static func appendAttribute(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { p in
            let n = p.count
            var runStart = 0
            var i = 0
            while i < n {
                let b = p[i]
                if b >= 0x20 && b != 0x26 && b != 0x3C && b != 0x3E && b != 0x22 && b != 0xEF { i += 1; continue }
                var width = 1
                var rep: StaticString
                switch b {
                case 0x26: rep = "&amp;"
                case 0x3C: rep = "&lt;"
                case 0x3E: rep = "&gt;"
                case 0x22: rep = "&quot;"
                case 0x09: rep = "&#9;"
                case 0x0A: rep = "&#10;"
                case 0x0D: rep = "&#13;"
                case 0xEF:
                    if i + 2 < n, p[i + 1] == 0xBF, p[i + 2] == 0xBE || p[i + 2] == 0xBF {
                        rep = "\u{FFFD}"
                        width = 3
                    } else { i += 1; continue }
                default: rep = "\u{FFFD}"
                }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                rep.withUTF8Buffer { out.append(contentsOf: $0) }
                i += width
                runStart = i
            }
            if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n])) }
        }
    }

    /// Upper-case hex, at least two digits.
    static func appendHex(_ v: UInt32, to out: inout [UInt8]) {
        var digits: [UInt8] = []
        var x = v
        repeat { digits.append(hex[Int(x & 15)]); x >>= 4 } while x > 0
        if digits.count < 2 { digits.append(0x30) }
        out.append(contentsOf: digits.reversed())
    }
}
