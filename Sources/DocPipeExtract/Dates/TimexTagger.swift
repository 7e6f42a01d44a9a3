import DocPipeCore

/// TIMEX3-style date, duration, set and time tagging of English prose.
///
/// One linear pass: `DateScanner` cuts the UTF-8 bytes into tokens (words carry their lexicon entry
/// from `DateLexicon`), then `TimexParser` tries a fixed set of hand-written patterns at each token that
/// can start an expression and keeps the longest match. Relative and underspecified expressions
/// (`the following year`, `June 10`, `that night`) are resolved against `referenceDate` when given (news
/// mode) or else against the last date mentioned before them (narrative mode, as HeidelTime does for
/// encyclopedia text).
///
/// Ranges: `2004/2005` is one expression (value `2004`, from `2004`, to `2005`). Ranges written with a
/// dash or with `from … to` / `between … and` (`1990–1995`, `1915-16`, `6–7 January 1916`) are two
/// expressions, each with its own value and both carrying the range in `from`/`to`.
public struct TimexTagger: Sendable {
    public var referenceDate: String?

    public init(referenceDate: String? = nil) {
        self.referenceDate = referenceDate
    }

    public func tag(_ document: Document) -> [TimeExpression] {
        tag(text: document.text)
    }

    public func tag(text: String) -> [TimeExpression] {
        let ref = referenceDate.flatMap(TimexTagger.parsePoint)
        func run(_ buf: UnsafeBufferPointer<UInt8>) -> [TimeExpression] {
            DateScanner.withScan(buf) { TimexTagger.expressions($0, reference: ref) }
        }
        if let r = text.utf8.withContiguousStorageIfAvailable(run) { return r }
        return Array(text.utf8).withUnsafeBufferPointer(run)
    }

    /// `Tokenizer.tokens(in: text)` and `tag(text: text)`, from one pass over the bytes for both
    /// (`DateScanner.withJointScan`): the token layer and the date scan cut most words at the same places.
    func tokensAndTag(text: String) -> ([Token], [TimeExpression]) {
        let ref = referenceDate.flatMap(TimexTagger.parsePoint)
        var text = text
        return text.withUTF8 { buf in
            DateScanner.withJointScan(buf) { tokens, scanned in (tokens, TimexTagger.expressions(scanned, reference: ref)) }
        }
    }

    /// The expressions the parser finds in `scanned`.
    static func expressions(_ scanned: DateScanner.Scanned, reference: DatePoint?) -> [TimeExpression] {
        let parser = TimexParser(scanned: scanned, reference: reference)
        parser.run()
        return parser.expressions()
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a point.
    static func parsePoint(_ s: String) -> DatePoint? {
        let parts = s.split(separator: "-").map { Int($0) }
        guard let y = parts.first ?? nil else { return nil }
        var p = DatePoint(year: y)
        if parts.count > 1, let m = parts[1], (1...12).contains(m) { p.month = m }
        if parts.count > 2, let d = parts[2], (1...31).contains(d), p.month > 0 { p.day = d }
        return p
    }
}

/// A match: token range [s, e) and the expression it denotes.
///
/// A class, not a struct: every pattern function returns `TimexMatch?` and most return nil, which for a
/// reference is one word; a struct optional this size is copied by memcpy and destroyed through the
/// runtime's value witness at each of the dozen pattern calls per candidate (tried: twice the cost).
/// Each instance is made by one pattern call and owned by its caller, so adjusting a returned match in
/// place (`m.s = i`) touches nothing shared. `value` is its only string: the rare parts are plain values
/// that become strings in `emit` (freeing five strings per match cost more than most patterns).
final class TimexMatch {
    var s: Int
    var e: Int
    var kind: TimeExpression.Kind
    var mod: Mod = .none
    var value: String
    /// The expression also denotes the range from its value to this year (`2004/2005`); 0: no range.
    var rangeToYear: Int
    /// For sets: how often (`three times a year` → 3).
    var times: Int?
    /// The calendar point a DATE/TIME denotes (anchors later relative expressions in narrative mode).
    var point: DatePoint?
    /// The year was written (not taken from the anchor).
    var explicitYear: Bool
    /// Shape, for range tails: 1 = plain year, 2 = month + day.
    var shape: Int

    /// TIMEX3 mod values.
    enum Mod: UInt8 {
        case none, start, mid, end, approx, moreThan, lessThan, equalOrMore
        var string: String? {
            switch self {
            case .none: return nil
            case .start: return "START"
            case .mid: return "MID"
            case .end: return "END"
            case .approx: return "APPROX"
            case .moreThan: return "MORE_THAN"
            case .lessThan: return "LESS_THAN"
            case .equalOrMore: return "EQUAL_OR_MORE"
            }
        }
    }

    init(s: Int, e: Int, kind: TimeExpression.Kind, value: String, rangeToYear: Int = 0, times: Int? = nil,
         point: DatePoint? = nil, explicitYear: Bool = false, shape: Int = 0) {
        self.s = s
        self.e = e
        self.kind = kind
        self.value = value
        self.rangeToYear = rangeToYear
        self.times = times
        self.point = point
        self.explicitYear = explicitYear
        self.shape = shape
    }
}

struct TimexParser {
    typealias K = DateLexicon.Kind

    /// An expression as `emit` records it: its one string and plain values. A `TimeExpression` (five strings) appended
    /// per expression was copied and destroyed through its value witnesses (about 250 instructions each); these
    /// become `TimeExpression`s in one pass (`expressions()`) after `linkRanges`.
    struct Found {
        var value: String
        /// Token range [s, e) and byte range.
        var s: Int
        var e: Int
        var range: Range<Int>
        var kind: TimeExpression.Kind
        var mod: TimexMatch.Mod
        var explicitYear: Bool
        /// `linkRanges`: 1, a range with the next expression; -1, with the previous one.
        var link: Int8 = 0
        /// See `TimexMatch.rangeToYear` and `TimexMatch.times`.
        var rangeToYear: Int
        var times: Int?

        /// `from` is set (the expression is a range already).
        var hasFrom: Bool { rangeToYear != 0 || link != 0 }
    }
    /// Unchecked reads: every index is checked against `limit`/`n` (or 0) before use, as the helpers below do.
    let t: UnsafeBufferPointer<DateToken>
    let n: Int
    let reference: DatePoint?

    /// What changes while the parser runs, behind a pointer (`state`): with it stored in the parser, the driver had to be
    /// `mutating`, and each call it made of a non-mutating method (`canStart`, `parseAt`) copied the whole parser (a
    /// memcpy per candidate). Now no method mutates the parser itself and nothing is copied. Copies of a parser share it.
    struct State {
        var anchor: DatePoint? = nil
        var found: [Found] = []
        var limit = 0
        var lastPoint: DatePoint? = nil
        var ctxBeforeLast: DatePoint? = nil
        var memo: UnsafeMutablePointer<Memo>? = nil
    }
    /// Owns the state's storage (freed with the last copy of the parser).
    final class StateBox {
        let p: UnsafeMutablePointer<State>
        init() { p = .allocate(capacity: 1); p.initialize(to: State()) }
        deinit { p.deinitialize(count: 1); p.deallocate() }
    }
    let stateBox: StateBox
    let state: UnsafeMutablePointer<State>

    var anchor: DatePoint? {
        get { state.pointee.anchor }
        nonmutating set { state.pointee.anchor = newValue }
    }
    /// The expressions found so far, in text order; `expressions()` makes them `TimeExpression`s once, at the end.
    var found: [Found] {
        _read { yield state.pointee.found }
        nonmutating _modify { yield &state.pointee.found }
    }
    /// First token index of the next line (patterns never cross a line break).
    var limit: Int {
        get { state.pointee.limit }
        nonmutating set { state.pointee.limit = newValue }
    }
    /// The calendar point of the last expression `emit` recorded (nil: none, or it has none), for range ends.
    var lastPoint: DatePoint? {
        get { state.pointee.lastPoint }
        nonmutating set { state.pointee.lastPoint = newValue }
    }
    /// The context (`ctx`) the last expression `emit` recorded was read in, before it moved the anchor.
    var ctxBeforeLast: DatePoint? {
        get { state.pointee.ctxBeforeLast }
        nonmutating set { state.pointee.ctxBeforeLast = newValue }
    }

    /// Tests only: try every pattern at every candidate (the reference for `parseAt`'s dispatch).
    var allPatterns = false

    /// The count at the current candidate, parsed once by `parseAt` for the patterns that each begin by
    /// reading it (`duration`, `quantifiedRelative`, `timesPer`). Both are pure functions of the tokens
    /// and `limit`, which stay fixed during one `parseAt`; patterns read only forward of their candidate, so
    /// a memo left from an earlier candidate is never asked for. Kept behind a pointer that `run` sets:
    /// writing a field of the parser in `parseAt` made each pattern call copy the whole parser (memcpy).
    struct Memo {
        var at = -1
        var quantity: Quantity? = nil
        var cardinal: (Int, Int)? = nil
        /// `DatePoint(year: y).value` by year, direct-mapped (`y % yearSlots`), made on first use: a document
        /// writes the same few years again and again, and building the string costs more than the rest of a
        /// plain year's match. A handful of slots: destroying a table as large as the year range cost more.
        var years: UnsafeMutablePointer<(year: Int, value: String)>? = nil
        static var yearSlots: Int { 64 }

        mutating func yearValue(_ y: Int) -> String {
            let base: UnsafeMutablePointer<(year: Int, value: String)>
            if let b = years { base = b } else {
                base = .allocate(capacity: Memo.yearSlots)
                base.initialize(repeating: (0, ""), count: Memo.yearSlots)    // 0: no year (callers ask for y >= 1)
                years = base
            }
            let slot = base + y % Memo.yearSlots
            if slot.pointee.year == y { return slot.pointee.value }
            let v = DatePoint(year: y).value
            slot.pointee = (y, v)
            return v
        }
    }
    var memo: UnsafeMutablePointer<Memo>? {
        get { state.pointee.memo }
        nonmutating set { state.pointee.memo = newValue }
    }
    /// Tests only: false parses the count afresh in each pattern (the reference for the memo).
    var memoise = true

    @inline(__always) func quantityAt(_ i: Int) -> Quantity? {
        if let m = memo, m.pointee.at == i { return m.pointee.quantity }
        return quantity(i)
    }
    /// `DatePoint(year: y).value`, memoised per document (see `Memo.years`).
    @inline(__always) func yearValue(_ y: Int) -> String {
        guard y >= 1, let m = memo else { return DatePoint(year: y).value }
        return m.pointee.yearValue(y)
    }
    @inline(__always) func cardinalAt(_ i: Int) -> (Int, Int)? {
        if let m = memo, m.pointee.at == i { return m.pointee.cardinal }
        return cardinal(i)
    }

    /// The tokens that may start an expression and the tokens that begin a line (see `DateScanner.Scanned`);
    /// nil: `run` visits every token and finds line ends by walking them (the reference for the indexes, in tests).
    let starts: UnsafeBufferPointer<UInt32>?
    let lines: UnsafeBufferPointer<UInt32>?

