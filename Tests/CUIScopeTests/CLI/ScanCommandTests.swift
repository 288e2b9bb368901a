import Foundation
import Testing

/// `--scan` on the built executable: `analyze`, `explain` and `validate` read nmap XML.
@Suite(.serialized) struct ScanCommandTests {
    @Test func analyzeWithScanReportsTheScanAndItsFindings() throws {
        let r = try CLIRunner.run(["analyze", "--scan", "Fixtures/demo/scan.xml"] + CLIRunner.demoArgs)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Fixtures/demo/scan.xml (nmap): 10 records"))
        #expect(r.stdout.contains("hosts down 1"))
        #expect(r.stdout.contains("SCAN-40 Scanned asset listens on services nothing explains — corp-vdi-01"))
        #expect(r.stdout.contains("Live host 10.50.1.77"))
        #expect(r.stdout.contains("Fixtures/demo/scan.xml:112: Scanned host 10.50.1.77"))
        #expect(r.stdout.contains("open ports (scan): tcp/22 tcp/443 tcp/445 tcp/8443"))
    }

    @Test func sarifWithScanEvidenceValidates() throws {
        let r = try CLIRunner.run(["analyze", "--format", "sarif", "--scan", "Fixtures/demo/scan.xml"] + CLIRunner.demoArgs)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#""uri" : "Fixtures/demo/scan.xml""#))
        let problems = try ExternalValidators.sarifErrors(r.stdout)
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test func explainListsTheOpenPortsWithTheirLines() throws {
        let r = try CLIRunner.run(["explain", "corp-vdi-01", "--scan", "Fixtures/demo/scan.xml"] + CLIRunner.demoArgs)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Fixtures/demo/scan.xml:163:1: tcp/445 microsoft-ds"))
        #expect(r.stdout.contains("SCAN-40"))
    }

    @Test func validateRecognisesAScanAndABadOneExitsTwo() throws {
        let ok = try CLIRunner.run(["validate", "Fixtures/demo/scan.xml"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let bad = TestPaths.temporaryFile("""
            <?xml version="1.0"?>
            <nmaprun scanner="nmap">
            <host><status state="up"/><address addr="10.0.0.999" addrtype="ipv4"/></host>
            </nmaprun>
            """, name: "bad-scan.xml")
        let r = try CLIRunner.run(["analyze", "--inventory", "Fixtures/demo/inventory.csv", "--scan", bad])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad-scan.xml:3:"))
        #expect(r.stderr.contains("<address addr> is not an IPv4 or IPv6 address"))
        let asRules = try CLIRunner.run(["analyze", "--inventory", "Fixtures/demo/inventory.csv", "--rules", "Fixtures/demo/scan.xml"])
        #expect(asRules.status == 2)
        #expect(asRules.stderr.contains("an nmap scan, not a rules export (pass it with --scan)"))
    }
}
