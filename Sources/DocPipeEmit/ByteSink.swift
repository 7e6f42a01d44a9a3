/// The bytes an emitter writes, appended through a raw pointer.
///
/// An emitter writes hundreds of small pieces per kilobyte of input; `Array.append` costs a call, a
/// uniqueness check and a capacity check per piece, this costs one compare. Writing starts in the
/// storage of the result array (reserved from the caller's estimate, so the usual case copies
/// nothing) and moves to a buffer of its own, grown by doubling, only when the estimate falls short.
struct ByteSink {
    private(set) var base: UnsafeMutablePointer<UInt8>
    /// Bytes written so far. Writers that store through `base` directly (after `reserve`) advance it.
    var count = 0
    private var capacity: Int
    /// Whether `base` is our own allocation (after outgrowing the result array's storage).
    private var owned = false

    private init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// Runs `body` on an empty sink and returns the bytes it wrote. `estimate` is the expected size:
    /// generous costs only address space, short costs one copy.
    static func collect(estimate: Int, _ body: (inout ByteSink) -> Void) -> [UInt8] {
        var spilled: (UnsafeMutablePointer<UInt8>, Int)? = nil
        let bytes = [UInt8](unsafeUninitializedCapacity: max(estimate, 64)) { buffer, initialized in
            var sink = ByteSink(base: buffer.baseAddress!, capacity: buffer.count)
            body(&sink)
            if sink.owned {
                spilled = (sink.base, sink.count)
                initialized = 0
            } else {
                initialized = sink.count
            }
        }
        guard let (p, n) = spilled else { return bytes }
        defer { p.deallocate() }
        return Array(UnsafeBufferPointer(start: p, count: n))
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if capacity &- count < n { grow(n) }
    }

    @inline(never)
    private mutating func grow(_ n: Int) {
        let newCapacity = max(capacity &* 2, count + n, 4096)
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        p.initialize(from: base, count: count)
        if owned { base.deallocate() }
        base = p
        capacity = newCapacity
        owned = true
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
        reserve(1)
        uncheckedByte(b)
    }

    @inline(__always)
    mutating func uncheckedByte(_ b: UInt8) {
        base[count] = b
        count &+= 1
    }

    @inline(__always)
    mutating func bytes(_ p: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        uncheckedBytes(p, n)
    }

