import DocPipeCore
import Testing
import DocPipeTestSupport
@testable import DocPipeExtract

/// Byte range of the `nth` occurrence of `needle` in `text` (UTF-8 offsets, like every layer range).
private func byteRange(of needle: String, in text: String, occurrence nth: Int = 1) -> Range<Int> {
    let h = Array(text.utf8), n = Array(needle.utf8)
    var seen = 0
    var i = 0
    while i + n.count <= h.count {
        if Array(h[i..<(i + n.count)]) == n {
            seen += 1
            if seen == nth { return i..<(i + n.count) }
        }
        i += 1
    }
    return 0..<0
}

/// Where the short form stands in a definition: inside the bracket, after `, ` in it, or before it.
private func expectedShortRange(_ short: String, in text: String) -> Range<Int> {
    for (prefix, suffix) in [("(", ""), ("[", ""), (", ", ")"), ("", " (")] {
        let r = byteRange(of: prefix + short + suffix, in: text)
        if !r.isEmpty { return (r.lowerBound + prefix.utf8.count)..<(r.lowerBound + prefix.utf8.count + short.utf8.count) }
    }
    return 0..<0
}

private func slice(_ text: String, _ r: Range<Int>) -> String {
    String(decoding: Array(text.utf8)[r], as: UTF8.self)
}

struct AcronymPositive: CustomTestStringConvertible, Sendable {
    let text: String
    let short: String
    let long: String
    let note: String
    var testDescription: String { note }
}

@Suite("AcronymFinder: definitions found")
struct AcronymFinderPositiveTests {
    static let cases: [AcronymPositive] = [
        .init(text: "Last year the Agency for Coastal Research (ACR) published its plan.", short: "ACR", long: "Agency for Coastal Research", note: "plain long form (SF)"),
        .init(text: "Last year the ACR (Agency for Coastal Research) published its plan.", short: "ACR", long: "Agency for Coastal Research", note: "SF (long form)"),
        .init(text: "Funds went to the Bureau of Regional Planning (UN BRP) in May.", short: "UN BRP", long: "Bureau of Regional Planning", note: "two-word short form, qualifier not spelled out"),
        .init(text: "She chairs the United Nations Office for Rural Youth (UN Youth) now.", short: "UN Youth", long: "United Nations Office for Rural Youth", note: "acronym plus a word"),
        .init(text: "It joined the United Nations Council for Water Security and Protection of Rivers (UN Rivers) early.", short: "UN Rivers", long: "United Nations Council for Water Security and Protection of Rivers", note: "acronym plus the word that ends a long name"),
        .init(text: "Several Regional Fisheries Bodies (RFBs) met in Rome.", short: "RFBs", long: "Regional Fisheries Bodies", note: "plural, s matched"),
        .init(text: "Two Memoranda of Cooperation (MoCs) were signed.", short: "MoCs", long: "Memoranda of Cooperation", note: "plural, s not in the long form; mixed case"),
        .init(text: "A Memorandum of Understanding (MoU) was signed.", short: "MoU", long: "Memorandum of Understanding", note: "mixed case"),
        .init(text: "Ministers of the Group of 20 (G20) met in June.", short: "G20", long: "Group of 20", note: "digits"),
        .init(text: "We tested 3-dimensional printing (3DP) of parts.", short: "3DP", long: "3-dimensional printing", note: "digit first"),
        .init(text: "She sat on the Inter-Agency Working Group (IAWG) for years.", short: "IAWG", long: "Inter-Agency Working Group", note: "hyphen inside the long form"),
        .init(text: "Loans come from the Andean–Caribbean Development Bank (ACDB) in Lima.", short: "ACDB", long: "Andean–Caribbean Development Bank", note: "en dash joining two names"),
        .init(text: "He led the Water Co-ordination/Water Supply Cluster (WCWS) in 2011.", short: "WCWS", long: "Water Co-ordination/Water Supply Cluster", note: "slash and hyphen inside the long form"),
        .init(text: "The National Centre for HIV/AIDS Research (NCHAR) opened.", short: "NCHAR", long: "National Centre for HIV/AIDS Research", note: "letter after a slash"),
        .init(text: "Funding for the Joint Nordic Programme on HIV/AIDS (JNPHA) grew.", short: "JNPHA", long: "Joint Nordic Programme on HIV/AIDS", note: "a run of letters inside a word"),
        .init(text: "Cells were kept in dimethylsulfoxide (DMSO) overnight.", short: "DMSO", long: "dimethylsulfoxide", note: "letters inside one chemical name"),
        .init(text: "It is run by the Office for the Promotion of Education and Culture in the Islands (OPECI) today.", short: "OPECI", long: "Office for the Promotion of Education and Culture in the Islands", note: "stop words skipped, long form of many words"),
        .init(text: "It reports to the Office of the National Commissioner for Water Rights (ONCWR) weekly.", short: "ONCWR", long: "Office of the National Commissioner for Water Rights", note: "never starts at 'of'"),
        .init(text: "Talks with the Ministry of Justice, the Department of Coastal and Marine Affairs (UN DCMA) and others.", short: "UN DCMA", long: "Department of Coastal and Marine Affairs", note: "no preceding clause, no 'the'"),
        .init(text: "Aid came from the Health Fund for Children (HFC), and from others.", short: "HFC", long: "Health Fund for Children", note: "long form ends at the bracket"),
        .init(text: "We saw lower heart rate variability (HRV, see below) in patients.", short: "HRV", long: "heart rate variability", note: "text after a comma in the bracket"),
        .init(text: "Patients had lower values (heart rate variability, HRV) overall.", short: "HRV", long: "heart rate variability", note: "(long form, SF)"),
        .init(text: "The adjusted relative risk [RR] was 0.6.", short: "RR", long: "relative risk", note: "square brackets"),
        .init(text: "Plasma epinephrine (E) rose.", short: "E", long: "epinephrine", note: "single capital"),
        .init(text: "It joined the World Council of Museums (WCM) in 1999.", short: "WCM", long: "World Council of Museums", note: "capitalised name after 'the'"),
        .init(text: "It funds the Central American Fund for Ocean Science (CAFOS), and also others.", short: "CAFOS", long: "Central American Fund for Ocean Science", note: "letter inside a word (Ocean → O)"),
        .init(text: "It used the 2,3-diaminonaphthalene (DAN) assay.", short: "DAN", long: "2,3-diaminonaphthalene", note: "a locant before a chemical name"),
        .init(text: "UNESCO's sibling, the Pacific Educational, Scientific and Cultural Council (PESCC), met.", short: "PESCC", long: "Pacific Educational, Scientific and Cultural Council", note: "comma inside a name when its letters are needed"),
        .init(text: "Support from the United Nations Ocean Fund (UNFO) continued.", short: "UNFO", long: "United Nations Ocean Fund", note: "renamed body: initials in another order"),
        .init(text: "Cells were stained with benzo[a]pyrene (BaP) first.", short: "BaP", long: "benzo[a]pyrene", note: "brackets inside a word"),
        .init(text: "They sampled Escherichia coli (E. coli) strains.", short: "E. coli", long: "Escherichia coli", note: "species"),
        .init(text: "We measured the amino acids (aa) in total.", short: "aa", long: "amino acids", note: "lower-case initials"),
    ]

