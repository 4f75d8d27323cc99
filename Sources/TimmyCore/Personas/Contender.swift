/// One persona that will bid on a task, and the keywords of the task it matched.
public struct Contender: Sendable {
    public let persona: Persona
    public let matchedKeywords: [String]

    public init(persona: Persona, matchedKeywords: [String]) {
        self.persona = persona
        self.matchedKeywords = matchedKeywords
    }
}