    /// The text the tokens were scanned from, for the few tests on a word's letters (`wordIs`, `wordEnds`); empty when
    /// a test builds the parser from tokens alone.
    let text: UnsafeBufferPointer<UInt8>

    init(tokens: UnsafeBufferPointer<DateToken>, text: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0),
         reference: DatePoint?) {
        t = tokens
        self.text = text
        n = tokens.count
        self.reference = reference
        starts = nil
        lines = nil
        stateBox = StateBox()
        state = stateBox.p
    }

    init(scanned: DateScanner.Scanned, reference: DatePoint?) {
        t = scanned.tokens
        text = scanned.text
        n = scanned.tokens.count
        self.reference = reference
        starts = scanned.starts
        lines = scanned.lines
        stateBox = StateBox()
        state = stateBox.p
    }

    var ctx: DatePoint? { reference ?? anchor }

    // MARK: token helpers (all bounded by the current line)

    @inline(__always) func k(_ i: Int) -> K? { i >= 0 && i < limit && t[i].kind == .word ? t[i].lex : nil }
    @inline(__always) func lv(_ i: Int) -> Int { t[i].lexValue }
    @inline(__always) func p(_ i: Int, _ c: UInt8) -> Bool { i >= 0 && i < limit && t[i].kind == .punct && t[i].ch == c }
    @inline(__always) func isNum(_ i: Int) -> Bool { i >= 0 && i < limit && t[i].kind == .number && !t[i].decimal }
    @inline(__always) func adj(_ i: Int) -> Bool { i >= 0 && i < limit && !t[i].spaceBefore }
    @inline(__always) func isWord(_ i: Int) -> Bool { i >= 0 && i < limit && t[i].kind == .word }
    /// Punctuation or the end of the line.
    @inline(__always) func boundary(_ i: Int) -> Bool { i >= limit || t[i].kind == .punct }
    func unit(_ i: Int) -> (DateUnit, plural: Bool)? {
        guard k(i) == .unit, !t[i].cap, let u = DateUnit(rawValue: lv(i) % 100) else { return nil }
        return (u, lv(i) > 100)
    }
    func singularUnit(_ i: Int) -> DateUnit? {
        guard let (u, pl) = unit(i), !pl else { return nil }
        return u
    }

    /// Token i is a word spelled as one of `words` (lower-case ASCII; the token in any case). Reads the text: false
    /// when the parser has none.
    func wordIs(_ i: Int, oneOf words: [[UInt8]]) -> Bool {
        guard i >= 0, i < n, t[i].kind == .word, t[i].end <= text.count else { return false }
        let s = t[i].start, len = t[i].end - s
        next: for w in words where w.count == len {
            for k in 0..<len where text[s + k] | 0x20 != w[k] { continue next }
            return true
        }
        return false
    }

    /// Token i is a word of more than `suffix` whose last letters are `suffix` (lower-case ASCII; the token in any case).
    func wordEnds(_ i: Int, with suffix: [UInt8]) -> Bool {
        guard i >= 0, i < n, t[i].kind == .word, t[i].end <= text.count, t[i].end - t[i].start > suffix.count else { return false }
        let e = t[i].end - suffix.count
        for k in 0..<suffix.count where text[e + k] | 0x20 != suffix[k] { return false }
        return true
    }

    // MARK: driver

    func run() {
        let box: UnsafeMutablePointer<Memo>? = memoise ? .allocate(capacity: 1) : nil
        box?.initialize(to: Memo())
        memo = box
        defer {
            memo = nil
            if let years = box?.pointee.years { years.deinitialize(count: Memo.yearSlots); years.deallocate() }
            box?.deinitialize(count: 1); box?.deallocate()
        }
        if let starts, let lines {
            // The tokens `canStart` can accept, in order; `limit` is the first line start after the candidate.
            var i = 0, l = 0
            for c in starts {
                let s = Int(c)
                if s < i { continue }   // inside the last match
                if s >= limit {
                    while l < lines.count && Int(lines[l]) <= s { l += 1 }
                    limit = l < lines.count ? min(Int(lines[l]), n) : n
                }
                // `canStart` here, in the loop: most listed tokens fail it, and a call for each cost more than the test.
                i = canStart(s) ? parseFrom(s) : s + 1
            }
        } else {
            var i = 0
            while i < n {
                if i >= limit {
                    limit = i + 1
                    while limit < n && !t[limit].lineBefore { limit += 1 }
                }
                i = canStart(i) ? parseFrom(i) : i + 1
            }
        }
        linkRanges()
    }

    /// Tries token i, which `canStart` accepted: the index to go on from (after the expression and any range tail found
    /// there, or i + 1).
    func parseFrom(_ i: Int) -> Int {
        guard let m = parseAt(i) else { return i + 1 }
        let e = m.e, shape = m.shape, point = m.point
        emit(m)
        var next = e
        tails(e: e, shape: shape, point: point, &next)
        return next
    }

    /// A cheap test of whether any pattern can start at token i (most words cannot). Transparent: with
    /// `@inline(__always)` the compiler kept it out of line (a call per listed token).
    @_transparent func canStart(_ i: Int) -> Bool {
        let tok = t[i]
        guard tok.mayStart else { return false }
        switch tok.kind {
        case .number:
            // A count that cannot be a year (`47 member states`, `9,000 staff`, `10.8 per cent`) followed by a
            // word no date pattern knows starts nothing: most numbers in reference text are such counts.
            if tok.digits <= 2 || tok.digits >= 5 || tok.grouped || tok.decimal,
               i + 1 < limit, t[i + 1].kind == .word, t[i + 1].lex == nil, t[i + 1].spaceBefore { return false }
            return true
        case .punct: return true                 // an apostrophe
        case .word:
            guard let kk = tok.lex else { return false }
            switch kk {
            case .the, .a_:
                let nx = i + 1
                return nx < limit && (t[nx].kind == .number || t[nx].lex != nil)
            // `in the past`, `in the 1990s`: never `in the` + a word no pattern knows (`in the Council`).
            case .in_: return k(i + 1) == .the && i + 2 < limit && (t[i + 2].kind != .word || t[i + 2].lex != nil)
            // `five years`, `two-year`, `two hundred years`: never a number word + a word no pattern knows (`five states`).
            case .cardinal:
                let nx = i + 1
                if !(nx < limit && t[nx].kind == .word && t[nx].lex == nil && t[nx].spaceBefore) { return true }
                return lv(i) == 3 && wordIs(nx, oneOf: DateLexicon.quartersWord)  // `three quarters of a year`
            case .at: return k(i + 1) == .present || k(i + 1) == .least || k(i + 1) == .partOfDay
            case .tempPrep: return k(i + 1) == .partOfDay
            default: return true
            }
        }
    }

    func emit(_ m: TimexMatch) {
        let ctxBefore = ctx
        // The end of a range before its start, both in one year that the end did not write (`from November to April`,
        // `May 1923 – February`): the end falls in the next year; but when neither wrote it and the range ends by the
        // anchor's month, the story looks back (`Manila fell in March 1945; … from October to March`): it began the
        // year before (measured on WikiWars).
        if !m.explicitYear, var pt = m.point, pt.month > 0, let prev = lastPoint, prev.month > pt.month, prev.year == pt.year,
           let last = found.last, last.kind == .date, last.e == m.s - 1, joinsRange(last.s, last.e) {
            if !last.explicitYear, let a = ctxBeforeLast, a.year == pt.year, a.month >= pt.month {
                var first = prev
                first.year -= 1
                found[found.count - 1].value = first.value
            } else {
                pt.year += 1
                m.point = pt
                m.value = pt.value
            }
        }
        lastPoint = m.point
        ctxBeforeLast = ctxBefore
        if let pt = m.point, m.kind == .date || m.kind == .time, reference == nil {
            // Written years set the anchor; resolved expressions only refine it within its year
            // (`the following year` does not move it: measured better on WikiWars).
            // The second date of a range into a later year (`1975–1976`) leaves the anchor on the first.
            let secondOfRange = m.s > 0 && found.last?.e == m.s - 1 && (p(m.s - 1, 0x2D) || k(m.s - 1) == .to || k(m.s - 1) == .and)
            if secondOfRange, let a = anchor, a.year != pt.year, a.year > pt.year - 3 { /* keep */ }
            else if m.explicitYear { anchor = pt } else if let a = anchor, a.year == pt.year, pt.month > 0 { anchor = pt }
        }
        let s = m.s, e = m.e
        if found.isEmpty {
            // About one expression per 24 tokens in reference text: growing the array from empty cost more than the
            // appends themselves (the third of the capacity that usually stays unused is a few KB per document).
            found.reserveCapacity(n / 16 + 4)
        }
        found.append(Found(value: m.value, s: s, e: e, range: t[s].start..<t[e - 1].end, kind: m.kind, mod: m.mod,
                           explicitYear: m.explicitYear, rangeToYear: m.rangeToYear, times: m.times))
    }

    /// The expressions found, as `TimeExpression`s: the rare fields become strings here, once per expression (see
    /// `TimexMatch`), and the ranges `linkRanges` made get the values of both ends.
    func expressions() -> [TimeExpression] {
        // Filled in place, field by field: a `TimeExpression` built as a value and stored (appended or initialized) was
        // copied and the original destroyed through its value witnesses, about 250 instructions per expression.
        var out = [TimeExpression](repeating: TimeExpression(kind: .date, value: "", range: 0..<0), count: found.count)
        found.withUnsafeBufferPointer { f in
            out.withUnsafeMutableBufferPointer { o in
                for a in 0..<f.count {
                    // Fields read in place: a `Found` copied out costs a call through its value witness too.
                    let x = f.baseAddress! + a, y = o.baseAddress! + a
                    y.pointee.kind = x.pointee.kind
                    y.pointee.value = x.pointee.value
                    y.pointee.range = x.pointee.range
                    if x.pointee.mod != .none { y.pointee.mod = x.pointee.mod.string }
                    if x.pointee.rangeToYear != 0 {
                        y.pointee.from = x.pointee.value
                        y.pointee.to = DatePoint(year: x.pointee.rangeToYear).value
                    } else if x.pointee.link > 0 {
                        y.pointee.from = x.pointee.value
                        y.pointee.to = f[a + 1].value
                    } else if x.pointee.link < 0 {
                        y.pointee.from = f[a - 1].value
                        y.pointee.to = x.pointee.value
                    }
                    if let times = x.pointee.times { y.pointee.quantity = String(times) }
                }
            }
        }
        return out
    }