    @Test(arguments: cases)
    func finds(_ c: AcronymPositive) {
        let found = AcronymFinder.definitions(inText: c.text)
        #expect(found.count == 1, "\(found)")
        guard let a = found.first else { return }
        #expect(a.short == c.short)
        #expect(a.long == c.long)
        #expect(a.range == expectedShortRange(c.short, in: c.text))
        #expect(slice(c.text, a.range) == c.short)
        #expect(a.longRange == byteRange(of: c.long, in: c.text))
    }

    @Test func rangesAreUTF8Bytes() {
        let text = "Crèche staff at the Bureau for Children’s Welfare (BCW) agreed."
        let a = AcronymFinder.definitions(inText: text)
        #expect(a.count == 1)
        #expect(a.first?.long == "Bureau for Children’s Welfare")
        #expect(a.first.map { slice(text, $0.longRange) } == "Bureau for Children’s Welfare")
        #expect(a.first.map { slice(text, $0.range) } == "BCW")
        #expect(a.first?.range == byteRange(of: "BCW", in: text))
    }

    @Test func repeatedDefinitionsAreAllReported() {
        let text = "The Coastal Survey Office (CSO) grew. Later the Coastal Survey Office (CSO) shrank."
        let a = AcronymFinder.definitions(inText: text)
        #expect(a.map(\.short) == ["CSO", "CSO"])
        #expect(a.map(\.range) == [byteRange(of: "CSO", in: text), byteRange(of: "CSO", in: text, occurrence: 2)])
    }
}