    /// `bytes(_:_:)` without the capacity check: the caller reserved room (for a whole record at once).
    @inline(__always)
    mutating func uncheckedBytes(_ p: UnsafePointer<UInt8>, _ n: Int) {
        let o = UnsafeMutableRawPointer(base + count)
        let i = UnsafeRawPointer(p)
        // Most pieces are a few bytes: two overlapping word copies beat a call to memcpy.
        if n >= 8 && n <= 16 {
            let a = i.loadUnaligned(as: UInt64.self), b = i.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            o.storeBytes(of: a, as: UInt64.self)
            o.storeBytes(of: b, toByteOffset: n &- 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            let a = i.loadUnaligned(as: UInt32.self), b = i.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
            o.storeBytes(of: a, as: UInt32.self)
            o.storeBytes(of: b, toByteOffset: n &- 4, as: UInt32.self)
        } else if n < 4 {
            for k in 0..<n { o.storeBytes(of: i.load(fromByteOffset: k, as: UInt8.self), toByteOffset: k, as: UInt8.self) }
        } else if n <= 32 {
            // Names and short slices: four overlapping word copies (17...32 bytes) beat a call to memcpy too.
            let a = i.loadUnaligned(as: UInt64.self), b = i.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let c = i.loadUnaligned(fromByteOffset: n &- 16, as: UInt64.self), d = i.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            o.storeBytes(of: a, as: UInt64.self)
            o.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
            o.storeBytes(of: c, toByteOffset: n &- 16, as: UInt64.self)
            o.storeBytes(of: d, toByteOffset: n &- 8, as: UInt64.self)
        } else {
            o.copyMemory(from: i, byteCount: n)
        }
        count &+= n
    }

    /// Bytes this sink wrote before (`range` within `0..<count`), written again.
    @inline(__always)
    mutating func copyWritten(_ range: Range<Int>) {
        reserve(range.count)  // first: growing moves the bytes
        uncheckedBytes(base + range.lowerBound, range.count)
    }

    @inline(__always)
    mutating func bytes(_ p: UnsafeBufferPointer<UInt8>) {
        if let a = p.baseAddress { bytes(a, p.count) }
    }

    @inline(__always)
    mutating func bytes(_ a: [UInt8]) {
        a.withUnsafeBufferPointer { bytes($0) }
    }

    /// A literal, written as is (the emitters' markup and keys).
    @inline(__always)
    mutating func raw(_ s: StaticString) {
        if s.hasPointerRepresentation {
            bytes(s.utf8Start, s.utf8CodeUnitCount)
        } else {
            s.withUTF8Buffer { bytes($0) }  // a one-scalar literal may be stored as the scalar
        }
    }

    /// `raw(_:)` without the capacity check: the caller reserved room. With the literal's length known
    /// where this is inlined, the copy is one or two word moves.
    @inline(__always)
    mutating func uncheckedRaw(_ s: StaticString) {
        if s.hasPointerRepresentation {
            uncheckedBytes(s.utf8Start, s.utf8CodeUnitCount)
        } else {
            s.withUTF8Buffer { if let a = $0.baseAddress { uncheckedBytes(a, $0.count) } }
        }
    }

    /// A string's UTF-8, written as is (for text known to need no escaping). Not an overload of
    /// `raw(_:)`: a literal would pick the `String` one.
    mutating func utf8(_ s: String) {
        var s = s
        s.withUTF8 { bytes($0) }
    }

    /// A decimal integer: `-` for negatives, no leading zeros.
    @inline(__always)
    mutating func int(_ n: Int) {
        reserve(ByteSink.maxIntBytes)
        uncheckedInt(n)
    }

    /// Room `uncheckedInt(_:)` needs: Int.min has 19 digits and a sign.
    static var maxIntBytes: Int { 20 }

    /// `int(_:)` without the capacity check: the caller reserved `maxIntBytes` (for a whole record at once).
    @inline(__always)
    mutating func uncheckedInt(_ n: Int) {
        if n > 0 && n < 100_000_000 {
            eightDigits(UInt64(n))
            return
        }
        var v = UInt64(n.magnitude)
        var p = base + count
        if n < 0 {
            p.pointee = UInt8(ascii: "-")
            p += 1
        }
        let digits = ByteSink.digitCount(v)
        var q = p + digits
        // Two digits per division: the pair table turns 0...99 into its two ASCII digits.
        let pairs = ByteSink.digitPairs.utf8Start
        while v >= 100 {
            let r = Int(v % 100)
            v /= 100
            q -= 2
            q[0] = pairs[2 &* r]
            q[1] = pairs[2 &* r &+ 1]
        }
        if v >= 10 {
            q[-2] = pairs[2 &* Int(v)]
            q[-1] = pairs[2 &* Int(v) &+ 1]
        } else {
            q[-1] = 0x30 &+ UInt8(truncatingIfNeeded: v)
        }
        count = p + digits - base
    }

    /// A number in 1..<10^8 in decimal: its digits in the low bytes of `word` (the first in the lowest
    /// byte), zeros above; 0 for a number outside that range. One word: the digits (0x30...0x39) are
    /// never zero, so the word says its own length.
    struct Decimal {
        let word: UInt64

        /// Number of digits (0 for a number outside 1..<10^8).
        @inline(__always)
        var count: Int { (71 &- word.leadingZeroBitCount) >> 3 }
    }

    /// `n` as a ``Decimal``, for numbers written more than once.
    static func decimalWord(_ n: Int) -> Decimal { decimalWord(n, fourDigits) }

    /// `decimalWord(n)` with ``fourDigits`` read by the caller (once, not per number: a global is
    /// checked for its initialisation on every read).
    @inline(__always)
    static func decimalWord(_ n: Int, _ fourDigits: UnsafePointer<UInt32>) -> Decimal {
        guard n > 0 && n < 100_000_000 else { return Decimal(word: 0) }
        // One lookup below 10^4 (columns, lines), two above (offsets); then the leading zero digits
        // shifted out. `n` ≥ 1, so some digit is not zero; the digits' bytes are ≥ 0x30, so the
        // subtraction borrows nowhere.
        if n < 10_000 {
            let word = UInt64(fourDigits[n])
            return Decimal(word: word >> UInt64((word &- 0x3030_3030).trailingZeroBitCount & ~7))
        }
        let high = n / 10_000
        let word = UInt64(fourDigits[high]) | UInt64(fourDigits[n &- high &* 10_000]) << 32
        return Decimal(word: word >> UInt64((word &- 0x3030_3030_3030_3030).trailingZeroBitCount & ~7))
    }

    /// The four ASCII digits of each number in 0...9999, leading zeros included, the first in the lowest byte.
    nonisolated(unsafe) static let fourDigits: UnsafePointer<UInt32> = {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: 10_000)
        for v in 0..<10_000 {
            let a = UInt32(v / 1000), b = UInt32(v / 100 % 10), c = UInt32(v / 10 % 10), d = UInt32(v % 10)
            table[v] = 0x3030_3030 | a | b << 8 | c << 16 | d << 24
        }
        return UnsafePointer(table)
    }()

