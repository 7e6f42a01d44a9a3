import DocPipeCore
import Testing
@testable import DocPipeClean

@Suite struct MarkupRepairTests {
    @Test(arguments: [
        ("<h3<Intergovernmental bodies", "<h3>Intergovernmental bodies", "<h3<"),
        ("<p<Some text", "<p>Some text", "<p<"),
        ("<p<b>bold</b>", "<p><b>bold</b>", "<p"),
        ("text</div\nmore", "text</div>\nmore", "</div"),
        ("a</p<p>b", "a</p><p>b", "</p"),
        ("end </div", "end </div>", "</div"),
        ("<h2 Annual Report", "<h2>Annual Report", "<h2 "),
        ("<h3Title here", "<h3>Title here", "<h3"),
        ("<p\nText", "<p>\nText", "<p"),
        ("x\n<H4<Upper case tag", "x\n<H4>Upper case tag", "<H4<"),
        // `<A network` is text, not an `<a …>` tag: the second `<` stands for the missing `>`.
        ("x\n<p<A network of buoys", "x\n<p>A network of buoys", "<p<"),
    ])
    func repairs(_ input: String, _ expected: String, _ before: String) {
        let rw = MalformedTagRepair.rewrite(input)
        #expect(rw.text == expected)
        #expect(rw.fixes.count == 1)
        #expect(rw.fixes.first?.kind == .markup)
        #expect(rw.fixes.first?.before == before)
        checkRewrite(rw, of: input)
    }

    @Test(arguments: [
        "a < b", "x<y", "<<", "i <3 u", "write to <a@b.org> now", "a<b<c", "if a <b< c then", "<p>fine</p>",
        "<div class=\"x\">ok</div>", "<div\n  class=\"x\">multi-line tag</div>", "use <p to mark", "<h2 class=x>T</h2>",
        "<http://example.org>", "<br/>", "<br />", "plain text only", "1 < 2 > 0", "<unknown<Tag", "</ div>",
        "<b<", "x <h3<",
    ])
    func leavesAlone(_ input: String) {
        let rw = MalformedTagRepair.rewrite(input)
        #expect(rw.text == input)
        #expect(rw.fixes.isEmpty)
    }

    @Test func doesNotRecurseDeeply() {
        let s = String(repeating: "<p<", count: 100_000)
        let rw = MalformedTagRepair.rewrite(s)
        checkRewrite(rw, of: s)
    }
}

@Suite struct MarkupDetectorTests {
    @Test(arguments: [
        ("<p>a</p>", "text/html", true),
        ("<html><body>x</body></html>", "text/plain", true),
        ("<p>One</p>\n<p>Two</p>\n<p>Three</p>", "text/plain", true),
        ("<ul><li>a<li>b<li>c</ul>", "text/plain", true),
        ("plain text", "text/plain", false),
        ("a < b and c > d", "text/plain", false),
    ])
    func detects(_ text: String, _ media: String, _ expected: Bool) {
        #expect(MarkupDetector.isMarkup(text, mediaType: media) == expected)
    }

    @Test func oneStrayTagIsNotMarkup() {
        var lines: [String] = []
        for i in 0..<60 { lines.append("Line \(i) of ordinary prose about member states.") }
        lines.insert("<h3<Observer organisations", at: 30)
        lines.insert("<p>", at: 40)
        #expect(!MarkupDetector.isMarkup(lines.joined(separator: "\n"), mediaType: "text/plain"))
    }

    /// A plain-text page with several stray tags (each on its own line) keeps its line structure.
    @Test func severalStrayTagsInPlainTextAreNotMarkup() {
        var lines: [String] = []
        for i in 0..<30 { lines.append(i % 5 == 0 ? "" : "Paragraph \(i) of ordinary prose about member states.") }
        lines[3] = "<h2>Members"
        lines[9] = "<h3<Observers"
        lines[14] = "<p<The council met twice.</p>"
        lines[21] = "Regional offices<br>"
        lines[27] = "</div"
        #expect(!MarkupDetector.isMarkup(lines.joined(separator: "\n"), mediaType: "text/plain"))
    }
}

@Suite struct MarkupPlainTextTests {
    static let doc = "Member bodies\n\nObserver bodies\n<h3<Regional Organizations\n\nThere are three formal elements of the relationship.\n"

