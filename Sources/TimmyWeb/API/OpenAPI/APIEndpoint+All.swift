import HTTPTypes
import TimmyAPI
import TimmyCore

/// Every operation of the JSON API, in the order the document lists them.
extension APIEndpoint {
    static let health = APIEndpoint(.get, "/health", "Version, uptime, store and agents", answers: [.json(HealthReport.self)])
    static let openAPI = APIEndpoint(.get, "/api/openapi.json", "This document", answers: [.document])
    static let events = APIEndpoint(
        .get, "/api/events", "Live events as Server-Sent Events",
        query: [
            .init(
                name: "after", schema: ["type": "integer", "minimum": 0, "maximum": .int(Int.max)],
                description: "replay events with a larger id first (the `Last-Event-ID` header does the same)")
        ], answers: [.events(LiveEvent.self)])
    static let postTask = APIEndpoint(
        .post, "/api/tasks", "Post a task", request: PostTaskRequest.self, answers: [.json(TaskDetail.self, status: 201)])
    static let tasks = APIEndpoint(
        .get, "/api/tasks", "Tasks, newest first, with counts per status",
        query: [
            .choice("status", TaskStatus.self, "only tasks in this status"), .limit(500, fallback: 50),
            .init(
                name: "offset", schema: ["type": "integer", "minimum": 0, "maximum": .int(Int.max), "default": 0],
                description: "tasks to skip, default 0"),
        ], answers: [.json(TaskList.self)])
    static let task = APIEndpoint(
        .get, "/api/tasks/{id}", "A task with its bids, tool calls, events and prediction", answers: [.json(TaskDetail.self)])
    static let auctions = APIEndpoint(
        .get, "/api/auctions", "The latest auctions with every bid", query: [.limit(100, fallback: 20)], answers: [.json(AuctionList.self)])
    static let personas = APIEndpoint(
        .get, "/api/personas", "Every persona with its toolkit and live status", answers: [.json([PersonaView].self)])
    static let tools = APIEndpoint(
        .get, "/api/tools", "The tool catalog", query: [.text("persona", "only the tools in this persona's toolkit", PersonaCatalog.idSchema)],
        answers: [.json([ToolView].self)])
    static let toolUsage = APIEndpoint(
        .get, "/api/tools/usage", "Calls, success rate and median and p95 duration per tool and agent", answers: [.json(ToolUsageReport.self)])
    static let runTool = APIEndpoint(
        .post, "/api/tools/{name}/run", "Run one tool as a persona (recorded); a queued tool answers 202 with its job",
        request: ToolRunRequest.self, answers: [.json(ToolRunResponse.self), .json(ToolRunResponse.self, status: 202)])
    static let sparkStatus = APIEndpoint(.get, "/api/spark/status", "Spark at a glance", answers: [.json(SparkStatus.self)])
    static let timeline = APIEndpoint(
        .get, "/api/spark/timeline", "Events, newest first",
        query: [
            .choice("type", SparkEventType.self, "only events of this type"), .text("agent", "only events of this persona", PersonaCatalog.idSchema),
            .limit(1000, fallback: 100),
        ], answers: [.json(Timeline.self)])
    static let advisories = APIEndpoint(
        .get, "/api/spark/advisories", "Advice from recorded data, and memories", answers: [.json(AdvisoryList.self)])
    static let predictions = APIEndpoint(
        .get, "/api/spark/predictions", "Predictions, newest first, and overall accuracy", query: [.limit(1000, fallback: 100)],
        answers: [.json(PredictionList.self)])
    static let modelReport = APIEndpoint(
        .get, "/api/spark/models", "Plan success of the language model against the rules, and latency and tokens per model",
        answers: [.json(ModelReport.self)])
    static let chatHistory = APIEndpoint(
        .get, "/api/chat", "A conversation with Timmy (the latest by default) and the model that answers",
        query: [.text("conversation", "the conversation's id", ChatInputRule.conversationSchema), .limit(500, fallback: 100)],
        answers: [.json(ChatHistory.self)])
    static let chat = APIEndpoint(
        .post, "/api/chat", "Talk with Timmy and wait for the whole answer", request: ChatRequest.self, answers: [.json(ChatReply.self)])
    static let chatStream = APIEndpoint(
        .post, "/api/chat/stream", "Talk with Timmy and follow the answer as Server-Sent Events", request: ChatRequest.self,
        answers: [.events(ChatEvent.self)])
    static let ledger = APIEndpoint(.get, "/api/ledger", "Balances and the latest entries", answers: [.json(LedgerView.self)])
    static let jobs = APIEndpoint(
        .get, "/api/jobs", "The job queue, newest first",
        query: [.choice("status", JobStatus.self, "only jobs in this state"), .limit(500, fallback: 50)], answers: [.json(JobList.self)])
    static let job = APIEndpoint(.get, "/api/jobs/{id}", "One job and the assets it made", answers: [.json(JobDetail.self)])
    static let cancelJob = APIEndpoint(.post, "/api/jobs/{id}/cancel", "Cancel a queued or running job", answers: [.json(JobDetail.self)])
    static let retryJob = APIEndpoint(
        .post, "/api/jobs/{id}/retry", "Queue a failed, cancelled or interrupted job again", answers: [.json(JobDetail.self)])
    static let jobEvents = APIEndpoint(
        .get, "/api/jobs/{id}/events", "Follow one job live (Server-Sent Events)", answers: [.events(JobView.self)])
    static let assets = APIEndpoint(
        .get, "/api/assets", "The media made, newest first",
        query: [.choice("kind", AssetKind.self, "image, audio or video"), .limit(500, fallback: 50)], answers: [.json(AssetList.self)])

