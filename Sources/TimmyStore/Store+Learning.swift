import Foundation
import GRDB
import TimmyCore

extension Store {
    /// Every persona's record, rebuilt from stored bids and outcomes.
    public func agentRecords() async throws -> [String: AgentHistory] {
        try await read { db in
            var records: [String: AgentHistory] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT agent, COUNT(*) AS n FROM bids GROUP BY agent") {
                records[row["agent"], default: AgentHistory()].bids = row["n"]
            }
            let winSQL = """
                SELECT winner, COUNT(*) AS wins, SUM(winning_bid) AS total,
                       SUM(status = 'completed') AS completions, SUM(status = 'failed') AS failures
                FROM tasks WHERE winner IS NOT NULL GROUP BY winner
                """
            for row in try Row.fetchAll(db, sql: winSQL) {
                let agent: String = row["winner"]
                records[agent, default: AgentHistory()].wins = row["wins"]
                records[agent, default: AgentHistory()].winningBidTotal = row["total"] ?? 0
                records[agent, default: AgentHistory()].completions = row["completions"]
                records[agent, default: AgentHistory()].failures = row["failures"]
            }
            let keywordSQL = """
                SELECT t.winner AS agent, t.status AS status, b.matched_keywords AS keywords
                FROM tasks t JOIN bids b ON b.task_id = t.id AND b.agent = t.winner
                WHERE b.keyword_matched = 1
                """
            for row in try Row.fetchAll(db, sql: keywordSQL) {
                let agent: String = row["agent"]
                let text: String = row["keywords"]
                let keywords = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
                let status: String = row["status"]
                for keyword in keywords {
                    records[agent, default: AgentHistory()].keywordWins[keyword, default: 0] += 1
                    if status == TaskStatus.completed.rawValue {
                        records[agent, default: AgentHistory()].keywordCompletions[keyword, default: 0] += 1
                    } else if status == TaskStatus.failed.rawValue {
                        records[agent, default: AgentHistory()].keywordFailures[keyword, default: 0] += 1
                    }
                }
            }
            return records
        }
    }
}

extension Store {
    /// Scores, in one write, the predictions of ended tasks against how each ended; a task without
    /// a prediction is skipped. Reads and writes go through cached statements, and only the outcome columns are written.
    public func scorePredictions(
        ofTasks ids: [String], score: @escaping @Sendable (Prediction, TaskRecord) -> Prediction
    ) async throws {
        try await write { db, _ in
            let predictions = try db.cachedStatement(sql: "SELECT * FROM predictions WHERE task_id = ?")
            let tasks = try db.cachedStatement(sql: "SELECT * FROM tasks WHERE id = ?")
            let update = try db.cachedStatement(
                sql: "UPDATE predictions SET actual_winner = ?, actual_success = ?, actual_bid = ?, score = ?, scored_at = ? WHERE task_id = ?")
            for id in ids {
                guard let prediction = try Prediction.fetchOne(predictions, arguments: [id]),
                    let task = try TaskRecord.fetchOne(tasks, arguments: [id])
                else { continue }
                let scored = score(prediction, task)
                try update.execute(arguments: [scored.actualWinner, scored.actualSuccess, scored.actualBid, scored.score, scored.scoredAt, task.id])
            }
        }
    }

    /// The keywords the winner of a task matched with its bid; empty without a winner.
    public func winningKeywords(task id: String) async throws -> [String] {
        try await read { db in
            let sql = "SELECT b.* FROM bids b JOIN tasks t ON b.task_id = t.id AND b.agent = t.winner WHERE t.id = ?"
            return try BidRecord.fetchOne(db, sql: sql, arguments: [id])?.matchedKeywords ?? []
        }
    }

    /// Finished tasks with a winner, oldest first: the streak advisor's input.
    public func finishedOutcomes() async throws -> [(agent: String, success: Bool)] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT winner, status FROM tasks WHERE winner IS NOT NULL AND status IN ('completed', 'failed') ORDER BY updated_at, rowid"
            ).map { (agent: $0["winner"], success: ($0["status"] as String) == "completed") }
        }
    }

    /// The lowest and highest bid of each recent auction with bids, newest first.
    public func recentBidSpreads(limit: Int) async throws -> [(low: Int, high: Int)] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT MIN(sats) AS low, MAX(sats) AS high FROM bids
                    WHERE task_id IN (SELECT DISTINCT task_id FROM bids ORDER BY id DESC LIMIT ?)
                    GROUP BY task_id HAVING COUNT(*) >= 2
                    """, arguments: [limit]
            ).map { (low: $0["low"], high: $0["high"]) }
        }
    }
}
