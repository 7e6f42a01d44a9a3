import DocPipeCore

/// Rule and gazetteer entity recognition over the tokens.
///
/// One left-to-right pass: at each token every pattern proposes a span starting there and the longest
/// wins (ties go to the earlier pattern in `scan`: LAW, MONEY, PERCENT, acronym, names, PERSON, references,
/// CARDINAL); the pass then jumps past it. Every pattern looks a bounded number of tokens ahead, so the
/// pass is linear. `EntityLinker` then sets `refersTo` and canonical names.
///
/// Decisions:
/// - ORG spans never include a leading `the`/`The`; a sentence-initial capital starts a name only when the
///   word is part of a known name or the next word is capitalised too.
/// - `Conference` / `Summit` names are EVENTs unless the gazetteer knows a standing body (UNCTAD).
/// - `… Constitution` / `… Agreement` / `… Convention` names are LAW, also when an organisation name
///   precedes them (`IOM Constitution`); a bare head (`the Constitution`, `the Council`) is no name.
/// - `Georgia`, `Jordan`, `Chad` are countries unless a title or a known first name makes a PERSON.
/// - PERSON spans exclude the title (`Dr. Jane Roe` → `Jane Roe`); a later bare surname refers back.
/// - CARDINAL: numerals and number words (`two` … `ninety`, `dozen`; `one` only before a scale word),
///   not years (a four-digit number 1000–2100 is a year unless a lower-case noun follows it without a
///   date cue before), ordinals, ranges or times.
enum EntityRecognizer {
    static func entities(in document: Document) -> [Entity] {
        var text = document.text
        let tokens = document.tokens.isEmpty ? Tokenizer.tokens(in: text) : document.tokens
        return text.withUTF8 { p in
            var r = EntityScanner(p: p, tokens: tokens, lexicon: EntityLexicon.shared, sentences: document.sentences, acronyms: document.acronyms)
            r.scan()
            return EntityLinker.link(r.mentions, scanner: r)
        }
    }
}

/// A recognised span before linking.
struct EntityMention {
    enum Source: Equatable {
        case gazetteer(Int)
        case pattern
        /// A mention of a document-defined short form (index into the document's acronyms); the
        /// gazetteer entry, when it knows the short form too.
        case acronym(Int, fallback: Int?)
        /// A definite description (`the Organization`) with its head key.
        case reference(String)
        /// A bare surname of an earlier PERSON (token index of its first mention's surname).
        case surname(Int)
    }
    var kind: Entity.Kind
    var start: Int
    var end: Int
    var normalized: String?
    var source: Source
}

struct EntityScanner {
    let p: UnsafeBufferPointer<UInt8>
    let toks: [Token]
    let lex: EntityLexicon
    let n: Int
    let acronyms: [Acronym]
    /// Exact and ASCII-folded vocabulary ids per token (-1 when unknown).
    var exact: [Int32]
    var folded: [Int32]
    var shape: [UInt8]
    var mentions: [EntityMention] = []
    private var gzMemo: [Int32]
    private var gzEntry: [Int32]
    /// Short forms defined in the document: first token text → (token texts, acronym index).
    private var shortForms: [String: [([String], Int)]] = [:]
    /// FNV-1a hashes of the keys of `shortForms`, to skip building a `String` for tokens that start none.
    private var shortFormHashes: Set<UInt64> = []
    /// Exact ids of PERSON surnames seen so far → index of the first PERSON mention with that surname.
    private var surnames: [Int32: Int] = [:]

    static let capital: UInt8 = 1, allCaps: UInt8 = 2, initial: UInt8 = 4, word: UInt8 = 8, number: UInt8 = 16, lineStart: UInt8 = 32

