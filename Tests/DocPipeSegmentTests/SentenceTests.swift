import DocPipeCore
import Testing
@testable import DocPipeSegment

struct SentenceCase: CustomTestStringConvertible, Sendable {
    var text: String
    var expected: [String]
    var testDescription: String { text }
}

func sc(_ text: String, _ expected: String...) -> SentenceCase { SentenceCase(text: text, expected: expected) }

let sentenceCases: [SentenceCase] = [
    // Plain terminators.
    sc("The port opened. Ships arrived soon after.", "The port opened.", "Ships arrived soon after."),
    sc("Was it late? Nobody knew! Then it ended", "Was it late?", "Nobody knew!", "Then it ended"),
    sc("Really?! Yes.", "Really?!", "Yes."),
    sc("The value is 5. and more followed", "The value is 5. and more followed"),
    sc("It grew in 1969. 12 new members joined.", "It grew in 1969.", "12 new members joined."),
    sc("Il est parti. Écoutez bien.", "Il est parti.", "Écoutez bien."),
    sc("The text wraps\nacross lines. Next one.", "The text wraps\nacross lines.", "Next one."),
    sc("No final stop here", "No final stop here"),
    // Titles and other always-abbreviations.
    sc("Dr. Okafor arrived. Mr. Lind left.", "Dr. Okafor arrived.", "Mr. Lind left."),
    sc("Mrs. Aalto and Ms. Berg met Prof. Quist at St. Anne's.", "Mrs. Aalto and Ms. Berg met Prof. Quist at St. Anne's."),
    sc("Talks began approx. 9,000 years ago. Few remember.", "Talks began approx. 9,000 years ago.", "Few remember."),
    sc("The site was est. 1899 by monks.", "The site was est. 1899 by monks."),
    sc("They met on Jan. 5. It rained.", "They met on Jan. 5.", "It rained."),
    sc("Compare the two, cf. Table 2. Done.", "Compare the two, cf. Table 2.", "Done."),
    sc("It was Rome vs. Carthage. Rome won.", "It was Rome vs. Carthage.", "Rome won."),
    sc("Read Art. 5.2 of the treaty. Then sign.", "Read Art. 5.2 of the treaty.", "Then sign."),
    sc("See Vol. 3 and pp. 12-14. Then stop.", "See Vol. 3 and pp. 12-14.", "Then stop."),
    // e.g., i.e., etc.
    sc("Some groups, e.g., schools and clinics, joined. Others waited.", "Some groups, e.g., schools and clinics, joined.", "Others waited."),
    sc("Use hand tools, e.g. Hammers and saws. Fine.", "Use hand tools, e.g. Hammers and saws.", "Fine."),
    sc("The core body, i.e. The Council, decides.", "The core body, i.e. The Council, decides."),
    sc("We bought pears, plums, etc. and went home.", "We bought pears, plums, etc. and went home."),
    sc("We bought pears, plums, etc. The shop then closed.", "We bought pears, plums, etc.", "The shop then closed."),
    // No. before a number only.
    sc("See No. 5 for details.", "See No. 5 for details."),
    sc("The answer was No. Then we left.", "The answer was No.", "Then we left."),
    sc("The Guide (1972; 6th ed. 2022) is free.", "The Guide (1972; 6th ed. 2022) is free."),
    sc("It was revised in the 2nd ed. The 3rd followed.", "It was revised in the 2nd ed.", "The 3rd followed."),
    // Countries and companies: split only before a typical sentence opener.
    sc("The U.S. Congress voted. It passed.", "The U.S. Congress voted.", "It passed."),
    sc("He moved to the U.S. The next year he returned.", "He moved to the U.S.", "The next year he returned."),
    sc("The U.N. Security Council met.", "The U.N. Security Council met."),
    sc("Acme Corp. Board members resigned.", "Acme Corp. Board members resigned."),
    sc("He works for Acme Inc. The firm is small.", "He works for Acme Inc.", "The firm is small."),
    // Initials and dotted letter groups.
    sc("J. R. Smith wrote it. George W. Bush signed it.", "J. R. Smith wrote it.", "George W. Bush signed it."),
    sc("The body needs vitamin C. The liver stores it.", "The body needs vitamin C.", "The liver stores it."),
    sc("She holds a Ph.D. Degree from Oslo.", "She holds a Ph.D. Degree from Oslo."),
    sc("It ends at 5 p.m. The doors then close.", "It ends at 5 p.m.", "The doors then close."),
    // Decimals, numbers, references.
    sc("The budget was $1.4 billion. Growth was 3.5% in 2006.", "The budget was $1.4 billion.", "Growth was 3.5% in 2006."),
    sc("It was adopted as A/RES/47/4. It passed.", "It was adopted as A/RES/47/4.", "It passed."),
    sc("Resolution (A/RES/47/4). Then more.", "Resolution (A/RES/47/4).", "Then more."),
    sc("Section 5.2.1 applies. Clause 3.4 too.", "Section 5.2.1 applies.", "Clause 3.4 too."),
    // Quotes and brackets after the period.
    sc("He said, \"Stop.\" Then he left.", "He said, \"Stop.\"", "Then he left."),
    sc("She wrote \u{201C}Done.\u{201D} The end.", "She wrote \u{201C}Done.\u{201D}", "The end."),
    sc("(It was late.) We slept.", "(It was late.)", "We slept."),
    sc("It ended. \"Why?\" he asked.", "It ended.", "\"Why?\" he asked."),
    sc("It ended. \u{201C}Why?\u{201D} she asked.", "It ended.", "\u{201C}Why?\u{201D} she asked."),
    sc("It ended. (See the annex.)", "It ended.", "(See the annex.)"),
    sc("It ended. (see below)", "It ended. (see below)"),
    // Ellipsis.
    sc("Wait... what happened? Nothing.", "Wait... what happened?", "Nothing."),
    sc("He hesitated \u{2026} Then he spoke.", "He hesitated \u{2026} Then he spoke."),
    sc("He hesitated\u{2026} Then he spoke.", "He hesitated\u{2026}", "Then he spoke."),
    sc("Well\u{2026} I think so.", "Well\u{2026} I think so."),
    // URLs and e-mail.
    sc("Visit www.example.org. Write to info@example.org for help.", "Visit www.example.org.", "Write to info@example.org for help."),
    sc("Open https://example.org/a.b/Index.html today. Done.", "Open https://example.org/a.b/Index.html today.", "Done."),
    // Whitespace.
    sc("  One.\u{00A0} Two.  ", "One.", "Two."),
    sc("Two points follow. 1. The first is short. 2. The second too.", "Two points follow.", "1. The first is short.", "2. The second too."),
    sc("Done here. IV. Check the seal.", "Done here.", "IV. Check the seal."),
]

