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

    /// The `planner fit` arguments for a NIST set, from the model its certified values are for.
    static func nistArguments(_ name: String, _ certified: [String: Any]) -> [String] {
        var arguments = ["datasets/nist/\(name).csv", "--y", "y"]
        if let predictors = certified["predictors"] as? [String] {
            return arguments + ["--x", predictors.joined(separator: ",")]
        }
        arguments += ["--x", "x"]
        if let degree = certified["degree"] as? Int, degree > 1 { arguments += ["--degree", "\(degree)"] }
        if certified["intercept"] as? Bool == false { arguments.append("--no-intercept") }
        return arguments
    }

    /// NIST StRD's eleven linear sets, lower to higher difficulty.
    static let nistSets = ["norris", "pontius", "noint1", "noint2", "longley", "filip",
                           "wampler1", "wampler2", "wampler3", "wampler4", "wampler5"]

    @Test("every NIST StRD linear set keeps at least 9 certified digits in every coefficient, standard error, R² and residual SD, through the binary",
          arguments: nistSets)
    func nistThroughJSON(name: String) throws {
        let certified = try Self.certified(name)
        let output = try Self.fitJSON(Self.nistArguments(name, certified))
        let lre = try Self.lowestLRE(output, certified)
        #expect(lre >= 9, "\(name): \(lre) digits")
        let n = try #require(certified["n"] as? Int)
        let p = try #require((certified["coefficients"] as? [Double])?.count)
        #expect(output["rank"] as? Int == p)
        #expect(output["degreesOfFreedom"] as? Int == n - p)
    }

    @Test("polynomial terms are named in the original x scale")
    func polynomialTermNames() throws {
        let output = try Self.fitJSON(["datasets/nist/filip.csv", "--y", "y", "--x", "x", "--degree", "10"])
        let terms = try #require(output["terms"] as? [String])
        #expect(terms.first == "(Intercept)" && terms[1] == "x" && terms[2] == "x^2" && terms.count == 11)
    }

    @Test("--no-intercept fits through the origin: NoInt1's one term, uncentred R² in the table")
    func noInterceptTable() throws {
        let result = try PlannerProcess.run(["fit", "datasets/nist/noint1.csv", "--y", "y", "--x", "x", "--no-intercept"])
        #expect(result.exitCode == 0, "stderr: \(result.standardError)")
        #expect(!result.standardOutput.contains("(Intercept)"))
        #expect(result.standardOutput.contains("(uncentred: no intercept)"))
    }

    @Test("--no-intercept with --degree is a usage error (exit 64)")
    func noInterceptWithDegreeIsUsageError() throws {
        let result = try PlannerProcess.run(["fit", "datasets/nist/filip.csv", "--y", "y", "--x", "x", "--degree", "2",
                                             "--no-intercept"])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains("--no-intercept"), "stderr: \(result.standardError)")
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

    /// Writes `text` to `name` in a new temporary directory and returns the directory.
    static func temporaryFile(_ name: String, _ text: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("outturn-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return directory
    }

    /// The number or array of numbers after `"key": ` in the planner's JSON, read with Swift's
    /// correctly rounded parser (Foundation's JSON reader is not exact at exponents near ±300).
    static func jsonNumbers(_ key: String, _ json: String) throws -> [Double] {
        let start = try #require(json.range(of: "\"\(key)\": "))
        let rest = json[start.upperBound...]
        let text: Substring
        if rest.hasPrefix("[") {
            let close = try #require(rest.firstIndex(of: "]"))
            text = rest[rest.index(after: rest.startIndex)..<close]
        } else {
            text = rest.prefix { $0 != "," && $0 != "\n" }
        }
        var values: [Double] = []
        for field in text.split(separator: ",") {
            let trimmed = field.trimmingCharacters(in: .whitespaces)
            values.append(try #require(Double(trimmed), "not a number: \(trimmed)"))
        }
        return values
    }

    @Test("a huge --degree is a usage error (exit 64), not an arithmetic trap",
          arguments: ["9223372036854775807", "31", "1000000"])
    func hugeDegreeIsUsageError(degree: String) throws {
        let result = try PlannerProcess.run(["fit", "datasets/nist/filip.csv", "--y", "y", "--x", "x", "--degree", degree])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains("--degree must be between 1 and 30"), "stderr: \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test("responses near 1e±300 fit exactly as the same data scaled by a power of two: same R², coefficients and errors scaled",
          arguments: [990, -990])
    func extremeResponsesScaleExactly(exponent: Int) throws {
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7]
        let y: [Double] = [2.5, 3.9, 6.4, 7.7, 10.2, 11.6, 14.3]
        let factor = Double(sign: .plus, exponent: exponent, significand: 1) // exact scaling
        func csv(_ values: [Double]) -> String {
            "x,y\n" + zip(x, values).map { "\($0),\($1)\n" }.joined()
        }
        let ordinary = try Self.temporaryFile("ordinary.csv", csv(y))
        let extreme = try Self.temporaryFile("extreme.csv", csv(y.map { $0 * factor }))
        defer {
            try? FileManager.default.removeItem(at: ordinary)
            try? FileManager.default.removeItem(at: extreme)
        }
        for degree in [nil, 2] {
            var arguments = ["--y", "y", "--x", "x", "--format", "json"]
            if let degree { arguments += ["--degree", "\(degree)"] }
            let base = try PlannerProcess.run(["fit", "ordinary.csv"] + arguments, workingDirectory: ordinary)
            let scaled = try PlannerProcess.run(["fit", "extreme.csv"] + arguments, workingDirectory: extreme)
            #expect(base.exitCode == 0 && scaled.exitCode == 0, "stderr: \(scaled.standardError)")
            let a = base.standardOutput, b = scaled.standardOutput
            let numbers = Self.jsonNumbers
            let rSquared = try numbers("rSquared", b)
            #expect(rSquared == (try numbers("rSquared", a)) && rSquared[0] < 1)
            for key in ["coefficients", "standardErrors", "residualStandardError"] {
                let expected = try numbers(key, a).map { $0 * factor }
                #expect(try numbers(key, b) == expected, "\(key), degree \(degree ?? 1)")
            }
            let table = try PlannerProcess.run(["fit", "extreme.csv"] + arguments.dropLast(2), workingDirectory: extreme)
            #expect(table.exitCode == 0)
            #expect(!table.standardOutput.contains("inf") && !table.standardOutput.contains("nan"),
                    "stdout: \(table.standardOutput)")
        }
    }

    @Test("a fit whose coefficients cannot be represented in double precision exits 1 naming the file and term")
    func unrepresentableFitIsDataError() throws {
        // x near 1e300: the x² coefficient is near 1e-600, below the smallest double.
        let directory = try Self.temporaryFile("huge.csv", "x,y\n1e300,1\n2e300,2\n3e300,2.9\n4e300,4.2\n5e300,5\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try PlannerProcess.run(["fit", "huge.csv", "--y", "y", "--x", "x", "--degree", "2"],
                                            workingDirectory: directory)
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix("huge.csv: fitting 'y': the coefficient of '"), "stderr: \(result.standardError)")
        #expect(result.standardError.contains("hint: rescale"))
        #expect(result.standardOutput.isEmpty)
    }
}
