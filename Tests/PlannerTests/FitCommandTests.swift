import Foundation
import Testing
import _TestSupport

@Suite("planner fit")
struct FitCommandTests {
    /// Certified values from datasets/nist/certified.json.
    static func certified(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Datasets.url("nist/certified.json"))
        let all = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(all[name] as? [String: Any])
    }

    /// Runs `planner fit --format json` and returns the parsed object.
    static func fitJSON(_ arguments: [String]) throws -> [String: Any] {
        let result = try PlannerProcess.run(["fit"] + arguments + ["--format", "json"])
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        return try #require(object as? [String: Any])
    }

    /// Smallest LRE over coefficients, standard errors, R² and residual standard error.
    static func lowestLRE(_ output: [String: Any], _ certified: [String: Any]) throws -> Double {
        let coefficients = try #require(output["coefficients"] as? [Double])
        let errors = try #require(output["standardErrors"] as? [Double])
        let expectedCoefficients = try #require(certified["coefficients"] as? [Double])
        let expectedErrors = try #require(certified["std_errors"] as? [Double])
        #expect(coefficients.count == expectedCoefficients.count)
        var lowest = 15.0
        for (actual, expected) in zip(coefficients, expectedCoefficients) {
            lowest = min(lowest, logRelativeError(actual, certified: expected))
        }
        for (actual, expected) in zip(errors, expectedErrors) {
            lowest = min(lowest, logRelativeError(actual, certified: expected))
        }
        lowest = min(lowest, logRelativeError(try #require(output["rSquared"] as? Double),
                                              certified: try #require(certified["r_squared"] as? Double)))
        lowest = min(lowest, logRelativeError(try #require(output["residualStandardError"] as? Double),
                                              certified: try #require(certified["residual_sd"] as? Double)))
        return lowest
    }

    @Test("Norris and Pontius through --format json keep 9 certified digits",
          arguments: [("norris", 1), ("pontius", 2)])
    func lowerDifficultyThroughJSON(name: String, degree: Int) throws {
        var arguments = ["datasets/nist/\(name).csv", "--y", "y", "--x", "x"]
        if degree > 1 { arguments += ["--degree", "\(degree)"] }
        let output = try Self.fitJSON(arguments)
        let lre = try Self.lowestLRE(output, try Self.certified(name))
        #expect(lre >= 9, "\(name): \(lre) digits")
        #expect(output["degreesOfFreedom"] as? Int == (name == "norris" ? 34 : 37))
        #expect(output["rank"] as? Int == degree + 1)
    }

    @Test("Filip (degree 10) through --format json keeps 7 certified digits in the original x scale")
    func filipThroughJSON() throws {
        let output = try Self.fitJSON(["datasets/nist/filip.csv", "--y", "y", "--x", "x", "--degree", "10"])
        let lre = try Self.lowestLRE(output, try Self.certified("filip"))
        #expect(lre >= 7, "filip: \(lre) digits")
        let terms = try #require(output["terms"] as? [String])
        #expect(terms.first == "(Intercept)" && terms[1] == "x" && terms[2] == "x^2" && terms.count == 11)
    }

    @Test("Norris table output matches its golden file")
    func norrisTableSnapshot() throws {
        let result = try PlannerProcess.run(["fit", "datasets/nist/norris.csv", "--y", "y", "--x", "x"])
        #expect(result.exitCode == 0)
        #expect(result.standardError.isEmpty)
        #expect(GoldenFile.check(result.standardOutput, named: "fit-norris-table.txt") == nil)
    }

    @Test("a value that is not a number exits 1 naming the file and line")
    func badValueExitsOneWithLine() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("outturn-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "x,y\n1,2\n2,4.1\n3,six\n4,8.2\n".write(to: directory.appendingPathComponent("bad.csv"),
                                                 atomically: true, encoding: .utf8)
        let result = try PlannerProcess.run(["fit", "bad.csv", "--y", "y", "--x", "x"], workingDirectory: directory)
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix("bad.csv:4:"), "stderr: \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test("too few rows for the model exits 1 naming the file")
    func tooFewRowsExitsOne() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("outturn-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "x,y\n1,2\n2,4.1\n3,5.9\n".write(to: directory.appendingPathComponent("short.csv"),
                                            atomically: true, encoding: .utf8)
        let result = try PlannerProcess.run(["fit", "short.csv", "--y", "y", "--x", "x", "--degree", "2"],
                                            workingDirectory: directory)
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix("short.csv: 3 data rows are too few"), "stderr: \(result.standardError)")
    }

    @Test("--degree with several --x columns is a usage error (exit 64)")
    func degreeWithSeveralColumnsIsUsageError() throws {
        let result = try PlannerProcess.run(["fit", "datasets/nist/longley.csv", "--y", "y", "--x", "x1,x2",
                                             "--degree", "2"])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains("--degree"))
    }

    @Test("an unknown column exits 1 with the closest name")
    func unknownColumnExitsOne() throws {
        let result = try PlannerProcess.run(["fit", "datasets/nist/longley.csv", "--y", "y", "--x", "x1,x7"])
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("no column named 'x7'"), "stderr: \(result.standardError)")
    }

    @Test("a column that duplicates another is reported as aliased with the rank, not as an error")
    func aliasedColumnIsReported() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("outturn-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "x1,x2,y\n1,2,1.1\n2,4,1.9\n3,6,3.2\n4,8,3.9\n5,10,5.1\n".write(
            to: directory.appendingPathComponent("dup.csv"), atomically: true, encoding: .utf8)
        let table = try PlannerProcess.run(["fit", "dup.csv", "--y", "y", "--x", "x1,x2"], workingDirectory: directory)
        #expect(table.exitCode == 0, "stderr: \(table.standardError)")
        #expect(table.standardOutput.contains("Rank 2 of 3"), "stdout: \(table.standardOutput)")
        let json = try PlannerProcess.run(["fit", "dup.csv", "--y", "y", "--x", "x1,x2", "--format", "json"],
                                          workingDirectory: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["rank"] as? Int == 2)
        #expect(object["degreesOfFreedom"] as? Int == 3)
        let aliased = try #require(object["aliasedTerms"] as? [String])
        #expect(aliased.count == 1 && ["x1", "x2"].contains(aliased[0]))
        let coefficients = try #require(object["coefficients"] as? [Any])
        #expect(coefficients.filter { $0 is NSNull }.count == 1)
    }
}
