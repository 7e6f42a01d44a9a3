import DocPipeCore
@testable import DocPipeTestSupport
import DocPipeEmit
import Foundation

/// Paths and shared validators of the emitter tests.
enum Support {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let jsonSchemaPath = repoRoot.appendingPathComponent("Schemas/docpipe-document-1.schema.json").path
    static let xsdPath = repoRoot.appendingPathComponent("Schemas/docpipe-document-1.xsd").path

    static func jsonSchemaValidator() throws -> JSONSchemaValidator {
        let data = try Data(contentsOf: URL(fileURLWithPath: jsonSchemaPath))
        return try JSONSchemaValidator(schemaBytes: [UInt8](data))
    }

    static func xsdValidator() throws -> XSDValidator { try XSDValidator(path: xsdPath) }

    /// The text as the XML body carries it: characters XML 1.0 cannot carry become U+FFFD.
    static func xmlVisible(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            let bad = (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
            out.append(bad ? "\u{FFFD}" : u)
        }
        return String(out)
    }

    /// Python-style slice of a string by Unicode-scalar offsets.
    static func slice(_ s: String, _ start: Int, _ end: Int) -> String {
        let u = Array(s.unicodeScalars)
        var v = String.UnicodeScalarView()
        v.append(contentsOf: u[start..<end])
        return String(v)
    }

    /// Number of scalars in the first `bytes` UTF-8 bytes of `s`.
    /// The UTF-8 offsets of every scalar boundary of `s`, 0 and the end included: where random
    /// annotation ranges may start and end without cutting a character's bytes.
    static func scalarBounds(_ s: String) -> [Int] {
        var bounds = [0]
        var o = 0
        for u in s.unicodeScalars { o += String(u).utf8.count; bounds.append(o) }
        return bounds
    }

    static func scalars(_ s: String, upTo bytes: Int) -> Int {
        String(decoding: Array(s.utf8.prefix(bytes)), as: UTF8.self).unicodeScalars.count
    }
}


extension Fixtures {
    static let alphabet: [String] = ["a", "b", " ", " ", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1B}", "<", "&", ">", "\"", "'", "]", "]]>",
                                     "é", "€", "😀", "\u{FFFE}", "\u{FFFF}", "\u{2028}", "\u{2029}", "\\", "\u{7F}", "e\u{301}",
                                     "\u{92}", "Ä\u{81}", "\u{A0}"]

    /// A random document: random text, and random (overlapping, empty, crossing) annotations on scalar boundaries.
    static func random(_ rng: inout SplitMix) -> Document {
        var text = ""
        for _ in 0..<Int.random(in: 0...(Bool.random(using: &rng) ? 40 : 400), using: &rng) { text += alphabet.randomElement(using: &rng)! }
        var doc = decoded(text, id: "r/\(rng.next() % 1000)")
        let bounds = Support.scalarBounds(text)
        func range() -> Range<Int> {
            let a = bounds.randomElement(using: &rng)!, b = bounds.randomElement(using: &rng)!
            return min(a, b)..<max(a, b)
        }
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            let r = range()
            doc.fixes.append(Fix(kind: Fix.Kind.allCases.randomElement(using: &rng)!, before: alphabet.randomElement(using: &rng)!,
                                 after: text.utf8Slice(r), range: r, origin: range(), note: Bool.random(using: &rng) ? "n\u{1}" : nil))
        }
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            let kind: Block.Kind = [.heading, .paragraph, .listItem].randomElement(using: &rng)!
            doc.blocks.append(Block(kind: kind, level: kind == .heading ? Int.random(in: 1...6, using: &rng) : 0, range: range()))
        }
        for _ in 0..<Int.random(in: 0...5, using: &rng) { doc.sentences.append(Sentence(range: range())) }
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            doc.diagnostics.append(Diagnostic(rule: "duplicate-sentence", severity: Severity.allCases.randomElement(using: &rng)!,
                                              message: alphabet.randomElement(using: &rng)!, range: Bool.random(using: &rng) ? range() : nil,
                                              related: (0..<Int.random(in: 0...2, using: &rng)).map { _ in .init(range: range(), message: "r") }))
        }
        return doc
    }
}
