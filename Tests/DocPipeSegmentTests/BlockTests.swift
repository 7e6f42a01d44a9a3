import DocPipeCore
import Testing
@testable import DocPipeSegment

struct BlockCase: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var expected: [String]
    var testDescription: String { name }
}

let blockCases: [BlockCase] = [
    BlockCase(name: "title, heading, paragraphs",
              text: "Harbour Authority of the North\n\nThe authority runs twelve ports. It was founded in 1962.\n\nGoverning Council\n\nThe council meets twice a year.\n",
              expected: ["h1:Harbour Authority of the North", "p:The authority runs twelve ports. It was founded in 1962.",
                         "h2:Governing Council", "p:The council meets twice a year."]),
    BlockCase(name: "one-line sentence is a paragraph, not a heading",
              text: "Several have voting rights.\n\nFew attend.\n",
              expected: ["p:Several have voting rights.", "p:Few attend."]),
    BlockCase(name: "sentence-case heading standing alone",
              text: "Field work\n\nTeams visit villages.\n",
              expected: ["h1:Field work", "p:Teams visit villages."]),
    BlockCase(name: "heading with a number and parentheses",
              text: "Intro text here.\n\nThe 1987 Session (Geneva)\n\nDelegates met.\n",
              expected: ["p:Intro text here.", "h1:The 1987 Session (Geneva)", "p:Delegates met."]),
    BlockCase(name: "line ending in a function word is not a heading",
              text: "The office opened in\n\nMarch.\n",
              expected: ["p:The office opened in", "p:March."]),
    BlockCase(name: "line ending in a colon, semicolon or comma is not a heading",
              text: "Budget Lines;\n\nStaff Costs,\n",
              expected: ["p:Budget Lines;", "p:Staff Costs,"]),
    BlockCase(name: "lower-case start is not a heading",
              text: "and then Some More\n",
              expected: ["p:and then Some More"]),
    BlockCase(name: "two headings in a row are both headings",
              text: "Overview\n\nMember States\n\nObserver States\nPartner Agencies\n\nThe partners meet yearly.\n",
              expected: ["h1:Overview", "h2:Member States", "h2:Observer States", "h2:Partner Agencies", "p:The partners meet yearly."]),
    BlockCase(name: "sentence-case lines in a run are a paragraph",
              text: "Some short line\nanother short line\n",
              expected: ["p:Some short line\nanother short line"]),
    BlockCase(name: "a title line directly followed by text is a paragraph",
              text: "Annual Meetings\nThe meetings rotate between member capitals.\n",
              expected: ["p:Annual Meetings\nThe meetings rotate between member capitals."]),
    BlockCase(name: "list after a colon, last item with a period",
              text: "The fund works in three fields:\n\nWater supply\nRural roads\nPublic health.\n\nIt also lends money.\n",
              expected: ["p:The fund works in three fields:", "li:Water supply", "li:Rural roads", "li:Public health.", "p:It also lends money."]),
    BlockCase(name: "list after a colon in the same run",
              text: "Members include:\nNorthern Rail Board\nCoastal Shipping Union (CSU)\n",
              expected: ["p:Members include:", "li:Northern Rail Board", "li:Coastal Shipping Union (CSU)"]),
    BlockCase(name: "list items separated by blank lines after a colon",
              text: "Its organs are:\n\nThe Assembly\n\nThe Board\n\nThe Secretariat\n",
              expected: ["p:Its organs are:", "li:The Assembly", "li:The Board", "li:The Secretariat"]),
    BlockCase(name: "a normal paragraph after a colon",
              text: "He summed it up:\n\nThe council met on Monday and approved the plan. Nobody objected to it.\n",
              expected: ["p:He summed it up:", "p:The council met on Monday and approved the plan. Nobody objected to it."]),
    BlockCase(name: "a single short line after a colon is a paragraph, not a heading",
              text: "The motto reads:\n\nUnity and Peace\n",
              expected: ["p:The motto reads:", "p:Unity and Peace"]),
    BlockCase(name: "lines with sentence structure after a colon are not list items",
              text: "Two things happened:\nThe bank failed. Nobody knew why.\nThe court met. It ruled fast.\n",
              expected: ["p:Two things happened:\nThe bank failed. Nobody knew why.\nThe court met. It ruled fast."]),
    BlockCase(name: "bullets with indentation; the marker stays in the block",
              text: "See Also\n\n  • Port State Control\n  • Maritime Law\n",
              expected: ["h1:See Also", "li:• Port State Control", "li:• Maritime Law"]),
    BlockCase(name: "hyphen, star, dash and numbered markers",
              text: "- first thing\n* second thing\n– third thing\n1. fourth thing\n2) fifth thing\n",
              expected: ["li:- first thing", "li:* second thing", "li:– third thing", "li:1. fourth thing", "li:2) fifth thing"]),
    BlockCase(name: "a bullet item continues on deeper-indented lines",
              text: "  • A long item that\n    wraps onto a second line\n  • Short item\n",
              expected: ["li:• A long item that\n    wraps onto a second line", "li:• Short item"]),
    BlockCase(name: "a minus sign or a year is not a marker",
              text: "-5 degrees is cold.\n\n2006. A year of change.\n",
              expected: ["p:-5 degrees is cold.", "p:2006. A year of change."]),
    BlockCase(name: "CR LF line breaks",
              text: "Main Title\r\n\r\nFirst line of text.\r\nSecond line of text.\r\n",
              expected: ["h1:Main Title", "p:First line of text.\r\nSecond line of text."]),
    BlockCase(name: "heading at the end of the document",
              text: "Text comes first.\n\nFurther Reading",
              expected: ["p:Text comes first.", "h1:Further Reading"]),
    BlockCase(name: "non-ASCII upper-case heading and spaces",
              text: "\u{00A0}Économie Régionale\u{00A0}\n\nLes ports sont ouverts.\n",
              expected: ["h1:Économie Régionale", "p:Les ports sont ouverts."]),
    BlockCase(name: "empty and blank documents", text: " \n\n\t\n", expected: []),
]

