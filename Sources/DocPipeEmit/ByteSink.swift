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
        base[count] = b
        count &+= 1
    }

    @inline(__always)
    mutating func bytes(_ p: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        (base + count).initialize(from: p, count: n)
        count &+= n
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
        bytes(s.utf8Start, s.utf8CodeUnitCount)
    }

    /// A string's UTF-8, written as is (for text known to need no escaping).
    mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes($0) }
    }

    /// A decimal integer: `-` for negatives, no leading zeros.
    @inline(__always)
    mutating func int(_ n: Int) {
        reserve(20)  // Int.min has 19 digits and a sign
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

    @inline(__always)
    static func digitCount(_ v: UInt64) -> Int {
        var digits = 1
        var limit: UInt64 = 10
        while digits < 20 && v >= limit {
            digits &+= 1
            limit = limit &* 10
        }
        return digits
    }

    /// A static string is a constant in the binary: no lazy initialisation on access, unlike a global array.
    private static let digitPairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// A number as the formats write it: integral values below 2^53 without a fraction, others in
    /// Swift's shortest round-trip form, non-finite ones as `null` (see ``JSONWriter/numberText(_:)``).
    mutating func number(_ d: Double) {
        if d.isFinite, d == d.rounded(), abs(d) < 9.007199254740992e15 {
            int(Int(Int64(d)))
        } else {
            raw(JSONWriter.numberText(d))
        }
    }
}
