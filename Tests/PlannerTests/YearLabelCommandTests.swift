import Foundation
import Testing
import _TestSupport

/// Golden transcripts of ledgers whose years are written as calendar years, as US fiscal years, or
/// with a gap (docs/scenario.md, "Years").
@Suite("planner with years as people write them (golden files)")
struct YearLabelCommandTests {
    /// A scratch folder holding `files` (name → text).
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = try PlannerRun.scratchFolder()
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test("calendar years: 2019, 2020, 2021 → 2022 with fiscal_year_start: January, printed as 2022")
    func calendarYears() throws {
        let folder = try Self.folder([
            "ledger.csv": """
            line,year,budget,actual
            Waste collection,2019,"1,200,000","1,180,000"
            Waste collection,2020,"1,250,000","1,265,000"
            Waste collection,2021,"1,300,000","1,310,000"
            Libraries,2019,"400,000","385,000"
            Libraries,2020,"410,000","402,000"
            Libraries,2021,"420,000","431,000"

            """,
            "scenario.yaml": """
            ledger: ledger.csv
            target_year: 2022
            fiscal_year_start: January
            lines:
              Waste collection: "1,350,000"
              Libraries: "440,000"

            """])
        let run = try PlannerRun(["forecast", "scenario.yaml"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(run.result.standardOutput.hasPrefix("Forecast 2022: "))
        #expect(!run.result.standardOutput.contains("2021/22") && !run.result.standardOutput.contains("2022/23"))
        #expect(GoldenFile.check(run.transcript, named: "forecast-calendar-years.txt") == nil)
    }

    @Test("US fiscal years: FY2020, FY2021 → FY2022 with fiscal_year_start: July, printed as FY2022")
    func usFiscalYears() throws {
        let folder = try Self.folder([
            "ledger.csv": """
            line,year,budget,actual
            Parks,FY2020,"2,100,000","2,050,000"
            Parks,FY2021,"2,150,000","2,190,000"
            Street lighting,FY2020,"650,000","640,000"
            Street lighting,FY2021,"660,000","672,000"

            """,
            "scenario.yaml": """
            ledger: ledger.csv
            target_year: FY2022
            fiscal_year_start: July
            lines:
              Parks: "2,200,000"
              Street lighting: "680,000"

            """])
        let check = try PlannerRun(["check", "scenario.yaml"], in: folder)
        #expect(check.result.exitCode == 0)
        #expect(check.result.standardOutput.contains("target year: FY2022 (years start in July)"))
        let run = try PlannerRun(["forecast", "scenario.yaml"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(run.result.standardOutput.hasPrefix("Forecast FY2022: "))
        #expect(GoldenFile.check(run.transcript, named: "forecast-us-fiscal-years.txt") == nil)
        // A ledger year in another style is an error naming the row and where the style was set.
        let mixed = try Self.folder([
            "ledger.csv": "line,year,budget,actual\nParks,FY2020,100,90\nParks,2020/21,100,90\n",
            "scenario.yaml": "ledger: ledger.csv\ntarget_year: FY2022\nfiscal_year_start: July\nlines:\n  Parks: 100\n"])
        let refused = try PlannerRun(["forecast", "scenario.yaml"], in: mixed)
        #expect(refused.result.exitCode == 1)
        #expect(refused.result.standardError.contains("ledger.csv:3: year '2020/21' is written differently from 'FY2022' (target_year, scenario.yaml:2)"),
                "\(refused.result.standardError)")
    }

    @Test("a ledger with a gap: check warns, forecast projects from the years present and says which year is missing")
    func ledgerWithAGap() throws {
        let folder = try Self.folder([
            "ledger.csv": """
            line,year,budget,actual
            Cleaning,2017/18,"300,000","295,000"
            Cleaning,2018/19,"310,000","312,000"
            Cleaning,2020/21,"330,000","334,000"
            Cleaning,2021/22,"340,000","338,000"
            Security,2018/19,"150,000","149,000"
            Security,2019/20,"155,000","158,000"
            Security,2020/21,"160,000","161,000"
            Security,2021/22,"165,000","170,000"

            """,
            "scenario.yaml": """
            ledger: ledger.csv
            target_year: 2022/23
            lines:
              Cleaning: "350,000"
              Security: "172,000"

            """])
        let check = try PlannerRun(["check", "scenario.yaml"], in: folder)
        #expect(check.result.exitCode == 0)
        #expect(check.result.standardError == "ledger.csv:4: warning: line 'Cleaning': 2019/20 missing; projected from the years present\n")
        #expect(GoldenFile.check(check.transcript, named: "check-ledger-gap.txt") == nil)
        let run = try PlannerRun(["forecast", "scenario.yaml"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(run.result.standardOutput.contains("Cleaning: 2019/20 missing; trend from the years present; "))
        #expect(!run.result.standardOutput.contains("Security: 2019/20 missing"))
        #expect(GoldenFile.check(run.transcript, named: "forecast-ledger-gap.txt") == nil)
    }
}
