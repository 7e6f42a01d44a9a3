import DocPipeCore
@testable import DocPipeTestSupport

/// Documents built by hand for the emitter tests.
enum Fixtures {
    /// UTF-8 range of the first occurrence of `needle` in `s` at or after byte `from`.
    static func find(_ needle: String, in s: String, from: Int = 0) -> Range<Int> {
        let h = Array(s.utf8), n = Array(needle.utf8)
        var i = from
        while i + n.count <= h.count {
            if Array(h[i..<i + n.count]) == n { return i..<i + n.count }
            i += 1
        }
        fatalError("'\(needle)' not found")
    }

    static func decoded(_ text: String, id: String = "a/b", path: String = "Input/a/b.txt", encoding: String = "utf-8") -> Document {
        var doc = Document(id: id, source: SourceFile(path: path, bytes: Array(text.utf8)))
        doc.setDecoded(text: text, encoding: encoding, rawMap: OffsetMap(identity: text.utf8.count))
        return doc
    }

    /// Three raw lines; line 1 loses a space (pass 1), then line 2 gets an entity fix and line 3 a
    /// mojibake fix (pass 2), so the fix on line 3 must still report raw column 3.
    ///
    /// Final text: `Héllo world\nCafé & €5 😀 costs.\nx ’ y ends.\n`
    static func sample() -> Document {
        let original = "Héllo  world\nCafé &amp; €5 😀 costs.\nx â€™ y ends.\n"
        var doc = decoded(original)

        var p1 = TextBuilder(source: doc.text)
        p1.edit(find("  ", in: doc.text), with: " ", fix: .whitespace)
        doc.apply(p1.finish())

        var p2 = TextBuilder(source: doc.text)
        p2.edit(find("&amp;", in: doc.text), with: "&", fix: .entity, note: "UTF-8 read as Windows-1252")
        p2.edit(find("â€™", in: doc.text), with: "’", fix: .mojibake, note: "UTF-8 read as Windows-1252")
        doc.apply(p2.finish())

        let t = doc.text
        doc.blocks = [
            Block(kind: .heading, level: 1, range: find("Héllo world", in: t)),
            Block(kind: .paragraph, range: find("Café", in: t).lowerBound..<find("ends.", in: t).upperBound),
        ]
        doc.sentences = [
            Sentence(range: find("Héllo world", in: t)),
            Sentence(range: find("Café & €5 😀 costs.", in: t)),
            Sentence(range: find("x ’ y ends.", in: t)),
        ]
        doc.diagnostics = [
            Diagnostic(rule: "quantity-conflict", severity: .error, message: "€5 here, \"😀\" there",
                       range: find("€5", in: t), related: [.init(range: find("😀", in: t), message: "stated here")]),
            Diagnostic(rule: "acronym-undefined", severity: .note, message: "whole document", range: nil),
        ]
        return doc
    }

    /// Everything XML 1.0 and naive JSON writers choke on, in the text, the attributes and the id.
    static let hostileText = "\u{0}\u{1}\u{1B}]]></p>&lt;\"'\u{FFFE}\r\n\ttab\u{2028}\u{2029}\u{FFFF}\u{7F}\u{85}\\ <![CDATA[x]]> --> é😀\r"

    static func hostile() -> Document {
        var doc = decoded(hostileText, id: "we\"ird <id> & 'co'", path: "Input/<&>\"'\u{1}.txt", encoding: "windows-1252")
        var p = TextBuilder(source: doc.text)
        let note = "note with ]]> and \"quotes\" and \u{2}"
        p.edit(find("\u{1B}", in: doc.text), with: "\u{1B}\u{0}", fix: .control, note: note)
        p.edit(find("&lt;", in: doc.text), with: "<", fix: .entity, note: note)
        doc.apply(p.finish())
        let n = doc.text.utf8.count
        doc.blocks = [Block(kind: .paragraph, range: 0..<n), Block(kind: .heading, level: 3, range: 0..<4)]
        doc.sentences = [Sentence(range: 0..<6), Sentence(range: 3..<10), Sentence(range: 10..<10)]
        doc.diagnostics = [
            Diagnostic(rule: "markup-residue", severity: .warning, message: "]]> \u{0} \"' <x>", range: 2..<9,
                       related: [.init(range: 0..<1, message: "\u{FFFE}\u{1F}")]),
        ]
        return doc
    }

    /// A large document: `paragraphs` paragraphs of mixed-script prose, with a block, sentences and
    /// fixes in each, and a diagnostic every ten paragraphs.
    static func large(paragraphs: Int) -> Document {
        let para = "The Organización del Tratado reported 165 member states in 2003 — about € 5 million 😀 spent. "
            + "Its secretariat moved twice, and the committee met “every spring” until the 1950s. "
            + "Staff &amp; volunteers numbered nearly 1 200 at the end of the decade.\n\n"
        var original = ""
        original.reserveCapacity(para.utf8.count * paragraphs)
        for _ in 0..<paragraphs { original += para }
        var doc = decoded(original, id: "large", path: "Input/large.txt")
        let paraBytes = para.utf8.count
        let amp = find("&amp;", in: para)
        var p = TextBuilder(source: doc.text)
        for i in 0..<paragraphs {
            p.edit((i * paraBytes + amp.lowerBound)..<(i * paraBytes + amp.upperBound), with: "&", fix: .entity)
        }
        doc.apply(p.finish())
        let t = doc.text
        let newPara = paraBytes - 4
        let s1 = find("spent. ", in: t).upperBound
        let s2 = find("1950s. ", in: t).upperBound
        for i in 0..<paragraphs {
            let base = i * newPara
            doc.blocks.append(Block(kind: .paragraph, range: base..<(base + newPara - 2)))
            doc.sentences.append(Sentence(range: base..<(base + s1 - 1)))
            doc.sentences.append(Sentence(range: (base + s1)..<(base + s2 - 1)))
            doc.sentences.append(Sentence(range: (base + s2)..<(base + newPara - 2)))
            if i % 10 == 0 {
                doc.diagnostics.append(Diagnostic(rule: "quantity-conflict", severity: .error, message: "165 vs 157",
                                                  range: (base + 4)..<(base + 20), related: [.init(range: base..<(base + 3), message: "here")]))
            }
        }
        return doc
    }
}

extension TextBuilder {
    /// Copies what precedes `range` (a gap would be a deletion), then replaces it.
    mutating func edit(_ range: Range<Int>, with replacement: String, fix kind: Fix.Kind, note: String? = nil) {
        copy(upTo: range.lowerBound)
        replace(range, with: replacement, fix: kind, note: note)
    }
}
