import DocPipeCore

/// Stage 2: repairs the decoded text and records every change as a ``Fix`` with its place in the raw file.
///
/// Passes, in order: control characters; malformed-tag repair and markup (libxml2 for documents
/// that are markup, stray-tag repair for plain text); HTML entities; mojibake; control characters
/// again (ones that entities revealed); Unicode NFC; whitespace. C1 controls that no encoding
/// explains are kept and reported as residue (`encoding-unrepaired`), never silently deleted.
/// Each pass is a ``TextBuilder`` run, so the source map composes across all of them.
public struct CleanStage: ConfigurableStage {
    public static let name = "clean"

    /// How to treat markup: detect it (`auto`), always parse as HTML, never (plain text with stray
    /// tags repaired), or leave markup alone (`off`).
    public enum MarkupMode: String, Sendable, CaseIterable { case auto, html, text, off }

    public var markup: MarkupMode = .auto
    public var entities = true
    public var mojibake = true
    public var controls = true
    public var nfc = true
    public var whitespace = true
    public var nbsp = true
    public var bullets = true

    public static let optionHelp: [(key: String, values: String, defaultValue: String)] = [
        ("markup", MarkupMode.allCases.map(\.rawValue).joined(separator: "|"), "auto"),
        ("entities", "true|false", "true"),
        ("mojibake", "true|false", "true"),
        ("controls", "true|false", "true"),
        ("nfc", "true|false", "true"),
        ("whitespace", "true|false", "true"),
        ("nbsp", "true|false", "true"),
        ("bullets", "true|false", "true"),
    ]

    public init() {}

    public init(options: ConfigNode?) throws(ConfigError) {
        var r = try OptionsReader(options, stage: Self.name)
        markup = MarkupMode(rawValue: try r.choice("markup", MarkupMode.allCases.map(\.rawValue), default: "auto"))!
        entities = try r.bool("entities", default: true)
        mojibake = try r.bool("mojibake", default: true)
        controls = try r.bool("controls", default: true)
        nfc = try r.bool("nfc", default: true)
        whitespace = try r.bool("whitespace", default: true)
        nbsp = try r.bool("nbsp", default: true)
        bullets = try r.bool("bullets", default: true)
        try r.finish()
    }

    public func process(_ document: inout Document) throws {
        // Controls first, so that one inside an entity or a tag cannot hide it from the passes below,
        // and again after them for the ones entities and mojibake repairs reveal.
        if controls { document.apply(ControlPass.rewrite(document.text)) }
        // The control pass leaves nothing for itself to remove: only what the passes since put in
        // their replacements can need it again (else it would scan the whole text to find nothing).
        var reintroduced = false
        var changed = applyMarkup(&document, reintroduced: &reintroduced)
        if entities { changed = Self.apply(EntityDecoder.rewrite(document.text), to: &document, reintroduced: &reintroduced) || changed }
        if mojibake { changed = Self.apply(Self.repairMojibake(document.text), to: &document, reintroduced: &reintroduced) || changed }
        if controls && changed && reintroduced { document.apply(ControlPass.rewrite(document.text)) }
        var normalised = normalise(&document)
        // Normalising can reveal mojibake: the engine reads a line by its spacing (a no-break space or
        // a space may stand for byte A0; a space after "Ã" decides whether it is "à"), its line ends and
        // its normal form ("e" + U+0301 next to "€“" reads differently from "é"). So the lines that
        // normalising changed are read again, until a round repairs nothing (a second clean must
        // change nothing). Other lines read as before, and are not scanned again. The bound guards against a
        // cycle (a repair that normalising would undo); past it a second clean could still change the text.
        var rounds = 0
        while mojibake && !normalised.isEmpty && rounds < 3 {
            rounds += 1
            var again = false
            guard Self.apply(Self.repairMojibake(document.text, lines: normalised), to: &document, reintroduced: &again) else { break }
            if controls && again { document.apply(ControlPass.rewrite(document.text)) }
            normalised = normalise(&document)
        }
        Self.reportC1Controls(&document)
        // Report fixes in reading order (passes ran one after another over the whole text). The
        // indices are sorted, not the fixes: moving a fix moves its strings, an index is one word.
        let fixes = document.fixes
        let order = fixes.indices.sorted { (fixes[$0].origin.lowerBound, $0) < (fixes[$1].origin.lowerBound, $1) }
        document.fixes = order.map { fixes[$0] }
    }

