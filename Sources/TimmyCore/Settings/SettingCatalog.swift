import Foundation

// Every setting Timmy understands, each declared once: key, default, meaning and rule.

extension Setting<String> {
    public static let host = Setting("host", default: "127.0.0.1", "address the server listens on", rule: .nonEmpty)
    public static let repoRoots = Setting("repo_roots", default: "", "comma-separated folders the git tools may use besides git_default_repo_dir")
    public static let seed = Setting("seed", default: "", "seed for bid jitter; empty draws a fresh one each run")
    public static let authToken = Setting("auth_token", default: "", "token required when listening beyond loopback", secret: true)
    public static let llmProvider = Setting(
        "llm_provider", default: "none", "language model for planning, chat and scripts: none, ollama or openai (any OpenAI-compatible server)",
        rule: .oneOf(["none", "ollama", "openai"]))
    public static let llmURL = Setting(
        "llm_url", default: "http://127.0.0.1:11434", "the language-model server (Ollama's default port)", rule: .nonEmpty)
    public static let llmModel = Setting("llm_model", default: "llama3.2", "model the language-model server is asked for", rule: .nonEmpty)
    public static let creativeBackend = Setting(
        "creative_backend", default: "auto", "creative backend: auto, worker or sketch", rule: .oneOf(["auto", "worker", "sketch"]))
    public static let workerURL = Setting("worker_url", default: "", "creative worker URL; empty spawns one locally")
    public static let workerToken = Setting("worker_token", default: "", "bearer token of the worker at worker_url", secret: true)
    public static let workerPython = Setting(
        "worker_python", default: "", "Python that runs the local worker; empty finds worker/.venv beside the data folder or timmy")
    public static let fluxModelID = Setting(
        "flux_model_id", default: "black-forest-labs/FLUX.2-klein-4B", "image model of the worker (hub id or folder)", rule: .nonEmpty)
    public static let aceStepModel = Setting(
        "ace_step_model", default: "ACE-Step/acestep-v15-xl-turbo-diffusers", "music model of the worker (hub id or folder)", rule: .nonEmpty)
    public static let wanModelID = Setting(
        "wan_model_id", default: "Wan-AI/Wan2.1-T2V-1.3B-Diffusers", "video model of the worker (hub id or folder)", rule: .nonEmpty)
    public static let wanI2VModelID = Setting(
        "wan_i2v_model_id", default: "Wan-AI/Wan2.1-I2V-14B-480P-Diffusers", "image-to-video model of the worker (hub id or folder)",
        rule: .nonEmpty)
    public static let videoDefaultResolution = Setting(
        "video_default_resolution", default: "480p", "default clip resolution", rule: .oneOf(["480p", "720p"]))
    public static let defaultVideoCodec = Setting("default_video_codec", default: "libx264", "FFmpeg video encoder", rule: .nonEmpty)
    public static let forges = Setting(
        "forges", default: "", "forges by host, comma-separated: 'host kind [api_url]', kind github, gitea or forgejo", rule: ForgeEntry.rule)
    public static let forgeTokens = Setting(
        "forge_tokens", default: "", "API tokens by host, comma-separated: 'host=token'", secret: true, rule: ForgeToken.rule)
}

extension Setting<Int> {
    public static let port = Setting("port", default: 8000, "port the server listens on", rule: .range(1...65535))
    public static let imageDefaultSteps = Setting("image_default_steps", default: 4, "default diffusion steps for images", rule: .range(1...100))
    public static let sketchConcurrency = Setting(
        "sketch_concurrency", default: ProcessInfo.processInfo.activeProcessorCount, "sketch-backend jobs run at once (one per core)",
        rule: .range(1...64))
    public static let workerConcurrency = Setting("worker_concurrency", default: 1, "worker-backend jobs run at once", rule: .range(1...16))
    public static let wanSteps = Setting("wan_steps", default: 50, "denoising steps of each Wan 2.1 clip", rule: .range(1...100))
    public static let httpMaxConnections = Setting(
        "http_max_connections", default: 512, "connections the server serves at once; more wait until one closes", rule: .range(1...65_536))
    public static let httpMaxHeaderBytes = Setting(
        "http_max_header_bytes", default: 16_384, "largest request head (all header lines together); more is refused with 431",
        rule: .range(1024...1_048_576))
    public static let llmMaxSteps = Setting(
        "llm_max_steps", default: 8, "most model calls the LLM planner makes for one task", rule: .range(1...64))
}

