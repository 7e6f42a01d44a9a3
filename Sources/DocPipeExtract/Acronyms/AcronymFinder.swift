import DocPipeCore

// PLACEHOLDER — replaced by the acronym work.
enum AcronymFinder {
    static func definitions(in document: Document) -> [Acronym] { [] }
}
