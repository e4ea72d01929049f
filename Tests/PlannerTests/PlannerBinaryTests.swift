import Foundation
import Testing
import _TestSupport

@Suite("planner binary")
struct PlannerBinaryTests {
    @Test("--version prints the version and exits 0")
    func versionExitsZero() throws {
        let result = try PlannerProcess.run(["--version"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput == "0.1.0\n")
    }
}
