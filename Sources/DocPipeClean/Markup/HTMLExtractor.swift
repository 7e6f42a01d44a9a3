#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibXML2
import DocPipeCore

/// Options of the HTML extraction.
public struct HTMLOptions: Sendable, Equatable {
    /// Run ``MalformedTagRepair`` before parsing (so `<h3<Title` becomes a heading, not an attribute).
    public var repairMalformedTags: Bool
    /// Use `<title>` as a level-1 heading at the top when the document has no `<h1>`.
    public var titleAsHeading: Bool
    /// Run ``EntityDecoder`` over the result (libxml2 2.9 only knows the HTML4 entities).
    public var decodeRemainingEntities: Bool
    /// Parser errors kept at most.
    public var maxParserErrors: Int

    public init(repairMalformedTags: Bool = true, titleAsHeading: Bool = true, decodeRemainingEntities: Bool = true,
                maxParserErrors: Int = 100) {
        self.repairMalformedTags = repairMalformedTags
        self.titleAsHeading = titleAsHeading
        self.decodeRemainingEntities = decodeRemainingEntities
        self.maxParserErrors = maxParserErrors
    }
}

/// The text and structure extracted from a markup document.
public struct HTMLExtraction: Sendable {
    /// The extracted text (blocks separated by a blank line), mapped back to the input text.
    public var rewrite: Rewrite
    /// Blocks, with ranges in `rewrite.text`.
    public var blocks: [Block]
    /// Ranges of the input text of markup that could not be turned into structure (for `markup-residue`).
    public var residue: [Range<Int>]
    /// libxml2's errors: 1-based line in the input, message.
    public var parserErrors: [(line: Int, message: String)]
    /// Text nodes that could not be aligned to the input (their text was inserted, not copied).
    public var unalignedNodes: Int
}

/// Extracts text and blocks from HTML with libxml2, aligning libxml2's text nodes back to the input.
///
/// Decisions:
/// - h1–h6 → heading blocks; p, div, section, article, blockquote, td, th, dd, dt, pre, address, … → paragraphs;
///   li → list items (also a p/div that is the first block inside an li); br → a line break inside the block.
/// - script, style, noscript, template, head (except a used title), comments, doctype: dropped.
/// - title: a level-1 heading at its place (the start) only when the document has no h1 (option).
/// - Whitespace collapses as a browser does (not inside pre). Collapsing is not a fix, except that a run of
///   two or more spaces/tabs inside one line, shrunk to one space, is a `.whitespace` fix; line breaks and
///   indentation of the HTML source are layout, not damage, and are recorded in the map only.
/// - Entity references are `.entity` fixes; numeric C1 references read as Windows-1252 (as browsers do).
/// - Tags are deleted without fixes; repaired malformed tags are `.markup` fixes. libxml2 2.9 never
///   reorders content, so no nesting repair changes content order.
public enum HTMLExtractor {
    private static let parserReady: Bool = {
        xmlInitParser()
        return true
    }()

