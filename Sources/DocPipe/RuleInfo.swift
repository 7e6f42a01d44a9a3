import DocPipeCore
import DocPipeValidate

/// The rule declarations as reports need them (SARIF `rules[]`, JUnit cases).
public enum RuleInfo {
    public static var all: [RuleMetadata] {
        RuleCatalog.descriptions.map { RuleMetadata(id: $0.id, defaultSeverity: $0.defaultSeverity, summary: $0.summary, details: $0.details) }
    }
}