@Test(arguments: sentenceCases)
func sentences(_ c: SentenceCase) throws {
    #expect(try sentencesOf(c.text) == c.expected)
}

@Test func extraAbbreviationsOption() throws {
    let text = "It is on Sunset Blvd. Hollywood is near."
    #expect(try sentencesOf(text) == ["It is on Sunset Blvd.", "Hollywood is near."])
    #expect(try sentencesOf(text, SegmentOptions(abbreviations: ["Blvd"])) == ["It is on Sunset Blvd. Hollywood is near."])
}

@Test func sentencesOptionOff() throws {
    let d = try segmented("One. Two.", SegmentOptions(sentences: false))
    #expect(d.sentences.isEmpty)
    #expect(d.blocks.count == 1)
}

@Test func abbreviationTableIsData() {
    let t = AbbreviationTable.standard
    #expect(t.entries[Array("e.g.".utf8)] == .always)
    #expect(t.entries[Array("No.".utf8)] == .beforeNumber)
    #expect(t.entries[Array("U.S.".utf8)] == .unlessSentenceStarter)
    #expect(t.entries[Array("etc.".utf8)] == .ordinaryWord)
    #expect(t.adding(["Dept"]).entries[Array("Dept.".utf8)] == .always)
}

/// The allocation-free lookup answers like the byte-array table, for every entry, for added entries of
/// any length (over 16 bytes they take the slow path) and for near misses.
@Test func packedAbbreviationLookupMatchesTable() {
    let t = AbbreviationTable.standard.adding(["Dept", "Internationalisation"])
    var probes = Array(t.entries.keys)
    probes += ["e.g", "E.g.", "Dept", "Internationalisation", "Internationalisation..", "", "x."].map { Array($0.utf8) }
    for bytes in probes {
        bytes.withUnsafeBufferPointer { p in
            #expect(t.kind(p, 0..<p.count) == t.entries[bytes], "\(String(decoding: bytes, as: UTF8.self))")
        }
    }
    // Sentence openers are looked up the same way.
    for word in ["The", "Then", "Zebra"] {
        let bytes = Array(word.utf8)
        bytes.withUnsafeBufferPointer { p in
            #expect(t.isSentenceStarter(p, 0..<p.count) == t.sentenceStarters.contains(bytes))
        }
    }
}