    @Test func strayHeadingLine() {
        let r = PlainTextMarkup.process(Self.doc)
        let rw = r.rewrite
        #expect(rw.text == "Member bodies\n\nObserver bodies\nRegional Organizations\n\nThere are three formal elements of the relationship.\n")
        #expect(r.blocks.count == 1)
        let b = r.blocks[0]
        #expect(b.kind == .heading && b.level == 3)
        #expect(rw.text.bytes(b.range) == "Regional Organizations")
        #expect(Self.doc.bytes(rw.map.sourceRange(b.range)) == "Regional Organizations")
        #expect(rw.fixes.count == 1)
        #expect(rw.fixes[0].kind == .markup && rw.fixes[0].before == "<h3<" && rw.fixes[0].after == "")
        #expect(r.residue.isEmpty)
        checkRewrite(rw, of: Self.doc)
        // Everything else untouched: the map is the identity outside the removed tag.
        #expect(rw.map.sourceRange(0..<30) == 0..<30)
    }

    @Test(arguments: [
        ("<h3>Title</h3>", "Title", 3, 2),
        ("  <h2>Spaced Title </h2>  ", "Spaced Title", 2, 2),
        ("<h1 Annual Report", "Annual Report", 1, 1),
        ("<h4>Only open", "Only open", 4, 1),
        // Stray tags before, inside and after the title go with the heading tag (else the next clean
        // would find the heading this one left).
        ("<p><h3>Lead Tag", "Lead Tag", 3, 2),
        ("<h3><b>Bold</b> Title</h3></div>", "Bold Title", 3, 5),
        ("<h3>Title</p>", "Title", 3, 2),
        ("\u{A0}<h2>Indented by a no-break space", "Indented by a no-break space", 2, 1),
    ])
    func headingForms(_ line: String, _ title: String, _ level: Int, _ fixes: Int) {
        let input = "Intro.\n" + line + "\nBody."
        let r = PlainTextMarkup.process(input)
        #expect(r.blocks.count == 1)
        #expect(r.blocks.first.map { r.rewrite.text.bytes($0.range) } == title)
        #expect(r.blocks.first?.level == level)
        #expect(r.rewrite.fixes.count == fixes)
        checkRewrite(r.rewrite, of: input)
    }

    @Test(arguments: [
        ("text</p>", "text", 1, 0),
        ("<p>", "", 1, 0),
        ("one<br>two", "one\ntwo", 1, 0),
        ("end of line<br>", "end of line", 1, 0),
        ("stray </div more", "stray  more", 1, 0),
        ("<span class=x>kept</span>", "kept", 2, 0),
        ("areas: <span style=\"color:#333\">\nWater", "areas: \nWater", 1, 0),
        ("<img src=x.png> left", "<img src=x.png> left", 0, 1),
        ("Alpha\n<div class=\"mw-content\">Beta item.", "Alpha\nBeta item.", 1, 0),
        ("<p style=\"x\">para", "para", 1, 0),
        ("a <!-- note --> b", "a <!-- note --> b", 0, 1),
        ("a < b and x<y", "a < b and x<y", 0, 0),
        ("mail <a@b.org>", "mail <a@b.org>", 0, 0),
    ])
    func strayTags(_ input: String, _ expected: String, _ fixes: Int, _ residue: Int) {
        let r = PlainTextMarkup.process(input)
        #expect(r.rewrite.text == expected)
        #expect(r.rewrite.fixes.count == fixes)
        #expect(r.rewrite.fixes.allSatisfy { $0.kind == .markup })
        #expect(r.residue.count == residue)
        #expect(r.blocks.isEmpty)
        checkRewrite(r.rewrite, of: input)
    }

    /// Lines that stay plain text: a tag the pass keeps, or a title that is only tags. A `<br>` between
    /// text ends the title, and the rest of the line is an ordinary line.
    @Test(arguments: [
        ("<h3>Title <img src=x.png></h3>", "<h3>Title <img src=x.png>", 0),
        ("<h3><b></b></h3>", "<h3>", 0),
        ("<h3>First<br>Second</h3>", "First\nSecond", 1),
    ])
    func headingLinesWithOtherTags(_ line: String, _ expected: String, _ headings: Int) {
        let r = PlainTextMarkup.process(line)
        #expect(r.rewrite.text == expected)
        #expect(r.blocks.count == headings)
        if headings == 1 { #expect(r.blocks.first.map { r.rewrite.text.bytes($0.range) } == "First") }
        checkRewrite(r.rewrite, of: line)
        // The output holds no heading for a second pass to find.
        #expect(PlainTextMarkup.process(r.rewrite.text).blocks.isEmpty)
    }

    @Test func untouchedWithoutTags() {
        let s = "No markup here & nothing to do.\n"
        let (rw, blocks) = PlainTextMarkup.rewrite(s)
        #expect(rw.text == s && rw.fixes.isEmpty && blocks.isEmpty && rw.map.isIdentity)
    }
}
