import TimmyAPI
import TimmyCore

/// `/marketplace`: the personas for hire, with role, capabilities, rate, toolkit and status.
struct MarketplacePage {
    struct Card {
        let id: String
        let name: String
        let role: String
        let rate: String
        let bidBase: String
        let jitter: String
        let bids: Bool
        let status: String
        let capabilities: [String]
        let tools: [String]
    }

    let personas: [Card]

    init(_ service: any TimmyService) async throws {
        personas = try await service.personas().map { view in
            let persona = view.persona
            return Card(
                id: persona.id, name: persona.name, role: persona.role, rate: Format.sats(persona.rateSats), bidBase: Format.sats(persona.bidBase),
                jitter: Format.sats(persona.bidJitter), bids: persona.bids, status: view.status?.status ?? "leads",
                capabilities: persona.capabilities, tools: view.tools)
        }
    }
}