    init(p: UnsafeBufferPointer<UInt8>, tokens: [Token], lexicon: EntityLexicon, sentences: [Sentence], acronyms: [Acronym]) {
        self.p = p
        self.toks = tokens
        self.lex = lexicon
        self.n = tokens.count
        self.acronyms = acronyms
        exact = [Int32](repeating: -1, count: n)
        folded = [Int32](repeating: -1, count: n)
        shape = [UInt8](repeating: 0, count: n)
        gzMemo = [Int32](repeating: -2, count: n)
        gzEntry = [Int32](repeating: -1, count: n)
        var sentenceStarts = sentences.map(\.range.lowerBound).sorted()[...]
        for t in 0..<n {
            let r = tokens[t].range
            exact[t] = lexicon.vocab.id(p, r)
            var s: UInt8 = 0
            var upper = 0, lower = 0
            for k in r {
                let b = p[k]
                if b &- 0x41 < 26 { upper += 1 } else if b &- 0x61 < 26 { lower += 1 }
            }
            let b0 = p[r.lowerBound]
            if b0 &- 0x41 < 26 {
                s |= Self.capital
            } else if b0 >= 0xC0 {
                let (scalar, _) = UTF8Bytes.scalar(p, at: r.lowerBound)
                if scalar.properties.isUppercase { s |= Self.capital }
            }
            if upper >= 2 && lower == 0 { s |= Self.allCaps }
            if upper > 0 { folded[t] = lexicon.vocab.id(p, r, fold: true) } else { folded[t] = exact[t] }
            switch tokens[t].kind {
            case .word: s |= Self.word
            case .number: s |= Self.number
            default: break
            }
            // Sentence or line initial.
            var isInitial = t == 0
            if t > 0 {
                let prev = tokens[t - 1]
                for k in prev.range.upperBound..<r.lowerBound where p[k] == 0x0A {
                    isInitial = true
                    s |= Self.lineStart
                    break
                }
                while let f = sentenceStarts.first, f < r.lowerBound { sentenceStarts.removeFirst() }
                if sentenceStarts.first == r.lowerBound { isInitial = true }
                if sentences.isEmpty, prev.kind == .punctuation, prev.range.count == 1 {
                    let c = p[prev.range.lowerBound]
                    if c == 0x2E || c == 0x3F || c == 0x21 || c == 0x3A { isInitial = true }
                }
                // After an opening quote or bracket at a sentence start.
                if shape[t - 1] & Self.initial != 0, prev.kind == .punctuation { isInitial = true }
            }
            if isInitial { s |= Self.initial }
            shape[t] = s
        }
        for (k, a) in acronyms.enumerated() {
            let words = EntityLexicon.tokenTexts(a.short)
            guard let first = words.first else { continue }
            shortForms[first, default: []].append((words, k))
            shortFormHashes.insert(Self.fnv(first.utf8))
        }
    }

    @inline(__always)
    static func fnv<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    // MARK: - Token tests

    @inline(__always) func ex(_ i: Int) -> WordFlags { i < n ? lex.flags(exact[i]) : [] }
    @inline(__always) func fo(_ i: Int) -> WordFlags { i < n ? lex.flags(folded[i]) : [] }
    @inline(__always) func isCapWord(_ i: Int) -> Bool { i < n && shape[i] & (Self.capital | Self.word) == (Self.capital | Self.word) }
    @inline(__always) func isLowerWord(_ i: Int) -> Bool { i < n && shape[i] & (Self.capital | Self.word) == Self.word }
    @inline(__always) func isInitial(_ i: Int) -> Bool { shape[i] & Self.initial != 0 }
    @inline(__always) func isAllCaps(_ i: Int) -> Bool { i >= 0 && i < n && shape[i] & Self.allCaps != 0 && toks[i].kind == .word }
    @inline(__always) func isPunct(_ i: Int, _ c: UInt8) -> Bool {
        i < n && toks[i].range.count == 1 && p[toks[i].range.lowerBound] == c && toks[i].kind != .word
    }

