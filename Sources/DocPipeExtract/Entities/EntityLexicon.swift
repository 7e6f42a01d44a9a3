import DocPipeCore

/// A gazetteer name: what a matched surface form stands for.
struct GazetteerEntry: Sendable {
    var kind: Entity.Kind
    /// Canonical name, or the ISO code for countries.
    var normalized: String
    /// An upper-case short form (`WHO`, `UN`): matched only when its neighbours are not upper case too.
    var isShortForm: Bool
    /// The surface is the canonical name itself (not an alias).
    var isCanonical: Bool
}

/// Word properties the recogniser tests, as bits on vocabulary ids.
struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt32
    static let orgHead = WordFlags(rawValue: 1 << 0)
    static let plural = WordFlags(rawValue: 1 << 1)
    static let lawHead = WordFlags(rawValue: 1 << 2)
    static let eventHead = WordFlags(rawValue: 1 << 3)
    static let refHead = WordFlags(rawValue: 1 << 4)
    static let refHeadLower = WordFlags(rawValue: 1 << 5)
    static let refGeneric = WordFlags(rawValue: 1 << 6)
    static let generic = WordFlags(rawValue: 1 << 7)
    static let connector = WordFlags(rawValue: 1 << 8)
    static let noStart = WordFlags(rawValue: 1 << 9)
    static let nameParticle = WordFlags(rawValue: 1 << 10)
    static let firstName = WordFlags(rawValue: 1 << 11)
    static let currencyCode = WordFlags(rawValue: 1 << 12)
    static let currencySymbol = WordFlags(rawValue: 1 << 13)
    static let scale = WordFlags(rawValue: 1 << 14)
    static let numberWord = WordFlags(rawValue: 1 << 15)
    static let yearCue = WordFlags(rawValue: 1 << 16)
    /// The word occurs in some gazetteer name (so a sentence-initial capital may still start a name).
    static let nameWord = WordFlags(rawValue: 1 << 17)
    static let resolution = WordFlags(rawValue: 1 << 18)
    static let article = WordFlags(rawValue: 1 << 19)
    static let the = WordFlags(rawValue: 1 << 20)
    static let a = WordFlags(rawValue: 1 << 21)
    static let and = WordFlags(rawValue: 1 << 22)
    static let possessive = WordFlags(rawValue: 1 << 23)
    static let takesArticle = WordFlags(rawValue: 1 << 24)  // of / for / on / to / against: may be followed by `the`
    /// The word begins a path of the gazetteer (exact id), title (exact), currency-word or percent
    /// (folded) trie: positions whose word lacks the bit skip the trie walk.
    static let gazetteerStart = WordFlags(rawValue: 1 << 25)
    static let titleStart = WordFlags(rawValue: 1 << 26)
    static let currencyWordStart = WordFlags(rawValue: 1 << 27)
    static let percentStart = WordFlags(rawValue: 1 << 28)
    /// A verb of leading whose agent after `by` is a person when it looks like a name (`chaired by`).
    static let roleVerb = WordFlags(rawValue: 1 << 29)
    /// Head noun of a named water body or landform (`Irminger Sea`, `Bay of Biscay`): the phrase is a LOC.
    static let locHead = WordFlags(rawValue: 1 << 30)
    /// An organisation head that is mostly an activity noun (`Cooperation`): one modifier is no name.
    static let weakHead = WordFlags(rawValue: 1 << 31)
    static let any: WordFlags = []
}

/// The recogniser's data, parsed once from the TSV files embedded in `GazetteerData` (see
/// `Scripts/gen-gazetteers.py`): a vocabulary, word flags, and tries over token ids for gazetteer names
/// and multi-word cues (titles, currency names, `per cent`).
struct EntityLexicon: Sendable {
    static let shared = EntityLexicon(files: GazetteerData.files)

