import DocPipeCore

// PLACEHOLDER — replaced by the tokens/entities work.
enum Tokenizer {
    static func tokens(in text: String) -> [Token] { [] }
}
