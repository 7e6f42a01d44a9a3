import CSHA256

/// SHA-256 (FIPS 180-4), so that the core needs no crypto dependency for one checksum per file.
///
/// The block compression is C (`CSHA256`): the CPU's SHA extensions where present (over 1 GB/s), portable
/// code elsewhere. Hashing every input is on the pipeline's hot path, so this matters.
public enum SHA256 {
    /// Whether this machine uses the SHA extensions.
    public static var usesHardware: Bool { docpipe_sha256_hardware() != 0 }

    /// The digest of `bytes`. Full blocks are hashed in place; only the padded tail is copied.
    /// `portable` forces the portable compression (tests check both agree).
    public static func digest(_ bytes: [UInt8], portable: Bool = false) -> [UInt8] {
        let full = bytes.count / 64 * 64
        let rest = bytes.count - full
        // The padded tail: the rest, 0x80, zeros, the bit length big-endian; one block, or two when the
        // rest leaves no room for 0x80 and the length. It and the state live on the stack: short keys
        // are hashed by the thousand, and two arrays per call were much of their cost.
        let tailCount = rest < 56 ? 64 : 128
        let bitLength = UInt64(bytes.count) &* 8
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8) { stateBuffer in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tailBuffer in
                let h = stateBuffer.baseAddress!, t = tailBuffer.baseAddress!
                h[0] = 0x6a09e667; h[1] = 0xbb67ae85; h[2] = 0x3c6ef372; h[3] = 0xa54ff53a
                h[4] = 0x510e527f; h[5] = 0x9b05688c; h[6] = 0x1f83d9ab; h[7] = 0x5be0cd19
                t.initialize(repeating: 0, count: tailCount)
                bytes.withUnsafeBufferPointer { p in
                    if full > 0 { docpipe_sha256_blocks(h, p.baseAddress!, full / 64, portable ? 1 : 0) }
                    if rest > 0 { t.update(from: p.baseAddress! + full, count: rest) }
                }
                t[rest] = 0x80
                for i in 0..<8 { t[tailCount - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8)) }
                docpipe_sha256_blocks(h, t, tailCount / 64, portable ? 1 : 0)
                // The state words big-endian.
                return [UInt8](unsafeUninitializedCapacity: 32) { out, count in
                    for k in 0..<8 {
                        for j in 0..<4 { out[4 * k + j] = UInt8(truncatingIfNeeded: h[k] >> (24 - 8 * UInt32(j))) }
                    }
                    count = 32
                }
            }
        }
    }

    /// The digest as lower-case hex.
    public static func hex(_ bytes: [UInt8]) -> String { hexDigits(digest(bytes)) }

    /// The first `count` bytes of `digest` (all by default) as lower-case hex digits.
    public static func hexDigits(_ digest: [UInt8], count: Int? = nil) -> String {
        let n = min(count ?? digest.count, digest.count)
        return String(unsafeUninitializedCapacity: 2 * n, initializingUTF8With: { out in
            let hex: StaticString = "0123456789abcdef"
            for k in 0..<n {
                out[2 * k] = hex.utf8Start[Int(digest[k] >> 4)]
                out[2 * k + 1] = hex.utf8Start[Int(digest[k] & 15)]
            }
            return 2 * n
        })
    }
}