    private(set) var vocab = EntityVocab()
    private(set) var flags: [WordFlags] = []
    /// Per id: scale power (`million` → 6) or number-word value (`five` → 5).
    private(set) var intValue: [Int32] = []
    /// Per id: currency code of a currency symbol or ISO code token.
    private(set) var currency: [Int32: String] = [:]
    private(set) var trie = EntityTokenTrie()
    let gazetteerRoot: Int32
    let titleRoot: Int32
    let currencyWordRoot: Int32
    let percentRoot: Int32
    private(set) var entries: [GazetteerEntry] = []
    /// Payload strings of the cue tries (currency codes).
    private(set) var cueValues: [String] = []
    /// Longest gazetteer name in tokens.
    private(set) var maxNameLength = 1
    /// Per entry: FNV-1a of its canonical name's UTF-8 (the linker's repeated-name key).
    private(set) var entryNameHash: [UInt64] = []
    /// Per entry: its canonical name is the United Nations' or one of its bodies' (`United Nations …`).
    private(set) var entryNamesUN: [Bool] = []
    /// Entries of a bare `General Assembly` and of the United Nations General Assembly (-1: none), for
    /// `EntityLinker`'s reading of the bare name.
    private(set) var bareAssemblyEntry: Int32 = -1
    private(set) var unAssemblyEntry: Int32 = -1
    /// Head keys (`EntityLinker.headKey`) as dense ids, so the linker matches definite descriptions
    /// to organisations without building strings: per vocabulary id the key of a head noun (-1 if the
    /// word is none), per entry the key of its canonical name (`EntityLinker.headOf`), and per key
    /// whether it is a generic head (`organization`, `agency`).
    private(set) var headKeyOfWord: [Int32] = []
    private(set) var entryHeadKey: [Int32] = []
    private(set) var headKeyIsGeneric: [Bool] = []
    /// Per key: its capitalised definite description is the document's defined term for its subject
    /// (`the Organization`, lexicon `refsubject`).
    private(set) var headKeyIsSubject: [Bool] = []
    /// Head keys of the `refsubject` lines, until `indexHeads` numbers them.
    private var subjectHeads: Set<String> = []
    var headKeyCount: Int { headKeyIsGeneric.count }
    /// Per id: the id of its key with ASCII capitals folded (-1 when that is no key). A token whose
    /// exact id is known has that folded id, so the scanner skips the folded hash and lookup for it.
    private(set) var foldedID: [Int32] = []
    /// Per ASCII byte: the scanner's (exact id, folded id, exact hash) of a token of that one byte
    /// (`EntityScanner.oneByteTokens`), so that its token pass skips hashing and lookups for them.
    private(set) var oneByte: [(exact: Int32, folded: Int32, hash: UInt64)] = []

    /// `byteLevel: false` reads every line through `loadSlow`, the reference the tests compare with.
    init(files: [(name: String, text: String)], byteLevel: Bool = true) {
        gazetteerRoot = trie.makeRoot()
        titleRoot = trie.makeRoot()
        currencyWordRoot = trie.makeRoot()
        percentRoot = trie.makeRoot()
        for (_, text) in files {
            if byteLevel {
                var text = text
                text.withUTF8 { load($0) }
            } else {
                loadSlow(text)
            }
        }
        // Function words the patterns test directly.
        for w in ["the"] { set(w, .the) }
        for w in ["a", "an"] { set(w, .a) }
        for w in ["and", "&"] { set(w, .and) }
        for w in ["'s", "'S"] { set(w, .possessive) }
        for w in ["of", "for", "on", "to", "against"] { set(w, .takesArticle) }
        for w in ["resolution", "resolutions"] { set(w, .resolution) }
        for w in ["Article", "Art.", "Articles"] { set(w, .article) }
        indexHeads()
        entryNamesUN = entries.map { $0.kind == .org && ($0.normalized == "United Nations" || $0.normalized.hasPrefix("United Nations ")) }
        bareAssemblyEntry = entries.firstIndex { $0.kind == .org && $0.normalized == "General Assembly" }.map(Int32.init) ?? -1
        unAssemblyEntry = entries.firstIndex { $0.kind == .org && $0.normalized == "United Nations General Assembly" }.map(Int32.init) ?? -1
        foldedID = (0..<Int32(vocab.count)).map { vocab.foldedID(of: $0) }
        oneByte = EntityScanner.oneByteTokens(vocab, foldedID)
    }

