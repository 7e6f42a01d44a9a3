import DocPipe
import DocPipeCore
import Testing
import DocPipeTestSupport
@testable import DocPipeValidate

/// The byte comparisons of date-conflict against the String operations they replaced, and its
/// events against the original token-by-String version of the rule (kept below as a reference).
@Suite struct DateConflictEquivalenceTests {

    /// Tokens that look like the words the rule compares: case variants, near misses, non-ASCII.
    static let tokens = [
        "was", "Was", "WAS", "wAs", "were", "WERE", "wer", "which", "Which", "the", "The", "THE", "thé", "in", "In", "IN",
        "on", "On", "by", "By", "BY", "bye", "first", "First", "FIRST", "firsts", "jointly", "formally", "Formerly",
        "initially", "originally", "OFFICIALLY", "officially", "formely", "founded", "Founded", "FOUNDED", "founder",
        "established", "Established", "created", "formed", "signed", "Signed", "born", "Born", "died", "DIED", "dies",
        "-", "(", ")", ",", ";", "\u{37E}", "”", "\"", "’", "»", "«", "“", "Émile", "émile", "Ωmega", "ωmega", "İstanbul",
        "\u{212A}", "K", "k", "1980", "", "Ünited", "ß", "Σ", "a", "A", "@", "[", "`", "{",
    ]

    @Test func tokenComparisonsAgreeWithStrings() {
        let adverbs = DateConflictRule.adverbs
        for t in Self.tokens {
            let b = Array(t.utf8)
            b.withUnsafeBufferPointer { p in
                let r = 0..<b.count
                let lower = t.lowercased()
                for w: StaticString in ["was", "were", "which", "the", "in", "on", "by"] {
                    #expect(DateConflictRule.isWord(p, r, w) == (lower == w.description), "\(t) \(w)")
                }
                for w: StaticString in ["-", "(", ")", ",", "”", "\"", "’", "»"] {
                    #expect(DateConflictRule.isText(p, r, w) == (t == w.description), "\(t) \(w)")
                }
                #expect((DateConflictRule.isText(p, r, ";") || DateConflictRule.isText(p, r, "\u{37E}")) == (t == ";"), "\(t)")
                #expect(DateConflictRule.isAdverb(p, r) == adverbs.contains(lower), "\(t)")
                #expect(DateConflictRule.eventKind(p, r) == DateConflictRule.eventWords[lower], "\(t)")
                #expect(DateConflictRule.startsUppercase(p, r) == (t.unicodeScalars.first?.properties.isUppercase ?? false), "\(t)")
            }
        }
    }

