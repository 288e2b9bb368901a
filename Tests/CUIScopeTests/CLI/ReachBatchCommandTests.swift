import Foundation
import Testing

/// `cuiscope reach --queries FILE.jsonl`: one load, one JSON answer per query line, in order;
/// bad lines answered with their line number and an exit status of 2 at the end.
@Suite("CLI: reach --queries")
struct ReachBatchCommandTests {
    static let rules = ["--rules", "Fixtures/demo/firewall.xml", "--scope", "Fixtures/demo/scope.yaml"]

    static func lines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func eachLineGetsTheSingleQueryAnswerInOrder() throws {
        let questions = [
            #"{"from": "10.20.10.57", "to": "10.50.1.10", "proto": "tcp", "port": 445}"#,
            #"{"from": "10.20.10.51", "to": "10.50.1.10", "proto": "tcp", "port": "445"}"#,
            "",
            #"{"from": "fs01", "to": "10.20.10.57", "from_zone": "enclave", "to_zone": "corp"}"#,
            #"{"from": "10.99.0.50", "to": "172.16.1.10", "proto": "tcp", "port": 80}"#,
        ]
        let file = TestPaths.temporaryFile(questions.joined(separator: "\n") + "\n", name: "q.jsonl")
        let r = try CLIRunner.run(["reach", "--queries", file, "--inventory", "Fixtures/demo/inventory.csv"] + Self.rules)
        #expect(r.status == 0, "\(r.stderr)")
        let answers = try Self.lines(r.stdout)
        #expect(answers.count == 4)
        // Each answer is the object `reach --format json` prints for the same flags.
        let singles: [[String]] = [
            ["--from", "10.20.10.57", "--to", "10.50.1.10", "--proto", "tcp", "--port", "445"],
            ["--from", "10.20.10.51", "--to", "10.50.1.10", "--proto", "tcp", "--port", "445"],
            ["--from", "fs01", "--to", "10.20.10.57", "--from-zone", "enclave", "--to-zone", "corp"],
            ["--from", "10.99.0.50", "--to", "172.16.1.10", "--proto", "tcp", "--port", "80"],
        ]
        for (n, flags) in singles.enumerated() {
            let one = try CLIRunner.run(
                ["reach", "--format", "json", "--inventory", "Fixtures/demo/inventory.csv"] + flags + Self.rules)
            #expect(one.status == 0, "\(one.stderr)")
            let expected = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? NSDictionary)
            #expect(NSDictionary(dictionary: answers[n]) == expected, "query \(n + 1)")
        }
        #expect(answers[0]["rule"] as? String == "helpdesk-smb-temp")
        #expect(answers[1]["rule"] as? String == "corp-deny-enclave")
        #expect(answers[3]["default"] as? Bool == true)
    }

    @Test func badLinesAreAnsweredWithTheirLineNumberAndExitTwo() throws {
        let questions = [
            #"{"from": "10.20.10.57", "to": "10.50.1.10", "proto": "tcp", "port": 445}"#,
            #"{"from": "10.20.10.57"}"#,
            "not json",
            #"{"from": "10.20.10.57", "to": "10.50.1.10", "port": 70000}"#,
            #"{"from": "10.20.10.57", "to": "10.50.1.10", "proto": "bogus"}"#,
            #"{"from": "no-such-asset", "to": "10.50.1.10"}"#,
            #"{"from": "10.20.10.57", "to": "10.50.1.10", "src": "x"}"#,
            #"{"from": "10.20.10.51", "to": "10.50.1.10", "proto": "tcp", "port": 445}"#,
        ]
        let file = TestPaths.temporaryFile(questions.joined(separator: "\n"), name: "q.jsonl")
        let r = try CLIRunner.run(["reach", "--queries", file] + Self.rules)
        #expect(r.status == 2)
        let answers = try Self.lines(r.stdout)
        #expect(answers.count == questions.count)
        #expect(answers[0]["decision"] as? String == "allow")
        #expect(answers[7]["decision"] as? String == "deny")
        for n in 1...6 {
            #expect(answers[n]["line"] as? Int == n + 1)
            #expect((answers[n]["error"] as? String)?.isEmpty == false)
            #expect(answers[n]["decision"] == nil)
        }
        #expect((answers[1]["error"] as? String)?.contains("'to'") == true)
        #expect((answers[3]["error"] as? String)?.contains("port") == true)
        #expect((answers[4]["error"] as? String)?.contains("proto") == true)
        #expect((answers[5]["error"] as? String)?.contains("no-such-asset") == true)
        #expect((answers[6]["error"] as? String)?.contains("'src'") == true)
    }

    @Test func queriesReplaceFromAndTo() throws {
        let file = TestPaths.temporaryFile("", name: "q.jsonl")
        #expect(try CLIRunner.run(["reach", "--queries", file, "--from", "10.0.0.1"] + Self.rules).status == 2)
        #expect(try CLIRunner.run(["reach"] + Self.rules).status == 2)
        let empty = try CLIRunner.run(["reach", "--queries", file] + Self.rules)
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
        let missing = try CLIRunner.run(["reach", "--queries", "/nonexistent.jsonl"] + Self.rules)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent.jsonl"))
    }
}