    /// Parses one TSV file on its bytes. Lines and columns split at `\n` and `\t`, which always stand
    /// alone as Characters, so this is the Character-level `split` of the text; a file holding `\r`
    /// (where `\r\n` is one Character) and lines with non-ASCII bytes take the String path.
    private mutating func load(_ p: UnsafeBufferPointer<UInt8>) {
        if p.contains(0x0D) {
            loadSlow(String(decoding: p, as: UTF8.self))
            return
        }
        // Column ranges, reused by every line.
        var cols: [Range<Int>] = []
        cols.reserveCapacity(8)
        var a = 0
        while a < p.count {
            var e = a
            var ascii = true
            while e < p.count, p[e] != 0x0A {
                if p[e] >= 0x80 { ascii = false }
                e += 1
            }
            if e > a {
                if ascii {
                    loadLine(p, a..<e, &cols)
                } else {
                    loadSlow(String(decoding: UnsafeBufferPointer(rebasing: p[a..<e]), as: UTF8.self))
                }
            }
            a = e + 1
        }
    }

    /// One ASCII line (see `loadSlow` for its meaning).
    private mutating func loadLine(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ cols: inout [Range<Int>]) {
        if p[line.lowerBound] == 0x23 { return }
        cols.removeAll(keepingCapacity: true)
        var a = line.lowerBound
        for k in line where p[k] == 0x09 {
            cols.append(a..<k)
            a = k + 1
        }
        cols.append(a..<line.upperBound)
        guard cols.count >= 2 else { return }
        func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self) }
        if cols.count >= 3, let kind = Self.kind(p, cols[0]) {
            let normalized = string(cols[1])
            var surfaces = cols[2]
            while !surfaces.isEmpty {
                var b = surfaces.lowerBound
                while b < surfaces.upperBound, p[b] != 0x7C { b += 1 }
                let r = surfaces.lowerBound..<b
                // `split(separator: "|")` omits empty surfaces.
                if !r.isEmpty {
                    if r.count == 1 && p[r.lowerBound] == 0x3D {
                        addName(kind: kind, normalized: normalized, p, cols[1], isCanonical: true)
                    } else {
                        addName(kind: kind, normalized: normalized, p, r, isCanonical: p[r].elementsEqual(p[cols[1]]))
                    }
                }
                surfaces = min(b + 1, surfaces.upperBound)..<surfaces.upperBound
            }
        } else if Self.equal(p, cols[0], "firstname") {
            // Most lines (the first names): `addLexicon`'s `set(word, .firstName)` on the bytes, without
            // building three strings and matching the category through the switch.
            let id = intern(p, cols[1])
            flags[Int(id)].formUnion(.firstName)
        } else {
            addLexicon(category: string(cols[0]), word: string(cols[1]), value: cols.count > 2 ? string(cols[2]) : "")
        }
    }

    /// The kind whose raw value is the ASCII bytes `p[r]`.
    private static func kind(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Entity.Kind? {
        // (Lengths first: the generic comparison costs more than the few lines it rejects.)
        Entity.Kind.allCases.first { $0.rawValue.utf8.count == r.count && $0.rawValue.utf8.elementsEqual(p[r]) }
    }

    /// Whether `p[r]` holds the bytes of `s`.
    @inline(__always) static func equal(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ s: StaticString) -> Bool {
        guard r.count == s.utf8CodeUnitCount else { return false }
        let b = s.utf8Start
        for k in 0..<r.count where p[r.lowerBound + k] != b[k] { return false }
        return true
    }

    /// A name surface made of ASCII bytes: as `addNames`, with ASCII letter tests for its Character ones.
    private mutating func addName(kind: Entity.Kind, normalized: String, _ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, isCanonical: Bool) {
        let s = UnsafeBufferPointer(rebasing: p[r])
        let tokens = Tokenizer.tokens(in: s)
        guard !tokens.isEmpty else { return }
        var ids: [Int32] = []
        ids.reserveCapacity(tokens.count)
        for t in tokens {
            let id = intern(s, t.range)
            if s[t.range.lowerBound] &- 0x41 < 26 { flags[Int(id)].insert(.nameWord) }
            ids.append(id)
        }
        var shortForm = false
        if tokens.count == 1 && s.count <= 8 {
            var letters = 0, upper = false, lower = false
            for b in s {
                if b &- 0x41 < 26 { letters += 1; upper = true } else if b &- 0x61 < 26 { letters += 1; lower = true }
            }
            shortForm = letters >= 2 && upper && !lower
        }
        addEntry(kind: kind, normalized: normalized, ids: ids, shortForm: shortForm, isCanonical: isCanonical)
    }

    private mutating func addEntry(kind: Entity.Kind, normalized: String, ids: [Int32], shortForm: Bool, isCanonical: Bool) {
        entries.append(GazetteerEntry(kind: kind, normalized: normalized, isShortForm: shortForm, isCanonical: isCanonical))
        // Later files (hand-written places.tsv after the generated countries.tsv) override.
        trie.insert(root: gazetteerRoot, ids, payload: Int32(entries.count - 1), replace: true)
        flags[Int(ids[0])].insert(.gazetteerStart)
        maxNameLength = max(maxNameLength, ids.count)
    }

    /// Lines as Strings, split at Characters: the reference reading of the files.
    private mutating func loadSlow(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 2 else { continue }
            if let kind = Entity.Kind(rawValue: cols[0]), cols.count >= 3 {
                addNames(kind: kind, normalized: cols[1], surfaces: cols[2])
            } else {
                addLexicon(category: cols[0], word: cols[1], value: cols.count > 2 ? cols[2] : "")
            }
        }
    }

    /// Fills the head-key tables (see `headKeyOfWord`) once every word and flag is in.
    private mutating func indexHeads() {
        var keyID: [String: Int32] = [:]
        headKeyOfWord = [Int32](repeating: -1, count: vocab.count)
        for id in 0..<Int32(vocab.count) where !flags[Int(id)].isDisjoint(with: [.orgHead, .refHead, .refHeadLower]) {
            let key = EntityLinker.headKey(vocab.key(id))
            if let k = keyID[key] {
                headKeyOfWord[Int(id)] = k
            } else {
                let k = Int32(headKeyIsGeneric.count)
                keyID[key] = k
                headKeyIsGeneric.append(flags(vocab.id(of: key, fold: true)).contains(.refGeneric))
                headKeyIsSubject.append(subjectHeads.contains(key))
                headKeyOfWord[Int(id)] = k
            }
        }
        entryHeadKey = entries.map { headKey(ofName: $0.normalized) }
        entryNameHash = entries.map { Self.nameHash($0.normalized) }
    }

    /// FNV-1a of a name's UTF-8.
    static func nameHash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { p in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in p { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return h
        }
    }

    /// The head key id of a name: that of its first space-separated word that is an organisation head
    /// noun (`Office of the … for Refugees` → `office`), else -1. A weak head is one only when no
    /// other head follows it before a lower-case word (`Alpine Customs Cooperation Council` → `council`).
    func headKey(ofName name: String) -> Int32 {
        var name = name
        return name.withUTF8 { p in
            // `split(separator: " ")` splits at Characters: a space carrying a combining mark is no
            // separator. Only non-ASCII text can hold one, so it takes the Character path.
            if p.contains(where: { $0 >= 0x80 }) { return slowHeadKey(ofName: String(decoding: p, as: UTF8.self)) }
            var a = 0
            var weak: Int32 = -1
            while a < p.count {
                var b = a
                while b < p.count, p[b] != 0x20 { b += 1 }
                if b > a {
                    if weak >= 0, p[a] &- 0x61 < 26 { return weak }  // `… Cooperation for …`
                    let id = vocab.id(p, a..<b)
                    let f = flags(id)
                    if f.contains(.orgHead) {
                        if !f.contains(.weakHead) { return headKeyOfWord[Int(id)] }
                        if weak < 0 { weak = headKeyOfWord[Int(id)] }
                    }
                }
                a = b + 1
            }
            return weak
        }
    }

    private func slowHeadKey(ofName name: String) -> Int32 {
        var weak: Int32 = -1
        for w in name.split(separator: " ") {
            if weak >= 0, w.first?.isLowercase == true { return weak }
            let id = vocab.id(of: String(w))
            let f = flags(id)
            if f.contains(.orgHead) {
                if !f.contains(.weakHead) { return headKeyOfWord[Int(id)] }
                if weak < 0 { weak = headKeyOfWord[Int(id)] }
            }
        }
        return weak
    }

    // MARK: Lookup

    @inline(__always) func flags(_ id: Int32) -> WordFlags { id >= 0 ? flags[Int(id)] : [] }
    @inline(__always) func value(_ id: Int32) -> Int { id >= 0 ? Int(intValue[Int(id)]) : 0 }

    // MARK: Building

    private mutating func intern(_ word: String) -> Int32 {
        var word = word
        return word.withUTF8 { intern($0, 0..<$0.count) }
    }

    private mutating func intern(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int32 {
        let id = vocab.intern(p, r)
        while flags.count <= Int(id) {
            flags.append([])
            intValue.append(0)
        }
        return id
    }

    private mutating func set(_ word: String, _ f: WordFlags, value: Int32? = nil) {
        let id = intern(word)
        flags[Int(id)].formUnion(f)
        if let value { intValue[Int(id)] = value }
    }

    /// Token texts of a surface form, tokenised exactly as documents are.
    static func tokenTexts(_ s: String) -> [String] {
        var s = s
        return s.withUTF8 { p in
            Tokenizer.tokens(in: p).map { String(decoding: UnsafeBufferPointer(rebasing: p[$0.range]), as: UTF8.self) }
        }
    }

    private mutating func path(_ surface: String, fold: Bool) -> [Int32] {
        Self.tokenTexts(fold ? surface.lowercased() : surface).map { intern($0) }
    }

    private mutating func addNames(kind: Entity.Kind, normalized: String, surfaces: String) {
        for raw in surfaces.split(separator: "|") {
            let surface = raw == "=" ? normalized : String(raw)
            let words = Self.tokenTexts(surface)
            guard !words.isEmpty else { continue }
            let ids = words.map { intern($0) }
            for (w, id) in zip(words, ids) where w.first?.isUppercase == true {
                flags[Int(id)].insert(.nameWord)
            }
            // Only one-word surfaces of at most 8 characters can be short forms: test those first, as
            // the letter scan is the costliest part of loading the gazetteers.
            var shortForm = false
            if words.count == 1 && surface.count <= 8 {
                let letters = surface.unicodeScalars.filter { $0.properties.isAlphabetic }
                shortForm = letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase || !$0.properties.isLowercase }
                    && letters.contains { $0.properties.isUppercase }
            }
            addEntry(kind: kind, normalized: normalized, ids: ids, shortForm: shortForm, isCanonical: surface == normalized)
        }
    }

    private mutating func addLexicon(category: String, word: String, value: String) {
        switch category {
        case "orghead": set(word, value == "pl" ? [.orgHead, .plural] : value == "weak" ? [.orgHead, .weakHead] : .orgHead)
        case "lawhead": set(word, .lawHead)
        case "eventhead": set(word, .eventHead)
        case "lochead": set(word, .locHead)
        case "refhead": set(word, .refHead)
        case "refheadlower": set(word.lowercased(), .refHeadLower)
        case "refgeneric": set(word.lowercased(), .refGeneric); set(word.prefix(1).uppercased() + word.dropFirst(), .refGeneric)
        case "refsubject": subjectHeads.insert(EntityLinker.headKey(word))
        case "generic": set(word, .generic)
        case "connector": set(word.lowercased(), .connector)
        case "nostart": set(word, .noStart)
        case "nameparticle": set(word, .nameParticle)
        case "firstname": set(word, .firstName)
        case "roleverb": set(word.lowercased(), .roleVerb)
        case "yearcue": set(word.lowercased(), .yearCue)
        case "scale": set(word.lowercased(), .scale, value: Int32(value) ?? 0)
        case "numword": set(word.lowercased(), .numberWord, value: Int32(value) ?? 0)
        case "curcode":
            set(word, .currencyCode)
            currency[intern(word)] = value
        case "cursym":
            set(word, .currencySymbol)
            currency[intern(word)] = value
        case "title":
            let p = path(word, fold: false)
            trie.insert(root: titleRoot, p, payload: 0, replace: true)
            if let first = p.first { flags[Int(first)].insert(.titleStart) }
        case "curword":
            cueValues.append(value)
            let p = path(word, fold: true)
            trie.insert(root: currencyWordRoot, p, payload: Int32(cueValues.count - 1), replace: true)
            if let first = p.first { flags[Int(first)].insert(.currencyWordStart) }
        case "percent":
            let p = path(word, fold: true)
            trie.insert(root: percentRoot, p, payload: 0, replace: true)
            if let first = p.first { flags[Int(first)].insert(.percentStart) }
        default:
            break
        }
    }
}