    func text(_ i: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: p[toks[i].range]), as: UTF8.self) }

    /// Text of tokens `a..<b` with runs of white space collapsed to one space.
    func text(_ a: Int, _ b: Int) -> String {
        var out: [UInt8] = []
        let r = toks[a].range.lowerBound..<toks[b - 1].range.upperBound
        out.reserveCapacity(r.count)
        var space = false
        for k in r {
            let c = p[k]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D {
                space = true
                continue
            }
            if space { out.append(0x20); space = false }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    func byteRange(_ a: Int, _ b: Int) -> Range<Int> { toks[a].range.lowerBound..<toks[b - 1].range.upperBound }

    /// Longest gazetteer name starting at `i`: (end, entry), memoised.
    mutating func gazetteer(_ i: Int) -> (end: Int, entry: Int)? {
        guard i < n else { return nil }
        if gzMemo[i] == -2 {
            gzMemo[i] = -1
            var node = lex.gazetteerRoot
            var j = i
            var best: (Int, Int32)?
            while j < n, j - i < lex.maxNameLength, exact[j] >= 0, let c = lex.trie.child(node, exact[j]) {
                node = c
                j += 1
                let v = lex.trie.payload[Int(c)]
                if v >= 0 { best = (j, v) }
            }
            if let (e, v) = best {
                let entry = lex.entries[Int(v)]
                var ok = true
                if entry.isShortForm {
                    // `WHO` in `WHO WE ARE`: an upper-case neighbour that is no known name word.
                    for k in [i - 1, e] where isAllCaps(k) && !ex(k).contains(.nameWord) { ok = false }
                }
                if ok {
                    gzMemo[i] = Int32(e)
                    gzEntry[i] = v
                }
            }
        }
        let e = gzMemo[i]
        return e < 0 ? nil : (Int(e), Int(gzEntry[i]))
    }

    /// Longest match of a cue trie (titles, currency words, `per cent`) at `i`: (end, payload).
    func cue(_ root: Int32, at i: Int, fold: Bool) -> (end: Int, value: Int)? {
        var node = root
        var j = i
        var best: (Int, Int)?
        while j < n, j - i < 4 {
            let id = fold ? folded[j] : exact[j]
            guard id >= 0, let c = lex.trie.child(node, id) else { break }
            node = c
            j += 1
            let v = lex.trie.payload[Int(c)]
            if v >= 0 { best = (j, Int(v)) }
        }
        return best
    }

    // MARK: - Scan

    mutating func scan() {
        var i = 0
        while i < n {
            if let m = best(at: i) {
                mentions.append(m)
                if m.kind == .person, case .pattern = m.source {
                    let key = surnameKey(m.end - 1)
                    if surnames[key] == nil { surnames[key] = mentions.count - 1 }
                }
                i = m.end
            } else {
                i += 1
            }
        }
    }

    /// A key for a surname token (its vocabulary id when known, else a hash of its bytes, negated).
    func surnameKey(_ i: Int) -> Int32 {
        if exact[i] >= 0 { return exact[i] }
        var h: UInt32 = 2_166_136_261
        for k in toks[i].range { h = (h ^ UInt32(p[k])) &* 16_777_619 }
        return -Int32(bitPattern: h & 0x3FFF_FFFF) - 2
    }

    private mutating func best(at i: Int) -> EntityMention? {
        let t = toks[i]
        if t.kind == .punctuation { return nil }
        // A word unknown to the vocabulary and without a capital starts no pattern.
        if t.kind == .word, exact[i] < 0, folded[i] < 0, shape[i] & Self.capital == 0 { return nil }
        var best: EntityMention?
        func consider(_ m: EntityMention?) {
            guard let m else { return }
            if best == nil || m.end > best!.end { best = m }
        }
        consider(law(at: i))
        if t.kind != .word || shape[i] & Self.allCaps != 0 || fo(i).contains(.a) || fo(i).contains(.numberWord) {
            consider(money(at: i))
            consider(percent(at: i))
        }
        if shape[i] & Self.capital != 0 || exact[i] >= 0 {
            consider(acronym(at: i))
            consider(name(at: i))
            consider(person(at: i))
            consider(surname(at: i))
        }
        if fo(i).contains(.the) { consider(reference(at: i)) }
        if best == nil, t.kind == .number || t.kind == .word && !fo(i).intersection([.a, .numberWord]).isEmpty { consider(cardinal(at: i)) }
        return best
    }

    // MARK: - Names (gazetteer + capitalised phrases)

    struct Phrase {
        var end: Int
        var kind: Entity.Kind
        var chunk: (end: Int, entry: Int)?
    }

    /// A name at `i`: the gazetteer's longest match or a capitalised phrase headed by an organisation,
    /// law or event noun, whichever is longer; a following `resolution 47/4` makes it a LAW.
    mutating func name(at i: Int) -> EntityMention? {
        var m: EntityMention?
        if let g = gazetteer(i) {
            let e = lex.entries[g.entry]
            m = EntityMention(kind: e.kind, start: i, end: g.end, normalized: e.normalized, source: .gazetteer(g.entry))
        }
        if let ph = phrase(at: i), ph.end > (m?.end ?? i) {
            var norm = text(i, ph.end)
            if let c = ph.chunk, lex.entries[c.entry].kind == .org, lex.entries[c.entry].normalized != text(i, c.end) {
                norm = lex.entries[c.entry].normalized + " " + text(c.end, ph.end)
            }
            m = EntityMention(kind: ph.kind, start: i, end: ph.end, normalized: norm, source: .pattern)
        }
        if let org = m, org.kind == .org, let r = resolutionNumber(at: org.end) {
            let num = text(org.end + 1)
            var norm = text(i, r)
            if toks[org.end + 1].kind == .word {
                norm = num
            } else if org.normalized == "United Nations General Assembly", num.utf8.contains(0x2F) {
                norm = "A/RES/" + num
            } else if org.normalized == "United Nations Security Council", !num.utf8.contains(0x2F) {
                norm = "S/RES/" + num
            }
            return EntityMention(kind: .law, start: i, end: r, normalized: norm, source: .pattern)
        }
        return m
    }

    /// A capitalised phrase headed by an organisation / law / event noun (see the type comment).
    mutating func phrase(at i: Int) -> Phrase? {
        guard isCapWord(i), !ex(i).contains(.noStart) else { return nil }
        let startChunk = gazetteer(i)
        if isInitial(i), startChunk == nil, !ex(i).contains(.nameWord), !isCapWord(i + 1) { return nil }
        var j = i
        var headEnd = -1, headIdx = -1
        var headKind: Entity.Kind = .org
        var modifiers = 0
        var genericOnly = true, inComplement = false, trailing = false, hasComplement = false
        var afterOrgChunk = false
        var chunk: (end: Int, entry: Int)?
        if let c = startChunk {
            if lex.entries[c.entry].kind == .org {
                headEnd = c.end
                chunk = c
                afterOrgChunk = true
            } else {
                modifiers += 1
                genericOnly = false
            }
            j = c.end
        }
        let limit = min(n, i + 24)
        while j < limit {
            if j > i, shape[j] & Self.lineStart != 0 { break }  // names do not run across lines
            if isCapWord(j) {
                if ex(j).contains(.noStart) { break }
                if j > i, let c = gazetteer(j), c.end > j + 1 || lex.entries[c.entry].kind != .org || inComplement {
                    if inComplement {
                        headEnd = c.end
                    } else if lex.entries[c.entry].kind == .org {
                        break  // `New York-based United Nations`: a known organisation is no modifier
                    } else {
                        modifiers += 1
                        genericOnly = false
                        if headEnd >= 0 { trailing = true }
                    }
                    afterOrgChunk = false
                    j = c.end
                    continue
                }
                let f = ex(j)
                let head: Entity.Kind? = f.contains(.orgHead) ? .org : f.contains(.lawHead) ? .law : f.contains(.eventHead) ? .event : nil
                if inComplement {
                    headEnd = j + 1
                } else if let head {
                    headEnd = j + 1
                    headIdx = j
                    headKind = head
                    trailing = false
                } else if headEnd >= 0 {
                    trailing = true
                } else {
                    modifiers += 1
                    if !f.contains(.generic) { genericOnly = false }
                }
                afterOrgChunk = false
                j += 1
                continue
            }
            if isLowerWord(j) || isPunct(j, 0x26), fo(j).contains(.connector) {
                let isAnd = fo(j).contains(.and)
                var k = j + 1
                if !isAnd, fo(j).contains(.takesArticle), isLowerWord(k), fo(k).contains(.the) { k += 1 }
                guard isCapWord(k) else { break }
                if isAnd {
                    if headEnd < 0 { j = k; continue }  // Food and Agriculture Organization
                    if !inComplement || conjunctHasHead(k) { break }
                    j = k
                    continue
                }
                if fo(j).contains(.the) { break }
                if headEnd < 0 || trailing { break }
                inComplement = true
                hasComplement = true
                j = k
                continue
            }
            if j > i, ex(j).contains(.possessive), !afterOrgChunk, headEnd < 0 || trailing, !inComplement, isCapWord(j + 1) {
                j += 1
                continue
            }
            if j > i, isPunct(j, 0x2F), isCapWord(j + 1) {
                j += 1
                continue
            }
            break
        }
        guard headEnd > i, !trailing else { return nil }
        if let c = chunk, headEnd == c.end { return nil }  // just the gazetteer name
        if headIdx < 0 && !hasComplement { return nil }
        if headIdx < 0 { return nil }
        if chunk == nil && !hasComplement {
            if modifiers == 0 { return nil }  // a bare `Council`, `Convention`
            if modifiers == 1 && genericOnly { return nil }  // `Regional Organization`, `Observer Mission`
            if ex(headIdx).contains(.plural) && genericOnly { return nil }
        }
        return Phrase(end: headEnd, kind: headKind, chunk: chunk)
    }

    /// Whether the capitalised words from `k` (up to the next connector) hold a head noun: `… and the
    /// World Health Organization` coordinates two names rather than continuing one.
    mutating func conjunctHasHead(_ k: Int) -> Bool {
        var j = k
        while j < n, j < k + 8, isCapWord(j) {
            if let c = gazetteer(j), lex.entries[c.entry].kind == .org { return true }
            if ex(j).contains(.orgHead) || ex(j).contains(.lawHead) || ex(j).contains(.eventHead) { return true }
            j += 1
        }
        return false
    }

    // MARK: - LAW

    /// `resolution 2758`, `resolution A/RES/47/4` at `i`: the end, else nil.
    func resolutionNumber(at i: Int) -> Int? {
        guard i + 1 < n, fo(i).contains(.resolution) else { return nil }
        let k = toks[i + 1].kind
        if k == .number && EntityNumberText.plain(p, toks[i + 1].range) != nil || k == .number && p[toks[i + 1].range.lowerBound] != 0x30 {
            return i + 2
        }
        if k == .word, isDocumentSymbol(i + 1) { return i + 2 }
        return nil
    }

    /// `A/RES/47/4`, `S/RES/1325 (2000)`: an upper-case start, a slash and a digit.
    func isDocumentSymbol(_ i: Int) -> Bool {
        guard toks[i].kind == .word, shape[i] & Self.capital != 0 else { return false }
        var slash = false, digit = false
        for k in toks[i].range {
            if p[k] == 0x2F { slash = true } else if p[k] &- 0x30 < 10 { digit = true }
        }
        return slash && digit
    }

    func law(at i: Int) -> EntityMention? {
        if isDocumentSymbol(i) {
            return EntityMention(kind: .law, start: i, end: i + 1, normalized: text(i), source: .pattern)
        }
        if let e = resolutionNumber(at: i) {
            let norm = toks[i + 1].kind == .word ? text(i + 1) : text(i, e)
            return EntityMention(kind: .law, start: i, end: e, normalized: norm, source: .pattern)
        }
        if ex(i).contains(.article), i + 1 < n, toks[i + 1].kind == .number {
            return EntityMention(kind: .law, start: i, end: i + 2, normalized: text(i, i + 2), source: .pattern)
        }
        return nil
    }

    // MARK: - MONEY, PERCENT, CARDINAL

    /// A plain numeral at `i` and the scale word after it: (digits, power, end).
    func amount(at i: Int) -> (String, Int, Int)? {
        guard i < n, toks[i].kind == .number, let d = EntityNumberText.plain(p, toks[i].range) else { return nil }
        if i + 1 < n, fo(i + 1).contains(.scale), toks[i + 1].kind == .word {
            return (d, lex.value(folded[i + 1]), i + 2)
        }
        return (d, 0, i + 1)
    }

    func money(at i: Int) -> EntityMention? {
        let f = ex(i)
        if f.contains(.currencySymbol) || (f.contains(.currencyCode) && isAllCaps(i)) {
            guard let code = lex.currency[exact[i]], let (d, pow, e) = amount(at: i + 1) else { return nil }
            return EntityMention(kind: .money, start: i, end: e, normalized: EntityNumberText.shift(d, by: pow) + " " + code, source: .pattern)
        }
        // Cheap test for a currency word or code after the amount before building its digits.
        guard i < n, toks[i].kind == .number else { return nil }
        let e0 = i + 1 < n && fo(i + 1).contains(.scale) && toks[i + 1].kind == .word ? i + 2 : i + 1
        if cue(lex.currencyWordRoot, at: e0, fold: true) == nil,
           !(e0 < n && ex(e0).contains(.currencyCode) && isAllCaps(e0) && lex.currency[exact[e0]] != nil) { return nil }
        if let (d, pow, e) = amount(at: i) {
            if let c = cue(lex.currencyWordRoot, at: e, fold: true) {
                return EntityMention(kind: .money, start: i, end: c.end, normalized: EntityNumberText.shift(d, by: pow) + " " + lex.cueValues[c.value], source: .pattern)
            }
            if e < n, ex(e).contains(.currencyCode), isAllCaps(e), let code = lex.currency[exact[e]] {
                return EntityMention(kind: .money, start: i, end: e + 1, normalized: EntityNumberText.shift(d, by: pow) + " " + code, source: .pattern)
            }
        }
        return nil
    }

    func percent(at i: Int) -> EntityMention? {
        var digits: String?
        var e = i + 1
        guard e < n, cue(lex.percentRoot, at: e, fold: true) != nil else { return nil }
        if toks[i].kind == .number {
            digits = EntityNumberText.plain(p, toks[i].range)
        } else if fo(i).contains(.numberWord) {
            digits = String(lex.value(folded[i]))
        }
        guard let d = digits, e < n else { return nil }
        if let c = cue(lex.percentRoot, at: e, fold: true) {
            e = c.end
            return EntityMention(kind: .percent, start: i, end: e, normalized: EntityNumberText.shift(d, by: -2), source: .pattern)
        }
        return nil
    }

    func cardinal(at i: Int) -> EntityMention? {
        let t = toks[i]
        if t.kind == .number {
            guard let (d, pow, e) = amount(at: i) else { return nil }
            if pow == 0, t.range.count == 4, !d.contains("."), let v = Int(d), (1000...2100).contains(v) {
                let prevCue = i > 0 && fo(i - 1).contains(.yearCue)
                let nounAfter = isLowerWord(i + 1) && !fo(i + 1).contains(.yearCue)
                if prevCue || !nounAfter { return nil }  // a year: the date tagger's
            }
            return EntityMention(kind: .cardinal, start: i, end: e, normalized: EntityNumberText.shift(d, by: pow), source: .pattern)
        }
        guard t.kind == .word else { return nil }
        let f = fo(i)
        if f.contains(.a), i + 1 < n, fo(i + 1).contains(.scale) || fo(i + 1).contains(.numberWord) && lex.value(folded[i + 1]) >= 12 {
            let v = fo(i + 1).contains(.scale) ? EntityNumberText.shift("1", by: lex.value(folded[i + 1])) : String(lex.value(folded[i + 1]))
            return EntityMention(kind: .cardinal, start: i, end: i + 2, normalized: v, source: .pattern)
        }
        if f.contains(.numberWord) {
            let v = lex.value(folded[i])
            if i + 1 < n, fo(i + 1).contains(.scale) {
                return EntityMention(kind: .cardinal, start: i, end: i + 2, normalized: EntityNumberText.shift(String(v), by: lex.value(folded[i + 1])), source: .pattern)
            }
            if v == 1 { return nil }  // `one of the`, `no one`
            return EntityMention(kind: .cardinal, start: i, end: i + 1, normalized: String(v), source: .pattern)
        }
        return nil
    }

    // MARK: - PERSON

    func person(at i: Int) -> EntityMention? {
        var nameStart = -1
        if shape[i] & Self.capital != 0, let t = cue(lex.titleRoot, at: i, fold: false) {
            nameStart = t.end
        } else if ex(i).contains(.firstName) {
            nameStart = i
        }
        guard nameStart >= 0, nameStart < n else { return nil }
        var j = nameStart
        var names = 0
        while j < n, names < 4 {
            if isCapWord(j), !isAllCaps(j) || toks[j].range.count == 1 {
                let f = ex(j)
                if !f.intersection([.orgHead, .lawHead, .eventHead, .noStart]).isEmpty { break }
                j += 1
                names += 1
                if toks[j - 1].range.count == 1, isPunct(j, 0x2E) { j += 1 }  // an initial: `John F. Kennedy`
                continue
            }
            if names > 0, ex(j).contains(.nameParticle), isCapWord(j + 1) {
                j += 1
                continue
            }
            break
        }
        let needed = nameStart == i ? 2 : 1
        guard names >= needed else { return nil }
        if j < n, ex(j).contains(.orgHead) { return nil }  // `Queen Mary University`
        if j < n, isPunct(j, 0x2E), toks[j - 1].range.count == 1 { return nil }
        var end = j
        while end > nameStart, toks[end - 1].kind == .punctuation { end -= 1 }
        return EntityMention(kind: .person, start: nameStart, end: end, normalized: text(nameStart, end), source: .pattern)
    }

    func surname(at i: Int) -> EntityMention? {
        guard !surnames.isEmpty, isCapWord(i), let first = surnames[surnameKey(i)] else { return nil }
        return EntityMention(kind: .person, start: i, end: i + 1, normalized: mentions[first].normalized, source: .surname(first))
    }

    // MARK: - Acronyms and references

    func acronym(at i: Int) -> EntityMention? {
        guard !shortForms.isEmpty, shape[i] & Self.capital != 0 || toks[i].kind == .number else { return nil }
        guard shortFormHashes.contains(Self.fnv(UnsafeBufferPointer(rebasing: p[toks[i].range]))), let cands = shortForms[text(i)] else { return nil }
        var best: (Int, Int)?
        for (words, k) in cands {
            var ok = i + words.count <= n
            var j = 1
            while ok, j < words.count {
                if text(i + j) != words[j] { ok = false }
                j += 1
            }
            if ok, best == nil || i + words.count > best!.0 { best = (i + words.count, k) }
        }
        guard let (e, k) = best else { return nil }
        // The nearest definition before this mention, else the first.
        var def = k
        let at = toks[i].range.lowerBound
        for (idx, a) in acronyms.enumerated() where a.short == acronyms[k].short && a.range.lowerBound <= at {
            if acronyms[def].range.lowerBound > at || a.range.lowerBound >= acronyms[def].range.lowerBound { def = idx }
        }
        var fallback: Int?
        if let g = lexGazetteerEntry(i), g.end == e { fallback = g.entry }
        return EntityMention(kind: .org, start: i, end: e, normalized: nil, source: .acronym(def, fallback: fallback))
    }

    func lexGazetteerEntry(_ i: Int) -> (end: Int, entry: Int)? {
        var node = lex.gazetteerRoot
        var j = i
        var best: (Int, Int)?
        while j < n, j - i < lex.maxNameLength, exact[j] >= 0, let c = lex.trie.child(node, exact[j]) {
            node = c
            j += 1
            let v = lex.trie.payload[Int(c)]
            if v >= 0 { best = (j, Int(v)) }
        }
        return best
    }

    /// `the Organization`, `the programme`: a definite description pointing back at an organisation;
    /// the span leaves `the` out. Kept only when the linker finds an antecedent.
    mutating func reference(at i: Int) -> EntityMention? {
        let h = i + 1
        guard h < n, toks[h].kind == .word else { return nil }
        let f = ex(h)
        let capital = shape[h] & Self.capital != 0
        guard capital ? f.contains(.refHead) : f.contains(.refHeadLower) else { return nil }
        if isCapWord(h + 1) || fo(h + 1).contains(.connector) && !fo(h + 1).contains(.and) { return nil }
        if capital, phrase(at: h) != nil || gazetteer(h) != nil { return nil }
        return EntityMention(kind: .org, start: h, end: h + 1, normalized: nil, source: .reference(EntityLinker.headKey(text(h))))
    }
}
