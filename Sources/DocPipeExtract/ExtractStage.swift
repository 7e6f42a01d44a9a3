import DocPipeCore

/// Stage 4: tokens, acronyms, dates, entities, quantities and claims, in that order (each may use
/// the layers before it). Runs on the final cleaned text: no stage rewrites the text after this one.
public struct ExtractStage: ConfigurableStage {
    public static let name = "extract"
    public static let optionHelp: [(key: String, values: String, defaultValue: String)] = [
        ("tokens", "true|false", "true"),
        ("acronyms", "true|false", "true"),
        ("entities", "true|false", "true"),
        ("dates", "true|false", "true"),
        ("quantities", "true|false", "true"),
        ("claims", "true|false", "true"),
        ("reference-date", "YYYY, YYYY-MM or YYYY-MM-DD: anchor for relative dates (default: the last date mentioned)", ""),
    ]

    public var tokens = true
    public var acronyms = true
    public var entities = true
    public var dates = true
    public var quantities = true
    public var claims = true
    /// Anchor for relative expressions; nil means narrative mode (the last date mentioned).
    public var referenceDate: String?

    public init() {}

    public init(options: ConfigNode?) throws(ConfigError) {
        var r = try OptionsReader(options, stage: Self.name)
        tokens = try r.bool("tokens", default: true)
        acronyms = try r.bool("acronyms", default: true)
        entities = try r.bool("entities", default: true)
        dates = try r.bool("dates", default: true)
        quantities = try r.bool("quantities", default: true)
        claims = try r.bool("claims", default: true)
        let ref = try r.string("reference-date", default: "")
        if !ref.isEmpty {
            guard Self.isTimexDate(ref) else {
                throw options!.error("option 'reference-date' of stage 'extract' expects YYYY, YYYY-MM or YYYY-MM-DD, found '\(ref)'")
            }
            referenceDate = ref
        }
        try r.finish()
    }

    static func isTimexDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) } && parts.dropFirst().allSatisfy { $0.count == 2 }
    }

    public func process(_ document: inout Document) throws {
        if tokens && dates {
            // One pass over the bytes for both.
            (document.tokens, document.dates) = TimexTagger(referenceDate: referenceDate).tokensAndTag(text: document.text)
        } else {
            if tokens { document.tokens = Tokenizer.tokens(in: document.text) }
            if dates { document.dates = TimexTagger(referenceDate: referenceDate).tag(document) }
        }
        // After the dates: they read the text only, and the acronyms read no dates.
        if acronyms { document.acronyms = AcronymFinder.definitions(in: document) }
        // Dates before entities: a number inside a date is no CARDINAL.
        if entities { document.entities = EntityRecognizer.entities(in: document, dates: dates ? document.dates : nil) }
        if quantities || claims {
            // One scan serves both: quantities and claims read the same tokens.
            let analysis = QuantityAnalysis(document)
            if quantities { document.quantities = QuantityExtractor.quantities(from: analysis) }
            if claims { document.claims = ClaimExtractor.claims(in: document, analysis: analysis) }
        }
    }
}
