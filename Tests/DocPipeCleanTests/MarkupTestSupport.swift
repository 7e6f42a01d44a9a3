import DocPipeCore
import Testing
@testable import DocPipeTestSupport
@testable import DocPipeClean

extension String {
    func bytes(_ r: Range<Int>) -> String { utf8Slice(r) }
}

/// Checks the invariants of a rewrite of `input`: copied segments equal the input, fixes are where they say.
func checkRewrite(_ rw: Rewrite, of input: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let out = Array(rw.text.utf8), inp = Array(input.utf8)
    #expect(rw.map.targetLength == out.count, sourceLocation: sourceLocation)
    #expect(rw.map.sourceLength <= inp.count, sourceLocation: sourceLocation)
    for s in rw.map.segments where s.linear && s.targetEnd - s.targetStart == s.sourceEnd - s.sourceStart {
        #expect(Array(out[s.targetStart..<s.targetEnd]) == Array(inp[s.sourceStart..<s.sourceEnd]), sourceLocation: sourceLocation)
    }
    for f in rw.fixes {
        #expect(f.newRange.upperBound <= out.count && f.oldRange.upperBound <= inp.count, sourceLocation: sourceLocation)
        guard f.newRange.upperBound <= out.count, f.oldRange.upperBound <= inp.count else { continue }
        #expect(String(decoding: out[f.newRange], as: UTF8.self) == f.after, sourceLocation: sourceLocation)
        #expect(String(decoding: inp[f.oldRange], as: UTF8.self) == f.before, sourceLocation: sourceLocation)
        #expect(rw.map.sourceRange(f.newRange).lowerBound <= f.oldRange.lowerBound || f.newRange.isEmpty, sourceLocation: sourceLocation)
    }
}

typealias SeededRandom = SplitMix
