import DocPipeCore
import Testing
@testable import DocPipeSegment

private func node(_ pairs: [(String, ConfigNode.Value)], line: Int = 3) -> ConfigNode {
    var m: [(key: ConfigNode, value: ConfigNode)] = []
    for (i, (k, v)) in pairs.enumerated() {
        m.append((ConfigNode(.scalar(k), file: "p.yml", line: line + i, column: 5),
                  ConfigNode(v, file: "p.yml", line: line + i, column: 5 + k.count + 2)))
    }
    return ConfigNode(.mapping(m), file: "p.yml", line: line, column: 3)
}

private func scalar(_ s: String, line: Int = 9, column: Int = 9) -> ConfigNode { ConfigNode(.scalar(s), file: "p.yml", line: line, column: column) }

@Test func defaultOptions() throws {
    let s = try SegmentStage(options: nil)
    #expect(s.options == SegmentOptions())
}

@Test func allOptionsRead() throws {
    let n = node([("headings", .scalar("false")), ("lists", .scalar("no")), ("sentences", .scalar("on")),
                  ("abbreviations", .sequence([scalar("Dept."), scalar("Ave")]))])
    let s = try SegmentStage(options: n)
    #expect(s.options == SegmentOptions(headings: false, lists: false, sentences: true, abbreviations: ["Dept.", "Ave"]))
}

@Test func abbreviationsAsCommaSeparatedString() throws {
    let s = try SegmentStage(options: node([("abbreviations", .scalar("Dept., Ave."))]))
    #expect(s.options.abbreviations == ["Dept.", "Ave."])
}

@Test func unknownOptionIsAnErrorWithPosition() {
    #expect(throws: ConfigError(file: "p.yml", line: 4, column: 5,
                                message: "unknown option 'heading' for stage 'segment' (known options: headings, lists, sentences, abbreviations)")) {
        try SegmentStage(options: node([("sentences", .scalar("true")), ("heading", .scalar("true"))]))
    }
}

@Test func badBooleanIsAnError() {
    do {
        _ = try SegmentStage(options: node([("headings", .scalar("maybe"))]))
        Issue.record("expected an error")
    } catch {
        #expect(error.line == 3)
        #expect(error.message.contains("expects true or false"))
    }
}

@Test func badAbbreviationEntryIsAnError() {
    do {
        _ = try SegmentStage(options: node([("abbreviations", .sequence([scalar("two words", line: 7, column: 11)]))]))
        Issue.record("expected an error")
    } catch {
        #expect(error.line == 7 && error.column == 11)
    }
    #expect(throws: ConfigError.self) {
        try SegmentStage(options: node([("abbreviations", .mapping([]))]))
    }
}

@Test func optionHelpListsEveryOption() {
    #expect(SegmentStage.optionHelp.map(\.key) == ["headings", "lists", "sentences", "abbreviations"])
}