    public static func extract(_ text: String, options: HTMLOptions = HTMLOptions()) -> HTMLExtraction {
        _ = parserReady
        var input = text
        input.makeContiguousUTF8()
        let repair = options.repairMalformedTags ? MalformedTagRepair.rewrite(input) : .identity(input)
        var html = repair.text
        html.makeContiguousUTF8()

        let box = ErrorBox(limit: options.maxParserErrors)
        var extraction: (Rewrite, [Block], [Range<Int>], Int)
        if html.utf8.isEmpty {
            extraction = (.identity(""), [], [], 0)
        } else {
            let ctx = Unmanaged.passUnretained(box).toOpaque()
            // The structured error handler is per thread in libxml2 2.9 (thread-local globals).
            xmlSetStructuredErrorFunc(ctx, { ctx, err in
                guard let ctx, let err else { return }
                let box = Unmanaged<ErrorBox>.fromOpaque(ctx).takeUnretainedValue()
                guard box.errors.count < box.limit else { return }
                var msg = err.pointee.message.map { String(cString: $0) } ?? ""
                while msg.last == "\n" || msg.last == " " { msg.removeLast() }
                box.errors.append((Int(err.pointee.line), msg))
            })
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            let opts = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
            let doc: htmlDocPtr? = html.withBytes { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { c in
                    htmlReadMemory(c, Int32(clamping: p.count), nil, "UTF-8", opts)
                }
            }
            if let doc {
                defer { xmlFreeDoc(doc) }
                extraction = html.withBytes { p in
                    var w = Walker(source: html, bytes: p, options: options)
                    w.walk(doc)
                    return w.finish()
                }
            } else {
                // Nothing parsed: keep the text as it is, all of it residue.
                let n = html.utf8.count
                extraction = (.identity(html), [Block(kind: .paragraph, range: 0..<n, fromMarkup: true)], [0..<n], 1)
            }
        }
        var (rw, blocks, residue, unaligned) = extraction
        var full = repair.then(rw)
        residue = residue.map { repair.map.sourceRange($0) }
        if options.decodeRemainingEntities {
            let dec = EntityDecoder.rewrite(full.text)
            if !dec.fixes.isEmpty {
                blocks = blocks.map { Block(kind: $0.kind, level: $0.level, range: dec.map.targetRange(ofSource: $0.range), fromMarkup: true) }
                full = full.then(dec)
            }
        }
        rw = full
        return HTMLExtraction(rewrite: rw, blocks: blocks, residue: residue, parserErrors: box.errors, unalignedNodes: unaligned)
    }
}

private final class ErrorBox {
    var errors: [(line: Int, message: String)] = []
    let limit: Int
    init(limit: Int) { self.limit = limit }
}

/// Walks libxml2's tree in document order and builds the text over the input with a ``TextBuilder``.
private struct Walker {
    typealias NodePtr = UnsafeMutablePointer<xmlNode>

    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    let options: HTMLOptions
    var b: TextBuilder
    var pos = 0
    var blocks: [Block] = []
    var residue: [Range<Int>] = []
    var unaligned = 0

    struct Context { var kind: Block.Kind; var level: Int; var produced: Bool; var isLi: Bool }
    var contexts: [Context] = []
    var blockStart: Int?
    var blockKind = Block.Kind.paragraph
    var blockLevel = 0
    var contentEnd = 0
    var pending: Range<Int>?
    var afterBreak = false
    var trailingNewlines = 0
    var dropDepth = 0
    var preDepth = 0
    var titleActive = false
    var useTitle = false

    init(source: String, bytes: UnsafeBufferPointer<UInt8>, options: HTMLOptions) {
        p = bytes
        n = bytes.count
        self.options = options
        b = TextBuilder(source: source, capacity: bytes.count)
    }