    /// Unicode NFC, then whitespace: the ranges of the resulting text they changed (empty where they
    /// deleted), sorted by lower bound.
    private func normalise(_ document: inout Document) -> [Range<Int>] {
        var changed: [Range<Int>] = []
        if nfc {
            let r = NFCPass.rewrite(document.text)
            if document.apply(r) { changed = r.fixes.map(\.newRange) }
        }
        if whitespace {
            let ws = WhitespacePass(nbsp: nbsp, bullets: bullets)
            let r = ws.rewrite(document.text)
            if document.apply(r) {
                // Both lists are in order: merged, not sorted.
                var merged: [Range<Int>] = []
                merged.reserveCapacity(changed.count + r.fixes.count)
                var k = 0
                for f in r.fixes {
                    while k < changed.count, case let c = r.map.targetRange(ofSource: changed[k]), c.lowerBound <= f.newRange.lowerBound {
                        merged.append(c)
                        k += 1
                    }
                    merged.append(f.newRange)
                }
                while k < changed.count { merged.append(r.map.targetRange(ofSource: changed[k])); k += 1 }
                changed = merged
            }
        }
        return changed
    }

    /// Applies a pass between the two control passes, noting whether it may have put back a control.
    private static func apply(_ rewrite: Rewrite, to document: inout Document, reintroduced: inout Bool) -> Bool {
        if !reintroduced && ControlPass.mayReintroduce(rewrite) { reintroduced = true }
        return document.apply(rewrite)
    }

    /// C1 controls that no encoding explains are damage the cleaner cannot repair: kept, and reported.
    static func reportC1Controls(_ document: inout Document) {
        var found: [Residue] = []
        document.text.utf8.withContiguousStorageIfAvailable { p in
            // Every 0xC2 (memchr) followed by a byte 0x80–0x9F: a C1 control U+0080–U+009F.
            var i = UTF8Bytes.find(0xC2, in: p, from: 0, to: p.count)
            while i + 1 < p.count {
                if p[i + 1] >= 0x80 && p[i + 1] <= 0x9F {
                    let code = String(0x80 + Int(p[i + 1] - 0x80), radix: 16, uppercase: true)
                    found.append(Residue(kind: .encoding, range: i..<(i + 2), origin: i..<(i + 2), note: "C1 control character U+00\(code) that no encoding explains"))
                }
                i = UTF8Bytes.find(0xC2, in: p, from: i + 1, to: p.count)
            }
        }
        document.residue.append(contentsOf: found.map { r in
            var r = r
            r.origin = document.origin(of: r.range)
            return r
        })
    }

    /// Applies the mojibake engine's repairs as one pass (over the lines holding a part of `lines`, if given).
    static func repairMojibake(_ text: String, lines: [Range<Int>]? = nil) -> Rewrite {
        let repairs = lines.map { MojibakeRepairer.repairs(in: text, lines: $0) } ?? MojibakeRepairer.repairs(in: text)
        var b = TextBuilder(source: text)
        for r in repairs {
            b.copy(upTo: r.range.lowerBound)
            b.replace(r.range, with: r.replacement, fix: .mojibake, note: r.reason)
        }
        return b.finish()
    }

    /// Markup: libxml2 for documents that are markup, stray-tag repair for plain text. Whether the
    /// text may have changed.
    private func applyMarkup(_ document: inout Document, reintroduced: inout Bool) -> Bool {
        let asHTML: Bool
        switch markup {
        case .off: return false
        case .html: asHTML = true
        case .text: asHTML = false
        case .auto: asHTML = MarkupDetector.isMarkup(document.text, mediaType: document.mediaType)
        }
        if asHTML {
            let x = HTMLExtractor.extract(document.text, options: HTMLOptions(decodeRemainingEntities: entities))
            let residue = x.residue
            let before = document.text.utf8.count
            document.mediaType = "text/html"
            // Residue ranges are in the text before this rewrite: record them first, so apply() carries them over.
            for r in residue where r.upperBound <= before {
                document.residue.append(Residue(kind: .markup, range: r, origin: document.origin(of: r), note: "markup that could not be turned into structure"))
            }
            let changed = Self.apply(x.rewrite, to: &document, reintroduced: &reintroduced)
            document.blocks = x.blocks
            return changed
        } else {
            let repaired = Self.apply(MalformedTagRepair.rewrite(document.text), to: &document, reintroduced: &reintroduced)
            let r = PlainTextMarkup.process(document.text)
            for range in r.residue {
                document.residue.append(Residue(kind: .markup, range: range, origin: document.origin(of: range), note: "markup in plain text that could not be turned into structure"))
            }
            let changed = Self.apply(r.rewrite, to: &document, reintroduced: &reintroduced)
            document.blocks.append(contentsOf: r.blocks)
            return repaired || changed
        }
    }

    /// Cleans a bare string (for tools and tests): the cleaned text and the fixes.
    public func clean(_ text: String, mediaType: String = "text/plain") throws -> (text: String, fixes: [Fix]) {
        var doc = Document(id: "-", source: SourceFile(path: "-", bytes: Array(text.utf8), mediaType: mediaType))
        doc.setDecoded(text: text, encoding: "utf-8", rawMap: OffsetMap(identity: text.utf8.count))
        try process(&doc)
        return (doc.text, doc.fixes)
    }
}
