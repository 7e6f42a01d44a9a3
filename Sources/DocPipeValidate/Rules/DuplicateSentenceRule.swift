import DocPipeCore

/// The same sentence stated twice in one document.
struct DuplicateSentenceRule: Rule {
    static let description = RuleDescription(
        id: "duplicate-sentence",
        defaultSeverity: .warning,
        summary: "The same sentence is repeated in the document.",
        details: """
        Scrapers and templated pages repeat boilerplate. Sentences are compared after folding case, \
        whitespace and quote styles; the later occurrence is reported with the first as related \
        location. Headings and short list items are not sentences for this rule, and sentences of \
        fewer than four words ("See below.") are ignored.
        """,
        triggering: [
            "Members\n\nSeveral hold observer status. Others are full members.\n\nPartners\n\n↓Several hold observer status.\n",
            "The fund opened in 1990. It grew quickly.\n↓The fund “opened” in 1990. ↓The  FUND opened in 1990.\n",
        ],
        nonTriggering: [
            "The fund opened in 1990. The bank opened in 1990.\n",
            "Members\n\nSee below.\n\nPartners\n\nSee below.\n",
            "Members\n\nMember States\n\nObservers\n\nMember States stay listed here in full.\n",
        ]
    )

    func check(_ document: Document) -> [Diagnostic] {
        let text = document.text
        // Sentences that are whole headings or list items are labels, not statements.
        // The ranges gathered in a plain loop: copying a lazy filtered view went element by element
        // through the generic sequence copy.
        var labelRanges: [Range<Int>] = []
        labelRanges.reserveCapacity(document.blocks.count)
        for block in document.blocks where block.kind != .paragraph { labelRanges.append(block.range) }
        var labels = Labels(labelRanges)
        var out: [Diagnostic] = []
        let sentences = document.sentences
        _ = text.utf8.withContiguousStorageIfAvailable { p in
            // A sentence whose signature no other sentence shares can neither repeat an earlier one nor
            // be repeated: only the others are hashed, and the signature costs a fraction of the hash.
            // Labels get `.max`, which no signature is.
            var signatures: [UInt64] = filledArray(sentences.count, byte: 0xFF)
            var shared = SignatureCounts(capacity: sentences.count)
            // In place: a write to the array checked its uniqueness (a runtime call) every time.
            signatures.withUnsafeMutableBufferPointer { signatures in
                sentences.withUnsafeBufferPointer { sentences in
                    for k in sentences.indices where !labels.contains(sentences[k].range) {
                        let signature = Self.signature(p, sentences[k].range)
                        signatures[k] = signature
                        shared.add(signature)
                    }
                }
            }
            // The sentences to hash, in order: few, so the table of first occurrences is sized for
            // them rather than for every sentence (clearing a table of every sentence's size cost more
            // than filling it).
            var repeated: [Int] = []
            for k in sentences.indices where signatures[k] != .max && shared.count(signatures[k]) > 1 { repeated.append(k) }
            var firsts = FirstOccurrences(capacity: repeated.count)
            var scratchA: [UInt8] = [], scratchB: [UInt8] = []
            for k in repeated {
                let s = sentences[k]
                guard let h = Self.hash(p, s.range) else { continue }
                let earlier = firsts.insert(s.range, hash: h) { a, b in
                    // Repeats are mostly byte for byte: equal bytes fold alike, so only differing
                    // sentences are folded.
                    if sameBytes(p, a, b) { return true }
                    Self.fold(p, a, into: &scratchA)
                    Self.fold(p, b, into: &scratchB)
                    return scratchA == scratchB
                }
                if let earlier {
                    var m = MessageBytes(capacity: 40 + s.range.count)
                    m.append("sentence repeated from line ")
                    m.append(rawLine(document, of: earlier))
                    m.append(": '")
                    m.append(slice: s.range, of: text, p)
                    m.append("'")
                    out.append(diagnostic(m.string, at: s.range, related: [.init(range: earlier, message: "first stated here")]))
                }
            }
        }
        return out
    }

