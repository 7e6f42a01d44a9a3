/// A monotone map from offsets in a *target* text back to offsets in the *source* it was built from.
///
/// The map is a list of contiguous segments covering both texts. A *linear* segment maps each unit
/// proportionally (a copy maps 1:1; a run of `é` decoded from Windows-1252 maps 2 UTF-8 bytes to 1 raw
/// byte). An *atomic* segment is a replacement: any offset inside it maps to the whole source range,
/// because nothing finer can be said of a fix such as `â€™` → `’`.
public struct OffsetMap: Sendable, Equatable {
    /// One piece of the map; `target` and `source` are half-open ranges.
    public struct Segment: Sendable, Equatable {
        public var targetStart: Int
        public var targetEnd: Int
        public var sourceStart: Int
        public var sourceEnd: Int
        public var linear: Bool

        public init(targetStart: Int, targetEnd: Int, sourceStart: Int, sourceEnd: Int, linear: Bool) {
            self.targetStart = targetStart
            self.targetEnd = targetEnd
            self.sourceStart = sourceStart
            self.sourceEnd = sourceEnd
            self.linear = linear
        }
    }

    public private(set) var segments: [Segment]
    public private(set) var targetLength: Int
    public private(set) var sourceLength: Int

    /// The identity map over a text of `length` units.
    public init(identity length: Int) {
        segments = length == 0 ? [] : [Segment(targetStart: 0, targetEnd: length, sourceStart: 0, sourceEnd: length, linear: true)]
        targetLength = length
        sourceLength = length
    }

    /// Builds a map from segments already in order; adjacent compatible linear segments are merged.
    public init(segments input: [Segment]) {
        var out: [Segment] = []
        out.reserveCapacity(input.count)
        for s in input {
            if s.targetStart == s.targetEnd && s.sourceStart == s.sourceEnd { continue }
            if let last = out.last, last.linear, s.linear, last.targetEnd == s.targetStart, last.sourceEnd == s.sourceStart,
               (last.targetEnd - last.targetStart) * (s.sourceEnd - s.sourceStart)
                == (s.targetEnd - s.targetStart) * (last.sourceEnd - last.sourceStart) {
                out[out.count - 1].targetEnd = s.targetEnd
                out[out.count - 1].sourceEnd = s.sourceEnd
                continue
            }
            out.append(s)
        }
        segments = out
        targetLength = out.last?.targetEnd ?? 0
        sourceLength = out.last?.sourceEnd ?? 0
    }

    /// Whether this map changes nothing.
    public var isIdentity: Bool {
        segments.allSatisfy { $0.linear && $0.targetEnd - $0.targetStart == $0.sourceEnd - $0.sourceStart && $0.targetStart == $0.sourceStart }
    }

