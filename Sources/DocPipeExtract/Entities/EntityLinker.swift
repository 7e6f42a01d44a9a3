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
///   organisation with the same head noun (`… Organization`, `… Office`); `organization` / `agency` fall
///   back to the nearest organisation of any head. Without an antecedent it is dropped.
enum EntityLinker {
    static func link(_ input: [EntityMention], scanner s: EntityScanner) -> [Entity] {
        var ms = input
        let n = ms.count
        var keep = [Bool](repeating: true, count: n)
        var refersTo = [Int](repeating: -1, count: n)

        // Expansions of the document's definitions: the mention covering the long form.
        var defMention: [Int: Int] = [:]
        if !s.acronyms.isEmpty {
            var byEnd: [Int: [Int]] = [:]
            for (k, m) in ms.enumerated() { byEnd[s.toks[m.end - 1].range.upperBound, default: []].append(k) }
            for (d, a) in s.acronyms.enumerated() {
                for k in byEnd[a.longRange.upperBound] ?? [] {
                    let r = s.byteRange(ms[k].start, ms[k].end)
                    if r.lowerBound >= a.longRange.lowerBound, ms[k].kind != .cardinal {
                        if case .acronym = ms[k].source { continue }
                        defMention[d] = k
                    }
                }
            }
        }
        // Acronym mentions without an expansion entity: the gazetteer's reading or nothing.
        for k in 0..<n {
            guard case .acronym(let d, let fallback) = ms[k].source else { continue }
            if let dm = defMention[d] {
                ms[k].kind = ms[dm].kind
            } else if let g = fallback {
                let e = s.lex.entries[g]
                ms[k].kind = e.kind
                ms[k].normalized = e.normalized
                ms[k].source = .gazetteer(g)
            } else {
                keep[k] = false
            }
        }
        // Repeated names → first mention.
        var first: [String: Int] = [:]
        for k in 0..<n where keep[k] {
            switch ms[k].source {
            case .gazetteer, .pattern: break
            default: continue
            }
            guard [.org, .gpe, .loc, .law, .event, .person, .work].contains(ms[k].kind), let norm = ms[k].normalized else { continue }
            let key = ms[k].kind.rawValue + "\t" + norm
            if let f = first[key] { refersTo[k] = f } else { first[key] = k }
        }
        func root(_ k: Int) -> Int { refersTo[k] >= 0 ? refersTo[k] : k }
        // Acronyms → root of the expansion.
        for k in 0..<n where keep[k] {
            guard case .acronym(let d, _) = ms[k].source, let dm = defMention[d] else { continue }
            let r = root(dm)
            refersTo[k] = r
            ms[k].normalized = ms[r].normalized
        }
        for k in 0..<n where keep[k] {
            guard case .surname(let f) = ms[k].source else { continue }
            refersTo[k] = root(f)
        }
        // Definite descriptions → nearest organisation with the same head.
        var lastByHead: [String: Int] = [:]
        var lastOrg = -1
        var headCache: [String: String?] = [:]
        var genericCache: [String: Bool] = [:]
        for k in 0..<n where keep[k] {
            if case .reference(let head) = ms[k].source {
                let generic: Bool
                if let g = genericCache[head] {
                    generic = g
                } else {
                    generic = s.lex.flags(s.lex.vocab.id(of: head, fold: true)).contains(.refGeneric)
                    genericCache[head] = generic
                }
                if let a = lastByHead[head] ?? (generic && lastOrg >= 0 ? lastOrg : nil) {
                    let r = root(a)
                    refersTo[k] = r
                    ms[k].normalized = ms[r].normalized
                    lastByHead[head] = k
                    lastOrg = k
                } else {
                    keep[k] = false
                }
                continue
            }
            guard ms[k].kind == .org else { continue }
            lastOrg = k
            let name = ms[root(k)].normalized ?? s.text(ms[k].start, ms[k].end)
            let head: String?
            if let h = headCache[name] {
                head = h
            } else {
                head = headOf(name, s.lex)
                headCache[name] = head
            }
            if let head { lastByHead[head] = k }
        }
        // Ids.
        var id = [Int](repeating: 0, count: n)
        var next = 0
        for k in 0..<n where keep[k] {
            next += 1
            id[k] = next
        }
        var out: [Entity] = []
        out.reserveCapacity(next)
        for k in 0..<n where keep[k] {
            let m = ms[k]
            let r = refersTo[k]
            out.append(Entity(id: "e\(id[k])", kind: m.kind, range: s.byteRange(m.start, m.end), normalized: m.normalized ?? s.text(m.start, m.end),
                              refersTo: r >= 0 && keep[r] ? "e\(id[r])" : nil))
        }
        return out
    }

    /// The head key of a name: its first organisation head noun (`Office of the … for Refugees` → `office`),
    /// with spelling variants merged.
    static func headOf(_ name: String, _ lex: EntityLexicon) -> String? {
        for w in name.split(separator: " ") {
            let word = String(w)
            if lex.flags(lex.vocab.id(of: word)).contains(.orgHead) { return headKey(word) }
        }
        return nil
    }

    static func headKey(_ word: String) -> String {
        switch word.lowercased() {
        case "organisation": return "organization"
        case "program": return "programme"
        case "center": return "centre"
        case let w: return w
        }
    }
}