    /// The first sentence of each distinct folded text: open addressing on the 64-bit hash of the
    /// fold. Equal hashes are confirmed with `same`, so a hash collision never merges two different
    /// sentences; colliding ones sit in later slots of the probe sequence.
    struct FirstOccurrences {
        private var hashes: [UInt64]
        private var ranges: [Range<Int>?]
        private let mask: Int

        init(capacity: Int) {
            var n = 16
            while n < capacity * 2 { n <<= 1 }
            hashes = filledArray(n, byte: 0)
            ranges = [Range<Int>?](repeating: nil, count: n)
            mask = n - 1
        }

        /// The earlier range whose text is the same as `range`'s, or nil after recording `range` as
        /// the first of its text.
        mutating func insert(_ range: Range<Int>, hash: UInt64, same: (Range<Int>, Range<Int>) -> Bool) -> Range<Int>? {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while let earlier = ranges[slot] {
                if hashes[slot] == hash && same(earlier, range) { return earlier }
                slot = (slot + 1) & mask
            }
            hashes[slot] = hash
            ranges[slot] = range
            return nil
        }
    }

    /// The ranges of headings and list items, sorted so that each sentence is looked up by a search
    /// instead of hashing its range.
    struct Labels {
        private let ranges: [Range<Int>]
        /// Sentences come in text order: a search starts where the last one ended, and a few steps
        /// forward usually find the place. The ranges before `cursor` start before `lastStart`.
        private var cursor = 0, lastStart = Int.min

        init<S: Sequence<Range<Int>>>(_ ranges: S) {
            let list = Array(ranges)
            // Blocks come in text order: already sorted, the list is kept as it is (a sort would only
            // copy it; it is stable, so it would give the same order).
            let sorted = list.indices.dropFirst().allSatisfy {
                (list[$0 - 1].lowerBound, list[$0 - 1].upperBound) <= (list[$0].lowerBound, list[$0].upperBound)
            }
            self.ranges = sorted ? list : list.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        }

        /// Whether `r` is one of the ranges.
        mutating func contains(_ r: Range<Int>) -> Bool {
            var lo = r.lowerBound >= lastStart ? cursor : 0, hi = ranges.count
            var steps = 0
            while lo < hi && steps < 8 && ranges[lo].lowerBound < r.lowerBound { lo += 1; steps += 1 }
            if lo < hi && ranges[lo].lowerBound < r.lowerBound {
                while lo < hi { let mid = (lo + hi) / 2; if ranges[mid].lowerBound < r.lowerBound { lo = mid + 1 } else { hi = mid } }
            }
            cursor = lo
            lastStart = r.lowerBound
            while lo < ranges.count, ranges[lo].lowerBound == r.lowerBound {
                if ranges[lo].upperBound == r.upperBound { return true }
                lo += 1
            }
            return false
        }
    }

    /// How many sentences have each signature: open addressing on the signature.
    struct SignatureCounts {
        /// Signature + 1 (no signature is `.max`); 0 marks an empty slot.
        private var keys: [UInt64]
        private var counts: [Int32]
        private let mask: Int

        init(capacity: Int) {
            // At most two thirds full: probes stay short, and the table to clear is smaller than at half.
            var n = 16
            while n < capacity + capacity / 2 { n <<= 1 }
            keys = filledArray(n, byte: 0)
            counts = filledArray(n, byte: 0)
            mask = n - 1
        }

