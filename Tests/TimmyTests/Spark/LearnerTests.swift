import Foundation
import Testing
import TimmyCore
import TimmySpark
import TimmyStore

@Suite("Bid formula and learner")
struct LearnerTests {
    @Test("the formula: matched bids max(1, base − jitter), others min(200, 1.8·base + jitter)")
    func formula() throws {
        let reel = try #require(PersonaCatalog.persona("reel"))
        #expect(BidFormula.bid(for: reel, matched: true, jitter: 20) == 60)
        #expect(BidFormula.bid(for: reel, matched: false, jitter: 20) == 164)
        let quill = try #require(PersonaCatalog.persona("quill"))
        #expect(BidFormula.bid(for: quill, matched: false, jitter: 0) == 54)
        #expect(BidFormula.range(for: quill, matched: true) == 15...30)
        let heavy = Persona(
            id: "x", name: "X", role: "", rateSats: 1, bidBase: 150, bidJitter: 10, capabilities: [], preferredKeywords: [], bids: true)
        #expect(BidFormula.bid(for: heavy, matched: false, jitter: 10) == 200)
        let tiny = Persona(id: "y", name: "Y", role: "", rateSats: 1, bidBase: 3, bidJitter: 10, capabilities: [], preferredKeywords: [], bids: true)
        #expect(BidFormula.bid(for: tiny, matched: true, jitter: 10) == 1)
    }

    @Test("fewer than three outcomes leave bids untouched")
    func cold() {
        var record = AgentHistory()
        record.completions = 1
        record.failures = 1
        #expect(Learner.factor(record, matchedKeywords: ["code"]) == 1.0)
    }

    @Test("failures raise the factor in proportion to the failure rate")
    func failures() {
        var record = AgentHistory()
        record.completions = 1
        record.failures = 3
        #expect(abs(Learner.factor(record, matchedKeywords: []) - 1.375) < 1e-9)
        record.completions = 0
        #expect(Learner.factor(record, matchedKeywords: []) == 1.5)
    }

    @Test("a strong record on the matched keywords lowers the bid; other keywords do not")
    func keywordDiscount() {
        var record = AgentHistory()
        record.completions = 5
        record.keywordCompletions = ["code": 4]
        record.keywordFailures = ["code": 1]
        #expect(abs(Learner.factor(record, matchedKeywords: ["code"]) - 0.85) < 1e-9)
        #expect(Learner.factor(record, matchedKeywords: ["test"]) == 1.0)
        #expect(Learner.factor(record, matchedKeywords: []) == 1.0)
        record.keywordFailures = ["code": 2]
        #expect(Learner.factor(record, matchedKeywords: ["code"]) == 1.0)
    }

    @Test("the learner's live records move with auctions and outcomes")
    func live() async {
        let learner = Learner()
        await learner.recordAuction(bidders: ["echo", "forge"], winner: "forge", winningBid: 30, winnerKeywords: ["code"])
        for _ in 0..<3 { await learner.recordOutcome(agent: "forge", keywords: ["code"], success: true) }
        let record = await learner.record(for: "forge")
        #expect(record.bids == 1 && record.wins == 1 && record.completions == 3 && record.averageWinningBid == 30)
        #expect(await learner.factor(for: "forge", matchedKeywords: ["code"]) == 0.85)
        #expect(await learner.record(for: "echo").bids == 1)
    }

    @Test("prediction scoring weighs winner 0.4, success 0.4, bid range 0.2")
    func scoring() {
        let prediction = Prediction(
            taskId: "t", predictedWinner: "quill", successProbability: 0.7, bidLow: 50, bidHigh: 60, basis: "", createdAt: Date())
        var task = TaskRecord(id: "t", description: "d", status: .completed, plan: [], createdAt: Date())
        task.winner = "quill"
        task.winningBid = 55
        #expect(PredictionScorer.score(prediction, task: task).score == 1.0)
        task.winningBid = 70
        #expect(PredictionScorer.score(prediction, task: task).score == 0.8)
        task.winner = "echo"
        #expect(PredictionScorer.score(prediction, task: task).score == 0.4)
        task.status = .failed
        #expect(PredictionScorer.score(prediction, task: task).score == 0.0)
    }
}
