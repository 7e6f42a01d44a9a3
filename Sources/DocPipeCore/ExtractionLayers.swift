// The layers the extract stage adds. All ranges are UTF-8 byte ranges of `Document.text`; the
// emitters turn them into Unicode-scalar offsets and raw line/column.

/// A token: words, numbers (kept whole: `9,000`, `1.4`, `2004/2005`, `A/RES/47/4`), punctuation, symbols.
public struct Token: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case word, number, punctuation, symbol
    }
    public var kind: Kind
    public var range: Range<Int>
    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// A named or numeric entity mention.
public struct Entity: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case org = "ORG", gpe = "GPE", loc = "LOC", person = "PERSON", money = "MONEY", cardinal = "CARDINAL"
        case percent = "PERCENT", law = "LAW", event = "EVENT", work = "WORK"
    }
    /// Stable id within the document: `e1`, `e2`, … in document order.
    public var id: String
    public var kind: Kind
    public var range: Range<Int>
    /// A normalised value: the canonical name (`International Organization for Migration`), an ISO code
    /// for places (`FR`), `1400000000 USD` for money, `0.9` for percentages, the law reference as written.
    public var normalized: String?
    /// The id of the mention this one refers to (an acronym to its expansion, `the Organization` to
    /// its antecedent, a repeated name to its first mention).
    public var refersTo: String?
    public init(id: String, kind: Kind, range: Range<Int>, normalized: String? = nil, refersTo: String? = nil) {
        self.id = id
        self.kind = kind
        self.range = range
        self.normalized = normalized
        self.refersTo = refersTo
    }
}

/// An acronym definition: the short form, where it is defined, and its long form.
public struct Acronym: Sendable, Equatable {
    public var short: String
    public var long: String
    /// Range of the short form at its definition.
    public var range: Range<Int>
    /// Range of the long form at its definition.
    public var longRange: Range<Int>
    public init(short: String, long: String, range: Range<Int>, longRange: Range<Int>) {
        self.short = short
        self.long = long
        self.range = range
        self.longRange = longRange
    }
}

/// A temporal expression normalised like TIMEX3.
public struct TimeExpression: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case date = "DATE", duration = "DURATION", set = "SET", time = "TIME"
    }
    public var kind: Kind
    /// TIMEX3 value: `1951`, `195` (the 1950s), `20` (the 21st century), `2003-04`, `P50Y`, `PRESENT_REF`, `P1Y` (sets).
    public var value: String
    /// TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS.
    public var mod: String?
    /// For ranges (`2004/2005`, `from 1990 to 1995`): the first and last point.
    public var from: String?
    public var to: String?
    /// For sets: how often (`3` for three times a year), TIMEX3 `freq`-like.
    public var quantity: String?
    public var range: Range<Int>
    public init(kind: Kind, value: String, mod: String? = nil, from: String? = nil, to: String? = nil, quantity: String? = nil, range: Range<Int>) {
        self.kind = kind
        self.value = value
        self.mod = mod
        self.from = from
        self.to = to
        self.quantity = quantity
        self.range = range
    }
}

/// How a stated number relates to the true one.
public enum Comparator: String, Sendable, CaseIterable {
    case exactly, about, over, under, atLeast = "at-least", atMost = "at-most", nearly
}

/// A quantity: a number with the noun phrase it counts or measures.
public struct Quantity: Sendable, Equatable {
    public var value: Double
    /// The counted noun phrase, normalised to lower case and plural (`member states`, `staff`), or a
    /// currency / percent unit (`USD`, `%`).
    public var unit: String
    public var comparator: Comparator
    public var range: Range<Int>
    public init(value: Double, unit: String, comparator: Comparator = .exactly, range: Range<Int>) {
        self.value = value
        self.unit = unit
        self.comparator = comparator
        self.range = range
    }
}

/// A statement of how many of something a subject has, at some time; or a list announced with a count.
public struct Claim: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// `X has N Ys`.
        case count
        /// `bringing the total to N`, `N states: A, B and C`: a total the parts should add up to.
        case total
        /// `a further four joined`, `three more`: an addition to an earlier count.
        case addition
        /// `the following three areas:` with the items that follow.
        case enumeration
    }
    public var kind: Kind
    /// The entity id of the subject, when it is an entity.
    public var subject: String?
    /// The subject as written (or the canonical name it resolves to).
    public var subjectText: String
    /// The counted thing, normalised (`member states`).
    public var measure: String
    public var value: Double
    public var comparator: Comparator
    /// When the claim holds: a TIMEX3 value (`2014`), `PRESENT_REF`, `PAST_REF`, or nil when unknown.
    public var time: String?
    /// Index into `Document.quantities` of the stated number.
    public var quantity: Int?
    /// Range of the clause or sentence stating it.
    public var range: Range<Int>
    /// For enumerations and totals: the ranges of the items or parts that follow.
    public var items: [Range<Int>]
    public init(kind: Kind, subject: String?, subjectText: String, measure: String, value: Double, comparator: Comparator,
                time: String?, quantity: Int?, range: Range<Int>, items: [Range<Int>] = []) {
        self.kind = kind
        self.subject = subject
        self.subjectText = subjectText
        self.measure = measure
        self.value = value
        self.comparator = comparator
        self.time = time
        self.quantity = quantity
        self.range = range
        self.items = items
    }
}
