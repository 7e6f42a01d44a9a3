/// PERSON by context: names that no list knows (`Sione Taufa`, `Νικόλαος Γεωργίου`) are told by
/// the words around them, as `agentPerson` tells them after `chaired by`. A candidate is two or three
/// capitalised words in any script (hyphenated parts are one token) that the lexicon does not know, or
/// given names; a cue must confirm it:
/// - after it: `, who`, `– then <role>`, `(born`, and `, “` in a list item (a bibliography's author);
/// - before it: a role and a comma (`The first Secretary-General, Sione Taufa, took office`), a
///   capitalised role (`Treasurer Sione Taufa said`), a role and `is` / `was` (`The chair was Tamar Kapanadze of …`),
///   or `elected` / `appointed` / `named` with `as` after it (`elected Sione Taufa as Treasurer`).
/// And a given name the census list lacks widens a name that starts with a known one (`Zoë` before
/// `Mary Whitfield`).
///
/// Precision first (a false PERSON costs more than a missed one): known words (places, organisations,
/// months, sentence openers) and role words end the candidate, a capitalised run longer than the
/// candidate is no name, and after an article or a preposition of place (`the Torres Strait Islanders,
/// who`, `from Port Vila, who`) the `, who` and `– then` cues do not count.
extension EntityScanner {
    /// Role nouns that are not personal titles in `lexicon.tsv` (those start `person(at:)` themselves),
    /// lower case; a token matches with its ASCII capitals folded. They are cues, never name words.
    static let roleWords: [StaticString] = [
        "secretary", "treasurer", "scientist", "director", "officer", "registrar", "coordinator", "economist",
        "editor", "founder", "head", "chief", "adviser", "advisor", "counsel", "delegate", "representative",
        "administrator", "manager", "spokesperson", "chair", "chairman", "chairwoman", "chairperson",
        "president", "vice-president", "vice-chair", "co-chair", "deputy", "predecessor", "successor",
        "rapporteur", "envoy", "ambassador", "minister", "commissioner", "governor", "judge", "clerk",
        "secretary-general", "director-general", "auditor", "ombudsman", "chancellor", "rector", "dean",
        // Ranks and styles (`Gen. Omar Bradley`, `Count Mirbach`): no part of the name.
        "general", "generals", "gen.", "admiral", "rear-admiral", "vice-admiral", "lieutenant-general", "major-general",
        "brigadier", "major", "sergeant", "lt.", "col.", "maj.", "brig.", "capt.", "sgt.", "premier", "count", "countess",
        "baron", "baroness", "duke", "duchess", "earl", "archbishop", "bishop", "cardinal", "emir", "sultan", "shah", "tsar", "czar",
    ]
    /// `roleWords` by length in bytes and the low five bits of their first byte (`roleWordSlot`): a
    /// token is compared with the few words of its slot only, mostly none.
    static let roleWordsBySlot: [[StaticString]] = {
        var t = [[StaticString]](repeating: [], count: (1 + roleWords.map(\.utf8CodeUnitCount).max()!) << 5)
        for w in roleWords { t[roleWordSlot(length: w.utf8CodeUnitCount, first: w.utf8Start[0])].append(w) }
        return t
    }()

    /// A token equal to a role word with its ASCII capitals folded has that word's length and, folded or
    /// not, the same low five bits in its first byte (folding sets bit 5 only): so the same slot.
    @inline(__always) static func roleWordSlot(length: Int, first: UInt8) -> Int { length << 5 | Int(first & 31) }

    /// Whether token `j` is one of `roleWords`, its ASCII capitals folded. Inlined, with the comparisons
    /// in a static function: an out-of-line method called from a `mutating` pattern copies the scanner.
    @inline(__always) func isRoleWord(_ j: Int) -> Bool {
        guard j >= 0, j < n, toks[j].kind == .word else { return false }
        return Self.isRoleWord(p, toks[j].range)
    }

    /// Whether `p[r]` is one of `roleWords`, its ASCII capitals folded.
    static func isRoleWord(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        let bySlot = roleWordsBySlot
        let slot = roleWordSlot(length: r.count, first: p[r.lowerBound])
        guard slot < bySlot.count else { return false }
        for w in bySlot[slot] where bytesAre(p, r, w, fold: true) { return true }
        return false
    }

    /// Whether `p[r]` is `s` (ASCII), its ASCII capitals folded when `fold`.
    @inline(__always) static func bytesAre(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ s: StaticString, fold: Bool) -> Bool {
        guard r.count == s.utf8CodeUnitCount else { return false }
        let b = s.utf8Start
        for k in 0..<r.count {
            var c = p[r.lowerBound + k]
            if fold, c &- 0x41 < 26 { c |= 0x20 }
            if c != b[k] { return false }
        }
        return true
    }

