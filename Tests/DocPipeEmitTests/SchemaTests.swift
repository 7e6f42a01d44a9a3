import DocPipeCore
@testable import DocPipeTestSupport
import DocPipeEmit
import Foundation
import Testing

@Suite struct JSONSchemaTests {
    func documents() -> [Document] {
        var rng = SplitMix(seed: 7)
        return [Fixtures.sample(), Fixtures.hostile(), Document(id: "empty", source: SourceFile(path: "e.txt", bytes: [])),
                Fixtures.large(paragraphs: 30)] + (0..<200).map { _ in Fixtures.random(&rng) }
    }

    @Test func everyEmittedDocumentValidates() throws {
        let v = try Support.jsonSchemaValidator()
        for doc in documents() {
            for bytes in [JSONEmitter.encode(doc), JSONEmitter.encodeLine(doc)] {
                let errors = v.validate(try JSONValue.parse(bytes))
                #expect(errors.isEmpty, "\(doc.id): \(errors)")
            }
        }
    }

    /// The validator can fail: each of these mutations of a valid document must be rejected.
    @Test(arguments: ["missing key", "unknown key", "wrong type", "wrong schema id", "layer not an array", "null text"])
    func rejectsBrokenDocuments(mutation: String) throws {
        let v = try Support.jsonSchemaValidator()
        guard case .object(var j) = try JSONValue.parse(JSONEmitter.encode(Fixtures.sample())) else { Issue.record("not an object"); return }
        #expect(v.validate(.object(j)).isEmpty)
        func index(_ k: String) -> Int { j.firstIndex { $0.key == k }! }
        switch mutation {
        case "missing key": j.removeAll { $0.key == "claims" }
        case "unknown key": j.append((key: "extra", value: .array([])))
        case "wrong type": j[index("id")].value = .number(1)
        case "wrong schema id": j[index("schema")].value = .string("docpipe.document/2")
        case "layer not an array": j[index("tokens")].value = .object([])
        default: j[index("text")].value = .null
        }
        #expect(!v.validate(.object(j)).isEmpty, "\(mutation) was accepted")
    }

    /// Mutations inside annotations: the strictness of the nested definitions.
    @Test(arguments: [
        (#"{"kind":"whitespace","before":" ","after":" ","start":"5","end":6,"line":1,"column":6}"#, "fixes"),
        (#"{"kind":"tidy","before":" ","after":" ","start":5,"end":6,"line":1,"column":6}"#, "fixes"),
        (#"{"kind":"entity","before":" ","after":" ","start":-1,"end":6,"line":1,"column":6}"#, "fixes"),
        (#"{"kind":"entity","before":" ","after":" ","start":1,"end":6,"line":0,"column":6}"#, "fixes"),
        (#"{"kind":"entity","before":" ","after":" ","start":1,"end":6,"line":1,"column":6,"why":"x"}"#, "fixes"),
        (#"{"kind":"entity","before":" ","after":" ","start":1,"end":6,"line":1}"#, "fixes"),
        (#"{"kind":"entity","before":" ","after":" ","start":1.5,"end":6,"line":1,"column":6}"#, "fixes"),
        (#"{"kind":"heading","level":0,"start":0,"end":1,"line":1,"column":1}"#, "blocks"),
        (#"{"kind":"paragraph","level":2,"start":0,"end":1,"line":1,"column":1}"#, "blocks"),
        (#"{"kind":"section","level":0,"start":0,"end":1,"line":1,"column":1}"#, "blocks"),
        (#"{"start":0,"end":1,"line":1}"#, "sentences"),
        (#"{"rule":"x","severity":"fatal","message":"m","start":0,"end":1,"line":1,"column":1,"endLine":1,"endColumn":2,"related":[]}"#, "diagnostics"),
        (#"{"rule":"x","severity":"note","message":"m","start":0,"end":1,"line":1,"column":1,"endLine":1,"endColumn":2,"related":[{"line":1,"column":1,"message":"m"}]}"#, "diagnostics"),
        (#"{"rule":"x","severity":"note","message":"m","start":0,"end":1,"line":1,"column":1,"endLine":1,"endColumn":2}"#, "diagnostics"),
        ("17", "entities"),
    ])
    func rejectsBrokenAnnotations(item: String, layer: String) throws {
        let v = try Support.jsonSchemaValidator()
        guard case .object(var members) = try JSONValue.parse(JSONEmitter.encode(Fixtures.sample())) else { Issue.record("not an object"); return }
        let i = members.firstIndex { $0.key == layer }!
        members[i].value = .array([try JSONValue.parse(item)])
        #expect(!v.validate(.object(members)).isEmpty, "accepted \(item) in \(layer)")
    }

    @Test func rejectsBadSourceHash() throws {
        let v = try Support.jsonSchemaValidator()
        guard case .object(var members) = try JSONValue.parse(JSONEmitter.encode(Fixtures.sample())),
              case .object(var source) = members[3].value else { Issue.record("shape"); return }
        source[1].value = .string("ABC")
        members[3].value = .object(source)
        #expect(!v.validate(.object(members)).isEmpty)
    }

    /// A keyword the validator does not implement makes it refuse the schema rather than ignore it.
    @Test(arguments: [
        #"{"type":"object","maxLength":3}"#,
        #"{"properties":{"a":{"format":"date"}}}"#,
        ##"{"$ref":"#/$defs/missing"}"##,
        #"{"$ref":"other.json"}"#,
        #"{"type":"integr"}"#,
        #"{"items":[{"type":"string"}]}"#,
        #"{"allOf":[true]}"#,
    ])
    func refusesUnknownKeywords(schema: String) throws {
        #expect(throws: JSONSchemaValidator.SchemaError.self) { try JSONSchemaValidator(schema: try JSONValue.parse(schema)) }
    }

    @Test func strictParserRejectsInvalidJSON() {
        for bad in [#"{"a":1,"a":2}"#, "{\"a\":\"\u{1}\"}", #"["\ud800"]"#, "[1,]", "{} x", "01", #"{"a" 1}"#] {
            #expect(throws: JSONValue.ParseError.self, "\(bad)") { try JSONValue.parse(bad) }
        }
    }
}
