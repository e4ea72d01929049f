import Foundation
import Testing
import _TestSupport

@Suite("The output format from the --output file's name; one format enum, each command's subset")
struct OutputFormatFromFileNameTests {
    /// The bundled forecast written to `name` in a fresh folder with `extra` arguments; its bytes.
    static func forecast(to name: String, _ extra: [String] = []) throws -> (PlannerProcess.Result, Data) {
        let folder = try PlannerRun.scratchFolder()
        let result = try PlannerProcess.run(["forecast", "--output", name] + extra, workingDirectory: folder)
        return (result, (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data())
    }

    @Test("--output forecast.csv writes CSV without --format; an explicit --format wins; another extension writes the table")
    func forecastFollowsTheExtension() throws {
        let (stdout, _) = try (PlannerProcess.run(["forecast", "--format", "csv"]), ())
        let (csv, csvBytes) = try Self.forecast(to: "forecast.csv")
        #expect(csv.exitCode == 0)
        #expect(csvBytes == Data(stdout.standardOutput.utf8))
        let (json, jsonBytes) = try Self.forecast(to: "forecast.json")
        #expect(json.exitCode == 0)
        #expect((try? JSONSerialization.jsonObject(with: jsonBytes)) is [String: Any])
        let (_, markdown) = try Self.forecast(to: "forecast.md")
        #expect(String(decoding: markdown, as: UTF8.self).contains("| Line |"))
        let (_, workbook) = try Self.forecast(to: "forecast.xlsx")
        #expect(workbook.prefix(2) == Data("PK".utf8))
        // --format wins over the extension.
        let (_, forced) = try Self.forecast(to: "forecast.csv", ["--format", "json"])
        #expect((try? JSONSerialization.jsonObject(with: forced)) is [String: Any])
        // Unknown extension or none: the table, as on standard output.
        let table = try PlannerProcess.run(["forecast"])
        let (_, out) = try Self.forecast(to: "forecast.out")
        #expect(out == Data(table.standardOutput.utf8))
        let (_, bare) = try Self.forecast(to: "forecast")
        #expect(bare == Data(table.standardOutput.utf8))
    }

    @Test("variance follows the extension too")
    func varianceFollowsTheExtension() throws {
        let folder = try PlannerRun.scratchFolder()
        let run = try PlannerProcess.run(["variance", "--output", "v.json"], workingDirectory: folder)
        #expect(run.exitCode == 0)
        let data = try Data(contentsOf: folder.appendingPathComponent("v.json"))
        #expect((try? JSONSerialization.jsonObject(with: data)) is [String: Any])
    }

    @Test("a format a command does not write is a usage error (64) naming the ones it does")
    func subsetsAreUsageErrors() throws {
        let fit = try PlannerProcess.run(["fit", "x.csv", "--y", "y", "--x", "x", "--format", "csv"])
        #expect(fit.exitCode == 64)
        #expect(fit.standardError.contains("--format csv: planner fit writes table or json, not csv; "), "\(fit.standardError)")
        let backtest = try PlannerProcess.run(["backtest", "x.csv", "--horizon", "1", "--format", "markdown"])
        #expect(backtest.exitCode == 64)
        #expect(backtest.standardError.contains("--format markdown: planner backtest writes table or json, not markdown; "))
        let inYear = try PlannerProcess.run(["backtest-inyear", "x.csv", "--format", "html"])
        #expect(inYear.exitCode == 64)
        #expect(inYear.standardError.contains("--format html: planner backtest-inyear writes table or json, not html; "))
        let evaluate = try PlannerProcess.run(["evaluate", "h.csv", "--output", "scores.csv"])
        #expect(evaluate.exitCode == 64)
        #expect(evaluate.standardError.contains("--output scores.csv: its extension asks for csv, but planner evaluate writes table, json, markdown, html or xlsx; "))
    }

    @Test("variance --year takes any spelling of the ledger's years")
    func varianceYearSpellings() throws {
        let spelled = try PlannerProcess.run(["variance", "--year", "FY2022"])
        let span = try PlannerProcess.run(["variance", "--year", "2021/22"])
        let bare = try PlannerProcess.run(["variance", "--year", "2021"])
        #expect(span.exitCode == 0)
        #expect(spelled.standardOutput == span.standardOutput)
        #expect(bare.standardOutput == span.standardOutput)
        #expect(span.standardOutput.hasPrefix("Variance 2021/22"))
    }
}
