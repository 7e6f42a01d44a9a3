import Testing
import DocPipeCore
@testable import DocPipeExtract

/// The scanner's word-at-a-time token pass (`EntityScanner.tokenKey`) against the byte-at-a-time one
/// and the vocabulary's own hashing and lookups.
@Suite struct EntityTokenKeyTests {
    /// Words of every length up to 40 from an alphabet with capitals, digits, slashes, `’`, `'`, and
    /// non-ASCII letters; deterministic.
    static func words() -> [String] {
        let alphabet: [String] = ["a", "z", "A", "Z", "m", "Q", "0", "9", "/", "'", "’", ".", "-", "@", "[", "`", "{", "é", "É"]
        var state: UInt64 = 0x1234_5678
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var out: [String] = []
        for length in 1...40 {
            for _ in 0..<60 {
                out.append((0..<length).map { _ in alphabet[next() % alphabet.count] }.joined())
                // Mostly ASCII words, as documents hold.
                out.append((0..<length).map { _ in alphabet[next() % 12] }.joined())
            }
        }
        return out
    }

    @Test func fastKeyMatchesByteKeyAndVocabularyHash() {
        for word in Self.words() {
            // Trailing text, so that the word's last 8-byte load stays inside the buffer.
            var text = word + "        tail"
            text.withUTF8 { p in
                let r = 0..<word.utf8.count
                let fast = EntityScanner.tokenKey(p, r)
                let slow = EntityScanner.slowTokenKey(p, r)
                #expect(fast.exact == slow.exact && fast.length == slow.length, "\(word)")
                #expect(EntityScanner.foldedHash(p, r, fast).hash == EntityScanner.foldedHash(p, r, slow).hash, "\(word)")
                // `upper` tells none, one, or two or more; `lower` matters only with two or more.
                #expect(min(fast.upper, 2) == min(slow.upper, 2) && fast.slashDigit == slow.slashDigit, "\(word)")
                #expect(fast.upper < 2 || fast.lower == slow.lower, "\(word)")
                #expect(fast.exact == EntityVocab.hash(p, r, fold: false).0, "\(word)")
                #expect(EntityScanner.foldedHash(p, r, fast).hash == EntityVocab.hash(p, r, fold: true).0, "\(word)")
                #expect(fast.ascii == word.utf8.allSatisfy { $0 < 0x80 }, "\(word)")
            }
            // At the very end of the text the key is read a byte at a time.
            var bare = word
            bare.withUTF8 { p in
                let key = EntityScanner.tokenKey(p, 0..<p.count)
                #expect(key.exact == EntityVocab.hash(p, 0..<p.count, fold: false).0, "\(word)")
            }
        }
    }

    @Test func wordLookupsMatchByteLookups() {
        let lex = EntityLexicon.shared
        var words = Self.words()
        for id in 0..<Int32(lex.vocab.count) {
            let key = lex.vocab.key(id)
            words += [key, key.uppercased(), key.lowercased(), key + "s", String(key.dropLast())]
        }
        for word in words {
            var text = word + "        tail"
            text.withUTF8 { p in
                let r = 0..<word.utf8.count
                let key = EntityScanner.tokenKey(p, r)
                guard key.ascii, key.length <= 16 else { return }
                #expect(lex.vocab.id(hash: key.exact, length: key.length, w0: key.w0, w1: key.w1) == lex.vocab.id(p, r, fold: false), "\(word)")
                let folded = EntityScanner.foldedHash(p, r, key)
                #expect(lex.vocab.id(hash: folded.hash, length: key.length, w0: folded.f0, w1: folded.f1) == lex.vocab.id(p, r, fold: true), "\(word)")
            }
            // The token pass's folded lookup, for every key (slow ones too).
            text.withUTF8 { p in
                let r = 0..<word.utf8.count
                let key = EntityScanner.tokenKey(p, r)
                #expect(EntityScanner.foldedID(lex.vocab, p, r, ascii: key.ascii, length: key.length, w0: key.w0, w1: key.w1) == lex.vocab.id(p, r, fold: true), "\(word)")
            }
        }
        // A known word's folded id is that of its key folded (what the token pass reads for it).
        for id in 0..<Int32(lex.vocab.count) {
            var key = lex.vocab.key(id)
            key.withUTF8 { #expect(lex.foldedID[Int(id)] == lex.vocab.id($0, 0..<$0.count, fold: true)) }
        }
        // Every key is found by its own bytes.
        for id in 0..<Int32(lex.vocab.count) { #expect(lex.vocab.id(of: lex.vocab.key(id)) == id) }
    }

    /// The token pass's table for one-byte ASCII tokens against the vocabulary's byte-at-a-time
    /// hashing and lookups.
    @Test func oneByteTableMatchesVocabulary() {
        let lex = EntityLexicon.shared
        #expect(lex.oneByte.count == 128)
        for b in 0..<min(128, lex.oneByte.count) {
            [UInt8(b)].withUnsafeBufferPointer { p in
                let t = lex.oneByte[b]
                #expect(t.hash == EntityVocab.hash(p, 0..<1, fold: false).0, "\(b)")
                #expect(t.exact == lex.vocab.id(p, 0..<1, fold: false), "\(b)")
                #expect(t.folded == lex.vocab.id(p, 0..<1, fold: true), "\(b)")
            }
        }
        // Some one-byte tokens are words: `&` (a connector), `a`, and `A` folded to it.
        #expect(lex.oneByte[0x26].exact >= 0 && lex.oneByte[0x61].exact >= 0)
        #expect(lex.oneByte[0x41].folded == lex.oneByte[0x61].exact)
    }
}
