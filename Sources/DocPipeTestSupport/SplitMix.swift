/// SplitMix64: a small seeded generator, so every property test is repeatable.
public struct SplitMix: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (the remainder of the next value: the small bias does not matter to tests).
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// Short (up to 20 pieces) or long (up to 300) random text of ASCII runs, multi-byte scalars, a NUL, a
    /// combining mark and every kind of line break: for tests of offset and line tables.
    public mutating func offsetText() -> String {
        let alphabet = ["a", "b", "c", " ", "\n", "\r", "\r\n", "é", "€", "😀", "\u{0}", "e\u{301}", "’", "\n\n", "abcdefghij",
                        "abcdefghijklmnopqrstuvwxyz0123456789"]
        var s = ""
        for _ in 0..<Int.random(in: 0...(Bool.random(using: &self) ? 20 : 300), using: &self) { s += alphabet.randomElement(using: &self)! }
        return s
    }

    /// 1 to `maxPieces` pieces drawn at random, concatenated.
    public mutating func concatenation(of pieces: [String], maxPieces: Int) -> String {
        var s = ""
        for _ in 0..<(1 + below(maxPieces)) { s += pieces[below(pieces.count)] }
        return s
    }

    /// Random text: 1 to `maxPieces` random words, each followed by a random piece of glue
    /// (spaces, punctuation, digits, odd characters), for tests that compare a fast scanner with a plain one.
    public mutating func text(words: [String], glue: [String], maxPieces: Int) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...maxPieces, using: &self) {
            text += words.randomElement(using: &self)!
            text += glue.randomElement(using: &self)!
        }
        return text
    }
}
