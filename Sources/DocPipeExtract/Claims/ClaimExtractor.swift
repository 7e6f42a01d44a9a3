import DocPipeCore

// PLACEHOLDER — replaced by the quantities/claims work.
enum ClaimExtractor {
    static func claims(in document: Document) -> [Claim] { [] }
}
