/// The one rule from a Swift property name to the names the outside world uses.
enum WireName {
    /// `maxCount` → `max_count`: the name in JSON arguments, schemas and settings.
    static func snakeCase(_ property: some StringProtocol) -> String {
        var name = ""
        for character in property {
            if character.isUppercase {
                name += "_" + character.lowercased()
            } else {
                name.append(character)
            }
        }
        return name
    }
}