    /// Second halves of ranges that are not dates on their own: `1915-16`, `May 4–5, 1865`, `May 4 and 5`.
    func tails(e: Int, shape: Int, point: DatePoint?, _ i: inout Int) {
        if shape == 1, let pt = point, p(e, 0x2D), adj(e), isNum(e + 1), adj(e + 1), t[e + 1].digits == 2,
           !(adj(e + 2) && (isWord(e + 2) || isNum(e + 2))) {
            let y = pt.year / 100 * 100 + t[e + 1].num
            if y > pt.year {
                emit(TimexMatch(s: e + 1, e: e + 2, kind: .date, value: DatePoint(year: y).value, point: DatePoint(year: y), explicitYear: true, shape: 1))
                i = e + 2
            }
            return
        }
        if shape == 2, var pt = point, p(e, 0x2D) || k(e) == .and || (k(e) == .to && lv(e) == 0), let (d, e2) = day(e + 1),
           d > pt.day, month(e2) == nil {
            pt.day = d
            var end = e2
            var explicit = false
            var j = e2
            if p(j, 0x2C) { j += 1 }
            if let (y, e3) = yearAfter(j) {
                pt.year = y
                end = e3
                explicit = true
                // The year written after the second day belongs to the first too.
                if let last = found.indices.last, !found[last].explicitYear, var first = point {
                    first.year = y
                    found[last].value = first.value
                }
            }
            emit(TimexMatch(s: e + 1, e: end, kind: .date, value: pt.value, point: pt, explicitYear: explicit, shape: 2))
            i = end
        }
    }

    /// Consecutive dates joined by a dash, `from … to/until`, `between … and`: both get from/to.
    func linkRanges() {
        guard found.count > 1 else { return }
        for a in 0..<(found.count - 1) {
            let b = a + 1
            guard found[a].kind == .date, found[b].kind == .date, !found[a].hasFrom, !found[b].hasFrom else { continue }
            let ea = found[a].e, sb = found[b].s, sa = found[a].s
            guard sb == ea + 1, ea < n, !t[sb].lineBefore, !t[ea].lineBefore else { continue }
            if joinsRange(sa, ea) {
                found[a].link = 1
                found[b].link = -1
            }
        }
    }

    /// Token ea, right after an expression that starts at token sa, joins it to the next as a range: a dash,
    /// `from … to/until`, `between … and`.
    func joinsRange(_ sa: Int, _ ea: Int) -> Bool {
        guard ea < n else { return false }
        let j = t[ea]
        if j.kind == .punct && j.ch == 0x2D { return true }
        if j.kind == .word, j.lex == .to, lv(ea) <= 1, sa > 0, t[sa - 1].lex == .from { return true }
        if j.kind == .word, j.lex == .and, sa > 0, t[sa - 1].lex == .between { return true }
        return false
    }

    // MARK: pattern dispatch

    /// The patterns in `parseAt`'s order, as bits (`core` flattened: keeping the first longest match over
    /// the flat list is what the nested calls do). Plain integers, so no set is built per candidate.
    enum Pat {
        static var refs: UInt16 { 1 << 0 }
        static var modded: UInt16 { 1 << 1 }
        static var approx: UInt16 { 1 << 2 }
        static var absDate: UInt16 { 1 << 3 }
        static var decade: UInt16 { 1 << 4 }
        static var season: UInt16 { 1 << 5 }
        static var relative: UInt16 { 1 << 6 }
        static var partOfDay: UInt16 { 1 << 7 }
        static var clockTime: UInt16 { 1 << 8 }
        static var duration: UInt16 { 1 << 9 }
        static var setExpr: UInt16 { 1 << 10 }
        static var dayRangeHead: UInt16 { 1 << 11 }
        static var all: UInt16 { 0xFFF }
    }

    /// The patterns that can match at all when token i is the first: each pattern's first test is on the
    /// kind or lexicon entry of its first token (or of the token after a leading `the`), so the others
    /// return nil. Pinned by a test against `allPatterns`.
    @inline(__always) func patterns(_ i: Int) -> UInt16 {
        let tok = t[i]
        switch tok.kind {
        case .number:
            if tok.decimal { return 0 }
            // By shape: days, clock hours and ordinals have at most 2 digits, years (and `1950s`) at most 4 and no
            // grouping; counts (`cardinal`) at most 4 digits unless grouped.
            // A count starts a duration, set or relative date only before a unit (`5 years`), a dash (`5-year`),
            // `times` or `and a half`: `cardinal` ends a number at the next token, and each of the three tests it first.
            let counts = countFollows(i + 1) ? Pat.relative | Pat.duration | Pat.setExpr : 0
            if tok.grouped { return counts }
            // A decade or century needs a glued suffix: `21st` (century), `1950s`, `1950's`.
            let decade = decadeFollows(i + 1) ? Pat.decade : 0
            if tok.digits <= 2 { return counts | Pat.absDate | decade | Pat.clockTime | Pat.dayRangeHead }
            if tok.digits == 3 { return counts | Pat.absDate }
            if tok.digits == 4 { return counts | Pat.absDate | (tok.num % 10 == 0 ? decade : 0) }
            return 0
        case .punct:
            return tok.ch == 0x27 ? Pat.absDate | Pat.decade : 0    // '89, '50s
        case .word:
            guard let kk = tok.lex else { return 0 }
            return kk == .the ? patternsAfterThe(i + 1) : TimexParser.patterns(kk)
        }
    }

    /// Digits read as a count (`cardinal`, which ends at the next token) lead to one of the count patterns only
    /// when token j can follow it there: a unit, a dash, `times`, or the `and` of `and a half`.
    @inline(__always) func countFollows(_ j: Int) -> Bool {
        guard j < limit else { return false }
        let a = t[j]
        if a.kind == .punct { return a.ch == 0x2D }
        return a.kind == .word && (a.lex == .unit || a.lex == .times || a.lex == .and)
    }

    /// Token j can end a decade or century begun by digits: an ordinal suffix (`21st`), an unknown word (the `s`
    /// of `1950s`) or an apostrophe (`1950's`).
    @inline(__always) func decadeFollows(_ j: Int) -> Bool {
        guard j < limit else { return false }
        let a = t[j]
        if a.kind == .punct { return a.ch == 0x27 }
        return a.kind == .word && (a.lex == nil || a.lex == .ordSuffix)
    }

    /// The patterns `the` at token j - 1 can start, by token j: after a leading `the` each of
    /// `TimexParser.patterns(.the)` tests the next token's kind or lexicon entry first (a subset of that list).
    func patternsAfterThe(_ j: Int) -> UInt16 {
        guard j < limit else { return 0 }
        let a = t[j]
        switch a.kind {
        case .number: return Pat.absDate | Pat.decade                          // the 12th of June, the 12 June, the 1950s, the 21st century
        case .punct: return a.ch == 0x27 ? Pat.decade : 0                      // the '50s
        case .word:
            guard let kk = a.lex else { return 0 }
            switch kk {
            case .present: return Pat.refs                                     // the present day
            case .modStart, .modMid, .modEnd, .modNoun: return Pat.modded       // the end of 1951
            case .ordinal: return Pat.modded | Pat.absDate | Pat.decade | Pat.duration
            case .first, .last: return Pat.modded | Pat.duration
            case .tens: return Pat.absDate | Pat.decade                         // the twenty-first (of June, century)
            case .decadeWord: return Pat.decade
            case .season: return Pat.season
            case .next, .previous: return Pat.relative | Pat.duration
            case .unit, .that, .this, .same: return Pat.relative                 // the year 1950, the day before, the same year
            case .partOfDay: return Pat.partOfDay
            case .past_: return Pat.duration
            default: return 0
            }
        }
    }

    static func patterns(_ kk: K) -> UInt16 {
        switch kk {
        case .the: return Pat.refs | Pat.modded | Pat.absDate | Pat.decade | Pat.season | Pat.relative | Pat.partOfDay | Pat.duration
        case .present, .past, .recent, .dayWord, .in_: return Pat.refs
        case .at: return Pat.refs | Pat.approx
        case .this: return Pat.refs | Pat.season | Pat.relative
        case .modStart, .modMid, .modEnd, .modNoun, .first: return Pat.modded
        case .ordinal: return Pat.modded | Pat.decade
        case .last: return Pat.modded | Pat.relative
        case .approx, .circa, .nearly, .moreThan, .lessThan: return Pat.approx
        case .weekday, .month, .monthAbbr, .holiday, .ad: return Pat.absDate
        case .tens: return Pat.decade | Pat.relative | Pat.duration | Pat.setExpr
        case .cardinal, .a_: return Pat.relative | Pat.duration | Pat.setExpr
        case .that: return Pat.season | Pat.relative
        case .season: return Pat.season
        case .next, .previous, .later, .earlier, .same, .unit: return Pat.relative
        case .few: return Pat.relative | Pat.duration
        case .partOfDay: return Pat.partOfDay
        case .noon, .midnight: return Pat.clockTime
        case .for_, .half: return Pat.duration
        case .setAdverb, .every, .each, .per, .once: return Pat.setExpr
        default: return 0
        }
    }

    func parseAt(_ i: Int) -> TimexMatch? {
        let ps = allPatterns ? Pat.all : patterns(i)
        if ps == 0 { return nil }
        if let m = memo {
            m.pointee.at = -1
            if ps & (Pat.relative | Pat.duration | Pat.setExpr) != 0 {
                m.pointee.cardinal = cardinal(i)
                m.pointee.at = i
                m.pointee.quantity = quantity(i)     // reads the memoised cardinal
            }
        }
        var best: TimexMatch? = nil
        if ps & Pat.refs != 0 { best = refs(i) }
        if ps & Pat.modded != 0 { TimexParser.keepLonger(&best, modded(i)) }
        if ps & Pat.approx != 0 { TimexParser.keepLonger(&best, approx(i)) }
        if ps & Pat.absDate != 0 { TimexParser.keepLonger(&best, absDate(i)) }
        if ps & Pat.decade != 0 { TimexParser.keepLonger(&best, decadeOrCentury(i)) }
        if ps & Pat.season != 0 { TimexParser.keepLonger(&best, season(i)) }
        if ps & Pat.relative != 0 { TimexParser.keepLonger(&best, relative(i)) }
        if ps & Pat.partOfDay != 0 { TimexParser.keepLonger(&best, partOfDay(i)) }
        if ps & Pat.clockTime != 0 { TimexParser.keepLonger(&best, clockTime(i)) }
        if ps & Pat.duration != 0 { TimexParser.keepLonger(&best, duration(i)) }
        if ps & Pat.setExpr != 0 { TimexParser.keepLonger(&best, setExpr(i)) }
        if ps & Pat.dayRangeHead != 0 { TimexParser.keepLonger(&best, dayRangeHead(i)) }
        return best
    }

    @inline(__always) static func keepLonger(_ best: inout TimexMatch?, _ m: TimexMatch?) {
        guard let me = m?.e else { return }
        if let be = best?.e, be >= me { return }
        best = m
    }

    func core(_ i: Int) -> TimexMatch? {
        var best = absDate(i)
        TimexParser.keepLonger(&best, decadeOrCentury(i))
        TimexParser.keepLonger(&best, season(i))
        TimexParser.keepLonger(&best, relative(i))
        TimexParser.keepLonger(&best, partOfDay(i))
        TimexParser.keepLonger(&best, clockTime(i))
        return best
    }

    // MARK: numbers

    /// A day of the month: `12`, `12th`.
    func day(_ i: Int) -> (Int, Int)? {
        guard isNum(i), !t[i].grouped, t[i].digits <= 2, (1...31).contains(t[i].num) else { return nil }
        if p(i + 1, 0x3A) && adj(i + 1) { return nil }          // 10:30
        if k(i + 1) == .ordSuffix && adj(i + 1) { return (t[i].num, i + 2) }
        if isWord(i + 1) && adj(i + 1) { return nil }            // 12km
        return (t[i].num, i + 1)
    }

