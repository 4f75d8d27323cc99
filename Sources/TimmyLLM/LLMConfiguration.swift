import Foundation
import TimmyCore

/// Which wire format the configured server speaks.
public enum LLMProvider: String, Sendable, Codable, CaseIterable {
    case ollama, openai
}

/// The language model as settings configure it. It exists only when `llm_provider` is not `none`,
/// so with the default settings nothing is ever sent anywhere.
public struct LLMConfiguration: Sendable {
    public let provider: LLMProvider
    /// The server's base URL, without a trailing slash.
    public let url: String
    public let model: String
    public let maxSteps: Int
    /// The longest wait to connect, and for each next part of a streamed answer.
    public let timeout: Duration
    let apiKey: String?

    public init(provider: LLMProvider, url: String, model: String, maxSteps: Int = 8, timeout: Duration = .seconds(120), apiKey: String? = nil) {
        self.provider = provider
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.model = model
        self.maxSteps = maxSteps
        self.timeout = timeout
        self.apiKey = apiKey
    }

    /// The configured model, or nil when `llm_provider` is `none`; a `llm_url` that is not an
    /// http(s) URL with a host is an error naming the setting.
    public static func from(settings: Settings, environment: [String: String]) throws(LLMError) -> LLMConfiguration? {
        guard let provider = LLMProvider(rawValue: settings[.llmProvider]) else { return nil }
        let url = settings[.llmURL]
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host?.isEmpty == false else {
            throw .badURL(url)
        }
        let key = environment[SettingDefinition.llmAPIKeyVariable].flatMap { $0.isEmpty ? nil : $0 }
        return LLMConfiguration(
            provider: provider, url: url, model: settings[.llmModel], maxSteps: settings[.llmMaxSteps],
            timeout: .milliseconds(Int(settings[.llmTimeoutSeconds] * 1000)), apiKey: key)
    }

    /// The timeout in seconds, as messages give it.
    public var timeoutSeconds: Double {
        timeout.seconds
    }

    /// The client that speaks this provider's format.
    public func client() -> any LanguageModel {
        switch provider {
        case .ollama: OllamaClient(configuration: self)
        case .openai: OpenAIClient(configuration: self)
        }
    }
}

extension LLMConfiguration: CustomStringConvertible {
    /// The configuration as logs may show it: the API key only as set or not.
    public var description: String {
        "\(provider.rawValue) \(model) at \(url) (max \(maxSteps) steps, timeout \(timeoutSeconds.formatted()) s, API key \(apiKey == nil ? "not set" : "set"))"
    }
}