@Test(arguments: blockCases)
func blocks(_ c: BlockCase) throws {
    #expect(blockSummary(try segmented(c.text)) == c.expected)
}

@Test func headingsOptionOff() throws {
    let d = try segmented("Field Work\n\nTeams visit villages.\n", SegmentOptions(headings: false))
    #expect(blockSummary(d) == ["p:Field Work", "p:Teams visit villages."])
}

@Test func listsOptionOff() throws {
    let d = try segmented("Areas:\nWater Supply\nRoads\n\n  • One item\n", SegmentOptions(lists: false))
    #expect(blockSummary(d) == ["p:Areas:\nWater Supply\nRoads", "p:• One item"])
}

@Test func existingPlainTextBlocksAreKept() throws {
    // The clean stage marked the second line as a heading (a repaired <h3< line).
    let text = "Directory\n\nObserver States\nIntergovernmental Bodies\n\nThe bodies meet yearly.\n"
    let existing = Block(kind: .heading, level: 3, range: utf8Range(of: "Intergovernmental Bodies", in: text))
    let d = try segmented(text, blocks: [existing])
    #expect(blockSummary(d) == ["h1:Directory", "h2:Observer States", "h3:Intergovernmental Bodies", "p:The bodies meet yearly."])
}

@Test func existingBlockFirstKeepsItsLevel() throws {
    let text = "Ports Agency\n\nLater Section\n\nText.\n"
    let existing = Block(kind: .heading, level: 1, range: utf8Range(of: "Ports Agency", in: text))
    let d = try segmented(text, blocks: [existing])
    #expect(blockSummary(d) == ["h1:Ports Agency", "h2:Later Section", "p:Text."])
}

@Test func existingParagraphEndingInColonAnnouncesList() throws {
    let text = "It covers:\n\nWater Supply\nRural Roads\n"
    let existing = Block(kind: .paragraph, range: utf8Range(of: "It covers:", in: text))
    let d = try segmented(text, blocks: [existing])
    #expect(blockSummary(d) == ["p:It covers:", "li:Water Supply", "li:Rural Roads"])
}

@Test func htmlBlocksAreUsedAsTheyAre() throws {
    let text = "Title\nFirst para. Second one.\nItem"
    let given = [
        Block(kind: .heading, level: 1, range: utf8Range(of: "Title", in: text)),
        Block(kind: .paragraph, range: utf8Range(of: "First para. Second one.", in: text)),
        Block(kind: .listItem, range: utf8Range(of: "Item", in: text)),
    ]
    let d = try segmented(text, mediaType: "text/html", blocks: given)
    #expect(d.blocks == given)
    #expect(sentenceTexts(d) == ["Title", "First para.", "Second one.", "Item"])
}

@Test func htmlWithoutBlocksUsesPlainTextRules() throws {
    let d = try segmented("Heading Here\n\nBody text.\n", mediaType: "text/html")
    #expect(blockSummary(d) == ["h1:Heading Here", "p:Body text."])
}

@Test func listItemSentenceExcludesMarker() throws {
    let d = try segmented("  • First link. Second part\n3. Numbered item\n")
    #expect(sentenceTexts(d) == ["First link.", "Second part", "Numbered item"])
}

@Test func headingIsOneSentence() throws {
    let d = try segmented("Relations with Dr. Who\n\nText.\n")
    #expect(blockSummary(d).first == "h1:Relations with Dr. Who")
    #expect(sentenceTexts(d) == ["Relations with Dr. Who", "Text."])
}

@Test func stageNameAndIdempotence() throws {
    #expect(SegmentStage.name == "segment")
    let text = "Title Line\n\nA paragraph. Another sentence.\n\nAreas:\n\nOne Area\nTwo Areas\n\n  • Bullet\n"
    var d = makeDocument(text)
    let stage = SegmentStage()
    try stage.process(&d)
    let first = (d.blocks, d.sentences)
    try stage.process(&d)
    #expect(d.blocks == first.0)
    #expect(d.sentences == first.1)
}
