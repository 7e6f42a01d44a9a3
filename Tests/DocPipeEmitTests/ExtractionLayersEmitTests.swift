import DocPipeCore
import DocPipeEmit
import Foundation
import Testing
@testable import DocPipeTestSupport

/// The extract stage's layers in both formats: shapes, normalised values, inline XML nesting, schemas.
@Suite struct ExtractionLayersEmitTests {
    static func document() -> Document {
        let text = "The Fund for Rivers (FfR) had 9,000 staff in 2014. It spent $1.4 billion in early 2006.\nToday the Fund counts 165 member states.\n"
        var doc = Fixtures.decoded(text)
        let f = { (s: String, from: Int) in Fixtures.find(s, in: text, from: from) }
        doc.tokens = [Token(kind: .word, range: f("The", 0)), Token(kind: .number, range: f("9,000", 0)), Token(kind: .symbol, range: f("$", 0))]
        doc.acronyms = [Acronym(short: "FfR", long: "Fund for Rivers", range: f("FfR", 0), longRange: f("Fund for Rivers", 0))]
        doc.entities = [
            Entity(id: "e1", kind: .org, range: f("Fund for Rivers", 0), normalized: "Fund for Rivers"),
            Entity(id: "e2", kind: .org, range: f("FfR", 0), normalized: "Fund for Rivers", refersTo: "e1"),
            Entity(id: "e3", kind: .money, range: f("$1.4 billion", 0), normalized: "1400000000 USD"),
            Entity(id: "e4", kind: .org, range: f("Fund", 60), refersTo: "e1"),
        ]
        doc.dates = [
            TimeExpression(kind: .date, value: "2014", range: f("2014", 0)),
            TimeExpression(kind: .date, value: "2006", mod: "START", range: f("early 2006", 0)),
            TimeExpression(kind: .date, value: "PRESENT_REF", range: f("Today", 0)),
        ]
        doc.quantities = [
            Quantity(value: 9000, unit: "staff", range: f("9,000 staff", 0)),
            Quantity(value: 1.4e9, unit: "USD", range: f("$1.4 billion", 0)),
            Quantity(value: 165, unit: "member states", range: f("165 member states", 0)),
        ]
        doc.claims = [
            Claim(kind: .count, subject: "e1", subjectText: "Fund for Rivers", measure: "staff", value: 9000, comparator: .exactly,
                  time: "2014", quantity: 0, range: f("The Fund for Rivers (FfR) had 9,000 staff in 2014.", 0)),
            Claim(kind: .enumeration, subject: nil, subjectText: "the Fund", measure: "member states", value: 165, comparator: .about,
                  time: nil, quantity: nil, range: f("Today the Fund counts 165 member states.", 0), items: [f("165", 0)]),
        ]
        doc.blocks = [Block(kind: .paragraph, range: 0..<(text.utf8.count - 1))]
        doc.sentences = [Sentence(range: f("The Fund for Rivers (FfR) had 9,000 staff in 2014.", 0))]
        return doc
    }

    @Test func jsonCarriesEveryLayer() throws {
        let json = try JSONValue.parse(JSONEmitter.encode(Self.document()))
        #expect(json["tokens"]?.array?.count == 3)
        #expect(json["tokens"]?.array?[1] == (try JSONValue.parse(#"{"kind":"number","start":30,"end":35,"line":1,"column":31}"#)))
        let e2 = json["entities"]?.array?[1]
        #expect(e2 == (try JSONValue.parse(#"{"id":"e2","type":"ORG","text":"FfR","start":21,"end":24,"line":1,"column":22,"normalized":"Fund for Rivers","refersTo":"e1"}"#)))
        #expect(json["entities"]?.array?[3]["normalized"] == .null)
        #expect(json["acronyms"]?.array?[0] == (try JSONValue.parse(#"{"short":"FfR","long":"Fund for Rivers","start":21,"end":24,"line":1,"column":22,"longStart":4,"longEnd":19}"#)))
        #expect(json["dates"]?.array?[1] == (try JSONValue.parse(#"{"type":"DATE","value":"2006","mod":"START","from":null,"to":null,"quantity":null,"text":"early 2006","start":76,"end":86,"line":1,"column":77}"#)))
        #expect(json["quantities"]?.array?[1]["value"] == .number(1_400_000_000))
        #expect(json["claims"]?.array?[0]["quantity"] == .number(0))
        #expect(json["claims"]?.array?[1]["items"]?.array?.count == 1)
        let issues = try Support.jsonSchemaValidator().validate(json)
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test func schemaRejectsABadLayerItem() throws {
        var doc = Self.document()
        doc.entities[0].refersTo = "not-an-id"
        let issues = try Support.jsonSchemaValidator().validate(try JSONValue.parse(JSONEmitter.encode(doc)))
        #expect(!issues.isEmpty)
    }

    @Test func xmlAnnotatesInlineAndValidates() throws {
        let bytes = XMLEmitter.encode(Self.document())
        let s = String(decoding: bytes, as: UTF8.self)
        #expect(s.contains(#"<org id="e1" normalized="Fund for Rivers">Fund for Rivers</org> (<acronym long="Fund for Rivers"><org id="e2" normalized="Fund for Rivers" refersTo="e1">FfR</org></acronym>)"#))
        #expect(s.contains(#"<quantity value="9000" unit="staff" comparator="exactly">9,000 staff</quantity>"#))
        #expect(s.contains(#"<date type="DATE" value="2006" mod="START">early 2006</date>"#))
        #expect(s.contains(#"<quantity value="1400000000" unit="USD" comparator="exactly"><money id="e3" normalized="1400000000 USD">$1.4 billion</money></quantity>"#))
        #expect(s.contains(#"<claim kind="enumeration" subjectText="the Fund" measure="member states" value="165" comparator="about""#))
        #expect(XMLCheck.wellFormednessErrors(bytes).isEmpty)
        let issues = try Support.xsdValidator().validate(bytes)
        #expect(issues.isEmpty, "\(issues)")
    }
}