        private func slot(_ signature: UInt64) -> Int {
            var slot = Int(truncatingIfNeeded: (signature &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while keys[slot] != 0 && keys[slot] != signature &+ 1 { slot = (slot + 1) & mask }
            return slot
        }

        mutating func add(_ signature: UInt64) {
            let s = slot(signature)
            keys[s] = signature &+ 1
            counts[s] += 1
        }

        func count(_ signature: UInt64) -> Int { Int(counts[slot(signature)]) }
    }

    /// The number of the bytes 0x28...0x7F of the fold and the sum of those bytes with bit 5 set.
    /// `fold` keeps every such byte of the sentence, lowering A...Z (setting their bit 5, which keeps
    /// them in the range), and drops or inserts only bytes outside it (white space, quotes, the spaces
    /// between words): so equal folds have equal signatures. Eight bytes at a time, with no packing
    /// of the folded bytes and no per-byte tests; the last few bytes as one more word.
    static func signature(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lanes: UInt64 = 0x00FF_00FF_00FF_00FF
        var count = 0, sum = 0
        var i = r.lowerBound
        let end = r.upperBound
        // Per word: 0x01 in each kept byte (ASCII and at least 0x28; no carries: each sum stays
        // below 0x100), and the kept bytes with bit 5 set.
        @inline(__always) func kept(_ w: UInt64) -> (ones: UInt64, bytes: UInt64) {
            let k = (((w & ~highs) &+ 0x58 &* ones) & ~w & highs) >> 7
            return (k, (w | 0x20 &* ones) & (k &* 0xFF))
        }
        // The base address unwrapped once, not at every load; a buffer without one is empty.
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i &+ 8 <= end {
                // Lane sums added up once per block of at most 31 words, not once per word: a byte
                // lane of `counts` reaches at most 31, so the eight add up to at most 248 (below 256),
                // and a 16-bit lane of `pairs` at most 31 · 510, so the four at most 63,240 (below 65,536).
                var counts: UInt64 = 0, pairs: UInt64 = 0
                // A count of words, not a bound to compare with: its setup is one subtraction.
                var words = min((end &- i) >> 3, 31)
                repeat {
                    let (k, v) = kept(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    counts &+= k
                    pairs &+= (v & lanes) &+ ((v >> 8) & lanes)
                    i &+= 8
                    words &-= 1
                } while words > 0
                count &+= Int(truncatingIfNeeded: (counts &* ones) >> 56)
                sum &+= Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
            }
            // The last 1...7 bytes: the word that ends with them, the bytes before them shifted out
            // (the zeros shifted in are never kept).
            if i < end && end >= 8 {
                let w = raw.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self) >> UInt64(truncatingIfNeeded: (8 &- (end &- i)) &* 8)
                let (k, v) = kept(w)
                count &+= Int(truncatingIfNeeded: (k &* ones) >> 56)
                let pairs = (v & lanes) &+ ((v >> 8) & lanes)
                sum &+= Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
                i = end
            }
        }
        while i < end {
            let b = p[i]
            if b >= 0x28 && b < 0x80 {
                count &+= 1
                sum &+= Int(b | 0x20)
            }
            i += 1
        }
        return UInt64(truncatingIfNeeded: count) << 32 | UInt64(truncatingIfNeeded: sum) & 0xFFFF_FFFF
    }

