import Foundation
import Testing
import TimmyCore
import TimmySpark
import TimmyStore
import TimmyTestSupport

@Suite("Spark reads the event stream")
struct SparkEventTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    /// Posts, auctions (Echo wins on "read" against Forge) and starts a task through the store alone.
    func auctioned(_ id: String, in store: Store) async throws -> TaskRecord {
        let task = TaskRecord(
            id: id, description: "read README.md", status: .bidding, plan: [PlannedCall(tool: "read_file", arguments: ["path": "README.md"])],
            createdAt: now)
        let prediction = Prediction(
            taskId: id, predictedWinner: "echo", successProbability: 0.7, bidLow: 10, bidHigh: 20, basis: "test", createdAt: now)
        try await store.insertPosted(task, prediction: prediction)
        let bids = [
            BidRecord(taskId: id, agent: "echo", sats: 15, baseSats: 15, learnerFactor: 1, matchedKeywords: ["read"], sequence: 0, createdAt: now),
            BidRecord(taskId: id, agent: "forge", sats: 40, baseSats: 40, learnerFactor: 1, matchedKeywords: [], sequence: 1, createdAt: now),
        ]
        try await store.closeAuction(task: id, bids: bids, winner: bids[0])
        try await store.markRunning(task: id)
        return task
    }

    @Test("the learner and the prediction's score follow the events the store publishes, with no swarm")
    func learnsFromStoreEvents() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = Store(database: try AppDatabase.open(directory: folder.url))
        let spark = try await Spark.open(store: store)
        let running = Task { await spark.run() }
        let task = try await auctioned("t1", in: store)
        _ = try await store.finish(task, .completed("done"))
        await store.events.settle()

        let echo = await spark.learner.record(for: "echo")
        #expect(echo.bids == 1 && echo.wins == 1 && echo.completions == 1 && echo.failures == 0 && echo.winningBidTotal == 15)
        #expect(echo.keywordWins == ["read": 1] && echo.keywordCompletions == ["read": 1])
        #expect(await spark.learner.record(for: "forge").bids == 1)
        #expect(try await store.agentRecords() == spark.learner.allRecords(), "the same records a restart loads from the store")
        let prediction = try #require(try await store.predictions(limit: 10).first)
        #expect(prediction.score == 1.0 && prediction.actualWinner == "echo" && prediction.actualSuccess == true && prediction.actualBid == 15)
        await spark.finish()
        await running.value
    }

    @Test("a task failed by restart recovery is learned from and its prediction scored")
    func learnsFromRecovery() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = Store(database: try AppDatabase.open(directory: folder.url))
        _ = try await auctioned("t2", in: store)  // by the process that crashed

        let spark = try await Spark.open(store: store)
        let running = Task { await spark.run() }
        #expect(try await store.recoverInterrupted() == ["t2"])
        await store.events.settle()

        let echo = await spark.learner.record(for: "echo")
        #expect(echo.failures == 1 && echo.keywordFailures == ["read": 1])
        #expect(try await store.agentRecords() == spark.learner.allRecords())
        let prediction = try #require(try await store.predictions(limit: 10).first)
        #expect(prediction.actualSuccess == false && prediction.score == 0.6)  // winner 0.4 + bid in range 0.2
        await spark.finish()
        await running.value
    }

    @Test("a task no planner can serve keeps its prediction unscored")
    func unplannableUnscored() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = Store(database: try AppDatabase.open(directory: folder.url))
        let spark = try await Spark.open(store: store)
        let running = Task { await spark.run() }
        var task = TaskRecord(id: "t3", description: "paint the fence", status: .failed, plan: [], createdAt: now)
        task.failureReason = "no plan for this task"
        try await store.insertPosted(task, prediction: await spark.unplannablePrediction(forTask: "t3", at: now))
        await store.events.settle()
        let prediction = try #require(try await store.predictions(limit: 10).first)
        #expect(prediction.score == nil)
        await spark.finish()
        await running.value
    }

    @Test("a reader gets every event once, in commit order, however many writers commit at once")
    func commitOrder() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = Store(database: try AppDatabase.open(directory: folder.url))
        let reader = await store.events.reader()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    try await store.write { _, recorder in
                        for _ in 0..<3 { try recorder.emit(.toolExecuted, ["index": .int(index)]) }
                    }
                }
            }
            try await group.waitForAll()
        }
        await reader.close()
        var ids: [Int64] = []
        while let batch = await reader.next() { ids += batch.compactMap(\.id) }
        #expect(ids.count == 600)
        #expect(ids == ids.sorted() && Set(ids).count == ids.count)
        await store.events.settle()
    }
}
