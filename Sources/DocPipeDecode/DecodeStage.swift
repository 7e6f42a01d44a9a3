import DocPipeCore

/// Stage 1: bytes → text. Records the encoding, a map back to the raw bytes, and an `encoding` fix
/// for every stretch of bytes that could not be decoded.
public struct DecodeStage: ConfigurableStage {
    public static let name = "decode"
    public static let optionHelp: [(key: String, values: String, defaultValue: String)] = [
        ("fallback", FallbackEncoding.allCases.map(\.rawValue).joined(separator: "|"), "windows-1252"),
        ("detect-utf16", "true|false", "true"),
    ]

    public var fallback: FallbackEncoding
    public var detectUTF16: Bool

    public init(fallback: FallbackEncoding = .windows1252, detectUTF16: Bool = true) {
        self.fallback = fallback
        self.detectUTF16 = detectUTF16
    }

    public init(options: ConfigNode?) throws(ConfigError) {
        var r = try OptionsReader(options, stage: Self.name)
        let f = try r.choice("fallback", FallbackEncoding.allCases.map(\.rawValue), default: FallbackEncoding.windows1252.rawValue)
        fallback = FallbackEncoding(rawValue: f)!
        detectUTF16 = try r.bool("detect-utf16", default: true)
        try r.finish()
    }

    public func process(_ document: inout Document) throws {
        let d = TextDecoder.decode(document.source.bytes, fallback: fallback, detectUTF16: detectUTF16)
        document.setDecoded(text: d.text, encoding: d.encoding, rawMap: d.map)
        for r in d.replacements {
            let hex = r.bytes.map { b in
                let digits = Array("0123456789ABCDEF")
                return "\\x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
            }.joined()
            document.addDecodeFix(Fix(kind: .encoding, before: hex, after: "\u{FFFD}", range: r.range, origin: r.range,
                                      note: "bytes not valid in \(d.encoding)"))
        }
    }
}