    /// An ordinal: `19th`, `nineteenth`, `twenty-first`, `twenty first`.
    func ordinal(_ i: Int) -> (Int, Int)? {
        if isNum(i), !t[i].grouped, t[i].digits <= 2, k(i + 1) == .ordSuffix, adj(i + 1) { return (t[i].num, i + 2) }
        if k(i) == .ordinal { return (lv(i), i + 1) }
        if k(i) == .tens {
            var j = i + 1
            if p(j, 0x2D) && adj(j) { j += 1 }
            if k(j) == .ordinal, lv(j) < 10 { return (lv(i) + lv(j), j + 1) }
        }
        return nil
    }

    /// A cardinal quantity for durations: digits or number words (`25`, `twenty-five`, `a hundred`).
    func cardinal(_ i: Int) -> (Int, Int)? {
        if isNum(i) {
            guard t[i].digits <= 4 || t[i].grouped else { return nil }
            if p(i - 1, 0x24) || (i > 0 && t[i - 1].kind == .punct && (t[i - 1].ch == 0x2F || t[i - 1].ch == 0x3A) && adj(i)) { return nil }
            return (t[i].num, i + 1)
        }
        var v = 0, j = i
        if k(j) == .tens {
            v = lv(j); j += 1
            if p(j, 0x2D), adj(j), k(j + 1) == .cardinal, lv(j + 1) < 10 { v += lv(j + 1); j += 2 }
            else if k(j) == .cardinal, lv(j) < 10 { v += lv(j); j += 1 }
        } else if k(j) == .cardinal, lv(j) < 100 {
            v = lv(j); j += 1
        } else if k(j) == .a_, k(j + 1) == .cardinal, lv(j + 1) >= 12 {
            v = 1; j += 1
        } else {
            return nil
        }
        if k(j) == .cardinal, lv(j) >= 100 { v *= lv(j); j += 1 }
        else if v >= 100 && j == i + 1 { /* bare "hundred" */ }
        return (v, j)
    }

    /// A month name: `June`, `Jun.`, `Sept` (capitalised; abbreviations only where `needNumber`).
    func month(_ i: Int, abbrOK: Bool = true) -> (Int, Int)? {
        guard i < limit, t[i].kind == .word, t[i].cap, let kk = t[i].lex else { return nil }
        if kk == .month { return (lv(i), i + 1) }
        if kk == .monthAbbr && abbrOK {
            if p(i + 1, 0x2E) && adj(i + 1) { return (lv(i), i + 2) }
            return (lv(i), i + 1)
        }
        return nil
    }

    /// An era marker after a number: `BC`, `BCE`, `AD`, `CE`, `B.C.`, `A.D.` → (is BC, end).
    func era(_ i: Int) -> (Bool, Int)? {
        if k(i) == .bc { return (true, i + 1) }
        if k(i) == .ad { return (false, i + 1) }
        guard isWord(i), t[i].cap, t[i].end - t[i].start == 1, p(i + 1, 0x2E), adj(i + 1), isWord(i + 2), adj(i + 2),
              t[i + 2].cap, t[i + 2].end - t[i + 2].start == 1 else { return nil }
        let a = t[i].b0, b = t[i + 2].b0
        guard (a == 0x62 && b == 0x63) || (a == 0x61 && b == 0x64) else { return nil }    // b.c. / a.d.
        var e = i + 3
        if p(e, 0x2E), adj(e) { e += 1 }
        return (a == 0x62, e)
    }

    /// A year after a month or a day (`June 2004`, `12 June 2004`, `June 490 BC`).
    func yearAfter(_ i: Int) -> (Int, Int)? {
        guard isNum(i), !t[i].grouped, t[i].digits <= 4 else { return nil }
        if let (bc, e) = era(i + 1) { return (bc ? 1 - t[i].num : t[i].num, e) }
        if isWord(i + 1) && adj(i + 1) { return nil }
        if p(i + 1, 0x3A) && adj(i + 1) && isNum(i + 2) { return nil }
        if let c = ctx, c.year <= 0, t[i].digits == 3 || t[i].digits == 2 { return (1 - t[i].num, i + 1) }
        guard t[i].digits == 4 else { return nil }
        return (t[i].num, i + 1)
    }

    /// Words that introduce a year (`in 1951`, `since 1990`, `the 1950 election`).
    func temporalBefore(_ i: Int) -> Bool {
        guard i >= 0, i < n else { return true }
        if t[i].kind == .punct { return true }
        guard let kk = t[i].lex else { return false }
        switch kk {
        case .in_, .tempPrep, .of, .from, .to, .between, .and, .the, .modStart, .modMid, .modEnd, .at, .circa, .approx,
             .later, .earlier, .month, .monthAbbr, .season, .this, .that:
            return true
        default: return false
        }
    }

    /// A bare number read as a year, with the checks that keep counts, codes, money and times out.
    func plainYear(_ i: Int) -> (Int, Int)? {
        guard isNum(i) else { return nil }
        let tk = t[i]
        guard !tk.grouped else { return nil }
        // Era-marked years of any length: `490 BC`, `AD 9`, `9 AD`.
        if tk.digits <= 4, let (bc, e) = era(i + 1), bc || k(i + 1) != .ad || lv(i + 1) == 0 || tk.digits >= 3 { return (bc ? 1 - tk.num : tk.num, e) }
        // `from 499 to 493 BC`: the era written once for both
        if k(i + 1) == .to || k(i + 1) == .and || p(i + 1, 0x2D), isNum(i + 2), t[i + 2].num <= tk.num, k(i + 3) == .bc, tk.digits <= 4 {
            return (1 - tk.num, i + 1)
        }
        var y = tk.num
        if tk.digits == 4 {
            guard (1000...2100).contains(y) else { return nil }
        } else if (tk.digits == 3 || tk.digits == 2), let c = ctx, c.year <= 0, i > 0,
                  let kk = t[i - 1].lex, kk == .in_ || kk == .tempPrep || kk == .to || kk == .circa {
            y = 1 - y   // BC narrative: `in 480`
        } else {
            return nil
        }
        // After: glued letters, times, percentages, codes, units of measure and counted nouns.
        let nx = i + 1
        if nx < limit {
            let a = t[nx]
            if adj(nx) {
                if a.kind == .word { return nil }
                if a.kind == .punct {
                    switch a.ch {
                    case 0x25: return nil                                                // %
                    case 0x2F: if !(tk.digits == 4 && isNum(nx + 1) && adj(nx + 1) && (t[nx + 1].digits == 2 || t[nx + 1].digits == 4) && !(p(nx + 2, 0x2F) && adj(nx + 2))) { return nil }
                    case 0x3A: if isNum(nx + 1) && adj(nx + 1) { return nil }            // 19:45
                    case 0x2E, 0x2C: if isNum(nx + 1) && adj(nx + 1) { return nil }      // 1999.5, 1999,12
                    case 0x2D: if isNum(nx + 1) && adj(nx + 1) && t[nx + 1].digits != 2 && t[nx + 1].digits != 4 { return nil }
                    default: break
                    }
                }
            }
            if a.kind == .word, let kk = a.lex, kk == .blockAfter || kk == .per { return nil }
            if a.kind == .word, k(nx) == .unit { return nil }            // `1500 years` is a duration
            // A plural noun after it: a count (`about 1500 delegates`), unless a temporal word comes before (`the 1950 elections`).
            // `was`, `is`, `has`, `does` end in `s` but are verbs: `the budget for 2023 was`.
            if a.kind == .word, !a.cap, a.lex == nil, lastByteIsS(nx), !temporalBefore(i - 1) || (i > 0 && (t[i - 1].lex == .and || t[i - 1].lex == .approx)),
               !wordIs(nx, oneOf: DateLexicon.sVerbs) { return nil }
        }
        // Before: currency, codes, `resolution 2758`, `No. 1951`, `A/RES/47/4`.
        if i > 0 && i - 1 < n {
            let b = t[i - 1]
            if b.kind == .punct {
                if b.ch == 0x24 || b.ch == 0x23 { return nil }
                if !tk.spaceBefore && (b.ch == 0x2F || b.ch == 0x3A || b.ch == 0x2E) { return nil }
                if b.ch == 0x2E, i > 1, t[i - 2].lex == .blockBefore { return nil }
                if b.ch == 0x2D, i > 1, t[i - 2].kind == .number, found.last?.e != i - 1 { return nil }
            }
            if b.lex == .blockBefore { return nil }
        }
        return (y, i + 1)
    }

    /// Unknown words carry their last letter (negated, lower case) in `lexValue`.
    func lastByteIsS(_ i: Int) -> Bool { t[i].lex == nil && t[i].lexValue == -115 }

    // MARK: absolute dates

    /// The year of a month written without one: the anchor's.
    /// The year of a month or day written without one: the anchor's. (Tried on WikiWars and rejected:
    /// moving forward a year when the month precedes the anchor's, and preferring the last written
    /// date that had a month; both lowered value accuracy.)
    func resolvedYear(_ mo: Int) -> Int? { ctx?.year }

    func point(_ y: Int?, _ m: Int, _ d: Int) -> (String, DatePoint?) {
        if let y {
            let pt = DatePoint(year: y, month: m, day: d)
            return (pt.value, pt)
        }
        var s = "XXXX"
        if m > 0 { s += "-" + DatePoint.pad2(m) }
        if m > 0 && d > 0 { s += "-" + DatePoint.pad2(d) }
        return (s, nil)
    }