    static let projects = APIEndpoint(
        .get, "/api/creative/projects", "Creative Director projects, newest first", query: [.limit(500, fallback: 50)],
        answers: [.json(ProjectList.self)])
    static let createProject = APIEndpoint(
        .post, "/api/creative/projects", "Start a project: the script is written and the steps run in the background",
        request: CreateProjectRequest.self, answers: [.json(ProjectDetail.self, status: 201)])
    static let project = APIEndpoint(
        .get, "/api/creative/projects/{id}", "A project with its script and every step", answers: [.json(ProjectDetail.self)])
    static let editProject = APIEndpoint(
        .patch, "/api/creative/projects/{id}/script", "Change scene descriptions and lyrics of a project that is not running",
        request: EditProjectRequest.self, answers: [.json(ProjectDetail.self)])
    static let approveProject = APIEndpoint(
        .post, "/api/creative/projects/{id}/approve", "Approve a project awaiting approval; it runs on with its edits",
        answers: [.json(ProjectDetail.self)])
    static let resumeProject = APIEndpoint(
        .post, "/api/creative/projects/{id}/resume", "Run an interrupted or failed project on, remaking only unfinished or changed steps",
        answers: [.json(ProjectDetail.self)])
    static let rerunScene = APIEndpoint(
        .post, "/api/creative/projects/{id}/rerun-scene", "Remake one scene's keyframe, its clips and the final video",
        request: RerunSceneRequest.self, answers: [.json(ProjectDetail.self)])
    static let projectEvents = APIEndpoint(
        .get, "/api/creative/projects/{id}/events", "Follow one project live (Server-Sent Events): its steps and their jobs",
        answers: [.events(LiveEvent.self)])

    static let all: [APIEndpoint] = [
        health, openAPI, events, postTask, tasks, task, auctions, personas, tools, toolUsage, runTool, sparkStatus, timeline, advisories,
        predictions, modelReport, chatHistory, chat, chatStream, ledger, jobs, job, cancelJob, retryJob, jobEvents, assets, projects, createProject,
        project, editProject, approveProject, resumeProject, rerunScene, projectEvents,
    ]
}
