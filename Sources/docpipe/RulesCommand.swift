import ArgumentParser
import DocPipe
import DocPipeCore
import DocPipeValidate

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the validation rules, or show one with its examples.",
        discussion: "A pipeline file can switch a rule off or change its severity under 'validate: {rules: {ID: off|note|warning|error}}'."
    )

    @Argument(help: ArgumentHelp("A rule id, e.g. duplicate-sentence.", valueName: "RULE-ID"))
    var ruleID: String?

    func run() throws {
        let all = RuleCatalog.descriptions
        guard let id = ruleID else {
            let width = all.map(\.id.count).max() ?? 0
            for d in all {
                print(d.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + d.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + d.summary)
            }
            return
        }
        guard let d = all.first(where: { $0.id == id }) else {
            warn("docpipe: error: unknown rule '\(id)' (known rules: \(all.map(\.id).joined(separator: ", ")))")
            throw ExitCode(2)
        }
        print("\(d.id) (default severity: \(d.defaultSeverity.rawValue))")
        print("")
        print(d.summary)
        print("")
        print(d.details)
        print("")
        print("Triggering examples (↓ marks where it reports):")
        for e in d.triggering { print(indent(e.text)) }
        print("Non-triggering examples:")
        for e in d.nonTriggering { print(indent(e.text)) }
    }

    private func indent(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}