    /// Index of the first segment with `targetEnd > t` (or `>= t` when `inclusiveEnd`), skipping empty-target segments.
    private func segmentIndex(containingTarget t: Int, endPosition: Bool) -> Int? {
        var lo = 0, hi = segments.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let s = segments[mid]
            if endPosition ? s.targetEnd < t : s.targetEnd <= t { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < segments.count, segments[i].targetStart == segments[i].targetEnd { i += 1 }
        return i < segments.count ? i : nil
    }

    private static func project(_ s: Segment, _ t: Int) -> Int {
        let tl = s.targetEnd - s.targetStart, sl = s.sourceEnd - s.sourceStart
        if tl == sl { return s.sourceStart + (t - s.targetStart) }
        return s.sourceStart + (t - s.targetStart) * sl / tl
    }

    /// The source offset where the unit starting at target offset `t` came from.
    public func sourceStart(_ t: Int) -> Int {
        if t >= targetLength { return sourceLength }
        guard let i = segmentIndex(containingTarget: t, endPosition: false) else { return sourceLength }
        let s = segments[i]
        if t < s.targetStart { return s.sourceStart }
        return s.linear ? Self.project(s, t) : s.sourceStart
    }

    /// The source offset where a range ending at target offset `t` ends.
    public func sourceEnd(_ t: Int) -> Int {
        if t <= 0 { return 0 }
        guard let i = segmentIndex(containingTarget: t, endPosition: true) else { return sourceLength }
        let s = segments[i]
        if t <= s.targetStart { return s.sourceStart }
        return s.linear ? Self.project(s, t) : (t == s.targetStart ? s.sourceStart : s.sourceEnd)
    }

    /// The source range a target range came from.
    public func sourceRange(_ r: Range<Int>) -> Range<Int> {
        let a = sourceStart(r.lowerBound)
        if r.isEmpty { return a..<a }
        return a..<max(a, sourceEnd(r.upperBound))
    }

    /// Index of the first segment with `targetEnd >= t`.
    private func firstIndex(targetEndAtLeast t: Int) -> Int {
        var lo = 0, hi = segments.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if segments[mid].targetEnd < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index of the first segment whose source range reaches past `s` (binary search on monotone sources).
    private func segmentIndex(containingSource s: Int) -> Int {
        var lo = 0, hi = segments.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if segments[mid].sourceEnd <= s { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The target offset of source offset `s`, for the start of a range (inverse direction).
    public func targetStart(ofSource s: Int) -> Int {
        if s >= sourceLength { return targetLength }
        let i = segmentIndex(containingSource: s)
        guard i < segments.count else { return targetLength }
        let seg = segments[i]
        if s <= seg.sourceStart { return seg.targetStart }
        if seg.linear {
            let tl = seg.targetEnd - seg.targetStart, sl = seg.sourceEnd - seg.sourceStart
            return seg.targetStart + (s - seg.sourceStart) * tl / max(sl, 1)
        }
        return seg.targetStart
    }

    /// The target offset of source offset `s`, for the end of a range (inverse direction).
    public func targetEnd(ofSource s: Int) -> Int {
        if s <= 0 { return 0 }
        // The last segment whose sourceStart < s.
        var lo = 0, hi = segments.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if segments[mid].sourceStart < s { lo = mid + 1 } else { hi = mid }
        }
        let i = lo - 1
        guard i >= 0 else { return 0 }
        let seg = segments[i]
        if s >= seg.sourceEnd { return seg.targetEnd }
        if seg.linear {
            let tl = seg.targetEnd - seg.targetStart, sl = seg.sourceEnd - seg.sourceStart
            return seg.targetStart + (s - seg.sourceStart) * tl / max(sl, 1)
        }
        return seg.targetEnd
    }

    /// Maps a range of the source into this map's target (used to carry annotations across a rewrite).
    public func targetRange(ofSource r: Range<Int>) -> Range<Int> {
        let a = targetStart(ofSource: r.lowerBound)
        if r.isEmpty { return a..<a }
        return a..<max(a, targetEnd(ofSource: r.upperBound))
    }

    /// `self` maps C → B and `inner` maps B → A; the result maps C → A.
    public func composed(with inner: OffsetMap) -> OffsetMap {
        if inner.isIdentity { return self }
        var out: [Segment] = []
        out.reserveCapacity(segments.count + inner.segments.count)
        for s in segments {
            if !s.linear || s.targetEnd - s.targetStart != s.sourceEnd - s.sourceStart {
                let src = s.sourceStart == s.sourceEnd
                    ? inner.sourceStart(s.sourceStart)..<inner.sourceStart(s.sourceStart)
                    : inner.sourceRange(s.sourceStart..<s.sourceEnd)
                out.append(Segment(targetStart: s.targetStart, targetEnd: s.targetEnd,
                                   sourceStart: src.lowerBound, sourceEnd: src.upperBound, linear: false))
                continue
            }
            // A 1:1 copy: split it along the inner segments it spans, keeping inner deletions inside it.
            var b = s.sourceStart
            var j = inner.firstIndex(targetEndAtLeast: b)
            while j < inner.segments.count {
                let iseg = inner.segments[j]
                if iseg.targetStart >= s.sourceEnd { break }
                let empty = iseg.targetStart == iseg.targetEnd
                if empty {
                    if iseg.targetStart >= s.sourceStart {
                        let t = s.targetStart + (iseg.targetStart - s.sourceStart)
                        out.append(Segment(targetStart: t, targetEnd: t, sourceStart: iseg.sourceStart,
                                           sourceEnd: iseg.sourceEnd, linear: false))
                    }
                    j += 1
                    continue
                }
                if iseg.targetEnd <= b { j += 1; continue }
                let lo = max(b, iseg.targetStart), hi = min(s.sourceEnd, iseg.targetEnd)
                let t0 = s.targetStart + (lo - s.sourceStart), t1 = s.targetStart + (hi - s.sourceStart)
                if iseg.linear {
                    out.append(Segment(targetStart: t0, targetEnd: t1, sourceStart: Self.project(iseg, lo),
                                       sourceEnd: Self.project(iseg, hi), linear: true))
                } else {
                    out.append(Segment(targetStart: t0, targetEnd: t1, sourceStart: iseg.sourceStart,
                                       sourceEnd: iseg.sourceEnd, linear: false))
                }
                b = hi
                j += 1
            }
        }
        return OffsetMap(segments: out)
    }
}