    static let headingNames: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]
    static let paragraphNames: Set<String> = [
        "p", "div", "section", "article", "blockquote", "td", "th", "dd", "dt", "pre", "address", "figcaption",
        "caption", "aside", "header", "footer", "main", "nav", "center", "legend", "summary", "details", "fieldset",
        "form", "figure", "hgroup", "dialog", "option",
    ]
    static let breakNames: Set<String> = ["ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "tr", "body", "html", "hr", "menu", "dir", "select"]
    static let droppedNames: Set<String> = ["script", "style", "noscript", "template", "head", "textarea", "iframe", "object", "svg", "math"]

    mutating func finish() -> (Rewrite, [Block], [Range<Int>], Int) {
        endBlock()
        let bb = b
        return (bb.finish(dropRest: true), blocks, residue, unaligned)
    }

    // MARK: tree walk

    static func name(_ node: NodePtr) -> String {
        guard let nm = node.pointee.name else { return "" }
        return String(cString: nm).lowercased()
    }

    static func hasH1(_ first: NodePtr?) -> Bool {
        var stack: [NodePtr] = []
        var cur = first
        while let c = cur {
            if c.pointee.type == XML_ELEMENT_NODE {
                if name(c) == "h1" { return true }
                if let ch = c.pointee.children { stack.append(ch) }
            }
            cur = c.pointee.next
            if cur == nil, let s = stack.popLast() { cur = s }
        }
        return false
    }

    mutating func walk(_ doc: htmlDocPtr) {
        let docRaw = UnsafeMutableRawPointer(doc)
        let first = doc.pointee.children
        useTitle = options.titleAsHeading && !Self.hasH1(first)
        var node = first
        while let cur = node {
            let descend = enter(cur)
            if descend, let c = cur.pointee.children { node = c; continue }
            if descend { exit(cur) }
            var x = cur
            node = nil
            while true {
                if let nx = x.pointee.next { node = nx; break }
                guard let parent = x.pointee.parent, UnsafeMutableRawPointer(parent) != docRaw else { break }
                exit(parent)
                x = parent
            }
        }
    }

    /// Returns whether to descend into the node's children.
    mutating func enter(_ node: NodePtr) -> Bool {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                let len = strlen(content)
                align(UnsafeBufferPointer(start: content, count: len), emit: dropDepth == 0 || titleActive)
            }
            return false
        case XML_ELEMENT_NODE:
            let nm = Self.name(node)
            if nm == "title" && useTitle && !titleActive {
                titleActive = true
                openContext(Context(kind: .heading, level: 1, produced: false, isLi: false))
                return true
            }
            if Self.droppedNames.contains(nm) { dropDepth += 1; return true }
            if let level = Self.headingNames[nm] {
                openContext(Context(kind: .heading, level: level, produced: false, isLi: false))
            } else if nm == "li" {
                openContext(Context(kind: .listItem, level: 0, produced: false, isLi: true))
            } else if Self.paragraphNames.contains(nm) {
                openContext(Context(kind: .paragraph, level: 0, produced: false, isLi: false))
                if nm == "pre" { preDepth += 1 }
            } else if Self.breakNames.contains(nm) {
                endBlock()
            } else if nm == "br" {
                lineBreak()
            }
            return true
        default:
            return false
        }
    }

    mutating func exit(_ node: NodePtr) {
        guard node.pointee.type == XML_ELEMENT_NODE else { return }
        let nm = Self.name(node)
        if nm == "title" && titleActive {
            titleActive = false
            closeContext()
            return
        }
        if Self.droppedNames.contains(nm) { dropDepth = max(0, dropDepth - 1); return }
        if Self.headingNames[nm] != nil || nm == "li" || Self.paragraphNames.contains(nm) {
            if nm == "pre" { preDepth = max(0, preDepth - 1) }
            closeContext()
        } else if Self.breakNames.contains(nm) {
            endBlock()
        }
    }

    mutating func openContext(_ c: Context) {
        endBlock()
        contexts.append(c)
    }

    mutating func closeContext() {
        endBlock()
        _ = contexts.popLast()
    }

    // MARK: blocks

    mutating func endBlock() {
        if let s = blockStart, contentEnd > s {
            blocks.append(Block(kind: blockKind, level: blockLevel, range: s..<contentEnd, fromMarkup: true))
        }
        blockStart = nil
        pending = nil
        afterBreak = false
    }

    mutating func lineBreak() {
        guard blockStart != nil, dropDepth == 0 || titleActive, trailingNewlines < 2 else { return }
        pending = nil
        b.insert("\n")
        trailingNewlines += 1
        afterBreak = true
    }

    /// Starts a block if none is open, then emits the pending collapsed space.
    mutating func beforeContent() {
        if blockStart == nil {
            if b.builtLength > 0 {
                pending = nil
                let sep = trailingNewlines >= 2 ? "" : (trailingNewlines == 1 ? "\n" : "\n\n")
                if !sep.isEmpty { b.insert(sep) }
            }
            blockStart = b.builtLength
            (blockKind, blockLevel) = currentKind()
            afterBreak = false
            pending = nil
            return
        }
        if let r = pending {
            pending = nil
            if !afterBreak {
                if r.count == 1 && p[r.lowerBound] == 0x20 {
                    b.copy(r)
                } else {
                    var fix: Fix.Kind?
                    if r.count >= 2 {
                        fix = .whitespace
                        for i in r where p[i] == 0x0A || p[i] == 0x0D { fix = nil; break }
                    }
                    b.replace(r, with: " ", fix: fix)
                }
            }
        }
        afterBreak = false
    }

    mutating func currentKind() -> (Block.Kind, Int) {
        guard var i = contexts.indices.last else { return (.paragraph, 0) }
        let top = contexts[i]
        var result: (Block.Kind, Int) = (top.kind, top.level)
        if top.kind == .paragraph {
            // A p/div that is the first block inside an li is the list item.
            var j = i
            while j >= 0, contexts[j].kind == .paragraph, !contexts[j].produced { j -= 1 }
            if j >= 0, contexts[j].isLi, !contexts[j].produced { result = (.listItem, 0) }
        }
        while i >= 0, !contexts[i].produced { contexts[i].produced = true; i -= 1 }
        return result
    }

    mutating func didEmit() {
        contentEnd = b.builtLength
        trailingNewlines = 0
    }

    // MARK: alignment

    @inline(__always) func isMarkupStart(_ i: Int) -> Bool {
        guard p[i] == 0x3C, i + 1 < n else { return false }
        let c = p[i + 1]
        if ByteScan.isAlpha(c) || c == 0x21 || c == 0x3F { return true }
        return c == 0x2F && i + 2 < n && ByteScan.isAlpha(p[i + 2])
    }

    /// End of the markup construct starting at `i` (a `<`).
    func skipMarkup(_ i: Int) -> Int {
        if i + 3 < n, p[i + 1] == 0x21, p[i + 2] == 0x2D, p[i + 3] == 0x2D {
            var j = i + 4
            while j + 2 < n {
                j = UTF8Bytes.find(0x2D, in: p, from: j, to: n)
                if j + 2 < n, p[j + 1] == 0x2D, p[j + 2] == 0x3E { return j + 3 }
                j += 1
            }
            return n
        }
        var j = i + 1
        var quote: UInt8 = 0
        while j < n {
            let d = p[j]
            if quote != 0 { if d == quote { quote = 0 } }
            else if d == 0x22 || d == 0x27 { if p[j - 1] == 0x3D || (ByteScan.isSpace(p[j - 1]) && j > i + 1) { quote = d } }
            else if d == 0x3E { return j + 1 }
            j += 1
        }
        return n
    }

    /// Aligns one text node of libxml2 with the input from `pos`, emitting it when `emit`.
    mutating func align(_ t: UnsafeBufferPointer<UInt8>, emit: Bool) {
        let m = t.count
        let pre = preDepth > 0
        var k = 0
        while k < m {
            let c = t[k]
            if !pre && ByteScan.isSpace(c) {
                var k2 = k
                while k2 < m, ByteScan.isSpace(t[k2]) { k2 += 1 }
                while pos < n, isMarkupStart(pos) {
                    let e = skipMarkup(pos)
                    if emit, isResidueTag(pos..<e) { residue.append(pos..<e) }
                    pos = e
                }
                let s = pos
                while pos < n, ByteScan.isSpace(p[pos]) { pos += 1 }
                if emit, blockStart != nil, !afterBreak {
                    pending = pending.map { $0.lowerBound..<pos } ?? (s..<pos)
                }
                k = k2
                continue
            }
            // Skip what libxml2 turned into structure or dropped: markup, unmatched whitespace.
            while pos < n {
                if ByteScan.isSpace(p[pos]) && (!ByteScan.isSpace(c) || (p[pos] != c && !(c == 0x0A && p[pos] == 0x0D))) {
                    pos += 1
                } else if isMarkupStart(pos) && !(c == 0x3C && literalMatch(t, k)) {
                    let e = skipMarkup(pos)
                    if emit, isResidueTag(pos..<e) { residue.append(pos..<e) }
                    pos = e
                } else { break }
            }
            if pos < n {
                if p[pos] == 0x26, let ref = EntityDecoder.reference(p, at: pos) {
                    let v = Array(ref.value.utf8)
                    var len = 0
                    if startsWith(t, k, v) { len = v.count }
                    else if let raw = ref.raw, let s = Unicode.Scalar(raw) {
                        let rb = Array(String(Character(s)).utf8)
                        if startsWith(t, k, rb) { len = rb.count }
                    }
                    if len > 0 {
                        if emit {
                            beforeContent()
                            b.replace(pos..<ref.end, with: ref.value, fix: .entity)
                            didEmit()
                        }
                        k += len
                        pos = ref.end
                        continue
                    }
                }
                if p[pos] == c {
                    let s = pos
                    while k < m, pos < n, p[pos] == t[k], p[pos] != 0x26, p[pos] != 0x3C, pre || !ByteScan.isSpace(t[k]) {
                        if pre && t[k] == 0x0D { break }
                        k += 1; pos += 1
                    }
                    if pos == s {
                        if emit, c == 0x3C, pos + 1 < n, ByteScan.isAlpha(p[pos + 1]) || p[pos + 1] == 0x2F {
                            let e = UTF8Bytes.find(0x3E, in: p, from: pos, to: min(n, ByteScan.lineEnd(p, from: pos) + 0))
                            residue.append(pos..<min(e + 1, n))
                        }
                        k += 1; pos += 1
                    }
                    if emit {
                        beforeContent()
                        b.copy(s..<pos)
                        didEmit()
                    }
                    continue
                }
                if pre && c == 0x0A && p[pos] == 0x0D {
                    let e = pos + 1 < n && p[pos + 1] == 0x0A ? pos + 2 : pos + 1
                    if emit { beforeContent(); b.replace(pos..<e, with: "\n"); didEmit() }
                    pos = e; k += 1
                    continue
                }
            }
            // Mismatch: look ahead for the rest of the node.
            if let q = resync(t, k) {
                if emit, hasText(pos..<q) { residue.append(pos..<q) }
                pos = q
                continue
            }
            unaligned += 1
            if emit {
                var rest: [UInt8] = []
                var space = false
                for x in t[k...] {
                    if !pre && ByteScan.isSpace(x) { space = true; continue }
                    if space && !rest.isEmpty { rest.append(0x20) }
                    space = false
                    rest.append(x)
                }
                if !rest.isEmpty {
                    beforeContent()
                    b.replace(pos..<pos, with: String(decoding: rest, as: UTF8.self))
                    didEmit()
                }
            }
            return
        }
    }

    func literalMatch(_ t: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let len = min(8, t.count - k, n - pos)
        guard len >= 2 || t.count - k == 1 else { return false }
        for d in 0..<len where p[pos + d] != t[k + d] { return false }
        return true
    }

    func startsWith(_ t: UnsafeBufferPointer<UInt8>, _ k: Int, _ v: [UInt8]) -> Bool {
        guard !v.isEmpty, t.count - k >= v.count else { return false }
        for (d, x) in v.enumerated() where t[k + d] != x { return false }
        return true
    }

    /// Finds the next few bytes of the node ahead in the input (within 8 KB).
    func resync(_ t: UnsafeBufferPointer<UInt8>, _ k: Int) -> Int? {
        var e = k
        while e < t.count, e - k < 16, !ByteScan.isSpace(t[e]), t[e] != 0x26, t[e] != 0x3C { e += 1 }
        guard e > k else { return nil }
        let needle = t[k..<e]
        let limit = min(n, pos + 8192)
        var i = UTF8Bytes.find(needle.first!, in: p, from: pos, to: limit)
        while i < limit {
            if i + needle.count <= n {
                var ok = true
                for (d, x) in needle.enumerated() where p[i + d] != x { ok = false; break }
                if ok { return i }
            }
            i = UTF8Bytes.find(needle.first!, in: p, from: i + 1, to: limit)
        }
        return nil
    }

    /// A tag libxml2 swallowed that is not structure: an unknown element name, or a `<` inside the tag.
    func isResidueTag(_ r: Range<Int>) -> Bool {
        var i = r.lowerBound + 1
        if i < r.upperBound, p[i] == 0x21 || p[i] == 0x3F { return false }
        if i < r.upperBound, p[i] == 0x2F { i += 1 }
        let s = i
        while i < r.upperBound, ByteScan.isAlnum(p[i]) { i += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: p[s..<i]), as: UTF8.self).lowercased()
        if !TagScanner.known.contains(name) { return true }
        return UTF8Bytes.find(0x3C, in: p, from: i, to: r.upperBound) < r.upperBound
    }

    /// Whether a stretch of input holds text outside markup (not only tags and whitespace).
    func hasText(_ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            if isMarkupStart(i) { i = skipMarkup(i); continue }
            if !ByteScan.isSpace(p[i]) { return true }
            i += 1
        }
        return false
    }
}
