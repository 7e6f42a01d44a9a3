/// The raw input: immutable bytes and what is known of them before decoding.
public struct SourceFile: Sendable {
    /// Path as the user named it (relative to the working directory when given so).
    public let path: String
    public let bytes: [UInt8]
    /// Lower-case hex SHA-256 of `bytes`.
    public let sha256: String
    /// `text/html` or `text/plain`, from the file name and a sniff of the first bytes.
    public let mediaType: String

    public init(path: String, bytes: [UInt8], mediaType: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.sha256 = SHA256.hex(bytes)
        self.mediaType = mediaType ?? SourceFile.guessMediaType(path: path, bytes: bytes)
    }

    /// HTML when the name says so, or when the file starts (after a BOM and space) with `<!doctype html` or `<html`.
    public static func guessMediaType(path: String, bytes: [UInt8]) -> String {
        let lower = path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return "text/html" }
        var head = bytes.prefix(512).filter { $0 != 0 }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        let s = String(decoding: head, as: UTF8.self).lowercased().drop { $0.isWhitespace || $0 == "\u{FEFF}" || $0 == "\u{FFFD}" }
        if s.hasPrefix("<!doctype html") || s.hasPrefix("<html") { return "text/html" }
        return "text/plain"
    }
}

/// A document flowing through the pipeline: the source, the current text, the map from the current
/// text back to the raw file, and the layers the stages add. Stages share nothing else.
public struct Document: Sendable {
    /// Identifier: the path relative to the input root, without extension (`a/b` for `Input/a/b.txt`).
    public let id: String
    public let source: SourceFile
    /// The detected encoding (`utf-8`, `utf-16le`, `windows-1252`, …); nil before decoding.
    public private(set) var encoding: String?
    /// The text as decoded, before any cleaning: line and column are counted in it.
    public private(set) var original: String = ""
    public private(set) var originalLines = LineIndex("")
    /// Maps UTF-8 offsets of `original` to byte offsets of `source.bytes`.
    public private(set) var rawMap = OffsetMap(identity: 0)
    /// The current text.
    public private(set) var text: String = ""
    /// Maps UTF-8 offsets of `text` to UTF-8 offsets of `original`.
    public private(set) var map = OffsetMap(identity: 0)
    /// The media type the cleaner treated the text as (it may find HTML in a .txt file).
    public var mediaType: String

    public var fixes: [Fix] = []
    public var blocks: [Block] = []
    public var sentences: [Sentence] = []
    public var tokens: [Token] = []
    public var entities: [Entity] = []
    public var acronyms: [Acronym] = []
    public var dates: [TimeExpression] = []
    public var quantities: [Quantity] = []
    public var claims: [Claim] = []
    public var diagnostics: [Diagnostic] = []
    /// Damage the cleaner could not repair.
    public var residue: [Residue] = []
    /// Names of the stages that have run, in order.
    public var stagesRun: [String] = []

    public init(id: String, source: SourceFile) {
        self.id = id
        self.source = source
        self.mediaType = source.mediaType
    }

    /// Sets the decoded text; called once, by the decode stage.
    public mutating func setDecoded(text: String, encoding: String, rawMap: OffsetMap) {
        self.encoding = encoding
        original = text
        originalLines = LineIndex(text)
        self.rawMap = rawMap
        self.text = text
        map = OffsetMap(identity: text.utf8.count)
    }

    /// Replaces the text with the result of a pass over it, composing the source map and carrying
    /// every layer's ranges over to the new text. Returns whether the pass changed anything.
    @discardableResult
    public mutating func apply(_ rewrite: Rewrite) -> Bool {
        // A pass that only copied changed nothing (the map alone proves it).
        if rewrite.fixes.isEmpty && rewrite.map.isIdentity && rewrite.map.targetLength == text.utf8.count { return false }
        let step = rewrite.map
        let oldRanges = fixes.map(\.range)
        for i in fixes.indices { fixes[i].range = step.targetRange(ofSource: fixes[i].range) }
        for i in blocks.indices { blocks[i].range = step.targetRange(ofSource: blocks[i].range) }
        for i in sentences.indices { sentences[i].range = step.targetRange(ofSource: sentences[i].range) }
        for i in residue.indices { residue[i].range = step.targetRange(ofSource: residue[i].range) }
        for i in diagnostics.indices {
            if let r = diagnostics[i].range { diagnostics[i].range = step.targetRange(ofSource: r) }
            for j in diagnostics[i].related.indices {
                diagnostics[i].related[j].range = step.targetRange(ofSource: diagnostics[i].related[j].range)
            }
        }
        // A fix that rewrites exactly what an earlier fix produced continues it (`<h3<` → `<h3>` → ``
        // is one fix, `<h3<` → ``): `before` stays the raw text, `after` becomes the final text.
        var byOldRange: [Range<Int>: Int] = [:]
        if !rewrite.fixes.isEmpty {
            for i in fixes.indices where !oldRanges[i].isEmpty { byOldRange[oldRanges[i]] = i }
        }
        for f in rewrite.fixes {
            if let i = byOldRange[f.oldRange], fixes[i].kind == f.kind {
                fixes[i].after = f.after
                fixes[i].range = f.newRange
                if let n = f.note { fixes[i].note = fixes[i].note.map { $0 + "; " + n } ?? n }
                continue
            }
            let origin = map.sourceRange(f.oldRange)
            fixes.append(Fix(kind: f.kind, before: f.before, after: f.after, range: f.newRange, origin: origin, note: f.note))
        }
        map = step.composed(with: map)
        text = rewrite.text
        return true
    }

    /// Records a fix made while decoding (the text is the original then).
    public mutating func addDecodeFix(_ fix: Fix) { fixes.append(fix) }

    /// The range of the original text a range of the current text came from.
    public func origin(of range: Range<Int>) -> Range<Int> { map.sourceRange(range) }

    /// 1-based line and column (Unicode scalars) in the raw file of an offset in the original text.
    public func rawPosition(ofOriginal offset: Int) -> (line: Int, column: Int) { originalLines.position(of: offset) }

    /// 1-based line and column in the raw file where a range of the current text starts and ends.
    public func rawSpan(of range: Range<Int>) -> (line: Int, column: Int, endLine: Int, endColumn: Int) {
        let o = origin(of: range)
        let a = originalLines.position(of: o.lowerBound)
        let b = originalLines.position(of: o.upperBound)
        return (a.line, a.column, b.line, b.column)
    }

    /// Where a diagnostic stands in the raw file: its `origin` when set, else where its range came from.
    public func rawSpan(of diagnostic: Diagnostic) -> (line: Int, column: Int, endLine: Int, endColumn: Int)? {
        if let o = diagnostic.origin {
            let a = originalLines.position(of: o.lowerBound), b = originalLines.position(of: o.upperBound)
            return (a.line, a.column, b.line, b.column)
        }
        return diagnostic.range.map { rawSpan(of: $0) }
    }

    /// Byte range of the raw file a range of the current text came from.
    public func rawByteRange(of range: Range<Int>) -> Range<Int> { rawMap.sourceRange(origin(of: range)) }
}
