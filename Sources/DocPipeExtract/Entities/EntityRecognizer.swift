import DocPipeCore

/// Rule and gazetteer entity recognition over the tokens.
///
/// One left-to-right pass: at each token every pattern proposes a span starting there and the longest
/// wins (ties go to the earlier pattern in `scan`: LAW, MONEY, PERCENT, acronym, names, PERSON, references,
/// CARDINAL); the pass then jumps past it. Every pattern looks a bounded number of tokens ahead, so the
/// pass is linear. `EntityLinker` then sets `refersTo` and canonical names.
///
/// Speed: one pass over each token's bytes hashes it into the vocabulary and records its ids, flags and
/// shape (`EntityTokenInfo`); patterns then test those bits, and the tries (gazetteer names, titles,
/// currency words, `per cent`) are walked only from words flagged as starting one of their paths. Most
/// tokens are rejected in `scan` without calling any pattern. Mentions are plain values: a normalised
/// value is built as a `String` only for a candidate, and ids and link keys are integers.
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
///   not numbers inside a DATE or TIME expression (without the date layer: a four-digit number 1000–2100
///   is a year unless a lower-case noun follows it without a date cue before), ordinals, ranges or times;
///   a glued minus sign standing apart from what precedes it belongs to the number (`−270`).
enum EntityRecognizer {
    /// `dates`: the document's time expressions when the date tagger ran (nil: it did not). A number
    /// inside a DATE or TIME (`1953` in `a 1953 meeting`, `4` in `4 October 1955`) is then no CARDINAL,
    /// so the two layers agree; without them a year-like number is told from a count by its neighbours.
    static func entities(in document: Document, dates: [TimeExpression]? = nil) -> [Entity] {
        var text = document.text
        let tokens = document.tokens.isEmpty ? Tokenizer.tokens(in: text) : document.tokens
        return text.withUTF8 { p in
            var r = EntityScanner(
                p: p, tokens: tokens, lexicon: EntityLexicon.shared, sentences: document.sentences, acronyms: document.acronyms,
                memoPool: EntityMemoPool.shared)
            // Fields read in place: `filter` copied each expression (five strings) and grew its result.
            r.dateSpans = dates.map { ds in
                var spans: [Range<Int>] = []
                spans.reserveCapacity(ds.count)
                for k in ds.indices where ds[k].kind == .date || ds[k].kind == .time { spans.append(ds[k].range) }
                return spans
            }
            r.scan()
            // Moved out, so that the linker edits them in place rather than copying them.
            var mentions: [EntityMention] = []
            swap(&mentions, &r.mentions)
            return EntityLinker.link(&mentions, scanner: r, blockStarts: document.blocks.map(\.range.lowerBound))
        }
    }
}

/// A recognised span before linking. A plain value (no strings inside), so that candidates cost
/// nothing to copy and drop: normalised text lives in `EntityScanner.strings` or the lexicon.
struct EntityMention {
    enum Source: Equatable {
        case gazetteer(Int)
        case pattern
        /// A mention of a document-defined short form (index into the document's acronyms); the
        /// gazetteer entry, when it knows the short form too.
        case acronym(Int, fallback: Int?)
        /// A definite description (`the Organization`) with its head key id (`EntityLexicon.headKeyOfWord`).
        case reference(Int32)
        /// A bare surname of an earlier PERSON (index of its first mention).
        case surname(Int)
    }
    /// Where the normalised value is: none, a lexicon entry's canonical name, or a built string.
    enum Norm: Equatable {
        case none
        case entry(Int32)
        case built(Int32)
    }
    var kind: Entity.Kind
    var start: Int
    var end: Int
    var norm: Norm
    var source: Source
}

/// What the patterns read about one token, computed once per document in `EntityScanner.init`.
struct EntityTokenInfo {
    /// Exact and ASCII-folded vocabulary ids (-1 when unknown) and their word flags.
    var exact: Int32
    var folded: Int32
    var fx: WordFlags
    var ff: WordFlags
    /// Memo of `EntityScanner.gazetteer`: -2 not computed, -1 none, else the end token; and the entry.
    var gzEnd: Int32
    var gzEntry: Int32
    /// `EntityScanner.capital` … bits.
    var shape: UInt16
}

extension EntityTokenInfo {
    /// A token's info from its word (no gazetteer name looked up yet).
    @inline(__always) init(word w: EntityScanner.TokenWord) {
        self.init(exact: w.exact, folded: w.folded, fx: w.fx, ff: w.ff, gzEnd: -2, gzEntry: -1, shape: w.shape)
    }
}

struct EntityScanner {
    let p: UnsafeBufferPointer<UInt8>
    let toks: [Token]
    let lex: EntityLexicon
    let n: Int
    let acronyms: [Acronym]
    var info: [EntityTokenInfo]
    var mentions: [EntityMention] = []
    /// Normalised values built by the patterns (`EntityMention.Norm.built`).
    var strings: [String] = []
    /// Short forms defined in the document, grouped by the `String` (canonical equivalence) of their
    /// first token: per group that token's bytes and the candidates (token bytes, acronym index) in
    /// order. Tokens whose vocabulary hash is that of a first token carry `shortFormStart`; a mention
    /// finds its group by that hash and compares bytes, without building a `String` per call.
    private var shortFormKeys: [[UInt8]] = []
    private var shortFormCands: [[(words: [[UInt8]], k: Int)]] = []
    /// First-token hash → the first of its links; a link is (group, next link with the same hash or -1),
    /// one per group holding a first token with that hash.
    private var shortFormLinkOfHash = HashMap64(capacity: 0)
    private var shortFormLinks: [(group: Int, next: Int)] = []
    /// First token → group: the `String` lookup, for the rare token that equals a key only
    /// canonically (some byte non-ASCII).
    private var shortFormGroupOfKey: [String: Int] = [:]
    private var shortFormKeysASCII = true
    /// Per acronym: the index of the first acronym with the same short form.
    private var shortFormGroup: [Int] = []
    /// Per group (indexed by its first acronym): its acronyms in order; and each acronym's start. An
    /// acronym mention looks only at its own group, without copying `Acronym` values (two strings each).
    private var shortFormMembers: [[Int]] = []
    private var acronymStart: [Int] = []
    /// Exact ids of PERSON surnames seen so far → index of the first PERSON mention with that surname,
    /// with a one-word Bloom filter over the keys.
    private var surnames = HashMap64()
    private var surnameBloom: UInt64 = 0
    /// Whether `best` tests, before calling `money` and `name`, what those test first (false: the
    /// plain calls, which the tests compare with).
    var checkFirst = true
    /// Byte ranges of the document's DATE and TIME expressions in text order, when known; and the first
    /// one that may still hold a later token (`cardinal` is asked about tokens in text order).
    var dateSpans: [Range<Int>]?
    private var dateCursor = 0

    static let capital: UInt16 = 1, allCaps: UInt16 = 2, initial: UInt16 = 4, word: UInt16 = 8, number: UInt16 = 16, lineStart: UInt16 = 32
    /// A slash and a digit inside the token (a document symbol when it is a capitalised word).
    static let slashDigit: UInt16 = 64
    /// The token may start a document-defined short form (its hash is that of one's first word).
    static let shortFormStart: UInt16 = 128
    static let punctuation: UInt16 = 256
    /// Starts no pattern whatever its neighbours (`scan` skips it at once): set per word by `tokenWord`.
    static let startsNothing: UInt16 = 512

    /// What a token's bytes and kind give the token pass: its ids and flags, the shape bits that
    /// depend on them alone (kind, capital, all caps, slash and digit) and its exact hash, which tells
    /// whether it starts one of the document's short forms (`shortFormStart`, set by the pass).
    struct TokenWord {
        var exact: Int32, folded: Int32
        var fx: WordFlags, ff: WordFlags
        var shape: UInt16
        var hash: UInt64
    }

    /// A token's bytes and kind → its `TokenWord`, for tokens of 1 to 16 bytes. Direct-mapped: a
    /// document repeats a few thousand words, and a hit replaces hashing, the vocabulary probe and the
    /// flag loads. The key is the token's whole bytes (its two words and length) and its kind, so a hit
    /// gives what the computation would.
    struct WordMemo {
        var w0: UInt64 = 0, w1: UInt64 = 0
        /// Length | kind bit << 8; 0: empty (no token is empty).
        var key: Int32 = 0
        /// The token's info as the pass stores it, but for the document's bits (`shortFormStart`, line and
        /// sentence starts): a hit copies it whole rather than field by field from a `TokenWord`.
        var info = EntityTokenInfo(word: TokenWord(exact: -1, folded: -1, fx: [], ff: [], shape: 0, hash: 0))
        var hash: UInt64 = 0
    }
    static var memoBits: Int { 14 }

