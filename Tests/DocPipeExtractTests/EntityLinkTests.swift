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

    @Test func definiteDescriptionFromALaterBlockRefersToTheTopic() {
        // Paragraphs: the topic (the first organisation named), then a union named in passing.
        let text = "The Pacific Weather Union grew.\n\nIt took money from the European Union. The Union then spent it.\n\nThe Union trained staff."
        var doc = entityDocument(text)
        doc.blocks = blocks(of: text)
        let e = EntityRecognizer.entities(in: doc).map { (text.utf8Slice($0.range), $0.normalized ?? "", $0.refersTo) }
        #expect(e.map(\.0) == ["Pacific Weather Union", "European Union", "Union", "Union"])
        // In the paragraph that names it, `the Union` is the nearest one; in the next, the topic.
        #expect(e[2].1 == "European Union" && e[2].2 == "e2")
        #expect(e[3].1 == "Pacific Weather Union" && e[3].2 == "e1")
        // Without block boundaries the text is one block: the nearest union.
        #expect(recogniseEntities(text).map(\.ref) == [nil, nil, "e2", "e2"])
    }

    @Test func topicOnlyWhenItsHeadFits() {
        // The topic is a commission: `the Office` two paragraphs on still means the office.
        let text = "The Lakeside Water Commission grew.\n\nIt rents from the Office of the Harbour Master.\n\nThe Office raised the rent."
        var doc = entityDocument(text)
        doc.blocks = blocks(of: text)
        let e = EntityRecognizer.entities(in: doc)
        #expect(e.map(\.refersTo) == [nil, nil, "e2"])
    }

    @Test(arguments: [
        // `the Organization` is the subject (the topic), also right after another organisation in its block.
        ("The Pacific Weather Union works with the World Health Organization. The Organization trains staff.",
         ["Pacific Weather Union|-", "World Health Organization|-", "Organization|e1"]),
        ("The Alpine Seed Organisation met the Lakeside Water Organisation.\n\nThe Organisation’s budget grew.",
         ["Alpine Seed Organisation|-", "Lakeside Water Organisation|-", "Organisation|e1"]),
        // Lower case, and other heads: the nearest antecedent as before.
        ("The Pacific Weather Union works with the World Health Organization; the organization trains staff.",
         ["Pacific Weather Union|-", "World Health Organization|-", "organization|e2"]),
        ("The Pacific Weather Union works with the European Union. The Union pays.",
         ["Pacific Weather Union|-", "European Union|-", "Union|e2"]),
        ("The Northern Relief Fund met the Alpine Seed Institute. The Agency pays.",
         ["Northern Relief Fund|-", "Alpine Seed Institute|-", "Agency|e2"]),
        // No topic before it: no antecedent, dropped.
        ("The Organization was founded in 1950.", []),
    ] as [(String, [String])])
    func organizationIsTheTopic(_ text: String, _ expected: [String]) {
        var doc = entityDocument(text)
        doc.blocks = blocks(of: text)
        let e = EntityRecognizer.entities(in: doc).filter { $0.kind == .org }
        #expect(e.map { text.utf8Slice($0.range) + "|" + ($0.refersTo ?? "-") } == expected)
    }

    /// Blocks separated by blank lines.
    func blocks(of text: String) -> [Block] {
        var out: [Block] = []
        var start = 0
        let b = Array(text.utf8)
        var i = 0
        while i < b.count {
            if i + 1 < b.count, b[i] == 0x0A, b[i + 1] == 0x0A {
                out.append(Block(kind: .paragraph, range: start..<i))
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        out.append(Block(kind: .paragraph, range: start..<b.count))
        return out
    }

    @Test(arguments: [
        ("The Kestrel Laboratory for Ice Physics grew. The Laboratory hired staff.", "Laboratory"),
        ("The Consortium for Polar Ice Cores met. The Consortium agreed.", "Consortium"),
        ("The Lakeside Water Authority grew. The Authority pays.", "Authority"),
        ("The Alpine Bureau of Soils grew. The Bureau pays.", "Bureau"),
        // A name headed by a head after the weak `Cooperation`: that head points back.
        ("The Alpine Seed Cooperation Council met. The Council agreed.", "Council"),
    ] as [(String, String)])
    func moreHeadsPointBack(_ text: String, _ head: String) {
        let e = recogniseEntities(text)
        #expect(e.map(\.text).last == head)
        #expect(e.count == 2 && e[1].ref == "e1" && e[1].norm == e[0].norm, "\(e)")
        // Without an antecedent of that head: dropped.
        #expect(recogniseEntities("The Northern Relief Fund grew. The \(head) pays.").map(\.text) == ["Northern Relief Fund"])
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
