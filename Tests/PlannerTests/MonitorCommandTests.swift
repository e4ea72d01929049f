import Foundation
import Testing
import _TestSupport

@Suite("planner monitor")
struct MonitorCommandTests {
    static let actualsName = "actuals-2022-23-month6.csv"

    /// A folder with the bundled files and the bundled monthly actuals, optionally edited.
    static func folder(editing edits: [String: (String) -> String] = [:]) throws -> URL {
        let folder = try PlannerRun.folderWithBundledFiles(editing: edits)
        var text = try Datasets.text("gwent-ict/" + actualsName)
        if let edit = edits[actualsName] { text = edit(text) }
        try Data(text.utf8).write(to: folder.appendingPathComponent(actualsName))
        return folder
    }

    static func json(_ arguments: [String], in folder: URL? = nil) throws -> [String: Any] {
        let run = try PlannerRun(["monitor"] + arguments + ["--format", "json"], in: folder)
        try #require(run.result.exitCode == 0, "\(run.result.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.result.standardOutput.utf8)) as? [String: Any])
    }

    static func number(_ any: Any?) throws -> Double { try #require((any as? NSNumber)?.doubleValue) }

    static func lines(_ report: [String: Any]) throws -> [[String: Any]] { try #require(report["lines"] as? [[String: Any]]) }

    @Test("the bundled monitor, as a table and as JSON (golden transcripts)", arguments: ["table", "json"])
    func bundledGolden(format: String) throws {
        let run = try PlannerRun(["monitor", "--format", format])
        #expect(run.result.exitCode == 0)
        #expect(GoldenFile.check(run.transcript, named: "monitor-bundled-\(format).txt") == nil)
    }

    @Test("bundled JSON: the keys the issue asks for; actual to date is the sum of the file's April–September rows; projected ≥ actual to date, inside its intervals")
    func bundledFigures() throws {
        let report = try Self.json([])
        #expect(report["year"] as? String == "2022/23")
        #expect(report["asOf"] as? String == "2022-09")
        var spent: [String: Double] = [:]
        for row in try Datasets.text("gwent-ict/" + Self.actualsName).split(separator: "\n").dropFirst() {
            let fields = row.split(separator: ",")
            if fields[1] >= "2022-04" { spent[String(fields[0]), default: 0] += Double(fields[2])! }
        }
        let lines = try Self.lines(report)
        #expect(lines.count == 5)
        for line in lines {
            let name = try #require(line["line"] as? String)
            for key in ["line", "budget", "actualToDate", "profiledBudgetToDate", "projected", "interval80", "interval95",
                        "probabilityOfOverspend", "expectedOverspend", "rag", "reason"] {
                #expect(line[key] != nil, "\(name) lacks \(key)")
            }
            let toDate = try Self.number(line["actualToDate"]), projected = try Self.number(line["projected"])
            #expect(toDate == spent[name], "\(name)")
            #expect(projected >= toDate)
            let i80 = try #require(line["interval80"] as? [Double]), i95 = try #require(line["interval95"] as? [Double])
            #expect(i95[0] <= i80[0] && i80[0] <= projected && projected <= i80[1] && i80[1] <= i95[1], "\(name)")
            #expect(try Self.number(line["profiledBudgetToDate"]) < (try Self.number(line["budget"])))
        }
        let total = try #require(report["total"] as? [String: Any])
        #expect(try Self.number(total["budget"]) == 9_767_942)
        #expect(abs(try Self.number(total["actualToDate"]) - spent.values.reduce(0, +)) < 0.005)
        let airwave = try #require(lines.first { $0["line"] as? String == "Airwave" })
        #expect((airwave["reason"] as? String)?.contains("no monthly history of its own") == true)
    }

    @Test("the bundled projections equal an independent recomputation (scripts/reference/monitor-bundled.py, exact normal quantiles)")
    func independentRecomputation() throws {
        // Output of scripts/reference/monitor-bundled.py: line, projected, 80% low, 80% high.
        let reference: [String: [Double]] = [
            "SRS Collaboration": [4_269_728.48, 3_831_485.46, 4_758_097.48],
            "Airwave": [606_420.57, 539_140.47, 682_096.65],
            "Devolved Force Budgets": [2_202_258.07, 1_968_773.26, 2_463_432.79],
            "National ICT Services": [1_145_873.15, 1_028_624.99, 1_276_485.88],
            "DSD": [1_661_923.76, 1_492_683.98, 1_850_351.86],
        ]
        // The script's input: the view before the year (the forecast's projection), as the binary reports it.
        let beforeYear: [String: [Double]] = [
            "SRS Collaboration": [4300664.067514114, 0.21631366489479767],
            "Airwave": [627793.6520574018, 0.25453963226175097],
            "Devolved Force Budgets": [2256261.035191972, 0.2875188323826774],
            "National ICT Services": [1204197.5769437987, 0.21180676684438987],
            "DSD": [1778075.3760728724, 0.20531674589275078],
        ]
        for line in try Self.lines(try Self.json([])) {
            let name = try #require(line["line"] as? String)
            let expected = try #require(reference[name])
            let view = try #require(line["beforeYear"] as? [String: Any])
            #expect(abs(try Self.number(view["median"]) / beforeYear[name]![0] - 1) < 1e-12, "\(name)")
            #expect(abs(try Self.number(view["logSpread"]) - beforeYear[name]![1]) < 1e-12, "\(name)")
            #expect(abs(try Self.number(line["projected"]) - expected[0]) <= 0.01, "\(name)")
            // The distribution's table interpolates Φ between z = −3.5, −3.45, …: ends within 0.01%.
            let i80 = try #require(line["interval80"] as? [Double])
            #expect(abs(i80[0] / expected[1] - 1) < 1e-4 && abs(i80[1] / expected[2] - 1) < 1e-4, "\(name): \(i80)")
        }
    }

    /// A folder whose actuals hold every month of 2022/23: each line spends `monthly` a month.
    static func fullYearFolder(monthly: [String: Int]) throws -> URL {
        try folder(editing: [actualsName: { _ in
            var text = "line,month,actual\n"
            for (name, amount) in monthly.sorted(by: { $0.key < $1.key }) {
                for m in 0..<12 { text += "\(name),\(m < 9 ? "2022" : "2023")-\(String(format: "%02d", (3 + m) % 12 + 1)),\(amount)\n" }
            }
            return text
        }])
    }

    static let flatMonthly = ["SRS Collaboration": 300_000, "Airwave": 60_000, "Devolved Force Budgets": 150_000,
                              "National ICT Services": 90_000, "DSD": 140_000]

    @Test("as of month 12 the projection is the actual, with zero-width intervals")
    func monthTwelveIsTheActual() throws {
        let report = try Self.json(["scenario-2022-23.yaml", "--as-of", "2023-03"], in: try Self.fullYearFolder(monthly: Self.flatMonthly))
        for line in try Self.lines(report) {
            let name = try #require(line["line"] as? String)
            let actual = Double(12 * Self.flatMonthly[name]!)
            #expect(try Self.number(line["projected"]) == actual, "\(name)")
            #expect(line["interval80"] as? [Double] == [actual, actual])
            #expect(line["interval95"] as? [Double] == [actual, actual])
            let p = try Self.number(line["probabilityOfOverspend"])
            #expect(p == (actual > (try Self.number(line["budget"])) ? 1 : 0))
        }
    }

    @Test("the same line's intervals narrow (on the log scale) month by month through the year")
    func intervalsNarrow() throws {
        let folder = try Self.fullYearFolder(monthly: Self.flatMonthly)
        var previous: [String: Double] = [:]
        for m in 0..<12 {
            let month = "\(m < 9 ? "2022" : "2023")-\(String(format: "%02d", (3 + m) % 12 + 1))"
            for line in try Self.lines(try Self.json(["scenario-2022-23.yaml", "--as-of", month], in: folder)) {
                let name = try #require(line["line"] as? String)
                let i95 = try #require(line["interval95"] as? [Double])
                let width = log(i95[1] / i95[0])
                if let before = previous[name] { #expect(width < before || width == 0, "\(name) at \(month): \(width) after \(before)") }
                previous[name] = width
            }
        }
        #expect(previous.values.allSatisfy { $0 == 0 })
    }

    @Test("raising a line's budget never raises its P(overspend)",
          arguments: [("£1,026,146", "National ICT Services"), ("£1,514,590", "Devolved Force Budgets"), ("£763,042", "Airwave")])
    func raisingBudgetNeverRaisesRisk(budget: String, name: String) throws {
        let base = Double(budget.filter(\.isNumber))!
        var last = 1.0
        for factor in [0.6, 0.8, 1.0, 1.2, 1.5, 2.0] {
            let folder = try Self.folder(editing: ["scenario-2022-23.yaml": {
                $0.replacingOccurrences(of: "    budget: \(budget)", with: "    budget: \(Int(base * factor))")
            }])
            let lines = try Self.lines(try Self.json(["scenario-2022-23.yaml"], in: folder))
            let line = try #require(lines.first { $0["line"] as? String == name })
            #expect(try Self.number(line["budget"]) == Double(Int(base * factor)))
            let p = try Self.number(line["probabilityOfOverspend"])
            #expect(p <= last, "\(name) at ×\(factor): \(p) after \(last)")
            last = p
        }
    }

    @Test("html and xlsx go through the shared page and workbook")
    func documents() throws {
        let html = try PlannerRun(["monitor", "--format", "html"])
        #expect(html.result.exitCode == 0)
        let page = html.result.standardOutput
        #expect(page.contains("Monitor 2022/23 as of 2022-09"))
        // A fan chart per line (ids fan-1…fan-5) and the assumptions, as on the forecast's page.
        #expect((1...5).allSatisfy { page.contains("id=\"fan-\($0)") } && !page.contains("id=\"fan-6"))
        #expect(page.contains("Projected outturn") && page.contains("Assumptions"))
        let folder = try PlannerRun.scratchFolder()
        let xlsx = try PlannerRun(["monitor", "--format", "xlsx", "--output", "m.xlsx"], in: folder)
        #expect(xlsx.result.exitCode == 0)
        let bytes = try Data(contentsOf: folder.appendingPathComponent("m.xlsx"))
        #expect(bytes.prefix(2) == Data("PK".utf8))
    }

    @Test("bad actuals: FILE:LINE, what is wrong and a hint; exit 1", arguments: [
        ("Airwave,2022-04,46642", "Airwav,2022-04,46642", "\(actualsName):", "did you mean 'Airwave'?"),
        ("Airwave,2022-04,46642", "Airwave,2022-4,46642", "is not a calendar month", "2021-09"),
        ("Airwave,2022-04,46642", "Airwave,2022-04,46642\nAirwave,2022-04,1", "has 2022-04 twice", "one row per line and month"),
        ("Airwave,2022-04,46642", "Airwave,2023-04,46642", "outside the years monitored", "leave later months out"),
        ("Airwave,2022-04,46642", "Airwave,2019-04,46642", "outside the years monitored", "first year"),
        ("Airwave,2022-04,46642", "Airwave,2022-04,lots", "is not an amount", "write 0"),
        ("Airwave,2022-04,46642\n", "", "has no actual for 2022-04", "Airwave,2022-04,0"),
        ("Airwave,2022-04,46642", "Airwave,2022-04,-946642", "negative actual to date", "signs"),
    ])
    func badActuals(original: String, replacement: String, message: String, hint: String) throws {
        let folder = try Self.folder(editing: [Self.actualsName: { $0.replacingOccurrences(of: original, with: replacement) }])
        let run = try PlannerRun(["monitor", "scenario-2022-23.yaml"], in: folder)
        #expect(run.result.exitCode == 1, "\(run.result.standardError)")
        #expect(run.result.standardError.contains(message), "\(run.result.standardError)")
        #expect(run.result.standardError.contains(hint), "\(run.result.standardError)")
        #expect(run.result.standardOutput.isEmpty)
    }

    @Test("a month after --as-of is ignored: as of 2022-06 only April to June count")
    func laterMonthsIgnored() throws {
        let report = try Self.json(["--as-of", "2022-06"])
        #expect(report["asOf"] as? String == "2022-06")
        let srs = try #require(try Self.lines(report).first { $0["line"] as? String == "SRS Collaboration" })
        #expect(try Self.number(srs["actualToDate"]) == 204_921 + 206_212 + 616_175)
    }

    @Test("usage and scenario errors: --as-of not a month (64), outside the year (1), a scenario without actuals_to_date (1)")
    func usageErrors() throws {
        let notMonth = try PlannerRun(["monitor", "--as-of", "Sept"])
        #expect(notMonth.result.exitCode == 64)
        #expect(notMonth.result.standardError.contains("2022-09"))
        let outside = try PlannerRun(["monitor", "--as-of", "2021-09"])
        #expect(outside.result.exitCode == 1)
        #expect(outside.result.standardError.contains("is not a month of 2022/23"))
        let folder = try Self.folder(editing: ["scenario-2022-23.yaml": {
            $0.replacingOccurrences(of: "actuals_to_date: actuals-2022-23-month6.csv", with: "")
        }])
        let missing = try PlannerRun(["monitor", "scenario-2022-23.yaml"], in: folder)
        #expect(missing.result.exitCode == 1)
        #expect(missing.result.standardError.contains("scenario-2022-23.yaml: the scenario has no actuals_to_date"))
        // The forecast reads a scenario with the key as before.
        let forecast = try PlannerRun(["forecast", "scenario-2022-23.yaml", "--format", "csv"], in: try Self.folder())
        #expect(forecast.result.exitCode == 0)
    }

    @Test("a grouped ledger: every group's budget, actual to date and profiled budget sum its lines at every level; the total keeps its budget")
    func groupedLedger() throws {
        let groups = ["SRS Collaboration": "Partnerships/Regional", "Airwave": "Partnerships/National",
                      "Devolved Force Budgets": "Force", "National ICT Services": "Partnerships/National", "DSD": "Force"]
        let folder = try Self.folder(editing: ["ledger.csv": { text in
            text.split(separator: "\n").enumerated().map { index, row in
                index == 0 ? row + ",group" : row + "," + groups[String(row.split(separator: ",")[0])]!
            }.joined(separator: "\n") + "\n"
        }])
        let report = try Self.json(["scenario-2022-23.yaml"], in: folder)
        let lines = try Self.lines(report)
        let rows = try #require(report["groups"] as? [[String: Any]])
        #expect(rows.map { $0["group"] as? String } == ["Partnerships", "Partnerships/Regional", "Partnerships/National", "Force"])
        for row in rows {
            let path = try #require(row["group"] as? String)
            let members = lines.filter { groups[$0["line"] as! String]! == path || groups[$0["line"] as! String]!.hasPrefix(path + "/") }
            for key in ["budget", "actualToDate", "profiledBudgetToDate"] {
                let sum = try members.map { try Self.number($0[key]) }.reduce(0, +)
                #expect(abs(try Self.number(row[key]) - sum) < 0.005, "\(path) \(key)")
            }
            let p = try Self.number(row["probabilityOfOverspend"])
            #expect(p >= 0 && p <= 1)
        }
        let total = try #require(report["total"] as? [String: Any])
        #expect(try Self.number(total["budget"]) == 9_767_942)
        // --level 1: the top-level groups only, no lines; the same total.
        let top = try Self.json(["scenario-2022-23.yaml", "--level", "1"], in: folder)
        #expect(try Self.lines(top).isEmpty)
        #expect((top["groups"] as? [[String: Any]])?.map { $0["group"] as? String } == ["Partnerships", "Force"])
        #expect(try Self.number((top["total"] as? [String: Any])?["projected"]) == (try Self.number(total["projected"])))
        // Without a group column, --level is an error naming the ledger.
        let ungrouped = try PlannerRun(["monitor", "--level", "1"])
        #expect(ungrouped.result.exitCode == 1)
        #expect(ungrouped.result.standardError.contains("needs groups"))
    }

}
