/// A member of the swarm: who it is, what it charges and which words draw its bids.
public struct Persona: Sendable, Codable, Hashable, Identifiable {
    public let id: String
    public let name: String
    public let role: String
    public let rateSats: Int
    public let bidBase: Int
    public let bidJitter: Int
    public let capabilities: [String]
    public let preferredKeywords: [String]
    /// Timmy leads and never bids; everyone else does.
    public let bids: Bool

    public init(
        id: String, name: String, role: String, rateSats: Int, bidBase: Int, bidJitter: Int, capabilities: [String],
        preferredKeywords: [String], bids: Bool
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.rateSats = rateSats
        self.bidBase = bidBase
        self.bidJitter = bidJitter
        self.capabilities = capabilities
        self.preferredKeywords = preferredKeywords
        self.bids = bids
    }

    /// The preferred keywords and capabilities found as whole words or phrases in the text.
    public func matchedKeywords(in text: WordMatcher) -> [String] {
        text.matches(preferredKeywords) + text.matches(capabilities).filter { !preferredKeywords.contains($0) }
    }
}
