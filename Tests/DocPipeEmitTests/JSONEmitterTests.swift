import DocPipeCore
@testable import DocPipeTestSupport
import DocPipeEmit
import Foundation
import Testing

@Suite struct JSONEmitterTests {
    static let allKeys = ["schema", "id", "offsets", "source", "text", "fixes", "blocks", "sentences", "tokens", "entities",
                          "acronyms", "dates", "quantities", "claims", "diagnostics"]

    func parsed(_ doc: Document) throws -> JSONValue { try JSONValue.parse(JSONEmitter.encode(doc)) }

    @Test func keysInOrderAndHeader() throws {
        let j = try parsed(Fixtures.sample())
        #expect(j.keys == Self.allKeys)
        #expect(j["schema"] == .string("docpipe.document/1"))
        #expect(j["offsets"] == .string("unicode-scalars"))
        #expect(j["source"]?.keys == ["path", "sha256", "bytes", "encoding", "mediaType"])
        #expect(j["source"]?["path"] == .string("Input/a/b.txt"))
        #expect(j["source"]?["bytes"]?.int == Array("Héllo  world\nCafé &amp; €5 😀 costs.\nx â€™ y ends.\n".utf8).count)
        #expect(j["source"]?["sha256"]?.string?.count == 64)
        #expect(j["text"] == .string("Héllo world\nCafé & €5 😀 costs.\nx ’ y ends.\n"))
    }