    func absDate(_ i: Int) -> TimexMatch? {
        var j = i
        var weekday = false
        if k(j) == .weekday, t[j].cap {
            j += 1
            if p(j, 0x2C) { j += 1 }
            weekday = true
        }
        // the 12th of June [2004]
        if k(j) == .the, let (d, e) = ordinalDay(j + 1), k(e) == .of, let (mo, e2) = month(e + 1) {
            return withoutNounsThe(dayMonthTail(i, d, mo, e2), j)
        }
        if let (mo, e) = month(j) {
            let isAbbr = t[j].lex == .monthAbbr
            if let (d, e2) = day(e), !(p(e2, 0x3A)) {
                var e3 = e2
                if p(e3, 0x2C) { e3 += 1 }
                if let (y, e4) = yearAfter(e3) {
                    let pt = DatePoint(year: y, month: mo, day: d)
                    return TimexMatch(s: i, e: e4, kind: .date, value: pt.value, point: pt, explicitYear: true, shape: 2)
                }
                guard d <= DatePoint.daysIn(month: mo, year: 2000) else { return nil }
                if k(e3) == .of, let (y, e4) = yearAfter(e3 + 1) ?? ofThatYear(e3 + 1) {
                    let pt = DatePoint(year: y, month: mo, day: d)
                    return TimexMatch(s: i, e: e4, kind: .date, value: pt.value, point: pt, explicitYear: e4 == e3 + 2, shape: 2)
                }
                let (v, pt) = point(resolvedYear(mo), mo, d)
                return TimexMatch(s: i, e: e2, kind: .date, value: v, point: pt, shape: 2)
            }
            var e3 = e
            if k(e3) == .of, let (y, e4) = ofThatYear(e3 + 1) {
                let pt = DatePoint(year: y, month: mo)
                return TimexMatch(s: i, e: e4, kind: .date, value: pt.value, point: pt)
            }
            if p(e3, 0x2C) || k(e3) == .of { e3 += 1 }
            if let (y, e4) = yearAfter(e3) {
                let pt = DatePoint(year: y, month: mo)
                return TimexMatch(s: i, e: e4, kind: .date, value: pt.value, point: pt, explicitYear: true)
            }
            if weekday || isAbbr { return nil }
            // A bare month name: `May` and `March` need a preposition before them.
            if mo == 5 || mo == 3 {
                guard j > 0, let kk = t[j - 1].lex, kk == .in_ || kk == .tempPrep || kk == .to || kk == .from || kk == .of || kk == .between
                        || kk == .modStart || kk == .modMid || kk == .modEnd else { return nil }
                if t[j].lineBefore { return nil }
            }
            // `between March and April 1918`: the year written with the second month; the year before when the range
            // ends in a month before the first (`between November and April 1918`).
            if k(e) == .and || k(e) == .to || p(e, 0x2D), let (mo2, e5) = month(e + 1), let (y, _) = yearAfter(p(e5, 0x2C) ? e5 + 1 : e5) {
                let pt = DatePoint(year: mo > mo2 && joinsRange(i, e) ? y - 1 : y, month: mo)
                return TimexMatch(s: i, e: e, kind: .date, value: pt.value, point: pt, explicitYear: true)
            }
            // A habit stated in the present (`the Council meets in March`): no particular year.
            if statesHabit(i, e) { return TimexMatch(s: i, e: e, kind: .date, value: "XXXX-" + DatePoint.pad2(mo)) }
            let (v, pt) = point(resolvedYear(mo), mo, 0)
            return TimexMatch(s: i, e: e, kind: .date, value: v, point: pt)
        }
        // [the] 12 June [2004]
        if k(j) == .the, !weekday, let (d, e) = day(j + 1), let (mo, e2) = month(e) {
            return withoutNounsThe(dayMonthTail(i, d, mo, e2), j)
        }
        // Christmas [1963]
        if k(j) == .holiday, t[j].cap, !weekday {
            let mo = lv(j) / 100, d = lv(j) % 100
            if let (y, e2) = yearAfter(j + 1) {
                let pt = DatePoint(year: y, month: mo, day: d)
                return TimexMatch(s: i, e: e2, kind: .date, value: pt.value, point: pt, explicitYear: true)
            }
            let (v, pt) = point(resolvedYear(mo), mo, d)
            return TimexMatch(s: i, e: j + 1, kind: .date, value: v, point: pt)
        }
        // 12 June [2004]
        if let (d, e) = day(j) {
            var e1 = e
            if k(e1) == .of { e1 += 1 }
            if let (mo, e2) = month(e1) {
                return dayMonthTail(i, d, mo, e2)
            }
        }
        if weekday { return nil }
        return yearForms(i)
    }

    /// A full date after `the` (token j) and before a noun modifies the noun, whose `the` it is (`the 17 August 1999
    /// earthquake`): the match starts after it. Before anything else (`on the 11 July, 1920,`) `the` is the date's.
    func withoutNounsThe(_ m: TimexMatch?, _ j: Int) -> TimexMatch? {
        guard let m, m.explicitYear, m.s == j, isNoun(m.e) else { return m }
        m.s = j + 1
        return m
    }

    /// Token i looks like a common noun: a lower-case word the lexicon does not know, not a regular past tense and not
    /// one of the function words and verbs that follow dates (`DateLexicon.notNounsAfterDate`).
    func isNoun(_ i: Int) -> Bool {
        guard isWord(i), !t[i].cap, t[i].lex == nil, t[i].b0 != 0 else { return false }
        return !wordEnds(i, with: DateLexicon.pastTenseEnding) && !wordIs(i, oneOf: DateLexicon.notNounsAfterDate)
    }

    /// `that year`, `the same year`, `this year`, `next year`, `the following year` after `of`: the year it names.
    func ofThatYear(_ i: Int) -> (Int, Int)? {
        guard let c = ctx else { return nil }
        var j = i
        if k(j) == .the { j += 1 }
        var by = 0
        if let kk = k(j) {
            switch kk {
            case .that, .this: if k(j + 1) == .same { j += 1 }
            case .same: guard j > i else { return nil }
            case .next: by = 1
            case .previous: by = -1
            default: return nil
            }
        } else { return nil }
        guard singularUnit(j + 1) == .year else { return nil }
        return (c.year + by, j + 2)
    }

    func ordinalDay(_ i: Int) -> (Int, Int)? {
        if let (d, e) = ordinal(i), (1...31).contains(d) { return (d, e) }
        return nil
    }

    func dayMonthTail(_ s: Int, _ d: Int, _ mo: Int, _ e: Int) -> TimexMatch? {
        guard d <= DatePoint.daysIn(month: mo, year: 2000) else { return nil }
        var e3 = e
        if p(e3, 0x2C) { e3 += 1 }
        if let (y, e4) = yearAfter(e3) {
            let pt = DatePoint(year: y, month: mo, day: d)
            return TimexMatch(s: s, e: e4, kind: .date, value: pt.value, point: pt, explicitYear: true)
        }
        let (v, pt) = point(resolvedYear(mo), mo, d)
        return TimexMatch(s: s, e: e, kind: .date, value: v, point: pt)
    }

    /// `6` in `6–7 January 1916`: the first day of a day range, dated by what follows.
    func dayRangeHead(_ i: Int) -> TimexMatch? {
        guard let (d, e) = day(i), p(e, 0x2D) || k(e) == .and || (k(e) == .to && lv(e) == 0) else { return nil }
        guard let (d2, _) = day(e + 1), d2 > d, let m = absDate(e + 1), var pt = m.point, pt.day > 0 else { return nil }
        pt.day = d
        return TimexMatch(s: i, e: e, kind: .date, value: pt.value, point: pt, explicitYear: m.explicitYear)
    }

    /// Years in all their shapes: `1951`, `490 BC`, `AD 9`, `2004/2005`, `2004-06-12`, `12/06/2004`.
    func yearForms(_ i: Int) -> TimexMatch? {
        // AD 9
        if k(i) == .ad, lv(i) == 0, t[i].cap, isNum(i + 1), !t[i + 1].grouped, t[i + 1].digits <= 4, !(isWord(i + 2) && adj(i + 2)) {
            let pt = DatePoint(year: t[i + 1].num)
            return TimexMatch(s: i, e: i + 2, kind: .date, value: yearValue(pt.year), point: pt, explicitYear: true, shape: 1)
        }
        // '89: a two-digit year after an apostrophe
        if p(i, 0x27), isNum(i + 1), adj(i + 1), t[i + 1].digits == 2, !(adj(i + 2) && (isWord(i + 2) || isNum(i + 2))),
           !(i > 0 && adj(i) && isWord(i - 1)) {
            var y = (ctx.map { $0.year > 0 ? $0.year / 100 : 19 } ?? 19) * 100 + t[i + 1].num
            if let c = ctx, y > c.year + 10 { y -= 100 }
            let pt = DatePoint(year: y)
            return TimexMatch(s: i, e: i + 2, kind: .date, value: yearValue(y), point: pt, explicitYear: true)
        }
        guard isNum(i), !t[i].grouped else { return nil }
        let a = t[i]
        // ISO 2004-06-12
        if a.digits == 4, p(i + 1, 0x2D), adj(i + 1), isNum(i + 2), adj(i + 2), t[i + 2].digits == 2, p(i + 3, 0x2D), adj(i + 3),
           isNum(i + 4), adj(i + 4), t[i + 4].digits == 2 {
            let mo = t[i + 2].num, d = t[i + 4].num
            guard (1...12).contains(mo), d >= 1, d <= DatePoint.daysIn(month: mo, year: a.num) else { return nil }
            let pt = DatePoint(year: a.num, month: mo, day: d)
            return TimexMatch(s: i, e: i + 5, kind: .date, value: pt.value, point: pt, explicitYear: true)
        }
        // 12/06/2004 (only when day and month cannot be swapped)
        if a.digits <= 2, p(i + 1, 0x2F), adj(i + 1), isNum(i + 2), adj(i + 2), t[i + 2].digits <= 2, p(i + 3, 0x2F), adj(i + 3),
           isNum(i + 4), adj(i + 4), t[i + 4].digits == 4 {
            if i > 0, adj(i), t[i - 1].kind != .punct || t[i - 1].ch == 0x2F { return nil }
            let x = a.num, y = t[i + 2].num, yr = t[i + 4].num
            var d = 0, mo = 0
            if x > 12 && y <= 12 { d = x; mo = y } else if y > 12 && x <= 12 { d = y; mo = x } else if x == y { d = x; mo = x } else { return nil }
            guard mo >= 1, d >= 1, d <= DatePoint.daysIn(month: mo, year: yr) else { return nil }
            let pt = DatePoint(year: yr, month: mo, day: d)
            return TimexMatch(s: i, e: i + 5, kind: .date, value: pt.value, point: pt, explicitYear: true)
        }
        guard let (y, e) = plainYear(i) else { return nil }
        // 2004/2005, 2004/05: one expression spanning both years.
        if a.digits == 4, e == i + 1, p(e, 0x2F), adj(e), isNum(e + 1), adj(e + 1), !(p(e + 2, 0x2F) && adj(e + 2)) {
            let b = t[e + 1]
            var y2 = -1
            if b.digits == 4 && b.num > y && b.num - y <= 10 { y2 = b.num }
            if b.digits == 2 && (y / 100 * 100 + b.num) > y && (y / 100 * 100 + b.num) - y <= 10 { y2 = y / 100 * 100 + b.num }
            if y2 > 0 {
                let pt = DatePoint(year: y)
                return TimexMatch(s: i, e: e + 2, kind: .date, value: yearValue(y), rangeToYear: y2,
                                  point: pt, explicitYear: true)
            }
        }
        if p(e, 0x2F) && adj(e) { return nil }
        let pt = DatePoint(year: y)
        return TimexMatch(s: i, e: e, kind: .date, value: yearValue(y), point: pt, explicitYear: true, shape: 1)
    }

    // MARK: decades, centuries, seasons

