import Foundation

/// A JSON Schema (2020-12) validator for exactly the keywords the docpipe schemas use.
///
/// Assertions: `type` (string or list), `properties`, `required`, `additionalProperties` (boolean or
/// schema), `items` (schema), `enum`, `const`, `minimum`, `pattern`, `oneOf`, `anyOf`, `$ref` (only
/// `#/$defs/NAME`). Structure: `$defs`. Annotations (no effect): `$schema`, `$id`, `title`,
/// `description`, `$comment`. Any other keyword anywhere in the schema makes `init` throw, so a schema
/// that grows a keyword this validator does not understand fails loudly instead of passing silently.
struct JSONSchemaValidator {
    struct SchemaError: Error, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { "invalid or unsupported schema at \(path): \(message)" }
    }

    private static let assertions: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "const", "minimum",
        "pattern", "oneOf", "anyOf", "$ref",
    ]
    private static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$comment", "$defs"]
    private static let types: Set<String> = ["null", "boolean", "object", "array", "number", "string", "integer"]

    let root: JSONValue
    private var defs: [String: JSONValue] = [:]
    private var regexes: [String: NSRegularExpression] = [:]

    init(schema: JSONValue) throws {
        root = schema
        if case .object(let m)? = schema["$defs"] {
            for (k, v) in m { defs[k] = v }
        }
        try check(schema, path: "#")
        if let s = schema["$schema"]?.string, s != "https://json-schema.org/draft/2020-12/schema" {
            throw SchemaError(path: "#/$schema", message: "only draft 2020-12 is supported, found \(s)")
        }
    }

    init(schemaBytes: [UInt8]) throws { try self.init(schema: try JSONValue.parse(schemaBytes)) }

    /// Walks the schema once: every keyword known, every `$ref` resolvable, every pattern compilable.
    private mutating func check(_ s: JSONValue, path: String) throws {
        switch s {
        case .bool: return
        case .object(let m):
            for (k, v) in m {
                let p = "\(path)/\(k)"
                guard Self.assertions.contains(k) || Self.annotations.contains(k) else {
                    throw SchemaError(path: p, message: "keyword '\(k)' is not supported by this validator")
                }
                switch k {
                case "type":
                    let names = v.string.map { [$0] } ?? v.array?.compactMap(\.string) ?? []
                    guard !names.isEmpty, names.allSatisfy(Self.types.contains),
                          v.string != nil || names.count == v.array?.count else {
                        throw SchemaError(path: p, message: "bad type \(v)")
                    }
                case "properties", "$defs":
                    guard case .object(let props) = v else { throw SchemaError(path: p, message: "must be an object") }
                    if k == "$defs" && path != "#" { throw SchemaError(path: p, message: "$defs only at the root") }
                    for (name, sub) in props { try check(sub, path: "\(p)/\(name)") }
                case "required":
                    guard let a = v.array, a.allSatisfy({ $0.string != nil }) else { throw SchemaError(path: p, message: "must be a list of strings") }
                case "additionalProperties", "items":
                    try check(v, path: p)
                case "enum":
                    guard v.array != nil else { throw SchemaError(path: p, message: "must be a list") }
                case "const": break
                case "minimum":
                    guard case .number = v else { throw SchemaError(path: p, message: "must be a number") }
                case "pattern":
                    guard let pat = v.string else { throw SchemaError(path: p, message: "must be a string") }
                    do { regexes[pat] = try NSRegularExpression(pattern: pat) } catch {
                        throw SchemaError(path: p, message: "bad pattern \(pat)")
                    }
                case "oneOf", "anyOf":
                    guard let a = v.array, !a.isEmpty else { throw SchemaError(path: p, message: "must be a non-empty list") }
                    for (i, sub) in a.enumerated() { try check(sub, path: "\(p)/\(i)") }
                case "$ref":
                    guard let r = v.string, r.hasPrefix("#/$defs/"), defs[String(r.dropFirst(8))] != nil else {
                        throw SchemaError(path: p, message: "only resolvable #/$defs/NAME references are supported, found \(v)")
                    }
                default: break  // annotations
                }
            }
        default:
            throw SchemaError(path: path, message: "a schema must be an object or a boolean")
        }
    }

    /// Every violation, as `instance-path: message`; empty when the instance is valid.
    func validate(_ instance: JSONValue) -> [String] {
        var errors: [String] = []
        validate(instance, root, "$", &errors)
        return errors
    }

    private func typeMatches(_ v: JSONValue, _ t: String) -> Bool {
        switch (t, v) {
        case ("null", .null), ("boolean", .bool), ("object", .object), ("array", .array), ("string", .string), ("number", .number): true
        case ("integer", .number(let d)): d.rounded() == d
        default: false
        }
    }

    private func validate(_ v: JSONValue, _ s: JSONValue, _ path: String, _ errors: inout [String]) {
        switch s {
        case .bool(true): return
        case .bool(false): errors.append("\(path): no value is allowed here"); return
        default: break
        }
        if let t = s["type"] {
            let names = t.string.map { [$0] } ?? t.array!.compactMap(\.string)
            if !names.contains(where: { typeMatches(v, $0) }) {
                errors.append("\(path): expected \(names.joined(separator: " or ")), found \(v)")
                return
            }
        }
        if let c = s["const"], c != v { errors.append("\(path): expected \(c), found \(v)") }
        if let e = s["enum"]?.array, !e.contains(v) { errors.append("\(path): \(v) is not one of \(e)") }
        if let m = s["minimum"], case .number(let min) = m, case .number(let d) = v, d < min {
            errors.append("\(path): \(v) is less than the minimum \(m)")
        }
        if let pat = s["pattern"]?.string, case .string(let str) = v {
            let re = regexes[pat]!
            if re.firstMatch(in: str, range: NSRange(str.startIndex..., in: str)) == nil {
                errors.append("\(path): \"\(str)\" does not match \(pat)")
            }
        }
        if case .object(let members) = v {
            var props: [(key: String, value: JSONValue)] = []
            if case .object(let p)? = s["properties"] { props = p }
            for r in s["required"]?.array ?? [] {
                let name = r.string!
                if !members.contains(where: { $0.key == name }) { errors.append("\(path): missing required key '\(name)'") }
            }
            for (k, sub) in members {
                if let p = props.first(where: { $0.key == k }) {
                    validate(sub, p.value, "\(path).\(k)", &errors)
                } else if let ap = s["additionalProperties"] {
                    if ap == .bool(false) { errors.append("\(path): unknown key '\(k)'") } else { validate(sub, ap, "\(path).\(k)", &errors) }
                }
            }
        }
        if case .array(let items) = v, let itemSchema = s["items"] {
            for (i, item) in items.enumerated() { validate(item, itemSchema, "\(path)[\(i)]", &errors) }
        }
        if let alts = s["oneOf"]?.array {
            let passing = alts.filter { alt in var e: [String] = []; validate(v, alt, path, &e); return e.isEmpty }.count
            if passing != 1 { errors.append("\(path): must match exactly one of \(alts.count) alternatives, matches \(passing)") }
        }
        if let alts = s["anyOf"]?.array {
            if !alts.contains(where: { alt in var e: [String] = []; validate(v, alt, path, &e); return e.isEmpty }) {
                errors.append("\(path): matches none of \(alts.count) alternatives")
            }
        }
        if let r = s["$ref"]?.string {
            validate(v, defs[String(r.dropFirst(8))]!, path, &errors)
        }
    }
}
