import DocPipeCore

/// When two stated numbers can both be true: each comparator turns a value into the interval of true
/// values it allows, and two claims are compatible when their intervals meet.
///
/// `exactly 165` → [165, 165]; `about 9,000` → [8,100, 9,900]; `over 100` → (100, ∞);
/// `nearly a million` → [850,000, 1,000,000]; `at least 5` → [5, ∞); `at most 5` → [0, 5];
/// `under 5` → [0, 5).
public enum ClaimComparison {
    public struct Interval: Sendable, Equatable {
        public var low: Double
        public var high: Double
        public var lowOpen: Bool
        public var highOpen: Bool
    }

    public static func interval(_ value: Double, _ comparator: Comparator) -> Interval {
        switch comparator {
        case .exactly: return Interval(low: value, high: value, lowOpen: false, highOpen: false)
        case .about: return Interval(low: value * 0.9, high: value * 1.1, lowOpen: false, highOpen: false)
        case .over: return Interval(low: value, high: .infinity, lowOpen: true, highOpen: true)
        case .atLeast: return Interval(low: value, high: .infinity, lowOpen: false, highOpen: true)
        case .under: return Interval(low: 0, high: value, lowOpen: false, highOpen: true)
        case .atMost: return Interval(low: 0, high: value, lowOpen: false, highOpen: false)
        case .nearly: return Interval(low: value * 0.85, high: value, lowOpen: false, highOpen: false)
        }
    }

    /// Whether both statements can hold at once.
    public static func compatible(_ a: (Double, Comparator), _ b: (Double, Comparator)) -> Bool {
        let x = interval(a.0, a.1), y = interval(b.0, b.1)
        // Disjoint when one ends before the other starts.
        func before(_ p: Interval, _ q: Interval) -> Bool {
            p.high < q.low || (p.high == q.low && (p.highOpen || q.lowOpen))
        }
        return !before(x, y) && !before(y, x)
    }

    /// Whether two time frames are the same: both the present, or the same explicit date. `PAST_REF`
    /// and unknown times are never the same time (different pasts are history, not conflict).
    public static func sameTime(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, a != "PAST_REF", b != "PAST_REF", a != "FUTURE_REF", b != "FUTURE_REF" else { return false }
        return a == b
    }
}
