import DocPipeCore

// PLACEHOLDER — replaced by the quantities/claims work.
enum QuantityExtractor {
    static func quantities(in document: Document) -> [Quantity] { [] }
}
