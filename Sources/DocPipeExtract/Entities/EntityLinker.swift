import DocPipeCore

/// Turns mentions into entities: canonical names, `refersTo` links and ids.
///
/// Links always point at a *root* (a mention that refers to nothing), so a chain is one step long:
/// - a short form defined in the document (`IOM` after `International Organization for Migration (IOM)`)
///   takes the kind and canonical name of its expansion's entity and refers to that entity's root; mentions
///   before the definition refer to it too. A short form whose expansion is no entity is dropped (unless the
///   gazetteer knows it);
/// - a repeated name (same kind, same canonical name: `UN` and `United Nations`) refers to its first mention;
/// - a definite description (`the Organization`, `the Office`) refers to the root of the nearest preceding
///   organisation with the same head noun (`… Organization`, `… Office`) when that one is named in the same
///   block (paragraph, heading or list item); from a later block it refers to the document's topic — the
///   first organisation the document names, usually its title — if the head fits, since an encyclopedia
///   article's "the Union" means its subject, not a union named in passing a paragraph earlier.
///   `organization` / `agency` fall back to the nearest organisation of any head (or the topic). The
///   capitalised `the Organization` is the defined term for the subject: it refers to the topic whenever
///   there is one. Without an antecedent it is dropped.
enum EntityLinker {
    /// Links `ms` (which it edits) into entities. `blockStarts`: the UTF-8 offsets where the document's
    /// blocks start, in order (empty: the text is one block).
    static func link(_ ms: inout [EntityMention], scanner s: EntityScanner, blockStarts: [Int] = []) -> [Entity] {
        let n = ms.count
        let lex = s.lex
        var keep = [Bool](repeating: true, count: n)
        var refersTo = [Int](repeating: -1, count: n)

        // Expansions of the document's definitions: the mention covering the long form. Mentions do
        // not overlap and come in order, so their end offsets strictly increase: at most one mention
        // ends where a long form ends, found by binary search.
        var defMention = [Int](repeating: -1, count: s.acronyms.count)
        if !s.acronyms.isEmpty && n > 0 {
            let endByte = ms.map { s.toks[$0.end - 1].range.upperBound }
            for (d, a) in s.acronyms.enumerated() {
                var lo = 0, hi = n
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if endByte[mid] < a.longRange.upperBound { lo = mid + 1 } else { hi = mid }
                }
                guard lo < n, endByte[lo] == a.longRange.upperBound else { continue }
                let k = lo
                let r = s.byteRange(ms[k].start, ms[k].end)
                if r.lowerBound >= a.longRange.lowerBound, ms[k].kind != .cardinal {
                    if case .acronym = ms[k].source { continue }
                    defMention[d] = k
                }
            }
        }
        // One pass in text order for the steps below (each was a pass of its own): each reads mention k,
        // earlier mentions and definitions (no acronym mentions), and changes mention k only.
        let fixAssembly = lex.bareAssemblyEntry >= 0 && lex.unAssemblyEntry >= 0
        var namedUN = false
        var first = HashMap64(capacity: n)
        var firstByText: [String: Int] = [:]
        /// Acronym mentions whose definition's expansion is an entity, in order.
        var expandedAcronyms: [Int] = []
        func root(_ k: Int) -> Int { refersTo[k] >= 0 ? refersTo[k] : k }
        for k in 0..<n {
            // Acronym mentions without an expansion entity: the gazetteer's reading or nothing.
            if case .acronym(let d, let fallback) = ms[k].source {
                let dm = defMention[d]
                if dm >= 0 {
                    ms[k].kind = ms[dm].kind
                    expandedAcronyms.append(k)
                } else if let g = fallback {
                    ms[k].kind = lex.entries[g].kind
                    ms[k].norm = .entry(Int32(g))
                    ms[k].source = .gazetteer(g)
                } else {
                    keep[k] = false
                    continue
                }
            }
            // A bare `General Assembly` is the United Nations' where the document has named the UN (or one of
            // its bodies) before it; elsewhere it is the plenary organ of the organisation the text is about.
            if fixAssembly, case .entry(let e) = ms[k].norm {
                if lex.entryNamesUN[Int(e)] { namedUN = true }
                else if e == lex.bareAssemblyEntry && namedUN { ms[k].norm = .entry(lex.unAssemblyEntry) }
            }
            switch ms[k].source {
            case .gazetteer, .pattern: break
            case .surname(let f):
                // A bare surname → the root of its first PERSON (a pattern mention, linked below at its turn).
                refersTo[k] = root(f)
                continue
            default: continue
            }
            // Repeated names → first mention. Keyed by a hash of (kind, canonical name); a hash shared by
            // two different keys (checked on every hit) sends the later key to a table of strings.
            switch ms[k].kind {
            case .org, .gpe, .loc, .law, .event, .person, .work: break
            default: continue
            }
            let h: UInt64
            switch ms[k].norm {
            case .none: continue
            case .entry(let e): h = lex.entryNameHash[Int(e)]
            case .built(let j): h = EntityLexicon.nameHash(s.strings[Int(j)])
            }
            let key = (h ^ kindCode(ms[k].kind)) &* 0x9E37_79B9_7F4A_7C15
            if let f = first.get(key) {
                if ms[f].kind == ms[k].kind, ms[f].norm == ms[k].norm || s.normalized(ms[f].norm) == s.normalized(ms[k].norm) {
                    refersTo[k] = f
                } else {
                    let text = ms[k].kind.rawValue + "\t" + s.normalized(ms[k].norm)!
                    if let f2 = firstByText[text] { refersTo[k] = f2 } else { firstByText[text] = k }
                }
            } else {
                first.set(key, k)
            }
        }
        // Acronyms → root of the expansion (once every repeated name is linked: a definition may come later).
        for k in expandedAcronyms {
            guard case .acronym(let d, _) = ms[k].source else { continue }
            let r = root(defMention[d])
            refersTo[k] = r
            ms[k].norm = ms[r].norm
        }
        // Definite descriptions → nearest organisation with the same head (head keys as ids).
        var lastByHead = [Int](repeating: -1, count: lex.headKeyCount)
        // Head keys of built names, by string index (a repeated name's mentions share their root's).
        var builtHead = [Int32](repeating: -2, count: s.strings.count)
        var lastOrg = -1
        // The block of each mention seen so far (mentions come in text order), and the topic.
        var blockOf = [Int32](repeating: 0, count: n)
        var block = 0
        var topic = -1
        var topicHead: Int32 = -1
        for k in 0..<n where keep[k] {
            let at = s.toks[ms[k].start].range.lowerBound
            while block + 1 < blockStarts.count, blockStarts[block + 1] <= at { block += 1 }
            blockOf[k] = Int32(truncatingIfNeeded: block)
            if case .reference(let head) = ms[k].source {
                let generic = lex.headKeyIsGeneric[Int(head)]
                let byHead = lastByHead[Int(head)]
                var a = byHead >= 0 ? byHead : generic && lastOrg >= 0 ? lastOrg : -1
                if a >= 0, blockOf[a] != blockOf[k], topic >= 0, topicHead == head || generic { a = topic }
                // The capitalised defined term (`the Organization`) names the subject of the document
                // wherever it stands, not an organisation mentioned in passing just before it.
                if topic >= 0, lex.headKeyIsSubject[Int(head)], s.info[ms[k].start].shape & EntityScanner.capital != 0 { a = topic }
                if a >= 0 {
                    let r = root(a)
                    refersTo[k] = r
                    ms[k].norm = ms[r].norm
                    lastByHead[Int(head)] = k
                    lastOrg = k
                } else {
                    keep[k] = false
                }
                continue
            }
            guard ms[k].kind == .org else { continue }
            lastOrg = k
            let head: Int32
            switch ms[root(k)].norm {
            case .entry(let e): head = lex.entryHeadKey[Int(e)]
            case .built(let j):
                if builtHead[Int(j)] == -2 { builtHead[Int(j)] = lex.headKey(ofName: s.strings[Int(j)]) }
                head = builtHead[Int(j)]
            case .none: head = lex.headKey(ofName: s.text(ms[k].start, ms[k].end))
            }
            if head >= 0 { lastByHead[Int(head)] = k }
            if topic < 0 {
                topic = root(k)
                topicHead = head
            }
        }
        // Ids.
        var id = [Int](repeating: 0, count: n)
        var next = 0
        // Through the buffer: no uniqueness check per write.
        id.withUnsafeMutableBufferPointer { id in
            for k in 0..<n where keep[k] {
                next += 1
                id[k] = next
            }
        }
        // The id table is read once, not through its lazy global per entity.
        let ids = idCache
        @inline(__always) func idString(_ k: Int) -> String { k < ids.count ? ids[k] : makeIDString(k) }
        // Fields set in blank entities (empty strings and nils: nothing to release): built whole and
        // appended, each entity was copied into a stack slot and the original destroyed, a retain and a
        // release per string.
        var out = blankEntities(next)
        out.withUnsafeMutableBufferPointer { buf in
            var o = 0
            for k in 0..<n where keep[k] {
                let m = ms[k]
                let r = refersTo[k]
                buf[o].id = idString(id[k])
                buf[o].kind = m.kind
                buf[o].range = s.byteRange(m.start, m.end)
                buf[o].normalized = s.normalized(m.norm) ?? s.text(m.start, m.end)
                if r >= 0 && keep[r] { buf[o].refersTo = idString(id[r]) }
                o += 1
            }
        }
        return out
    }

    /// `count` copies of `Entity(id: "", kind: .org, range: 0..<0)`, their bytes copied from one: empty
    /// strings are stored inline and nil holds nothing, so such an entity owns no reference and a byte
    /// copy is a copy (`Array(repeating:count:)` retained and released each string of each copy).
    static func blankEntities(_ count: Int) -> [Entity] {
        let blank = Entity(id: "", kind: .org, range: 0..<0)
        return [Entity](unsafeUninitializedCapacity: count) { buf, n in
            withUnsafeBytes(of: blank) { b in
                let raw = UnsafeMutableRawPointer(buf.baseAddress)
                for k in 0..<count {
                    (raw.unsafelyUnwrapped + k * MemoryLayout<Entity>.stride).copyMemory(from: b.baseAddress.unsafelyUnwrapped, byteCount: b.count)
                }
            }
            n = count
        }
    }

    /// A distinct constant per kind, mixed into the repeated-name hash.
    static func kindCode(_ kind: Entity.Kind) -> UInt64 {
        switch kind {
        case .org: return 1
        case .gpe: return 2
        case .loc: return 3
        case .person: return 4
        case .money: return 5
        case .cardinal: return 6
        case .percent: return 7
        case .law: return 8
        case .event: return 9
        case .work: return 10
        }
    }

    /// `"e\(k)"`: from a table made once (every document numbers its entities from 1, and building
    /// a string costs more than copying a small one), else written straight into a small string.
    static func idString(_ k: Int) -> String {
        k < idCache.count ? idCache[k] : makeIDString(k)
    }

    /// 4,096: more than the largest documents (about 3,000 entities) need; building the table is
    /// paid once per process.
    static let idCache: [String] = (0..<4096).map(makeIDString)

    static func makeIDString(_ k: Int) -> String {
        var digits = 1, x = k
        while x >= 10 { x /= 10; digits += 1 }
        return String(unsafeUninitializedCapacity: digits + 1) { out in
            out[0] = 0x65
            var v = k
            for d in stride(from: digits, through: 1, by: -1) {
                out[d] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
                v /= 10
            }
            return digits + 1
        }
    }

    /// The head key of a word: lower case, with spelling variants merged. `EntityLexicon` numbers the
    /// keys of all head nouns (`headKeyOfWord`) and finds a name's head (`headKey(ofName:)`).
    static func headKey(_ word: String) -> String {
        switch word.lowercased() {
        case "organisation": return "organization"
        case "program": return "programme"
        case "center": return "centre"
        case let w: return w
        }
    }
}

/// A map from 64-bit keys to indices (open addressing, linear probing, doubling at half full): cheaper
/// than `Dictionary`, which hashes every lookup with SipHash. Keys are mixed by one multiplication, so
/// small integers (the scanner's surname ids) spread as well as hashes (the linker's name keys).
struct HashMap64 {
    private var keys: [UInt64]
    private var values: [Int]
    private var mask: Int
    private var zeroValue: Int?
    /// Non-zero keys stored (0, which marks empty slots, is kept apart).
    private var stored = 0

    /// `capacity`: the distinct keys expected (more make it grow).
    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int](repeating: 0, count: size)
        mask = size - 1
    }

    var isEmpty: Bool { stored == 0 && zeroValue == nil }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    func get(_ key: UInt64) -> Int? {
        if key == 0 { return zeroValue }
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    mutating func set(_ key: UInt64, _ value: Int) {
        if key == 0 { zeroValue = value; return }
        if (stored + 1) * 2 > keys.count { grow() }
        var i = slot(key)
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        if keys[i] == 0 { stored += 1 }
        keys[i] = key
        values[i] = value
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        values = [Int](repeating: 0, count: keys.count)
        mask = keys.count - 1
        stored = 0
        for (k, v) in old { set(k, v) }
    }
}
