/// View values in the form Mustache reads fastest. Mustache looks names up on a struct by reflecting it
/// anew for every `{{name}}`; a page with a long feed did thousands of reflections. Here each struct is
/// reflected once into a dictionary (absent optionals left out, so lookups fall through to the enclosing
/// context exactly as before), and arrays element by element.
enum TemplateValue {
    static func of(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { of($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = of(child.value) { fields[label] = field }
            }
            return fields
        case .collection:
            return mirror.children.compactMap { of($0.value) }
        default:
            return value
        }
    }
}
