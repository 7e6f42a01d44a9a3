import DocPipeCore

/// The identifiers of the published format, shared by the JSON and XML emitters.
public enum DocumentFormat {
    /// Schema id written in every document (`schema` key in JSON, `schema` attribute in XML).
    public static let schemaID = "docpipe.document/1"
    /// XML namespace of the document format.
    public static let xmlNamespace = "urn:docpipe:document:1"
    /// What `start`/`end` count.
    public static let offsets = "unicode-scalars"
}

/// Where an annotation stands: scalar offsets in the current text, and 1-based line/column in the raw file.
struct Location {
    var start: Int
    var end: Int
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
}

/// Converts the UTF-8 ranges of a document's layers into the locations the formats publish.
///
/// One ``ScalarIndex`` over the current text is built once per document; each conversion is then a
/// bounded scan plus two binary searches, so locating every annotation stays linear overall.
struct Locator {
    let doc: Document
    private let scalars: FastScalarIndex
    private let raw: RawPositions
    let textBytes: Int
    let originalBytes: Int
    let scalarCount: Int

    init(_ doc: Document) {
        self.doc = doc
        scalars = FastScalarIndex(doc.text)
        raw = RawPositions(doc)
        textBytes = doc.text.utf8.count
        originalBytes = doc.original.utf8.count
        scalarCount = scalars.scalarOffset(textBytes)
    }

    /// A range clamped to the text (ranges are never out of bounds in a sound pipeline; the output stays valid if one is).
    func clamp(_ r: Range<Int>) -> Range<Int> {
        let a = min(max(r.lowerBound, 0), textBytes)
        let b = min(max(r.upperBound, a), textBytes)
        return a..<b
    }

    /// Location of a range of the current text; line/column through the document's source map
    /// (the same as `Document.rawSpan(of:)`). The end position is computed only when `withEnd`.
    func locate(_ range: Range<Int>, withEnd: Bool = false) -> Location {
        let r = clamp(range)
        let o = doc.origin(of: r)
        let a = raw.position(o.lowerBound)
        let b = withEnd ? raw.position(o.upperBound) : a
        return Location(start: scalars.scalarOffset(r.lowerBound), end: scalars.scalarOffset(r.upperBound),
                        line: a.line, column: a.column, endLine: b.line, endColumn: b.column)
    }

    /// Location of a fix: offsets in the current text, line/column where the replaced original text started.
    func locate(_ fix: Fix) -> Location {
        let r = clamp(fix.range)
        let a = min(max(fix.origin.lowerBound, 0), originalBytes)
        let p = raw.position(a)
        return Location(start: scalars.scalarOffset(r.lowerBound), end: scalars.scalarOffset(r.upperBound),
                        line: p.line, column: p.column, endLine: p.line, endColumn: p.column)
    }

    /// Location of a diagnostic; a finding about the whole document (nil range) spans the whole text:
    /// start 0, end = length, line 1 column 1 to the end of the raw file.
    func locate(_ diagnostic: Diagnostic) -> Location {
        if let r = diagnostic.range, let o = diagnostic.origin {
            // About text the cleaner removed: offsets where it was, line/column where it stood in the raw file.
            let c = clamp(r)
            let a = raw.position(min(o.lowerBound, originalBytes)), b = raw.position(min(o.upperBound, originalBytes))
            return Location(start: scalars.scalarOffset(c.lowerBound), end: scalars.scalarOffset(c.upperBound),
                            line: a.line, column: a.column, endLine: b.line, endColumn: b.column)
        }
        if let r = diagnostic.range { return locate(r, withEnd: true) }
        let end = raw.position(originalBytes)
        return Location(start: 0, end: scalarCount, line: 1, column: 1, endLine: end.line, endColumn: end.column)
    }
}
