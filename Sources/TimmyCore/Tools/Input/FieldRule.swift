/// A check a field's value must pass, with the JSON-schema keywords that state it.
public struct FieldRule: Sendable {
    /// Keywords added to the field's schema (`minimum`, `multipleOf`, `maxLength`, …).
    let schema: [String: JSONValue]
    /// Why a given value breaks the rule, said after "argument 'name'"; nil when it passes.
    let reason: @Sendable (JSONValue) -> String?

    init(schema: [String: JSONValue], reason: @escaping @Sendable (JSONValue) -> String?) {
        self.schema = schema
        self.reason = reason
    }

    /// A whole number within bounds.
    public static func within(_ range: ClosedRange<Int>) -> FieldRule {
        FieldRule(schema: ["minimum": .int(range.lowerBound), "maximum": .int(range.upperBound)]) { value in
            guard let number = value.intValue, !range.contains(number) else { return nil }
            return "must be between \(range.lowerBound) and \(range.upperBound), got \(number)"
        }
    }

    /// A number within bounds, optionally in a unit ("seconds").
    public static func within(_ range: ClosedRange<Double>, unit: String? = nil) -> FieldRule {
        FieldRule(schema: ["minimum": .double(range.lowerBound), "maximum": .double(range.upperBound)]) { value in
            guard let number = value.doubleValue, !range.contains(number) else { return nil }
            let unit = unit.map { " \($0)" } ?? ""
            return "must be between \(shown(range.lowerBound)) and \(shown(range.upperBound))\(unit), got \(shown(number))"
        }
    }

    /// A whole number that is a multiple of `step` within bounds (image sizes).
    public static func multiple(of step: Int, within range: ClosedRange<Int>) -> FieldRule {
        FieldRule(schema: ["multipleOf": .int(step), "minimum": .int(range.lowerBound), "maximum": .int(range.upperBound)]) { value in
            guard let number = value.intValue, !range.contains(number) || number % step != 0 else { return nil }
            return "must be a multiple of \(step) between \(range.lowerBound) and \(range.upperBound), got \(number)"
        }
    }

    /// Text with something other than white space in it, of at most `limit` characters when a limit is given.
    public static func text(maxLength limit: Int? = nil) -> FieldRule {
        FieldRule(schema: ControlCharacters.textSchema(maxLength: limit)) { value in
            guard let text = value.stringValue else { return nil }
            if text.allSatisfy(\.isWhitespace) { return "must not be empty" }
            guard let limit, text.count > limit else { return nil }
            return "must be at most \(limit) characters, got \(text.count)"
        }
    }

    /// A list with a number of items within bounds, each a non-blank text; `noun` names an item in the message.
    public static func items(_ range: ClosedRange<Int>, of noun: String) -> FieldRule {
        let item: JSONValue = .object(ControlCharacters.textSchema(maxLength: nil))
        return FieldRule(schema: ["minItems": .int(range.lowerBound), "maxItems": .int(range.upperBound), "items": item]) { value in
            guard let items = value.arrayValue else { return nil }
            guard range.contains(items.count) else {
                return "must hold between \(range.lowerBound) and \(range.upperBound) \(noun)s, got \(items.count)"
            }
            guard let blank = items.firstIndex(where: { $0.stringValue?.allSatisfy(\.isWhitespace) == true }) else { return nil }
            return "must not hold an empty \(noun) (\(noun) \(blank + 1))"
        }
    }

    /// Whole numbers as people write them: "got 700", not "got 700.0".
    private static func shown(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
