import DocPipeCore

/// A byte-level pre-pass that repairs malformed tags of known HTML elements, one `.markup` fix each:
/// `<h3<Title` → `<h3>Title`, `<p<` → `<p>`, a stray `</div` with no `>` before the next `<` or line end
/// → `</div>`, `<h2 Title` (block tag, capitalised word, no `>` on the line) → `<h2>Title`,
/// `<h3Title` → `<h3>Title`. Text such as `a < b`, `x<y`, `<<`, `i <3 u`, `<a@b.org>` is left alone;
/// an opening-tag repair also needs the `<` at a line start or after a space or `>`.
public enum MalformedTagRepair {
    public static func rewrite(_ text: String) -> Rewrite {
        var text = text
        text.makeContiguousUTF8()
        let n = text.utf8.count
        var builder: TextBuilder?
        text.withBytes { p in
            var i = UTF8Bytes.find(0x3C, in: p, from: 0, to: n)
            // Where the last repair that ends in `>` ends: a tag right after it follows a `>` once
            // repaired (`</div<h3` → `</div><h3>`), as it will in the repaired text.
            var repairedEnd = -1
            while i < n {
                if let m = TagScanner.scan(p, at: i, afterTag: i == repairedEnd) {
                    if let fixed = m.repaired {
                        if fixed.utf8.last == 0x3E { repairedEnd = m.range.upperBound }
                        if builder == nil { builder = TextBuilder(source: text, capacity: n + 16) }
                        builder!.copy(upTo: m.range.lowerBound)
                        builder!.replace(m.range, with: fixed, fix: .markup, note: "malformed tag repaired")
                    }
                    i = UTF8Bytes.find(0x3C, in: p, from: max(m.range.upperBound, i + 1), to: n)
                } else {
                    i = UTF8Bytes.find(0x3C, in: p, from: i + 1, to: n)
                }
            }
        }
        guard let b = builder else { return .identity(text) }
        return b.finish()
    }
}