@Suite("AcronymFinder: no false definitions")
struct AcronymFinderNegativeTests {
    static let cases: [(String, String)] = [
        ("a year", "The treaty was signed in Lisbon (1992) by all members."),
        ("a spaced dash ends the long form", "Prices rose – Central Bank reserves (PCBR) fell."),
        ("a resolution number", "It gained observer status (GA resolution A/RES/12/3) that year."),
        ("a bare resolution number", "It gained observer status (A/RES/12/3) that year."),
        ("a page reference", "This is discussed at length (p. 12) below."),
        ("a section reference", "This is discussed at length (see Section 4) below."),
        ("a figure reference", "Rates rose sharply (Fig. 2) after the reform."),
        ("a table reference", "Rates rose sharply (Table 2) after the reform."),
        ("a single lower-case word", "The staff were trained (mainly) in the capital."),
        ("a longer lower-case word", "The clinic treated cysticercosis (neurocysticercosis) cases."),
        ("an e.g. list", "Several agencies (e.g., UNHCR, WFP) took part."),
        ("an e.g. list without comma", "Several agencies (e.g. UNHCR) took part."),
        ("an i.e. gloss", "The lead agency (i.e. the bureau) took part."),
        ("a citation", "This effect was described before (Smith 2004) in mice."),
        ("a citation with et al.", "This effect was described before (Smith et al., 2004) in mice."),
        ("a unit after a number", "The road runs for 40 kilometres (km) along the coast."),
        ("a unit after a bare number", "The road runs for a distance of 40 (km) along the coast."),
        ("letters that do not match", "The committee met again yesterday (XQZ) in Geneva."),
        ("a list label", "The goals are (ii) to reduce costs."),
        ("an article number", "As defined in Article 1(2) of its constitution."),
        ("a parenthetical remark", "The entry (currently, the Dictionary of Law, 2009) is short."),
        ("a capitalised name", "The method was proposed by a colleague (Johnson) last year."),
        ("the short form inside its own long form", "Levels of cytochrome P450 (P450) rose."),
        ("a statistic", "Values differed (P < 0.05) between groups."),
        ("a count", "Patients (n = 12) were enrolled."),
    ]

    @Test(arguments: cases)
    func ignores(_ c: (String, String)) {
        let found = AcronymFinder.definitions(inText: c.1)
        #expect(found.isEmpty, "\(c.0): \(found)")
    }
}

@Suite("AcronymFinder: documents")
struct AcronymFinderDocumentTests {
    static func document(_ text: String) -> Document {
        var d = Document(id: "t", source: SourceFile(path: "t.txt", bytes: Array(text.utf8)))
        d.setDecoded(text: text, encoding: "utf-8", rawMap: OffsetMap(identity: text.utf8.count))
        return d
    }

    @Test func definitionsInDocument() {
        let text = """
        Harbour Authorities

        The Northern Harbour Authority (NHA) was founded in 1951 (after the war). In 1970 the NHA and the \
        Port Safety Board (PSB) merged; a Memorandum of Understanding (MoU) followed (see p. 4).
        """
        let doc = Self.document(text)
        let found = AcronymFinder.definitions(in: doc)
        #expect(found.map(\.short) == ["NHA", "PSB", "MoU"])
        #expect(found.map(\.long) == ["Northern Harbour Authority", "Port Safety Board", "Memorandum of Understanding"])
        for a in found {
            #expect(slice(text, a.range) == a.short)
            #expect(slice(text, a.longRange) == a.long)
        }
        #expect(found.first?.longRange == byteRange(of: "Northern Harbour Authority", in: text))
    }

    @Test func sentencesBoundTheLookBack() {
        // A segmenter may end a sentence where no punctuation shows (a heading run into a line).
        let text = "Ocean Board Minutes (OB) follow."
        var doc = Self.document(text)
        #expect(AcronymFinder.definitions(in: doc).map(\.long) == ["Ocean Board Minutes"])
        doc.sentences = [Sentence(range: 0..<12), Sentence(range: 12..<text.utf8.count)]
        #expect(AcronymFinder.definitions(in: doc).isEmpty)
    }

    @Test func extractStageFillsTheLayer() throws {
        var doc = Self.document("The Coastal Survey Office (CSO) grew.")
        var stage = ExtractStage()
        stage.entities = false; stage.dates = false; stage.quantities = false; stage.claims = false; stage.tokens = false
        try stage.process(&doc)
        #expect(doc.acronyms.map(\.short) == ["CSO"])
    }
}

@Suite("AcronymFinder: robustness")
struct AcronymFinderRobustnessTests {
    /// Deterministic noise made of the characters the scanner cares about: every range must stay valid.
    @Test func noiseNeverBreaksRanges() {
        let alphabet = Array("aAbBcCdDeEoOsS (()[]]),;./-’é12 \nthe of ")
        var state: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<3000 {
            var s = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let len = Int(state >> 58) + 1
            for _ in 0..<(len * 3) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                s.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let n = s.utf8.count
            for a in AcronymFinder.definitions(inText: s) {
                #expect(a.range.lowerBound >= 0 && a.range.upperBound <= n && !a.range.isEmpty)
                #expect(a.longRange.lowerBound >= 0 && a.longRange.upperBound <= n && !a.longRange.isEmpty)
            }
        }
        #expect(AcronymFinder.definitions(inText: "").isEmpty)
        #expect(AcronymFinder.definitions(inText: "(").isEmpty)
        #expect(AcronymFinder.definitions(inText: "()[]( )").isEmpty)
        #expect(AcronymFinder.definitions(inText: "(AB)").isEmpty)
    }
}

