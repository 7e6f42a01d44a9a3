import Testing
import DocPipeCore
@testable import DocPipeExtract

@Suite struct EntityLinkTests {
    @Test func acronymRefersToExpansion() {
        let text = "The Lakeside Water Commission (LWC) met. Later the LWC and LWC’s staff left."
        let e = recogniseEntities(text, acronyms: [("LWC", "Lakeside Water Commission")])
        #expect(e.map(\.text) == ["Lakeside Water Commission", "LWC", "LWC", "LWC"])
        #expect(e.map(\.ref) == [nil, "e1", "e1", "e1"])
        #expect(e.allSatisfy { $0.kind == "ORG" && $0.norm == "Lakeside Water Commission" })
    }

    @Test func gazetteerAcronymNormalisedWhenDefined() {
        let text = "The International Organization for Migration (IOM) grew. IOM has 165 members."
        let e = recogniseEntities(text, acronyms: [("IOM", "International Organization for Migration")])
        #expect(e.map(\.text) == ["International Organization for Migration", "IOM", "IOM", "165"])
        #expect(e[2].norm == "International Organization for Migration")
        #expect(e[2].ref == "e1")
    }

    @Test func undefinedUnknownAcronymIsNoEntity() {
        let e = recogniseEntities("Memoranda of Understanding (MoUs) were signed. MoUs matter.", acronyms: [("MoUs", "Memoranda of Understanding")])
        #expect(e.isEmpty, "\(e)")
    }

    @Test func acronymTakesKindOfItsExpansion() {
        let e = recogniseEntities("the Paris Agreement (PA) binds. The PA holds.", acronyms: [("PA", "Paris Agreement")])
        #expect(e.map(\.kind) == ["LAW", "LAW", "LAW"])
        #expect(e.map(\.ref) == [nil, "e1", "e1"])
    }

    @Test func definiteDescriptionRefersToSameHead() {
        let text = "The Coastal Fisheries Organization met the Office of the Harbour Master. The Organization thanked the Office, and the organization’s budget grew."
        let e = recogniseEntities(text)
        #expect(e.map(\.text) == ["Coastal Fisheries Organization", "Office of the Harbour Master", "Organization", "Office", "organization"])
        #expect(e.map(\.ref) == [nil, nil, "e1", "e2", "e1"])
        #expect(e[2].norm == "Coastal Fisheries Organization")
    }

    @Test func definiteDescriptionWithoutAntecedentIsDropped() {
        #expect(recogniseEntities("The Board met and the Fund paid.").isEmpty)
        // `the Fund` with a fund before it, `the Board` without a board: only the fund links.
        let e = recogniseEntities("The Northern Relief Fund grew. The Board met and the Fund paid.")
        #expect(e.map(\.text) == ["Northern Relief Fund", "Fund"])
        #expect(e[1].ref == "e1")
    }

    @Test func genericHeadFallsBackToNearestOrganisation() {
        let e = recogniseEntities("The Alpine Rescue Network grew; the agency now has staff.")
        #expect(e.map(\.text) == ["Alpine Rescue Network", "agency"])
        #expect(e[1].ref == "e1")
    }

    @Test func repeatedNameRefersToFirstMention() {
        let text = "The World Bank lent. The World Bank and the United Nations met; the UN agreed."
        let e = recogniseEntities(text)
        #expect(e.map(\.text) == ["World Bank", "World Bank", "United Nations", "UN"])
        #expect(e.map(\.ref) == [nil, "e1", nil, "e3"])
    }

    @Test func acronymMentionBeforeDefinitionStillLinks() {
        let text = "LWC news. The Lakeside Water Commission (LWC) met."
        let e = recogniseEntities(text, acronyms: [("LWC", "Lakeside Water Commission")])
        #expect(e.map(\.text) == ["LWC", "Lakeside Water Commission", "LWC"])
        #expect(e.map(\.ref) == ["e2", nil, "e2"])
    }

    @Test func linksAlwaysPointAtRoots() {
        let text = "The International Organization for Migration (IOM) grew. The International Organization for Migration and IOM; the Organization."
        let ents = EntityRecognizer.entities(in: entityDocument(text, acronyms: [("IOM", "International Organization for Migration")]))
        let byID = Dictionary(uniqueKeysWithValues: ents.map { ($0.id, $0) })
        for e in ents {
            if let r = e.refersTo { #expect(byID[r]?.refersTo == nil) }
        }
        #expect(ents.filter { $0.refersTo == nil }.count == 1)
    }
}
