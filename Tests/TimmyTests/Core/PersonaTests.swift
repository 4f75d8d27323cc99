import Testing
import TimmyAPI
import TimmyCore
import TimmySwarm

@Suite("Personas and keyword matching")
struct PersonaTests {
    @Test("nine bidders exactly as specified, and Timmy who never bids")
    func catalog() throws {
        #expect(PersonaCatalog.bidders.map(\.id) == ["echo", "mace", "helm", "seer", "forge", "quill", "pixel", "lyra", "reel"])
        let timmy = try #require(PersonaCatalog.persona("timmy"))
        #expect(timmy.bids == false && timmy.rateSats == 0)
        let table: [(String, Int, Int, Int)] = [
            ("echo", 50, 35, 15), ("mace", 75, 55, 20), ("helm", 60, 40, 20), ("seer", 65, 45, 20), ("forge", 55, 38, 17),
            ("quill", 45, 30, 15), ("pixel", 80, 60, 20), ("lyra", 90, 70, 20), ("reel", 100, 80, 20),
        ]
        for (id, rate, base, jitter) in table {
            let persona = try #require(PersonaCatalog.persona(id))
            #expect(persona.rateSats == rate && persona.bidBase == base && persona.bidJitter == jitter, "\(id)")
        }
        #expect(PersonaCatalog.persona("forge")?.preferredKeywords.contains("pull request") == true)
        #expect(PersonaCatalog.persona("helm")?.capabilities == ["devops", "automation", "configuration"])
    }

    @Test("keywords match whole words and phrases, never substrings")
    func wholeWords() throws {
        let helm = try #require(PersonaCatalog.persona("helm"))
        #expect(helm.matchedKeywords(in: WordMatcher("be precise about it")).isEmpty)
        #expect(helm.matchedKeywords(in: WordMatcher("set up CI for the repo")) == ["ci"])
        let forge = try #require(PersonaCatalog.persona("forge"))
        #expect(forge.matchedKeywords(in: WordMatcher("open a pull request")).contains("pull request"))
        #expect(!forge.matchedKeywords(in: WordMatcher("pull the request")).contains("pull request"))
        #expect(forge.matchedKeywords(in: WordMatcher("testing the debugger")) == ["testing"])
        #expect(!WordMatcher("contest").contains(phrase: "test"))
    }

    @Test("the keyword map sends git words to git tools")
    func keywordMap() {
        #expect(ToolKeywordMap(ToolFamilies.standard).tools(for: WordMatcher("commit and push")) == ["git_commit", "git_push"])
        #expect(ToolKeywordMap(ToolFamilies.standard).tools(for: WordMatcher("show the git status")).contains("git_status"))
        #expect(ToolKeywordMap(ToolFamilies.standard).tools(for: WordMatcher("stash then blame")) == ["git_stash", "git_blame"])
    }
}