    /// The memo slot of a token whose first two words (as `word(_:_:_:_:)` loads them) are `w0`, `w1`.
    @inline(__always) static func memoSlot(w0: UInt64, w1: UInt64) -> Int {
        Int(truncatingIfNeeded: ((w0 &+ w1 &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9) >> UInt64(64 - memoBits))
    }

    /// What `tokenWord` reads besides the token: the lexicon's tables (nothing of the document, so that
    /// its answers serve any document: `EntityMemoPool`).
    struct TokenTables {
        let vocab: EntityVocab
        let flags: UnsafeBufferPointer<WordFlags>
        let foldedID: UnsafeBufferPointer<Int32>
        let oneByte: UnsafeBufferPointer<(exact: Int32, folded: Int32, hash: UInt64)>
    }

    /// The kind bit of a token's shape.
    @inline(__always) static func kindShape(_ kind: Token.Kind) -> UInt16 {
        switch kind {
        case .word: return word
        case .number: return number
        case .punctuation: return punctuation
        case .symbol: return 0
        }
    }

    /// A token's `TokenWord` computed from its bytes (out of line: the token pass takes most tokens from
    /// its memo, and a lean loop keeps its values in registers).
    @inline(never) static func tokenWord(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ kind: Token.Kind, _ tables: TokenTables) -> TokenWord {
        let a = r.lowerBound
        let b0 = p[a]
        var s = kindShape(kind)
        if b0 &- 0x41 < 26 {
            s |= capital
        } else if b0 >= 0xC0, kind != .punctuation {
            // (No pattern reads the capital bit of punctuation.)
            if startsWithUpperCase(p, a) { s |= capital }
        }
        let ex: Int32, fo: Int32, hash: UInt64
        if r.count == 1 && b0 < 0x80 {
            // Mostly punctuation: ids and hash from the lexicon's table (no slash and digit, not all caps).
            (ex, fo, hash) = tables.oneByte[Int(b0)]
        } else {
            let key = tokenKey(p, r)
            (ex, fo) = ids(key, tables.vocab, tables.foldedID, p, r)
            hash = key.exact
            if key.slashDigit { s |= slashDigit }
            if key.upper >= 2 && !key.lower { s |= allCaps }
        }
        let fx: WordFlags = ex >= 0 ? tables.flags[Int(ex)] : [], ff: WordFlags = fo >= 0 ? tables.flags[Int(fo)] : []
        // `scan`'s first tests, which read only the word: punctuation, an unknown word without a capital,
        // a known lower-case word without a start bit.
        if s & punctuation != 0 || s & (word | capital) == word && ex < 0 && fo < 0
            || s & lowerWordStartBits == word && fx.isDisjoint(with: lowerWordStartExact) && ff.isDisjoint(with: lowerWordStartFolded) {
            s |= startsNothing
        }
        return TokenWord(exact: ex, folded: fo, fx: fx, ff: ff, shape: s, hash: hash)
    }

    /// `memo: false` computes every token (the reference the tests compare the memo with). `memoPool`:
    /// where to take the memo from and leave it (only for memos of this `lexicon`), else a fresh one.
    init(
        p: UnsafeBufferPointer<UInt8>, tokens: [Token], lexicon: EntityLexicon, sentences: [Sentence], acronyms: [Acronym],
        memo useMemo: Bool = true, memoPool: EntityMemoPool? = nil
    ) {
        self.p = p
        self.toks = tokens
        self.lex = lexicon
        self.n = tokens.count
        self.acronyms = acronyms
        var shortFormHashes: [UInt64] = []
        var hashGroups: [(UInt64, Int)] = []
        for (k, a) in acronyms.enumerated() {
            let words = EntityLexicon.tokenTexts(a.short)
            guard let first = words.first else { continue }
            let g: Int
            if let known = shortFormGroupOfKey[first] {
                g = known
            } else {
                g = shortFormKeys.count
                shortFormGroupOfKey[first] = g
                shortFormKeys.append(Array(first.utf8))
                shortFormCands.append([])
            }
            shortFormCands[g].append((words.map { Array($0.utf8) }, k))
            var w = first
            let h = w.withUTF8 { EntityVocab.hash($0, 0..<$0.count, fold: false).0 }
            shortFormHashes.append(h)
            hashGroups.append((h, g))
        }
        shortFormLinkOfHash = HashMap64(capacity: hashGroups.count)
        for (h, g) in hashGroups {
            var link = shortFormLinkOfHash.get(h) ?? -1
            var last = -1
            while link >= 0, shortFormLinks[link].group != g { last = link; link = shortFormLinks[link].next }
            guard link < 0 else { continue }
            shortFormLinks.append((g, -1))
            if last >= 0 { shortFormLinks[last].next = shortFormLinks.count - 1 } else { shortFormLinkOfHash.set(h, shortFormLinks.count - 1) }
        }
        shortFormKeysASCII = shortFormKeys.allSatisfy(Self.isASCII)
        let shortFormTable = HashSet64(shortFormHashes)
        var groupOf: [String: Int] = [:]
        shortFormGroup = acronyms.indices.map { k in
            if let g = groupOf[acronyms[k].short] { return g }
            groupOf[acronyms[k].short] = k
            return k
        }
        shortFormMembers = [[Int]](repeating: [], count: acronyms.count)
        for k in acronyms.indices { shortFormMembers[shortFormGroup[k]].append(k) }
        acronymStart = acronyms.map(\.range.lowerBound)
        // The segmenter gives sentences in order: sorted only when they are not.
        var sentenceStarts = sentences.map(\.range.lowerBound)
        if zip(sentenceStarts, sentenceStarts.dropFirst()).contains(where: { $0 > $1 }) { sentenceStarts.sort() }
        let noSentences = sentences.isEmpty
        let shortFormBloom = shortFormHashes.reduce(0 as UInt64) { $0 | 1 << ($1 >> 58) }
        let n = self.n
        var memo = !useMemo ? [] : memoPool?.take() ?? Self.emptyMemo()
        info = memo.withUnsafeMutableBufferPointer { memo in
            tokens.withUnsafeBufferPointer { tokens in
            lexicon.flags.withUnsafeBufferPointer { flags in
            lexicon.foldedID.withUnsafeBufferPointer { foldedID in
            lexicon.oneByte.withUnsafeBufferPointer { oneByte in
            sentenceStarts.withUnsafeBufferPointer { starts in
            Self.memoWordMasks.withUnsafeBufferPointer { masks in
            [EntityTokenInfo](unsafeUninitializedCapacity: n) { buf, count in
                let tables = TokenTables(vocab: lexicon.vocab, flags: flags, foldedID: foldedID, oneByte: oneByte)
                let useMemo = !memo.isEmpty
                // Written through a moving pointer: an index would be multiplied by the stride per token.
                if var out = buf.baseAddress {
                    for t in 0..<n {
                        let r = tokens[t].range
                        let kind = tokens[t].kind
                        let a = r.lowerBound
                        let len = r.upperBound &- a
                        var ti: EntityTokenInfo, hash: UInt64
                        // The memo holds tokens of 1 to 16 bytes with 16 bytes of text from their start, ASCII or
                        // not: `tokenWord` reads nothing but the token's bytes and kind, and the key holds them
                        // all (non-ASCII words, dashes and curly quotes repeat as much as ASCII ones). Both words
                        // are loaded and masked by length (as `word(_:_:_:_:)` gives them), without a branch or
                        // a shift by a variable count.
                        if useMemo, UInt(bitPattern: len &- 1) <= 15, a &+ 16 <= p.count {
                            let at = UnsafeRawPointer(p.baseAddress.unsafelyUnwrapped + a)
                            let w0 = UInt64(littleEndian: at.loadUnaligned(as: UInt64.self)) & masks[2 &* len]
                            let w1 = UInt64(littleEndian: at.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & masks[2 &* len &+ 1]
                            let slot = Self.memoSlot(w0: w0, w1: w1)
                            let key = Int32(truncatingIfNeeded: len) | Int32(Self.kindShape(kind)) << 8
                            if memo[slot].w0 == w0, memo[slot].w1 == w1, memo[slot].key == key {
                                ti = memo[slot].info
                                hash = memo[slot].hash
                            } else {
                                let w = Self.tokenWord(p, r, kind, tables)
                                ti = EntityTokenInfo(word: w)
                                hash = w.hash
                                memo[slot] = WordMemo(w0: w0, w1: w1, key: key, info: ti, hash: hash)
                            }
                        } else {
                            let w = Self.tokenWord(p, r, kind, tables)
                            ti = EntityTokenInfo(word: w)
                            hash = w.hash
                        }
                        // Only a capitalised word or a number may start a short form (`acronym(at:)`), and the
                        // bit is the document's: set here, not memoised.
                        if ti.shape & (Self.capital | Self.number) != 0, shortFormBloom & 1 << (hash >> 58) != 0, shortFormTable.contains(hash) {
                            ti.shape |= Self.shortFormStart
                        }
                        out.initialize(to: ti)
                        out += 1
                    }
                }
                Self.markStarts(buf, n, tokens, p, starts, noSentences: noSentences)
                count = n
            }
            }
            }
            }
            }
            }
            }
        }
        if useMemo { memoPool?.give(memo) }
    }

    /// Per token length 0 to 16 (index `2 * length`, `2 * length + 1`): the masks of its first and second
    /// words that keep its own bytes.
    static let memoWordMasks: [UInt64] = (0...16).flatMap { (len: Int) -> [UInt64] in
        let all = ~(0 as UInt64)
        let first: UInt64 = len >= 8 ? all : all >> UInt64(64 - 8 * len)
        let second: UInt64 = len >= 16 ? all : len <= 8 ? 0 : all >> UInt64(64 - 8 * (len - 8))
        return [first, second]
    }

    /// A memo with every slot empty.
    static func emptyMemo() -> [WordMemo] { [WordMemo](repeating: WordMemo(), count: 1 << memoBits) }

    /// Sets the line-start and sentence-initial bits: a token after a newline (`lineStart`, also
    /// initial), the first token, a token at a sentence start (`starts`, sorted), without sentences one
    /// after `.`, `?`, `!` or `:`, and a token after an initial punctuation token (an opening quote or
    /// bracket at a sentence start). Found from the newlines and the starts (a few per sentence) rather
    /// than tested at each token.
    static func markStarts(
        _ info: UnsafeMutableBufferPointer<EntityTokenInfo>, _ n: Int, _ tokens: UnsafeBufferPointer<Token>,
        _ p: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int>, noSentences: Bool
    ) {
        guard n > 0 else { return }
        // Marks `t` initial, and the tokens after it while the one before is punctuation.
        func markInitial(_ t: Int) {
            var t = t
            while true {
                info[t].shape |= initial
                guard info[t].shape & punctuation != 0, t + 1 < n, info[t + 1].shape & initial == 0 else { return }
                t += 1
            }
        }
        // The first token from `lo` whose start is at least `x` (n if none), by galloping.
        func seek(_ x: Int, from lo: Int) -> Int {
            var lo = lo, hi = lo, step = 1
            while hi < n, tokens[hi].range.lowerBound < x {
                lo = hi + 1
                hi += step
                step <<= 1
            }
            hi = min(hi, n)
            while lo < hi {
                let mid = (lo + hi) >> 1
                if tokens[mid].range.lowerBound < x { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        markInitial(0)
        // Newlines: the token after each gap holding one.
        var t = 0
        var q = UTF8Bytes.find(0x0A, in: p, from: tokens[0].range.upperBound, to: p.count)
        while q < p.count {
            t = seek(q + 1, from: t)
            guard t < n else { break }
            // (t > 0: token 0 starts before `q`.) A newline inside token t - 1 is none between tokens.
            if tokens[t - 1].range.upperBound <= q {
                info[t].shape |= lineStart
                markInitial(t)
                q = UTF8Bytes.find(0x0A, in: p, from: tokens[t].range.upperBound, to: p.count)
            } else {
                q = UTF8Bytes.find(0x0A, in: p, from: tokens[t - 1].range.upperBound, to: p.count)
            }
        }
        t = 0
        for x in starts {
            t = seek(x, from: t)
            guard t < n else { break }
            if t > 0, tokens[t].range.lowerBound == x { markInitial(t) }
        }
        if noSentences {
            for t in 1..<n where info[t - 1].shape & punctuation != 0 && tokens[t - 1].range.count == 1 {
                let c = p[tokens[t - 1].range.lowerBound]
                if c == 0x2E || c == 0x3F || c == 0x21 || c == 0x3A { markInitial(t) }
            }
        }
    }

    /// Exact and folded vocabulary ids of the token `p[r]` with key `key`. Without ASCII capitals
    /// folding changes nothing; a known word's folded id is its key's; only an unknown word with
    /// capitals is hashed and looked up folded.
    @_transparent static func ids(
        _ key: TokenKey, _ vocab: EntityVocab, _ foldedID: UnsafeBufferPointer<Int32>, _ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>
    ) -> (exact: Int32, folded: Int32) {
        let ex = key.ascii && key.length <= 16
            ? vocab.id(hash: key.exact, length: key.length, w0: key.w0, w1: key.w1)
            : vocab.id(hash: key.exact, length: key.length, p, r, fold: false)
        let fo = key.upper == 0 ? ex : ex >= 0 ? foldedID[Int(ex)]
            : Self.foldedID(vocab, p, r, ascii: key.ascii, length: key.length, w0: key.w0, w1: key.w1)
        return (ex, fo)
    }

    /// The token pass's (exact id, folded id, exact hash) of each one-byte ASCII token, computed as
    /// for any token (`EntityLexicon.oneByte` keeps them).
    static func oneByteTokens(_ vocab: EntityVocab, _ foldedID: [Int32]) -> [(exact: Int32, folded: Int32, hash: UInt64)] {
        foldedID.withUnsafeBufferPointer { foldedID in
            (0..<128).map { (b: Int) in
                // Padded, so that the key is read as in a text.
                [UInt8(b), 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20].withUnsafeBufferPointer { p in
                    let key = tokenKey(p, 0..<1)
                    let (ex, fo) = ids(key, vocab, foldedID, p, 0..<1)
                    return (ex, fo, key.exact)
                }
            }
        }
    }

    /// What the token pass reads from a token's bytes: its exact vocabulary hash (`EntityVocab.hash`,
    /// `’` read as `'`), its normalised length, and letter classes; for an ASCII token also its first
    /// two words, which `EntityVocab.id(hash:length:w0:w1:)` compares. The folded hash is needed only
    /// for an unknown word with capitals (`foldedHash`).
    struct TokenKey {
        var exact: UInt64
        var length: Int
        var ascii: Bool
        var w0: UInt64 = 0, w1: UInt64 = 0
        /// Count of ASCII capitals (at least the number of words holding one, at most 2 per word: what
        /// tells none, one, or two or more); whether an ASCII lower-case letter occurs (computed only with
        /// two capitals or more); whether both a slash and a digit occur.
        var upper: Int, lower: Bool, slashDigit: Bool
    }

    /// High bit of each byte of `w` (all bytes below 0x80) that lies in `lo...hi` (`lo` ≥ 1).
    @inline(__always) static func bytesIn(_ w: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        return (w &+ ones &* UInt64(0x80 - lo)) & ~(w &+ ones &* UInt64(0x7F - hi)) & 0x8080_8080_8080_8080
    }

    /// Word `k / 8` of the token `p[a..<a + len]`, zero-padded (the load may read past it).
    @inline(__always) static func word(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ len: Int, _ k: Int) -> UInt64 {
        let w = UInt64(littleEndian: UnsafeRawPointer(p.baseAddress.unsafelyUnwrapped + (a &+ k)).loadUnaligned(as: UInt64.self))
        let rest = len &- k
        return rest >= 8 ? w : w & (~0 as UInt64) >> (64 &- 8 &* UInt64(truncatingIfNeeded: rest))
    }

    /// Whether some byte of the ASCII token `p[a..<a + len]` lies in `lo...hi` (`lo` ≥ 1).
    static func hasBytesIn(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ len: Int, _ lo: UInt8, _ hi: UInt8) -> Bool {
        var k = 0
        while k < len {
            if bytesIn(word(p, a, len, k), lo, hi) != 0 { return true }
            k &+= 8
        }
        return false
    }

    /// The token's key, read 8 bytes at a time when it is ASCII and its last word lies inside the text.
    /// Lower-case letters and digits matter only after two capitals or a slash (rare): they are looked
    /// for then. Transparent: with `@inline(__always)` the compiler kept it out of line, and the call
    /// and its 80-byte result cost about as much as the hashing.
    @_transparent static func tokenKey(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> TokenKey {
        let a = r.lowerBound, len = r.count
        guard a &+ ((len &+ 7) & ~7) <= p.count else { return slowTokenKey(p, r) }
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        var hx = EntityVocab.seed
        var w0: UInt64 = 0, w1: UInt64 = 0
        var any: UInt64 = 0, slash: UInt64 = 0
        var upper = 0
        var k = 0
        repeat {
            let w = word(p, a, len, k)
            any |= w
            let up = bytesIn(w, 0x41, 0x5A)
            if up != 0 { upper &+= up & (up &- 1) == 0 ? 1 : 2 }
            let x = w ^ (ones &* 0x2F)
            slash |= (x &- ones) & ~x
            hx = EntityVocab.mix(hx, w)
            if k == 0 { w0 = w } else if k == 8 { w1 = w }
            k &+= 8
        } while k < len
        if any & high != 0 { return slowTokenKey(p, r) }
        let hasSlash = slash & high != 0
        return TokenKey(
            exact: EntityVocab.finish(hx, length: len), length: len, ascii: true,
            w0: w0, w1: w1, upper: upper,
            lower: upper >= 2 && hasBytesIn(p, a, len, 0x61, 0x7A),
            slashDigit: hasSlash && hasBytesIn(p, a, len, 0x30, 0x39))
    }

    /// The folded hash of a token and, for an ASCII key of at most 16 bytes, its first two folded
    /// words: each word of `key` with its capitals' 0x20 bit set, hashed as `tokenKey` hashes.
    static func foldedHash(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ key: TokenKey) -> (hash: UInt64, f0: UInt64, f1: UInt64) {
        foldedHash(p, r, ascii: key.ascii, length: key.length, w0: key.w0, w1: key.w1)
    }

    @inline(__always) static func foldedHash(
        _ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, ascii: Bool, length: Int, w0: UInt64, w1: UInt64
    ) -> (hash: UInt64, f0: UInt64, f1: UInt64) {
        guard ascii && length <= 16 else { return (EntityVocab.hash(p, r, fold: true).0, 0, 0) }
        let f0 = w0 | bytesIn(w0, 0x41, 0x5A) >> 2, f1 = w1 | bytesIn(w1, 0x41, 0x5A) >> 2
        var h = EntityVocab.mix(EntityVocab.seed, f0)
        if length > 8 { h = EntityVocab.mix(h, f1) }
        return (EntityVocab.finish(h, length: length), f0, f1)
    }

    /// The folded vocabulary id of a token with key fields `ascii` … `w1` (out of line: only unknown
    /// words with capitals need it; scalar arguments, so that the key stays in registers).
    @inline(never) static func foldedID(
        _ vocab: EntityVocab, _ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, ascii: Bool, length: Int, w0: UInt64, w1: UInt64
    ) -> Int32 {
        let f = foldedHash(p, r, ascii: ascii, length: length, w0: w0, w1: w1)
        return ascii && length <= 16
            ? vocab.id(hash: f.hash, length: length, w0: f.f0, w1: f.f1)
            : vocab.id(hash: f.hash, length: length, p, r, fold: true)
    }

    /// `tokenKey` a byte at a time (non-ASCII tokens, and the few at the end of the text).
    @inline(never) static func slowTokenKey(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> TokenKey {
        var hx = EntityVocab.Hasher()
        var upper = 0, lower = false, slash = false, digit = false
        var k = r.lowerBound
        let end = r.upperBound
        while k < end {
            var b = p[k]
            k += 1
            if b == 0xE2, k + 1 < end, p[k] == 0x80, p[k + 1] == 0x99 {
                b = 0x27
                k += 2
            }
            if b &- 0x41 < 26 {
                upper += 1
            } else if b &- 0x61 < 26 {
                lower = true
            } else if b == 0x2F {
                slash = true
            } else if b &- 0x30 < 10 {
                digit = true
            }
            hx.add(b)
        }
        return TokenKey(exact: hx.finish(), length: hx.count, ascii: false, upper: upper, lower: lower, slashDigit: slash && digit)
    }

    /// Whether the scalar at `i` is upper case (out of line: the property lookup is costly to inline).
    @inline(never) static func startsWithUpperCase(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        ScalarProperties.isUppercase(UTF8Bytes.scalar(p, at: i).0)
    }

    @inline(__always) static func bloomBit(_ h: UInt64) -> UInt64 { 1 << ((h ^ (h >> 32)) & 63) }

    // MARK: - Token tests

    @inline(__always) func ex(_ i: Int) -> WordFlags { i < n ? info[i].fx : [] }
    @inline(__always) func fo(_ i: Int) -> WordFlags { i < n ? info[i].ff : [] }
    @inline(__always) func isCapWord(_ i: Int) -> Bool { i < n && info[i].shape & (Self.capital | Self.word) == (Self.capital | Self.word) }
    @inline(__always) func isLowerWord(_ i: Int) -> Bool { i < n && info[i].shape & (Self.capital | Self.word) == Self.word }
    @inline(__always) func isInitial(_ i: Int) -> Bool { info[i].shape & Self.initial != 0 }
    /// A sentence-initial organisation head before a connector and a capitalised word (`Consortium for
    /// Polar Ice Research` as a title line): it may start a name though no gazetteer name holds it.
    @inline(__always) func headBeforeComplement(_ i: Int) -> Bool {
        ex(i).contains(.orgHead) && i + 2 < n && fo(i + 1).contains(.connector) && isCapWord(i + 2)
            && info[i + 1].shape & Self.lineStart == 0 && info[i + 2].shape & Self.lineStart == 0
    }
    @inline(__always) func isAllCaps(_ i: Int) -> Bool { i >= 0 && i < n && info[i].shape & (Self.allCaps | Self.word) == Self.allCaps | Self.word }
    @inline(__always) func isPunct(_ i: Int, _ c: UInt8) -> Bool {
        i < n && toks[i].range.count == 1 && p[toks[i].range.lowerBound] == c && toks[i].kind != .word
    }

    /// An en dash joining two words with no space on either side (`Andean–Caribbean`, `Iran–Iraq`):
    /// inside a name it joins like a hyphen.
    @inline(__always) func isJoiningDash(_ j: Int) -> Bool {
        guard j > 0, j + 1 < n else { return false }
        let r = toks[j].range
        return r.count == 3 && p[r.lowerBound] == 0xE2 && p[r.lowerBound + 1] == 0x80 && p[r.lowerBound + 2] == 0x93
            && toks[j - 1].range.upperBound == r.lowerBound && toks[j + 1].range.lowerBound == r.upperBound
    }

    /// `-` or `−` (U+2212).
    @inline(__always) func isMinusSign(_ j: Int) -> Bool {
        let r = toks[j].range
        return r.count == 1 ? p[r.lowerBound] == 0x2D : r.count == 3 && p[r.lowerBound] == 0xE2 && p[r.lowerBound + 1] == 0x88 && p[r.lowerBound + 2] == 0x92
    }

    func text(_ i: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: p[toks[i].range]), as: UTF8.self) }

    /// Text of tokens `a..<b` with runs of white space collapsed to one space.
    func text(_ a: Int, _ b: Int) -> String {
        let r = toks[a].range.lowerBound..<toks[b - 1].range.upperBound
        return String(unsafeUninitializedCapacity: r.count) { out in
            var o = 0
            var space = false
            for k in r {
                let c = p[k]
                if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D {
                    space = true
                    continue
                }
                if space { out[o] = 0x20; o += 1; space = false }
                out[o] = c
                o += 1
            }
            return o
        }
    }

    func byteRange(_ a: Int, _ b: Int) -> Range<Int> { toks[a].range.lowerBound..<toks[b - 1].range.upperBound }

    /// Keeps a built normalised value.
    mutating func built(_ s: String) -> EntityMention.Norm {
        strings.append(s)
        return .built(Int32(strings.count - 1))
    }

    /// The normalised value `norm` stands for.
    func normalized(_ norm: EntityMention.Norm) -> String? {
        switch norm {
        case .none: return nil
        case .entry(let e): return lex.entries[Int(e)].normalized
        case .built(let k): return strings[Int(k)]
        }
    }

    /// Longest gazetteer name starting at `i`: (end, entry), memoised. Inlined: most calls are for words
    /// that start no name, or read the memo.
    @inline(__always) mutating func gazetteer(_ i: Int) -> (end: Int, entry: Int)? {
        guard i < n, info[i].fx.contains(.gazetteerStart) else { return nil }
        let e = info[i].gzEnd
        if e == -2 { return firstGazetteer(i) }
        return e < 0 ? nil : (Int(e), Int(info[i].gzEntry))
    }

    /// `gazetteer(i)` when not yet memoised (a word flagged `gazetteerStart`).
    @inline(never) mutating func firstGazetteer(_ i: Int) -> (end: Int, entry: Int)? {
        info[i].gzEnd = -1
        if let (e, v) = lexGazetteerEntry(i) {
            let entry = lex.entries[v]
            var ok = true
            if entry.isShortForm {
                // `WHO` in `WHO WE ARE`: an upper-case neighbour that is no known name word.
                if isAllCaps(i - 1) && !ex(i - 1).contains(.nameWord) { ok = false }
                if isAllCaps(e) && !ex(e).contains(.nameWord) { ok = false }
            }
            if ok {
                info[i].gzEnd = Int32(e)
                info[i].gzEntry = Int32(v)
            }
        }
        let e = info[i].gzEnd
        return e < 0 ? nil : (Int(e), Int(info[i].gzEntry))
    }

    /// Longest match of a cue trie (titles, currency words, `per cent`) at `i`: (end, payload). `start`
    /// is the flag of the words that begin one of its paths.
    func cue(_ root: Int32, at i: Int, fold: Bool, start: WordFlags) -> (end: Int, value: Int)? {
        guard i < n, (fold ? info[i].ff : info[i].fx).contains(start) else { return nil }
        var node = root
        var j = i
        var best: (Int, Int)?
        while j < n, j - i < 4 {
            let id = fold ? info[j].folded : info[j].exact
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
        // About one mention per ten tokens: growing by doubling would copy them several times.
        mentions.reserveCapacity(n / 8 + 16)
        var i = 0
        while i < n {
            // Most tokens start nothing (see `best`): punctuation, unknown lower-case words, known ones
            // without a start bit (`startsNothing`, set once per word by the token pass). They are
            // skipped in a loop of their own, through the buffer (no bounds check, nothing reloaded).
            i = info.withUnsafeBufferPointer { info in
                var j = i
                while j < n, info[j].shape & Self.startsNothing != 0 { j += 1 }
                return j
            }
            guard i < n else { break }
            let t = info[i]
            // A known lower-case word (`of`, `and`, `which`) starts a pattern only through one of the
            // bits `best` tests for it: without them it would return nil.
            if t.shape & Self.lowerWordStartBits == Self.word, t.fx.isDisjoint(with: Self.lowerWordStartExact) {
                let start = t.ff.intersection(Self.lowerWordStartFolded)
                // `a` / `an` start something (a CARDINAL) only before a scale or number word; `the` only a
                // reference (`reference(at:)`), which needs a head noun after it.
                if start.isEmpty || start == .a && t.fx.isDisjoint(with: [.currencySymbol, .currencyCode]) && fo(i + 1).isDisjoint(with: [.scale, .numberWord])
                    || start == .the && ex(i + 1).isDisjoint(with: [.refHead, .refHeadLower]) {
                    i += 1
                    continue
                }
            }
            var nameMay = CapitalStart.unknown
            if checkFirst {
                nameMay = capitalWordStart(at: i)
                if nameMay == .startsNothing {
                    i += 1
                    continue
                }
            }
            if let m = best(at: i, nameMay: nameMay) {
                mentions.append(m)
                if m.kind == .person, case .pattern = m.source {
                    let key = surnameKey(m.end - 1)
                    if surnames.get(key) == nil {
                        surnames.set(key, mentions.count - 1)
                        surnameBloom |= Self.bloomBit(key)
                    }
                }
                i = m.end
            } else {
                i += 1
            }
        }
    }

    /// What lets a word without a capital start a pattern in `best`: these shape bits (a capital or
    /// all-caps word, a document symbol, a short-form start), or one of these exact / folded flags
    /// (LAW, names and PERSON by first name; MONEY, PERCENT and CARDINAL; references).
    static let lowerWordStartBits: UInt16 = word | capital | allCaps | slashDigit | shortFormStart
    static let lowerWordStartExact: WordFlags = [.article, .gazetteerStart, .firstName]
    static let lowerWordStartFolded: WordFlags = [.resolution, .a, .numberWord, .the]

    /// What `capitalWordStart` found: `best` would return nil; `nameMayStart(at:)` is false or true
    /// (passed on, so that `best` does not test it again); not known.
    enum CapitalStart: UInt8 { case startsNothing, nameMayNot, nameMayYes, unknown }

    /// `startsNothing` when `i` is a capitalised word for which `best` would return nil: none of the
    /// bits and flags through which `best` tries a pattern other than a name or a surname, no name
    /// (`nameMayStart`), and no surname (its Bloom filter). Most capitalised words in running text
    /// (`However`, `Nouméa`, `January`) are such words. Else what it learnt of `nameMayStart(at: i)`.
    @inline(__always) mutating func capitalWordStart(at i: Int) -> CapitalStart {
        let t = info[i]
        guard t.shape & Self.capitalWordStartBits == Self.capital | Self.word, t.fx.isDisjoint(with: Self.capitalWordStartExact),
              t.ff.isDisjoint(with: Self.capitalWordStartFolded) else { return .unknown }
        if nameMayStart(at: i) { return .nameMayYes }
        if i >= 2 && info[i - 2].ff.contains(.roleVerb) { return .nameMayNot }
        // (After the name test: the key of an unknown word hashes its bytes.)
        return surnames.isEmpty || surnameBloom & Self.bloomBit(surnameKey(i)) == 0 ? .startsNothing : .nameMayNot
    }

    /// `best`'s other ways in for a capitalised word: these shape bits (LAW by document symbol, MONEY
    /// and PERCENT by all caps, acronyms) and exact / folded flags (LAW; PERSON by first name or
    /// title; MONEY, PERCENT and CARDINAL by `a` or a number word; references).
    static let capitalWordStartBits: UInt16 = word | capital | allCaps | slashDigit | shortFormStart | number | punctuation
    static let capitalWordStartExact: WordFlags = [.article, .firstName, .titleStart]
    static let capitalWordStartFolded: WordFlags = [.resolution, .a, .numberWord, .the]

    /// A key for a surname token: its vocabulary id when known, else a hash of its bytes above 2^32.
    /// Inlined, as are the other small readers called from `mutating` patterns: an out-of-line call of a
    /// non-mutating method there copies the whole scanner (about 300 bytes) first.
    @inline(__always) func surnameKey(_ i: Int) -> UInt64 {
        if info[i].exact >= 0 { return UInt64(info[i].exact) }
        var h: UInt32 = 2_166_136_261
        for k in toks[i].range { h = (h ^ UInt32(p[k])) &* 16_777_619 }
        return UInt64(h) | 1 << 32
    }

    /// The longest pattern match at `i` (ties to the earlier pattern). Each pattern is first gated on
    /// the token's precomputed kind, shape and flags, so most tokens cost a few tests. `nameMay`: what
    /// `scan` already knows of `nameMayStart(at: i)` (`.unknown` when nothing).
    private mutating func best(at i: Int, nameMay: CapitalStart = .unknown) -> EntityMention? {
        let t = info[i]
        let s = t.shape
        if s & Self.punctuation != 0 { return nil }
        // A numeral unknown to the vocabulary (no flags: no LAW, name or reference) with no currency or
        // `per cent` after it: only CARDINAL may start here. Most numbers are such, and the tests below
        // cost more than these. (Here rather than in `scan`, where it stopped `capitalWordStart` inlining.)
        if checkFirst, s & (Self.number | Self.slashDigit | Self.capital) == Self.number, t.exact < 0, t.folded < 0,
           !currencyMayFollowAmount(at: i), !fo(i + 1).contains(.percentStart) {
            // Inside a DATE or TIME expression (most numbers in dated text): nil, as `cardinal` finds
            // first, without its call.
            if dateSpans != nil, inDateSpan(toks[i].range.lowerBound) { return nil }
            return cardinal(at: i)
        }
        let isWord = s & Self.word != 0
        // A word unknown to the vocabulary and without a capital starts no pattern.
        if isWord, t.exact < 0, t.folded < 0, s & Self.capital == 0 { return nil }
        let fx = t.fx, ff = t.ff
        var best: EntityMention?
        if s & Self.slashDigit != 0 || ff.contains(.resolution) || fx.contains(.article) { best = law(at: i) }
        if !isWord || s & Self.allCaps != 0 || ff.contains(.a) || ff.contains(.numberWord) {
            if fx.contains(.currencySymbol) || fx.contains(.currencyCode) || s & Self.number != 0 && (!checkFirst || currencyMayFollowAmount(at: i)),
               let m = money(at: i), m.end > best?.end ?? Int.min { best = m }
            if fo(i + 1).contains(.percentStart), let m = percent(at: i), m.end > best?.end ?? Int.min { best = m }
        }
        if s & Self.capital != 0 || t.exact >= 0 {
            if s & Self.shortFormStart != 0, let m = acronym(at: i), m.end > best?.end ?? Int.min { best = m }
            if s & Self.capital != 0 || fx.contains(.gazetteerStart), !checkFirst || (nameMay == .unknown ? nameMayStart(at: i) : nameMay == .nameMayYes), let m = name(at: i), m.end > best?.end ?? Int.min { best = m }
            if fx.contains(.firstName) || s & Self.capital != 0 && fx.contains(.titleStart), let m = person(at: i), m.end > best?.end ?? Int.min { best = m }
            // The Bloom test before the call (which repeats it): most capitalised words are no known surname.
            if surnameBloom != 0, s & (Self.capital | Self.word) == Self.capital | Self.word, surnameBloom & Self.bloomBit(surnameKey(i)) != 0,
               let m = surname(at: i), m.end > best?.end ?? Int.min { best = m }
            if s & (Self.capital | Self.word) == Self.capital | Self.word, i >= 2, fx.isDisjoint(with: [.firstName, .titleStart]), info[i - 2].ff.contains(.roleVerb),
               let m = agentPerson(at: i), m.end > best?.end ?? Int.min { best = m }
            // Names no list knows, told by their context (`EntityPersonCues.swift`): another capitalised
            // word must follow on the line, and the word must be unknown or a given name.
            if s & (Self.capital | Self.word | Self.allCaps) == Self.capital | Self.word, t.exact < 0 && t.folded < 0 || fx.contains(.firstName),
               isCapWord(i + 1), info[i + 1].shape & Self.lineStart == 0, let m = contextPerson(at: i), m.end > best?.end ?? Int.min { best = m }
        }
        if ff.contains(.the), let m = reference(at: i), m.end > best?.end ?? Int.min { best = m }
        if best == nil, s & Self.number != 0 || isWord && !ff.isDisjoint(with: [.a, .numberWord]) { best = cardinal(at: i) }
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
            // A country that begins a currency's name (`in US dollars`) is part of that name, no place.
            if !(e.kind == .gpe && fo(i).contains(.currencyWordStart)
                 && cue(lex.currencyWordRoot, at: i, fold: true, start: .currencyWordStart).map({ $0.end > g.end }) == true) {
                m = EntityMention(kind: e.kind, start: i, end: g.end, norm: .entry(Int32(g.entry)), source: .gazetteer(g.entry))
            }
        }
        if let ph = phrase(at: i), ph.end > (m?.end ?? i) {
            var norm = text(i, ph.end)
            if let c = ph.chunk, lex.entries[c.entry].kind == .org, lex.entries[c.entry].normalized != text(i, c.end) {
                norm = lex.entries[c.entry].normalized + " " + text(c.end, ph.end)
            }
            m = EntityMention(kind: ph.kind, start: i, end: ph.end, norm: built(norm), source: .pattern)
        }
        // `placeName` finds nothing unless a capitalised word follows on the line or the word is a place
        // head (`Bay of Biscay`): tested here, before the call (most candidates are neither).
        if capWordOnLine(i + 1) || ex(i).contains(.locHead), let end = placeName(at: i), end > (m?.end ?? i) {
            m = EntityMention(kind: .loc, start: i, end: end, norm: built(text(i, end)), source: .pattern)
        }
        if let org = m, org.kind == .org, let r = resolutionNumber(at: org.end) {
            let num = text(org.end + 1)
            var norm = text(i, r)
            if toks[org.end + 1].kind == .word {
                norm = num
            } else if let o = normalized(org.norm), o == "United Nations General Assembly" || o == "General Assembly", num.utf8.contains(0x2F) {
                // `session/number` is the UN General Assembly's numbering: a bare `General Assembly` with it is the UN's.
                norm = "A/RES/" + num
            } else if normalized(org.norm) == "United Nations Security Council", !num.utf8.contains(0x2F) {
                norm = "S/RES/" + num
            }
            return EntityMention(kind: .law, start: i, end: r, norm: built(norm), source: .pattern)
        }
        return m
    }

    /// Whether `name(at:)` may find a name at `i`: a gazetteer name, or a word that `phrase(at:)` does
    /// not reject with its first tests (repeated here; most capitalised words are no name, and the two
    /// calls cost more than the tests).
    @inline(__always) mutating func nameMayStart(at i: Int) -> Bool {
        if gazetteer(i) != nil { return true }
        guard isCapWord(i), !ex(i).contains(.noStart) else { return false }
        if isInitial(i), !ex(i).contains(.nameWord), !isCapWord(i + 1), !headBeforeComplement(i) { return false }
        // Without a gazetteer name at `i` a one-word phrase is none (no head, or a bare head): the next
        // token must let `phrase`'s loop go on (its tests, loosened), on the same line.
        let k = i + 1
        guard k < n, info[k].shape & Self.lineStart == 0 else { return false }
        return isCapWord(k) || fo(k).contains(.connector) || ex(k).contains(.possessive) || isPunct(k, 0x2F)
            || isJoiningDash(k) && isCapWord(k + 1)
    }

    /// A capitalised phrase headed by an organisation / law / event noun (see the type comment).
    mutating func phrase(at i: Int) -> Phrase? {
        guard isCapWord(i), !ex(i).contains(.noStart) else { return nil }
        let startChunk = gazetteer(i)
        if isInitial(i), startChunk == nil, !ex(i).contains(.nameWord), !isCapWord(i + 1), !headBeforeComplement(i) { return nil }
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
            if j > i, info[j].shape & Self.lineStart != 0 { break }  // names do not run across lines
            if isCapWord(j) {
                // A word that starts no name may still complete one (`Assembly of Members`).
                if ex(j).contains(.noStart), !inComplement { break }
                if j > i, let c = gazetteer(j), c.end > j + 1 || lex.entries[c.entry].kind != .org || inComplement {
                    if inComplement {
                        headEnd = c.end
                    } else if lex.entries[c.entry].kind == .org, isJoiningDash(j - 1) {
                        // `Andean–Caribbean Development Bank`: joined to the word before, a known
                        // organisation's name is part of a longer one, headed by its head.
                        headEnd = c.end
                        headIdx = c.end - 1
                        headKind = .org
                        trailing = false
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
                    // A head right before another head is a modifier of it (`Programme Committee`,
                    // `Cooperation Agreement`), as any other capitalised word.
                    if headIdx >= 0, !trailing, headIdx == j - 1 {
                        modifiers += 1
                        if !ex(headIdx).contains(.generic) { genericOnly = false }
                    }
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
            if j > i, isPunct(j, 0x2F) || isJoiningDash(j), isCapWord(j + 1) {
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
            if modifiers == 1 && ex(headIdx).contains(.weakHead) { return nil }  // `Scientific Cooperation`
            // A bare plural names a kind of body, not one (`Liaison Organizations`, a heading); names
            // with a plural head have a complement (`Federation of Fishing Organizations`).
            if ex(headIdx).contains(.plural) { return nil }
        }
        return Phrase(end: headEnd, kind: headKind, chunk: chunk)
    }

    /// A named water body or landform: capitalised words before a place head noun (`Irminger Sea`, `Congo
    /// Basin`), or a place head, `of` and a name (`Bay of Biscay`). Its end, else nil. Not when more
    /// capitalised words follow (`North Sea Fisheries Council` is a name of something else), nor after a
    /// given name (`Karin Lake`).
    @inline(never) mutating func placeName(at i: Int) -> Int? {
        let f = ex(i)
        guard isCapWord(i), !isAllCaps(i), f.isDisjoint(with: [.noStart, .firstName, .orgHead, .lawHead, .eventHead]) else { return nil }
        // `Lake Tanganyika`, `Mount Kenya`, `Cape Horn`: a head before one or two name words, nothing
        // capitalised after them on the line (`Lake Tanganyika Basin Authority` is another name).
        if isPrefixPlaceHead(i), capWordOnLine(i + 1), !EntityLexicon.equal(p, toks[i + 1].range, "of") {
            var j = i + 1
            while j < i + 3, capWordOnLine(j), ex(j).isDisjoint(with: [.noStart, .orgHead, .lawHead, .eventHead, .locHead]) { j += 1 }
            return j > i + 1 && !capWordOnLine(j) ? j : nil
        }
        if f.contains(.locHead) {
            guard i + 2 < n, EntityLexicon.equal(p, toks[i + 1].range, "of"), isCapWord(i + 2), info[i + 2].shape & Self.lineStart == 0 else { return nil }
            var j = i + 2
            while j < n, j < i + 5, isCapWord(j), info[j].shape & Self.lineStart == 0,
                  ex(j).isDisjoint(with: [.noStart, .orgHead, .lawHead, .eventHead, .locHead]) {
                j += 1
            }
            return j > i + 2 && !capWordOnLine(j) ? j : nil
        }
        var j = i + 1
        while j < n, j < i + 4, isCapWord(j), info[j].shape & Self.lineStart == 0 {
            let g = ex(j)
            if g.contains(.locHead) { return capWordOnLine(j + 1) ? nil : j + 1 }
            if !g.isDisjoint(with: [.noStart, .orgHead, .lawHead, .eventHead]) { return nil }
            j += 1
        }
        return nil
    }

    /// `Lake`, `Mount`, `Cape`: heads that come before a place's name.
    @inline(__always) func isPrefixPlaceHead(_ i: Int) -> Bool {
        let r = toks[i].range
        return EntityLexicon.equal(p, r, "Lake") || EntityLexicon.equal(p, r, "Mount") || EntityLexicon.equal(p, r, "Cape")
    }

    /// A capitalised word at `j` that continues the line (a name ending before the next line's first
    /// word is not part of a longer run: a heading's last word, then `The …`).
    @inline(__always) func capWordOnLine(_ j: Int) -> Bool {
        j < n && isCapWord(j) && info[j].shape & Self.lineStart == 0
    }

    /// Whether the capitalised words from `k` (up to the next connector or the end of the line) hold a
    /// head noun: `… and the World Health Organization` coordinates two names rather than continuing one.
    /// A heading's last word is followed by the next line's first words, which belong to no conjunct.
    mutating func conjunctHasHead(_ k: Int) -> Bool {
        var j = k
        while j < n, j < k + 8, isCapWord(j), j == k || info[j].shape & Self.lineStart == 0 {
            if let c = gazetteer(j), lex.entries[c.entry].kind == .org { return true }
            if ex(j).contains(.orgHead) || ex(j).contains(.lawHead) || ex(j).contains(.eventHead) { return true }
            j += 1
        }
        return false
    }

    // MARK: - LAW

    /// `resolution 2758`, `resolution A/RES/47/4` at `i`: the end, else nil.
    @inline(__always) func resolutionNumber(at i: Int) -> Int? {
        guard i + 1 < n, fo(i).contains(.resolution) else { return nil }
        let k = toks[i + 1].kind
        if k == .number && EntityNumberText.isPlain(p, toks[i + 1].range) || k == .number && p[toks[i + 1].range.lowerBound] != 0x30 {
            return i + 2
        }
        if k == .word, isDocumentSymbol(i + 1) { return i + 2 }
        return nil
    }

    /// `A/RES/47/4`, `S/RES/1325 (2000)`: an upper-case start, a slash and a digit.
    @inline(__always) func isDocumentSymbol(_ i: Int) -> Bool {
        toks[i].kind == .word && info[i].shape & (Self.capital | Self.slashDigit) == Self.capital | Self.slashDigit
    }

    mutating func law(at i: Int) -> EntityMention? {
        if isDocumentSymbol(i) {
            return EntityMention(kind: .law, start: i, end: i + 1, norm: built(text(i)), source: .pattern)
        }
        if let e = resolutionNumber(at: i) {
            let norm = toks[i + 1].kind == .word ? text(i + 1) : text(i, e)
            return EntityMention(kind: .law, start: i, end: e, norm: built(norm), source: .pattern)
        }
        if ex(i).contains(.article), i + 1 < n, toks[i + 1].kind == .number {
            return EntityMention(kind: .law, start: i, end: i + 2, norm: built(text(i, i + 2)), source: .pattern)
        }
        return nil
    }

    // MARK: - MONEY, PERCENT, CARDINAL

    /// A plain numeral at `i` and the scale word after it: (power, end). Its digits are read from the
    /// token (`EntityNumberText.shift`) only for an emitted entity.
    @inline(__always) func amount(at i: Int) -> (pow: Int, end: Int)? {
        guard i < n, toks[i].kind == .number, EntityNumberText.isPlain(p, toks[i].range) else { return nil }
        if i + 1 < n, fo(i + 1).contains(.scale), toks[i + 1].kind == .word {
            return (lex.value(info[i + 1].folded), i + 2)
        }
        return (0, i + 1)
    }

    /// Whether a currency word or code may follow the number at `i` (after its scale word): else
    /// `money(at:)` returns nil for a number without a currency flag (its own test, on the flags alone).
    /// Most numbers are no amount, and the call costs more than the test.
    @inline(__always) func currencyMayFollowAmount(at i: Int) -> Bool {
        let e0 = i + 1 < n && fo(i + 1).contains(.scale) && toks[i + 1].kind == .word ? i + 2 : i + 1
        return fo(e0).contains(.currencyWordStart) || ex(e0).contains(.currencyCode)
    }

    mutating func money(at i: Int) -> EntityMention? {
        let f = ex(i)
        if f.contains(.currencySymbol) || (f.contains(.currencyCode) && isAllCaps(i)) {
            guard let code = lex.currency[info[i].exact], let (pow, e) = amount(at: i + 1) else { return nil }
            return EntityMention(kind: .money, start: i, end: e, norm: built(EntityNumberText.shift(p, toks[i + 1].range, by: pow) + " " + code), source: .pattern)
        }
        // Cheap test for a currency word or code after the amount before building its digits.
        guard i < n, toks[i].kind == .number else { return nil }
        let e0 = i + 1 < n && fo(i + 1).contains(.scale) && toks[i + 1].kind == .word ? i + 2 : i + 1
        if cue(lex.currencyWordRoot, at: e0, fold: true, start: .currencyWordStart) == nil,
           !(e0 < n && ex(e0).contains(.currencyCode) && isAllCaps(e0) && lex.currency[info[e0].exact] != nil) { return nil }
        if let (pow, e) = amount(at: i) {
            if let c = cue(lex.currencyWordRoot, at: e, fold: true, start: .currencyWordStart) {
                return EntityMention(kind: .money, start: i, end: c.end, norm: built(EntityNumberText.shift(p, toks[i].range, by: pow) + " " + lex.cueValues[c.value]), source: .pattern)
            }
            if e < n, ex(e).contains(.currencyCode), isAllCaps(e), let code = lex.currency[info[e].exact] {
                return EntityMention(kind: .money, start: i, end: e + 1, norm: built(EntityNumberText.shift(p, toks[i].range, by: pow) + " " + code), source: .pattern)
            }
        }
        return nil
    }

    mutating func percent(at i: Int) -> EntityMention? {
        let e = i + 1
        guard let c = cue(lex.percentRoot, at: e, fold: true, start: .percentStart) else { return nil }
        let value: String
        if toks[i].kind == .number {
            guard EntityNumberText.isPlain(p, toks[i].range) else { return nil }
            value = EntityNumberText.shift(p, toks[i].range, by: -2)
        } else if fo(i).contains(.numberWord) {
            value = EntityNumberText.shift(String(lex.value(info[i].folded)), by: -2)
        } else {
            return nil
        }
        return EntityMention(kind: .percent, start: i, end: c.end, norm: built(value), source: .pattern)
    }

    /// Whether byte `a` lies in one of the document's DATE or TIME expressions (false without the date
    /// layer). Asked in text order: it moves `dateCursor` on.
    @inline(__always) mutating func inDateSpan(_ a: Int) -> Bool {
        guard let spans = dateSpans else { return false }
        while dateCursor < spans.count, spans[dateCursor].upperBound <= a { dateCursor += 1 }
        return dateCursor < spans.count && spans[dateCursor].lowerBound <= a
    }

    mutating func cardinal(at i: Int) -> EntityMention? {
        let t = toks[i]
        if inDateSpan(t.range.lowerBound) { return nil }  // the date tagger's
        if t.kind == .number {
            guard let (pow, e) = amount(at: i) else { return nil }
            if dateSpans == nil, pow == 0, t.range.count == 4, let v = EntityNumberText.smallInteger(p, t.range, maxDigits: 4), (1000...2100).contains(v) {
                let prevCue = i > 0 && fo(i - 1).contains(.yearCue)
                let nounAfter = isLowerWord(i + 1) && !fo(i + 1).contains(.yearCue)
                if prevCue || !nounAfter { return nil }  // a year: the date tagger's
            }
            // A minus sign glued to the number and apart from what precedes it (`from −270 °C`), as the
            // quantity extractor reads it.
            if i > 0, toks[i - 1].range.upperBound == t.range.lowerBound, isMinusSign(i - 1), mentions.last.map({ $0.end <= i - 1 }) ?? true,
               i == 1 || toks[i - 2].range.upperBound < toks[i - 1].range.lowerBound && toks[i - 2].kind != .number {
                return EntityMention(kind: .cardinal, start: i - 1, end: e, norm: built("-" + EntityNumberText.shift(p, t.range, by: pow)), source: .pattern)
            }
            return EntityMention(kind: .cardinal, start: i, end: e, norm: built(EntityNumberText.shift(p, t.range, by: pow)), source: .pattern)
        }
        guard t.kind == .word else { return nil }
        let f = fo(i)
        if f.contains(.a), i + 1 < n, fo(i + 1).contains(.scale) || fo(i + 1).contains(.numberWord) && lex.value(info[i + 1].folded) >= 12 {
            let v = fo(i + 1).contains(.scale) ? EntityNumberText.shift("1", by: lex.value(info[i + 1].folded)) : String(lex.value(info[i + 1].folded))
            return EntityMention(kind: .cardinal, start: i, end: i + 2, norm: built(v), source: .pattern)
        }
        if f.contains(.numberWord) {
            let v = lex.value(info[i].folded)
            if i + 1 < n, fo(i + 1).contains(.scale) {
                return EntityMention(kind: .cardinal, start: i, end: i + 2, norm: built(EntityNumberText.shift(String(v), by: lex.value(info[i + 1].folded))), source: .pattern)
            }
            if v == 1 { return nil }  // `one of the`, `no one`
            return EntityMention(kind: .cardinal, start: i, end: i + 1, norm: built(String(v)), source: .pattern)
        }
        return nil
    }

    // MARK: - PERSON

    mutating func person(at i: Int) -> EntityMention? {
        var nameStart = -1
        if info[i].shape & Self.capital != 0, let t = cue(lex.titleRoot, at: i, fold: false, start: .titleStart) {
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
                // A title word is no name: `Deputy Director-General` names nobody (the title after the
                // title starts its own match at the next token).
                if !f.intersection([.orgHead, .lawHead, .eventHead, .noStart, .titleStart]).isEmpty { break }
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
        return EntityMention(kind: .person, start: nameStart, end: end, norm: built(text(nameStart, end)), source: .pattern)
    }

    /// `chaired by Jiří Dvořák`: after a verb of leading and `by`, two or three capitalised words that
    /// no list knows (or given names) and no capitalised word after them. A known word (`led by Regional
    /// Directors`) or a longer capitalised run (`founded by New Zealand Fisheries Council`) is no person.
    @inline(never) mutating func agentPerson(at i: Int) -> EntityMention? {
        guard EntityLexicon.equal(p, toks[i - 1].range, "by") else { return nil }
        var j = i
        while j < n, j - i < 3, isCapWord(j), !isAllCaps(j), info[j].exact < 0 && info[j].folded < 0 || ex(j).contains(.firstName) {
            j += 1
        }
        guard j - i >= 2, !isCapWord(j), !(j < n && isPunct(j, 0x2E) && toks[j - 1].range.count == 1) else { return nil }
        return EntityMention(kind: .person, start: i, end: j, norm: built(text(i, j)), source: .pattern)
    }

    /// Inlined: `best` calls it for every capitalised word once a surname is known.
    @inline(__always) mutating func surname(at i: Int) -> EntityMention? {
        guard !surnames.isEmpty, isCapWord(i) else { return nil }
        let key = surnameKey(i)
        guard surnameBloom & Self.bloomBit(key) != 0, let first = surnames.get(key) else { return nil }
        // Given names right before it (`Anders Jonas Ångström` after `Karin Ångström`): another person
        // of that surname, named in full. Not a sentence-initial word (`Later Varga left`).
        var k = i
        let floor = max(mentions.last?.end ?? 0, i - 3)
        // Only words that may be names (`isNameCandidateWord`): not `January` in `On 15 January Kolchak`.
        while k > floor, info[k].shape & Self.lineStart == 0, isNameCandidateWord(k - 1), info[k - 1].shape & Self.initial == 0,
              toks[k - 1].range.upperBound < toks[k].range.lowerBound {
            k -= 1
        }
        if k < i {
            return EntityMention(kind: .person, start: k, end: i + 1, norm: built(text(k, i + 1)), source: .pattern)
        }
        return EntityMention(kind: .person, start: i, end: i + 1, norm: mentions[first].norm, source: .surname(first))
    }

    // MARK: - Acronyms and references

    mutating func acronym(at i: Int) -> EntityMention? {
        guard info[i].shape & Self.shortFormStart != 0, info[i].shape & Self.capital != 0 || toks[i].kind == .number else { return nil }
        guard let g = shortFormGroup(at: i) else { return nil }
        var best: (Int, Int)?
        for (words, k) in shortFormCands[g] {
            var ok = i + words.count <= n
            var j = 1
            while ok, j < words.count {
                if !tokenEquals(i + j, words[j]) { ok = false }
                j += 1
            }
            if ok, best == nil || i + words.count > best!.0 { best = (i + words.count, k) }
        }
        guard let (e, k) = best else { return nil }
        // The nearest definition before this mention, else the first.
        var def = k
        let at = toks[i].range.lowerBound
        for idx in shortFormMembers[shortFormGroup[k]] where acronymStart[idx] <= at {
            if acronymStart[def] > at || acronymStart[idx] >= acronymStart[def] { def = idx }
        }
        var fallback: Int?
        if let g = lexGazetteerEntry(i), g.end == e { fallback = g.entry }
        return EntityMention(kind: .org, start: i, end: e, norm: .none, source: .acronym(def, fallback: fallback))
    }

    /// The short-form group whose first token equals (as a `String`) token `i`, if any.
    @inline(__always) func shortFormGroup(at i: Int) -> Int? {
        let r = toks[i].range
        var link = shortFormLinkOfHash.get(EntityVocab.hash(p, r, fold: false).0) ?? -1
        while link >= 0 {
            let g = shortFormLinks[link].group
            if tokenEquals(i, shortFormKeys[g]) { return g }
            link = shortFormLinks[link].next
        }
        // An equal token has the hash of its group's key unless the two differ in bytes, which
        // canonical equivalence allows only where some byte is non-ASCII.
        if shortFormKeysASCII, isASCII(r) { return nil }
        return shortFormGroupOfKey[text(i)]
    }

    /// Whether token `i` equals `bytes` as a `String` would compare them (canonical equivalence):
    /// equal bytes are equal, and ASCII text is equal only to the same bytes.
    @inline(__always) func tokenEquals(_ i: Int, _ bytes: [UInt8]) -> Bool {
        let r = toks[i].range
        if r.count == bytes.count, bytes.indices.allSatisfy({ p[r.lowerBound + $0] == bytes[$0] }) { return true }
        if isASCII(r) && Self.isASCII(bytes) { return false }
        return text(i) == String(decoding: bytes, as: UTF8.self)
    }

    func isASCII(_ r: Range<Int>) -> Bool { r.allSatisfy { p[$0] < 0x80 } }
    static func isASCII(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 < 0x80 } }

    @inline(__always) func lexGazetteerEntry(_ i: Int) -> (end: Int, entry: Int)? {
        var node = lex.gazetteerRoot
        var j = i
        var best: (Int, Int)?
        while j < n, j - i < lex.maxNameLength, info[j].exact >= 0, let c = lex.trie.child(node, info[j].exact) {
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
        let capital = info[h].shape & Self.capital != 0
        guard capital ? f.contains(.refHead) : f.contains(.refHeadLower) else { return nil }
        if isCapWord(h + 1) || fo(h + 1).contains(.connector) && !fo(h + 1).contains(.and) { return nil }
        if capital, phrase(at: h) != nil || gazetteer(h) != nil { return nil }
        // Every refHead / refHeadLower word has a head key; none holds an apostrophe, so the token's text
        // is the vocabulary word's.
        return EntityMention(kind: .org, start: h, end: h + 1, norm: .none, source: .reference(lex.headKeyOfWord[Int(info[h].exact)]))
    }
}

/// A small set of 64-bit hashes (open addressing, linear probing), built once per document: a lookup
/// per token costs a load and a compare, where `Set<UInt64>` would hash with SipHash.
struct HashSet64 {
    private var slots: [UInt64]
    private let mask: Int
    /// Whether 0, the empty-slot marker, is a member.
    private var hasZero = false

    init(_ values: [UInt64]) {
        var size = 8
        while size < values.count * 4 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for v in values {
            if v == 0 { hasZero = true; continue }
            var i = Int(truncatingIfNeeded: v) & mask
            while slots[i] != 0 && slots[i] != v { i = (i + 1) & mask }
            slots[i] = v
        }
    }

    @inline(__always) func contains(_ v: UInt64) -> Bool {
        if v == 0 { return hasZero }
        var i = Int(truncatingIfNeeded: v) & mask
        while true {
            let x = slots[i]
            if x == v { return true }
            if x == 0 { return false }
            i = (i + 1) & mask
        }
    }
}