    @Test func headHashesAgreeWithHeads() {
        let pieces = ["of", "on", "for", "in", "and", "to", "de", "Of", "the", "Convention", "Council", "Bank", "Fund", " ", "  ", "Genève", "x"]
        var rng = SplitMix(state: 5)
        for n in 0..<5_000 {
            var name = ""
            for _ in 0..<(n % 7) { name += pieces.randomElement(using: &rng)!; if Bool.random(using: &rng) { name += " " } }
            let b = Array(name.utf8)
            let hash = b.withUnsafeBufferPointer { DateConflictRule.asciiHeadHash($0) }
            guard b.allSatisfy({ $0 < 0x80 }) else { #expect(hash == nil, "\(name.debugDescription)"); continue }
            let head = Array(DateConflictRule.head(name).utf8)
            #expect(b.withUnsafeBufferPointer { p in DateConflictRule.asciiHeadRange(p).map { Array(p[$0]) } } == head, "\(name.debugDescription)")
            #expect(hash == head.withUnsafeBufferPointer { DateConflictRule.bytesHash($0, 0..<head.count) }, "\(name.debugDescription)")
        }
    }

    @Test func entityIdNumbers() {
        #expect(DateConflictRule.idNumber("e1") == 1)
        #expect(DateConflictRule.idNumber("e1207") == 1207)
        for id in ["e", "e0", "e01", "E1", "x1", "e1a", "e-1", "e 1", "", "é1", "e99999999999999999999"] {
            #expect(DateConflictRule.idNumber(id) == nil, "\(id)")
        }
    }

    // MARK: events against the reference

    static let subjects = [
        "The Nordic Forestry Council", "the Nordic Forestry Council", "The Council", "the 1980 Convention", "The Convention",
        "the Convention on Pelagic Fisheries", "The Convention on Pelagic Fisheries", "Paul McCole", "Sean McCole",
        "The International Organization for Migration", "the Organization", "Its Secretariat", "It", "UNEP", "The Bank",
        "“The Fund”", "the Fund", "The Baltic Ports Association", "Karl Weyprecht", "The Geneva Migration Group",
    ]
    static let verbs = ["founded", "established", "created", "formed", "signed", "born", "died", "re-established", "Founded", "SIGNED"]
    static let dates = ["1949", "1952", "18 November 1980", "1981", "March 1987", "1987", "4 December 1953", "the 1990s", "about 1960", "2004-06-12"]

    static func randomDocument(_ rng: inout SplitMix) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            let s = subjects.randomElement(using: &rng)!, v = verbs.randomElement(using: &rng)!, d = dates.randomElement(using: &rng)!
            let adverb = ["", "originally ", "formally ", "first ", "jointly "].randomElement(using: &rng)!
            let prep = ["in", "on", "by Spain on", "in London on", "in"].randomElement(using: &rng)!
            switch Int.random(in: 0..<7, using: &rng) {
            case 0: text += "\(v.prefix(1).uppercased() + v.dropFirst()) \(prep) \(d), \(s.hasPrefix("the ") ? s : "the " + s) is based in Geneva. "
            case 1: text += "\(s) (\(v) \(d)) is a body. "
            case 2: text += "\(s), which was \(adverb)\(v) \(prep) \(d), meets yearly. "
            case 3: text += "\(s) \(v) \(prep) \(d); it was \(v) \(prep) \(d). "
            case 4: text += "\n\n\(s)\n\n"
            default: text += "\(s) \(["was", "were", "Was", "is"].randomElement(using: &rng)!) \(adverb)\(v) \(prep) \(d) by five states. "
            }
        }
        return text + "\n"
    }

    @Test func eventsAgreeWithTheReference() {
        var rng = SplitMix(state: 6)
        var found = 0
        var docs = RuleCatalog.descriptions.flatMap { $0.triggering + $0.nonTriggering }.map { $0.unmarked.text }
        for _ in 0..<300 { docs.append(Self.randomDocument(&rng)) }
        for text in docs {
            let doc = RuleExamplesTests.pipeline.process(SourceFile(path: "t", bytes: Array(text.utf8)), id: "t")
            let fast = DateConflictRule.events(in: doc).map { "\($0.subject)|\($0.name)|\($0.kind)|\($0.date.value)|\($0.date.range)" }
            let reference = Self.referenceEvents(in: doc).map { "\($0.subject)|\($0.name)|\($0.kind)|\($0.date.value)|\($0.date.range)" }
            #expect(fast == reference, "\(text.debugDescription)")
            found += fast.count
        }
        #expect(found > 100)
    }

    /// `events(in:)` of the original rule: per-token Strings, a head-noun table and an id map.
    static func referenceEvents(in document: Document) -> [DateConflictRule.Event] {
        typealias R = DateConflictRule
        let text = document.text
        var byId: [String: Int] = [:]
        for (i, e) in document.entities.enumerated() { byId[e.id] = i }
        func root(_ e: Entity) -> Entity {
            var r = e, n = 0
            while let p = r.refersTo, let i = byId[p], n < 20 { r = document.entities[i]; n += 1 }
            return r
        }
        func canonical(_ e: Entity) -> String { let r = root(e); return r.normalized ?? text.utf8Slice(r.range) }
        let named: Set<Entity.Kind> = [.org, .law, .event, .work, .gpe, .loc]
        func onlyName(head word: String, endingBy limit: Int) -> String? {
            var names: [String] = []
            for e in document.entities where named.contains(e.kind) && e.range.upperBound <= limit {
                let n = canonical(e)
                if R.head(n) == word { names.append(n) }
            }
            guard let first = names.first, names.allSatisfy({ $0 == first }) else { return nil }
            return first
        }
        var out: [R.Event] = []
        let tokens = document.tokens
        let entities = document.entities.sorted { $0.range.lowerBound < $1.range.lowerBound }
        for s in document.sentences {
            let local = entities.filter { $0.range.lowerBound >= s.range.lowerBound && $0.range.lowerBound < s.range.upperBound }
            let toks = tokens.filter { $0.range.lowerBound >= s.range.lowerBound && $0.range.upperBound <= s.range.upperBound }
            let words = toks.map { text.utf8Slice($0.range) }
            let lower = words.map { $0.lowercased() }
            for i in toks.indices {
                guard toks[i].kind == .word, let kind = R.eventWords[lower[i]] else { continue }
                if i > 0, words[i - 1] == "-", toks[i - 1].range.upperBound == toks[i].range.lowerBound { continue }
                var subject: (key: String, name: String)?
                var limit = s.range.upperBound
                var parenthetical = false
                let allowed: (Entity) -> Bool = { e in
                    guard R.personal.contains(kind) ? e.kind == .person : named.contains(e.kind) else { return false }
                    if let k = toks.firstIndex(where: { $0.range.lowerBound == e.range.lowerBound }), k > 0, toks[k - 1].kind == .word,
                       toks[k - 1].range.upperBound + 1 == e.range.lowerBound,
                       words[k - 1].unicodeScalars.first?.properties.isUppercase ?? false, lower[k - 1] != "the" { return false }
                    return true
                }
                if i >= 2, words[i - 1] == "(", kind != "signature" {
                    parenthetical = true
                    if let close = (i..<toks.count).first(where: { words[$0] == ")" }) { limit = toks[close].range.lowerBound }
                    let endByte = toks[i - 2].range.upperBound
                    if let e = local.first(where: { allowed($0) && $0.range.upperBound == endByte }) { subject = (canonical(e).lowercased(), canonical(e)) }
                } else if kind == "death", i >= 1, let e = local.first(where: { allowed($0) && $0.range.upperBound == toks[i - 1].range.upperBound }) {
                    subject = (canonical(e).lowercased(), canonical(e))
                } else if i == 0 {
                    guard let comma = toks.firstIndex(where: { text.utf8Slice($0.range) == "," }) else { continue }
                    limit = toks[comma].range.lowerBound
                    let after = toks[comma].range.upperBound
                    if let e = local.first(where: { allowed($0) && $0.range.lowerBound > after && $0.range.lowerBound <= after + 5 }) {
                        subject = (canonical(e).lowercased(), canonical(e))
                    }
                } else {
                    var j = i - 1
                    while j >= 0, R.adverbs.contains(lower[j]) { j -= 1 }
                    guard j >= 1, lower[j] == "was" || lower[j] == "were" else { continue }
                    j -= 1
                    if j >= 1, lower[j] == "which", words[j - 1] == "," { j -= 2 }
                    while j >= 0, ["”", "\"", "’", ")", "»"].contains(words[j]) { j -= 1 }
                    guard j >= 0 else { continue }
                    let endByte = toks[j].range.upperBound
                    if let e = local.first(where: { allowed($0) && $0.range.upperBound == endByte }) {
                        subject = (canonical(e).lowercased(), canonical(e))
                    } else if !R.personal.contains(kind), let first = words[j].unicodeScalars.first, first.properties.isUppercase {
                        var k = j - 1
                        while k >= 0, toks[k].kind == .number || (words[k].unicodeScalars.first?.properties.isUppercase ?? false) && lower[k] != "the" { k -= 1 }
                        guard k >= 0, lower[k] == "the" else { continue }
                        if let n = onlyName(head: words[j], endingBy: toks[k].range.lowerBound) { subject = (n.lowercased(), n) }
                    }
                }
                guard let subject else { continue }
                let verbEnd = toks[i].range.upperBound
                guard let d = document.dates.first(where: { $0.range.lowerBound >= verbEnd && $0.range.lowerBound < limit }),
                      R.isExplicit(d), d.range.lowerBound - verbEnd <= 80 else { continue }
                let between = toks.indices.filter { toks[$0].range.lowerBound >= verbEnd && toks[$0].range.upperBound <= d.range.lowerBound }
                if let last = between.last {
                    guard lower[last] == "in" || lower[last] == "on" else { continue }
                } else if !parenthetical { continue }
                if between.contains(where: { words[$0] == ";" || R.eventWords[lower[$0]] != nil }) { continue }
                if kind == "signature", between.contains(where: { lower[$0] == "by" }) { continue }
                out.append(R.Event(subject: subject.key, name: subject.name, kind: kind, date: d))
            }
        }
        return out
    }
}