    /// `uncheckedInt(n)`, copied from `d` when it holds `n`'s digits (`d` is `decimalWord(n)`).
    @inline(__always)
    mutating func uncheckedInt(_ n: Int, _ d: Decimal) {
        guard d.word != 0 else {
            uncheckedInt(n)
            return
        }
        UnsafeMutableRawPointer(base + count).storeBytes(of: d.word.littleEndian, as: UInt64.self)
        count &+= d.count
    }

    /// `v` in 1..<10^8 written as one word (the caller reserved room; bytes past the number are scratch).
    @inline(__always)
    private mutating func eightDigits(_ v: UInt64) {
        let (word, digits) = ByteSink.eightDigitsWord(v)
        UnsafeMutableRawPointer(base + count).storeBytes(of: word.littleEndian, as: UInt64.self)
        count &+= digits
    }

    /// `v` in 1..<10^8 without a loop: its eight decimal digits are computed in the bytes of one
    /// word (most significant in the lowest byte) and the leading zero digits shifted out; with the
    /// number of digits left.
    @inline(__always)
    private static func eightDigitsWord(_ v: UInt64) -> (UInt64, Int) {
        // Split into two four-digit halves, each half into two-digit pairs, each pair into digits,
        // all lanes at once; multiply-shifts stand in for division by 100 and by 10.
        let merged = v / 10_000 | (v % 10_000) << 32
        let top = ((merged &* 10486) >> 20) & (0x7F << 32 | 0x7F)
        let hundreds = (merged &- 100 &* top) << 16 &+ top
        var tens = ((hundreds &* 103) >> 10) & (0xF << 48 | 0xF << 32 | 0xF << 16 | 0xF)
        tens = tens &+ (hundreds &- 10 &* tens) << 8
        let zeroBits = UInt64(tens.trailingZeroBitCount & ~7)  // leading zero digits, as bits
        return ((tens &+ 0x3030_3030_3030_3030) >> zeroBits, 8 &- Int(zeroBits >> 3))
    }

    @inline(__always)
    static func digitCount(_ v: UInt64) -> Int {
        // Offsets, lines and columns are mostly short: test the small counts first.
        if v < 10 { return 1 }
        if v < 100 { return 2 }
        if v < 1000 { return 3 }
        if v < 10_000 { return 4 }
        if v < 100_000 { return 5 }
        if v < 1_000_000 { return 6 }
        var digits = 7
        var limit: UInt64 = 10_000_000
        while digits < 20 && v >= limit {
            digits &+= 1
            limit = limit &* 10
        }
        return digits
    }