    func decadeOrCentury(_ i: Int) -> TimexMatch? {
        var j = i
        let hasThe = k(j) == .the
        if hasThe { j += 1 }
        // 1950s, 1950's
        if isNum(j), !t[j].grouped, t[j].digits == 4, t[j].num % 10 == 0, let e = pluralS(j + 1) {
            // `the 1800s` is the century (`18`); `the 2000s` in today's usage is the decade (`200`).
            let v = t[j].num % 100 == 0 && t[j].num != 2000 ? String(t[j].num / 100) : String(t[j].num / 10)
            return TimexMatch(s: i, e: e, kind: .date, value: v)
        }
        // '50s
        if p(j, 0x27), isNum(j + 1), adj(j + 1), t[j + 1].digits == 2, t[j + 1].num % 10 == 0, let e = pluralS(j + 2) {
            let c = (ctx?.year ?? 1900) / 100
            return TimexMatch(s: i, e: e, kind: .date, value: String(c * 10 + t[j + 1].num / 10))
        }
        // the fifties
        if hasThe, k(j) == .decadeWord, !t[j].cap {
            let c = (ctx?.year ?? 1900) / 100
            return TimexMatch(s: i, e: j + 1, kind: .date, value: String(c * 10 + lv(j)))
        }
        // the 21st century, the nineteenth century BC
        if let (c, e) = ordinal(j), c >= 1, c <= 30 {
            var e1 = e
            if p(e1, 0x2D) && adj(e1) { e1 += 1 }
            guard singularUnit(e1) == .century else { return nil }
            if k(e1 + 1) == .bc { return TimexMatch(s: i, e: e1 + 2, kind: .date, value: "BC" + DatePoint.pad2(c - 1)) }
            if k(e1 + 1) == .ad { return TimexMatch(s: i, e: e1 + 2, kind: .date, value: DatePoint.pad2(c - 1)) }
            return TimexMatch(s: i, e: e1 + 1, kind: .date, value: DatePoint.pad2(c - 1))
        }
        return nil
    }

    /// A glued `s` or `'s` after a number: returns the index after it.
    func pluralS(_ i: Int) -> Int? {
        if isWord(i), adj(i), t[i].end - t[i].start == 1, t[i].lex == nil, !t[i].cap {
            // the only one-letter unknown lowercase words glued to digits are `s` (and unit letters; `m` is in no decade)
            return lastByteIsS(i) ? i + 1 : nil
        }
        if p(i, 0x27), adj(i), isWord(i + 1), adj(i + 1), t[i + 1].end - t[i + 1].start == 1, lastByteIsS(i + 1) { return i + 2 }
        return nil
    }


    /// TIMEX3 season codes by the lexicon's season value (1 spring … 4 winter).
    static let seasonCodes = ["", "SP", "SU", "FA", "WI"]

    func season(_ i: Int) -> TimexMatch? {
        var j = i
        if let kk = k(j), kk == .the || kk == .this || kk == .that { j += 1 }
        guard k(j) == .season, lv(j) < 100 else { return nil }
        let code = Self.seasonCodes[lv(j)]
        let isFall = lv(j) == 3 && t[j].end - t[j].start == 4
        var e = j + 1
        if k(e) == .of { e += 1 }
        if let (y, e2) = yearAfter(e) ?? plainYear(e) {
            let v = DatePoint.yearString(y) + "-" + code
            return TimexMatch(s: i, e: e2, kind: .date, value: v, point: DatePoint(year: y), explicitYear: true)
        }
        if e > j + 1, let (y, e2) = ofThatYear(e) {
            return TimexMatch(s: i, e: e2, kind: .date, value: DatePoint.yearString(y) + "-" + code, point: DatePoint(year: y))
        }
        if isFall { return nil }
        if t[j].cap { return nil }
        // No year either without an anchor or in a habit stated in the present (`in winter the office closes`);
        // `this winter`, `that winter` name one.
        guard let c = ctx, j > i && k(i) != .the || !statesHabit(i, j + 1) else {
            return TimexMatch(s: i, e: j + 1, kind: .date, value: "XXXX-" + code)
        }
        return TimexMatch(s: i, e: j + 1, kind: .date, value: DatePoint.yearString(c.year) + "-" + code, point: DatePoint(year: c.year))
    }

    // MARK: relative dates

    /// The anchor moved by `n` of `u`, as a value at the unit's granularity.
    func shifted(_ u: DateUnit, _ by: Int) -> (String, DatePoint?)? {
        guard let c = ctx else { return nil }
        switch u {
        case .decade:
            if c.year <= 0 { return ("BC" + DatePoint.pad((1 - c.year) / 10 - by, 3), nil) }
            return (String(c.year / 10 + by), nil)
        case .century:
            if c.year <= 0 { return ("BC" + DatePoint.pad2((1 - c.year) / 100 - by), nil) }
            return (DatePoint.pad2((c.year - 1) / 100 + by), nil)
        case .year, .month, .day:
            if let pt = c.shifted(u, by) { return (pt.value, pt) }
            // The anchor is coarser than the unit: keep the anchor's granularity.
            if u == .day, c.month > 0 { let pt = DatePoint(year: c.year, month: c.month); return (pt.value, pt) }
            if by == 0 || u != .year { let pt = DatePoint(year: c.year); return (pt.value, pt) }
            return nil
        case .week:
            guard c.day > 0, let pt = c.shifted(.week, by) else { return nil }
            return (isoWeek(pt), nil)
        default: return nil
        }
    }

    func isoWeek(_ pt: DatePoint) -> String {
        let days = DatePoint.days(pt.year, pt.month, pt.day)
        let wd = ((days % 7) + 7 + 3) % 7 + 1                // 1 = Monday
        let thursday = days - wd + 4
        let (ty, _, _) = DatePoint.civil(thursday)
        let week = (thursday - DatePoint.days(ty, 1, 1)) / 7 + 1
        return DatePoint.yearString(ty) + "-W" + DatePoint.pad2(week)
    }

    func relative(_ i: Int) -> TimexMatch? {
        var j = i
        let hasThe = k(j) == .the
        if hasThe { j += 1 }
        guard let kk = k(j) else {
            return quantifiedRelative(i)
        }
        // the following / next / previous year; last year
        if kk == .next || kk == .previous || (kk == .last && !hasThe) {
            if kk == .next && lv(j) == 0 && !hasThe && t[j].end - t[j].start != 4 { return nil }   // `following` needs `the`
            let by = kk == .next ? 1 : -1
            let e = j + 1
            if let u = singularUnit(e), let (v, pt) = shifted(u, by) {
                return TimexMatch(s: i, e: e + 1, kind: .date, value: v, point: pt)
            }
            if k(e) == .partOfDay, !t[e].cap, let c = ctx, let pt = c.shifted(.day, by) {
                return TimexMatch(s: i, e: e + 1, kind: .time, value: pt.value + "T" + partCode(lv(e)), point: pt)
            }
            if k(e) == .season, lv(e) < 100, !t[e].cap, let c = ctx {
                let code = ["", "SP", "SU", "FA", "WI"][lv(e)]
                let y = c.year + by
                return TimexMatch(s: i, e: e + 1, kind: .date, value: DatePoint.yearString(y) + "-" + code, point: DatePoint(year: y))
            }
            if hasThe, let (mo, e2) = month(e, abbrOK: false), let c = ctx {
                var y = c.year
                if by > 0 { if c.month == 0 || mo <= c.month { y += 1 } } else { if c.month == 0 || mo >= c.month { y -= 1 } }
                let pt = DatePoint(year: y, month: mo)
                return TimexMatch(s: i, e: e2, kind: .date, value: pt.value, point: pt)
            }
            return nil
        }
        // later in 1792, later in the summer
        if !hasThe, kk == .later || kk == .earlier, lv(j) == 0, k(j + 1) == .in_, let m = core(j + 2), m.kind == .date, m.point != nil {
            m.s = i
            return m
        }
        // the year 1950
        if hasThe, singularUnit(j) == .year, let y = yearForms(j + 1), y.shape == 1 {
            y.s = i
            return y
        }
        // (later|earlier) (that|the same|this) year; that night
        var j2 = j
        var det = hasThe
        if !hasThe && (kk == .later || kk == .earlier) && lv(j) == 0 {
            j2 += 1
            if k(j2) == .the { j2 += 1; det = true }
        }
        if let k2 = k(j2), k2 == .that || k2 == .this || k2 == .same {
            var e = j2 + 1
            if k2 == .same && !det { return nil }
            if k2 != .same && k(e) == .same { e += 1 }
            if k2 == .this && lv(j2) != 0 { return nil }
            if let u = singularUnit(e), let (v, pt) = shifted(u, 0) {
                return TimexMatch(s: i, e: e + 1, kind: .date, value: v, point: pt)
            }
            if k(e) == .partOfDay, !t[e].cap, let c = ctx {
                let base = c.day > 0 ? c.value : "XXXX-XX-XX"
                return TimexMatch(s: i, e: e + 1, kind: .time, value: base + "T" + partCode(lv(e)), point: c.day > 0 ? c : nil)
            }
            if k(e) == .season, lv(e) < 100, !t[e].cap, let c = ctx {
                let code = ["", "SP", "SU", "FA", "WI"][lv(e)]
                return TimexMatch(s: i, e: e + 1, kind: .date, value: DatePoint.yearString(c.year) + "-" + code, point: DatePoint(year: c.year))
            }
            return nil
        }
        // the day before, the year after
        if hasThe, let u = singularUnit(j), u == .day || u == .year || u == .month || u == .week,
           let k3 = k(j + 1), (k3 == .later || k3 == .earlier) && lv(j + 1) == 2, let (v, pt) = shifted(u, k3 == .later ? 1 : -1) {
            return TimexMatch(s: i, e: j + 2, kind: .date, value: v, point: pt)
        }
        return quantifiedRelative(i)
    }

    /// `two years later`, `a year earlier`, `ten days ago`, `a few months later`.
    func quantifiedRelative(_ i: Int) -> TimexMatch? {
        if let (_, pl) = unit(i), pl, let kk = k(i + 1), (kk == .later || kk == .earlier) && lv(i + 1) <= 1 {
            return TimexMatch(s: i, e: i + 2, kind: .date, value: kk == .later ? "FUTURE_REF" : "PAST_REF")
        }
        guard let q = quantityAt(i), let (u, _) = unit(q.end) else { return nil }
        let e = q.end + 1
        guard let kk = k(e), kk == .later || kk == .earlier || kk == .ago else { return nil }
        if lv(e) == 2 && !boundary(e + 1) { return nil }          // `two days after the battle` stays a duration
        let sign = kk == .later ? 1 : -1
        guard let n = q.value else {
            return TimexMatch(s: i, e: e + 1, kind: .date, value: sign > 0 ? "FUTURE_REF" : "PAST_REF")
        }
        let (uu, nn) = u == .decade ? (DateUnit.year, 10 * n) : u == .century ? (DateUnit.year, 100 * n) : (u, n)
        guard let (v, pt) = shifted(uu, sign * nn) else { return nil }
        return TimexMatch(s: i, e: e + 1, kind: .date, value: v, point: pt)
    }

    func partCode(_ v: Int) -> String { ["", "MO", "AF", "EV", "NI", "DT"][v] }

    // MARK: times of day

