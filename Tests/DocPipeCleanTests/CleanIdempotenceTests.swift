import DocPipeCore
import Testing
@testable import DocPipeClean

/// Inputs on which a second clean used to change the first one's output (found by the idempotence
/// property over many seeds, then minimised), with what one clean must make of them. Each row names
/// the cause: a later pass rewrote what an earlier pass had judged, or a pass did not reach its own
/// fixed point.
@Suite struct CleanIdempotenceTests {
    static let cases: [(input: String, once: String, cause: String)] = [
        // Mojibake read again after normalisation changed its line.
        ("t\u{A0}Ã©", "t é", "a no-break space next to mojibake, turned into a space by the whitespace pass"),
        ("s\u{A0}â€™ø", "s ’ø", "a no-break space before three-byte mojibake"),
        ("s  Ã b", "s à b", "a run of spaces before \"Ã \", collapsed by the whitespace pass"),
        ("Ã¢â  ", "ââ", "trailing spaces after mojibake, trimmed by the whitespace pass"),
        ("â€“Ø ", "–Ø", "a trailing space after mojibake"),
        ("e\u{301}‚¬", "\u{90AC}", "a decomposed letter before mojibake, composed by NFC"),
        ("e\u{301}Ã ²", "éà ²", "a decomposed letter before \"Ã \""),
        // The mojibake engine: a CR ends a line; a repair completes a lone sequence.
        ("\rÃ r", "à r", "a CR before \"Ã \" (the line read without it)"),
        ("rÂâ€™", "r’", "\"Â\" before mojibake whose repair is \"’\""),
        // Tags: a no-break space is a space; spaces before the line end are the line end.
        ("a\u{A0}<p", "a", "a no-break space before a malformed tag"),
        ("a\u{A0}<h3", "a <h3>", "a no-break space before a malformed heading tag"),
        ("<h3 ", "<h3>", "a malformed tag with a space before the line end"),
        ("<p\u{A0}", "", "a malformed tag with a no-break space before the line end"),
        ("</div<h3", "<h3>", "a malformed tag right after a repaired one"),
        ("</dive\u{301}", "</divé", "a tag name run into a decomposed letter (NFC makes it é)"),
        ("</divâ€™", "</div’", "a tag name run into mojibake (the repair makes it ’)"),
        // Heading lines: stray tags around and inside the title do not hide the heading.
        ("<h3H</p", "H", "a stray closing tag after the title"),
        ("<h3<p>A", "A", "a stray opening tag before the title"),
        ("<p><h3H", "H", "a stray tag before the heading tag"),
        ("<h3H<b>", "H", "a stray tag at the end of the title"),
        ("L<br><h3T", "L\nT", "a heading tag after a <br> that becomes a line break"),
        ("a<br>b<br><h3>T", "a\nb\n\nT", "a heading tag after the second <br> of a line (the line's end found once)"),
        ("<h3>T<b><i><u>", "T", "several stray tags at the end of the title"),
        // Markup detection counts the tags the repair makes, and lines that a CR ends.
        ("<<p><h3<m <h3<d", "m\n\nd", "malformed tags that, repaired, make the text markup"),
        ("x\n<h3<h2>\r<h2\n•", "x\n\n•", "lines ended by a CR, which the whitespace pass makes LF"),
        // Whitespace: a bullet followed by a no-break space.
        (" –\u{A0}c", "– c", "indentation before a bullet and a no-break space"),
    ]

    @Test(arguments: cases)
    func secondCleanChangesNothing(_ c: (input: String, once: String, cause: String)) throws {
        let stage = CleanStage()
        let once = try stage.clean(c.input)
        #expect(once.text == c.once, "\(c.cause)")
        let twice = try stage.clean(once.text)
        #expect(twice.text == once.text, "\(c.cause)")
        #expect(twice.fixes.isEmpty, "\(c.cause): \(twice.fixes.map { "\($0.kind): \($0.before.debugDescription) → \($0.after.debugDescription)" })")
    }

    /// Text the new rules must leave alone: an NBSP kept by typography still counts as a space to a tag,
    /// a tag name followed by ASCII punctuation is still repaired, and a heading line with a tag the
    /// plain-text pass keeps is not a heading (its stray closing tag still goes).
    @Test(arguments: [
        ("10\u{A0}km", "10\u{A0}km"),
        ("x </div, y", "x , y"),
        ("<h3>Title <img src=x></h3>", "<h3>Title <img src=x>"),
        ("café au lait", "café au lait"),
        ("a <p b", "a <p b"),
    ])
    func unchanged(_ input: String, _ expected: String) throws {
        let once = try CleanStage().clean(input)
        #expect(once.text == expected)
        #expect(try CleanStage().clean(once.text).text == once.text)
    }
}
