import CLibXML2

/// XML checks through libxml2, for the emitter tests and the CLI golden tests: well-formedness
/// (`xmlReadMemory` with `XML_PARSE_NONET`, no recovery) and XSD validation (`xmlSchemaValidateDoc`).
/// Network access, external entities and DTD loading are never enabled.
struct XMLIssue: CustomStringConvertible, Equatable {
    var line: Int
    var message: String
    var description: String { "line \(line): \(message)" }
}

/// Collects libxml2's structured errors; passed to the C callbacks as an unmanaged context.
private final class IssueBox {
    var issues: [XMLIssue] = []
}

private let collectIssue: xmlStructuredErrorFunc = { ctx, error in
    guard let ctx, let error else { return }
    let box = Unmanaged<IssueBox>.fromOpaque(ctx).takeUnretainedValue()
    var message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    while message.last == "\n" { message.removeLast() }
    box.issues.append(XMLIssue(line: Int(error.pointee.line), message: message))
}

enum XMLCheck {
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue)

    /// Parses `bytes` strictly; returns the document (caller frees with `xmlFreeDoc`) and the errors.
    /// The error handler is per thread in libxml2 and is reset before returning.
    static func parse(_ bytes: [UInt8]) -> (xmlDocPtr?, [XMLIssue]) {
        xmlInitParser()
        let box = IssueBox()
        let ctx = Unmanaged.passUnretained(box).toOpaque()
        xmlSetStructuredErrorFunc(ctx, collectIssue)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let doc = bytes.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                xmlReadMemory($0, Int32(p.count), "document.xml", "UTF-8", parseOptions)
            }
        }
        withExtendedLifetime(box) {}
        if doc == nil && box.issues.isEmpty { box.issues.append(XMLIssue(line: 0, message: "libxml2 returned no document")) }
        return (doc, box.issues)
    }

    /// Errors that make `bytes` not well-formed XML (empty when it is well-formed).
    static func wellFormednessErrors(_ bytes: [UInt8]) -> [XMLIssue] {
        let (doc, issues) = parse(bytes)
        if let doc { xmlFreeDoc(doc) }
        return issues
    }

    /// The string value (all text content) of the first child element of the root named `name`.
    static func stringValue(ofChild name: String, in bytes: [UInt8]) -> String? {
        let (doc, _) = parse(bytes)
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        var node = xmlDocGetRootElement(doc)?.pointee.children
        while let n = node {
            if n.pointee.type == XML_ELEMENT_NODE, String(cString: n.pointee.name) == name {
                guard let content = xmlNodeGetContent(n) else { return "" }
                defer { docpipe_xmlFree(content) }
                return String(cString: content)
            }
            node = n.pointee.next
        }
        return nil
    }
}

/// An XSD loaded once; validates any number of documents.
final class XSDValidator {
    struct LoadError: Error, CustomStringConvertible {
        var issues: [XMLIssue]
        var description: String { "cannot load XSD: \(issues.map(\.description).joined(separator: "; "))" }
    }

    private let schema: xmlSchemaPtr

    init(path: String) throws {
        xmlInitParser()
        let box = IssueBox()
        guard let pctxt = xmlSchemaNewParserCtxt(path) else { throw LoadError(issues: [XMLIssue(line: 0, message: "no parser context for \(path)")]) }
        defer { xmlSchemaFreeParserCtxt(pctxt) }
        xmlSchemaSetParserStructuredErrors(pctxt, collectIssue, Unmanaged.passUnretained(box).toOpaque())
        let parsed = xmlSchemaParse(pctxt)
        withExtendedLifetime(box) {}
        guard let parsed, box.issues.isEmpty else {
            if let parsed { xmlSchemaFree(parsed) }
            throw LoadError(issues: box.issues.isEmpty ? [XMLIssue(line: 0, message: "xmlSchemaParse failed")] : box.issues)
        }
        schema = parsed
    }

    deinit { xmlSchemaFree(schema) }

    /// Well-formedness and validity errors of `bytes` (empty when the document is valid).
    func validate(_ bytes: [UInt8]) -> [XMLIssue] {
        let (doc, parseIssues) = XMLCheck.parse(bytes)
        guard let doc, parseIssues.isEmpty else {
            if let doc { xmlFreeDoc(doc) }
            return parseIssues
        }
        defer { xmlFreeDoc(doc) }
        guard let vctxt = xmlSchemaNewValidCtxt(schema) else { return [XMLIssue(line: 0, message: "no validation context")] }
        defer { xmlSchemaFreeValidCtxt(vctxt) }
        let box = IssueBox()
        xmlSchemaSetValidStructuredErrors(vctxt, collectIssue, Unmanaged.passUnretained(box).toOpaque())
        let rc = xmlSchemaValidateDoc(vctxt, doc)
        withExtendedLifetime(box) {}
        if rc != 0 && box.issues.isEmpty { box.issues.append(XMLIssue(line: 0, message: "xmlSchemaValidateDoc returned \(rc)")) }
        return box.issues
    }
}