    func partOfDay(_ i: Int) -> TimexMatch? {
        var j = i
        if k(j) == .the { j += 1 }
        guard k(j) == .partOfDay, !t[j].cap else { return nil }
        let code = partCode(lv(j))
        if j > i, k(j + 1) == .of, let m = absDate(j + 2), let pt = m.point, pt.day > 0 {
            return TimexMatch(s: i, e: m.e, kind: .time, value: pt.value + "T" + code, point: pt, explicitYear: m.explicitYear)
        }
        // at night, in the morning, during the night
        guard i > 0, let kb = t[i - 1].lex, !t[i].lineBefore else { return nil }
        let ok = (j == i && (kb == .at || kb == .tempPrep) && (lv(j) == 4)) || (j > i && (kb == .in_ || kb == .tempPrep))
        guard ok, boundary(j + 1) || k(j + 1) == .of || k(j + 1) == .and || (isWord(j + 1) && t[j + 1].lex == nil) else { return nil }
        if k(j + 1) == .of { return nil }
        if let c = ctx, c.day > 0 {
            return TimexMatch(s: i, e: j + 1, kind: .time, value: c.value + "T" + code, point: c)
        }
        return TimexMatch(s: i, e: j + 1, kind: .time, value: "XXXX-XX-XXT" + code)
    }

    /// 10:30, 10:30 p.m., 5 pm, noon, midnight.
    func clockTime(_ i: Int) -> TimexMatch? {
        var h = -1, mi = 0, e = i
        if isNum(i), t[i].digits <= 2, p(i + 1, 0x3A), adj(i + 1), isNum(i + 2), adj(i + 2), t[i + 2].digits == 2 {
            h = t[i].num; mi = t[i + 2].num; e = i + 3
            if p(e, 0x3A), adj(e), isNum(e + 1) { e += 2 }
            if isWord(e), adj(e), k(e) == .unit, DateUnit(rawValue: lv(e) % 100) == .hour { e += 1 }
        } else if isNum(i), t[i].digits <= 2, (1...12).contains(t[i].num), ampm(i + 1) != nil {
            h = t[i].num; e = i + 1
        } else if k(i) == .noon || k(i) == .midnight, !t[i].cap {
            let base = ctx.map { $0.day > 0 ? $0.value : "XXXX-XX-XX" } ?? "XXXX-XX-XX"
            return TimexMatch(s: i, e: i + 1, kind: .time, value: base + (k(i) == .noon ? "T12:00" : "T24:00"))
        } else {
            return nil
        }
        guard h <= 24, mi < 60 else { return nil }
        if let (pm, e2) = ampm(e) {
            if pm && h < 12 { h += 12 }
            if !pm && h == 12 { h = 0 }
            e = e2
        }
        let base = ctx.map { $0.day > 0 ? $0.value : "XXXX-XX-XX" } ?? "XXXX-XX-XX"
        return TimexMatch(s: i, e: e, kind: .time, value: base + "T" + DatePoint.pad2(h) + ":" + DatePoint.pad2(mi))
    }

    /// `am`, `pm`, `a.m.`, `p.m.` → (is pm, end).
    func ampm(_ i: Int) -> (Bool, Int)? {
        if k(i) == .am { return (false, i + 1) }
        if k(i) == .pm { return (true, i + 1) }
        guard isWord(i), t[i].end - t[i].start == 1, p(i + 1, 0x2E), adj(i + 1), isWord(i + 2), adj(i + 2), t[i + 2].end - t[i + 2].start == 1 else { return nil }
        let a = t[i].lex == .a_, pm = t[i].lex == .blockBefore   // `a` and `p` are both in the lexicon
        guard a || pm else { return nil }
        var e = i + 3
        if p(e, 0x2E), adj(e) { e += 1 }
        return (pm, e)
    }

    // MARK: modifiers

    /// early/mid/late X, the beginning/middle/end of X, the first half of 1941, the third quarter of 2005.
    func modded(_ i: Int) -> TimexMatch? {
        var j = i
        let hasThe = k(j) == .the
        if hasThe { j += 1 }
        guard let kk = k(j) else { return nil }
        var mod: TimexMatch.Mod
        var c = j + 1
        switch kk {
        case .modStart, .modMid, .modEnd:
            mod = kk == .modStart ? .start : kk == .modMid ? .mid : .end
            if p(c, 0x2D) && adj(c) { c += 1 }
            else if k(c) == .in_, !hasThe, kk != .modMid { c += 1 }
        case .modNoun:
            guard k(c) == .of else { return nil }
            mod = [TimexMatch.Mod.start, .mid, .end][lv(j)]
            c += 1
        case .ordinal, .last, .first:
            // the first half of 1941 / the last quarter of the 19th century
            let idx = kk == .ordinal ? lv(j) : 9
            guard k(c) == .half || k(c) == .quarter, k(c + 1) == .of else { return nil }
            let isHalf = k(c) == .half
            guard let m = modCore(c + 2), let pt = m.point, pt.month == 0, m.value.count >= 4 else { return nil }
            let part: Int
            if isHalf { guard idx == 1 || idx == 2 || idx == 9 else { return nil }; part = idx == 9 ? 2 : idx }
            else { guard (1...4).contains(idx) || idx == 9 else { return nil }; part = idx == 9 ? 4 : idx }
            return TimexMatch(s: i, e: m.e, kind: .date, value: m.value + (isHalf ? "-H" : "-Q") + String(part), point: pt)
        default:
            return nil
        }
        guard let m = modCore(c) else { return nil }
        if kk == .modNoun && !hasThe && (i == 0 || t[i - 1].lex != .at && t[i - 1].lex != .tempPrep && t[i - 1].lex != .in_ && t[i - 1].lex != .to) {
            // `end of March` without `the`: only after a preposition
            if m.s == c, k(c) != .the { } else { return nil }
        }
        m.s = i
        m.mod = mod
        return m
    }

    func modCore(_ i: Int) -> TimexMatch? {
        var best = core(i)
        // the year / that year / the month / the decade / the century / the war-time unit itself
        var j = i
        if let kk = k(j), kk == .the || kk == .that || kk == .this { j += 1 }
        if j > i, let u = singularUnit(j), u == .year || u == .month || u == .decade || u == .century, let (v, pt) = shifted(u, 0) {
            if best == nil || best!.e < j + 1 { best = TimexMatch(s: i, e: j + 1, kind: .date, value: v, point: pt) }
        }
        return best
    }

    // MARK: approximate, present/past references

    func approx(_ i: Int) -> TimexMatch? {
        guard let kk = k(i) else { return nil }
        var j = i + 1
        var mod: TimexMatch.Mod
        switch kk {
        case .approx: mod = .approx
        case .circa:
            if lv(i) == 0 { guard p(j, 0x2E), adj(j) else { return nil }; j += 1 }
            mod = .approx
        case .nearly: mod = .lessThan
        case .moreThan:
            if lv(i) == 1 { guard k(j) == .than else { return nil }; j += 1 }
            else if !overHedgesNumber(i) { return nil }     // `over` as `during`: the duration alone
            mod = .moreThan
        case .lessThan:
            if lv(i) == 1 { guard k(j) == .than else { return nil }; j += 1 }
            mod = .lessThan
        case .at:
            guard k(j) == .least else { return nil }
            j += 1
            mod = .equalOrMore
        default: return nil
        }
        if let d = duration(j) {
            if kk == .moreThan || kk == .lessThan, lv(i) == 0, k(j) == .the { return nil }   // `over the past decade`: the duration alone
            d.s = i
            d.mod = mod
            return d
        }
        if mod == .approx, t[i].end - t[i].start != 4 || kk != .approx, let y = absDate(j), y.rangeToYear == 0, y.point != nil, y.explicitYear {
            // about/around/circa 1950 (not `some 1950`)
            y.s = i
            y.mod = .approx
            return y
        }
        return nil
    }

    /// `over` at token i, before a duration, hedges its number (`for over a decade`, `lasted over ten years`, `with
    /// over 20 years of experience`) after a preposition, a verb or an adverb. After a noun, an amount or a number, after
    /// punctuation and at the start of a line it means `during` (`€40 million over ten years`, `Over sixty years the
    /// fund grew`): unknown words count as nouns, but for regular past tenses (`-ed`).
    func overHedgesNumber(_ i: Int) -> Bool {
        guard i > 0, !t[i].lineBefore, t[i - 1].kind == .word else { return false }
        if let kk = t[i - 1].lex {
            switch kk {
            case .for_, .tempPrep, .at, .in_, .of, .from, .to, .between, .than, .present: return true
            case .later, .earlier: return lv(i - 1) == 2                  // after, before
            default: return false
            }
        }
        return wordIs(i - 1, oneOf: DateLexicon.beforeHedgingOver) || wordEnds(i - 1, with: DateLexicon.pastTenseEnding)
    }

    /// Token i is capitalised but does not begin a sentence: a word of a name or a title (`Fish for Tomorrow`,
    /// `“Europe Today”`), not the day. A sentence begins a line or follows `.`, `!`, `?`, `:`, a symbol the scanner
    /// keeps as a word (a bullet: no letter first), a quote or bracket after one of those, or an opening quote after a comma.
    func inTitle(_ i: Int) -> Bool {
        guard t[i].cap, i > 0, !t[i].lineBefore else { return false }
        @inline(__always) func stop(_ j: Int) -> Bool {
            t[j].kind == .punct && (t[j].ch == 0x2E || t[j].ch == 0x21 || t[j].ch == 0x3F || t[j].ch == 0x3A)
        }
        let b = t[i - 1]
        switch b.kind {
        case .number: return true
        case .word: return b.b0 != 0
        case .punct:
            guard b.ch == 0x22 || b.ch == 0x27 || b.ch == 0x29 || b.ch == 0x5D else { return !stop(i - 1) }
            // A quote or bracket at a sentence start or after a stop; an opening quote (glued to the word) after a comma
            // too, reported speech (`saying, “Now we …`). After a word it opens a title (`the bulletin “Today”`).
            if i == 1 || b.lineBefore || stop(i - 2) { return false }
            return !(!t[i].spaceBefore && t[i - 2].kind == .punct && t[i - 2].ch == 0x2C)
        }
    }