    /// The first index from `i` whose byte `special` marks (0x80 in its lane of a little-endian word),
    /// or the start of the last partial word: the escapers skip clean runs eight bytes at a time this
    /// way and test what is left byte by byte.
    @inline(__always)
    static func skipClean(_ s: UnsafePointer<UInt8>, from i0: Int, to n: Int, _ special: (UInt64) -> UInt64) -> Int {
        var i = i0
        while i &+ 8 <= n {
            let m = special(UInt64(littleEndian: UnsafeRawPointer(s + i).loadUnaligned(as: UInt64.self)))
            if m != 0 { return i &+ m.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        return i
    }

    /// `skipClean` with a cheaper test per word: `any` is nonzero exactly when a word holds a byte
    /// `special` marks (see ``anyBelow``), and `special` runs only on that word, to say which byte.
    /// `block` marks sixteen bytes exactly when they hold a byte `special` marks, all lanes tested at once.
    @inline(__always)
    static func skipClean<B: ByteBlockTest>(_ s: UnsafePointer<UInt8>, from i0: Int, to n: Int, any: (UInt64) -> UInt64, block: B.Type,
                                            _ special: (UInt64) -> UInt64) -> Int {
        var i = i0
        // Clean runs are long (a whole text between escapes): sixteen bytes per test while they last,
        // compared in one vector (a few instructions where the two word tests took some fifty).
        let test = B()
        while i &+ 16 <= n {
            if test.marks(UnsafeRawPointer(s + i).loadUnaligned(as: SIMD16<UInt8>.self)) { break }
            i &+= 16
        }
        while i &+ 8 <= n {
            let w = UInt64(littleEndian: UnsafeRawPointer(s + i).loadUnaligned(as: UInt64.self))
            if any(w) != 0 { return i &+ special(w).trailingZeroBitCount >> 3 }
            i &+= 8
        }
        return i
    }

    /// Whether a byte of `w` is below `n` (n ≤ 0x80), in the top bits of the result's lanes once ANDed
    /// with 0x8080…: exact for the word as a whole (a lane can be marked wrongly only by a borrow,
    /// which starts at a lane truly below `n`), in fewer operations than `UTF8Bytes.bytesBelow`,
    /// which is exact lane by lane. Terms of several bytes can be ORed before the AND.
    @inline(__always)
    static func anyBelow(_ w: UInt64, _ n: UInt8) -> UInt64 { (w &- UInt64(n) &* 0x0101_0101_0101_0101) & ~w }

    /// Whether a byte of `w` equals `b`, as ``anyBelow`` says it (a zero lane of `w ^ b…` is one below 1).
    @inline(__always)
    static func anyEqual(_ w: UInt64, _ b: UInt8) -> UInt64 { anyBelow(w ^ (UInt64(b) &* 0x0101_0101_0101_0101), 1) }

    /// `skipClean`, with the last partial word tested whole too (gathered with at most two loads
    /// inside the range), so it returns a marked index or `n`. Worth it where the test is cheap (JSON);
    /// with the six tests of XML, byte by byte measured faster. `special` must judge each lane alone
    /// (the `UTF8Bytes` tests do): the lanes past the end are zero and their marks are masked off.
    @inline(__always)
    static func skipCleanToEnd<B: ByteBlockTest>(_ s: UnsafePointer<UInt8>, from i0: Int, to n: Int, any: (UInt64) -> UInt64, block: B.Type,
                                                 _ special: (UInt64) -> UInt64) -> Int {
        // A marked index less than eight bytes from the end is tested again below as lane 0.
        let i = skipClean(s, from: i0, to: n, any: any, block: block, special)
        let r = n &- i
        if r >= 8 { return i }
        if r <= 0 { return n }
        let m = special(tail(s + i, r)) & (UInt64(1) << UInt64(8 &* r) &- 1)
        return m != 0 ? i &+ m.trailingZeroBitCount >> 3 : n
    }

    /// Whether none of the `n` bytes at `s` (0 ≤ n ≤ 16) is marked by `any`, tested a word at a time: two
    /// overlapping words from 8 bytes on, `tail` below. `any` need only be exact for a word as a whole
    /// (see ``skipClean(_:from:to:any:_:)``): a wrong mark comes from a borrow, which moves up from a lane
    /// truly marked, so the lanes of a tail, below its zero padding, are judged exactly as a whole too.
    @inline(__always)
    static func isClean(_ s: UnsafePointer<UInt8>, _ n: Int, any: (UInt64) -> UInt64) -> Bool {
        if n >= 8 {
            let q = UnsafeRawPointer(s)
            let a = UInt64(littleEndian: q.loadUnaligned(as: UInt64.self))
            let b = UInt64(littleEndian: q.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
            return any(a) | any(b) == 0
        }
        if n == 0 { return true }
        return any(tail(s, n)) & (UInt64(1) << UInt64(8 &* n) &- 1) == 0
    }

    /// Writes the `n` bytes at `s` (n ≤ 16) when `any` marks none of them (see ``isClean(_:_:any:)``),
    /// between two `quote`s unless it is 0, and says whether it did. The words tested are the words
    /// stored (the bytes stored past the value are scratch, written over next): one test and one or two
    /// stores for a short clean value.
    @inline(__always)
    mutating func shortClean(_ s: UnsafePointer<UInt8>, _ n: Int, quote: UInt8, any: (UInt64) -> UInt64) -> Bool {
        let q = quote == 0 ? 0 : 1
        let i = UnsafeRawPointer(s)
        if n >= 8 {
            let a = UInt64(littleEndian: i.loadUnaligned(as: UInt64.self))
            let b = UInt64(littleEndian: i.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
            guard any(a) | any(b) == 0 else { return false }
            reserve(18)
            let o = UnsafeMutableRawPointer(base + count)
            o.storeBytes(of: quote, as: UInt8.self)
            o.storeBytes(of: a.littleEndian, toByteOffset: q, as: UInt64.self)
            o.storeBytes(of: b.littleEndian, toByteOffset: q &+ n &- 8, as: UInt64.self)
            o.storeBytes(of: quote, toByteOffset: q &+ n, as: UInt8.self)
            count &+= n &+ 2 &* q
            return true
        }
        let w = n == 0 ? 0 : ByteSink.tail(s, n)
        guard any(w) & (UInt64(1) << UInt64(8 &* n) &- 1) == 0 else { return false }
        reserve(10)
        let o = UnsafeMutableRawPointer(base + count)
        o.storeBytes(of: quote, as: UInt8.self)
        o.storeBytes(of: w.littleEndian, toByteOffset: q, as: UInt64.self)
        o.storeBytes(of: quote, toByteOffset: q &+ n, as: UInt8.self)
        count &+= n &+ 2 &* q
        return true
    }

    /// `isClean` for `n` up to `maxCleanRun` (values: names, slices of a sentence): above 16 bytes, every
    /// block of sixteen tested with `block` (exact lane by lane, as `any` is for a word), the last one
    /// overlapping the block before.
    /// Longer texts are left to the escapers, which scan them once.
    @inline(__always)
    static func isCleanValue<B: ByteBlockTest>(_ s: UnsafePointer<UInt8>, _ n: Int, any: (UInt64) -> UInt64, block: B.Type) -> Bool {
        if n <= 16 { return isClean(s, n, any: any) }
        let q = UnsafeRawPointer(s)
        let test = B()
        if test.marks(q.loadUnaligned(fromByteOffset: n &- 16, as: SIMD16<UInt8>.self)) { return false }
        var i = 0
        while i &+ 16 < n {
            if test.marks(q.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)) { return false }
            i &+= 16
        }
        return true
    }

    /// Longest value `isCleanValue` tests before escaping: beyond it, a value with a byte to escape would
    /// be scanned twice for nothing.
    static var maxCleanRun: Int { 64 }

    /// The `r` bytes at `p` (1 ≤ r ≤ 7) in the low lanes of a little-endian word, zeros above: two
    /// overlapping loads of half the width or less (the overlap ORs a byte with itself).
    @inline(__always)
    static func tail(_ p: UnsafePointer<UInt8>, _ r: Int) -> UInt64 {
        let q = UnsafeRawPointer(p)
        if r >= 4 {
            let lo = UInt64(UInt32(littleEndian: q.loadUnaligned(as: UInt32.self)))
            let hi = UInt64(UInt32(littleEndian: q.loadUnaligned(fromByteOffset: r &- 4, as: UInt32.self)))
            return lo | hi << UInt64(8 &* (r &- 4))
        }
        if r >= 2 {
            let lo = UInt64(UInt16(littleEndian: q.loadUnaligned(as: UInt16.self)))
            let hi = UInt64(UInt16(littleEndian: q.loadUnaligned(fromByteOffset: r &- 2, as: UInt16.self)))
            return lo | hi << UInt64(8 &* (r &- 2))
        }
        return UInt64(p[0])
    }

    /// A static string is a constant in the binary: no lazy initialisation on access, unlike a global array.
    private static let digitPairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// A number as the formats write it: integral values below 2^53 without a fraction, others in
    /// Swift's shortest round-trip form, non-finite ones as `null` (see ``JSONWriter/numberText(_:)``).
    mutating func number(_ d: Double) {
        // `Int64(exactly:)` is nil for fractions and non-finite values: one conversion instead of a rounding call.
        if let i = Int64(exactly: d), i.magnitude < 9_007_199_254_740_992 {
            int(Int(i))
        } else {
            utf8(JSONWriter.numberText(d))
        }
    }
}

/// Sixteen bytes tested at once for the bytes an escaper stops at, a vector compare per byte value.
/// The constant vectors are made once per scan (`init`, outside the loop): made inside the test, they
/// left the compiler comparing lane by lane.
protocol ByteBlockTest {
    init()
    /// Whether one of the sixteen bytes is one the escaper stops at.
    func marks(_ v: SIMD16<UInt8>) -> Bool
}

extension ByteBlockTest {
    /// Whether a lane of `m` is set: its two halves ORed as words. `any(m)` was sometimes left a call
    /// to a generic lane-by-lane reduction.
    @inline(__always)
    static func anyLane(_ m: SIMDMask<SIMD16<Int8>>) -> Bool {
        let w = unsafeBitCast(m, to: SIMD2<UInt64>.self)
        return w[0] | w[1] != 0
    }
}

/// Calls `body` with each element's index and address. Reading an annotation's fields through its
/// address copies only the fields used; `for e in array` copies the whole struct (a retain and a
/// release of each of its strings) per element.
@inline(__always)
func forEachElement<T>(of a: [T], _ body: (Int, UnsafePointer<T>) -> Void) {
    a.withUnsafeBufferPointer { b in
        guard let p = b.baseAddress else { return }
        for i in 0..<b.count { body(i, p + i) }
    }
}