    /// Verbs whose object, followed by `as`, is a person when it looks like a name.
    static let electVerbs: [StaticString] = ["elected", "re-elected", "appointed", "named", "nominated", "designated"]
    /// Verbs after `, who` that point at a group rather than a person.
    static let pluralVerbs: [StaticString] = ["were", "are", "have"]
    /// Words after which a name-like run before `, who` is more likely a group or a place's people.
    static let placePrepositions: [StaticString] = [
        "in", "at", "from", "of", "to", "for", "on", "near", "into", "across", "throughout", "within", "toward",
        "towards", "via", "between", "among", "around",
    ]

    /// Whether token `j` is `s` (ASCII), its ASCII capitals folded when `fold` (`Rear-Admiral`).
    @inline(__always) func tokenIs(_ j: Int, _ s: StaticString, fold: Bool = false) -> Bool {
        guard j >= 0, j < n else { return false }
        return Self.bytesAre(p, toks[j].range, s, fold: fold)
    }

    func tokenIsAny(_ j: Int, _ words: [StaticString], fold: Bool = false) -> Bool {
        guard j >= 0, j < n, toks[j].kind == .word else { return false }
        for w in words where tokenIs(j, w, fold: fold) { return true }
        return false
    }

    /// A role word (`roleWords`) or the start of a personal title ending by `limit` (exclusive).
    func isRole(_ j: Int, limit: Int) -> Bool {
        guard j >= 0, j < n, toks[j].kind == .word else { return false }
        if isCapWord(j), let t = cue(lex.titleRoot, at: j, fold: false, start: .titleStart), t.end <= limit { return true }
        return isRoleWord(j)
    }

    /// Whether a role ends at token `e`: `Secretary-General`, `Chief Scientist`, `Chair of the Board`,
    /// `her deputy`. Read backwards over capitalised words and `of` / `the`; a head noun (`Board`) only
    /// in an `of` complement, so that `the Special Fund` is no role.
    func roleEnds(at e: Int) -> Bool {
        var k = e
        while k >= 0, k > e - 6 {
            if isRole(k, limit: e + 1) { return true }
            guard k > 0, info[k].shape & Self.lineStart == 0 else { return false }
            if isCapWord(k) {
                if !ex(k).isDisjoint(with: [.orgHead, .lawHead, .eventHead]) {
                    let of = fo(k - 1).contains(.the) ? k - 2 : k - 1
                    guard tokenIs(of, "of") else { return false }
                }
                k -= 1
            } else if tokenIs(k, "of") || fo(k).contains(.the) && tokenIs(k - 1, "of") {
                k -= 1
            } else {
                return false
            }
        }
        return false
    }

    /// A word that may be part of a candidate name: capitalised, not all capitals, unknown to the lexicon,
    /// a given name or a capitalised name particle (`De Gaulle`), and no role word.
    @inline(__always) func isNameCandidateWord(_ j: Int) -> Bool {
        guard isCapWord(j), !isAllCaps(j), info[j].exact < 0 && info[j].folded < 0 || ex(j).contains(.firstName) || fo(j).contains(.nameParticle)
        else { return false }
        return !isRoleWord(j)
    }

    /// A word the lexicon knows only from inside a longer gazetteer name (`Martin` of `Saint Martin`):
    /// after a first word that is unknown or a given name, a surname (`Chloé Martin`).
    @inline(__always) func isInnerGazetteerWord(_ j: Int) -> Bool {
        info[j].fx.union(info[j].ff).subtracting(.nameWord).isEmpty && !isAllCaps(j)
    }

    /// An en or em dash token, or a spaced hyphen.
    @inline(__always) func isDash(_ j: Int) -> Bool {
        guard j < n else { return false }
        let r = toks[j].range
        if r.count == 1 { return isPunct(j, 0x2D) }
        return r.count == 3 && p[r.lowerBound] == 0xE2 && p[r.lowerBound + 1] == 0x80 && (p[r.lowerBound + 2] == 0x93 || p[r.lowerBound + 2] == 0x94)
    }

    /// Called by `best` for a capitalised word followed by another on its line (see the extension's comment).
    @inline(never) mutating func contextPerson(at i: Int) -> EntityMention? {
        if let m = givenNameBefore(at: i) { return m }
        guard let j = contextPersonEnd(at: i) else { return nil }
        return EntityMention(kind: .person, start: i, end: j, norm: built(text(i, j)), source: .pattern)
    }

    /// The end of the name `contextPerson` finds at `i` (after `givenNameBefore`), else nil. Not
    /// `mutating`: its many calls of the cue tests (non-mutating, out of line) would each copy the
    /// scanner from a `mutating` caller; this call copies it once.
    @inline(never) func contextPersonEnd(at i: Int) -> Int? {
        var j = i
        while j < n, j - i < 3, j == i || info[j].shape & Self.lineStart == 0,
              isNameCandidateWord(j) || j > i && isInnerGazetteerWord(j) && isCapWord(j) && !isRoleWord(j) {
            j += 1
        }
        guard j - i >= 2 else { return nil }
        // An English word before a known given name is rather an office or a rank than another given
        // name (`Commodore Mary Whitfield, who`), as in `givenNameBefore`: `person(at:)`
        // takes the name from the given name.
        if ex(i + 1).contains(.firstName), !ex(i).contains(.firstName), isASCII(toks[i].range) { return nil }
        // A longer capitalised run (`Torres Strait Islanders Council`), or one that began before `i`
        // with a word that is no role (`Lagoon Sione Taufa`), is no name.
        if isCapWord(j), info[j].shape & Self.lineStart == 0 { return nil }
        if i > 0, isCapWord(i - 1), info[i].shape & Self.lineStart == 0, !isRole(i - 1, limit: i) { return nil }
        if j < n, isPunct(j, 0x2E), toks[j - 1].range.count == 1 { return nil }
        guard cueAfter(i, j) || cueBefore(i, j) else { return nil }
        return j
    }