    /// A 64-bit hash of the sentence folded as `fold` folds it, without building the folded bytes;
    /// nil for sentences of fewer than four words, which repeat innocently. Only a function of the
    /// folded bytes, so equal folds hash equal; `check` confirms equal hashes on the bytes.
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt64? {
        // The folded bytes are packed little-endian into 64-bit words, each mixed into `h`: the hash
        // depends only on the folded byte sequence, however it was cut into runs.
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        var acc: UInt64 = 0, pending = 0, total = 0
        var words = 0, inWord = false
        var i = r.lowerBound
        let end = r.upperBound
        /// Appends the low `n` bytes of `c` (its other bytes zero) to the folded stream. Shift amounts
        /// stay below 64 (`pending` < 8), so wrapping shifts need no checks.
        @inline(__always) func emit(_ c: UInt64, _ n: Int) {
            acc |= c &<< UInt64(truncatingIfNeeded: pending &* 8)
            total &+= n
            let filled = pending &+ n
            if filled >= 8 {
                h = (h ^ acc) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                // The bytes of `c` that did not fit: shifted out by 64 - 8·pending bits, in two steps
                // so that pending = 0 leaves none.
                acc = (c &>> UInt64(truncatingIfNeeded: 63 &- pending &* 8)) &>> 1
                pending = filled &- 8
            } else {
                pending = filled
            }
        }
        @inline(__always) func startWord() {
            if !inWord { words &+= 1; if words > 1 { emit(0x20, 1) }; inWord = true }
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i < end {
            if i + 8 <= end {
                // Letters, digits and most punctuation (0x28...0x7F) fold alone, and a single space
                // between two of them folds to itself: take the run of such bytes at `i`, up to eight,
                // in one step, so that prose hashes eight bytes at a time across its spaces. Capitals
                // fold by adding 0x20 to A...Z. The run may start with a space only inside a word (the
                // space then separates it from the next), and never ends with one (the space after
                // it may be the first of several, or end the sentence).
                let w = UTF8Bytes.load(p, i)
                let spaces = UTF8Bytes.bytesEqual(w, 0x20)
                let special = (UTF8Bytes.bytesBelow(w, 0x28) & ~spaces) | (w & highs) | (spaces & spaces >> 8)
                var n = special.trailingZeroBitCount >> 3
                // Drop the trailing space of the run; with n = 8 only byte 7 can be one.
                if n > 0, (spaces &>> UInt64(truncatingIfNeeded: n &* 8 &- 8)) & 0x80 != 0 { n &-= 1 }
                if n > 0, inWord || spaces & 0x80 == 0 {
                    let run: UInt64 = ~0 &>> UInt64(truncatingIfNeeded: 64 &- n &* 8)
                    startWord()
                    // Words that start inside the run (a non-space byte after a space), counted only
                    // while it matters whether there are four.
                    if words < 4 { words &+= (~spaces & highs & spaces << 8 & run).nonzeroBitCount }
                    let capitals = (w &+ 0x3F &* ones) & ~(w &+ 0x25 &* ones) & highs
                    emit((w | capitals >> 2) & run, n)
                    i += n
                    continue
                }
            }
            let b = p[i]
            if b > 0x27 && b < 0x80 {
                startWord()
                emit(UInt64(b &- 0x41 < 26 ? b | 0x20 : b), 1)
                i += 1
                continue
            }
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { inWord = false; i += 1; continue }
            if b == 0x22 || b == 0x27 { i += 1; continue }
            if b == 0xE2, i + 2 < end, p[i + 1] == 0x80 {
                let c = p[i + 2]
                if c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D { i += 3; continue }
            }
            if b == 0xC2, i + 1 < end {
                let c = p[i + 1]
                if c == 0xAB || c == 0xBB { i += 2; continue }
                if c == 0xA0 { inWord = false; i += 2; continue }
            }
            startWord()
            emit(UInt64(b), 1)
            i += 1
        }
        guard words >= 4 else { return nil }
        h = (h ^ acc ^ UInt64(truncatingIfNeeded: total) << 56) &* 0xFF51_AFD7_ED55_8CCD
        return h ^ h >> 33
    }

    /// The sentence folded for comparison: ASCII case folded, runs of white space as one space, straight
    /// and curly quotes dropped.
    static func fold(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var inWord = false
        var i = r.lowerBound
        while i < r.upperBound {
            let b = p[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                inWord = false
                i += 1
                continue
            }
            // Quotes: " ' “ ” ‘ ’ « »
            if b == 0x22 || b == 0x27 { i += 1; continue }
            if b == 0xE2, i + 2 < r.upperBound, p[i + 1] == 0x80, p[i + 2] == 0x98 || p[i + 2] == 0x99 || p[i + 2] == 0x9C || p[i + 2] == 0x9D { i += 3; continue }
            if b == 0xC2, i + 1 < r.upperBound, p[i + 1] == 0xAB || p[i + 1] == 0xBB { i += 2; continue }
            if b == 0xC2, i + 1 < r.upperBound, p[i + 1] == 0xA0 { inWord = false; i += 2; continue }
            if !inWord {
                if !out.isEmpty { out.append(0x20) }
                inWord = true
            }
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            i += 1
        }
    }
}