@Suite struct AcronymScanTests {
    /// Region words: the lowered spelling and the stop-word flag against the simple forms (a byte array, trimmed and
    /// decoded; the set asked for every word).
    @Test func regionWordsMatchTheSimpleForms() {
        #expect(AcronymRegion.stopWords.allSatisfy { $0.utf8.count <= AcronymRegion.stopWordMaxLength })
        var rng = SplitMix(seed: 0xACE5)
        let pieces = AcronymRegion.stopWords.sorted() + ["The", "OF", "with,", "and.", "For;", "Into:", "alpha", "Beta-2", "x", ",",
                                                         "\u{E9}", "Z\u{FC}rich,", "of..", "withs", "ANDS", "(the", "bY", "É.",
                                                         "fo", "th", "ad", "im", "ta", "wit", "VIA", "intO", "frm", "eta", "a\u{0}", "dé"]
        var stops = 0
        for _ in 0..<2000 {
            let text = (0..<(1 + rng.below(12))).map { _ in pieces[rng.below(pieces.count)] }.joined(separator: rng.below(4) == 0 ? "  " : " ")
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { t in
                let region = AcronymRegion(t, 0, t.count)
                for w in region.words {
                    var low = t[w.start..<w.end].map { SF.lower($0) }
                    while let l = low.last, l == 0x2C || l == 0x2E || l == 0x3B || l == 0x3A { low.removeLast() }
                    let simple = String(decoding: low, as: UTF8.self)
                    #expect(w.lowered == simple, "\(text)")
                    #expect(w.isStop == AcronymRegion.stopWords.contains(simple), "\(text)")
                    if w.isStop { stops += 1 }
                }
            }
        }
        #expect(stops > 1000)
    }

    /// The bracket search finds what a byte loop finds, from every start, also as a forward cursor.
    @Test func bracketCursorMatchesAByteLoop() {
        var rng = SplitMix(seed: 0x5DEE_CE66)
        let alphabet: [UInt8] = Array("ab (]) [x\n\u{E9}".utf8) + [0x28, 0x5B, 0xC3, 0xA9, 0x00, 0xFF]
        for length in 0..<70 {
            // Sparse brackets in some inputs, dense in others.
            let bytes: [UInt8] = (0..<length).map { _ in
                length % 3 == 0 && rng.below(11) != 0 ? 0x61 : alphabet[rng.below(alphabet.count)]
            }
            bytes.withUnsafeBufferPointer { t in
                // One cursor carried over starts that grow by random steps, as `find` moves it.
                var cursor = AcronymFinder.BracketCursor()
                var nextStart = 0
                for i in 0...length {
                    var j = i
                    while j < length, t[j] != 0x28, t[j] != 0x5B { j += 1 }
                    var fresh = AcronymFinder.BracketCursor()
                    #expect(fresh.next(t, from: i) == j, "\(bytes) from \(i)")
                    if i == nextStart {
                        #expect(cursor.next(t, from: i) == j, "\(bytes) from \(i) (cursor)")
                        nextStart += 1 + rng.below(4)
                    }
                }
            }
        }
    }
}

@Suite struct AcronymOpenerTests {
    /// `isOpener` on the bytes against the first word of the String split at spaces, on random
    /// pieces: openers in every case, words around them, CR LF, non-ASCII and a space followed by a
    /// combining mark (no separator for Characters).
    @Test func openerTestMatchesTheStringSplit() {
        var rng = SplitMix(seed: 0x0BE7)
        let pieces = AcronymShortForm.openers.sorted() + ["E.G.", "See", "CF", "approx", "approx.x", "UNEP", "x", "ab", " ", "  ",
                                                         "\r\n", "\u{301}", "é", "e\u{301}g", "(", ")", "1", "vs.x", "et al"]
        for _ in 0..<5_000 {
            let text = (0..<(1 + rng.below(4))).map { _ in pieces[rng.below(pieces.count)] }.joined(separator: rng.below(3) == 0 ? "" : " ")
            let bytes = Array(text.utf8)
            let expected = AcronymShortForm.openers.contains(text.split(separator: " ").first.map(String.init) ?? text)
            bytes.withUnsafeBufferPointer { t in
                #expect(AcronymShortForm.isOpener(t[0..<t.count]) == expected, "\(text.debugDescription)")
            }
        }
    }
}