    /// start/end index Unicode scalars as Python does; line/column are raw, through two rewrites.
    @Test func scalarOffsetsAndRawPositions() throws {
        let j = try parsed(Fixtures.sample())
        let text = j["text"]!.string!
        let fixes = j["fixes"]!.array!
        #expect(fixes.count == 3)
        #expect(fixes[0] == (try JSONValue.parse(#"{"kind":"whitespace","before":"  ","after":" ","start":5,"end":6,"line":1,"column":6}"#)))
        #expect(fixes[1] == (try JSONValue.parse(#"{"kind":"entity","before":"&amp;","after":"&","start":17,"end":18,"line":2,"column":6,"note":"UTF-8 read as Windows-1252"}"#)))
        // The fix on line 3, after line 1 was shortened by one character: still raw line 3, column 3.
        #expect(fixes[2] == (try JSONValue.parse(#"{"kind":"mojibake","before":"â€™","after":"’","start":33,"end":34,"line":3,"column":3,"note":"UTF-8 read as Windows-1252"}"#)))
        for f in fixes { #expect(Support.slice(text, f["start"]!.int!, f["end"]!.int!) == f["after"]!.string!) }

        let blocks = j["blocks"]!.array!
        #expect(blocks[0] == (try JSONValue.parse(#"{"kind":"heading","level":1,"start":0,"end":11,"line":1,"column":1}"#)))
        #expect(blocks[1] == (try JSONValue.parse(#"{"kind":"paragraph","level":0,"start":12,"end":42,"line":2,"column":1}"#)))
        let sentences = j["sentences"]!.array!
        #expect(sentences.map { Support.slice(text, $0["start"]!.int!, $0["end"]!.int!) } == ["Héllo world", "Café & €5 😀 costs.", "x ’ y ends."])
        #expect(sentences.map { [$0["line"]!.int!, $0["column"]!.int!] } == [[1, 1], [2, 1], [3, 1]])

        let d = j["diagnostics"]!.array!
        #expect(d[0] == (try JSONValue.parse(#"{"rule":"quantity-conflict","severity":"error","message":"€5 here, \"😀\" there","start":19,"end":21,"line":2,"column":12,"endLine":2,"endColumn":14,"related":[{"start":22,"end":23,"line":2,"column":15,"message":"stated here"}]}"#)))
        #expect(Support.slice(text, 19, 21) == "€5")
        // A finding about the whole document spans the whole text, from 1:1 to the end of the file.
        #expect(d[1] == (try JSONValue.parse(#"{"rule":"acronym-undefined","severity":"note","message":"whole document","start":0,"end":43,"line":1,"column":1,"endLine":4,"endColumn":1,"related":[]}"#)))
    }

    @Test func everyKeyPresentWhenEmpty() throws {
        let doc = Document(id: "empty", source: SourceFile(path: "e.txt", bytes: []))
        let j = try parsed(doc)
        #expect(j.keys == Self.allKeys)
        for k in Self.allKeys.dropFirst(5) { #expect(j[k] == .array([]), "\(k)") }
        #expect(j["text"] == .string(""))
        #expect(j["source"]?["encoding"] == .null)
        #expect(j["source"]?["bytes"] == .number(0))
        // Pretty output of an empty document, byte for byte.
        let expected = """
        {
          "schema": "docpipe.document/1",
          "id": "empty",
          "offsets": "unicode-scalars",
          "source": {
            "path": "e.txt",
            "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "bytes": 0,
            "encoding": null,
            "mediaType": "text/plain"
          },
          "text": "",
          "fixes": [],
          "blocks": [],
          "sentences": [],
          "tokens": [],
          "entities": [],
          "acronyms": [],
          "dates": [],
          "quantities": [],
          "claims": [],
          "diagnostics": []
        }

        """
        #expect(String(decoding: JSONEmitter.encode(doc), as: UTF8.self) == expected)
        #expect(String(decoding: JSONEmitter.encodeLine(doc), as: UTF8.self)
            == #"{"schema":"docpipe.document/1","id":"empty","offsets":"unicode-scalars","source":{"path":"e.txt","sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","bytes":0,"encoding":null,"mediaType":"text/plain"},"text":"","fixes":[],"blocks":[],"sentences":[],"tokens":[],"entities":[],"acronyms":[],"dates":[],"quantities":[],"claims":[],"diagnostics":[]}"#)
    }

    @Test func onlyAnnotationPerLine() throws {
        let s = String(decoding: JSONEmitter.encode(Fixtures.sample()), as: UTF8.self)
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains(#"    {"kind": "whitespace", "before": "  ", "after": " ", "start": 5, "end": 6, "line": 1, "column": 6},"#))
        #expect(lines.contains(#"    {"start": 0, "end": 11, "line": 1, "column": 1},"#))
        #expect(lines.contains(#"    {"rule": "quantity-conflict", "severity": "error", "message": "€5 here, \"😀\" there", "start": 19, "end": 21, "line": 2, "column": 12, "endLine": 2, "endColumn": 14, "related": [{"start": 22, "end": 23, "line": 2, "column": 15, "message": "stated here"}]},"#))
    }

    @Test func escaping() throws {
        let text = "a\"b\\c\u{1}\u{1F}\n\t\r\u{8}\u{C}\u{7F}\u{2028}\u{2029}é/\u{0}😀\u{E2}\u{80}"
        let doc = Fixtures.decoded(text)
        let pretty = String(decoding: JSONEmitter.encode(doc), as: UTF8.self)
        #expect(pretty.contains(#""text": "a\"b\\c\u0001\u001f\n\t\r\b\f\u007f\u2028\u2029é/\u0000😀\#u{E2}\#u{80}","#))
        for bytes in [JSONEmitter.encode(doc), JSONEmitter.encodeLine(doc)] {
            #expect(try JSONValue.parse(bytes)["text"] == .string(text))
            let any = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
            #expect(any?["text"] as? String == text)
            // No raw control characters, U+2028 or U+2029 anywhere in the output.
            let s = String(decoding: bytes, as: UTF8.self)
            #expect(!s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0 == "\u{2028}" || $0 == "\u{2029}" })
        }
    }

    @Test func jsonLinesRecordIsOneLine() throws {
        for doc in [Fixtures.sample(), Fixtures.hostile()] {
            let line = JSONEmitter.encodeLine(doc)
            #expect(!line.contains(0x0A) && !line.contains(0x0D))
            #expect(try JSONValue.parse(line) == (try JSONValue.parse(JSONEmitter.encode(doc))))
        }
    }

    @Test func deterministicBytes() {
        #expect(JSONEmitter.encode(Fixtures.sample()) == JSONEmitter.encode(Fixtures.sample()))
        let doc = Fixtures.hostile()
        #expect(JSONEmitter.encode(doc) == JSONEmitter.encode(doc))
        #expect(JSONEmitter.encodeLine(doc) == JSONEmitter.encodeLine(doc))
    }

    /// Random documents: the text round-trips and every start/end is the scalar count of its UTF-8 offset.
    @Test func randomDocumentsRoundTrip() throws {
        var rng = SplitMix(seed: 42)
        for _ in 0..<300 {
            let doc = Fixtures.random(&rng)
            let j = try JSONValue.parse(JSONEmitter.encode(doc))
            #expect(j["text"] == .string(doc.text))
            for (f, jf) in zip(doc.fixes, j["fixes"]!.array!) {
                #expect(jf["start"]?.int == Support.scalars(doc.text, upTo: f.range.lowerBound))
                #expect(jf["end"]?.int == Support.scalars(doc.text, upTo: f.range.upperBound))
                let p = doc.rawPosition(ofOriginal: f.origin.lowerBound)
                #expect(jf["line"]?.int == p.line && jf["column"]?.int == p.column)
            }
            for (s, js) in zip(doc.sentences, j["sentences"]!.array!) {
                #expect(js["start"]?.int == Support.scalars(doc.text, upTo: s.range.lowerBound))
                #expect(js["end"]?.int == Support.scalars(doc.text, upTo: s.range.upperBound))
                let span = doc.rawSpan(of: s.range)
                #expect(js["line"]?.int == span.line && js["column"]?.int == span.column)
            }
            for (d, jd) in zip(doc.diagnostics, j["diagnostics"]!.array!) {
                guard let r = d.range else { continue }
                let span = doc.rawSpan(of: r)
                #expect([jd["line"]?.int, jd["column"]?.int, jd["endLine"]?.int, jd["endColumn"]?.int] == [span.line, span.column, span.endLine, span.endColumn])
                #expect(jd["end"]?.int == Support.scalars(doc.text, upTo: r.upperBound))
            }
        }
    }
}

/// `tokens: false` leaves the token layer out of both formats (absent, not empty) and nothing else.
@Test func tokenLayerCanBeLeftOut() throws {
    var doc = Fixtures.sample()
    doc.tokens = [Token(kind: .word, range: 0..<3)]
    let with = String(decoding: JSONEmitter.encode(doc), as: UTF8.self)
    let without = String(decoding: JSONEmitter.encode(doc, tokens: false), as: UTF8.self)
    #expect(with.contains("\"tokens\": ["))
    #expect(!without.contains("\"tokens\""))
    #expect(!String(decoding: JSONEmitter.encodeLine(doc, tokens: false), as: UTF8.self).contains("\"tokens\""))
    guard case .object(let all) = try JSONValue.parse(Array(with.utf8)) else { Issue.record("not an object"); return }
    #expect(JSONValue.object(all.filter { $0.key != "tokens" }) == (try JSONValue.parse(Array(without.utf8))))
    #expect(String(decoding: XMLEmitter.encode(doc), as: UTF8.self).contains("<tokens>"))
    #expect(!String(decoding: XMLEmitter.encode(doc, tokens: false), as: UTF8.self).contains("<tokens"))
}

@Suite struct SharedLocationsTests {
    /// Tables built once for both formats give the bytes each emitter gives with its own, and tables
    /// of another document are not used for this one.
    @Test func sharedTablesChangeNothing() {
        for doc in [Fixtures.sample(), Fixtures.hostile(), Fixtures.large(paragraphs: 40)] {
            let shared = DocumentLocations(doc)
            #expect(JSONEmitter.encode(doc, tokens: true, locations: shared) == JSONEmitter.encode(doc, tokens: true))
            #expect(XMLEmitter.encode(doc, tokens: true, locations: shared) == XMLEmitter.encode(doc, tokens: true))
        }
        let other = DocumentLocations(Fixtures.large(paragraphs: 3))
        let doc = Fixtures.hostile()
        #expect(JSONEmitter.encode(doc, locations: other) == JSONEmitter.encode(doc))
        #expect(XMLEmitter.encode(doc, locations: other) == XMLEmitter.encode(doc))
    }

    /// The annotation locations shared with the tables are not used for a document with the same text
    /// but other layers.
    @Test func sharedLocationsOfOtherLayersAreNotUsed() {
        let base = Fixtures.large(paragraphs: 12)
        let shared = DocumentLocations(base)
        #expect(base.fixes.count > 1 && base.blocks.count > 1 && base.diagnostics.count > 1)
        var shifted = base
        shifted.fixes = base.fixes.reversed()
        shifted.blocks.removeFirst()
        shifted.diagnostics = base.diagnostics.reversed()
        #expect(JSONEmitter.encode(shifted, locations: shared) == JSONEmitter.encode(shifted))
        #expect(XMLEmitter.encode(shifted, locations: shared) == XMLEmitter.encode(shifted))
        // One layer changed in place (same length, fresh storage) is noticed too.
        var moved = base
        moved.sentences[0].range = moved.sentences[0].range.lowerBound..<(moved.sentences[0].range.upperBound - 1)
        #expect(JSONEmitter.encode(moved, locations: shared) == JSONEmitter.encode(moved))
        #expect(XMLEmitter.encode(moved, locations: shared) == XMLEmitter.encode(moved))
    }
}