    func refs(_ i: Int) -> TimexMatch? {
        guard let kk = k(i) else { return nil }
        switch kk {
        case .present:
            if lv(i) == 0 {
                if inTitle(i) { return nil }
                return TimexMatch(s: i, e: i + 1, kind: .date, value: "PRESENT_REF")
            }
            // present-day
            if p(i + 1, 0x2D), adj(i + 1), singularUnit(i + 2) == .day { return TimexMatch(s: i, e: i + 3, kind: .date, value: "PRESENT_REF") }
            return nil
        case .at:
            // at present, at the present time
            if k(i + 1) == .present, lv(i + 1) == 1 {
                if k(i + 2) == .unit { return nil }
                return TimexMatch(s: i, e: i + 2, kind: .date, value: "PRESENT_REF")
            }
            return nil
        case .the:
            // the present day / the present time
            if k(i + 1) == .present, lv(i + 1) == 1, let u = singularUnit(i + 2), u == .day {
                return TimexMatch(s: i, e: i + 3, kind: .date, value: "PRESENT_REF")
            }
            return nil
        case .past:
            return lv(i) == 0 ? TimexMatch(s: i, e: i + 1, kind: .date, value: "PAST_REF") : nil
        case .recent:
            return TimexMatch(s: i, e: i + 1, kind: .date, value: "PAST_REF")
        case .this:
            // these days
            if lv(i) == 1, singularUnit(i + 1) == nil, let (u, pl) = unit(i + 1), pl, u == .day { return TimexMatch(s: i, e: i + 2, kind: .date, value: "PRESENT_REF") }
            return nil
        case .dayWord:
            // today is `present`; tomorrow, yesterday, tonight move from the anchor day
            guard let c = ctx, !inTitle(i) else { return nil }
            if lv(i) == 2 { let base = c.day > 0 ? c.value : "XXXX-XX-XX"; return TimexMatch(s: i, e: i + 1, kind: .time, value: base + "TNI") }
            guard let pt = c.shifted(.day, lv(i) == 1 ? 1 : -1) else { return nil }
            return TimexMatch(s: i, e: i + 1, kind: .date, value: pt.value, point: pt)
        case .in_:
            // in the past / in the future
            guard k(i + 1) == .the else { return nil }
            if k(i + 2) == .past_, boundary(i + 3) || k(i + 3) == .and || (isWord(i + 3) && k(i + 3) == nil && !t[i + 3].cap) {
                guard k(i + 3) != .unit else { return nil }
                return TimexMatch(s: i + 1, e: i + 3, kind: .date, value: "PAST_REF")
            }
            if k(i + 2) == .future { return TimexMatch(s: i + 1, e: i + 3, kind: .date, value: "FUTURE_REF") }
            return nil
        default:
            return nil
        }
    }

    // MARK: durations

    struct Quantity { var value: Int?; var end: Int; var half = false }

    /// `a quarter of a century` (P25Y), `three quarters of a year`, `three-quarters of a decade`, `a quarter-century`,
    /// `a quarter century`: the match from `i`, the fraction starting at token j.
    func quarterDuration(_ i: Int, _ j: Int) -> TimexMatch? {
        let n: Int, e: Int
        if k(j) == .a_, k(j + 1) == .quarter { n = 1; e = j + 2 }
        else if let (v, ce) = cardinalAt(j), v == 3, case let q = ce + (p(ce, 0x2D) ? 1 : 0), wordIs(q, oneOf: DateLexicon.quartersWord) { n = 3; e = q + 1 }
        else { return nil }
        if k(e) == .of, k(e + 1) == .a_, let u = singularUnit(e + 2) { return TimexMatch(s: i, e: e + 3, kind: .duration, value: u.quarters(n)) }
        guard n == 1 else { return nil }
        if p(e, 0x2D), let u = singularUnit(e + 1) { return TimexMatch(s: i, e: e + 2, kind: .duration, value: u.quarters(1)) }
        if let u = singularUnit(e) { return TimexMatch(s: i, e: e + 1, kind: .duration, value: u.quarters(1)) }
        return nil
    }

    /// How many: `two`, `25`, `a`, `a few`, `several`, `one and a half`, `a couple of`.
    func quantity(_ i: Int) -> Quantity? {
        if k(i) == .a_ {
            if k(i + 1) == .few, lv(i + 1) == 0 { return Quantity(value: nil, end: i + 2) }
            if k(i + 1) == .couple, k(i + 2) == .of { return Quantity(value: 2, end: i + 3) }
            if let (v, e) = cardinalAt(i), e > i + 1 { return Quantity(value: v, end: e) }
            return Quantity(value: 1, end: i + 1)
        }
        if k(i) == .few { return lv(i) == 0 ? nil : Quantity(value: nil, end: i + 1) }
        guard let (v, e) = cardinalAt(i) else { return nil }
        if k(e) == .and, k(e + 1) == .a_, k(e + 2) == .half { return Quantity(value: v, end: e + 3, half: true) }
        return Quantity(value: v, end: e)
    }

    func duration(_ i: Int) -> TimexMatch? {
        var j = i
        var prefixed = false
        if k(j) == .the, let kk = k(j + 1), kk == .past_ || kk == .last || kk == .previous || kk == .next || kk == .first || kk == .ordinal && lv(j + 1) == 1 {
            j += 2
            prefixed = true
        } else if k(j) == .for_, lv(j) == 0, let (u, pl) = unit(j + 1), pl, !t[j + 1].cap {
            // for years, for decades
            return TimexMatch(s: j + 1, e: j + 2, kind: .duration, value: u.vague)
        }
        // the coming years, the next few months, the past decades, the intervening years
        if prefixed, k(j - 1) != .first, k(j - 1) != .ordinal {
            var jj = j
            if k(jj) == .few, lv(jj) == 0 { jj += 1 }
            if let (u, pl) = unit(jj), pl { return TimexMatch(s: i, e: jj + 1, kind: .duration, value: u.vague) }
        }
        // the past half century
        if prefixed, k(j - 1) == .past_, k(j) == .half, let u = singularUnit(j + (p(j + 1, 0x2D) ? 2 : 1)) {
            return TimexMatch(s: i, e: j + (p(j + 1, 0x2D) ? 3 : 2), kind: .duration, value: u.half)
        }
        // half a century, half an hour, a half-century
        if k(j) == .half, k(j + 1) == .a_, let u = singularUnit(j + 2) {
            return TimexMatch(s: i, e: j + 3, kind: .duration, value: u.half)
        }
        if k(j) == .a_, k(j + 1) == .half, let u = singularUnit(j + 2 + (p(j + 2, 0x2D) ? 1 : 0)) {
            return TimexMatch(s: i, e: j + 3 + (p(j + 2, 0x2D) ? 1 : 0), kind: .duration, value: u.half)
        }
        // a quarter of a century, three quarters of a year, a quarter-century (before `quantityAt`, which
        // would read `a` as one and the unit after `of a` alone)
        if let m = quarterDuration(i, j) { return m }
        // the past decade (and a half)
        if prefixed, k(j - 1) == .past_, let u = singularUnit(j) {
            if k(j + 1) == .and, k(j + 2) == .a_, k(j + 3) == .half { return TimexMatch(s: i, e: j + 4, kind: .duration, value: u.andHalf(1)) }
            return TimexMatch(s: i, e: j + 1, kind: .duration, value: u.duration(1))
        }
        guard let q = quantityAt(j) else { return nil }
        if prefixed && q.value == 1 && k(j) == .a_ { return nil }
        var e = q.end
        var compound = false
        if p(e, 0x2D), adj(e), adj(e + 1) { e += 1; compound = true }
        guard let (u, plural) = unit(e) else { return nil }
        if compound && plural { return nil }
        if let v = q.value, v == 1, plural, !q.half { return nil }
        if q.value == nil && !plural { return nil }
        // `Seven Years' War`, `Six-Day War`: names, not durations.
        if e + 1 < limit, t[e + 1].cap, t[e + 1].kind == .word, t[j].cap, !t[j].lineBefore { return nil }
        if p(e + 1, 0x27), adj(e + 1), isWord(e + 2), t[e + 2].cap { return nil }
        var end = e + 1
        guard let v = q.value else { return TimexMatch(s: i, e: end, kind: .duration, value: u.vague) }
        if q.half { return TimexMatch(s: i, e: end, kind: .duration, value: u.andHalf(v)) }
        if v == 1, k(end) == .and, k(end + 1) == .a_, k(end + 2) == .half {
            end += 3
            return TimexMatch(s: i, e: end, kind: .duration, value: u.andHalf(1))
        }
        guard v > 0, v < 10000 else { return nil }
        // `$1.2 million a year`, `£12,500 a month`: after an amount, `a` and a unit is a rate, as `per year` is.
        if v == 1, !prefixed, !compound, k(j) == .a_, q.end == j + 1, afterAmount(j) {
            return TimexMatch(s: i, e: end, kind: .set, value: u.duration(1))
        }
        return TimexMatch(s: i, e: end, kind: .duration, value: u.duration(v))
    }

    /// Token i follows an amount: a number not read as a date (`£12,500`), `%`, an amount or unit word the lexicon
    /// blocks years before (`$1.2 million`, `40 tonnes`), `per cent`, or a number and the word it counts or measures
    /// (`300 visitors`, `0.004 K`).
    func afterAmount(_ i: Int) -> Bool {
        guard i > 0, !t[i].lineBefore else { return false }
        let b = t[i - 1]
        switch b.kind {
        case .number: return found.last?.e != i
        case .punct: return b.ch == 0x25
        case .word:
            if b.lex == .blockAfter { return true }
            guard b.lex == nil, i > 1, !b.lineBefore else { return false }
            if t[i - 2].lex == .per { return wordIs(i - 1, oneOf: DateLexicon.centWord) }
            return t[i - 2].kind == .number && found.last?.e != i - 1 && found.last?.e != i
        }
    }

    // MARK: sets

    func setExpr(_ i: Int) -> TimexMatch? {
        guard let kk = k(i) else {
            // three times a year / 3 times per year
            return timesPer(i)
        }
        switch kk {
        case .setAdverb:
            guard !t[i].cap || i == 0 || t[i].lineBefore || p(i - 1, 0x2E) else { return nil }
            let v = lv(i)
            let value = v == 12 ? "P2Y" : v == 13 ? "P3M" : DateUnit(rawValue: v)!.duration(1)
            return TimexMatch(s: i, e: i + 1, kind: .set, value: value)
        case .every, .each:
            // `every spring`, `each January`, `every Monday`: a calendar point that recurs.
            if i + 1 < limit, let nk = k(i + 1), nk == .season || nk == .month || nk == .weekday {
                let v = lv(i + 1)
                switch nk {
                case .season where v >= 1 && v <= 4:
                    return TimexMatch(s: i, e: i + 2, kind: .set, value: "XXXX-" + Self.seasonCodes[v])
                case .month where v >= 1 && v <= 12:
                    return TimexMatch(s: i, e: i + 2, kind: .set, value: "XXXX-" + DatePoint.pad2(v))
                case .weekday where v >= 1 && v <= 7:
                    return TimexMatch(s: i, e: i + 2, kind: .set, value: "XXXX-WXX-\(v)")
                default: break
                }
            }
            var j = i + 1
            var nUnits = 1
            if k(j) == .other, kk == .every { nUnits = 2; j += 1 }
            else if let (v, e) = cardinal(j), v > 1 { nUnits = v; j = e }
            guard let (u, pl) = unit(j), pl == (nUnits > 1 && t[j - 1].lex != .other) else { return nil }
            return TimexMatch(s: i, e: j + 1, kind: .set, value: u.duration(nUnits))
        case .per:
            guard let u = singularUnit(i + 1) else { return nil }
            return TimexMatch(s: i, e: i + 2, kind: .set, value: u.duration(1))
        default:
            return timesPer(i)
        }
    }

    func timesPer(_ i: Int) -> TimexMatch? {
        var j = i
        var count: Int
        if k(j) == .once { count = lv(j); j += 1 }
        else if let (v, e) = cardinalAt(j), k(e) == .times { count = v; j = e + 1 }
        else { return nil }
        guard let kk = k(j), kk == .a_ || kk == .per || kk == .each || kk == .every, let u = singularUnit(j + 1) else { return nil }
        return TimexMatch(s: i, e: j + 2, kind: .set, value: u.duration(1), times: count)
    }
}