extension Setting<Double> {
    public static let auctionWindowSeconds = Setting(
        "auction_window_seconds", default: 2, "longest time an auction stays open", rule: .range(0.01...60))
    public static let httpHeaderTimeoutSeconds = Setting(
        "http_header_timeout_seconds", default: 10, "time a connection has to send a whole request head, from opening or its last answer",
        rule: .range(0.5...300))
    public static let httpIdleTimeoutSeconds = Setting(
        "http_idle_timeout_seconds", default: 60, "time a connection may stay silent while not being answered, mid-body included",
        rule: .range(1...3600))
    public static let videoTransitionDuration = Setting(
        "video_transition_duration", default: 1.0, "seconds of each cross-fade", rule: .range(0...10))
    public static let workerVideoScale = Setting(
        "worker_video_scale", default: 1.0, "share of the clip's size the worker generates at; FFmpeg scales it up (a faster draft)",
        rule: .range(0.05...1))
    public static let workerMemoryBudgetGB = Setting(
        "worker_memory_budget_gb", default: 0, "memory the local worker's models may take; 0 is 80% of what is free", rule: .range(0...4096))
    public static let llmTimeoutSeconds = Setting(
        "llm_timeout_seconds", default: 120, "longest wait for the language-model server to connect or send the next part of an answer",
        rule: .range(0.1...3600))
}

extension Setting<Bool> {
    public static let sparkEnabled = Setting("spark_enabled", default: true, "predictions, advisories and memories")
}

extension Setting<URL> {
    public static let dataDir = Setting("data_dir", default: "data", "where the store and the media folders live", rule: .nonEmpty)
    public static let workspaceDir = Setting("workspace_dir", default: ".", "the folder the file tools may read and write", rule: .nonEmpty)
    public static let gitDefaultRepoDir = Setting(
        "git_default_repo_dir", default: "~/repos", "where repositories are cloned and named", rule: .nonEmpty)
    public static let imageOutputDir = Setting("image_output_dir", default: "images", under: .dataDir, "where images are written")
    public static let musicOutputDir = Setting("music_output_dir", default: "music", under: .dataDir, "where music is written")
    public static let videoOutputDir = Setting("video_output_dir", default: "video", under: .dataDir, "where video is written")
    public static let creativeOutputDir = Setting(
        "creative_output_dir", default: "creative", under: .dataDir, "where Creative Director projects live")
}

extension SettingDefinition {
    /// Every key Timmy understands, in the order `timmy config` prints them.
    public static let all: [SettingDefinition] = {
        let settings: [any SettingKey] = [
            Setting.host, Setting.port, Setting.httpMaxConnections, Setting.httpMaxHeaderBytes, Setting.httpHeaderTimeoutSeconds,
            Setting.httpIdleTimeoutSeconds, Setting.dataDir, Setting.workspaceDir, Setting.gitDefaultRepoDir, Setting.repoRoots,
            Setting.auctionWindowSeconds, Setting.seed, Setting.authToken, Setting.llmProvider, Setting.llmURL, Setting.llmModel,
            Setting.llmMaxSteps, Setting.llmTimeoutSeconds, Setting.sparkEnabled,
            Setting.creativeBackend, Setting.workerURL, Setting.workerToken, Setting.workerPython, Setting.workerMemoryBudgetGB,
            Setting.workerVideoScale, Setting.fluxModelID, Setting.imageOutputDir, Setting.imageDefaultSteps, Setting.musicOutputDir,
            Setting.aceStepModel, Setting.videoOutputDir, Setting.wanModelID, Setting.wanI2VModelID, Setting.wanSteps, Setting.videoDefaultResolution,
            Setting.creativeOutputDir, Setting.videoTransitionDuration, Setting.defaultVideoCodec, Setting.sketchConcurrency,
            Setting.workerConcurrency, Setting.forges, Setting.forgeTokens,
        ]
        return settings.map(\.definition)
    }()

    /// The API key of an OpenAI-compatible server: read from the environment only, never from a file,
    /// and never stored, logged or shown.
    public static let llmAPIKeyVariable = "TIMMY_LLM_API_KEY"

    /// `TIMMY_` variables that are not settings, so loading the environment passes over them.
    static let environmentOnly: Set<String> = [llmAPIKeyVariable]

    static let byKey: [String: SettingDefinition] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })
}
