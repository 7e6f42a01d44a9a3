// Short-form candidates: what may stand inside `long form (SF)` or before `SF (long form)`.
// Byte-level checks on UTF-8; no regex.

/// A slice of the text's UTF-8 bytes.
typealias ByteSlice = Slice<UnsafeBufferPointer<UInt8>>

enum AcronymShortForm {
    /// ASCII helpers.
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    /// Words that open a parenthesis without defining anything (`(e.g. …)`, `(see …)`).
    static let openers: Set<String> = ["e.g.", "eg", "e.g", "i.e.", "ie", "i.e", "cf", "cf.", "see", "viz", "viz.", "ibid", "ibid.",
                                       "p.", "pp.", "vs", "vs.", "ca.", "approx.", "et", "n", "no.", "fig.", "ref.", "refs."]

    /// The alphanumeric characters of a short form, lower-cased, plus whether a final plural `s` may go unmatched.
    struct Letters {
        var chars: [UInt8]
        var optionalPluralS: Bool
        var hasUpper: Bool
        var hasDigit: Bool
        var allLower: Bool
    }

    static func letters(_ s: ByteSlice) -> Letters {
        var chars: [UInt8] = []
        var upper = false, digit = false, lowerCount = 0
        for b in s where isAlnum(b) {
            chars.append(lower(b))
            if isUpper(b) { upper = true } else if isDigit(b) { digit = true } else { lowerCount += 1 }
        }
        // `RCPs`, `MoUs`, `NGOs`: a lower-case `s` after an upper-case letter is a plural ending.
        var plural = false
        if let last = s.last, last == 0x73, s.count >= 3 {
            let before = s[s.index(s.endIndex, offsetBy: -2)]
            plural = isUpper(before)
        }
        return Letters(chars: chars, optionalPluralS: plural, hasUpper: upper, hasDigit: digit, allLower: !upper && !digit)
    }

    /// Whether `s` (trimmed bytes of a parenthesis, or one segment of it) can be a short form defined by a preceding long form.
    static func isCandidate(_ s: ByteSlice) -> Bool {
        guard let first = s.first, isAlnum(first), s.count <= 16 else { return false }
        // A single capital (`epinephrine (E)`) is checked hard by the matcher; a single small letter or digit is a label.
        if s.count == 1 { return isUpper(first) }
        var words = 1, alpha = 0, digits = 0, upper = 0
        var prevSpace = false
        for b in s {
            if isSpace(b) {
                if !prevSpace { words += 1 }
                prevSpace = true
                continue
            }
            prevSpace = false
            if isAlpha(b) { alpha += 1; if isUpper(b) { upper += 1 } }
            else if isDigit(b) { digits += 1 }
            else if b >= 0x80 { continue }
            else {
                switch b {
                case 0x2D, 0x2F, 0x2E, 0x2B, 0x26, 0x27, 0x28, 0x29: break   // - / . + & ' ( )
                default: return false
                }
            }
        }
        guard words <= 2, alpha >= 1 else { return false }
        // `(e.g. …)`, `(cf. …)`, `(see …)` as written (upper-case `CF`, `EG` are short forms).
        if isOpener(s) { return false }
        // `(ii)`, `(iv)`: list labels. Upper-case ones may be real (`intravenous (IV)`) and must match.
        if upper == 0 && isRomanNumeral(String(decoding: s.map(lower), as: UTF8.self)) { return false }
        // A lower-case word longer than five letters is a word, not a short form.
        if upper == 0 && digits == 0 && words == 1 && alpha > 5 { return false }
        // A capitalised ordinary word (`Smith`, `Finapres`, `Table`) is a name or a gloss, not a short form.
        if words == 1 && upper == 1 && isUpper(first) && digits == 0 && alpha >= 5 && alpha == s.count { return false }
        // A two-word short form is an acronym plus a word (`UN DESA`, `UN Women`, `Ang II`), never plain prose.
        if words == 2 {
            guard let sp = s.firstIndex(where: isSpace) else { return false }
            let w1 = s[s.startIndex..<sp]
            let w2 = s[s.index(after: sp)...].drop(while: isSpace)
            // `H. pylori`: a genus initial and a species.
            let species = w1.count == 2 && isUpper(w1[w1.startIndex]) && w1[w1.startIndex + 1] == 0x2E && w2.allSatisfy(isLower)
            // `Dyn A`: a short word and a capital.
            let lettered = w2.count == 1 && isUpper(w2[w2.startIndex]) && w1.count <= 5 && w1.allSatisfy(isAlpha)
            if !isAcronymLike(w1) && !isAcronymLike(w2) && !species && !lettered { return false }
            // A reference (`A 2004`, `Smith 2004`): a word and a year.
            if w2.allSatisfy(isDigit) && w2.count == 4 { return false }
        }
        return true
    }

    /// Whether the first word of `s` (what `split(separator: " ")` gives first) is one of `openers`.
    /// For ASCII bytes Characters are bytes (CR LF aside, which is no space), so the word ends at the
    /// first space byte, and String equality is byte equality: a word longer than every opener (seven
    /// bytes) is none, and a shorter one is made a String only to be looked up. Other text is split
    /// as Characters (a space with a combining mark is no separator).
    static func isOpener(_ s: ByteSlice) -> Bool {
        let end = s.firstIndex(of: 0x20) ?? s.endIndex
        if end > s.startIndex, s.allSatisfy({ $0 < 0x80 }) {
            guard end - s.startIndex <= 7 else { return false }
            return openers.contains(String(decoding: s[s.startIndex..<end], as: UTF8.self))
        }
        let original = String(decoding: s, as: UTF8.self)
        return openers.contains(original.split(separator: " ").first.map(String.init) ?? original)
    }

    /// Acronym-like: at least two capitals, or a capital and a digit, or a capital after a lower-case letter (`MoU`).
    static func isAcronymLike(_ s: ByteSlice) -> Bool {
        guard s.count >= 2, s.count <= 12, let first = s.first, isAlnum(first) else { return false }
        var upper = 0, digit = 0, lowerThenUpper = false, prevLower = false, alpha = 0
        for b in s {
            if isUpper(b) { upper += 1; alpha += 1; if prevLower { lowerThenUpper = true } }
            else if isDigit(b) { digit += 1 }
            else if isLower(b) { alpha += 1 }
            else if b == 0x2D || b == 0x2F || b == 0x2E || b == 0x26 || b == 0x2B { }
            else { return false }
            prevLower = isLower(b)
        }
        guard alpha >= 1 else { return false }
        return upper >= 2 || (upper >= 1 && digit >= 1) || lowerThenUpper
    }

    static func isRomanNumeral(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 5 && s.allSatisfy { "ivxl".contains($0) }
    }
}
