import DocPipeCore
import Testing
@testable import DocPipeClean

@Suite struct MarkupHTMLTests {
    func blocks(_ x: HTMLExtraction) -> [String] {
        x.blocks.map { b in
            let k = b.kind == .heading ? "h\(b.level)" : (b.kind == .listItem ? "li" : "p")
            return k + ":" + x.rewrite.text.bytes(b.range)
        }
    }

    @Test func brokenNesting() {
        let html = "<p><b>bold <i>both</b> italic</i></p>"
        let x = HTMLExtractor.extract(html)
        #expect(x.rewrite.text == "bold both italic")
        #expect(blocks(x) == ["p:bold both italic"])
        #expect(x.unalignedNodes == 0)
        checkRewrite(x.rewrite, of: html)
        #expect(html.bytes(x.rewrite.map.sourceRange(x.blocks[0].range)).hasPrefix("bold"))
    }

    @Test func page() {
        let html = """
        <!DOCTYPE html>
        <html><head><title>The Page</title><style>p { color: red }</style>
        <script>var s = "<p>not text</p>";</script></head>
        <body>
        <h1>Main   Title</h1>
        <!-- a comment -->
        <p>First
           paragraph &amp; more &eacute;t&eacute; &hellip; &NotEqualTilde;</p>
        <ul><li>one<li>two</ul>
        <p>unclosed
        <div>after<br>break</div>
        <h3<Broken Heading
        <pre>  keep   this
          layout</pre>
        <table><tr><td>cell A</td><td>cell&nbsp;B</td></tr></table>
        </body></html>
        """
        let x = HTMLExtractor.extract(html)
        #expect(blocks(x) == [
            "h1:Main Title", "p:First paragraph & more été … ≂̸", "li:one", "li:two", "p:unclosed", "p:after\nbreak",
            "h3:Broken Heading", "p:  keep   this\n  layout", "p:cell A", "p:cell\u{A0}B",
        ])
        #expect(!x.rewrite.text.contains("color"))
        #expect(!x.rewrite.text.contains("not text"))
        #expect(!x.rewrite.text.contains("comment"))
        #expect(!x.rewrite.text.contains("The Page"))
        #expect(x.rewrite.text.contains("\n\n"))
        #expect(x.unalignedNodes == 0)
        checkRewrite(x.rewrite, of: html)
        let fixes = x.rewrite.fixes
        #expect(fixes.contains { $0.kind == .entity && $0.before == "&amp;" && $0.after == "&" })
        #expect(fixes.contains { $0.kind == .entity && $0.before == "&NotEqualTilde;" })
        #expect(fixes.contains { $0.kind == .markup && $0.before == "<h3<" })
        #expect(fixes.contains { $0.kind == .whitespace && $0.before == "   " })
        #expect(!fixes.contains { $0.kind == .whitespace && $0.before.contains("\n") })
        // Every block maps back to where its text is in the input.
        for (b, s) in zip(x.blocks, ["Main", "First", "one", "two", "unclosed", "after", "Broken", "  keep", "cell A", "cell"]) {
            let src = x.rewrite.map.sourceRange(b.range)
            #expect(html.bytes(src).hasPrefix(s), "\(s)")
        }
    }

    @Test func titleUsedWithoutH1() {
        let html = "<html><head><title>Doc Title</title></head><body><p>Body text</p></body></html>"
        let x = HTMLExtractor.extract(html)
        #expect(blocks(x) == ["h1:Doc Title", "p:Body text"])
        checkRewrite(x.rewrite, of: html)
        let y = HTMLExtractor.extract(html, options: HTMLOptions(titleAsHeading: false))
        #expect(blocks(y) == ["p:Body text"])
    }

    @Test func listItemWithParagraph() {
        let html = "<ol><li><p>first</p><p>more</p></li><li>second</li></ol>"
        let x = HTMLExtractor.extract(html)
        #expect(blocks(x) == ["li:first", "p:more", "li:second"])
    }

    @Test func c1NumericReference() {
        let html = "<p>it&#146;s &#8217; &#x2014;</p>"
        let x = HTMLExtractor.extract(html)
        #expect(x.rewrite.text == "it’s ’ —")
        checkRewrite(x.rewrite, of: html)
    }

    @Test func crlfAndEmpty() {
        let html = "<p>a\r\nb</p>\r\n<pre>x\r\ny</pre>"
        let x = HTMLExtractor.extract(html)
        #expect(blocks(x) == ["p:a b", "p:x\r\ny"])  // pre keeps its line ends as written
        #expect(HTMLExtractor.extract("").rewrite.text == "")
    }

    @Test func parserErrorsCollected() {
        let x = HTMLExtractor.extract("<p>a</span>\n<p>b</nope>", options: HTMLOptions(repairMalformedTags: false))
        #expect(!x.parserErrors.isEmpty)
        #expect(x.parserErrors.allSatisfy { $0.line >= 1 })
    }

    @Test func randomInputsNeverCrashAndMapBack() {
        var rng = SeededRandom(seed: 7)
        let pieces = ["<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<li>", "<ul>", "</ul>", "<h2>", "</h2>", "<h3<", "</div",
                      "<div>", "<br>", "&amp;", "&eacute;", "&#146;", "&bogus;", " ", "  ", "\n", "word", "Title", "é", "<",
                      ">", "&", "<!-- c -->", "<script>x<y</script>", "<pre>", "</pre>", "<td>", "<title>", "</title>", "a<b",
                      "<a href=\"x>y\">", "</a>", "\r\n", "<style>s</style>", "<p class=x>"]
        var unaligned = 0
        for _ in 0..<400 {
            var s = ""
            for _ in 0..<Int.random(in: 0...25, using: &rng) { s += pieces.randomElement(using: &rng)! }
            let x = HTMLExtractor.extract(s)
            unaligned += x.unalignedNodes
            checkRewrite(x.rewrite, of: s)
            let n = x.rewrite.text.utf8.count
            var last = 0
            for b in x.blocks {
                #expect(b.range.lowerBound >= last && b.range.upperBound <= n && !b.range.isEmpty, "\(s)")
                last = b.range.upperBound
                let src = x.rewrite.map.sourceRange(b.range)
                #expect(src.upperBound <= s.utf8.count)
            }
            for r in x.residue { #expect(r.upperBound <= s.utf8.count) }
            // No word is lost.
            let words = s.utf8.count > 0 ? ["word", "Title"].filter { s.contains($0) } : []
            for w in words where !s.contains("<script>x<y") && !s.contains("<title>") && !s.contains("<a href") && !s.contains("<style>") {
                // A word libxml2 swallowed into a broken tag must be reported as residue.
                let inResidue = x.residue.contains { s.bytes($0).contains(w) }
                #expect(x.rewrite.text.contains(w) || inResidue, "lost \(w): \(s) → \(x.rewrite.text)")
            }
        }
        #expect(unaligned < 40)
    }

    /// A malformed tag right after a repaired one is repaired too (its `<` follows the `>` the first
    /// repair supplies): `<h3<<h3<Title` used to leave the second for libxml2, which swallowed the word
    /// into an attribute. A `<` after a tag that is not repaired still needs a space or `>` before it.
    @Test(arguments: [
        ("<h3<<h3<Title", "<h3><h3>Title", 2),
        ("</div<h3<Title", "</div><h3>Title", 2),
        ("<p<<p<Text", "<p><p>Text", 2),
        ("a</p<p<Text", "a</p><p>Text", 2),
        ("x<h3<Title", "x<h3<Title", 0),
        ("<b>x<h3<Title", "<b>x<h3<Title", 0),
    ])
    func tagAfterARepairedTag(_ input: String, _ repaired: String, _ fixes: Int) {
        let rw = MalformedTagRepair.rewrite(input)
        #expect(rw.text == repaired)
        #expect(rw.fixes.count == fixes)
        checkRewrite(rw, of: input)
    }

    @Test func wordAfterTwoBrokenHeadingTagsIsKept() {
        let x = HTMLExtractor.extract("<h3<<h3<Title")
        #expect(x.rewrite.text == "Title")
        #expect(blocks(x) == ["h3:Title"])
    }

    @Test func parallelExtraction() async {
        let html = "<h1>T</h1><p>a &amp; b</p><p>c</span></p>"
        await withTaskGroup(of: Int.self) { g in
            for _ in 0..<16 { g.addTask { HTMLExtractor.extract(html).blocks.count } }
            for await c in g { #expect(c == 3) }
        }
    }
}
