/// Recognises HTML tags, well-formed or malformed, at a `<` in UTF-8 bytes. Only known tag names count.
enum TagScanner {
    struct Match {
        /// The bytes of the input the tag occupies (for a repair: what the repair replaces).
        var range: Range<Int>
        /// Lower-case tag name.
        var name: String
        var closing: Bool
        /// The repaired spelling that replaces `range`, or nil when the tag is well-formed.
        var repaired: String?
        /// Whether the tag has attributes (anything between the name and `>`).
        var hasAttributes: Bool
    }

    static let known: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "base", "basefont", "bdi", "bdo",
        "big", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup",
        "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset",
        "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link",
        "main", "map", "mark", "menu", "meta", "meter", "nav", "nobr", "noscript", "object", "ol", "optgroup", "option",
        "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "section",
        "select", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table",
        "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul",
        "var", "video", "wbr",
    ]
    /// Tags after which `<name Title` (a capitalised word, no `>`) is read as a missing `>`.
    static let blockish: Set<String> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "li", "td", "th", "dt", "dd", "blockquote", "section",
        "article", "title", "caption", "pre", "center", "address",
    ]

    @inline(__always) static func headingLevel(_ name: String) -> Int {
        let u = Array(name.utf8)
        if u.count == 2, u[0] == 0x68, u[1] >= 0x31, u[1] <= 0x36 { return Int(u[1] - 0x30) }
        return 0
    }

    /// Whether `<` at `i` opens a known tag followed by `>`, `/`, or a space (no recursion).
    static func startsTag(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var j = i + 1
        if j < p.count, p[j] == 0x2F { j += 1 }
        let s = j
        while j < p.count, ByteScan.isAlnum(p[j]), j - s < 12 { j += 1 }
        guard j > s, j < p.count, p[j] == 0x3E || p[j] == 0x2F || p[j] == 0x20 else { return false }
        guard known.contains(String(decoding: UnsafeBufferPointer(rebasing: p[s..<j]), as: UTF8.self).lowercased()) else { return false }
        // A name and a space start a tag only if a `>` closes it on the line (`<a href="…">`): `<A network
        // of buoys` after `<p` is text.
        guard p[j] == 0x20 else { return true }
        var m = j
        while m < p.count, p[m] != 0x3E {
            if p[m] == 0x3C || p[m] == 0x0A || p[m] == 0x0D { return false }
            m += 1
        }
        return m < p.count
    }

    /// Width of a space, tab or no-break space at `k` (0 if none). A no-break space counts: the
    /// whitespace pass turns most into spaces, and the tag must read the same before and after.
    @inline(__always) static func spaceWidth(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) -> Int {
        guard k < p.count else { return 0 }
        if p[k] == 0x20 || p[k] == 0x09 { return 1 }
        return p[k] == 0xC2 && k + 1 < p.count && p[k + 1] == 0xA0 ? 2 : 0
    }

    /// The tag starting at `i` (which must be `<`), or nil when this `<` is not a known tag.
    /// `afterTag`: the text before `i` is a tag whose `>` a repair supplies (`</div<h3`), which
    /// counts as the `>` before it.
    static func scan(_ p: UnsafeBufferPointer<UInt8>, at i: Int, afterTag: Bool = false) -> Match? {
        let n = p.count
        var j = i + 1
        guard j < n else { return nil }
        let closing = p[j] == 0x2F
        if closing { j += 1 }
        let nameStart = j
        guard j < n, ByteScan.isAlpha(p[j]) else { return nil }
        while j < n, ByteScan.isAlnum(p[j]), j - nameStart < 12 { j += 1 }
        let rawName = String(decoding: UnsafeBufferPointer(rebasing: p[nameStart..<j]), as: UTF8.self)
        var name = rawName.lowercased()
        let lineStartContext = i == 0 || ByteScan.isSpace(p[i - 1]) || p[i - 1] == 0x3E || afterTag
            || (i >= 2 && p[i - 2] == 0xC2 && p[i - 1] == 0xA0)
        if !known.contains(name) {
            // `<h3Title`: a heading name run into a capitalised word.
            if !closing, j - nameStart > 2, p[nameStart] | 0x20 == 0x68, p[nameStart + 1] >= 0x31, p[nameStart + 1] <= 0x36,
               ByteScan.isUpper(p[nameStart + 2]), lineStartContext {
                let tag = String(decoding: UnsafeBufferPointer(rebasing: p[nameStart..<nameStart + 2]), as: UTF8.self)
                return Match(range: i..<nameStart + 2, name: tag.lowercased(), closing: false, repaired: "<" + tag + ">", hasAttributes: false)
            }
            return nil
        }
        if j < n, ByteScan.isAlnum(p[j]) { return nil }   // longer unknown identifier
        // A name run into a non-ASCII character (`</divé`, `</div’s`) is a word, not a broken tag: the
        // passes after this one rewrite such characters (NFC makes `e` + U+0301 `é`, the mojibake
        // repair makes `â€™` `’`), and the tag must read the same before and after. (A no-break
        // space is a space here, as below.)
        if j < n, p[j] >= 0x80, TagScanner.spaceWidth(p, j) == 0 { return nil }
        name = name.lowercased()
        let spelled = String(decoding: UnsafeBufferPointer(rebasing: p[i..<j]), as: UTF8.self)
        let k = j
        let c: UInt8 = k < n ? p[k] : 0x0A
        if c == 0x3E { return Match(range: i..<k + 1, name: name, closing: closing, repaired: nil, hasAttributes: false) }
        if c == 0x2F, k + 1 < n, p[k + 1] == 0x3E {
            return Match(range: i..<k + 2, name: name, closing: closing, repaired: nil, hasAttributes: false)
        }
        // Is there a `>` before the next `<` (or line end, when `sameLine`)?
        func closingBracket(from s: Int, sameLine: Bool, limit: Int) -> Int? {
            var m = s
            var quote: UInt8 = 0
            while m < n, m - s < limit {
                let d = p[m]
                if quote != 0 { if d == quote { quote = 0 } }
                else if d == 0x22 || d == 0x27 { if m > s, p[m - 1] == 0x3D || ByteScan.isSpace(p[m - 1]) { quote = d } }
                else if d == 0x3E { return m }
                else if d == 0x3C { return nil }
                else if sameLine && (d == 0x0A || d == 0x0D) { return nil }
                m += 1
            }
            return nil
        }
        if c == 0x3C {
            if closing { return Match(range: i..<k, name: name, closing: true, repaired: spelled + ">", hasAttributes: false) }
            guard lineStartContext else { return nil }
            if k + 1 >= n || ByteScan.isSpace(p[k + 1]) { return nil }
            // `<p<b>…`: the second `<` opens a tag of its own; otherwise it stands for the missing `>`.
            if startsTag(p, at: k) {
                return Match(range: i..<k, name: name, closing: false, repaired: spelled + ">", hasAttributes: false)
            }
            return Match(range: i..<k + 1, name: name, closing: false, repaired: spelled + ">", hasAttributes: false)
        }
        // Spaces after the name, then the line end, read as the line end (the whitespace pass drops them).
        var m = k
        while case let w = spaceWidth(p, m), w > 0 { m += w }
        let spacesToLineEnd = m > k && (m == n || p[m] == 0x0A || p[m] == 0x0D)
        if m > k && !spacesToLineEnd {
            if let gt = closingBracket(from: k, sameLine: false, limit: 2048) {
                return Match(range: i..<gt + 1, name: name, closing: closing, repaired: nil, hasAttributes: true)
            }
            if closing { return Match(range: i..<k, name: name, closing: true, repaired: spelled + ">", hasAttributes: false) }
            guard lineStartContext, blockish.contains(name) else { return nil }
            guard m < n, ByteScan.isUpper(p[m]) || ByteScan.isDigit(p[m]) || p[m] >= 0xC0 else { return nil }
            return Match(range: i..<m, name: name, closing: false, repaired: spelled + ">", hasAttributes: false)
        }
        if c == 0x0A || c == 0x0D || spacesToLineEnd {
            if let gt = closingBracket(from: k, sameLine: false, limit: 2048) {
                return Match(range: i..<gt + 1, name: name, closing: closing, repaired: nil, hasAttributes: true)
            }
            if closing { return Match(range: i..<k, name: name, closing: true, repaired: spelled + ">", hasAttributes: false) }
            guard lineStartContext, blockish.contains(name) || name == "br" else { return nil }
            return Match(range: i..<k, name: name, closing: false, repaired: spelled + ">", hasAttributes: false)
        }
        // Any other character after the name.
        if closing {
            if closingBracket(from: k, sameLine: true, limit: 2048) != nil { return nil }
            return Match(range: i..<k, name: name, closing: true, repaired: spelled + ">", hasAttributes: false)
        }
        return nil
    }
}
