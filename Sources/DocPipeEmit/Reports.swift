import DocPipeCore

/// The `check` formats: text (clang style), json (also the baseline format), sarif, github, junit.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github, junit
}

/// One checked document: where it is and what was found in it.
public struct CheckedDocument: Sendable {
    public var path: String
    public var findings: [Finding]
    public init(path: String, findings: [Finding]) {
        self.path = path
        self.findings = findings
    }
}

public enum Reports {
    /// Renders the findings of a run.
    public static func render(_ format: ReportFormat, documents: [CheckedDocument], rules: [RuleMetadata], toolVersion: String, color: Bool = false) -> [UInt8] {
        switch format {
        case .text: return Array(text(documents, color: color).utf8)
        case .json: return json(documents)
        case .sarif: return sarif(documents, rules: rules, toolVersion: toolVersion)
        case .github: return Array(github(documents).utf8)
        case .junit: return junit(documents, rules: rules)
        }
    }

    // MARK: text

    /// `path:line:col: severity: message [rule]`, the source line and a caret, then related notes.
    public static func text(_ documents: [CheckedDocument], color: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = ""
        var counts: [Severity: Int] = [:]
        for doc in documents {
            for f in doc.findings {
                counts[f.severity, default: 0] += 1
                let sev: String = switch f.severity {
                case .error: paint("error", "1;31")
                case .warning: paint("warning", "1;35")
                case .note: paint("note", "1;36")
                }
                out += paint("\(f.path):\(f.line):\(f.column):", "1") + " \(sev): \(f.message) [\(f.rule)]\n"
                out += caretLines(f.sourceLine, column: f.column, width: f.endLine == f.line ? max(1, f.endColumn - f.column) : 1, color: color)
                for r in f.related {
                    out += paint("\(r.path):\(r.line):\(r.column):", "1") + " " + paint("note", "1;36") + ": \(r.message)\n"
                }
            }
        }
        let e = counts[.error, default: 0], w = counts[.warning, default: 0], n = counts[.note, default: 0]
        out += "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s"), \(n) note\(n == 1 ? "" : "s") in \(documents.count) document\(documents.count == 1 ? "" : "s")\n"
        return out
    }

    /// The source line (long lines cut around the column) and a caret under the flagged text.
    static func caretLines(_ line: String, column: Int, width: Int, color: Bool) -> String {
        var scalars = Array(line.unicodeScalars.map { $0 == "\t" ? " " : $0 })
        var col = column
        if scalars.count > 120 {
            let start = max(0, min(column - 40, scalars.count - 120))
            scalars = Array(scalars[start..<min(scalars.count, start + 120)])
            col = column - start
        }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars)
        let caret = String(repeating: " ", count: max(0, col - 1)) + "^" + String(repeating: "~", count: max(0, min(width, scalars.count - col + 1) - 1))
        return "    " + String(v) + "\n    " + (color ? "\u{1B}[1;32m\(caret)\u{1B}[0m" : caret) + "\n"
    }

    // MARK: json (and baseline)

    public static func json(_ documents: [CheckedDocument]) -> [UInt8] {
        var w = JSONWriter(pretty: true, capacity: 4096)
        w.beginObject()
        w.field("schema", "docpipe.findings/1")
        w.key("findings")
        w.beginArray()
        for doc in documents {
            for f in doc.findings {
                w.beginObject()
                w.field("rule", f.rule)
                w.field("severity", f.severity.rawValue)
                w.field("message", f.message)
                w.field("path", f.path)
                w.field("line", f.line)
                w.field("column", f.column)
                w.field("endLine", f.endLine)
                w.field("endColumn", f.endColumn)
                w.field("fingerprint", f.fingerprint)
                w.key("related")
                w.beginArray()
                for r in f.related {
                    w.beginObject()
                    w.field("path", r.path)
                    w.field("line", r.line)
                    w.field("column", r.column)
                    w.field("message", r.message)
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
        }
        w.endArray()
        w.endObject()
        w.finishLine()
        return w.out
    }

    // MARK: SARIF 2.1.0

    /// SARIF as GitHub code scanning reads it: rules from the declarations, unicode-code-point
    /// columns, repository-relative URIs, related locations, and partial fingerprints.
    public static func sarif(_ documents: [CheckedDocument], rules: [RuleMetadata], toolVersion: String) -> [UInt8] {
        var log: [UInt8] = []
        var pending = documents[...]
        sarif(rules: rules, toolVersion: toolVersion, nextResults: {
            pending.popFirst().map { sarifResults($0.findings, rules: rules) }
        }, write: { log += $0 })
        return log
    }

    /// The SARIF log with the results that `nextResults` returns (pieces made by `sarifResults`, until
    /// it returns nil), handed to `write` in pieces of about `chunk` bytes: a large run's log (tens of
    /// megabytes) is never held whole, and its results can be rendered as each document finishes.
    public static func sarif<E: Error>(rules: [RuleMetadata], toolVersion: String, chunk: Int = 1 << 20,
                                       nextResults: () throws(E) -> [UInt8]?, write: ([UInt8]) throws(E) -> Void) throws(E) {
        // One line per rule and per result (the run and its arrays expanded), so that a log of
        // thousands of results reads and diffs line by line.
        var w = JSONWriter(pretty: true, capacity: 1 << 16, inlineDepth: sarifInlineDepth)
        func level(_ s: Severity) -> String { s == .note ? "note" : s.rawValue }
        w.beginObject()
        w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        w.field("version", "2.1.0")
        w.key("runs")
        w.beginArray()
        w.beginObject()
        w.key("tool")
        w.beginObject()
        w.key("driver")
        w.beginExpandedObject()
        w.field("name", "docpipe")
        w.field("version", toolVersion)
        w.field("semanticVersion", toolVersion)
        w.field("informationUri", "https://github.com/docpipe/docpipe")
        w.key("rules")
        w.beginExpandedArray()
        for r in rules {
            w.beginObject()
            w.field("id", r.id)
            w.field("name", r.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
            w.key("shortDescription"); w.beginObject(); w.field("text", r.summary); w.endObject()
            w.key("fullDescription"); w.beginObject(); w.field("text", r.details); w.endObject()
            w.key("help"); w.beginObject()
            w.field("text", "\(r.summary)\n\n\(r.details)\n\nRun `docpipe rules \(r.id)` for examples.")
            w.endObject()
            w.key("defaultConfiguration"); w.beginObject(); w.field("level", level(r.defaultSeverity)); w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
        w.field("columnKind", "unicodeCodePoints")
        w.key("results")
        w.beginArray()
        try write(w.take())
        // Each piece starts every result with its line break; all but the first piece need a comma.
        var written = 0
        var pending: [UInt8] = []
        // Room for a chunk from the first piece on: growing to it would copy it about log2(chunk) times.
        var reserved = false
        while let piece = try nextResults() {
            if !reserved { pending.reserveCapacity(max(chunk, piece.count + 1)); reserved = true }
            guard !piece.isEmpty else { continue }
            // Handed on before the piece would outgrow the room: growing copies all that is pending.
            if !pending.isEmpty && pending.count + 1 + piece.count > pending.capacity {
                try write(pending)
                pending.removeAll(keepingCapacity: true)
            }
            if written > 0 { pending.append(UInt8(ascii: ",")) }
            written += 1
            pending += piece
            if pending.count >= chunk {
                try write(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        if !pending.isEmpty { try write(pending) }
        w.addedElements(written)
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        w.finishLine()
        try write(w.take())
    }

    /// Log, `runs`, the run, then its `results` and `rules`: their elements are one line each.
    private static let sarifInlineDepth = 4

    /// The SARIF results of `findings`, to pass to `sarif(rules:toolVersion:chunk:nextResults:write:)`.
    ///
    /// The layout `JSONWriter` gives elements of the results array (each result on its own line, all
    /// of it inline), written as literal runs: every piece is a separator and a key in one copy. The
    /// URI is made once per path (a document's findings and their related places share one).
    public static func sarifResults(_ findings: [Finding], rules: [RuleMetadata]) -> [UInt8] {
        var uris = URICache()
        return ByteSink.collect(estimate: 1024 * findings.count + 64) { out in
            for (k, f) in findings.enumerated() {
                out.raw(k == 0 ? "\n        {\"ruleId\": " : ",\n        {\"ruleId\": ")
                out.jsonString(f.rule)
                if let i = rules.firstIndex(where: { $0.id == f.rule }) {
                    out.raw(", \"ruleIndex\": ")
                    out.int(i)
                }
                switch f.severity {
                case .note: out.raw(", \"level\": \"note\", \"message\": {\"text\": ")
                case .warning: out.raw(", \"level\": \"warning\", \"message\": {\"text\": ")
                case .error: out.raw(", \"level\": \"error\", \"message\": {\"text\": ")
                }
                out.jsonString(f.message)
                out.raw("}, \"locations\": [")
                sarifLocation(&out, &uris, path: f.path, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, id: nil, message: nil)
                out.byte(UInt8(ascii: "]"))
                if !f.related.isEmpty {
                    out.raw(", \"relatedLocations\": [")
                    for (i, r) in f.related.enumerated() {
                        if i > 0 { out.raw(", ") }
                        sarifLocation(&out, &uris, path: r.path, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn,
                                      id: i + 1, message: r.message)
                    }
                    out.byte(UInt8(ascii: "]"))
                }
                out.raw(", \"partialFingerprints\": {\"docpipeFindingHash/v1\": ")
                out.jsonString(f.fingerprint)
                out.raw("}}")
            }
        }
    }

    private static func sarifLocation(_ out: inout ByteSink, _ uris: inout URICache, path: String, line: Int, column: Int, endLine: Int, endColumn: Int,
                                      id: Int?, message: String?) {
        if let id {
            out.raw("{\"id\": ")
            out.int(id)
            out.raw(", \"physicalLocation\": {\"artifactLocation\": {\"uri\": \"")
        } else {
            out.raw("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"")
        }
        // A URI holds only unreserved bytes, `/` and `%XX`: nothing a JSON string escapes.
        out.bytes(uris.uri(path))
        out.raw("\"}, \"region\": {\"startLine\": ")
        out.int(line)
        out.raw(", \"startColumn\": ")
        out.int(column)
        out.raw(", \"endLine\": ")
        out.int(max(endLine, line))
        out.raw(", \"endColumn\": ")
        out.int(endLine > line ? endColumn : max(endColumn, column + 1))
        out.raw("}}")
        if let message {
            out.raw(", \"message\": {\"text\": ")
            out.jsonString(message)
            out.byte(UInt8(ascii: "}"))
        }
        out.byte(UInt8(ascii: "}"))
    }

    /// The URI of the last path asked for: the places of one document's findings share their path.
    private struct URICache {
        var path: String? = nil
        var bytes: [UInt8] = []

        mutating func uri(_ p: String) -> [UInt8] {
            if p != path {
                path = p
                bytes = uriBytes(p)
            }
            return bytes
        }
    }

    /// A relative path as a URI reference: `./` dropped, segments percent-encoded.
    static func uri(_ path: String) -> String { String(decoding: uriBytes(path), as: UTF8.self) }

    /// The UTF-8 of `uri(_:)`.
    static func uriBytes(_ path: String) -> [UInt8] {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        var s = String(p)
        return s.withUTF8 { p in
            let hex: StaticString = "0123456789ABCDEF"
            var out: [UInt8] = []
            out.reserveCapacity(p.count + 8)
            for b in p {
                if uriUnreserved(b) {
                    out.append(b)
                } else {
                    out.append(0x25)  // %
                    out.append(hex.utf8Start[Int(b >> 4)])
                    out.append(hex.utf8Start[Int(b & 15)])
                }
            }
            return out
        }
    }

    /// Bytes a URI path keeps as they are (RFC 3986 unreserved, and `/`).
    @inline(__always)
    private static func uriUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): true
        default: false
        }
    }

    // MARK: GitHub workflow commands

    /// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` with the escaping GitHub requires.
    public static func github(_ documents: [CheckedDocument]) -> String {
        func data(_ s: String) -> String {
            // Unicode scalars, since "\r\n" is one Character.
            var out = ""
            for u in s.unicodeScalars {
                switch u {
                case "%": out += "%25"
                case "\r": out += "%0D"
                case "\n": out += "%0A"
                default: out.unicodeScalars.append(u)
                }
            }
            return out
        }
        func property(_ s: String) -> String { data(s).replacingAll(":", "%3A").replacingAll(",", "%2C") }
        var out = ""
        for doc in documents {
            for f in doc.findings {
                let kind = f.severity == .note ? "notice" : f.severity.rawValue
                var msg = f.message
                for r in f.related { msg += "\n\(r.path):\(r.line):\(r.column): \(r.message)" }
                out += "::\(kind) file=\(property(f.path)),line=\(f.line),col=\(f.column),endLine=\(f.endLine),endColumn=\(f.endColumn),title=\(property("docpipe " + f.rule))::\(data(msg))\n"
            }
        }
        return out
    }

    // MARK: JUnit

    /// One test case per document and rule, passing ones included; a failure per finding at or above warning.
    public static func junit(_ documents: [CheckedDocument], rules: [RuleMetadata]) -> [UInt8] {
        var cases: [(doc: String, rule: String, findings: [Finding])] = []
        for d in documents {
            for r in rules { cases.append((d.path, r.id, d.findings.filter { $0.rule == r.id })) }
        }
        let failures = cases.filter { c in c.findings.contains { $0.severity >= .warning } }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"docpipe\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        for d in documents {
            let mine = cases.filter { $0.doc == d.path }
            let f = mine.filter { c in c.findings.contains { $0.severity >= .warning } }.count
            out += "  <testsuite name=\"\(xml(d.path))\" tests=\"\(mine.count)\" failures=\"\(f)\" errors=\"0\" skipped=\"0\">\n"
            for c in mine {
                out += "    <testcase classname=\"\(xml(d.path))\" name=\"\(xml(c.rule))\""
                let failing = c.findings.filter { $0.severity >= .warning }
                let notes = c.findings.filter { $0.severity < .warning }
                if failing.isEmpty && notes.isEmpty { out += "/>\n"; continue }
                out += ">\n"
                if !failing.isEmpty {
                    let body = failing.map { "\($0.path):\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }.joined(separator: "\n")
                    out += "      <failure type=\"\(xml(c.rule))\" message=\"\(xml(failing[0].message))\">\(xml(body))</failure>\n"
                }
                if !notes.isEmpty {
                    let body = notes.map { "\($0.path):\($0.line):\($0.column): note: \($0.message)" }.joined(separator: "\n")
                    out += "      <system-out>\(xml(body))</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return Array(out.utf8)
    }

    private static func xml(_ s: String) -> String {
        var out: [UInt8] = []
        XMLEscaper.appendAttribute(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// Replaces every occurrence of the one-character string `a` (no Foundation needed).
    func replacingAll(_ a: Character, _ b: String) -> String {
        guard contains(a) else { return self }
        var out = ""
        for c in self { if c == a { out += b } else { out.append(c) } }
        return out
    }

    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
