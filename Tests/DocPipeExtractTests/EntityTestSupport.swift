import DocPipeCore
@testable import DocPipeExtract

/// A document for `text`; each `(short, long)` pair becomes an acronym definition at every `long (short)`.
func entityDocument(_ text: String, acronyms: [(String, String)] = []) -> Document {
    var doc = Document(id: "t", source: SourceFile(path: "t.txt", bytes: Array(text.utf8)))
    doc.setDecoded(text: text, encoding: "utf-8", rawMap: OffsetMap(identity: text.utf8.count))
    doc.tokens = Tokenizer.tokens(in: text)
    var defs: [Acronym] = []
    let bytes = Array(text.utf8)
    for (short, long) in acronyms {
        let needle = Array((long + " (" + short + ")").utf8)
        var i = 0
        while i + needle.count <= bytes.count {
            if Array(bytes[i..<(i + needle.count)]) == needle {
                let l = long.utf8.count
                defs.append(Acronym(short: short, long: long, range: (i + l + 2)..<(i + l + 2 + short.utf8.count), longRange: i..<(i + l)))
                i += needle.count
            } else {
                i += 1
            }
        }
    }
    doc.acronyms = defs.sorted { $0.range.lowerBound < $1.range.lowerBound }
    return doc
}

struct EntityRow: Equatable, CustomStringConvertible {
    var kind: String, text: String, norm: String, ref: String?
    var description: String { "\(kind) “\(text)” = \(norm)" + (ref.map { " → \($0)" } ?? "") }
}

func recogniseEntities(_ text: String, acronyms: [(String, String)] = []) -> [EntityRow] {
    let doc = entityDocument(text, acronyms: acronyms)
    let ents = EntityRecognizer.entities(in: doc)
    // Ids are e1… in order.
    for (k, e) in ents.enumerated() { precondition(e.id == "e\(k + 1)") }
    return ents.map { EntityRow(kind: $0.kind.rawValue, text: text.utf8Slice($0.range), norm: $0.normalized ?? "", ref: $0.refersTo) }
}

/// `KIND:text` of every entity.
func entitySpans(_ text: String) -> [String] { recogniseEntities(text).map { "\($0.kind):\($0.text)" } }
