import DocPipeCore
@testable import DocPipeTestSupport
import DocPipeEmit
import Foundation
import Testing

@Suite struct XMLEmitterTests {
    func string(_ doc: Document) -> String { String(decoding: XMLEmitter.encode(doc), as: UTF8.self) }

    @Test func sampleBodyAndStandoff() throws {
        let s = string(Fixtures.sample())
        #expect(s.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document xmlns=\"urn:docpipe:document:1\" schema=\"docpipe.document/1\" id=\"a/b\" offsets=\"unicode-scalars\">\n  <header>\n    <source path=\"Input/a/b.txt\" sha256=\""))
        let body = "<body><heading level=\"1\"><s>Héllo<fix kind=\"whitespace\" before=\"  \"> </fix>world</s></heading>\n"
            + "<p><s>Café <fix kind=\"entity\" before=\"&amp;amp;\">&amp;</fix> €5 😀 costs.</s>\n"
            + "<s>x <fix kind=\"mojibake\" before=\"â€™\">’</fix> y ends.</s></p>\n</body>"
        #expect(s.contains(body))
        #expect(s.contains("      <fix kind=\"mojibake\" before=\"â€™\" after=\"’\" start=\"33\" end=\"34\" line=\"3\" column=\"3\" note=\"UTF-8 read as Windows-1252\"/>\n"))
        #expect(s.contains("      <block kind=\"heading\" level=\"1\" start=\"0\" end=\"11\" line=\"1\" column=\"1\"/>\n"))
        #expect(s.contains("      <sentence start=\"31\" end=\"42\" line=\"3\" column=\"1\"/>\n"))
        #expect(s.contains("""
              <diagnostic rule="quantity-conflict" severity="error" message="€5 here, &quot;😀&quot; there" start="19" end="21" line="2" column="12" endLine="2" endColumn="14">
                <related start="22" end="23" line="2" column="15" message="stated here"/>
              </diagnostic>
              <diagnostic rule="acronym-undefined" severity="note" message="whole document" start="0" end="43" line="1" column="1" endLine="4" endColumn="1"/>

        """))
        #expect(s.contains("    <tokens/>\n    <entities/>\n    <acronyms/>\n    <dates/>\n    <quantities/>\n    <claims/>\n"))
        #expect(s.hasSuffix("  </standoff>\n</document>\n"))
    }

    @Test func c1ControlsBeforeAFixAreCharacterReferences() throws {
        var doc = Fixtures.decoded("Union’s and ā.", id: "c1")
        doc.fixes = [Fix(kind: .mojibake, before: "\u{92}", after: "’", range: 5..<8, origin: 5..<7),
                     Fix(kind: .mojibake, before: "Ä\u{81}", after: "ā", range: 14..<16, origin: 14..<17)]
        let s = string(doc)
        #expect(s.contains("<fix kind=\"mojibake\" before=\"&#x92;\">’</fix>"))
        #expect(s.contains("<fix kind=\"mojibake\" before=\"Ä&#x81;\" after=\"ā\""))
        #expect(!s.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        #expect(try Support.xsdValidator().validate(XMLEmitter.encode(doc)).isEmpty)
        let json = String(decoding: JSONEmitter.encode(doc), as: UTF8.self)
        #expect(json.contains(#""before": "\u0092""#) && json.contains(#""before": "Ä\u0081""#))
        let parsed = try JSONValue.parse(JSONEmitter.encode(doc))
        #expect(parsed["fixes"]?.array?.compactMap { $0["before"]?.string } == ["\u{92}", "Ä\u{81}"])
    }

    @Test func emptyDocument() throws {
        let doc = Document(id: "empty", source: SourceFile(path: "e.txt", bytes: []))
        let s = string(doc)
        #expect(s.contains("<source path=\"e.txt\" sha256=\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\" bytes=\"0\" mediaType=\"text/plain\"/>"))
        #expect(s.contains("<body></body>\n  <standoff>\n    <fixes/>\n    <blocks/>\n    <sentences/>\n"))
        #expect(try Support.xsdValidator().validate(XMLEmitter.encode(doc)).isEmpty)
    }

    /// Control characters, `]]>`, markup-like text, quotes, U+FFFE/U+FFFF: still well-formed and valid,
    /// and the body's string value is the text with each impossible character as one U+FFFD.
    @Test func hostileTextStaysWellFormed() throws {
        let doc = Fixtures.hostile()
        let bytes = XMLEmitter.encode(doc)
        let s = String(decoding: bytes, as: UTF8.self)
        #expect(XMLCheck.wellFormednessErrors(bytes) == [])
        #expect(try Support.xsdValidator().validate(bytes) == [])
        #expect(XMLCheck.stringValue(ofChild: "body", in: bytes) == Support.xmlVisible(doc.text))
        #expect(s.contains("<body><p><s><ctrl code=\"00\">\u{FFFD}</ctrl><ctrl code=\"01\">\u{FFFD}</ctrl><fix kind=\"control\" before=\"\u{FFFD}\"><ctrl code=\"1B\">\u{FFFD}</ctrl><ctrl code=\"00\">\u{FFFD}</ctrl></fix>]]</s>&gt;&lt;/p&gt;<fix kind=\"entity\" before=\"&amp;lt;\">&lt;</fix>\"'<ctrl code=\"FFFE\">\u{FFFD}</ctrl>&#13;\n\ttab"))
        #expect(!s.contains("]]>"))
        // Crossing and empty sentences stay out of the body but are all in the stand-off.
        #expect(s.components(separatedBy: "<s>").count - 1 == 1)
        #expect(s.components(separatedBy: "<sentence ").count - 1 == 3)
        #expect(s.components(separatedBy: "<heading").count - 1 == 0)
        #expect(s.contains("<block kind=\"heading\" level=\"3\" start=\"0\" end=\"4\""))
        #expect(s.contains("id=\"we&quot;ird &lt;id&gt; &amp; 'co'\""))
        #expect(s.contains("path=\"Input/&lt;&amp;&gt;&quot;'\u{FFFD}.txt\""))
        #expect(s.contains("note=\"note with ]]&gt; and &quot;quotes&quot; and \u{FFFD}\""))
        #expect(s.contains("message=\"]]&gt; \u{FFFD} &quot;' &lt;x&gt;\""))
        #expect(s.contains("<related start=\"0\" end=\"1\" line=\"1\" column=\"1\" message=\"\u{FFFD}\u{FFFD}\"/>"))
    }

    /// Tab, LF and CR survive attribute-value and line-end normalisation.
    @Test func whitespaceInAttributesSurvivesParsing() throws {
        var doc = Fixtures.decoded("a\r\nb")
        doc.diagnostics = [Diagnostic(rule: "r", severity: .note, message: "x\ty\nz\r\nw", range: 0..<1)]
        let bytes = XMLEmitter.encode(doc)
        #expect(String(decoding: bytes, as: UTF8.self).contains("message=\"x&#9;y&#10;z&#13;&#10;w\""))
        #expect(XMLCheck.stringValue(ofChild: "body", in: bytes) == "a\r\nb")
    }

    @Test func deterministicBytes() {
        #expect(XMLEmitter.encode(Fixtures.sample()) == XMLEmitter.encode(Fixtures.sample()))
        let doc = Fixtures.hostile()
        #expect(XMLEmitter.encode(doc) == XMLEmitter.encode(doc))
    }

    @Test func randomDocumentsAreValid() throws {
        let xsd = try Support.xsdValidator()
        var rng = SplitMix(seed: 2024)
        for _ in 0..<300 {
            let doc = Fixtures.random(&rng)
            let bytes = XMLEmitter.encode(doc)
            let issues = xsd.validate(bytes)
            #expect(issues.isEmpty, "\(issues)\n\(String(decoding: bytes, as: UTF8.self))")
            #expect(XMLCheck.stringValue(ofChild: "body", in: bytes) == Support.xmlVisible(doc.text))
        }
    }

    @Test func largeDocumentIsValid() throws {
        let doc = Fixtures.large(paragraphs: 50)
        let bytes = XMLEmitter.encode(doc)
        #expect(try Support.xsdValidator().validate(bytes) == [])
        #expect(XMLCheck.stringValue(ofChild: "body", in: bytes) == doc.text)
        let s = String(decoding: bytes, as: UTF8.self)
        #expect(s.components(separatedBy: "<s>").count - 1 == 150)
        #expect(s.components(separatedBy: "<p>").count - 1 == 50)
    }

    /// The checks can fail: broken XML and schema-invalid XML are reported with lines.
    @Test func validatorRejectsBrokenXML() throws {
        let xsd = try Support.xsdValidator()
        let good = string(Fixtures.sample())
        let broken: [String] = [
            String(good.dropLast(12)),                                              // truncated
            good.replacingOccurrences(of: "<p>", with: "<p><b>"),                    // unclosed element
            good.replacingOccurrences(of: "costs.", with: "costs\u{1}."),            // control character
            good.replacingOccurrences(of: "Café", with: "Caf&eacute;"),              // undeclared entity
        ]
        for b in broken {
            let issues = XMLCheck.wellFormednessErrors(Array(b.utf8))
            #expect(!issues.isEmpty)
            #expect(!xsd.validate(Array(b.utf8)).isEmpty)
        }
        let invalid: [String] = [
            good.replacingOccurrences(of: "kind=\"mojibake\"", with: "kind=\"magic\""),
            good.replacingOccurrences(of: "<entities/>", with: ""),  // every layer but tokens is required
            good.replacingOccurrences(of: "<claims/>", with: "<claims/><extra/>"),
            good.replacingOccurrences(of: "level=\"1\"", with: "level=\"0\""),
            good.replacingOccurrences(of: "start=\"33\"", with: "start=\"-1\""),
            good.replacingOccurrences(of: "<s>x ", with: "<s><p>x</p> "),
            good.replacingOccurrences(of: "urn:docpipe:document:1", with: "urn:other"),
        ]
        for b in invalid {
            #expect(XMLCheck.wellFormednessErrors(Array(b.utf8)).isEmpty)
            let issues = xsd.validate(Array(b.utf8))
            #expect(!issues.isEmpty)
            #expect(issues.allSatisfy { $0.line > 0 }, "\(issues)")
        }
    }

    @Test func badXSDIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docpipe-bad-\(UInt64.random(in: 0...UInt64.max)).xsd").path
        try "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\" type=\"nope\"/></xs:schema>".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: XSDValidator.LoadError.self) { try XSDValidator(path: path) }
    }
}
