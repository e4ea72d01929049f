import Foundation
@testable import Outturn
import Testing

@Suite("The run record: SHA-256 of the inputs, the assumptions, the seed and the run date")
struct RunRecordTests {
    @Test("SHA-256 matches the FIPS 180-2 test vectors, from text and from a file read in pieces")
    func digests() throws {
        // FIPS 180-2, appendix B.1 and B.2; the empty message's digest is the well-known e3b0….
        #expect(RunRecord.digest(ofText: "abc", name: "a", role: "r").sha256
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(RunRecord.digest(ofText: "", name: "a", role: "r").sha256
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(RunRecord.digest(ofText: message, name: "a", role: "r").sha256
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // One million 'a' (FIPS 180-2 B.3), from a file: read in 1 MiB pieces, so it spans two.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("run-record-\(UUID().uuidString)").path
        try Data(repeating: UInt8(ascii: "a"), count: 1_000_000 + (1 << 20)).prefix(1_000_000).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try RunRecord.digest(ofFileAt: path, role: "ledger")
        #expect(file.sha256 == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(file.bytes == 1_000_000)
        #expect(throws: InputError.self) { try RunRecord.digest(ofFileAt: path + ".missing", role: "ledger") }
    }

    @Test("the run date: OUTTURN_RUN_DATE when set (date or date-time, UTC), else now; anything else is an error")
    func runDate() throws {
        #expect(try RunRecord.runDate(environment: ["OUTTURN_RUN_DATE": "2026-11-30"]) == "2026-11-30T00:00:00Z")
        #expect(try RunRecord.runDate(environment: ["OUTTURN_RUN_DATE": "2026-11-30T12:34:56Z"]) == "2026-11-30T12:34:56Z")
        #expect(try RunRecord.runDate(environment: [:], now: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        for bad in ["30/11/2026", "2026-13-01", "yesterday", "2026-11-30T12:34"] {
            #expect(throws: InputError.self, "\(bad)") { try RunRecord.runDate(environment: ["OUTTURN_RUN_DATE": bad]) }
        }
    }

    @Test("the record sits beside the output: forecast.csv → forecast.run.json")
    func sidecar() {
        #expect(RunRecord.sidecarPath(for: "forecast.csv") == "forecast.run.json")
        #expect(RunRecord.sidecarPath(for: "out/forecast.v2.xlsx") == "out/forecast.v2.run.json")
        #expect(RunRecord.sidecarPath(for: "report") == "report.run.json")
        #expect(RunRecord.sidecarPath(for: ".hidden") == ".hidden.run.json")
    }

    @Test("the bundled scenario's record hashes the bundled texts and lists every resolved assumption")
    func bundledRecord() throws {
        let record = try ResolvedScenario.bundled().runRecord(command: "forecast", plannerVersion: "9.9", runDate: "2026-11-30T00:00:00Z")
        #expect(record.inputs.map(\.role) == ["scenario", "ledger", "activity"])
        #expect(record.inputs[1].sha256 == RunRecord.digest(ofText: BundledData.ledger, name: "x", role: "y").sha256)
        let names = record.assumptions.map(\.name)
        for key in ["target_year", "fiscal_year_start", "assumptions.inflation", "assumptions.year_to_year_spread",
                    "assumptions.correlation", "confidence.levels", "confidence.budget_needed", "rag.red", "rag.amber",
                    "materiality.percent", "materiality.amount", "simulation.draws", "simulation.seed"] {
            #expect(names.contains(key), "\(key)")
        }
        #expect(record.seed == 20220401)
        #expect(record.jsonText.contains("\"runDate\": \"2026-11-30T00:00:00Z\""))
    }
}