    /// `, who`, `– then <role>`, `(born`, a list item's `, “` after the candidate `i..<j`.
    func cueAfter(_ i: Int, _ j: Int) -> Bool {
        guard j + 1 < n else { return false }
        if isPunct(j, 0x28) { return tokenIs(j + 1, "born") }
        let loose = i > 0 && info[i].shape & Self.lineStart == 0
            && (isLowerWord(i - 1) && (fo(i - 1).contains(.the) || fo(i - 1).contains(.a) || tokenIsAny(i - 1, Self.placePrepositions)))
        if loose { return false }
        if isPunct(j, 0x2C) {
            // `Name, “Title”` opening a list item: a bibliography's author.
            if isOpeningQuote(j + 1) { return startsLineItem(i) }
            // `, who were` points at a group (`People's Volunteer Army, who were`).
            return tokenIs(j + 1, "who") && !tokenIsAny(j + 2, Self.pluralVerbs)
        }
        if isDash(j), tokenIs(j + 1, "then") {
            // A role among the next capitalised words (`– then Executive Secretary`), not any name
            // (`Tavua Vanua – then British territory`).
            if isRole(j + 2, limit: j + 3) { return true }
            var k = j + 2
            while k < j + 5, isCapWord(k) {
                if isRole(k, limit: j + 6) { return true }
                k += 1
            }
        }
        return false
    }

    /// A role (and a comma, or `is` / `was`) before the candidate `i..<j`, or `elected … as`.
    func cueBefore(_ i: Int, _ j: Int) -> Bool {
        guard i >= 2 else { return i == 1 && isCapWord(0) && isRole(0, limit: 1) }
        if tokenIsAny(i - 1, Self.electVerbs) { return tokenIs(j, "as") }
        if isPunct(i - 1, 0x2C) { return roleEnds(at: i - 2) && isNameEnd(j) }
        if tokenIs(i - 1, "is") || tokenIs(i - 1, "was") { return isRole(i - 2, limit: i - 1) && (isNameEnd(j) || tokenIs(j, "of")) }
        // A capitalised role right before: a title the lexicon lacks (`Chief Scientist Sione Taufa said`).
        return isCapWord(i - 1) && isRole(i - 1, limit: i)
    }

    /// `“` or `"`.
    @inline(__always) func isOpeningQuote(_ j: Int) -> Bool {
        guard j < n else { return false }
        let r = toks[j].range
        return isPunct(j, 0x22) || r.count == 3 && p[r.lowerBound] == 0xE2 && p[r.lowerBound + 1] == 0x80 && p[r.lowerBound + 2] == 0x9C
    }

    /// Token `i` starts its line, or follows a bullet or dash that does.
    @inline(__always) func startsLineItem(_ i: Int) -> Bool {
        if info[i].shape & Self.lineStart != 0 { return true }
        guard i > 0, toks[i - 1].kind != .word, toks[i - 1].kind != .number else { return false }
        return i == 1 || info[i - 1].shape & Self.lineStart != 0
    }

    /// Punctuation or the end of the text after a name in apposition.
    @inline(__always) func isNameEnd(_ j: Int) -> Bool {
        j >= n || toks[j].kind == .punctuation && !isPunct(j, 0x2D) && !isPunct(j, 0x27)
    }

    /// `Zoë Mary Whitfield`: an unknown capitalised word right before a name that `person(at:)` finds
    /// from a given name widens it. Not a role word (`Scientist Mary Jones`), nor after another
    /// capitalised word that is no role; and only a word with letters outside ASCII: an English
    /// capitalised word there is far more often a rank, an office or a sentence opener (`Admiral Richard
    /// Howe`, `Secretary of Defense Robert Gates`, `Later Mary Jones`) than a given name.
    mutating func givenNameBefore(at i: Int) -> EntityMention? {
        let k = i + 1
        guard k < n, ex(k).contains(.firstName), info[k].shape & Self.lineStart == 0, info[i].exact < 0 && info[i].folded < 0 else { return nil }
        guard isCapWord(i), !isAllCaps(i), !isRoleWord(i) else { return nil }
        if i > 0, isCapWord(i - 1), info[i].shape & Self.lineStart == 0, !isRole(i - 1, limit: i) { return nil }
        if isASCII(toks[i].range) { return nil }
        guard let m = person(at: k), m.start == k else { return nil }
        return EntityMention(kind: .person, start: i, end: m.end, norm: built(text(i, m.end)), source: .pattern)
    }
}
