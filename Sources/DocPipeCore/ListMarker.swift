/// The symbol that opens a list item's line, shared by the segmenter (which makes list items of such
/// lines) and the claim extractor (which ends an announced list where the symbol changes).
public enum ListMarker {
    /// The marker symbol at `i` (0 length if none): one of `•` `‣` `◦` `●` `▪` `▫` `·` `-` `*` `–`, or 1–3
    /// digits or one lower-case letter followed by `.` or `)` (a single letter only with `)`, as in `a)`;
    /// these are `numbered`). Whatever follows is the caller's test.
    public static func symbol(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (length: Int, numbered: Bool) {
        guard i < end else { return (0, false) }
        let b = p[i]
        switch b {
        case 0x2D, 0x2A: return (1, false) // - *
        case 0xC2: return (i + 1 < end && p[i + 1] == 0xB7 ? 2 : 0, false) // ·
        case 0xE2:
            guard i + 2 < end else { return (0, false) }
            let b1 = p[i + 1], b2 = p[i + 2]
            if b1 == 0x80 && (b2 == 0xA2 || b2 == 0xA3 || b2 == 0x93) { return (3, false) } // • ‣ –
            if b1 == 0x96 && (b2 == 0xAA || b2 == 0xAB) { return (3, false) } // ▪ ▫
            if b1 == 0x97 && (b2 == 0xA6 || b2 == 0x8F) { return (3, false) } // ◦ ●
            return (0, false)
        default:
            if b &- 0x30 < 10 {
                var j = i
                while j < end && j - i < 4 && p[j] &- 0x30 < 10 { j += 1 }
                return j - i <= 3 && j < end && (p[j] == 0x2E || p[j] == 0x29) ? (j + 1 - i, true) : (0, false)
            }
            if b &- 0x61 < 26 && i + 1 < end && p[i + 1] == 0x29 { return (2, true) }
            return (0, false)
        }
    }
}
